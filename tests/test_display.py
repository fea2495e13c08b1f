"""Tables, the chamber picture and notebook display."""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import unsc
from unsc import history, reform

SVG = "{http://www.w3.org/2000/svg}"


def test_chamber_svg_is_valid_and_accessible() -> None:
    """One seat per member, labelled and coloured by vote, with a text alternative in
    sentences and the outcome beneath in plain words."""
    decision = unsc.decide(history.get("S/2023/772"))
    root = ET.fromstring(decision.svg())

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    label = root.get("aria-label") or ""
    assert label.startswith(
        "S/2023/772, 16 October 2023. Russian draft resolution on the situation in Gaza "
        "(humanitarian ceasefire). Put forward by the Russian Federation. "
        "Not adopted: fewer than nine votes in favour. "
        "5 in favour, 4 against, 6 abstaining; nine needed. No veto: France, the United "
        "Kingdom and the United States voted against a draft that already lacked the votes."
    )
    assert "Against: France, Japan, the United Kingdom and the United States." in label
    assert label.endswith(
        "Ringed seats hold the veto: China, France, the Russian Federation, the United "
        "Kingdom and the United States."
    )  # no permanent seat without a veto today: nothing said of one
    assert root.find(f"{SVG}title") is not None
    seats = root.findall(f"{SVG}g[@class='seat']")
    assert len(seats) == 15
    by_code = {"".join(g.find(f"{SVG}text").itertext()): g for g in seats}
    assert set(by_code) == set(decision.resolution.council.codes)
    usa = by_code["USA"]
    assert usa.get("aria-label") == "United States: no (holds the veto)"
    fills = [c.get("fill") for c in usa.findall(f"{SVG}circle")]
    assert "#D55E00" in fills  # no, in the colour-blind-safe palette
    assert len(usa.findall(f"{SVG}circle")) == 2  # the veto holder's ring
    assert len(by_code["JPN"].findall(f"{SVG}circle")) == 1
    texts = [" ".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Not adopted: fewer than nine votes in favour" in texts
    assert "5 in favour, 4 against, 6 abstaining; nine needed" in texts
    assert "thick ring: holds the veto" in texts
    assert not any("quota" in text for text in texts)


def _reach(seat: ET.Element) -> tuple[float, float, float]:
    """A seat's centre and how far it reaches: its widest circle, stroke included."""
    circles = seat.findall(f"{SVG}circle")
    x, y = float(circles[0].get("cx") or 0), float(circles[0].get("cy") or 0)
    reach = max(float(c.get("r") or 0) + float(c.get("stroke-width") or 0) / 2 for c in circles)
    return x, y, reach


@pytest.mark.parametrize(
    ("council", "size"),
    [
        (unsc.Council.of_year(1950), 11),
        (unsc.Council.of_year(2023), 15),
        (reform.model("g4").council, 25),
        (reform.model("au").council, 26),
    ],
)
def test_no_two_seats_touch(council: unsc.Council, size: int) -> None:
    """At every council size, every pair of seats has white space between them."""
    draft = unsc.Resolution("S/X", council=council)
    draft = draft.with_votes(yes=list(council.codes[:-1]), no=council.codes[-1])
    root = ET.fromstring(draft.svg())
    seats = [_reach(g) for g in root.findall(f"{SVG}g[@class='seat']")]

    assert len(seats) == size
    for (x1, y1, r1), (x2, y2, r2) in itertools.combinations(seats, 2):
        assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 + 6
    ringed = [
        g for g in root.findall(f"{SVG}g[@class='seat']") if len(g.findall(f"{SVG}circle")) == 2
    ]
    assert len(ringed) == len(council.veto)


def test_the_ring_means_the_veto() -> None:
    """The G4's new permanent members have no veto, no ring, and say so."""
    council = reform.model("g4").council
    draft = unsc.Resolution("S/X", council=council).with_votes(yes=list(council.codes))
    root = ET.fromstring(draft.svg())
    seats = root.findall(f"{SVG}g[@class='seat']")
    new_permanent = [m for m in council.members if m.permanent and m.code not in council.veto]

    assert new_permanent
    for member in new_permanent:
        (seat,) = [g for g in seats if g.get("aria-label", "").startswith(member.name + ":")]
        assert len(seat.findall(f"{SVG}circle")) == 1
        assert seat.get("aria-label", "").endswith("(without a veto): yes")
        assert "holds the veto" not in seat.get("aria-label", "")


def _texts(svg: str) -> list[str]:
    return [" ".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_the_g4_picture_names_its_new_permanent_seats() -> None:
    """NP01–NP06 are explained in the key as new permanent seats without a veto (the
    African Union's, with one), E01–E14 as elected seats; the text alternative says it."""
    for key, words in (("g4", "without a veto"), ("au", "with a veto")):
        council = reform.model(key).council
        svg = unsc.Resolution("S/X", council=council).with_votes(yes=list(council.codes)).svg()
        foot = " ".join(_texts(svg)).replace("\u00a0", " ")
        label = ET.fromstring(svg).get("aria-label") or ""

        assert f"NP01–NP06: new permanent seats {words}" in foot
        assert "E01–E1" in foot
        assert "elected seats" in foot
        assert "USA United States" in foot
        assert ("Permanent seats without a veto: New permanent seat 1" in label) == (key == "g4")


def test_the_picture_has_a_key_to_its_codes() -> None:
    """Seats carry codes; the key beneath names each as the Council knew it, and a
    wrapped key never parts a code from its name."""
    svg = unsc.decide(history.get("S/RES/83 (1950)")).svg()
    lines = [t for t in _texts(svg) if "\u00a0" in t or t.startswith("Key:")]
    entries = " ".join(lines).removeprefix("Key: ").split(" · ")
    names = [e.replace("\u00a0", " ") for e in entries]

    assert len(lines) > 1  # wrapped
    assert "SUN USSR" in names
    assert "CHN Republic of China" in names
    assert len(entries) == 11
    assert all(re.fullmatch(r"[A-Z]{3}\u00a0[^ ]+", e) for e in entries)


def test_the_picture_says_what_the_draft_was_about() -> None:
    """Under the heading: the draft's subject and who put it forward, from the record;
    nothing for a hypothetical draft that has neither."""
    texts = _texts(unsc.decide(history.get("S/2023/772")).svg())
    bare = _texts(
        unsc.Resolution("S/X", council=unsc.Council.of_year(2023))
        .with_votes(yes=list(unsc.Council.of_year(2023).codes))
        .svg()
    )

    assert texts[:3] == [
        "S/2023/772, 16 October 2023",
        "Russian draft resolution on the situation in Gaza (humanitarian ceasefire)",
        "Put forward by the Russian Federation",
    ]
    assert bare[1] == "Adopted"


def test_a_decision_is_saved_as_svg_or_png(tmp_path: Path) -> None:
    """.save writes the picture; the notebook gets it as SVG too."""
    decision = unsc.decide(history.get("S/2023/773"))

    assert decision._repr_svg_() == decision.svg()
    assert history.get("S/2023/773")._repr_svg_() == decision.svg()
    written = decision.save(tmp_path / "s_2023_773.svg")
    assert written.read_text(encoding="utf-8") == decision.svg()
    assert history.get("S/2023/772").save(str(tmp_path / "x.SVG")).exists()
    with pytest.raises(unsc.errors.InvalidFieldError, match=r"'.*x\.pdf'.*\.svg or \.png"):
        decision.save(tmp_path / "x.pdf")
    with pytest.raises(unsc.errors.FileError, match="No such file"):
        decision.save(tmp_path / "missing" / "x.svg")


def test_png_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without cairosvg, a PNG is refused with the extra to install."""
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # as if not installed

    with pytest.raises(unsc.errors.MissingDependencyError, match=r"unsc\[png\]"):
        unsc.decide(history.get("S/2023/773")).save(tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_png_rendered(tmp_path: Path) -> None:
    """With the png extra, the picture is rendered at twice its size."""
    pytest.importorskip("cairosvg")
    decision = unsc.decide(history.get("S/2023/773"))
    data = decision.save(tmp_path / "x.png").read_bytes()
    width = int.from_bytes(data[16:20], "big")

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert width == 2 * int(ET.fromstring(decision.svg()).get("width") or 0)


def test_incomplete_vote_draws_what_is_cast() -> None:
    """A vote in progress shows the votes cast so far."""
    draft = unsc.Resolution("S/X", council=unsc.Council.of_year(2024)).with_votes(yes="DZA CHN")
    root = ET.fromstring(draft.svg())

    assert "2 of 15 votes cast so far" in "".join(root.itertext())
    assert "No vote yet: " in (root.get("aria-label") or "")


def test_html_reprs() -> None:
    """Records, councils and results show themselves in a notebook."""
    record = history.get("S/2023/773")
    assert "<svg" in record._repr_html_()
    assert "<table>" in record._repr_html_()
    assert "<svg" in unsc.decide(record)._repr_html_()
    assert "<table>" in unsc.Council.of_year(2023)._repr_html_()
    assert "<table>" in history.records(year=2023)._repr_html_()
    assert "Disagreement" not in history.replay("S/2023/773")._repr_html_()
    assert "<table>" in unsc.analysis.power(unsc.Council.of_year(2023))._repr_html_()
    assert "<table>" in unsc.analysis.pass_probability(unsc.Council.of_year(2023))._repr_html_()
    assert "<table>" in history.vetoes()._repr_html_()


def test_tables_in_any_format() -> None:
    """str() gives the table and the verdict; .table(fmt) takes any tabulate format."""
    decision = unsc.decide(history.get("S/2023/772"))
    text = str(decision)

    assert "United States         USA     permanent  no" in text
    assert "S/2023/772: not adopted (insufficient votes), 5–4–6" in text
    assert decision.table("github").splitlines()[0].startswith("| member")
    assert "\\begin{tabular}" in unsc.Council.of_year(2023).table("latex")
    listing = history.records(vetoed_by="USA", year=2023)
    assert "S/2023/773    " in str(listing)
    assert "2023-10-18  12–1–2  vetoed" in str(listing)
    assert str(listing).endswith("(each decision names its own).")  # what it rests on


def _unsc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unsc", *args], capture_output=True, text=True, timeout=60
    )


def test_replay_says_what_the_draft_was_about(tmp_path: Path) -> None:
    """`unsc replay` shows the subject and sponsor under the symbol, as its picture does;
    what the record lacks it says it lacks."""
    run = _unsc("replay", "S/2023/772", "--svg", str(tmp_path / "772.svg"))
    bare = _unsc("replay", "S/RES/2231 (2015)")

    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(
        "S/2023/772, 16 October 2023\n"
        "Russian draft resolution on the situation in Gaza (humanitarian ceasefire)\n"
        "Put forward by the Russian Federation\n"
    )
    assert "Put forward by the Russian Federation" in (tmp_path / "772.svg").read_text()
    assert bare.returncode == 0, bare.stderr
    assert "Sponsors: not in the bundled record" in bare.stdout.split("\n\n")[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("replay", "S/2099/1"), "S/2099/1"),
        (("replay", "S/2023/772", "--svg", "picture.gif"), "give a file name ending in .svg"),
    ],
)
def test_a_replay_that_cannot_be_made_is_one_line(args: tuple[str, ...], message: str) -> None:
    """An unknown symbol or a picture that cannot be written: one line, exit 2."""
    run = _unsc(*args)

    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1

"""Tables, the chamber picture and notebook display."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import unsc
from unsc import history

SVG = "{http://www.w3.org/2000/svg}"


def test_chamber_svg_is_valid_and_accessible() -> None:
    """One seat per member, labelled and coloured by vote, with a text alternative."""
    decision = unsc.decide(history.get("S/2023/772"))
    root = ET.fromstring(decision.svg())

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    label = root.get("aria-label") or ""
    assert label.startswith("S/2023/772, 16 October 2023. S/2023/772: not adopted")
    assert "no: France, Japan, United Kingdom, United States" in label
    assert root.find(f"{SVG}title") is not None
    seats = root.findall(f"{SVG}g[@class='seat']")
    assert len(seats) == 15
    by_code = {"".join(g.find(f"{SVG}text").itertext()): g for g in seats}
    assert set(by_code) == set(decision.resolution.council.codes)
    usa = by_code["USA"]
    assert usa.get("aria-label") == "United States: no (permanent member)"
    fills = [c.get("fill") for c in usa.findall(f"{SVG}circle")]
    assert "#D55E00" in fills  # no, in the colour-blind-safe palette
    assert len(usa.findall(f"{SVG}circle")) == 2  # the permanent seat's ring
    assert len(by_code["JPN"].findall(f"{SVG}circle")) == 1
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "not adopted (insufficient votes), 5–4–6" in texts
    assert "5 in favour, 9 required" in texts


def test_incomplete_vote_draws_what_is_cast() -> None:
    """A vote in progress shows the votes cast so far."""
    draft = unsc.Resolution("S/X", council=unsc.Council.of_year(2024)).with_votes(yes="DZA CHN")
    root = ET.fromstring(draft.svg())

    assert "2 of 15 votes cast" in "".join(root.itertext())


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
    assert "S/2023/773                             2023-10-18  12–1–2  vetoed" in str(listing)

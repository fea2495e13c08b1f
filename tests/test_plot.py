"""Pictures: every gallery picture renders to PNG and says what it shows; without
matplotlib, a clear error naming the extra."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from unsc import history
from unsc.analysis import agreement, agreement_trend, blocs
from unsc.errors import MissingDependencyError, NoSuchEntryError, UnknownChoiceError, UNSCError

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from _docs_images import ROOT, tool  # noqa: E402

#: What each gallery picture's title must say: its measure or subject, and a source.
SAYS = {
    "gallery_agreement.png": ("identical", "2020–2025", "decisions with every member's vote"),
    "gallery_p5_trend.png": ("identical", "rolling 5-year windows", "per window"),
    "gallery_vetoes.png": ("Vetoes per permanent member by decade", "Counted as", "ends on"),
    "gallery_failures.png": ("Drafts not adopted, by year", "1946–2026", "tables to June"),
    "gallery_calibration.png": ("Calibration", "predicted from the decisions before its year"),
}


@pytest.mark.parametrize("name", sorted(tool.GALLERY))
def test_gallery_picture_renders_to_png(name: str, tmp_path: Path) -> None:
    ax = tool.GALLERY[name]()
    title = ax.get_title(loc="left")
    for words in SAYS[name]:
        assert words in title.replace("\n", " ")
    assert "Source" in title
    path = tmp_path / name
    ax.figure.savefig(path, dpi=60)
    plt.close(ax.figure)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 10_000  # a picture, not an empty frame
    assert (ROOT / "docs" / "img" / name).exists()


def test_heat_map_is_ordered_by_bloc_and_leaves_no_common_vote_blank() -> None:
    """A large map: members who sat long enough, by name, bloc by bloc; blank pairs hatched
    and named in the legend; the threshold stated and adjustable."""
    from unsc.members import state_name

    found = agreement(history.records(years=(2020, 2025)))
    ax = found.plot("coincidence", least=0)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [state_name(c) for c in blocs(found, measure="coincidence").order]
    image = ax.get_images()[0].get_array()
    assert image.mask.any()  # pairs who never sat together: no colour, not zero
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["never voted together"]
    plt.close(ax.figure)
    wide = agreement(history.records(years=(2000, 2025)))
    ax = wide.plot()  # by default, the members who voted on a tenth of the decisions
    shown = len(ax.get_xticklabels())
    assert shown < len(wide.members)
    assert f"Shown: the {shown} members who voted on at least" in ax.get_title(loc="left").replace(
        "\n", " "
    )
    plt.close(ax.figure)
    ax = found.plot(order="members", ax=plt.subplots()[1], least=0)
    assert [t.get_text() for t in ax.get_yticklabels()] == [state_name(c) for c in found.members]
    plt.close(ax.figure)
    with pytest.raises(UNSCError, match="least"):
        found.plot(least=-1)


def test_small_heat_map_prints_its_values() -> None:
    p5 = agreement(history.records(year=2023), members=["CHN", "FRA", "GBR", "RUS", "USA"])
    ax = p5.plot()
    texts = {t.get_text() for t in ax.texts}
    assert f"{float(p5['USA', 'GBR'].identical):.2f}" in texts
    assert "United States" in [t.get_text() for t in ax.get_yticklabels()]
    plt.close(ax.figure)


def test_trend_draws_a_line_per_pair_told_apart_by_style() -> None:
    trend = agreement_trend(history.records(years=(2000, 2025)))
    ax = trend.plot()
    lines = ax.get_lines()
    assert len(lines) == 10
    looks = {(line.get_color(), line.get_linestyle()) for line in lines}
    assert len(looks) == 10
    plt.close(ax.figure)


def test_bad_choices_are_named_before_drawing() -> None:
    found = agreement(history.records(year=2023))
    with pytest.raises(UnknownChoiceError, match="'similarity'"):
        found.plot("similarity")
    with pytest.raises(UnknownChoiceError, match="'alphabet'"):
        found.plot(order="alphabet")
    with pytest.raises(NoSuchEntryError, match="'vetoes'"):
        history.summary().plot(["vetoes"])


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: Any) -> None:
    real = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    monkeypatch.setattr("importlib.import_module", refuse)
    with pytest.raises(MissingDependencyError, match=r"unsc\[plot\]"):
        history.vetoes().plot()

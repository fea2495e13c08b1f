"""Write the pictures the docs show: python tools/make_docs_images.py

tests/test_docs_images.py checks that the committed SVG files are what unsc draws today;
the gallery's PNG files (docs/gallery.md, drawn by matplotlib) are checked by
tests/test_plot.py, which draws each again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import unsc
from unsc import history, reform

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "img"

PICTURES = {
    "s_2023_772.svg": lambda: unsc.decide(history.get("S/2023/772")).svg(),
    "s_2023_773.svg": lambda: unsc.decide(history.get("S/2023/773")).svg(),
    "res_83_1950.svg": lambda: unsc.decide(history.get("S/RES/83 (1950)")).svg(),
    "res_2504_2020.svg": lambda: unsc.decide(history.get("S/RES/2504 (2020)")).svg(),
    "g4_veto.svg": lambda: _g4().svg(),
    # The Model UN misreadings (docs/mun.md): the same votes under a rule the Council
    # does not follow.
    "mun_772_present_and_voting.svg": lambda: unsc.decide(
        history.get("S/2023/772"), unsc.rules.PRESENT_AND_VOTING
    ).svg(),
    "mun_2712_abstention_veto.svg": lambda: unsc.decide(
        history.get("S/RES/2712 (2023)"), unsc.rules.ABSTENTION_VETO
    ).svg(),
}


def _gallery() -> dict[str, Any]:
    """The gallery's pictures (docs/gallery.md): each a function returning matplotlib Axes."""
    from unsc.analysis import agreement, agreement_trend, backtest

    return {
        "gallery_agreement.png": lambda: agreement(history.records(years=(2020, 2025))).plot(),
        "gallery_p5_trend.png": lambda: agreement_trend(window=5).plot(),
        "gallery_vetoes.png": lambda: history.vetoes().plot(),
        "gallery_failures.png": lambda: history.summary().plot(),
        "gallery_calibration.png": lambda: backtest().plot(),
    }


GALLERY = _gallery()


def _g4() -> unsc.Decision:
    """A draft on the G4 model's council of 25 that every seat supports but the US."""
    council = reform.model("g4").council
    draft = unsc.Resolution("Draft on the G4 council", council=council)
    others = [code for code in council.codes if code != "USA"]
    return unsc.decide(draft.with_votes(yes=others, no="USA"))


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    for name, draw in PICTURES.items():
        (IMAGES / name).write_text(draw() + "\n", encoding="utf-8")
        print(f"wrote docs/img/{name}")
    import matplotlib

    matplotlib.use("Agg")
    for name, plot in GALLERY.items():
        figure = plot().figure
        figure.savefig(IMAGES / name, dpi=90, metadata={"Software": None})
        matplotlib.pyplot.close(figure)
        print(f"wrote docs/img/{name}")


if __name__ == "__main__":
    main()

"""Pictures of results with matplotlib (the ``plot`` extra), imported only when one is drawn.

Every picture is colour-blind-safe (the Okabe–Ito colours, and line styles or hatching
besides colour where series must be told apart) and says what it shows: a heading naming the
measure, and beneath it the caption of the result (period, decisions counted, decisions
without member votes) and the source.
"""

from __future__ import annotations

import importlib
import textwrap
from collections.abc import Sequence
from typing import Any

from unsc.errors import InvalidTypeError, MissingDependencyError

#: Okabe & Ito (2008), "Color Universal Design": eight colours told apart with the common
#: colour-vision deficiencies.
OKABE_ITO = (
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000",
)  # fmt: skip
#: Line styles cycled with the colours, so that no two series differ by colour alone.
LINE_STYLES = ("-", "--", ":", "-.")
#: Hatching for stacked bars, for the same reason.
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
#: Where the bundled record comes from, said on every picture drawn from it.
RECORD_SOURCE = (
    "Source: unsc's record of Security Council decisions (the sources of each period in the "
    "caption)"
)


def pyplot() -> Any:
    """``matplotlib.pyplot``, or an error naming the extra that installs it."""
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError:
        raise MissingDependencyError("matplotlib", "plot") from None


def axes(ax: Any, size: tuple[float, float]) -> Any:
    """``ax``, or new axes on a new figure of ``size`` inches."""
    plt = pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
        return ax
    if not hasattr(ax, "figure") or not hasattr(ax, "plot"):
        raise InvalidTypeError("plot(ax)", ax, "give matplotlib Axes, or None for new ones")
    return ax


def label(ax: Any, heading: str, caption: str, source: str) -> None:
    """The heading, then the caption and the source, small, above the plot."""
    # about 11 characters an inch at 8 points, leaving room for the axis labels' indent
    width = int(ax.figure.get_figwidth() * 11)
    text = "\n".join(textwrap.wrap(caption, width) + textwrap.wrap(source, width))
    ax.set_title(f"{heading}\n{text}", loc="left", fontsize=8)


def style(i: int) -> dict[str, Any]:
    """The colour and line style of the ``i``-th series."""
    return {
        "color": OKABE_ITO[i % len(OKABE_ITO)],
        "linestyle": LINE_STYLES[(i // len(OKABE_ITO) + i) % len(LINE_STYLES)],
    }


def stacked_bars(
    ax: Any, periods: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
) -> None:
    """Bars per period, one stacked segment per series, each with its colour and hatch."""
    positions = range(len(periods))
    bottom = [0] * len(periods)
    for i, (name, values) in enumerate(series):
        ax.bar(
            positions,
            values,
            bottom=bottom,
            label=name,
            color=OKABE_ITO[i % len(OKABE_ITO)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor="white",
            linewidth=0.5,
        )
        bottom = [b + v for b, v in zip(bottom, values)]
    step = max(1, len(periods) // 16)
    ax.set_xticks(list(positions)[::step], [str(p) for p in periods][::step], rotation=45)
    ax.legend(fontsize=8, frameon=False)

"""The picture of the Council for a vote: an SVG of the horseshoe table.

It takes plain data, seats and words, and imports nothing of the records: the records
say themselves in words (``unsc._prose.picture``) and call down into this module to
draw, on demand. `Resolution.svg`, `Decision.svg` and their `save` are the public face.
"""

from __future__ import annotations

import importlib
import itertools
import math
import os
import re
import textwrap
from collections.abc import Sequence
from html import escape
from pathlib import Path


def quoteattr(text: str) -> str:
    """``text`` as a double-quoted XML attribute value."""
    return f'"{escape(text, quote=True)}"'


# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; every seat
# also carries its vote as a letter, so colour is never the only cue.
PALETTE = {
    "yes": ("#009E73", "Y", "#FFFFFF"),
    "no": ("#D55E00", "N", "#FFFFFF"),
    "abstain": ("#F0E442", "A", "#000000"),
    "absent": ("#BBBBBB", "–", "#000000"),
    "not participating": ("#56B4E9", "X", "#000000"),
    None: ("#FFFFFF", "?", "#000000"),
}


#: The radius of a seat, the gap between a seat and its veto ring, the ring's stroke, and
#: the least white space left between any two seats (all in pixels).
SEAT_RADIUS, RING_GAP, RING_STROKE, SPACING = 22.0, 5.0, 3.0, 8.0


def extent(veto: bool) -> float:
    """How far a seat reaches from its centre: its ring's outer edge, or its own edge."""
    return SEAT_RADIUS + RING_GAP + RING_STROKE / 2 if veto else SEAT_RADIUS + 0.5


def table_radius(n: int, vetoes: Sequence[bool]) -> float:
    """The radius of the horseshoe that leaves ``SPACING`` between neighbouring seats.

    Seats stand at equal angles on an arc of 240 degrees. Neighbours are the closest
    pairs: the chord between two seats grows with the angle between them up to 180
    degrees, and beyond it stays above 1.7 radii. A chord long enough for the widest
    pair of neighbours is therefore long enough for every pair.
    """
    if n < 2:
        return 150.0
    widest = max(extent(a) + extent(b) for a, b in itertools.pairwise(vetoes))
    step = math.radians(240) / (n - 1)
    return max(150.0, (widest + SPACING) / (2 * math.sin(step / 2)))


def _wrapped(lines: Sequence[str], size: int, width: float) -> list[str]:
    """Lines wrapped to the picture's width at ``size`` (sans-serif runs about 0.56 em a
    character), so that nothing is cut off when the picture is projected."""
    fits = int((width - 40) / (0.56 * size))
    return [part for line in lines for part in textwrap.wrap(line, fits) or [""]]


def chamber(
    seats: Sequence[tuple[str, str, bool, str | None]],
    *,
    heading: str,
    caption: Sequence[str],
    description: str,
    subtitle: Sequence[str] = (),
    key: Sequence[str] = (),
) -> str:
    """An SVG of the horseshoe table.

    Args:
        seats: (code, name, holds the veto, vote value or None) per seat, in order.
        heading: The line above the table (the symbol and date).
        caption: Lines beneath it, in plain words (the outcome, the votes).
        description: The text alternative: what a screen reader says.
        subtitle: Lines under the heading (the draft's subject and sponsors).
        key: Lines at the foot saying what the codes on the seats stand for.
    """
    n = max(len(seats), 1)
    radius = table_radius(n, [veto for _, _, veto, _ in seats])
    width = max(2 * (radius + 60), 720.0)
    under = _wrapped(subtitle, 13, width)
    top = 70.0 + 20 * len(under)
    cx, cy = width / 2, top + radius
    # The horseshoe: an arc of 240 degrees opening towards the viewer.
    start, span = math.radians(210), math.radians(240)
    parts = []
    for i, (code, name, veto, vote) in enumerate(seats):
        angle = start - span * (i / (n - 1) if n > 1 else 0.5)
        x, y = cx + radius * math.cos(angle), cy - radius * math.sin(angle)
        fill, letter, ink = PALETTE.get(vote, PALETTE[None])
        seat_label = f"{name}: {vote or 'no vote'}{' (holds the veto)' if veto else ''}"
        ring = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT_RADIUS + RING_GAP:.1f}" '
            f'fill="none" stroke="#000000" stroke-width="{RING_STROKE:g}"/>'
            if veto
            else ""
        )
        parts.append(
            f'<g class="seat" aria-label={quoteattr(seat_label)}>'
            f"<title>{escape(seat_label)}</title>{ring}"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT_RADIUS:.1f}" fill="{fill}" '
            'stroke="#333333" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{y - 2:.1f}" text-anchor="middle" font-size="11" '
            f'font-family="sans-serif" fill="{ink}">{escape(code)}</text>'
            f'<text x="{x:.1f}" y="{y + 11:.1f}" text-anchor="middle" font-size="10" '
            f'font-weight="bold" font-family="sans-serif" fill="{ink}">{escape(letter)}</text>'
            "</g>"
        )
    # below the lowest seats, at the open end of the horseshoe
    lines_y = cy + radius * math.sin(math.radians(30)) + extent(True) + 34
    text = [
        f'<text x="{cx:.1f}" y="35.0" text-anchor="middle" font-size="16" '
        f'font-family="sans-serif" font-weight="bold">{escape(heading)}</text>'
    ]
    text += [
        f'<text x="{cx:.1f}" y="{55 + 20 * k:.1f}" text-anchor="middle" font-size="13" '
        f'font-family="sans-serif">{escape(line)}</text>'
        for k, line in enumerate(under)
    ]
    shown: list[tuple[str, int]] = []
    for k, line in enumerate(caption):
        size = 15 if k == 0 else 13
        shown += [(part, size) for part in _wrapped([line], size, width)]
    for k, (line, size) in enumerate(shown):
        text.append(
            f'<text x="{cx:.1f}" y="{lines_y + 22 * k:.1f}" text-anchor="middle" '
            f'font-size="{size}" font-family="sans-serif">{escape(line)}</text>'
        )
    legend_y = lines_y + 22 * len(shown) + 14
    legend = []
    items = [(v, PALETTE[v]) for v in ("yes", "no", "abstain", "absent", "not participating")]
    step = width / (len(items) + 1)
    for k, (vote, (fill, letter, _)) in enumerate(items):
        x = step * (k + 1)
        legend.append(
            f'<rect x="{x - 40:.1f}" y="{legend_y - 10:.1f}" width="12" height="12" '
            f'fill="{fill}" stroke="#333333"/>'
            f'<text x="{x - 24:.1f}" y="{legend_y:.1f}" font-size="11" '
            f'font-family="sans-serif">{escape(letter)} {escape(vote)}</text>'
        )
    foot: list[str] = []
    if any(veto for _, _, veto, _ in seats):
        foot.append("thick ring: holds the veto")
    foot += _wrapped(key, 11, width)
    for k, line in enumerate(foot):
        legend.append(
            f'<text x="{cx:.1f}" y="{legend_y + 20 * (k + 1):.1f}" text-anchor="middle" '
            f'font-size="11" font-family="sans-serif">{escape(line)}</text>'
        )
    height = legend_y + 20 * len(foot) + 14
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f"aria-label={quoteattr(description)}>"
        f"<title>{escape(description)}</title>"
        '<rect width="100%" height="100%" fill="#FFFFFF"/>'
        + "".join(text)
        + "".join(parts)
        + "".join(legend)
        + "</svg>"
    )


# A run of seats like "NP01" to "NP06": letters, then a number.
_NUMBERED = re.compile(r"([A-Z]+)(\d+)")


def key(seats: Sequence[tuple[str, str, bool, bool]]) -> list[str]:
    """What the codes on the seats stand for: each state's code and name, and runs of
    numbered seats of a reform model as one entry ("NP01–NP06: new permanent seats
    without a veto").

    Args:
        seats: (code, name, permanent, holds the veto) per seat, in order.
    """
    entries: list[str] = []
    runs: dict[tuple[str, bool, bool], list[str]] = {}
    for code, name, permanent, veto in seats:
        numbered = _NUMBERED.fullmatch(code)
        if numbered is None:  # a state, by its ISO code
            entries.append(f"{code} {name}")
            continue
        runs.setdefault((numbered.group(1), permanent, veto), []).append(code)
    for (_, permanent, veto), codes in runs.items():
        what = "new permanent" if permanent else "elected"
        holding = " with a veto" if veto else (" without a veto" if permanent else "")
        span = codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"
        plural = "s" if len(codes) > 1 else ""
        entries.append(f"{span}: {what} seat{plural}{holding}")
    # Non-breaking spaces inside an entry: a wrapped key never parts a code from its name.
    return ["Key: " + " · ".join(e.replace(" ", "\u00a0") for e in entries)] if entries else []


def save(svg: str, path: str | os.PathLike[str]) -> Path:
    """Write ``svg`` to ``path``: as it is for ``.svg``, rendered for ``.png`` (with the
    ``png`` extra, cairosvg); returns the path written.

    Raises:
        InvalidFieldError: For a file name that ends neither in ``.svg`` nor ``.png``.
        MissingDependencyError: For a PNG without cairosvg installed.
        FileError: If the file cannot be written.
    """
    from unsc.errors import FileError, InvalidFieldError, InvalidTypeError, MissingDependencyError

    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError("save(path)", path, "give a file name ending in .svg or .png")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise InvalidFieldError("save(path)", str(path), "give a file name ending in .svg or .png")
    if suffix == ".svg":
        data = svg.encode("utf-8")
    else:
        try:
            cairosvg = importlib.import_module("cairosvg")
        except (ImportError, OSError):  # not installed, or its cairo library missing
            raise MissingDependencyError("cairosvg (and the cairo library)", "png") from None
        # Twice the size, so that the picture stays sharp when projected.
        data = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise FileError(str(target), error.strerror or str(error)) from None
    return target

"""The picture of the Council for a vote: an SVG of the horseshoe table.

Kept below the records (it takes plain seats and words) so that records can draw
themselves in a notebook; :mod:`unsc.display` is the public face.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotation only: the records call down into this module
    from unsc.resolution import Resolution


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


def chamber(
    seats: Sequence[tuple[str, str, bool, str | None]],
    *,
    heading: str,
    caption: Sequence[str],
    description: str,
) -> str:
    """An SVG of the horseshoe table.

    Args:
        seats: (code, name, permanent, vote value or None) per seat, in order.
        heading: The line above the table (the symbol and date).
        caption: Lines beneath it (verdict, tally).
        description: The text alternative: what a screen reader says.
    """
    n = max(len(seats), 1)
    radius = max(150.0, 26.0 * n / 2.6)
    seat_r = 22.0
    width = max(2 * (radius + 60), 720.0)
    top = 70.0
    cx, cy = width / 2, top + radius
    # The horseshoe: an arc of 240 degrees opening towards the viewer.
    start, span = math.radians(210), math.radians(240)
    parts = []
    for i, (code, name, permanent, vote) in enumerate(seats):
        angle = start - span * (i / (n - 1) if n > 1 else 0.5)
        x, y = cx + radius * math.cos(angle), cy - radius * math.sin(angle)
        fill, letter, ink = PALETTE.get(vote, PALETTE[None])
        seat_label = f"{name}: {vote or 'no vote'}{' (permanent member)' if permanent else ''}"
        ring = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{seat_r + 5:.1f}" fill="none" '
            'stroke="#000000" stroke-width="3"/>'
            if permanent
            else ""
        )
        parts.append(
            f'<g class="seat" aria-label={quoteattr(seat_label)}>'
            f"<title>{escape(seat_label)}</title>{ring}"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{seat_r:.1f}" fill="{fill}" '
            'stroke="#333333" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{y - 2:.1f}" text-anchor="middle" font-size="11" '
            f'font-family="sans-serif" fill="{ink}">{escape(code)}</text>'
            f'<text x="{x:.1f}" y="{y + 11:.1f}" text-anchor="middle" font-size="10" '
            f'font-weight="bold" font-family="sans-serif" fill="{ink}">{escape(letter)}</text>'
            "</g>"
        )
    # below the lowest seats, at the open end of the horseshoe
    lines_y = cy + radius * math.sin(math.radians(30)) + seat_r + 34
    text = [
        f'<text x="{cx:.1f}" y="{top - 35:.1f}" text-anchor="middle" font-size="16" '
        f'font-family="sans-serif" font-weight="bold">{escape(heading)}</text>'
    ]
    for k, line in enumerate(caption):
        text.append(
            f'<text x="{cx:.1f}" y="{lines_y + 22 * k:.1f}" text-anchor="middle" '
            f'font-size="{15 if k == 0 else 13}" font-family="sans-serif">{escape(line)}</text>'
        )
    legend_y = lines_y + 22 * len(caption) + 14
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
    legend.append(
        f'<text x="{cx:.1f}" y="{legend_y + 20:.1f}" text-anchor="middle" font-size="11" '
        'font-family="sans-serif">thick ring: permanent member</text>'
    )
    height = legend_y + 34
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


def chamber_of(record: Resolution, caption: Sequence[str], verdict: str) -> str:
    """The SVG of ``record``'s vote, with a text alternative listing every vote."""
    seats = [
        (m.code, m.name, m.code in record.council.veto, None if v is None else v.value)
        for m, v in zip(record.council.members, record.ballot)
    ]
    when = f", {record.date.day} {record.date:%B %Y}" if record.date else ""
    by_vote: dict[str, list[str]] = {}
    for member, vote in zip(record.council.members, record.ballot):
        by_vote.setdefault("no vote yet" if vote is None else vote.value, []).append(member.name)
    listing = "; ".join(f"{vote}: {', '.join(names)}" for vote, names in by_vote.items())
    description = f"{record.symbol}{when}. {verdict + ' ' if verdict else ''}{listing}."
    return chamber(
        seats, heading=f"{record.symbol}{when}", caption=caption, description=description
    )

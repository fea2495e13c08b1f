"""Files in the UN Digital Library's voting-data format, of several shapes, for benchmarks.

Every file has real councils (the council of a random day of 1946–2025) and synthetic
votes that adopt every resolution, as the UN's file lists adopted resolutions only. What
changes between shapes is how much text each row carries besides the votes:

* ``bare``: only the columns unsc reads, the rest empty (about 110 characters a row):
  shorter than any row of the UN's file, the hardest case for a reader whose work per row
  is fixed;
* ``minimal``: every column the UN's file always fills, at its shortest (about 200);
* ``typical``: rows like the UN's own, with a bracketed description, an agenda item and
  subjects (about 300, as in the excerpt in the facts base);
* ``long``: long descriptions and subject lists (about 800).
"""

from __future__ import annotations

import csv
import datetime
import random
from pathlib import Path

import unsc
from unsc.history.undl import HEADER

SHAPES = ("bare", "minimal", "typical", "long")

_SUBJECTS = (
    "PEACEKEEPING OPERATIONS|SANCTIONS|ARMED CONFLICTS|CIVILIAN PERSONS|HUMANITARIAN "
    "ASSISTANCE|CEASEFIRES|REFUGEES|HUMAN RIGHTS"
)


def write(path: Path, shape: str, rows: int, seed: int = 20231016) -> int:
    """Write a file of at least ``rows`` member rows in ``shape``; return the rows written."""
    if shape not in SHAPES:
        raise ValueError(f"shape {shape!r}: use one of {', '.join(SHAPES)}")
    rnd = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        number = 0
        while written < rows:
            number += 1
            year = rnd.randint(1946, 2025)
            day = datetime.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
            council = unsc.Council.of_date(day)
            spare = council.size - council.rules.quota
            abstaining = set(rnd.sample(range(council.size), rnd.randint(0, spare)))
            symbol = f"S/RES/{number}({year})"
            text = _text(shape, number, year)
            totals = (council.size - len(abstaining), 0, len(abstaining), 0, council.size)
            for seat, member in enumerate(council.members):
                vote = "A" if seat in abstaining else "Y"
                writer.writerow(
                    [number, member.code, member.name.upper(), str(member.permanent), vote,
                     day.isoformat(), symbol, *text[:3], *text[3:], *totals, "Vote",
                     "" if shape == "bare" else f"https://digitallibrary.un.org/record/{number}"]
                )  # fmt: skip
                written += 1
    return written


def _text(shape: str, number: int, year: int) -> list[str]:
    """draft, meeting, description, agenda, subjects, vote_note for one resolution."""
    if shape == "bare":
        return ["", "", "", "", "", ""]
    meeting = f"S/PV.{number + 1000}"
    name = f"Security Council resolution {number} ({year})"
    if shape == "minimal":
        return ["", meeting, name, "", "", ""]
    if shape == "typical":
        description = f"{name} [on extension of the mandate of the UN peacekeeping force]"
        agenda = "The situation in the Middle East"
        return [f"S/{year}/{number}", meeting, description, agenda, _SUBJECTS[:32], ""]
    topic = "The situation concerning the Democratic Republic of the Congo and the region"
    return [f"S/{year}/{number}", meeting,
            f"{name} [on the situation concerning the Democratic Republic of the Congo, "
            "peace-keeping operations, sanctions regimes, the protection of civilians in "
            "armed conflict and humanitarian access] " * 2,
            topic, f"{_SUBJECTS}|{_SUBJECTS}", ""]  # fmt: skip

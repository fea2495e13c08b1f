"""The bundled record merged with the UN's voting file: the file fills the member votes
the bundle lacks where the two agree, and every difference is a conflict, never resolved
silently."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from typing import Any

import attrs

from unsc.history._store import bundled_records
from unsc.history._undl_rows import said
from unsc.history.records import RecordList
from unsc.history.undl import UndlReader
from unsc.resolution import Resolution
from unsc.votes import Matter

__all__ = ["Conflict", "Merged", "load", "merge"]


@attrs.frozen(repr=False)
class Conflict:
    """A resolution on which the bundled record and a UN file disagree.

    Attributes:
        symbol: The resolution.
        field: What they disagree on (``"date"``, ``"tally"``, ``"modality"``,
            ``"votes"``: the members whose sourced votes in the bundle the file contradicts).
        bundled: What the bundled record says.
        file: What the file says.
        line: The file's line for the resolution.
    """

    symbol: str
    field: str
    bundled: str
    file: str
    line: int | None = None

    def __repr__(self) -> str:
        return f"<Conflict {self.symbol}: {self.field} {self.bundled!r} / file {self.file!r}>"

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        return (
            f"{self.symbol}{where}: the bundled record gives {self.field} {self.bundled}, "
            f"the UN file {self.file}; the bundled record is kept"
        )


@attrs.frozen(repr=False)
class Merged:
    """The bundled record merged with a UN file (see `merge`).

    Attributes:
        records: Every record, oldest first: the bundle's, with the file's member votes
            where the two agree, and the file's resolutions the bundle does not hold.
        replaced: The merged record for each position in the bundle it replaces.
        added: The file's resolutions the bundle does not hold.
        conflicts: Every difference between the bundle and the file.
        problems: What the reader found wrong in the file.
    """

    records: tuple[Resolution, ...]
    replaced: dict[int, Resolution]
    added: tuple[Resolution, ...]
    conflicts: tuple[Conflict, ...]
    problems: tuple[Any, ...]

    def __repr__(self) -> str:
        return (
            f"<Merged: {len(self.records)} records, {len(self.replaced)} with the file's votes, "
            f"{len(self.added)} added, {len(self.conflicts)} conflicts>"
        )


def merge(bundled: Sequence[Resolution], reader: UndlReader) -> Merged:
    """The records ``bundled`` merged with the resolutions ``reader`` reads, as `load` does.

    Each resolution in the file is matched to a bundled record by its number. Where the
    two agree (date, tally, adopted with or without a vote, and every member's vote the
    bundle holds with its source), the record takes the file's votes for the seats the
    bundle has none for; where they disagree, the bundled record is kept and each
    difference is a `Conflict`. Resolutions the bundle does not hold are added.
    """
    by_number: dict[int, int] = {r.number: i for i, r in enumerate(bundled) if r.number}
    replaced: dict[int, Resolution] = {}
    added: list[Resolution] = []
    conflicts: list[Conflict] = []
    for record in reader:
        number = record.number
        if number is None or number not in by_number:
            added.append(record)
            continue
        i = by_number[number]
        mine = bundled[i]
        found = _differences(mine, record)
        if found:
            line = reader.line_of(record.symbol)
            conflicts.extend(Conflict(mine.symbol, f, b, u, line) for f, b, u in found)
            continue
        replaced[i] = attrs.evolve(
            mine,
            # The bundle's sourced votes stay; the file fills the seats it has none for.
            ballot=tuple(b if a is None else a for a, b in zip(mine.ballot, record.ballot)),
            counts=None,
            permanent_against=None,
            matter=record.matter if record.matter is Matter.PROCEDURAL else mine.matter,
            title=mine.title or record.title,
            sources=(*mine.sources, *record.sources),
        )
    merged = [replaced.get(i, r) for i, r in enumerate(bundled)]
    merged.extend(added)
    merged.sort(key=lambda r: (r.date or datetime.date.min, r.number or 0))
    return Merged(tuple(merged), replaced, tuple(added), tuple(conflicts), tuple(reader.problems))


def load(undl: str | os.PathLike[str] | None = None, *, strict: bool = False) -> Any:
    """The whole record, with every member's vote on the adopted resolutions from your copy
    of the UN Digital Library's voting data.

    Each resolution in the file is matched to the bundled record by its number. Where the
    two agree (date, tally, adopted with or without a vote, and every member's vote the
    bundle holds with its source), the record takes the file's member-by-member votes for
    the seats the bundle has none for; where they disagree, the bundled record is kept and
    each disagreement is reported in the result's ``conflicts``, never resolved silently.
    Resolutions the bundle does not hold yet are taken from the file. Failed drafts come
    from the bundle, as the file lists adopted resolutions only.

    `history.records` does this by itself with the file ``unsc data update`` downloaded;
    ``load`` merges the file you name with the bundle alone.

    Args:
        undl: The UN's CSV file; without it, the bundled record alone (even when a
            downloaded file is merged into `history.records`).
        strict: Stop at the first problem in the file (default: collect them in the
            result's ``problems`` and go on).

    Returns:
        A [`RecordList`][unsc.history.records.RecordList] with ``conflicts`` and ``problems``.
    """
    bundled = bundled_records()
    if undl is None:
        return RecordList(bundled)
    merged = merge(bundled, UndlReader(undl, strict=strict))
    return RecordList(merged.records, conflicts=merged.conflicts, problems=merged.problems)


def _differences(mine: Resolution, theirs: Resolution) -> list[tuple[str, str, str]]:
    """What the bundled record and a file's resolution disagree on."""
    found = []
    if mine.date != theirs.date:
        found.append(("date", str(mine.date), str(theirs.date)))
    if mine.without_vote != theirs.without_vote:
        found.append(("modality", _modality(mine.without_vote), _modality(theirs.without_vote)))
    elif not mine.without_vote and mine.complete:
        a, b = mine.tally, theirs.tally
        if (a.yes, a.no, a.abstain, a.idle) != (b.yes, b.no, b.abstain, b.idle):
            found.append(("tally", str(a), str(b)))
    if not (mine.without_vote or theirs.without_vote) and mine.council == theirs.council:
        members = mine.council.members
        changed = [
            i
            for i, (a, b) in enumerate(zip(mine.ballot, theirs.ballot))
            if a is not None and a is not b
        ]
        if changed:
            found.append(
                (
                    "votes",
                    ", ".join(f"{members[i].code} {said(mine.ballot[i])}" for i in changed),
                    ", ".join(f"{members[i].code} {said(theirs.ballot[i])}" for i in changed),
                )
            )
    return found


def _modality(without_vote: bool) -> str:
    return "adopted without a vote" if without_vote else "adopted by a vote"

"""The bundled record as this process reads it: the decisions parsed once, each record
built when first asked for, and the UN voting file ``unsc data update`` downloaded merged
in (read once, when first needed). Shared by the modules of ``unsc.history``."""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
from collections.abc import Iterable
from typing import Any

import attrs

from unsc import data
from unsc.council import Council
from unsc.errors import InvalidTypeError, UNSCError
from unsc.history.extent import Extent, Gap
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind, Matter, Tally, Vote

__all__ = [
    "Bundle",
    "Session",
    "bundle",
    "bundled_records",
    "items_of",
    "records_of",
    "session",
    "symbol_key",
]

_SURENESS = {
    "V": "",
    "V2": "Secondary or derived source (sureness V2). ",
    "U": "Not checked against a stored source (sureness U). ",
}


def symbol_key(symbol: str) -> str:
    """Symbols match whatever their spacing and case: S/RES/2712(2023) is S/RES/2712 (2023)."""
    return "".join(symbol.split()).casefold()


class Bundle:
    """The bundled record, parsed once; each record is built when first asked for."""

    def __init__(self) -> None:
        reader = csv.reader(io.StringIO(data.read_text("decisions.csv")))
        header = next(reader)
        self.column = {name: i for i, name in enumerate(header)}
        self.rows = list(reader)
        self.built: list[Resolution | None] = [None] * len(self.rows)
        col = self.column
        self.index: dict[str, int] = {}
        self.numbers: dict[int, int] = {}
        for i, row in enumerate(self.rows):
            self.index[symbol_key(row[col["id"]])] = i
            if row[col["number"]]:
                self.numbers[int(row[col["number"]])] = i
        # A draft is found by its own symbol too ("S/2023/938" -> resolution 2714 (2023)).
        for i, row in enumerate(self.rows):
            for part in row[col["draft"]].split(" and "):
                if part.startswith("S/"):
                    self.index.setdefault(symbol_key(part), i)
        self.ballots: dict[str, dict[str, Any]] = {
            symbol_key(k): v for k, v in json.loads(data.read_text("ballots.json")).items()
        }
        dates = [row[col["date"]] for row in self.rows]
        day = {n: dates[i] for n, i in self.numbers.items()}

        def near(number: int) -> datetime.date | None:
            return datetime.date.fromisoformat(day[number]) if number in day else None

        self.gaps = tuple(
            Gap(
                int(r["first"]),
                int(r["last"]),
                r["reason"],
                near(int(r["first"]) - 1),
                near(int(r["last"]) + 1),
            )
            for r in csv.DictReader(io.StringIO(data.read_text("missing.csv")))
        )
        library = [
            dates[i] for i, row in enumerate(self.rows) if "research.un.org" in row[col["source"]]
        ]
        self.extent = Extent(
            datetime.date.fromisoformat(min(dates)),
            datetime.date.fromisoformat(max(dates)),
            datetime.date.fromisoformat(max(library)),
            self.gaps,
            sum(1 for row in self.rows if "Member votes incomplete" in row[col["note"]]),
        )
        self._councils: dict[str, tuple[datetime.date, Council]] = {}

    def record(self, i: int) -> Resolution:
        found = self.built[i]
        if found is None:
            found = self.built[i] = self._build(self.rows[i])
        return found

    def all(self) -> list[Resolution]:
        return [self.record(i) for i in range(len(self.rows))]

    def _council(self, date: str) -> tuple[datetime.date, Council]:
        found = self._councils.get(date)
        if found is None:
            day = datetime.date.fromisoformat(date)
            found = self._councils[date] = (day, Council.of_date(day))
        return found

    def _build(self, row: list[str]) -> Resolution:
        col = self.column
        symbol = row[col["id"]]
        day, council = self._council(row[col["date"]])
        without_vote = row[col["modality"]] == "without vote"
        counts = None
        if row[col["yes"]] and not without_vote:
            counts = _tally(row[col["yes"]], row[col["no"]], row[col["abstain"]],
                            row[col["not_voting"]])  # fmt: skip
        against_text = row[col["permanent_against"]]
        against = None if against_text == "?" else tuple(against_text.split())
        note = _SURENESS.get(row[col["sureness"]], "") + row[col["note"]]
        if row[col["modality"]] == "unanimous":
            note = "Recorded as adopted unanimously. " + note
        fields: dict[str, Any] = {
            "symbol": symbol,
            "council": council,
            "date": day,
            "matter": Matter(row[col["matter"]]),
            "ballot": (None,) * council.size,
            "without_vote": without_vote,
            "meeting": row[col["meeting"]],
            "topic": row[col["topic"]],
            "recorded": Outcome(row[col["outcome"]]),
            "sources": tuple(row[col["source"]].split(" ; ")),
            "note": note.strip(),
            "kind": Kind(row[col["kind"]]),
            "number": int(row[col["number"]]) if row[col["number"]] else None,
            "draft": row[col["draft"]] or None,
            "counts": counts if counts is not None and not without_vote else None,
            "permanent_against": against if not without_vote else None,
        }
        members = row[col["members"]]
        if members and counts is not None:
            # who did not vote yes, named; the builder checked them against the counts
            fields["ballot"] = _ballot(council, members)
            fields["counts"] = fields["permanent_against"] = None
        extra = self.ballots.get(symbol_key(symbol))
        if extra is not None:
            _with_extras(fields, extra)
        return Resolution._from_checked(fields)


#: The bundle's members column: who did not vote yes, by kind (the others voted yes).


_MEMBER_KINDS = {
    "no": Vote.NO,
    "abstain": Vote.ABSTAIN,
    "absent": Vote.ABSENT,
    "not participating": Vote.NOT_PARTICIPATING,
}


def _ballot(council: Council, members: str) -> tuple[Vote | None, ...]:
    """Every member's vote from the members column: ``no: FRA GBR; abstain: CHE``."""
    ballot: list[Vote | None] = [Vote.YES] * council.size
    for part in members.split("; "):
        kind, _, codes = part.partition(": ")
        vote = _MEMBER_KINDS[kind]
        for code in codes.split():
            ballot[council.index(code)] = vote
    return tuple(ballot)


def _with_extras(fields: dict[str, Any], entry: dict[str, Any]) -> None:
    """What the curated set (ballots.json) adds to a record: a title, the sponsors, the
    draft amended, sources and a note (its votes are in the bundle's members column)."""
    extra = tuple(s for s in entry.get("sources", ()) if s not in fields["sources"])
    fields.update(
        title=entry.get("title", ""),
        sponsors=tuple(entry.get("sponsors", ())),
        amends=entry.get("amends"),
        sources=(*fields["sources"], *extra),
        note=" ".join(p for p in (fields["note"], entry.get("note", "")) if p),
    )


@functools.cache
def _tally(yes: str, no: str, abstain: str, not_voting: str) -> Tally:
    # Few distinct tallies (15-0-0 thousands of times): each built once.
    return Tally(int(yes), int(no), int(abstain), 0, 0, int(not_voting or 0))


@functools.cache
def bundle() -> Bundle:
    return Bundle()


class Session:
    """The record this process reads: the bundle, merged with the UN voting file that
    ``unsc data update`` downloaded, if there is one (read once, when first needed)."""

    def __init__(self, bundle: Bundle) -> None:
        from unsc.history import cache  # no file, no reader imported

        self.bundle = bundle
        self.replaced: dict[int, Resolution] = {}
        self.added: dict[str, Resolution] = {}
        self.added_numbers: dict[int, Resolution] = {}
        self.conflicts: tuple[Any, ...] = ()
        self.problems: tuple[Any, ...] = ()
        self.extent = bundle.extent
        self._records: list[Resolution] | None = None
        path = cache.cached()
        if path is None:
            return  # the bundle alone: each record built when first asked for
        from unsc.history.merge import merge
        from unsc.history.undl import UndlReader

        try:
            merged = merge(bundle.all(), UndlReader(path, strict=False))
        except (OSError, UNSCError) as error:
            # A file that cannot be read leaves the bundle alone, and says so in every note.
            self.problems = (error,)
            self.extent = attrs.evolve(bundle.extent, undl=path.name, unread=str(error))
            return
        self._records = list(merged.records)
        self.replaced = merged.replaced
        for record in merged.added:
            self.added[symbol_key(record.symbol)] = record
            if record.number is not None:
                self.added_numbers[record.number] = record
        self.conflicts = merged.conflicts
        self.problems = merged.problems
        last = max(r.date for r in self._records if r.date is not None)
        self.extent = attrs.evolve(
            bundle.extent,
            undl=path.name,
            conflicts=len(self.conflicts),
            last=max(last, bundle.extent.last),
            bundle_end=bundle.extent.last if last > bundle.extent.last else None,
        )

    @property
    def records(self) -> list[Resolution]:
        """Every record, oldest first."""
        if self._records is None:
            self._records = self.bundle.all()
        return self._records

    def record(self, i: int) -> Resolution:
        """The record at position ``i`` of the bundle, with the file's votes if merged."""
        return self.replaced.get(i) or self.bundle.record(i)


@functools.cache
def session() -> Session:
    return Session(bundle())


def bundled_records() -> list[Resolution]:
    """Every decision of the bundled record alone, oldest first (no UN file merged)."""
    return bundle().all()


def items_of(given: object, kind: type[Any], where: str, valid: str) -> list[Any]:
    """``given`` as a list of ``kind``, or an error naming the first thing that is not one
    (read one by one, so that a long run of junk is refused at its first item)."""
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidTypeError(where, given, f"give {valid}")
    items = []
    for item in given:
        if not isinstance(item, kind):
            raise InvalidTypeError(where, item, f"give {valid}")
        items.append(item)
    return items


def records_of(given: Iterable[Resolution] | None, where: str) -> list[Resolution]:
    """The records a function reads: every decision on record, or the ones given."""
    if given is None:
        return list(session().records)
    return items_of(given, Resolution, where, "records such as history.records() returns")

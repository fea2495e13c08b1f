"""The record of every decision of the Council since 1946, and replaying it through the engine.

Every resolution and every draft or amendment put to the vote and not adopted, from the
UN Dag Hammarskjöld Library's tables "Security Council — Meetings and outcomes" (1946 to
June 2022, with documented corrections) and, after them, UN press releases, meeting
records and Security Council Report (``unsc/data/README.md``). Each decision is a
[`Resolution`][unsc.resolution.Resolution] with the outcome the UN recorded (``recorded``), the
counts of the vote (``counts``; ``tally``), the veto holders recorded as vetoing (``vetoed_by``),
its meeting, topic and sources. Where each member's vote is known (a curated set, or
your copy of the UN's voting data through [`load`][unsc.history.undl.load]), the record carries the
ballot.

Nothing is invented: a fact that is derived or secondary says so in the record's note,
and what is missing is said to be missing.
"""

from __future__ import annotations

import csv
import datetime
import enum
import functools
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from unsc import data
from unsc._args import as_position, as_text, as_whole
from unsc._prose import wrap
from unsc._table import Table, Tabular
from unsc.council import Council, as_date, as_year, as_years
from unsc.decision import Decision
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoSuchEntryError,
    UnknownPresetError,
    UnknownRecordError,
    UNSCError,
    position,
)
from unsc.members import Member, code_of, fold
from unsc.resolution import Resolution
from unsc.rules import Outcome, Rules
from unsc.votes import Kind, Matter, Tally, Vote

__all__ = [
    "Extent",
    "Gap",
    "RecordList",
    "Replay",
    "ReplayReport",
    "ReplayResult",
    "ReplayStatus",
    "Summary",
    "coverage",
    "extent",
    "gaps",
    "get",
    "records",
    "replay",
    "replay_all",
    "replay_table",
    "replays_as_table",
    "summary",
    "symbols",
]

_SURENESS = {
    "V": "",
    "V2": "Secondary or derived source (sureness V2). ",
    "U": "Not checked against a stored source (sureness U). ",
}


# -- the bundle -------------------------------------------------------------------------


def _key(symbol: str) -> str:
    """Symbols match whatever their spacing and case: S/RES/2712(2023) is S/RES/2712 (2023)."""
    return "".join(symbol.split()).casefold()


@attrs.frozen
class Gap:
    """Resolution numbers the bundled record does not hold yet, and why.

    Attributes:
        first: The first number missing.
        last: The last number missing.
        reason: Why they are missing.
    """

    first: int
    last: int
    reason: str
    after: datetime.date | None = None
    before: datetime.date | None = None

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last

    @property
    def years(self) -> tuple[int, int]:
        """The years the missing resolutions fall in: those of the resolutions on record
        either side of them."""
        low = self.after.year if self.after else 1946
        high = self.before.year if self.before else (self.after.year if self.after else low)
        return low, high

    def __str__(self) -> str:
        span = str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        low, high = self.years
        when = str(low) if low == high else f"{low} or {high}"
        word = "resolution" if self.first == self.last else "resolutions"
        return f"{word} {span} ({when}) not on record"

    def __repr__(self) -> str:
        span = str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        return f"<Gap: resolutions {span}>"


@attrs.frozen
class Extent:
    """How far the bundled record reaches, and what it declares missing.

    Attributes:
        first: The day of the first decision on record.
        last: The day of the last decision on record: the record ends there.
        tables_end: The last day the UN library's meeting tables cover; later decisions
            come from UN press releases and the other sources each record names.
        gaps: Resolution numbers declared missing.
        incomplete: Decisions whose member votes are declared incomplete.
        undl: The UN voting file merged into the record (``unsc data update``), by name;
            empty when the record is the bundle alone.
        conflicts: How many differences between the bundle and that file were found (the
            bundled record kept in each; ``history.records().conflicts`` lists them).
        unread: Why that file could not be read, if it could not (the bundle alone is used).
        bundle_end: The last day of the bundled record, when that file reaches further
            (``last`` is then the file's last day; drafts not adopted end here).
    """

    first: datetime.date
    last: datetime.date
    tables_end: datetime.date
    gaps: tuple[Gap, ...]
    incomplete: int
    undl: str = ""
    conflicts: int = 0
    unread: str = ""
    bundle_end: datetime.date | None = None

    def note(self, first: int | None = None, last: int | None = None) -> str:
        """What a count over the years ``first`` to ``last`` rests on, in sentences: the
        declared gaps within them, where the record ends, and the sources.

        Examples:
            >>> from unsc import history
            >>> print(history.extent().note(2025, 2026))
            Resolutions 2807 (2025) and 2812 (2025 or 2026) not on record. The record ends
            on 7 April 2026. Sources: UN press releases, UN News, Security Council Report
            and news agencies (each decision names its own).
        """
        low = self.first.year if first is None else first
        high = self.last.year if last is None else last
        parts = []
        gaps = [g for g in self.gaps if g.years[0] <= high and g.years[1] >= low]
        if gaps:
            parts.append(_gap_sentence(gaps))
        if high >= self.last.year:
            parts.append(f"The record ends on {_day(self.last)}.")
        if self.bundle_end is not None and high >= self.bundle_end.year:
            parts.append(
                f"Decisions not adopted are on record to {_day(self.bundle_end)}; the UN's "
                "voting file lists adopted resolutions only."
            )
        sources = []
        if low <= self.tables_end.year:
            sources.append(
                f"the UN Dag Hammarskjöld Library's meeting tables to {_month(self.tables_end)}"
            )
        if high >= self.tables_end.year:
            sources.append(
                "UN press releases, UN News, Security Council Report and news agencies"
                + (" after" if sources else "")
            )
        parts.append(f"Sources: {'; '.join(sources)} (each decision names its own).")
        if self.unread:
            parts.append(
                f"The UN's voting file {self.undl} could not be read, so the bundle alone is "
                f"used: {self.unread}."
            )
        elif self.undl:
            differ = (
                f"; {self.conflicts} {'conflict' if self.conflicts == 1 else 'conflicts'} "
                "with it, the bundled record kept"
                if self.conflicts
                else ""
            )
            parts.append(f"Member votes also from the UN's voting file {self.undl}{differ}.")
        return " ".join(parts)

    def after_end(self, first: int | None) -> bool:
        """Whether a period starting in year ``first`` lies wholly after the record."""
        return first is not None and first > self.last.year


def _gap_sentence(gaps: Sequence[Gap]) -> str:
    texts = []
    for gap in gaps:
        span = str(gap.first) if gap.first == gap.last else f"{gap.first}–{gap.last}"
        low, high = gap.years
        texts.append(f"{span} ({low if low == high else f'{low} or {high}'})")
    word = "Resolution" if len(gaps) == 1 and gaps[0].first == gaps[0].last else "Resolutions"
    joined = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
    return f"{word} {joined} not on record."


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _month(day: datetime.date) -> str:
    return f"{day:%B %Y}"


class _Bundle:
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
            self.index[_key(row[col["id"]])] = i
            if row[col["number"]]:
                self.numbers[int(row[col["number"]])] = i
        # A draft is found by its own symbol too ("S/2023/938" -> resolution 2714 (2023)).
        for i, row in enumerate(self.rows):
            for part in row[col["draft"]].split(" and "):
                if part.startswith("S/"):
                    self.index.setdefault(_key(part), i)
        self.ballots: dict[str, dict[str, Any]] = {
            _key(k): v for k, v in json.loads(data.read_text("ballots.json")).items()
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
        extra = self.ballots.get(_key(symbol))
        if extra is not None:
            _with_extras(fields, extra)
        return Resolution._from_checked(**fields)


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
def _bundle() -> _Bundle:
    return _Bundle()


class _Session:
    """The record this process reads: the bundle, merged with the UN voting file that
    ``unsc data update`` downloaded, if there is one (read once, when first needed)."""

    def __init__(self, bundle: _Bundle) -> None:
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
        from unsc.history.undl import UndlReader, merge

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
            self.added[_key(record.symbol)] = record
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
def _session() -> _Session:
    return _Session(_bundle())


def bundled_records() -> list[Resolution]:
    """Every decision of the bundled record alone, oldest first (no UN file merged)."""
    return _bundle().all()


# -- finding records -----------------------------------------------------------------------

_RESOLUTION = re.compile(r"^(?:s/res/|res(?:olution)?\.?\s*)?(\d+)\s*(?:\((\d{4})\))?$", re.I)


def get(key: str | int) -> Resolution:
    """The decision on record under ``key``: a resolution's number or symbol, or a draft's.

    ``2712``, ``"2712"``, ``"resolution 2712"``, ``"S/RES/2712 (2023)"`` and
    ``"S/RES/2712(2023)"`` all find resolution 2712 (2023); ``"S/2023/772"`` finds the
    draft voted on 16 October 2023.

    Examples:
        >>> from unsc import history
        >>> record = history.get("S/2023/772")
        >>> record.recorded, str(record.tally)
        (<Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>, '5–4–6')
        >>> history.get(2712).symbol, history.get("resolution 83").date.isoformat()
        ('S/RES/2712 (2023)', '1950-06-27')

    Raises:
        UnknownRecordError: If nothing is on record under ``key``; the error lists close
            matches, or says that the number is among those not yet compiled.
        InvalidTypeError: If ``key`` is neither a string nor a whole number.
    """
    session = _session()
    bundle = session.bundle
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise InvalidTypeError(
            "history.get(key)", key, "give a symbol such as 'S/2023/772' or a number such as 2712"
        )
    if isinstance(key, int):
        number: int | None = key
    else:
        found = bundle.index.get(_key(key))
        if found is not None:
            return session.record(found)
        match = _RESOLUTION.match(key.strip())
        number = int(match.group(1)) if match else None
        if match and match.group(2) and number in bundle.numbers:
            record = session.record(bundle.numbers[number])
            if record.date is not None and record.date.year != int(match.group(2)):
                raise UnknownRecordError(str(key), [record.symbol])
    if number is not None and number in bundle.numbers:
        return session.record(bundle.numbers[number])
    added = session.added_numbers.get(number) if number is not None else None
    if added is None and isinstance(key, str):
        added = session.added.get(_key(key))
    if added is not None:
        return added
    if isinstance(key, str) and number is None and len(key.strip()) >= 12:
        # a descriptive name may be given by its start:
        # "Russian oral amendment of 15 November 2023" for the whole name
        start = _key(key)
        hits = {i for k, i in bundle.index.items() if k.startswith(start)}
        if len(hits) == 1:
            return session.record(hits.pop())
    raise _unknown(str(key), number, bundle)


def _unknown(key: str, number: int | None, bundle: _Bundle) -> UnknownRecordError:
    for gap in bundle.gaps:
        if number in gap:
            return UnknownRecordError(
                key, (), note=f"resolution {number} is not in the bundled record yet: {gap.reason}"
            )
    if number is not None and number > max(bundle.numbers):
        return UnknownRecordError(
            key, (), note=f"the bundled record ends at resolution {max(bundle.numbers)}"
        )
    from unsc._suggest import close_matches  # only when there is an error to explain

    symbols = [row[bundle.column["id"]] for row in bundle.rows]
    return UnknownRecordError(key, close_matches(key, symbols, _key))


def symbols() -> tuple[str, ...]:
    """The symbols (or, for drafts without one on record, the names) of every record."""
    bundle = _bundle()
    return tuple(row[bundle.column["id"]] for row in bundle.rows)


def gaps() -> tuple[Gap, ...]:
    """Resolution numbers not in the bundled record, with the reason for each."""
    return _bundle().gaps


def extent() -> Extent:
    """How far the bundled record reaches: its first and last day, where the UN library's
    tables end, what it declares missing, and the UN voting file merged into it, if any.

    Examples:
        >>> from unsc import history
        >>> history.extent().last.isoformat()
        '2026-04-07'
    """
    return _session().extent


class RecordList(Tabular, tuple[Resolution, ...]):
    """Decisions on record: a tuple of resolutions that also finds one by symbol or number
    (``found["S/2023/772"]``, ``found[2712]`` for a resolution's number is not a position:
    use ``found.get(2712)``) and shows itself as a table: one row per decision, what the
    listing rests on beneath; its CSV, JSON and DataFrame give one row per decision with
    the columns of [`DATA_COLUMNS`][unsc.history.records.RecordList.DATA_COLUMNS].

    Attributes:
        conflicts: Disagreements between the bundled record and a UN file (see
            [`load`][unsc.history.undl.load]).
        problems: Problems found in a UN file read leniently.

    A listing is immutable, like the tuple it is: its attributes are given when it is built.
    """

    #: The columns of [`rows`][unsc.history.records.RecordList.rows] and
    #: [`table`][unsc.history.records.RecordList.table].
    COLUMNS = ("symbol", "date", "vote", "recorded", "vetoed by", "topic")
    #: The columns of the data (CSV, JSON, DataFrame): one row per decision.
    DATA_COLUMNS = ("symbol", "number", "date", "kind", "yes", "no", "abstain", "not_voting",
                    "recorded", "without_vote", "vetoed_by", "member_votes", "topic")  # fmt: skip

    conflicts: tuple[Any, ...] = ()
    problems: tuple[UNSCError, ...] = ()
    #: What the listing rests on: declared gaps in its period, where the record ends, the
    #: sources (see [`Extent.note`][unsc.history.records.Extent.note]).
    note: str = ""

    def __new__(
        cls,
        items: Iterable[Resolution] = (),
        *,
        note: str = "",
        conflicts: Iterable[Any] = (),
        problems: Iterable[UNSCError] = (),
    ) -> RecordList:
        items = _items(items, Resolution, "RecordList(items)", "records, e.g. records()")
        listing = super().__new__(cls, items)
        note = as_text(note, "RecordList(note)", blank=True)
        if conflicts != ():
            from unsc.history.undl import Conflict

            conflicts = _items(conflicts, Conflict, "RecordList(conflicts)", "conflicts")
        if problems != ():
            problems = _items(problems, UNSCError, "RecordList(problems)", "unsc errors")
        for name, value in (("note", note), ("conflicts", tuple(conflicts)),
                            ("problems", tuple(problems))):  # fmt: skip
            if value:
                object.__setattr__(listing, name, value)
        return listing

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a RecordList cannot be changed; build another ({name!r})")

    @overload  # type: ignore[override]  # also by symbol, and slices stay RecordLists
    def __getitem__(self, key: int) -> Resolution: ...
    @overload
    def __getitem__(self, key: slice) -> RecordList: ...
    @overload
    def __getitem__(self, key: str) -> Resolution: ...
    def __getitem__(self, key: int | slice | str) -> Resolution | RecordList:
        if isinstance(key, str):
            return self.get(key)
        if isinstance(key, slice):
            return _listing(tuple.__getitem__(self, key), self)
        return tuple.__getitem__(self, position(key, len(self), "a position in this listing"))

    def get(self, key: str | int) -> Resolution:
        """The record in this list under a symbol or a resolution's number.

        Raises:
            UnknownRecordError: If no record in this list goes by ``key``.
        """
        wanted = _key(key) if isinstance(key, str) else None
        match = _RESOLUTION.match(key.strip()) if isinstance(key, str) else None
        number = key if isinstance(key, int) else int(match.group(1)) if match else None
        for record in self:
            if wanted is not None and (
                _key(record.symbol) == wanted or (record.draft and _key(record.draft) == wanted)
            ):
                return record
        for record in self:
            if number is not None and record.number == number:
                return record
        from unsc._suggest import close_matches

        raise UnknownRecordError(str(key), close_matches(str(key), [r.symbol for r in self], _key))

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """One row per vote: symbol, date, tally, recorded outcome, vetoes, topic."""
        return [
            (
                r.symbol,
                r.date.isoformat() if r.date else "",
                _vote_text(r),
                r.recorded.value if r.recorded else "",
                " ".join(m.code for m in r.vetoed_by),
                _short(r.topic),
            )
            for r in self
        ]

    def as_table(self, *, limit: int = 0) -> Table:
        """One row per vote: symbol, date, tally, recorded outcome, vetoes, topic; beneath
        it, what the listing rests on (an empty listing is that sentence alone). With a
        ``limit``, a listing of more than twice as many rows shows its first and last
        ``limit`` (the notebook shows 30 and 30); CSV, JSON and the DataFrame give every
        decision, whatever the limit.

        Raises:
            InvalidTypeError: For a ``limit`` that is not a whole number.
        """
        limit = as_whole(limit, "RecordList.as_table(limit)", low=0)
        notes: tuple[str, ...] = ()
        if limit and len(self) > 2 * limit:
            shown = _listing((*self[:limit], *self[-limit:]), self)
            notes = (f"{self._describe().capitalize()}: the first and last {limit} shown.",)
        else:
            shown = self
        return Table(
            self.COLUMNS,
            shown.rows(),
            caption=self.note or ("" if self else "No decisions."),
            notes=notes,
            data=self._data(),
            data_columns=self.DATA_COLUMNS,
        )

    def _data(self) -> list[dict[str, Any]]:
        """One mapping per decision, in the order of ``DATA_COLUMNS``."""
        rows = []
        for r in self:
            tally = r.tally if r.complete and not r.without_vote else None
            rows.append({
                "symbol": r.symbol, "number": r.number, "date": r.date, "kind": r.kind.value,
                "yes": tally.yes if tally else None, "no": tally.no if tally else None,
                "abstain": tally.abstain if tally else None,
                "not_voting": tally.idle if tally else None,
                "recorded": r.recorded.value if r.recorded else None,
                "without_vote": r.without_vote,
                "vetoed_by": " ".join(m.code for m in r.vetoed_by),
                "member_votes": r.member_votes is not None, "topic": r.topic,
            })  # fmt: skip
        return rows

    def _repr_html_(self) -> str:  # a long listing shows its first and last 30 rows
        return self.as_table(limit=30).html()

    def _describe(self) -> str:
        if not self:
            return "no decisions"
        dated = [r.date for r in self if r.date]
        span = f", {min(dated).isoformat()} to {max(dated).isoformat()}" if dated else ""
        return f"{len(self):,} decision{'s' if len(self) != 1 else ''}{span}"

    def __repr__(self) -> str:
        return f"<RecordList: {self._describe()}>"


def _listing(items: Iterable[Resolution], like: RecordList | None = None) -> RecordList:
    if like is None:
        return RecordList(items)
    return RecordList(items, note=like.note, conflicts=like.conflicts, problems=like.problems)


def _vote_text(record: Resolution) -> str:
    if record.without_vote:
        return "without a vote"
    if not record.complete:
        return "not on record"
    return str(record.tally)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def records(
    *,
    year: int | None = None,
    years: tuple[int, int] | None = None,
    outcome: Outcome | str | None = None,
    vetoed_by: str | Member | None = None,
    member: str | Member | None = None,
    vote: Vote | str | None = None,
    topic: str | None = None,
    kind: Kind | str | None = None,
    member_votes: bool | None = None,
    date: datetime.date | str | None = None,
) -> RecordList:
    """Every decision on record, oldest first, filtered by any of:

    Args:
        year: The year of the vote.
        years: A range of years, both included: ``(2000, 2025)``.
        date: The day of the vote (a date or ``"2025-02-24"``): finds a draft whose
            symbol is not on record.
        outcome: The recorded outcome (an [`Outcome`][unsc.rules.Outcome] or its name).
        vetoed_by: A permanent member (code, name or alias) whose negative vote was
            recorded as a veto (the USSR and the Russian Federation are told apart).
        member: A member (code, name or alias); with ``vote``, the records in which it
            voted so, else those in which its vote is on record.
        vote: A vote (``"no"``, ``Vote.ABSTAIN``); needs ``member``.
        topic: Text in the record's topic or title, in any case (``"Gaza"``, ``"Korea"``).
        kind: Draft resolutions, amendments, motions or preliminary questions.
        member_votes: Only records with (True) or without (False) each member's vote.

    Examples:
        >>> from unsc import history
        >>> [r.symbol[:30] for r in history.records(year=2023, vetoed_by="USA")]
        ['S/2023/773', 'S/2023/970', 'Russian amendment to the draft']
        >>> history.records(date="2025-02-24")[0].symbol
        'European amendment (full-scale invasion) to S/2025/112, 24 February 2025'
        >>> print(history.records(year=2030))
        No decisions on record after 7 April 2026: the record ends there.
        >>> len(history.records(years=(1946, 1965), outcome="vetoed"))
        81

    Raises:
        InvalidTypeError: For a year given as text, or other wrong types.
        UnknownStateError: For a member or vetoer that is no state unsc knows.
        UnknownPresetError: For an outcome that is none of the three.
    """
    first, last = _span(year, years)
    day = as_date(date, "records(date)") if date is not None else None
    if day is not None:
        if first is not None and not first <= day.year <= last:
            raise InvalidFieldError("records(date)", date, f"a day within {first}–{last}")
        first = last = day.year
    wanted = Outcome.parse(outcome) if outcome is not None else None
    vetoer = _code(vetoed_by, "vetoed_by")
    who = _code(member, "member")
    how = Vote.parse(vote) if vote is not None else None
    if how is not None and who is None:
        raise InvalidFieldError("records(vote)", vote, "give the member whose vote it is")
    what = Kind.parse(kind) if kind is not None else None
    if topic is not None and not isinstance(topic, str):
        raise InvalidTypeError("records(topic)", topic, "give text such as 'Gaza'")
    text = fold(topic) if topic else None
    found = []
    session = _session()
    for record in session.records:
        if first is not None and not record.in_years(first, last):
            continue
        if day is not None and record.date != day:
            continue
        if wanted is not None and record.recorded is not wanted:
            continue
        if what is not None and record.kind is not what:
            continue
        if vetoer is not None and vetoer not in {m.code for m in record.vetoed_by}:
            continue
        if member_votes is not None and (record.member_votes is not None) is not member_votes:
            continue
        if text is not None and not record.mentions(text):
            continue
        if who is not None:
            seat = record.council.find(who)
            cast = record.member_votes
            got = cast[seat] if seat is not None and cast is not None else None
            if got is None or (how is not None and got is not how):
                continue
        found.append(record)
    return RecordList(
        found,
        note=_period_note(session.extent, first, last),
        conflicts=session.conflicts,
        problems=session.problems,
    )


def _period_note(extent: Extent, first: int | None, last: int | None) -> str:
    """What a listing over the years ``first`` to ``last`` rests on; for a period after the
    record, the sentence that says so."""
    if extent.after_end(first):
        return f"No decisions on record after {_day(extent.last)}: the record ends there."
    return extent.note(first, last if first is not None else None)


def _span(year: object, years: object) -> tuple[int | None, int]:
    if year is not None and years is not None:
        raise InvalidFieldError("records(year, years)", (year, years), "give one of them")
    if year is not None:
        number = as_year(year, "records(year)")
        return number, number
    if years is not None:
        return as_years(years, "records(years)")
    return None, 0


def _code(name: object, field: str) -> str | None:
    return None if name is None else code_of(name, f"records({field})")


# -- replaying -----------------------------------------------------------------------------


@attrs.frozen
class Replay(Tabular):
    """The engine's decision on a vote, beside the outcome the UN recorded.

    As a table: one row (symbol, date, tally, recorded and decided outcomes, agreement),
    the engine's explanation beneath and, where the two differ, why; in a notebook, the
    chamber drawn after it. Its CSV, JSON and DataFrame give the row's values.

    Attributes:
        decision: What the engine decided.
        recorded: The outcome on record (``None`` if the record has none).
    """

    decision: Decision
    recorded: Outcome | None

    @property
    def resolution(self) -> Resolution:
        """The vote replayed."""
        return self.decision.resolution

    @property
    def agrees(self) -> bool:
        """Whether the engine reached the recorded outcome (True when nothing is recorded)."""
        return self.recorded is None or self.recorded is self.decision.outcome

    @property
    def reason(self) -> str:
        """Why the engine and the record differ, in words; empty when they agree."""
        if self.agrees or self.recorded is None:
            return ""
        return _disagreement(self.decision, self.recorded)

    def as_table(self) -> Table:
        """One row: symbol, date, tally, recorded and decided outcomes, and agreement; the
        explanation beneath, then the reason for a disagreement."""
        return Table(
            _REPLAY_HEADERS,
            [self._row()],
            caption=wrap(self.decision.explain()),
            paragraphs=() if self.agrees else (f"Disagreement: {self.reason}",),
            data=[self._data()],
            data_columns=_REPLAY_DATA,
        )

    def _data(self) -> dict[str, Any]:
        res = self.resolution
        return {
            "symbol": res.symbol,
            "date": res.date,
            "vote": str(self.decision.tally),
            "recorded": self.recorded.value if self.recorded else None,
            "engine": self.decision.outcome.value,
            "agrees": self.agrees,
            "reason": self.reason,
        }

    def _row(self) -> tuple[str, str, str, str, str, str]:
        res = self.resolution
        return (
            res.symbol,
            res.date.isoformat() if res.date else "",
            str(self.decision.tally),
            self.recorded.value if self.recorded else "—",
            self.decision.outcome.value,
            "yes" if self.agrees else "NO",
        )

    def _repr_html_(self) -> str:  # the table, then the chamber as the engine decided it
        return self.as_table().html() + self.decision.svg()

    def __repr__(self) -> str:
        verdict = "agrees" if self.agrees else "disagrees"
        return f"<Replay {self.resolution.symbol}: {self.decision.outcome.value}, {verdict}>"


def _disagreement(decision: Decision, recorded: Outcome) -> str:
    rules, tally = decision.rules, decision.tally
    need = rules.requirement(decision.resolution.matter)
    why = {
        Outcome.VETOED: f"blocked by {', '.join(m.code for m in decision.vetoed_by)} with "
        f"{tally.yes} in favour",
        Outcome.INSUFFICIENT_VOTES: f"only {tally.yes} in favour where {need} are required",
        Outcome.ADOPTED: "the votes meet the rules",
    }[decision.outcome]
    if recorded is Outcome.ADOPTED and decision.outcome is Outcome.VETOED and rules.practice:
        why += "; if the Council treated it as procedural, it belongs on the procedural list"
    if recorded is Outcome.INSUFFICIENT_VOTES and decision.outcome is not recorded:
        why += f"; {tally.yes} in favour and {tally.no} against meet {need}"
    under = "" if rules is decision.resolution.council.rules else f" under {rules.name!r}"
    return (
        f"recorded {recorded.value}, engine says {decision.outcome.value}{under}: "
        f"{why} ({decision.resolution.matter.value} matter, {tally})"
    )


_REPLAY_HEADERS = ("symbol", "date", "vote", "recorded", "engine", "agrees")
#: The data of a replay (CSV, JSON, DataFrame): the row's values and the reason.
_REPLAY_DATA = ("symbol", "date", "vote", "recorded", "engine", "agrees", "reason")


def replay(symbol: str | int | Resolution, rules: Rules | None = None) -> Replay:
    """Decide a vote on record by the engine and set the result beside the record.

    Examples:
        >>> from unsc import history
        >>> result = history.replay("S/2023/772")
        >>> result.agrees, result.decision.outcome
        (True, <Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>)

    Args:
        symbol: A symbol or resolution number on record, or a
            [`Resolution`][unsc.resolution.Resolution] with ``recorded`` set.
        rules: Rules to decide by; by default those of the record's council.

    Raises:
        UnknownRecordError: If ``symbol`` is not on record.
        UnknownVotesError: If the record's votes are not on record (or leave the outcome
            open under these rules).
    """
    record = symbol if isinstance(symbol, Resolution) else get(symbol)
    if not record.complete:
        from unsc.errors import UnknownVotesError

        raise UnknownVotesError(
            record.symbol,
            "its tally is not on record (recorded "
            f"{record.recorded.value if record.recorded else '?'}), so the engine has nothing "
            "to decide",
        )
    return Replay(record.decide(rules), record.recorded)


def replay_table(replays: Iterable[Replay], fmt: str = "simple") -> str:
    """Several replays as one table, one row each (CSV and JSON with each reason too).

    Raises:
        InvalidTypeError: If ``replays`` is not an iterable of replays.
        UnknownPresetError: For a format that is none of tabulate's, ``csv`` or ``json``.
    """
    chosen = _items(replays, Replay, "replay_table(replays)", "replays from history.replay()")
    return _replay_rows(chosen).render(fmt)


def replays_as_table(replays: Iterable[Replay]) -> Table:
    """Several replays as one ``Table``, one row each, nothing beneath
    (what [`replay_table`][unsc.history.records.replay_table] renders).

    Raises:
        InvalidTypeError: If ``replays`` is not an iterable of replays.
    """
    chosen = _items(replays, Replay, "replays_as_table(replays)", "replays from history.replay()")
    return _replay_rows(chosen)


def _replay_rows(chosen: Sequence[Replay]) -> Table:
    return Table(
        _REPLAY_HEADERS,
        [r._row() for r in chosen],
        data=[r._data() for r in chosen],
        data_columns=_REPLAY_DATA,
    )


def _items(given: object, kind: type[Any], where: str, valid: str) -> list[Any]:
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


def _records_of(given: Iterable[Resolution] | None, where: str) -> list[Resolution]:
    """The records a function reads: every decision on record, or the ones given."""
    if given is None:
        return list(_session().records)
    return _items(given, Resolution, where, "records such as history.records() returns")


class ReplayStatus(enum.Enum):
    """What replaying a record found: the engine agrees with the record, disagrees, or had
    nothing to decide from."""

    AGREES = "agrees"
    """The engine reached the recorded outcome (or nothing is recorded to differ from)."""
    DISAGREES = "disagrees"
    """The engine reached another outcome than the recorded one."""
    UNCHECKED = "unchecked"
    """Nothing to decide from: the tally, or a member's vote the rules need, is not on
    record."""

    @classmethod
    def _missing_(cls, value: object) -> ReplayStatus:
        # ReplayStatus("Agrees") reads as parse() does: refused in words, not a ValueError.
        return cls.parse(value)  # type: ignore[arg-type]

    @classmethod
    def parse(cls, value: ReplayStatus | str) -> ReplayStatus:
        """Read a status from a [`ReplayStatus`][unsc.history.records.ReplayStatus] or its
        value or name, in any case (``"agrees"``, ``"UNCHECKED"``).

        Raises:
            UnknownPresetError: For a string that names no status.
            InvalidTypeError: For anything that is not a string.
        """
        if isinstance(value, ReplayStatus):
            return value
        if not isinstance(value, str):
            raise InvalidTypeError(
                "a replay status", value, "use 'agrees', 'disagrees' or 'unchecked'"
            )
        key = value.strip().lower()
        for status in cls:
            if key == status.value:
                return status
        raise UnknownPresetError("a replay status", value, (s.value for s in cls))


def _status(value: ReplayStatus | str) -> ReplayStatus:
    return ReplayStatus.parse(value)


@attrs.frozen(repr=False)
class ReplayResult:
    """One record replayed, as a line of a [`ReplayReport`][unsc.history.records.ReplayReport].

    Attributes:
        record: The record.
        engine: What the engine decided, or ``None`` when it could not decide.
        status: A [`ReplayStatus`][unsc.history.records.ReplayStatus] (given as one or as its
            value: ``"agrees"``, ``"disagrees"`` or ``"unchecked"``).
        reason: For a disagreement or an unchecked record, why.
    """

    record: Resolution
    engine: Outcome | None
    status: ReplayStatus = attrs.field(converter=_status)
    reason: str = ""

    @property
    def agrees(self) -> bool:
        """Whether the engine reached the recorded outcome."""
        return self.status is ReplayStatus.AGREES

    def __repr__(self) -> str:
        return f"<ReplayResult {self.record.symbol}: {self.status.value}>"


@attrs.frozen(repr=False)
class ReplayReport(Tabular):
    """The engine beside every recorded outcome: a sequence of
    [`ReplayResult`][unsc.history.records.ReplayResult], indexed by position or by symbol.

    As a table: the summary, then every disagreement and unchecked record with its reason;
    its CSV, JSON and DataFrame give one row per record replayed, with its status.

    Attributes:
        results: One result per record, in the record's order.
        rules: The rules decided by (``None``: each record's council's own).
    """

    results: tuple[ReplayResult, ...]
    rules: Rules | None = None

    @property
    def agreed(self) -> int:
        """How many records the engine decides as the UN recorded them."""
        return sum(1 for r in self.results if r.status is ReplayStatus.AGREES)

    @property
    def disagreements(self) -> tuple[ReplayResult, ...]:
        """Every record the engine decides otherwise, with the reason."""
        return tuple(r for r in self.results if r.status is ReplayStatus.DISAGREES)

    @property
    def unchecked(self) -> tuple[ReplayResult, ...]:
        """Records with nothing to decide from (no tally on record), with the reason."""
        return tuple(r for r in self.results if r.status is ReplayStatus.UNCHECKED)

    def summary(self) -> str:
        """One line: how many records, how many agree, how many could not be checked."""
        return (
            f"{len(self.results):,} decisions replayed: the engine agrees with the recorded "
            f"outcome on {self.agreed:,}, disagrees on {len(self.disagreements)}; "
            f"{len(self.unchecked)} have no tally on record to decide from"
        )

    def as_table(self) -> Table:
        """The summary, then every disagreement and unchecked record with its reason (the
        records that agree are in the data: CSV, JSON, the DataFrame)."""
        columns = ("symbol", "date", "recorded", "status", "reason")
        rows = [
            (r.record.symbol, r.record.date.isoformat() if r.record.date else "",
             r.record.recorded.value if r.record.recorded else "", r.status.value, r.reason)
            for r in (*self.disagreements, *self.unchecked)
        ]  # fmt: skip
        data = [
            {"symbol": r.record.symbol, "date": r.record.date,
             "recorded": r.record.recorded.value if r.record.recorded else None,
             "engine": r.engine.value if r.engine else None, "status": r.status.value,
             "reason": r.reason}
            for r in self.results
        ]  # fmt: skip
        return Table(
            columns,
            rows,
            sections=(Table((), (), caption=self.summary()),),
            data=data,
            data_columns=("symbol", "date", "recorded", "engine", "status", "reason"),
        )

    def __iter__(self) -> Iterator[ReplayResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @overload
    def __getitem__(self, key: int | str) -> ReplayResult: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[ReplayResult, ...]: ...
    def __getitem__(self, key: int | str | slice) -> ReplayResult | tuple[ReplayResult, ...]:
        if isinstance(key, str):
            wanted = _key(key)
            for result in self.results:
                if _key(result.record.symbol) == wanted:
                    return result
            raise NoSuchEntryError("a record in this report", key, ())
        if isinstance(key, slice):
            return self.results[key]
        return self.results[as_position(key, len(self.results), "a position in this report")]

    def __repr__(self) -> str:
        return (
            f"<ReplayReport: {len(self.results):,} decisions, {self.agreed:,} agree, "
            f"{len(self.disagreements)} disagree, {len(self.unchecked)} unchecked>"
        )


def replay_all(
    rules: Rules | None = None, records: Sequence[Resolution] | None = None
) -> ReplayReport:
    """Replay every decision on record (or ``records``) and compare with the UN's record.

    A record known by its counts is decided from them; a record with no tally on record
    is reported as unchecked, not guessed at.

    Examples:
        >>> from unsc import history
        >>> report = history.replay_all()
        >>> len(report.disagreements)
        0

    Args:
        rules: Rules to decide every record by; by default each record's council's own.
        records: The records to replay; every decision on record by default.
    """
    from unsc.errors import UnknownVotesError

    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("replay_all(rules)", rules, "give a unsc.Rules or None")
    chosen = _records_of(records, "replay_all(records)")
    results = []
    for record in chosen:
        if not record.complete:
            results.append(
                ReplayResult(record, None, ReplayStatus.UNCHECKED, "the tally is not on record")
            )
            continue
        decider = rules or record.council.rules
        try:
            outcome = decider.outcome_of(record)
        except UnknownVotesError as exc:
            results.append(ReplayResult(record, None, ReplayStatus.UNCHECKED, exc.missing))
            continue
        if record.recorded is None or outcome is record.recorded:
            results.append(ReplayResult(record, outcome, ReplayStatus.AGREES))
        else:
            reason = _disagreement(decider.decide(record), record.recorded)
            results.append(ReplayResult(record, outcome, ReplayStatus.DISAGREES, reason))
    return ReplayReport(tuple(results), rules)


# -- the numbers people quote -----------------------------------------------------------------


_SUMMARY = ("period", "decisions", "adopted", "resolutions", "unanimous", "without a vote",
            "vetoed", "insufficient votes", "no tally")  # fmt: skip
_SUMMARY_NOTE = (
    "Decisions: resolutions adopted, procedural votes, and drafts or amendments put to the "
    "vote and not adopted. Resolutions: drafts adopted (the UN's count of resolutions). "
    "Unanimous: adopted with every member in favour. No tally: decisions whose counts are "
    "not on record."
)
_COVERAGE = ("period", "decisions", "with counts", "without a vote", "member by member",
             "declared incomplete", "no tally", "declared missing")  # fmt: skip
_COVERAGE_NOTE = (
    "With counts: decisions whose tally is on record. Without a vote: adopted by consensus, "
    "no votes to count. Member by member: every member's vote on record (a full ballot, or "
    "a unanimous vote). Declared incomplete: member votes the sources do not give, each "
    "saying what is missing. Declared missing: resolution numbers not on record "
    "(history.gaps(); one whose year is uncertain counts in both years)."
)


@attrs.frozen(repr=False)
class Summary(Tabular):
    """Decisions per period: a table a journalist can paste (with what the columns count
    and what the record rests on beneath; CSV, JSON and the DataFrame give one row per
    period).

    Iterate over it for one row per period (a dict of the columns), index it by position
    or by period (``s["1990s"]``, ``s[2023]``).

    Attributes:
        by: ``"year"`` or ``"decade"``.
        rows: One tuple per period, in the order of
        [`columns`][unsc.history.records.Summary.columns]. columns: The columns, in order.
        notes: What the columns count, printed beneath the table.
        record_note: What the record of the period rests on (its declared gaps, its end,
            its sources), printed beneath the notes and drawn under a picture's caption.
    """

    by: str
    rows: tuple[tuple[str | int, ...], ...]
    columns: tuple[str, ...] = _SUMMARY
    notes: str = _SUMMARY_NOTE
    record_note: str = ""

    #: The columns of [`summary`][unsc.history.records.summary], in order.
    COLUMNS = _SUMMARY

    def __iter__(self) -> Iterator[dict[str, str | int]]:
        return (dict(zip(self.columns, row)) for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, key: int | str) -> dict[str, str | int]:
        if isinstance(key, str) or (self.by == "year" and isinstance(key, int) and key > 1000):
            for row in self.rows:
                if str(row[0]) == str(key):
                    return dict(zip(self.columns, row))
            periods = (str(r[0]) for r in self.rows)
            raise NoSuchEntryError(f"a {self.by} in this summary", key, periods)
        row = self.rows[position(key, len(self.rows), "a period's position")]
        return dict(zip(self.columns, row))

    def as_table(self) -> Table:
        """One row per period, what the columns count and what the record of the period
        rests on beneath."""
        return Table(self.columns, self.rows, caption=self.notes, notes=(self.record_note,))

    def caption(self) -> str:
        """What the columns count, then what the record of the period rests on."""
        return self.as_table().words()

    def plot(self, columns: Sequence[str] | None = None, *, ax: Any = None) -> Any:
        """The ``columns`` per period as stacked bars: by default the failures by kind
        (vetoed, insufficient votes) of a [`summary`][unsc.history.records.summary]. Returns
        the matplotlib Axes (needs the ``plot`` extra).

        Raises:
            NoSuchEntryError: For a column this summary does not have.
        """
        from unsc._plot import axes, label, stacked_bars

        if columns is None:
            failures = ("vetoed", "insufficient votes")
            columns = failures if set(failures) <= set(self.columns) else self.columns[1:]
        if isinstance(columns, str):
            columns = (columns,)
        if not isinstance(columns, Iterable):
            raise InvalidTypeError("Summary.plot(columns)", columns, "give column names or None")
        chosen = []
        for column in columns:  # one by one: refused at the first that is not a column
            if column not in self.columns[1:]:
                raise NoSuchEntryError("a column of this summary", column, self.columns[1:])
            chosen.append(column)
        columns = chosen
        ax = axes(ax, (10, 4.5))
        where = [self.columns.index(c) for c in columns]
        series = [(c, [int(row[i]) for row in self.rows]) for c, i in zip(columns, where)]
        stacked_bars(ax, [str(row[0]) for row in self.rows], series)
        ax.set_xlabel(self.by)
        ax.set_ylabel("decisions")
        total = sum(sum(values) for _, values in series)
        first = self.rows[0][0] if self.rows else "–"
        last = self.rows[-1][0] if self.rows else "–"
        caption = f"{total} decisions ({', '.join(columns)}) by {self.by}, {first}–{last}."
        heading = (
            f"Drafts not adopted, by {self.by}: vetoed or short of votes"
            if tuple(columns) == ("vetoed", "insufficient votes")
            else f"{', '.join(columns).capitalize()} by {self.by}"
        )
        label(ax, heading, caption, self.record_note)
        return ax

    def __repr__(self) -> str:
        first = self.rows[0][0] if self.rows else "–"
        last = self.rows[-1][0] if self.rows else "–"
        return f"<Summary by {self.by}: {len(self.rows)} periods, {first} to {last}>"


def _periods(
    by: str, records: Iterable[Resolution] | None, where: str = "summary"
) -> dict[str | int, list[Resolution]]:
    """The records grouped by year or decade, in order."""
    from unsc.errors import UnknownPresetError

    if by not in ("year", "decade"):
        raise UnknownPresetError("a period", by, ("year", "decade"))
    chosen = _records_of(records, f"{where}(records)")
    periods: dict[str | int, list[Resolution]] = {}
    for record in chosen:
        if record.date is None:
            continue
        year = record.date.year
        periods.setdefault(year if by == "year" else f"{year // 10 * 10}s", []).append(record)
    return dict(sorted(periods.items(), key=lambda kv: str(kv[0])))


def summary(by: str = "year", records: Iterable[Resolution] | None = None) -> Summary:
    """Decisions, adoptions, unanimous adoptions, vetoes and failures for lack of votes,
    per year or per decade.

    Examples:
        >>> from unsc import history
        >>> s = history.summary(by="decade")
        >>> s["1940s"]["vetoed"] > 0, list(s)[0]["period"]
        (True, '1940s')

    Raises:
        UnknownPresetError: For ``by`` other than ``"year"`` or ``"decade"``.
    """
    rows = []
    periods = _periods(by, records)
    for period, found in periods.items():
        counts = [len(found), 0, 0, 0, 0, 0, 0, 0]
        for record in found:
            if record.recorded is Outcome.ADOPTED:
                counts[1] += 1
                counts[2] += record.kind is Kind.DRAFT
                if record.without_vote:
                    counts[4] += 1
                elif record.complete and record.tally.yes == record.council.size:
                    counts[3] += 1
            elif record.recorded is Outcome.VETOED:
                counts[5] += 1
            elif record.recorded is Outcome.INSUFFICIENT_VOTES:
                counts[6] += 1
            if not record.complete:
                counts[7] += 1
        rows.append((period, *counts))
    return Summary(by, tuple(rows), record_note=_note_of(by, periods))


def coverage(by: str = "decade", records: Iterable[Resolution] | None = None) -> Summary:
    """How complete the bundled record is, per decade or year: the decisions on record,
    how many have their counts, how many each member's vote, how many no tally.

    Examples:
        >>> from unsc import history
        >>> c = history.coverage(by="year")
        >>> c[2010]["decisions"] == c[2010]["member by member"] + c[2010]["without a vote"]
        True

    Resolution numbers not yet in the record are listed by [`gaps`][unsc.history.records.gaps].

    Raises:
        UnknownPresetError: For ``by`` other than ``"year"`` or ``"decade"``.
    """
    rows = []
    extent = _session().extent
    periods = _periods(by, records, "coverage")
    for period, found in periods.items():
        counted = sum(1 for r in found if r.complete and not r.without_vote)
        quiet = sum(1 for r in found if r.without_vote)
        each = sum(1 for r in found if r.member_votes is not None)
        declared = sum(1 for r in found if "Member votes incomplete" in r.note)
        low, high = _bounds(by, period)
        missing = sum(
            g.last - g.first + 1 for g in extent.gaps if g.years[0] <= high and g.years[1] >= low
        )
        rows.append((period, len(found), counted, quiet, each, declared,
                     len(found) - counted - quiet, missing))  # fmt: skip
    return Summary(by, tuple(rows), _COVERAGE, _COVERAGE_NOTE, _note_of(by, periods))


def _bounds(by: str, period: str | int) -> tuple[int, int]:
    """The first and last year of a period of a summary (2023, or "1990s")."""
    if by == "year":
        return int(period), int(period)
    start = int(str(period)[:4])
    return start, start + 9


def _note_of(by: str, periods: dict[str | int, list[Resolution]]) -> str:
    """What a summary over these periods rests on."""
    if not periods:
        return extent().note()
    keys = list(periods)
    return extent().note(_bounds(by, keys[0])[0], _bounds(by, keys[-1])[1])

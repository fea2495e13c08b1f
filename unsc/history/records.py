"""The record of every decision of the Council since 1946: found by key, listed by filter.

Every resolution and every draft or amendment put to the vote and not adopted, from the
UN Dag Hammarskjöld Library's tables "Security Council — Meetings and outcomes" (1946 to
June 2022, with documented corrections) and, after them, UN press releases, meeting
records and Security Council Report (``unsc/data/README.md``). Each decision is a
[`Resolution`][unsc.resolution.Resolution] with the outcome the UN recorded (``recorded``), the
counts of the vote (``counts``; ``tally``), the veto holders recorded as vetoing (``vetoed_by``),
its meeting, topic and sources. Where each member's vote is known (a curated set, or
your copy of the UN's voting data through [`load`][unsc.history.merge.load]), the record
carries the ballot.

Nothing is invented: a fact that is derived or secondary says so in the record's note,
and what is missing is said to be missing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any, overload

from unsc._args import as_text, as_whole
from unsc._prose import day
from unsc._table import Table, Tabular
from unsc.council import as_date, as_year, as_years
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    UnknownRecordError,
    UNSCError,
    position,
)
from unsc.history._store import Bundle, items_of, symbol_key
from unsc.history._store import bundle as loaded
from unsc.history._store import session as current
from unsc.history.extent import Extent, Gap
from unsc.members import Member, code_of, fold
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind, Vote

__all__ = [
    "Extent",
    "Gap",
    "RecordList",
    "extent",
    "gaps",
    "get",
    "records",
    "symbols",
]

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
    session = current()
    bundle = session.bundle
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise InvalidTypeError(
            "history.get(key)", key, "give a symbol such as 'S/2023/772' or a number such as 2712"
        )
    if isinstance(key, int):
        number: int | None = key
    else:
        found = bundle.index.get(symbol_key(key))
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
        added = session.added.get(symbol_key(key))
    if added is not None:
        return added
    if isinstance(key, str) and number is None and len(key.strip()) >= 12:
        # a descriptive name may be given by its start:
        # "Russian oral amendment of 15 November 2023" for the whole name
        start = symbol_key(key)
        hits = {i for k, i in bundle.index.items() if k.startswith(start)}
        if len(hits) == 1:
            return session.record(hits.pop())
    raise _unknown(str(key), number, bundle)


def _unknown(key: str, number: int | None, bundle: Bundle) -> UnknownRecordError:
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
    return UnknownRecordError(key, close_matches(key, symbols, symbol_key))


def symbols() -> tuple[str, ...]:
    """The symbols (or, for drafts without one on record, the names) of every record."""
    bundle = loaded()
    return tuple(row[bundle.column["id"]] for row in bundle.rows)


def gaps() -> tuple[Gap, ...]:
    """Resolution numbers not in the bundled record, with the reason for each."""
    return loaded().gaps


def extent() -> Extent:
    """How far the bundled record reaches: its first and last day, where the UN library's
    tables end, what it declares missing, and the UN voting file merged into it, if any.

    Examples:
        >>> from unsc import history
        >>> history.extent().last.isoformat()
        '2026-04-07'
    """
    return current().extent


class RecordList(Tabular, tuple[Resolution, ...]):
    """Decisions on record: a tuple of resolutions that also finds one by symbol or number
    (``found["S/2023/772"]``, ``found[2712]`` for a resolution's number is not a position:
    use ``found.get(2712)``) and shows itself as a table: one row per decision, what the
    listing rests on beneath; its CSV, JSON and DataFrame give one row per decision with
    the columns of [`DATA_COLUMNS`][unsc.history.records.RecordList.DATA_COLUMNS].

    Attributes:
        conflicts: Disagreements between the bundled record and a UN file (see
            [`load`][unsc.history.merge.load]).
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
    #: sources (see [`Extent.note`][unsc.history.extent.Extent.note]).
    note: str = ""

    def __new__(
        cls,
        items: Iterable[Resolution] = (),
        *,
        note: str = "",
        conflicts: Iterable[Any] = (),
        problems: Iterable[UNSCError] = (),
    ) -> RecordList:
        """A listing of ``items`` with what it rests on (``note``), and the conflicts and
        problems met while the records were read."""
        items = items_of(items, Resolution, "RecordList(items)", "records, e.g. records()")
        listing = super().__new__(cls, items)
        note = as_text(note, "RecordList(note)", blank=True)
        if conflicts != ():
            from unsc.history.merge import Conflict

            conflicts = items_of(conflicts, Conflict, "RecordList(conflicts)", "conflicts")
        if problems != ():
            problems = items_of(problems, UNSCError, "RecordList(problems)", "unsc errors")
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
        wanted = symbol_key(key) if isinstance(key, str) else None
        match = _RESOLUTION.match(key.strip()) if isinstance(key, str) else None
        number = key if isinstance(key, int) else int(match.group(1)) if match else None
        for record in self:
            if wanted is not None and (
                symbol_key(record.symbol) == wanted
                or (record.draft and symbol_key(record.draft) == wanted)
            ):
                return record
        for record in self:
            if number is not None and record.number == number:
                return record
        from unsc._suggest import close_matches

        raise UnknownRecordError(
            str(key), close_matches(str(key), [r.symbol for r in self], symbol_key)
        )

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
    """Every decision on record, oldest first, filtered by any of the arguments.

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
        UnknownChoiceError: For an outcome that is none of the three.
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
    session = current()
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
        return f"No decisions on record after {day(extent.last)}: the record ends there."
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

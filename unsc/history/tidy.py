"""Every member's vote on every decision, as one tidy table.

One row per decision and member: the Security Council's counterpart of the UN General
Assembly's ``un_votes`` table. Only decisions whose every vote is on record contribute
(a full ballot, or a unanimous vote); the caption says how many decisions of the period
that leaves out, and why.

Examples:
    >>> from unsc import history
    >>> table = history.votes(year=2023, member="France", vote="no")
    >>> [(row.symbol, row.vote.value) for row in table]  # doctest: +ELLIPSIS
    [('Russian draft resolution of 11 July 2023 on Syria...', 'no'), ('S/2023/772', 'no')]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any, NamedTuple, overload

from unsc._frames import frame
from unsc._table import Table, Tabular
from unsc.errors import position
from unsc.history.records import RecordList, records
from unsc.members import Member
from unsc.rules import Outcome
from unsc.votes import Kind, Vote

__all__ = ["VOTE_COLUMNS", "VoteRow", "VoteTable", "votes"]

#: The columns of the table, in order.
VOTE_COLUMNS = ("symbol", "number", "draft", "date", "member", "name", "seat", "vote",
                "outcome", "topic", "sources")  # fmt: skip


class VoteRow(NamedTuple):
    """One member's vote on one decision."""

    symbol: str
    """The decision's symbol (or descriptive name, for a draft whose symbol is not on record)."""
    number: int | None
    """The resolution's number, for an adopted resolution."""
    draft: str | None
    """The draft's symbol, where it differs from ``symbol``."""
    date: datetime.date
    """The day of the vote."""
    member: str
    """The member's code (``SUN`` for the USSR)."""
    name: str
    """The member's name at the time."""
    seat: str
    """``"permanent"`` or ``"elected"``."""
    vote: Vote
    """How the member voted."""
    outcome: Outcome
    """The outcome the UN recorded."""
    topic: str
    """The decision's subject, as the record gives it."""
    sources: str
    """Where the record (and its member votes) come from, ``" ; "``-separated."""


class VoteTable(Tabular):
    """Member votes, one row per decision and member: iterate, index, ``len()``, and as
    text, HTML, CSV rows or a DataFrame. Its [`caption`][unsc.history.tidy.VoteTable.caption]
    says what it rests on."""

    def __init__(self, rows: tuple[VoteRow, ...], decisions: int, left_out: int, note: str):
        self.rows = rows
        self.decisions = decisions
        self.left_out = left_out
        self.note = note

    def caption(self) -> str:
        """How many decisions the rows come from, how many of the period were left out
        (their member votes are not all on record), and the record's own note."""
        head = f"{len(self.rows):,} votes on {self.decisions:,} decisions"
        if self.left_out:
            head += (
                f"; {self.left_out:,} decision{'s' if self.left_out != 1 else ''} of the period "
                "without every member's vote on record left out (history.coverage())"
            )
        return f"{head}. {self.note}".strip()

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[VoteRow]:
        return iter(self.rows)

    @overload
    def __getitem__(self, key: int) -> VoteRow: ...
    @overload
    def __getitem__(self, key: slice) -> VoteTable: ...
    def __getitem__(self, key: int | slice) -> VoteRow | VoteTable:
        if isinstance(key, slice):
            chosen = self.rows[key]
            count = len({(r.symbol, r.date) for r in chosen})
            return VoteTable(chosen, count, 0, self.note)
        return self.rows[position(key, len(self.rows), "a position in this table")]

    def to_rows(self) -> list[tuple[Any, ...]]:
        """The rows as plain values (codes, ISO dates, words), in the order of the columns."""
        return [
            (r.symbol, r.number, r.draft, r.date.isoformat(), r.member, r.name, r.seat,
             r.vote.value, r.outcome.value, r.topic, r.sources)
            for r in self.rows
        ]  # fmt: skip

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column (for JSON)."""
        return [dict(zip(VOTE_COLUMNS, row)) for row in self.to_rows()]

    def to_dataframe(self) -> Any:  # dates as dates, not the text of the other forms
        """One row per decision and member (needs the ``pandas`` extra); ``date`` as dates,
        ``vote`` and ``outcome`` as words."""
        out = [{**row, "date": r.date} for row, r in zip(self.to_dicts(), self.rows)]
        return frame(out, VOTE_COLUMNS)

    def as_table(self, limit: int = 30) -> Table:
        """The first ``limit`` rows (all, with ``limit=0``) for reading, the caption beneath;
        sources are left out of the text (CSV, JSON and the DataFrame have every row and
        column)."""
        shown = self.rows if limit <= 0 else self.rows[:limit]
        more = len(self.rows) - len(shown)
        return Table(
            ("symbol", "date", "member", "name", "seat", "vote", "outcome"),
            [
                (
                    r.symbol,
                    r.date.isoformat(),
                    r.member,
                    r.name,
                    r.seat,
                    r.vote.value,
                    r.outcome.value,
                )
                for r in shown
            ],
            caption=(f"({more:,} more rows)\n" if more else "") + self.caption(),
            data=self.to_dicts(),
            data_columns=VOTE_COLUMNS,
        )

    def table(self, fmt: str = "simple", *, limit: int = 30) -> str:
        """The first ``limit`` rows (all, with ``limit=0``) as a table, the caption beneath;
        ``"csv"`` and ``"json"`` give every row with every column."""
        return self.as_table(limit).render(fmt)

    def __repr__(self) -> str:
        if not self.rows:
            return "<VoteTable: no votes>"
        return (
            f"<VoteTable: {len(self.rows):,} votes on {self.decisions:,} decisions, "
            f"{self.rows[0].date.isoformat()} to {self.rows[-1].date.isoformat()}>"
        )


def votes(
    *,
    year: int | None = None,
    years: tuple[int, int] | None = None,
    date: datetime.date | str | None = None,
    outcome: Outcome | str | None = None,
    vetoed_by: str | Member | None = None,
    member: str | Member | None = None,
    vote: Vote | str | None = None,
    topic: str | None = None,
    kind: Kind | str | None = None,
) -> VoteTable:
    """One row per decision and member, for every decision whose every vote is on record.

    Takes the filters of [`records`][unsc.history.records.records] (``year``, ``years``,
    ``date``, ``outcome``, ``vetoed_by``, ``member``, ``vote``, ``topic``, ``kind``);
    ``member`` and ``vote`` then keep that member's rows only (its votes of that kind).

    Examples:
        >>> from unsc import history
        >>> table = history.votes(years=(2023, 2023))
        >>> len(table), table.decisions
        (930, 62)

    Raises:
        InvalidFieldError: As [`records`][unsc.history.records.records] does, for filters
            it does not understand.
    """
    found: RecordList = records(
        year=year, years=years, date=date, outcome=outcome, vetoed_by=vetoed_by, topic=topic,
        kind=kind, member=member, vote=vote, member_votes=True,
    )  # fmt: skip
    everything = records(
        year=year, years=years, date=date, outcome=outcome, vetoed_by=vetoed_by, topic=topic,
        kind=kind,
    )  # fmt: skip
    who = member
    how = Vote.parse(vote) if vote is not None else None
    rows: list[VoteRow] = []
    for record in found:
        cast = record.member_votes
        if cast is None or record.date is None or record.recorded is None:
            continue  # every record on file has a date and an outcome
        council = record.council
        sources = " ; ".join(record.sources)
        seat_of = council.find(who) if who is not None else None
        for i, member in enumerate(council.members):
            if seat_of is not None and i != seat_of:
                continue
            if how is not None and cast[i] is not how:
                continue
            rows.append(
                VoteRow(
                    record.symbol,
                    record.number,
                    record.draft,
                    record.date,
                    member.code,
                    member.name,
                    "permanent" if member.permanent else "elected",
                    cast[i],
                    record.recorded,
                    record.topic,
                    sources,
                )
            )
    # adoptions without a vote have no votes to list; they are not left out
    left_out = sum(1 for r in everything if r.member_votes is None and not r.without_vote)
    return VoteTable(tuple(rows), len(found), left_out, found.note)

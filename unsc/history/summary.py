"""The numbers people quote: decisions, adoptions and vetoes per year or decade, and how
complete the record is per period."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from unsc._table import Table, Tabular
from unsc.errors import InvalidTypeError, NoSuchEntryError, position
from unsc.history._store import records_of, session
from unsc.history.records import RecordList, extent
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind

__all__ = ["Summary", "coverage", "summary"]


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
        [`columns`][unsc.history.summary.Summary.columns]. columns: The columns, in order.
        notes: What the columns count, printed beneath the table.
        record_note: What the record of the period rests on (its declared gaps, its end,
            its sources), printed beneath the notes and drawn under a picture's caption.
    """

    by: str
    rows: tuple[tuple[str | int, ...], ...]
    columns: tuple[str, ...] = _SUMMARY
    notes: str = _SUMMARY_NOTE
    record_note: str = ""

    #: The columns of [`summary`][unsc.history.summary.summary], in order.
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
        rests on beneath; no rows, the sentence that says why (the period is after the
        record's end, or holds no decision)."""
        if not self.rows:
            return Table(self.columns, (), caption=self.record_note or "No decisions.")
        return Table(self.columns, self.rows, caption=self.notes, notes=(self.record_note,))

    def caption(self) -> str:
        """What the columns count, then what the record of the period rests on."""
        return self.as_table().words()

    def plot(self, columns: Sequence[str] | None = None, *, ax: Any = None) -> Any:
        """The ``columns`` per period as stacked bars: by default the failures by kind
        (vetoed, insufficient votes) of a [`summary`][unsc.history.summary.summary]. Returns
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
    from unsc.errors import UnknownChoiceError

    if by not in ("year", "decade"):
        raise UnknownChoiceError("a period", by, ("year", "decade"))
    chosen = records_of(records, f"{where}(records)")
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
        UnknownChoiceError: For ``by`` other than ``"year"`` or ``"decade"``.
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
    note = _note_of(by, periods)
    if not periods:  # the listing says why it is empty (e.g. after the record's end)
        listing = records.note if isinstance(records, RecordList) else ""
        note = listing or f"No decisions. {note}"
    return Summary(by, tuple(rows), record_note=note)


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
        UnknownChoiceError: For ``by`` other than ``"year"`` or ``"decade"``.
    """
    rows = []
    extent = session().extent
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

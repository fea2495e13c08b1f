"""One resolution from its member rows in the UN's voting-data file.

The file's columns, the list of resolutions adopted as procedural matters, and
``RowReader``, which reads one resolution from its member rows and names what is wrong
with them. ``unsc.history.undl`` builds on it: it frames the file into the rows of each
resolution (lines, quotes, chunks, repeats) and is what users call.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import operator
import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from unsc import data
from unsc.council import Council
from unsc.errors import DataError, UNSCError
from unsc.history._store import symbol_key
from unsc.members import fold, same_state, state_aliases
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind, Matter, Vote

__all__ = [
    "COLUMNS",
    "HEADER",
    "MOST_SEATS",
    "PROCEDURAL",
    "RowReader",
    "TotalsMismatch",
    "bad_bytes",
    "line_numbers",
    "said",
]

#: The columns unsc reads; the file may have more.
COLUMNS = (
    "undl_id",
    "ms_code",
    "ms_name",
    "ms_vote",
    "date",
    "resolution",
    "draft",
    "meeting",
    "description",
    "agenda",
    "vote_note",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "modality",
)


#: The full header of the UN's file, in its order.
HEADER = [
    "undl_id", "ms_code", "ms_name", "permanent_member", "ms_vote", "date", "resolution",
    "draft", "meeting", "description", "agenda", "subjects", "vote_note", "total_yes",
    "total_no", "total_abstentions", "total_non_voting", "total_ms", "modality", "undl_link",
]  # fmt: skip


_SOURCES = ("UN Digital Library, Security Council Voting Data",)


# What every row of one resolution repeats and unsc reads from its first row: a row
# that says otherwise is named.
_SHARED = (
    "date", "resolution", "vote_note", "total_yes", "total_no", "total_abstentions",
    "total_non_voting", "modality",
)  # fmt: skip


# The text the record takes from its first row. The UN's file repeats it on every row;
# one other row that agrees is enough to show that the first was not changed alone.
_TEXT = ("draft", "meeting", "description", "agenda")


# The columns that differ from one member's row to the next.
_MEMBER = ("ms_code", "ms_name", "permanent_member", "ms_vote")


_VOTES = {"Y": Vote.YES, "N": Vote.NO, "A": Vote.ABSTAIN, "X": Vote.NOT_PARTICIPATING}


@functools.cache
def _procedural() -> dict[str, str]:
    text = data.read_text("procedural.csv")
    rows = csv.DictReader(io.StringIO(text))
    return {symbol_key(row["resolution"]): row["source"] for row in rows}


@functools.cache
def _procedural_keys() -> frozenset[str]:
    return frozenset(_procedural())


@functools.cache
def _procedural_numbers() -> frozenset[int | None]:
    """The numbers of the resolutions on the procedural list: a cheap first test."""
    return frozenset(_resolution_number(symbol) for symbol in _procedural())


def _is_procedural(symbol: str) -> bool:
    # The UN's file writes symbols without spaces ("S/RES/119(1956)"): upper-case them
    # and drop spaces, cheaper than the full normalisation for every resolution read.
    return symbol.replace(" ", "").casefold() in _procedural_keys()


class _Procedural:
    """Read-only view of the procedural list: symbol -> source."""

    def __contains__(self, symbol: object) -> bool:
        return isinstance(symbol, str) and symbol_key(symbol) in _procedural()

    def __iter__(self) -> Iterator[str]:
        text = data.read_text("procedural.csv")
        return iter([row["resolution"] for row in csv.DictReader(io.StringIO(text))])

    def source(self, symbol: str) -> str:
        """The source for treating ``symbol`` as procedural."""
        return _procedural()[symbol_key(symbol)]


#: Resolutions adopted as procedural matters although a permanent member voted no.
PROCEDURAL = _Procedural()


@attrs.frozen
class TotalsMismatch:
    """A resolution whose stated totals disagree with its member rows.

    Attributes:
        symbol: The resolution.
        line: The line of its first row.
        stated: Yes, no, abstentions and non-voting as the file's totals give them.
        counted: The same, counted from the member rows.
    """

    symbol: str
    line: int
    stated: tuple[int, int, int, int]
    counted: tuple[int, int, int, int]

    def __str__(self) -> str:
        return (
            f"{self.symbol} (line {self.line}): totals say {'-'.join(map(str, self.stated))}, "
            f"member rows give {'-'.join(map(str, self.counted))}"
        )


_YES, _NO, _ABSTAIN = Vote.YES, Vote.NO, Vote.ABSTAIN


_PROCEDURAL, _SUBSTANTIVE, _ADOPTED = Matter.PROCEDURAL, Matter.SUBSTANTIVE, Outcome.ADOPTED


_DRAFT = Kind.DRAFT


def _resolution_number(symbol: str) -> int | None:
    """The number in a resolution's symbol ("S/RES/504(1982)" -> 504), if it has one."""
    head, _, _ = symbol.partition("(")
    digits = head.rstrip().rpartition("/")[2]
    number = int(digits) if digits.isdigit() else 0
    return number if number > 0 else None


_DIGITS = tuple(str(n) for n in range(1000))


_CAST = frozenset(("Y", "N", "A"))


# The most seats the Council has had (15 since 1966): a resolution with more rows repeats.
MOST_SEATS = 15


def said(vote: Vote | None) -> str:
    """A vote in words, or that there is none (for the messages of the reader and merge)."""
    return "no vote" if vote is None else vote.value


def line_numbers(lines: int | list[int], count: int) -> list[int]:
    """The lines of a group's ``count`` rows as a list (``lines``: the first, or the list)."""
    return list(range(lines, lines + count)) if isinstance(lines, int) else lines


_SURROGATE = re.compile("[\udc80-\udcff]+")


def _one_council(year: int) -> bool:
    """Whether one Council sat all ``year`` (Council.of_date gives one record for each
    stretch of a year between changes)."""
    return Council.of_date(datetime.date(year, 1, 1)) is Council.of_date(
        datetime.date(year, 12, 31)
    )


def bad_bytes(text: str) -> int:
    """How many bytes that are not UTF-8 ``text`` holds (kept as surrogates)."""
    return sum(len(run) for run in _SURROGATE.findall(text))


def _absentees(note: str, council: Council) -> frozenset[int]:
    """Seats the note says were absent, e.g. "The USSR was absent"."""
    seats = set()
    for clause in re.split(r"[;.]", note):
        if "absent" not in clause.lower():
            continue
        text = fold(clause)
        for i, member in enumerate(council.members):
            names = {member.name, member.code, *state_aliases(member.code)}
            if any(re.search(rf"\b{re.escape(fold(n))}\b", text) for n in names):
                seats.add(i)
    return frozenset(seats)


class RowReader:
    """Reads one resolution from its member rows, naming what is wrong with them: the
    base of ``UndlReader``, which gives it the rows.

    The columns are found by name in the file's header (``_start``); a problem raises
    under ``strict`` and is collected in ``problems`` otherwise; totals that disagree
    with the rows are collected in ``mismatches``.
    """

    def __init__(self, path: str, strict: bool) -> None:
        self.path = path
        self.strict = strict
        self.problems: list[DataError] = []
        self.mismatches: list[TotalsMismatch] = []
        self.rows = 0
        self._index: list[int] = []
        self._header: list[str] = []
        self._fields: Callable[[list[str]], tuple[str, ...]] = tuple
        self._shared: Callable[[list[str]], tuple[str, ...]] = tuple
        self._shared_columns: tuple[str, ...] = ()
        self._text: Callable[[list[str]], tuple[str, ...]] = tuple
        self._every: Callable[[list[str]], tuple[str, ...]] = tuple
        self._same: Callable[[list[str]], Sequence[str]] = tuple
        self._after = 0
        self._tail: Callable[[list[str]], str] = operator.itemgetter(-1)
        self._code_of: Callable[[list[str]], str] = operator.itemgetter(1)
        self._vote_of: Callable[[list[str]], str] = operator.itemgetter(4)
        # The Council of each year read, where one sat the whole year (else None).
        self._years: dict[int, Council | None] = {}

    def _problem(self, problem: str, line: int | None, column: str | None = None) -> None:
        error = DataError(self.path, problem, line=line, column=column)
        if self.strict:
            raise error
        self.problems.append(error)

    def _start(self, header: list[str]) -> None:
        """Find the columns by their names in ``header``."""
        where: dict[str, int] = {}
        for i, name in enumerate(header):
            where.setdefault(name.strip(), i)
        for column in COLUMNS:
            if column not in where:
                raise DataError(self.path, "missing column in the header", line=1, column=column)
        self._header = header
        self._index = [where[c] for c in COLUMNS]
        self._fields = operator.itemgetter(*self._index)
        shared = [c for c in _SHARED if c in where]
        self._shared = operator.itemgetter(*(where[c] for c in shared))
        self._text = operator.itemgetter(*(where[c] for c in _TEXT))
        self._shared_columns = (*shared, *_TEXT)
        self._every = operator.itemgetter(*(where[c] for c in self._shared_columns))
        # What the rows of one resolution repeat, taken at once: in the UN's file the member's
        # own columns come first, so the rest of the row is one slice (a C-level copy, the
        # cheapest way to compare rows). In a file ordered otherwise, the columns themselves.
        after = max(where[c] for c in _MEMBER if c in where) + 1
        if after <= min(where[c] for c in self._shared_columns):
            self._same = operator.itemgetter(slice(after, None))
        else:
            self._same = self._every
        # Plain lines are split only at the member columns' commas when those columns and
        # the id come first: the number of those columns, else 0 (every line to csv).
        first_ones = {where[c] for c in ("undl_id", *_MEMBER) if c in where}
        self._after = after if first_ones == set(range(after)) and where["undl_id"] == 0 else 0
        self._tail = operator.itemgetter(after)
        self._code_of = operator.itemgetter(self._index[1])
        self._vote_of = operator.itemgetter(self._index[3])

    def _contradiction(
        self, row: tuple[str, ...], first: tuple[str, ...], line: int, first_line: int
    ) -> None:
        """Name the column in which a row differs from the first row of its resolution."""
        for column, mine, theirs in zip(self._shared_columns, row, first):
            if mine != theirs:
                self._problem(
                    f"says {mine!r} where line {first_line}, the first row of its resolution, "
                    f"says {theirs!r}",
                    line,
                    column,
                )
                return

    def _repair(self, row: list[str], line: int, seen: int) -> int:
        """Name bytes that are not UTF-8, and replace them with U+FFFD (under strict=True
        the first raises).

        Returns the number of bad bytes accounted for so far.
        """
        for i, value in enumerate(row):
            found = _SURROGATE.findall(value)
            if found:
                column = self._header[i] if i < len(self._header) else None
                self._problem("bytes that are not UTF-8", line, column)
                row[i] = _SURROGATE.sub("\ufffd", value)
                seen += sum(len(run) for run in found)
        return seen

    def _resolution(self, group: list[list[str]], lines: int | list[int]) -> Resolution | None:
        """Build one resolution from its member rows; report what is wrong with them.

        ``lines``: the first line of rows one after the other, or each row's line.
        """
        first_line = lines if isinstance(lines, int) else lines[0]
        first = self._fields(group[0])
        (_, _, _, _, date, symbol, draft, meeting, description, agenda, note) = first[:11]
        number = _resolution_number(symbol)
        if number is None:
            what = "is blank" if not symbol.strip() else f"{symbol!r} is not a resolution symbol"
            self._problem(
                f"the resolution {what}; expected a symbol such as S/RES/2712(2023)",
                first_line,
                "resolution",
            )
            return None
        try:
            day = datetime.date.fromisoformat(date)
            council = self._years.get(day.year)
            if council is None:
                council = Council.of_date(day)
                if day.year not in self._years:
                    self._years[day.year] = council if _one_council(day.year) else None
        except ValueError:
            self._problem(f"{date!r} is not a date (YYYY-MM-DD)", first_line, "date")
            return None
        except UNSCError as exc:
            self._problem(str(exc), first_line, "date")
            return None
        modality = first[16]
        without_vote = modality != "Vote" and modality.strip().lower() == "without vote"
        if modality != "Vote" and not without_vote:
            self._problem(
                f"{modality!r} is not a modality; use 'Vote' or 'Without Vote' (read as 'Vote')",
                first_line,
                "modality",
            )
        ballot = self._ballot(group, lines, council, symbol, date)
        if note and "absent" in note.lower():
            for seat in _absentees(note, council):
                if ballot[seat] is Vote.NOT_PARTICIPATING:
                    ballot[seat] = Vote.ABSENT
        if None in ballot:
            missing = [council.members[i].code for i, v in enumerate(ballot) if v is None]
            self._problem(
                f"{symbol} has no row for {', '.join(missing)}, members on {date}",
                first_line,
                "ms_code",
            )
            return None
        yes = self._check_totals(symbol, first_line, first, ballot)
        if without_vote:
            self._votes_without_a_vote(group, lines, symbol)
        elif not yes:
            self._problem(
                f"{symbol} was adopted by a vote, the modality says, yet no member voted yes; "
                "if it was adopted without a vote, its modality is 'Without Vote'",
                first_line,
                "modality",
            )
        # Every value here is checked above and already in the record's own types; every
        # seat has a vote (or none was taken). A resolution adopted without a vote carries
        # no votes: the file's X (or Y) rows say only that every member was there.
        ballot_ = (None,) * council.size if without_vote else tuple(ballot)
        # Every value is in the record's own types; the fields not read take their defaults.
        return Resolution._from_checked(
            {
                "symbol": symbol,
                "council": council,
                "date": day,
                "title": description,
                "matter": _PROCEDURAL
                if number in _procedural_numbers() and _is_procedural(symbol)
                else _SUBSTANTIVE,
                "ballot": ballot_,
                "without_vote": without_vote,
                "meeting": meeting,
                "topic": agenda,
                "recorded": _ADOPTED,
                "sources": _SOURCES,
                "number": number,
                "draft": draft or None,
            }
        )

    def _votes_without_a_vote(
        self, group: list[list[str]], lines: int | list[int], symbol: str
    ) -> None:
        """Name the first row that records a vote in a resolution adopted without one."""
        for line, row in zip(line_numbers(lines, len(group)), group):
            code = self._vote_of(row)
            if code in _CAST:
                self._problem(
                    f"{symbol} was adopted without a vote, the modality says, yet this row "
                    f"records the vote {code!r}; rows of a resolution adopted without a vote "
                    "carry X (read as adopted without a vote)",
                    line,
                    "ms_vote",
                )
                return

    def _ballot(
        self,
        group: list[list[str]],
        lines: int | list[int],
        council: Council,
        symbol: str,
        date: str,
    ) -> list[Vote | None]:
        """The votes of one resolution by seat, reporting any row that cannot be placed."""
        # Fast path (C-level maps): the rows name the council's members in its own order
        # and every vote is a code. Files sorted by English name usually are.
        if tuple(map(self._code_of, group)) == council.codes:
            ballot = list(map(_VOTES.get, map(self._vote_of, group)))
            if None not in ballot:
                return ballot
        code_at, vote_at = self._index[1], self._index[3]
        # Otherwise place the rows one by one, reporting what cannot be placed.
        seats = council.seats
        placed: list[Vote | None] = [None] * council.size
        first_seen = [0] * council.size
        for line, row in zip(line_numbers(lines, len(group)), group):
            code, vote_code = row[code_at], row[vote_at]
            seat = seats.get(code)
            if seat is None:
                seat = seats.get(same_state(code) or "")
            if seat is None:
                self._problem(
                    f"{code} ({row[self._index[2]]}) was not on the Council on {date} "
                    f"(members: {', '.join(council.codes)})",
                    line,
                    "ms_code",
                )
                continue
            vote = _VOTES.get(vote_code)
            if vote is None:
                self._problem(
                    f"{vote_code!r} is not a vote code; use Y, N, A or X", line, "ms_vote"
                )
                continue
            if placed[seat] is not None:
                self._problem(
                    f"{code} appears twice in {symbol} (first on line {first_seen[seat]})",
                    line,
                    "ms_code",
                )
                continue
            placed[seat] = vote
            first_seen[seat] = line
        return placed

    def _check_totals(
        self, symbol: str, line: int, first: tuple[str, ...], ballot: list[Vote | None]
    ) -> int:
        """Compare the stated totals with the votes; return the votes in favour."""
        # Every seat has a vote here, so the non-voting are what is left.
        yes, no, abstain = ballot.count(_YES), ballot.count(_NO), ballot.count(_ABSTAIN)
        counted = (yes, no, abstain, len(ballot) - yes - no - abstain)
        # The common case compares the file's own strings: no number is parsed.
        if first[11:15] == tuple(map(_DIGITS.__getitem__, counted)):
            return yes
        try:
            stated = (int(first[11]), int(first[12]), int(first[13]), int(first[14]))
        except ValueError:
            self._problem("the totals are not whole numbers", line, "total_yes")
            return yes
        if stated != counted:
            self.mismatches.append(TotalsMismatch(symbol, line, stated, counted))
        return yes

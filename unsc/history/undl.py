"""Read the UN Digital Library's "Security Council Voting Data" and replay it.

The dataset (https://digitallibrary.un.org/record/4055387, © United Nations,
non-commercial use with attribution) has one row per member per adopted resolution.
unsc never ships or downloads it: download your copy and pass its path.

What the reader does with the file's peculiarities:

* ``X`` ("non-voting") is read with the note of the resolution: a member the note
  says was absent is :attr:`~unsc.Vote.ABSENT`; otherwise :attr:`~unsc.Vote.NOT_PARTICIPATING`.
* Modality ``Without Vote``: adopted without a vote.
* Former states keep the UN's codes (``SUN``, ``YUG``, ``CSK``, ``DDR``, ``ZAR``); a file
  that writes a successor's code for its predecessor's seat (``RUS`` for the USSR) is
  read onto the right seat.
* The per-resolution totals are checked against the member rows; a disagreement is
  reported in :attr:`UndlReader.mismatches`, never corrected.
* The file lists only adopted resolutions. A few were adopted as procedural matters
  although a permanent member voted no (resolution 2623 (2022), Russia against);
  :data:`PROCEDURAL` lists them, with sources, so that the replay reads them so.

Problems with the file itself (a missing column, an unknown vote code, a member twice
in one resolution or not on the Council that year, bytes that are not UTF-8, an empty
file, a truncated row) raise :class:`~unsc.errors.DataError` naming the file, line and
column; with ``strict=False`` they are collected in :attr:`UndlReader.problems` and the
reading goes on. Nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime
import functools
import html
import io
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import IO, Any

import attrs
from tabulate import tabulate

from unsc._frames import frame
from unsc.council import Council
from unsc.errors import DataError, UNSCError
from unsc.history.records import Replay, replay_table
from unsc.members import fold, state_aliases
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Matter, Vote

__all__ = [
    "COLUMNS",
    "HEADER",
    "PROCEDURAL",
    "TotalsMismatch",
    "UndlReader",
    "UndlReport",
    "load_undl",
    "replay_undl",
    "write_undl",
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
_VOTES = {"Y": Vote.YES, "N": Vote.NO, "A": Vote.ABSTAIN, "X": Vote.NOT_PARTICIPATING}
# A code the file may write for a seat whose holder unsc codes otherwise.
_EQUIVALENT = {"RUS": "SUN", "SUN": "RUS", "COD": "ZAR", "ZAR": "COD"}


@functools.cache
def _procedural() -> dict[str, str]:
    text = resources.files("unsc.data").joinpath("procedural.csv").read_text(encoding="utf-8")
    return {_key(row["resolution"]): row["source"] for row in csv.DictReader(io.StringIO(text))}


def _key(symbol: str) -> str:
    return "".join(symbol.split()).casefold()


class _Procedural:
    """Read-only view of the procedural list: symbol -> source."""

    def __contains__(self, symbol: object) -> bool:
        return isinstance(symbol, str) and _key(symbol) in _procedural()

    def __iter__(self) -> Iterator[str]:
        text = resources.files("unsc.data").joinpath("procedural.csv").read_text(encoding="utf-8")
        return iter([row["resolution"] for row in csv.DictReader(io.StringIO(text))])

    def source(self, symbol: str) -> str:
        """The source for treating ``symbol`` as procedural."""
        return _procedural()[_key(symbol)]


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


class UndlReader:
    """An iterator over the resolutions in a UN voting-data file.

    Use :func:`load_undl` to make one. After (or during) iteration,
    :attr:`problems` holds what ``strict=False`` set aside and :attr:`mismatches`
    the resolutions whose totals disagree with their rows.
    """

    def __init__(self, path: str | os.PathLike[str], *, strict: bool = True) -> None:
        self.path = os.fspath(path)
        self.strict = strict
        self.problems: list[DataError] = []
        self.mismatches: list[TotalsMismatch] = []
        self.rows = 0
        self._index: list[int] = []
        self._fields: Callable[[list[str]], tuple[str, ...]] = tuple
        self._code_of: Callable[[list[str]], str] = operator.itemgetter(1)
        self._vote_of: Callable[[list[str]], str] = operator.itemgetter(4)

    def __iter__(self) -> Iterator[Resolution]:
        try:
            with open(self.path, encoding="utf-8", newline="", errors=self._errors) as f:
                yield from self._read(f)
        except UnicodeDecodeError as exc:
            raise self._decode_error(exc) from None
        except OSError as exc:
            raise DataError(self.path, f"cannot be read: {exc.strerror or exc}") from None

    @property
    def _errors(self) -> str:
        return "strict" if self.strict else "surrogateescape"

    def _problem(self, problem: str, line: int | None, column: str | None = None) -> None:
        error = DataError(self.path, problem, line=line, column=column)
        if self.strict:
            raise error
        self.problems.append(error)

    def _read(self, f: io.TextIOWrapper) -> Iterator[Resolution]:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise DataError(
                self.path, "the file is empty; expected a header row with " + ", ".join(COLUMNS)
            )
        where = {name.strip(): i for i, name in enumerate(header)}
        for column in COLUMNS:
            if column not in where:
                raise DataError(self.path, "missing column in the header", line=1, column=column)
        width = len(header)
        self._index = [where[c] for c in COLUMNS]
        self._fields = operator.itemgetter(*self._index)
        self._code_of = operator.itemgetter(self._index[1])
        self._vote_of = operator.itemgetter(self._index[3])
        id_column = self._index[0]
        strict = self.strict
        group: list[list[str]] = []
        lines: list[int] = []
        current = None
        # The hot loop: per row only a length check, the id and an append; fields are
        # picked out once per resolution, when its group is complete.
        for row in reader:
            if len(row) != width:
                if row:  # a blank line is not a row
                    self._problem(
                        f"row has {len(row)} of {width} columns (truncated or malformed)",
                        reader.line_num,
                    )
                continue
            if not strict and not "".join(row).isascii():
                row = self._repair(row, header, reader.line_num)
            if row[id_column] != current:
                if group:
                    record = self._resolution(group, lines)
                    if record is not None:
                        yield record
                group = []
                lines = []
                current = row[id_column]
            group.append(row)
            lines.append(reader.line_num)
        if group:
            record = self._resolution(group, lines)
            if record is not None:
                yield record

    def _repair(self, row: list[str], header: list[str], line: int) -> list[str]:
        """Under strict=False: report bytes that are not UTF-8 and replace them."""
        for i, value in enumerate(row):
            if _SURROGATE.search(value):
                self._problem("bytes that are not UTF-8", line, header[i])
                row[i] = _SURROGATE.sub("\ufffd", value)
        return row

    def _decode_error(self, exc: UnicodeDecodeError) -> DataError:
        """Name the line and column of the first bytes that are not UTF-8 (a cold path)."""
        with open(self.path, "rb") as f:
            lines = f.read().splitlines()
        header = next(csv.reader([lines[0].decode("utf-8", "replace")])) if lines else []
        for number, raw in enumerate(lines, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                # latin-1 maps every byte to one character, so the fields split as in the file.
                fields = next(csv.reader([raw.decode("latin-1")]), [])
                bad = [i for i, v in enumerate(fields) if not _decodes(v) and i < len(header)]
                column = header[bad[0]] if bad else None
                return DataError(self.path, "bytes that are not UTF-8", line=number, column=column)
        return DataError(self.path, f"bytes that are not UTF-8 ({exc.reason})")

    def _resolution(self, group: list[list[str]], lines: list[int]) -> Resolution | None:
        """Build one resolution from its member rows; report what is wrong with them."""
        self.rows += len(group)
        first_line = lines[0]
        first = self._fields(group[0])
        (_, _, _, _, date, symbol, draft, meeting, description, agenda, note) = first[:11]
        try:
            day = datetime.date.fromisoformat(date)
            council = Council.of_date(day)
        except ValueError:
            self._problem(f"{date!r} is not a date (YYYY-MM-DD)", first_line, "date")
            return None
        except UNSCError as exc:
            self._problem(str(exc), first_line, "date")
            return None
        without_vote = first[16].strip().lower() == "without vote"
        ballot = self._ballot(group, lines, council, symbol, date)
        for seat in _absentees(note, council) if "absent" in note.lower() else ():
            if ballot[seat] is Vote.NOT_PARTICIPATING:
                ballot[seat] = Vote.ABSENT
        missing = [council.members[i].code for i, v in enumerate(ballot) if v is None]
        if missing:
            self._problem(
                f"{symbol} has no row for {', '.join(missing)}, members on {date}",
                first_line,
                "ms_code",
            )
            return None
        self._check_totals(symbol, first_line, first, ballot)
        # Every value here is checked above and already in the record's own types. A
        # resolution adopted without a vote carries no votes: the file's X (or Y) rows
        # say only that every member was there when it was adopted.
        return Resolution._trusted(
            symbol,
            council=council,
            date=day,
            title=description,
            matter=Matter.PROCEDURAL if symbol in PROCEDURAL else Matter.SUBSTANTIVE,
            ballot=(None,) * council.size if without_vote else tuple(ballot),
            without_vote=without_vote,
            meeting=meeting,
            topic=agenda,
            recorded=Outcome.ADOPTED,
            sources=_SOURCES,
            note=f"draft {draft}" if draft else "",
        )

    def _ballot(
        self, group: list[list[str]], lines: list[int], council: Council, symbol: str, date: str
    ) -> list[Vote | None]:
        """The votes of one resolution by seat, reporting any row that cannot be placed."""
        code_at, vote_at = self._index[1], self._index[3]
        # Fast path (C-level maps): the rows name the council's members in its own order
        # and every vote is a code. Files sorted by English name usually are.
        if tuple(map(self._code_of, group)) == council.codes:
            ballot = list(map(_VOTES.get, map(self._vote_of, group)))
            if None not in ballot:
                return ballot
        # Otherwise place the rows one by one, reporting what cannot be placed.
        seats = council.seats
        placed: list[Vote | None] = [None] * council.size
        first_seen = [0] * council.size
        for line, row in zip(lines, group):
            code, vote_code = row[code_at], row[vote_at]
            seat = seats.get(code)
            if seat is None:
                seat = seats.get(_EQUIVALENT.get(code, ""))
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
    ) -> None:
        try:
            stated = (int(first[11]), int(first[12]), int(first[13]), int(first[14]))
        except ValueError:
            self._problem("the totals are not whole numbers", line, "total_yes")
            return
        counted = (
            ballot.count(Vote.YES),
            ballot.count(Vote.NO),
            ballot.count(Vote.ABSTAIN),
            ballot.count(Vote.ABSENT) + ballot.count(Vote.NOT_PARTICIPATING),
        )
        if stated != counted:
            self.mismatches.append(TotalsMismatch(symbol, line, stated, counted))


_SURROGATE = re.compile("[\udc80-\udcff]+")


def _decodes(value: str) -> bool:
    try:
        value.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def load_undl(path: str | os.PathLike[str], *, strict: bool = True) -> UndlReader:
    """Stream the resolutions in a copy of the UN's Security Council voting data.

    Args:
        path: The CSV file, as downloaded from the UN Digital Library.
        strict: Raise on the first problem (the default); or, with ``False``,
            collect problems in the reader's ``problems`` and go on.

    Returns:
        An iterable of :class:`~unsc.Resolution`, each with ``recorded`` adopted.

    Raises:
        DataError: (when iterated) naming the file, line and column of a problem.
    """
    return UndlReader(path, strict=strict)


@attrs.frozen
class UndlReport:
    """What the engine made of a UN voting-data file.

    Attributes:
        path: The file.
        resolutions: How many resolutions were read.
        agreed: How many the engine decided as recorded.
        disagreements: Every replay that disagrees, with its reason.
        problems: Problems set aside under ``strict=False``.
        mismatches: Resolutions whose totals disagree with their member rows.
    """

    path: str
    resolutions: int
    agreed: int
    disagreements: tuple[Replay, ...]
    problems: tuple[DataError, ...]
    mismatches: tuple[TotalsMismatch, ...]

    @property
    def clean(self) -> bool:
        """No disagreement, problem or mismatch."""
        return not (self.disagreements or self.problems or self.mismatches)

    def summary(self) -> str:
        """One line: how many resolutions, how many agree, what else was found."""
        return (
            f"{self.path}: {self.resolutions} resolutions, engine agrees on {self.agreed}, "
            f"disagrees on {len(self.disagreements)}; {len(self.mismatches)} totals "
            f"mismatches; {len(self.problems)} problems"
        )

    def table(self, fmt: str = "simple") -> str:
        """The summary, then each disagreement, mismatch and problem."""
        parts = [self.summary()]
        if self.disagreements:
            parts.append(replay_table(self.disagreements, fmt))
            parts.extend(f"{r.resolution.symbol}: {r.reason}" for r in self.disagreements)
        if self.mismatches:
            rows = [
                (m.symbol, m.line, "-".join(map(str, m.stated)), "-".join(map(str, m.counted)))
                for m in self.mismatches
            ]
            parts.append(
                tabulate(rows, headers=("resolution", "line", "totals", "rows"), tablefmt=fmt)
            )
        parts.extend(str(p) for p in self.problems)
        return "\n\n".join(parts)

    def to_dataframe(self) -> Any:
        """One row per disagreement (needs the ``pandas`` extra)."""
        columns = ("symbol", "date", "recorded", "engine", "reason")
        rows = [
            {"symbol": r.resolution.symbol, "date": r.resolution.date,
             "recorded": r.recorded.value if r.recorded else None,
             "engine": r.decision.outcome.value, "reason": r.reason}
            for r in self.disagreements
        ]  # fmt: skip
        return frame(rows, columns)

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(self.table()) + "</pre>"

    def __str__(self) -> str:
        return self.table()


def replay_undl(
    path: str | os.PathLike[str],
    *,
    strict: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> UndlReport:
    """Replay every resolution in a UN voting-data file through the engine.

    Args:
        path: The CSV file.
        strict: Raise on the first problem, or collect problems and go on.
        progress: Called now and then with the rows and resolutions read so far.

    Raises:
        DataError: Under ``strict=True``, for the first problem in the file.
    """
    reader = load_undl(path, strict=strict)
    count = agreed = 0
    disagreements = []
    for record in reader:
        count += 1
        if progress is not None and count % 250 == 0:
            progress(reader.rows, count)
        decision = record.decide()
        if decision.outcome is Outcome.ADOPTED:  # the file lists adopted resolutions only
            agreed += 1
        else:
            disagreements.append(Replay(decision, Outcome.ADOPTED))
    if progress is not None:
        progress(reader.rows, count)
    return UndlReport(
        reader.path,
        count,
        agreed,
        tuple(disagreements),
        tuple(reader.problems),
        tuple(reader.mismatches),
    )


def write_undl(
    resolutions: Iterable[Resolution], file: str | os.PathLike[str] | IO[str], *, first_id: int = 1
) -> int:
    """Write resolutions in the UN voting-data format (for exchange, fixtures and tests).

    Each member's row carries its vote code, and the note says who was absent or did
    not participate, as the UN's file does. Identifiers are numbered from ``first_id``.

    Returns:
        The number of rows written.
    """
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="") as f:
            return write_undl(resolutions, f, first_id=first_id)
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(HEADER)
    rows = 0
    for number, record in enumerate(resolutions, start=first_id):
        tally = record.tally
        members = record.council.members
        absent = [m.name for m, v in zip(members, record.ballot) if v is Vote.ABSENT]
        idle = [m.name for m, v in zip(members, record.ballot) if v is Vote.NOT_PARTICIPATING]
        notes = []
        if record.without_vote:
            notes.append("Adopted without vote")
        else:
            if idle:
                notes.append(f"{' and '.join(idle)} did not participate in the voting")
            if absent:
                verb = "was" if len(absent) == 1 else "were"
                notes.append(f"{' and '.join(absent)} {verb} absent")
        for member, vote in zip(members, record.ballot):
            writer.writerow(
                [
                    number,
                    member.code,
                    member.name.upper(),
                    str(member.permanent),
                    "X" if record.without_vote else "" if vote is None else vote.code,
                    record.date.isoformat() if record.date else "",
                    record.symbol,
                    record.note.removeprefix("draft ") if record.note.startswith("draft ") else "",
                    record.meeting,
                    record.title,
                    record.topic,
                    "",
                    "; ".join(notes),
                    tally.yes,
                    tally.no,
                    tally.abstain,
                    record.council.size
                    if record.without_vote
                    else tally.absent + tally.not_participating,
                    record.council.size,
                    "Without Vote" if record.without_vote else "Vote",
                    "",
                ]
            )
            rows += 1
    return rows

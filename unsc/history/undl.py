"""Read the UN Digital Library's "Security Council Voting Data" and replay it.

The dataset (https://digitallibrary.un.org/record/4055387, © United Nations,
non-commercial use with attribution) has one row per member per adopted resolution.
unsc never ships or downloads it: download your copy and pass its path.

What the reader does with the file's peculiarities:

* ``X`` ("non-voting") is read with the note of the resolution: a member the note
  says was absent is [`ABSENT`][unsc.votes.Vote.ABSENT]; otherwise
  [`NOT_PARTICIPATING`][unsc.votes.Vote.NOT_PARTICIPATING].
* Modality ``Without Vote``: adopted without a vote.
* Former states keep the UN's codes (``SUN``, ``YUG``, ``CSK``, ``DDR``, ``ZAR``); a file
  that writes a successor's code for its predecessor's seat (``RUS`` for the USSR) is
  read onto the right seat.
* The per-resolution totals are checked against the member rows; a disagreement is
  reported in `UndlReader.mismatches`, never corrected.
* The file lists only adopted resolutions. A few were adopted as procedural matters
  although a permanent member voted no (resolution 2623 (2022), Russia against);
  [`PROCEDURAL`][unsc.history.undl.PROCEDURAL] lists them, with sources, so that the replay reads
  them so.

Problems with the file itself (a missing column, an unknown vote code, a member twice
in one resolution or not on the Council that year, bytes that are not UTF-8, an empty
file, a truncated row, a stray quote, a second header, a resolution given twice, a blank
symbol, a modality its votes contradict) raise [`DataError`][unsc.errors.DataError] naming
the file, line and column; with ``strict=False`` they are collected in
`UndlReader.problems` and the reading goes on. Nothing is dropped silently.

Every row is one line: the UN's fields never hold a line break, so a quote that would
open a field running past its line (and swallow the rows after it) is named at the line
where it opened, and the rows after it are read. A resolution is read once: a repeat
is named, as identical to its first rows or in conflict with them, and the first kept.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import io
import itertools
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO

import attrs

from unsc import data
from unsc.council import Council
from unsc.errors import DataError, FileError, InvalidTypeError, MissingFileError, UNSCError
from unsc.members import fold, same_state, state_aliases
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind, Matter, Vote

__all__ = [
    "COLUMNS",
    "HEADER",
    "PROCEDURAL",
    "TotalsMismatch",
    "UndlReader",
    "load_undl",
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
# What every row of one resolution repeats and unsc reads from its first row: a row
# that says otherwise is named.
_SHARED = (
    "date", "resolution", "vote_note", "total_yes", "total_no", "total_abstentions",
    "total_non_voting", "modality",
)  # fmt: skip
# The text the record takes from its first row. The UN's file repeats it on every row;
# one other row that agrees is enough to show that the first was not changed alone.
_TEXT = ("draft", "meeting", "description", "agenda")
_VOTES = {"Y": Vote.YES, "N": Vote.NO, "A": Vote.ABSTAIN, "X": Vote.NOT_PARTICIPATING}


@functools.cache
def _procedural() -> dict[str, str]:
    text = data.read_text("procedural.csv")
    return {_key(row["resolution"]): row["source"] for row in csv.DictReader(io.StringIO(text))}


def _key(symbol: str) -> str:
    return "".join(symbol.split()).casefold()


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
        return isinstance(symbol, str) and _key(symbol) in _procedural()

    def __iter__(self) -> Iterator[str]:
        text = data.read_text("procedural.csv")
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


class _Undecodable:
    """A codec error handler for lenient reading: keeps bad bytes as surrogates (as
    ``surrogateescape`` does) and counts them, so that rows are searched for them only
    when there are some: a clean file pays nothing."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeDecodeError):
            raise exc
        bad = exc.object[exc.start : exc.end]
        self.count += len(bad)
        return "".join(chr(0xDC00 + byte) for byte in bad), exc.end


class UndlReader:
    """An iterator over the resolutions in a UN voting-data file.

    Use [`load_undl`][unsc.history.undl.load_undl] to make one. After (or during) an iteration,
    `problems` holds what ``strict=False`` set aside, `mismatches` the
    resolutions whose totals disagree with their rows, and `rows` the rows read.
    Each iteration reads the file afresh: iterating twice gives the same resolutions,
    counts and problems, not twice as many.

    Every row of the file is either read into a resolution or named, at its line, in a
    problem: rows cut short or too long, a stray quote that would join rows into one (the
    rows after it are read), a field too long for a CSV reader, bytes that are not UTF-8,
    a row that contradicts the first row of its resolution (date, symbol, totals, note,
    modality), a member twice or not on the Council that day, a second header. Each
    resolution is yielded once: a repeat of one read before is a problem, identical or
    in conflict with the first (which is kept).
    """

    def __init__(self, path: str | os.PathLike[str], *, strict: bool = True) -> None:
        if not isinstance(path, (str, os.PathLike)):
            raise InvalidTypeError("load_undl(path)", path, "give the path of the CSV file")
        self.path = os.fspath(path)
        if not isinstance(self.path, str):
            raise InvalidTypeError("load_undl(path)", path, "give the path as text")
        if "\x00" in self.path:  # open() would raise a bare ValueError
            raise FileError(repr(self.path), "is no file name: a path cannot hold NUL (\\x00)")
        if not isinstance(strict, bool):
            raise InvalidTypeError("load_undl(strict)", strict, "use True or False")
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
        self._code_of: Callable[[list[str]], str] = operator.itemgetter(1)
        self._vote_of: Callable[[list[str]], str] = operator.itemgetter(4)
        self._bad_bytes = _Undecodable()
        self._seen_bad = 0
        self._councils: dict[str, tuple[datetime.date, Council]] = {}
        # Each resolution read, by its symbol: the first and last line of its rows (lines,
        # not records: a reader's memory does not grow with what it has read).
        self._seen: dict[str, tuple[int, int]] = {}
        self._handler = f"unsc-undl-{id(self)}"

    def __iter__(self) -> Iterator[Resolution]:
        # Readers hold no state between readings.
        self.problems = []
        self.mismatches = []
        self.rows = 0
        self._bad_bytes = _Undecodable()
        self._seen_bad = 0
        self._councils = {}
        self._seen = {}
        if not self.strict:
            codecs.register_error(self._handler, self._bad_bytes)
        errors = "strict" if self.strict else self._handler
        try:
            f = open(self.path, encoding="utf-8-sig", newline="", errors=errors)  # noqa: SIM115
        except FileNotFoundError:
            raise MissingFileError(self.path, "no such file") from None
        except IsADirectoryError:
            raise FileError(self.path, "is a directory, not a CSV file") from None
        except OSError as exc:
            raise FileError(self.path, f"cannot be read: {exc.strerror or exc}") from None
        with f:
            try:
                yield from self._read(f)
            except UnicodeDecodeError as exc:
                raise self._decode_error(exc) from None
            except OSError as exc:
                raise FileError(self.path, f"cannot be read: {exc.strerror or exc}") from None

    def __repr__(self) -> str:
        mode = "strict" if self.strict else "lenient"
        return f"<UndlReader {self.path} ({mode}): {self.rows:,} rows read>"

    def _problem(self, problem: str, line: int | None, column: str | None = None) -> None:
        error = DataError(self.path, problem, line=line, column=column)
        if self.strict:
            raise error
        self.problems.append(error)

    def _read(self, f: IO[str]) -> Iterator[Resolution]:
        # The UN's fields never hold a line break, so every row is one line: a row that
        # runs past its line is a stray quote, and the file is read again from the next
        # line, so that no field swallows the rows after it. The file is read in chunks
        # of whole lines, to keep the lines a bad row needs at hand.
        first = f.readline()
        if not first:
            raise DataError(
                self.path, "the file is empty; expected a header row with " + ", ".join(COLUMNS)
            )
        try:
            header = next(csv.reader([first], strict=True))
        except csv.Error as exc:
            raise DataError(
                self.path, f"the header cannot be read as CSV: {exc}", line=1
            ) from None
        self._start(header)
        width = len(header)
        id_column = self._index[0]
        group: list[list[str]] = []
        # The lines of the group's rows: its first line, while every row is one line
        # after the other; a list once a line inside it is skipped.
        lines: int | list[int] = 0
        numbered: list[int] = []
        explicit = False  # whether ``numbered`` holds the group's lines
        current: str | None = None
        start = 1  # the lines of the file before ``chunk``
        chunk, skip = f.readlines(_CHUNK), 0  # ``skip``: the lines of ``chunk`` read
        while chunk:
            offset = start + skip  # the lines of the file before the reader's first
            reader = csv.reader(
                itertools.islice(chunk, skip, None) if skip else chunk, strict=True
            )
            last = 0  # the lines the reader has read
            error = None
            try:
                # The hot loop: per row a line count, a length check, the id and an
                # append. The fields a resolution's rows share are checked, and the
                # rest picked out, once per resolution.
                for row in reader:
                    n = reader.line_num
                    if n == last + 1 and len(row) == width:
                        last = n
                        if row[id_column] != current:
                            if group:
                                record = self._complete(group, numbered if explicit else lines)
                                if record is not None:
                                    yield record
                            group, lines, current = [row], offset + n, row[id_column]
                            explicit = False
                            if current == header[id_column]:
                                group, current = self._second_header(offset + n)
                        else:
                            group.append(row)
                            if explicit:
                                numbered.append(offset + n)
                        continue
                    if n != last + 1:  # a quoted field ran on past its line
                        break
                    last = n
                    if row:  # a blank line is not a row
                        self._problem(
                            f"row has {len(row)} of {width} columns (truncated or malformed)",
                            offset + n,
                        )
                    if group and not explicit:  # the group's lines are no longer one run
                        numbered, explicit = _numbered(lines, len(group)), True
                else:
                    start += len(chunk)
                    chunk, skip = f.readlines(_CHUNK), 0
                    continue
            except csv.Error as exc:
                error = str(exc)
            # The row that began on the line after the reader's last ran past it (a
            # stray quote), or broke the csv module's rules or limits: read that line on
            # its own, and the rest of the chunk again from the line after it.
            line = offset + last + 1
            fields = self._alone(chunk[line - start - 1], line, error)
            if fields is not None:
                if fields[id_column] != current:
                    if group:
                        record = self._complete(group, numbered if explicit else lines)
                        if record is not None:
                            yield record
                    group, current, numbered = [], fields[id_column], []
                elif not explicit:
                    numbered = _numbered(lines, len(group))
                explicit = True
                group.append(fields)
                numbered.append(line)
            elif group and not explicit:
                numbered, explicit = _numbered(lines, len(group)), True
            skip = line - start
        if group:
            record = self._complete(group, numbered if explicit else lines)
            if record is not None:
                yield record

    def _second_header(self, line: int) -> tuple[list[list[str]], None]:
        """Name a header row after the first (two downloads joined); an empty group."""
        self._problem(
            "a second header row (two files joined into one?); the rows after it are read, "
            "and resolutions they repeat are named",
            line,
        )
        return [], None

    def _alone(self, text: str, line: int, error: str | None) -> list[str] | None:
        """A line whose row ran past it or broke the csv module's rules, read on its own:
        named, and under strict=False read with its quotes taken as characters when that
        gives a whole row."""
        width = len(self._header)
        reason = error or "unexpected end of data"
        try:
            next(csv.reader([text], strict=True), [])
        except csv.Error as exc:
            reason = str(exc)
        if "field larger" in reason:
            self._problem(f"cannot be read as CSV: {reason}", line)
            return None
        plain = _row(text, quote=False)
        loose = next(csv.reader([text]), [])  # the same, quotes not checked
        # The quote: in the first field that holds one when quotes are characters, or
        # else in the last field csv reads when quotes are not checked.
        quoted = [i for i, value in enumerate(plain) if '"' in value]
        at = quoted[0] if quoted and len(plain) == width else min(len(loose), width) - 1
        column = self._header[at] if at >= 0 else None
        if reason == "unexpected end of data":
            what = (
                'a stray quote (") opens a field that this line does not close, so that it '
                "would swallow the rows after it"
            )
        else:
            what = f'a stray quote ("): {reason}'
        row, how = _meant(text, width, plain, loose)
        self._problem(f"{what}; the row is {how}", line, column)
        return row

    def _complete(self, group: list[list[str]], lines: int | list[int]) -> Resolution | None:
        # ``lines``: the first line of a group of consecutive one-line rows, or each row's.
        """The resolution of a complete group of rows: bad bytes and rows that contradict
        the first row of the resolution named first, and a resolution read before named
        and not read again."""
        if len(group) > _MOST_SEATS:  # the rows again, under the same id: split them
            runs = self._runs(group, lines)
            if len(runs) > 1:
                records = [self._complete(rows, numbers) for rows, numbers in runs]
                return next((r for r in records if r is not None), None)
        self.rows += len(group)
        if self._bad_bytes.count != self._seen_bad:
            for number, fields in zip(_numbered(lines, len(group)), group):
                self._seen_bad = self._repair(fields, number, self._seen_bad)
        shared, text = self._shared, self._text
        first = shared(group[0])
        if not all(map(first.__eq__, map(shared, group))) or (  # C-level: one pass
            text(group[0]) != text(group[-1])
        ):
            numbers = _numbered(lines, len(group))
            every = self._every
            for number, fields in zip(numbers, group):
                self._contradiction(every(fields), every(group[0]), number, numbers[0])
        record = self._resolution(group, lines)
        if record is None:
            return None
        key = record.symbol.replace(" ", "")
        seen = self._seen.get(key)
        if seen is None:
            if isinstance(lines, int):
                self._seen[key] = (lines, lines + len(group) - 1)
            else:
                self._seen[key] = (lines[0], lines[-1])
            return record
        self._repeat(record, lines if isinstance(lines, int) else lines[0], *seen)
        return None

    def _runs(
        self, group: list[list[str]], lines: int | list[int]
    ) -> list[tuple[list[list[str]], list[int]]]:
        """A group cut where its first member's row comes again, with each part's lines."""
        codes = list(map(self._code_of, group))
        starts = [i for i, code in enumerate(codes) if code == codes[0]]
        numbers = _numbered(lines, len(group))
        ends = [*starts[1:], len(group)]
        return [(group[a:b], numbers[a:b]) for a, b in zip(starts, ends)]

    def _repeat(self, record: Resolution, line: int, before: int, end: int) -> None:
        """Name a resolution the file gives again: identical, or differing (a conflict)."""
        first = self._reread(before, end)
        if record == first:
            self._problem(
                f"{record.symbol} again, identical to its rows from line {before}; read once",
                line,
                "resolution",
            )
            return
        self._problem(
            f"{record.symbol} again, in conflict with its rows from line {before} "
            f"({_difference(first, record)}); the first is kept",
            line,
            "resolution",
        )

    def _reread(self, first: int, last: int) -> Resolution | None:
        """The resolution on lines ``first`` to ``last``, read again without a word (a cold
        path: only for a resolution the file repeats)."""
        with open(self.path, encoding="utf-8-sig", newline="", errors="replace") as f:
            text = list(itertools.islice(f, first - 1, last))
        width, at = len(self._header), self._index[0]
        rows = [row for row in (_as_read(line, width) for line in text) if len(row) == width]
        rows = [row for row in rows if row[at] == rows[0][at]]
        quiet = UndlReader(self.path, strict=False)
        quiet._start(self._header)
        return quiet._resolution(rows, first) if rows else None

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
        """Under strict=False: name bytes that are not UTF-8, and replace them with U+FFFD.

        Returns the number of bad bytes accounted for so far.
        """
        for i, value in enumerate(row):
            found = _SURROGATE.findall(value)
            if found:
                self._problem("bytes that are not UTF-8", line, self._header[i])
                row[i] = _SURROGATE.sub("\ufffd", value)
                seen += sum(len(run) for run in found)
        return seen

    def _decode_error(self, exc: UnicodeDecodeError) -> DataError:
        """Name the line and column of the first bytes that are not UTF-8 (a cold path)."""
        with open(self.path, "rb") as f:
            lines = f.read().removeprefix(codecs.BOM_UTF8).splitlines()
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
        found = self._councils.get(date)
        if found is None:
            try:
                day = datetime.date.fromisoformat(date)
                council = Council.of_date(day)
            except ValueError:
                self._problem(f"{date!r} is not a date (YYYY-MM-DD)", first_line, "date")
                return None
            except UNSCError as exc:
                self._problem(str(exc), first_line, "date")
                return None
            if len(self._councils) > 4096:
                self._councils.clear()
            self._councils[date] = (day, council)
        else:
            day, council = found
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
            symbol=symbol,
            council=council,
            date=day,
            title=description,
            matter=_PROCEDURAL
            if number in _procedural_numbers() and _is_procedural(symbol)
            else _SUBSTANTIVE,
            ballot=ballot_,
            without_vote=without_vote,
            meeting=meeting,
            topic=agenda,
            recorded=_ADOPTED,
            sources=_SOURCES,
            number=number,
            draft=draft or None,
        )

    def _votes_without_a_vote(
        self, group: list[list[str]], lines: int | list[int], symbol: str
    ) -> None:
        """Name the first row that records a vote in a resolution adopted without one."""
        for line, row in zip(_numbered(lines, len(group)), group):
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
        for line, row in zip(_numbered(lines, len(group)), group):
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
# Characters read at a time: whole lines, about a quarter of a megabyte.
_CHUNK = 1 << 18
_CAST = frozenset(("Y", "N", "A"))
# The most seats the Council has had (15 since 1966): a resolution with more rows repeats.
_MOST_SEATS = 15


def _difference(first: Resolution | None, again: Resolution) -> str:
    """What a resolution's second reading changes, in words."""
    if first is None:  # its first rows read alone do not make a resolution
        return "its first rows cannot be read again"
    changes = [
        f"{member.code} {said(a)} there, {said(b)} here"
        for member, a, b in zip(first.council.members, first.ballot, again.ballot)
        if a is not b
    ]
    for name in ("date", "without_vote", "title", "meeting", "topic", "draft", "council"):
        if getattr(first, name) != getattr(again, name):
            changes.append(
                f"{name} {getattr(first, name)!s:.40} there, {getattr(again, name)!s:.40} here"
            )
    return "; ".join(changes) or "they differ"


def said(vote: Vote | None) -> str:
    """A vote in words, or that there is none (for the messages of the reader and merge)."""
    return "no vote" if vote is None else vote.value


def _numbered(lines: int | list[int], count: int) -> list[int]:
    """The lines of a group's ``count`` rows as a list (``lines``: the first, or the list)."""
    return list(range(lines, lines + count)) if isinstance(lines, int) else lines


def _row(line: str, *, quote: bool = True, strict: bool = True) -> list[str]:
    """One line read as a row on its own, by the CSV rules ([] for a line that breaks
    them); with ``quote=False``, quotes are characters like any other; with
    ``strict=False``, quotes as a CSV reader that does not check them reads them."""
    try:
        if quote:
            return next(csv.reader([line], strict=strict), [])
        return next(csv.reader([line.rstrip("\r\n")], quoting=csv.QUOTE_NONE), [])
    except csv.Error:
        return []


def _meant(
    text: str, width: int, plain: list[str], loose: list[str]
) -> tuple[list[str] | None, str]:
    """The row a line with a stray quote most likely meant, and how it was read: with its
    quotes as characters (``plain``), read without checking quotes (``loose``), or
    without one of its quotes; None if none of these gives a whole row."""
    if len(plain) == width:
        return plain, "read with the quote as a character"
    if len(loose) == width:
        return loose, "read as a CSV reader that does not check quotes reads it"
    for at, char in enumerate(text):
        if char == '"':
            row = _row(text[:at] + text[at + 1 :])
            if len(row) == width:
                return row, f"read without the quote at character {at + 1} of the line"
    return None, "not read"


def _as_read(line: str, width: int) -> list[str]:
    """A line as the reader reads it: by the CSV rules, or else with its quotes as
    characters when that gives a whole row."""
    row = _row(line)
    if len(row) == width:
        return row
    return _meant(line, width, _row(line, quote=False), _row(line, strict=False))[0] or []


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
        An iterable of [`Resolution`][unsc.resolution.Resolution], each with ``recorded`` adopted.

    Raises:
        DataError: (when iterated) naming the file, line and column of a problem.
    """
    return UndlReader(path, strict=strict)


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
                    record.draft or "",
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

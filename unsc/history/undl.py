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
import itertools
import operator
import os
from collections.abc import Iterable, Iterator
from typing import IO

from unsc._args import as_text
from unsc.errors import DataError, FileError, InvalidTypeError, MissingFileError
from unsc.history._store import symbol_key
from unsc.history._undl_rows import (
    COLUMNS,
    HEADER,
    MOST_SEATS,
    PROCEDURAL,
    RowReader,
    TotalsMismatch,
    bad_bytes,
    line_numbers,
    said,
)
from unsc.resolution import Resolution
from unsc.votes import Vote

__all__ = [
    "COLUMNS",
    "HEADER",
    "PROCEDURAL",
    "TotalsMismatch",
    "UndlReader",
    "load_undl",
    "write_undl",
]


_FIRST = operator.itemgetter(0)


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


class UndlReader(RowReader):
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
        super().__init__(self.path, strict)
        self._bad_bytes = _Undecodable()
        self._seen_bad = 0
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
        self._years = {}
        self._seen = {}
        # Bytes that are not UTF-8 are kept as surrogates and named at their row's turn,
        # in both modes, so that strict reading raises at the first problem in the file's
        # order (a decoder raising would name them as soon as it read ahead).
        codecs.register_error(self._handler, self._bad_bytes)
        try:
            f = open(self.path, encoding="utf-8-sig", newline="", errors=self._handler)  # noqa: SIM115
        except FileNotFoundError:
            raise MissingFileError(self.path, "no such file") from None
        except IsADirectoryError:
            raise FileError(self.path, "is a directory, not a CSV file") from None
        except OSError as exc:
            raise FileError(self.path, f"cannot be read: {exc.strerror or exc}") from None
        with f:
            try:
                yield from self._read(f)
            except OSError as exc:
                raise FileError(self.path, f"cannot be read: {exc.strerror or exc}") from None

    def line_of(self, symbol: str) -> int | None:
        """The line of the first row of ``symbol`` in the reading so far, if it was read
        (its spacing and case as you like: ``S/RES/2712 (2023)`` is ``s/res/2712(2023)``).

        Raises:
            InvalidTypeError: If ``symbol`` is not text.
        """
        seen = self._seen.get(symbol_key(as_text(symbol, "line_of(symbol)", blank=True)))
        return None if seen is None else seen[0]

    def __repr__(self) -> str:
        mode = "strict" if self.strict else "lenient"
        return f"<UndlReader {self.path} ({mode}): {self.rows:,} rows read>"

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
        if self._bad_bytes.count != self._seen_bad:
            self._seen_bad = self._repair(header, 1, self._seen_bad)
        width = len(header)
        id_column = self._index[0]
        group: list[list[str]] = []
        # The lines of the group's rows: its first line, while every row is one line
        # after the other; a list once a line inside it is skipped.
        lines: int | list[int] = 0
        numbered: list[int] = []
        explicit = False  # whether ``numbered`` holds the group's lines
        current: str | None = None
        short = False  # whether the group's rows after its first hold only member columns
        tried = False  # whether the chunk was tried as plain lines
        start = 1  # the lines of the file before ``chunk``
        chunk, skip = f.readlines(_CHUNK), 0  # ``skip``: the lines of ``chunk`` read
        while chunk:
            # The common chunk: lines without a quote, read a resolution at a time
            # (see _plain). A run of rows it cannot read as one whole resolution sends the
            # rest of the chunk, from that run's first line, to csv.reader below.
            runs = None if skip or tried else self._plain(chunk)
            tried = True
            if runs is not None:
                at = start  # the lines of the file before the run
                for code, rows, final in runs:
                    whole = None
                    if not final and code != current:  # ends before the chunk does
                        whole = self._one_resolution(rows, code == header[id_column])
                    if whole is not None:
                        if group:
                            record = self._complete(
                                group, numbered if explicit else lines, checked=short
                            )
                            if record is not None:
                                yield record
                        group, lines, current, explicit, short = whole, at + 1, code, False, True
                    else:
                        full = self._whole(rows)
                        if full is None or code == header[id_column]:
                            skip = at - start
                            break
                        if code == current:  # the resolution the chunk before ended with
                            group += full
                            if explicit:
                                numbered += range(at + 1, at + 1 + len(full))
                        else:
                            if group:
                                record = self._complete(
                                    group, numbered if explicit else lines, checked=short
                                )
                                if record is not None:
                                    yield record
                            group, lines, current, explicit = full, at + 1, code, False
                        short = False
                    at += len(rows)
                else:
                    start += len(chunk)
                    chunk, skip, tried = f.readlines(_CHUNK), 0, False
                    continue
                if short:  # csv.reader goes on with it: the rows in full
                    group[1:] = self._in_full(group[1:])
                    short = False
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
                        if self._bad_bytes.count != self._seen_bad:
                            self._seen_bad = self._repair(row, offset + n, self._seen_bad)
                    if group and not explicit:  # the group's lines are no longer one run
                        numbered, explicit = line_numbers(lines, len(group)), True
                else:
                    start += len(chunk)
                    chunk, skip, tried = f.readlines(_CHUNK), 0, False
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
                    numbered = line_numbers(lines, len(group))
                explicit = True
                group.append(fields)
                numbered.append(line)
            else:  # named, not read: its bad bytes, if any, with it
                self._seen_bad += bad_bytes(chunk[line - start - 1])
                if group and not explicit:
                    numbered, explicit = line_numbers(lines, len(group)), True
            skip = line - start
        if group:
            record = self._complete(group, numbered if explicit else lines, checked=short)
            if record is not None:
                yield record

    def _plain(self, chunk: list[str]) -> Iterator[tuple[str, list[list[str]], bool]] | None:
        """The rows of a chunk of lines that hold no quote, by resolution, each row split
        only at the commas of its member columns (``_in_full`` splits the rest).

        Without a quote, splitting a line at its commas is what csv.reader does, at a
        fraction of its cost. None (read by csv.reader) for a chunk with a quote, a NUL
        or a line longer than csv's field limit, with bytes not yet named as not UTF-8,
        or from a file whose member columns do not come first (the UN's order).
        """
        if not self._after or self._bad_bytes.count != self._seen_bad:
            return None
        text = "".join(chunk)
        if '"' in text or "\x00" in text or max(map(len, chunk)) > csv.field_size_limit():
            return None
        # Split as they are: the line's end stays on its last field until _in_full.
        # One run at a time (the chunk's rows are not all kept at once: the garbage
        # collector would walk them again and again).
        rows = map(str.split, chunk, itertools.repeat(","), itertools.repeat(self._after))
        return _flag_last(itertools.groupby(rows, _FIRST))

    def _one_resolution(self, rows: list[list[str]], header: bool) -> list[list[str]] | None:
        """A plain run of rows as one resolution: its first row in full and the others
        as they are, when every row goes on with the same text after its member columns,
        so that all say the same of the resolution; None when they do not (or for a run
        too long to be one resolution, or a second header)."""
        after = self._after
        if header or len(rows) > MOST_SEATS or min(map(len, rows)) != after + 1:
            return None
        tail = rows[0][after]
        if not all(map(tail.__eq__, map(self._tail, rows))):
            return None
        first = rows[0][:after] + tail.rstrip("\r\n").split(",")
        if len(first) != len(self._header):
            return None
        rows[0] = first
        return rows

    def _in_full(self, rows: list[list[str]]) -> list[list[str]]:
        """Plain rows split at every comma, without the line's end."""
        after = self._after
        return [
            [*row[:after], *row[after].rstrip("\r\n").split(",")]
            if len(row) > after
            else [*row[:-1], row[-1].rstrip("\r\n")]
            for row in rows
        ]

    def _whole(self, rows: list[list[str]]) -> list[list[str]] | None:
        """Plain rows in full when every one has the header's columns; None if one
        does not (csv.reader then reads them, and names it)."""
        full = self._in_full(rows)
        width = len(self._header)
        return full if all(len(row) == width for row in full) else None

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

    def _complete(
        self, group: list[list[str]], lines: int | list[int], *, checked: bool = False
    ) -> Resolution | None:
        # ``lines``: the first line of a group of consecutive one-line rows, or each row's.
        """The resolution of a complete group of rows: bad bytes and rows that contradict
        the first row of the resolution named first, and a resolution read before named
        and not read again.

        ``checked``: the group is a plain run that ``_one_resolution`` found to agree
        (its rows after the first hold only their member columns).
        """
        if len(group) > MOST_SEATS:  # the rows again, under the same id: split them
            runs = self._runs(group, lines)
            if len(runs) > 1:
                records = [self._complete(rows, numbers) for rows, numbers in runs]
                return next((r for r in records if r is not None), None)
        self.rows += len(group)
        if self._bad_bytes.count != self._seen_bad:
            for number, fields in zip(line_numbers(lines, len(group)), group):
                self._seen_bad = self._repair(fields, number, self._seen_bad)
        # The common case in one C-level pass: every row repeats the first's resolution
        # columns. Otherwise the columns read are compared one by one (a row may differ in
        # a column unsc does not read, such as the subjects, without a word).
        same, shared, text = self._same, self._shared, self._text
        if (
            not checked
            and not all(map(same(group[0]).__eq__, map(same, group)))
            and (
                not all(map(shared(group[0]).__eq__, map(shared, group)))
                or text(group[0]) != text(group[-1])
            )
        ):
            numbers = line_numbers(lines, len(group))
            every = self._every
            for number, fields in zip(numbers, group):
                self._contradiction(every(fields), every(group[0]), number, numbers[0])
        record = self._resolution(group, lines)
        if record is None:
            return None
        key = symbol_key(record.symbol)
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
        numbers = line_numbers(lines, len(group))
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


def _flag_last(
    runs: Iterator[tuple[str, Iterator[list[str]]]],
) -> Iterator[tuple[str, list[list[str]], bool]]:
    """Each run of rows with its id, and whether it is the last of its chunk."""
    code, run = next(runs, ("", None))
    if run is None:
        return
    rows = list(run)
    for following, more in runs:
        yield code, rows, False
        code, rows = following, list(more)
    yield code, rows, True


# Characters read at a time: whole lines, about a quarter of a megabyte.
_CHUNK = 1 << 18


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

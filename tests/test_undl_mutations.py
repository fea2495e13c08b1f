"""Mutated UN files: no resolution lost, added, repeated or altered without a word.

Each case takes a file in the UN's format (the sample fixture, the same file with
descriptions as long as the UN's, quoted or not, and with Windows line ends), applies one
to three seeded
mutations a careless edit or download could make (a stray quote, a row deleted,
repeated, moved or changed, a second header, a blank field, a changed modality, a cut
end), and reads the result leniently and strictly. Every resolution of the original
must come back unchanged, or be named by a problem (by its line or symbol) or a totals
mismatch; nothing may come back twice; strict reading raises at the first problem.

Run as a script to count the cases in which something went unreported:
``python tests/test_undl_mutations.py``.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

import attrs
import pytest

from unsc import history
from unsc.errors import DataError
from unsc.history import undl
from unsc.history.undl import HEADER
from unsc.resolution import Resolution

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "undl_sample.csv"
SEED = 20231016
CASES = 150  # per base file; the whole module reads 4 x 150 files, twice each, in seconds


@attrs.frozen
class Line:
    """One line of a mutated file and the resolution (symbol) its text came from."""

    text: str
    origin: str  # "" for the header and lines that come from no row


def _fields(text: str) -> list[str]:
    return next(csv.reader([text]))


def _joined(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def _lines(text: str) -> list[Line]:
    column = HEADER.index("resolution")
    out = [Line(text.splitlines(keepends=True)[0], "")]
    out += [Line(t, _fields(t)[column]) for t in text.splitlines(keepends=True)[1:]]
    return out


def _long(text: str, commas: bool) -> str:
    """The sample with descriptions as long as the UN's (~700 characters); with
    ``commas``, every other one holds commas, so that the writer quotes it."""
    rows = list(csv.reader(io.StringIO(text)))
    at = HEADER.index("description")
    for row in rows[1:]:
        comma = commas and int(row[0]) % 2 == 0
        words = "peace-keeping, sanctions, protection" if comma else "peace-keeping operations"
        row[at] = row[at] + " [on " + " and ".join([words] * 18) + "]"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _base_texts() -> dict[str, str]:
    sample = SAMPLE.read_text(encoding="utf-8")
    return {
        "sample": sample,
        "long": _long(sample, False),
        "quoted": _long(sample, True),
        "crlf": sample.replace("\n", "\r\n"),  # as Windows tools write it
    }


# -- mutations: each takes the lines and a random source and changes the lines ------------


def _row_at(lines: list[Line], rnd: random.Random) -> int:
    return rnd.randrange(1, len(lines))


def _block(lines: list[Line], rnd: random.Random) -> tuple[int, int]:
    """The span [start, end) of one resolution's lines."""
    i = _row_at(lines, rnd)
    start = end = i
    while start > 1 and lines[start - 1].origin == lines[i].origin:
        start -= 1
    while end < len(lines) and lines[end].origin == lines[i].origin:
        end += 1
    return start, end


def _stray_quote(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    text = lines[i].text
    commas = [k + 1 for k, c in enumerate(text) if c == ","]
    at = rnd.choice(commas) if rnd.random() < 0.7 else rnd.randrange(len(text) - 1)
    lines[i] = attrs.evolve(lines[i], text=text[:at] + '"' + text[at:])
    return f"quote on line {i + 1}"


def _delete_row(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    del lines[i]
    return f"line {i + 1} deleted"


def _repeat_row(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    j = i + 1 if rnd.random() < 0.5 else rnd.randrange(1, len(lines) + 1)
    lines.insert(j, lines[i])
    return f"line {i + 1} repeated at {j + 1}"


def _repeat_resolution(lines: list[Line], rnd: random.Random) -> str:
    start, end = _block(lines, rnd)
    copy = lines[start:end]
    changed = rnd.random() < 0.5
    if changed:
        k = rnd.randrange(len(copy))
        copy[k] = _set(copy[k], "ms_vote", rnd.choice("YNAX"))
    j = end if rnd.random() < 0.5 else len(lines)
    lines[j:j] = copy
    return f"lines {start + 1}-{end} repeated at {j + 1}" + (" changed" if changed else "")


def _set(line: Line, column: str, value: str) -> Line:
    fields = _fields(line.text)
    if len(fields) != len(HEADER):  # a line an earlier mutation broke: left as it is
        return line
    fields[HEADER.index(column)] = value
    return attrs.evolve(line, text=_joined(fields))


def _change_field(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    column = rnd.choice(
        [
            "ms_vote",
            "ms_vote",
            "date",
            "resolution",
            "ms_code",
            "undl_id",
            "total_yes",
            "description",
            "meeting",
            "draft",
            "agenda",
            "vote_note",
        ]
    )
    old = (_fields(lines[i].text) + [""] * len(HEADER))[HEADER.index(column)]
    new = {
        "ms_vote": rnd.choice("YNAX"),
        "date": "1999-01-01",
        "resolution": old.replace("S/RES/", "S/RES/9"),
        "ms_code": rnd.choice(["CHN", "FRA", "DEU", "IND"]),
        "undl_id": "99",
        "total_yes": "3",
        "description": old + " [as amended]",
        "meeting": "S/PV.1",
        "draft": "S/1999/1",
        "agenda": "Another item",
        "vote_note": "The USSR was absent",
    }[column]
    lines[i] = _set(lines[i], column, new)
    return f"line {i + 1} {column} {old!r} -> {new!r}"


def _blank_field(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    column = rnd.choice(
        [
            "resolution",
            "resolution",
            "ms_vote",
            "ms_code",
            "date",
            "modality",
            "undl_id",
            "description",
            "meeting",
            "agenda",
            "total_no",
            "vote_note",
        ]
    )
    lines[i] = _set(lines[i], column, "")
    return f"line {i + 1} {column} blank"


def _modality(lines: list[Line], rnd: random.Random) -> str:
    start, end = _block(lines, rnd)
    whole = rnd.random() < 0.5
    span = range(start, end) if whole else [rnd.randrange(start, end)]
    for k in span:
        old = lines[k].text.rstrip("\n").rpartition(",")[0].rpartition(",")[2]
        lines[k] = _set(lines[k], "modality", "Vote" if old == "Without Vote" else "Without Vote")
    return f"modality changed on lines {span[0] + 1}-{span[-1] + 1}"


def _second_header(lines: list[Line], rnd: random.Random) -> str:
    if rnd.random() < 0.5:  # two downloads, one after the other
        lines.extend(list(lines))
        return "file repeated after itself"
    j = rnd.randrange(2, len(lines) + 1)
    lines.insert(j, lines[0])
    return f"header repeated at line {j + 1}"


def _swap(lines: list[Line], rnd: random.Random) -> str:
    i, j = _row_at(lines, rnd), _row_at(lines, rnd)
    lines[i], lines[j] = lines[j], lines[i]
    return f"lines {i + 1} and {j + 1} swapped"


def _cut(lines: list[Line], rnd: random.Random) -> str:
    i = _row_at(lines, rnd)
    text = lines[i].text
    lines[i:] = [attrs.evolve(lines[i], text=text[: rnd.randrange(1, len(text))])]
    return f"file cut in line {i + 1}"


def _blank_line(lines: list[Line], rnd: random.Random) -> str:
    j = rnd.randrange(2, len(lines) + 1)
    lines.insert(j, Line("\n", ""))
    return f"blank line {j + 1}"


MUTATIONS = (
    _stray_quote, _stray_quote, _stray_quote, _delete_row, _repeat_row, _repeat_resolution,
    _change_field, _blank_field, _modality, _second_header, _swap, _cut, _blank_line,
)  # fmt: skip


def mutated(text: str, rnd: random.Random) -> tuple[list[Line], list[str]]:
    """The lines of ``text`` after one to three mutations, and what they were."""
    lines = _lines(text)
    done = [rnd.choice(MUTATIONS)(lines, rnd) for _ in range(rnd.choice((1, 1, 2, 3)))]
    return lines, done


# -- the judge -----------------------------------------------------------------------------


def _named(lines: list[Line], problems: list[DataError], others: list[str]) -> set[str]:
    """Symbols a report names: by a line of theirs, or in words."""
    named = set()
    words = "\n".join([*(str(p) for p in problems), *others])
    for problem in problems:
        if problem.line is not None and 0 < problem.line <= len(lines):
            named.add(lines[problem.line - 1].origin)
    named |= {line.origin for line in lines if line.origin and line.origin in words}
    return named


def silences(
    original: list[Resolution], lines: list[Line], path: Path
) -> tuple[list[str], DataError | None, list[DataError]]:
    """What a lenient reading of ``path`` lost, added, repeated or altered without naming
    it; the error a strict reading raised (or None); the lenient reading's problems."""
    path.write_text("".join(line.text for line in lines), encoding="utf-8")
    reader = history.load_undl(path, strict=False)
    try:
        read = list(reader)
    except DataError as exc:  # the file as a whole cannot be read: said, not silent
        return [], exc, [exc]
    try:
        list(history.load_undl(path))
        raised = None
    except DataError as exc:
        raised = exc
    named = _named(lines, reader.problems, [str(m) for m in reader.mismatches])
    # A resolution whose every line the mutation removed is gone from the file, not lost.
    present = {line.origin for line in lines}
    before = {r.symbol: r for r in original if r.symbol in present}
    found = []
    by_symbol: dict[str, list[Resolution]] = {}
    for record in read:
        by_symbol.setdefault(record.symbol, []).append(record)
    for symbol, record in before.items():
        copies = by_symbol.get(symbol, [])
        if not copies and symbol not in named:
            found.append(f"{symbol} lost")
        if any(copy != record for copy in copies) and symbol not in named:
            found.append(f"{symbol} altered")
        if len(copies) > 1:
            found.append(f"{symbol} read {len(copies)} times")
    for symbol in by_symbol.keys() - before.keys():
        if symbol not in "\n".join(str(p) for p in reader.problems):
            found.append(f"{symbol!r} added")
    return found, raised, list(reader.problems)


def run(cases: int = CASES, folder: Path | None = None) -> dict[str, int]:
    """Mutate ``cases`` files from each base; count files and silent losses."""
    import tempfile

    counts = {"files": 0, "files with a silence": 0, "lost": 0, "added": 0, "altered": 0}
    counts |= {"repeated": 0, "strict reading wrong": 0}
    with tempfile.TemporaryDirectory() as tmp:
        where = folder or Path(tmp)
        for name, text in _base_texts().items():
            original = list(history.load_undl(_write(where / f"{name}.csv", text)))
            rnd = random.Random(f"{SEED}-{name}")
            for _ in range(cases):
                lines, _done = mutated(text, rnd)
                found, raised, problems = silences(original, lines, where / "mutated.csv")
                counts["files"] += 1
                counts["files with a silence"] += bool(found)
                for kind in ("lost", "added", "altered"):
                    counts[kind] += sum(kind in f for f in found)
                counts["repeated"] += sum("times" in f for f in found)
                counts["strict reading wrong"] += not _strict_agrees(raised, problems)
    return counts


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _strict_agrees(raised: DataError | None, problems: list[DataError]) -> bool:
    """Strict reading raises at the line of the first problem a lenient one reports."""
    if not problems:
        return raised is None
    return raised is not None and raised.line == problems[0].line


# -- the tests ------------------------------------------------------------------------------


@pytest.fixture(name="bases", scope="module")
def _bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, list[Resolution]]]:
    folder = tmp_path_factory.mktemp("bases")
    return {
        name: (text, list(history.load_undl(_write(folder / f"{name}.csv", text))))
        for name, text in _base_texts().items()
    }


@pytest.mark.parametrize("chunk", [None, 2000])
@pytest.mark.parametrize("base", ["sample", "long", "quoted", "crlf"])
def test_nothing_silently_lost_added_repeated_or_altered(
    base: str,
    chunk: int | None,
    bases: dict[str, tuple[str, list[Resolution]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every mutated file is read with every change to a resolution named, also when the
    reader takes the file in chunks of a few lines (a bad row at a chunk's end)."""
    if chunk is not None:
        monkeypatch.setattr(undl, "_CHUNK", chunk)
    text, original = bases[base]
    rnd = random.Random(f"{SEED}-{base}")
    failures = []
    for case in range(CASES):
        lines, done = mutated(text, rnd)
        found, raised, problems = silences(original, lines, tmp_path / f"m{case}.csv")
        if found:
            failures.append(f"case {case} ({'; '.join(done)}): {', '.join(found)}")
        if not _strict_agrees(raised, problems):
            first = problems[0].line if problems else None
            failures.append(
                f"case {case} ({'; '.join(done)}): strict raised {raised}, lenient's first "
                f"problem is on line {first}"
            )
    assert failures == []


if __name__ == "__main__":
    for key, value in run(int(sys.argv[1]) if len(sys.argv) > 1 else CASES).items():
        print(f"{key}: {value}")


def _swap_votes(lines: list[Line], rnd: random.Random) -> str:
    """Two members of one resolution trade votes: the tally stays, the members change."""
    start, end = _block(lines, rnd)
    i, j = rnd.sample(range(start, end), 2)
    vote_i, vote_j = (_fields(lines[k].text)[HEADER.index("ms_vote")] for k in (i, j))
    lines[i], lines[j] = _set(lines[i], "ms_vote", vote_j), _set(lines[j], "ms_vote", vote_i)
    return f"votes of lines {i + 1} and {j + 1} swapped"


def test_load_never_replaces_the_bundles_votes_silently(
    bases: dict[str, tuple[str, list[Resolution]]], tmp_path: Path
) -> None:
    """Files whose members trade votes (or with any other mutation), merged with the bundle:
    every member vote the bundle holds is kept, and each resolution on which the file's
    votes differ from them is named by a conflict or a problem."""
    text, _ = bases["sample"]
    rnd = random.Random(f"{SEED}-load")
    path = tmp_path / "mutated.csv"
    failures = []
    for case in range(40):
        lines = _lines(text)
        done = [_swap_votes(lines, rnd) for _ in range(rnd.choice((1, 2)))]
        if rnd.random() < 0.3:
            done.append(rnd.choice(MUTATIONS)(lines, rnd))
        path.write_text("".join(line.text for line in lines), encoding="utf-8")
        merged = history.load(undl=path)
        file_read = {r.symbol: r for r in history.load_undl(path, strict=False)}
        named = {c.symbol for c in merged.conflicts} | _named(lines, list(merged.problems), [])
        for symbol, record in file_read.items():
            try:
                mine = history.get(symbol)
            except LookupError:
                continue
            if not mine.has_ballot or mine.without_vote:
                continue
            if merged.get(symbol).ballot != mine.ballot:
                failures.append(f"case {case} ({'; '.join(done)}): {symbol} votes replaced")
            if record.ballot != mine.ballot and symbol not in named:
                failures.append(f"case {case} ({'; '.join(done)}): {symbol} differs, unnamed")
    assert failures == []


def _quoted(text: str) -> str:
    """A line without quotes with every field quoted: the same fields to csv.reader, but
    read by it rather than split at the commas as unsc reads plain lines."""
    if '"' in text or not text.strip("\r\n"):
        return text
    body = text.rstrip("\r\n")
    return '"' + body.replace(",", '","') + '"' + text[len(body) :]


def _reading(path: Path) -> tuple[list[Resolution], list[str], list[str]]:
    reader = history.load_undl(path, strict=False)
    read = list(reader)
    said = [str(p).replace(str(path), "the file") for p in reader.problems]
    return read, said, [str(m) for m in reader.mismatches]


@pytest.mark.parametrize("chunk", [None, 700])
@pytest.mark.parametrize("base", ["sample", "long", "crlf"])
def test_plain_lines_read_as_csv_reads_them(
    base: str,
    chunk: int | None,
    bases: dict[str, tuple[str, list[Resolution]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lines without a quote are split at their commas, a resolution at a time: every
    mutated file gives the same records, problems and mismatches as the same file with
    its fields quoted, which csv.reader reads (the run of a resolution cut by a chunk's
    end, a bad row inside one, a blank line, a second header among them)."""
    if chunk is not None:
        monkeypatch.setattr(undl, "_CHUNK", chunk)
    text, _ = bases[base]
    rnd = random.Random(f"{SEED}-plain-{base}")
    for case in range(CASES // 3):
        lines, done = mutated(text, rnd)
        plain = _write(tmp_path / "plain.csv", "".join(line.text for line in lines))
        quoted = _write(tmp_path / "quoted.csv", "".join(_quoted(line.text) for line in lines))
        assert _reading(plain) == _reading(quoted), f"case {case}: {'; '.join(done)}"

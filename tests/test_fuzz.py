"""Hostile input, as a fuzzer would give it: nothing but a UNSCError ever escapes.

* the public API, called with arbitrary values where it expects names, years, dates,
  rules, votes and probabilities;
* the UN voting-data reader, on mutated copies of a valid file: every row is read or a
  problem names it, and a file that reads clean lost no row;
* the JSON loader, on arbitrary documents and on mutated valid ones: what it accepts
  validates against the published SCHEMA, and what the constructors accept round-trips;
* the command line, on a few hundred random argument vectors run as processes: exit 0, 1
  (a replay that disagrees) or 2 with one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import csv
import datetime
import io
import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsc
from unsc import analysis, history, reform, serial, teaching
from unsc.errors import UNSCError
from unsc.strategies import resolutions

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "undl_sample.csv"
C2023 = unsc.Council.of_year(2023)
S_2023_772 = history.get("S/2023/772")

# -- values a hostile caller passes -------------------------------------------------------

HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 9, 15, 1946, 1971, 2023, 2026, 10000, 2**64, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2023",
            "USA",
            "usa",
            "United States",
            "Russia",
            "Zaire",
            "Ceylon",
            "1971-10-25",
            "2023-02-30",
            "yesterday",
            "",
            " ",
            "S/2023/772",
            "S/RES/2712(2023)",
            "9",
            "x",
            "veto",
            "adopted",
            "no",
            "Y",
            "banzhaf",
            "b",
            "g4",
            "VI",
            "CHN GAB",
            "CHN,GAB",
        ]
    ),
    st.binary(max_size=6),
    st.lists(st.sampled_from(["USA", "FRA", "Freedonia", "", "CHN"]), max_size=4),
    st.dictionaries(st.sampled_from(["USA", "yes", "no"]), st.integers(-2, 2), max_size=2),
    st.just(datetime.date(2023, 10, 16)),
    st.just(datetime.datetime(1971, 10, 25, 12)),
    st.just(C2023),
    st.just(S_2023_772),
    st.builds(object),
)


def _never_raw(call: Callable[[], object]) -> None:
    """Run ``call``: it may return anything or raise a UNSCError, nothing else."""
    with contextlib.suppress(UNSCError):
        call()


def _one(key: Any, value: Any) -> object:
    """A mapping of one entry, or, for a key that cannot be one, a list of one pair."""
    try:
        return {key: value}
    except TypeError:
        return [(key, value)]


def _records(**kwargs: Any) -> object:
    return history.records(**kwargs)


CALLS: list[tuple[str, int, Callable[..., object]]] = [
    ("Council.of_year", 1, lambda a: unsc.Council.of_year(a)),
    ("Council.of_date", 1, lambda a: unsc.Council.of_date(a)),
    ("Council(members)", 1, lambda a: unsc.Council(a)),
    ("Council(members, veto)", 2, lambda a, b: unsc.Council(a, veto=b)),
    ("Council(members, rules)", 2, lambda a, b: unsc.Council(a, rules=b)),
    ("Rules(name, quota)", 2, lambda a, b: unsc.Rules(a, b)),
    ("Rules(name, quota, blocking)", 3, lambda a, b, c: unsc.Rules(a, b, c)),
    ("Member(code, name)", 2, lambda a, b: unsc.Member(a, b)),
    ("Member(code, name, permanent)", 3, lambda a, b, c: unsc.Member(a, b, c)),
    ("Resolution(symbol, council)", 2, lambda a, b: unsc.Resolution(a, council=b)),
    ("Resolution(ballot)", 1, lambda a: unsc.Resolution("S/1", council=C2023, ballot=a)),
    ("Resolution(matter)", 1, lambda a: unsc.Resolution("S/1", council=C2023, matter=a)),
    ("Resolution(date)", 1, lambda a: unsc.Resolution("S/1", council=C2023, date=a)),
    ("Resolution(chapter, parties)", 2,
     lambda a, b: unsc.Resolution("S/1", council=C2023, chapter=a, parties=b)),
    ("Resolution(without_vote)", 1,
     lambda a: unsc.Resolution("S/1", council=C2023, without_vote=a)),
    ("with_votes", 2, lambda a, b: S_2023_772.with_votes(yes=a, no=b)),
    ("Council[name]", 1, lambda a: C2023[a]),
    ("Council.index", 1, lambda a: C2023.index(a)),
    ("name in Council", 1, lambda a: a in C2023),
    ("Council.president", 1, lambda a: C2023.president(a)),
    ("decide", 1, lambda a: unsc.decide(a)),
    ("decide(rules)", 1, lambda a: unsc.decide(S_2023_772, a)),
    ("history.get", 1, lambda a: history.get(a)),
    ("records(year)", 1, lambda a: _records(year=a)),
    ("records(years)", 1, lambda a: _records(years=a)),
    ("records(outcome)", 1, lambda a: _records(outcome=a)),
    ("records(vetoed_by)", 1, lambda a: _records(vetoed_by=a)),
    ("records(member, vote)", 2, lambda a, b: _records(member=a, vote=b)),
    ("records(topic, kind)", 2, lambda a, b: _records(topic=a, kind=b)),
    ("vetoes", 1, lambda a: history.vetoes(a)),
    ("vetoes().by", 1, lambda a: history.vetoes().by(a)),
    ("vetoes().between", 2, lambda a, b: history.vetoes().between(a, b)),
    ("summary", 1, lambda a: history.summary(a)),
    ("coverage", 1, lambda a: history.coverage(a)),
    ("replay", 1, lambda a: history.replay(a)),
    ("power", 1, lambda a: analysis.power(a)),
    ("power(indices)", 1, lambda a: analysis.power(C2023, indices=a)),
    ("power().of", 1, lambda a: analysis.power(C2023, indices="banzhaf").of(a)),
    ("pass_probability", 1, lambda a: analysis.pass_probability(a)),
    ("pass_probability(probabilities)", 1, lambda a: analysis.pass_probability(C2023, a)),
    ("pass_probability(member)", 2, lambda a, b: analysis.pass_probability(C2023, _one(a, b))),
    ("pass_probability(default)", 1, lambda a: analysis.pass_probability(C2023, default=a)),
    ("path_to_adoption", 1, lambda a: analysis.path_to_adoption(a)),
    ("swing", 1, lambda a: analysis.swing(a)),
    ("reform.model", 1, lambda a: reform.model(a)),
    ("exercises(topic, seed)", 2, lambda a, b: teaching.exercises(topic=a, seed=b, count=2)),
]  # fmt: skip


@st.composite
def _call(draw: st.DrawFn) -> tuple[str, Callable[[], object]]:
    name, arity, function = draw(st.sampled_from(CALLS))
    args = [draw(HOSTILE) for _ in range(arity)]
    return name, lambda: function(*args)


@settings(max_examples=1500)
@given(_call())
def test_the_public_api_raises_nothing_but_unsc_errors(
    call: tuple[str, Callable[[], object]],
) -> None:
    _never_raw(call[1])


def test_wrong_types_are_type_errors_too() -> None:
    """A value of the wrong type is a UNSCError that callers can also catch as TypeError;
    a value out of range is one they can catch as ValueError."""
    with pytest.raises(TypeError):
        unsc.Council.of_year(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="yesterday"):
        unsc.Council.of_date("yesterday")
    with pytest.raises(TypeError):
        history.get(None)  # type: ignore[arg-type]


# -- the UN voting-data reader ------------------------------------------------------------

TEXT = SAMPLE.read_text(encoding="utf-8")


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = TEXT
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "replace"]))
        at = draw(st.integers(len(TEXT.partition("\n")[0]) + 1, len(text) - 1))
        if kind == "insert":
            text = (
                text[:at]
                + draw(st.sampled_from(['"', ",", "\n", "X", "\r", "\ufeff"]))
                + text[at:]
            )
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "replace":
            text = text[:at] + draw(st.text(max_size=3)) + text[at + 1 :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(1, len(lines) - 1))
            j = draw(st.integers(1, len(lines) - 1))
            if kind == "duplicate":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def _data_lines(text: str) -> int:
    """Lines with content after the header, split where csv splits them (not at the other
    characters str.splitlines() takes for line ends)."""
    return sum(1 for line in re.split(r"\r\n|\r|\n", text)[1:] if line.strip())


@settings(max_examples=400)
@given(_mutated())
def test_a_mutated_file_is_read_or_its_problems_named(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Leniently: nothing but a UNSCError escapes, every problem names a line, and a file
    that reads without a problem lost no row. Strictly: the first problem is raised, or
    every row was read."""
    path = tmp_path_factory.mktemp("undl") / "mutated.csv"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    try:
        reader = history.load_undl(path, strict=False)
        found = list(reader)
    except UNSCError:
        return  # a header that cannot be read: said, not guessed
    assert all(problem.line is not None for problem in reader.problems)
    read_rows = sum(record.council.size for record in found)
    if not reader.problems:
        assert read_rows == _data_lines(text)
    try:
        strict = list(history.load_undl(path))
    except UNSCError:
        assert reader.problems
    else:
        assert sum(r.council.size for r in strict) == read_rows


# -- the JSON loader ----------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
VALID = [
    serial.to_dict(C2023),
    serial.to_dict(S_2023_772),
    serial.to_dict(unsc.decide(S_2023_772)),
    serial.to_dict(history.get("S/RES/83 (1950)")),
    serial.to_dict(history.get("S/1076")),
]


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for i, value in enumerate(document):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def _mutated_document(draw: st.DrawFn) -> Any:
    document = json.loads(json.dumps(draw(st.sampled_from(VALID))))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "delete", "add"]))
        if action == "set":
            parent[path[-1]] = draw(JSON | st.sampled_from(["", "2023-02-30", "Y", "yes", 10**20]))
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(JSON)
    return document


def _accepted(document: Any) -> object | None:
    try:
        return serial.from_dict(document)
    except UNSCError:
        return None


@settings(max_examples=800)
@given(st.one_of(JSON, _mutated_document()))
def test_what_the_loader_accepts_validates_and_round_trips(document: Any) -> None:
    record = _accepted(document)
    if record is None:
        return
    jsonschema.validate(document, serial.SCHEMA, format_checker=jsonschema.FormatChecker())
    assert serial.from_json(serial.to_json(record)) == record  # type: ignore[arg-type]


@settings(max_examples=300)
@given(st.one_of(st.binary(max_size=40), st.text(max_size=40)))
def test_the_loader_reads_any_text_or_bytes(text: str | bytes) -> None:
    _never_raw(lambda: serial.from_json(text))


def test_the_loader_survives_deep_nesting() -> None:
    _never_raw(lambda: serial.from_json("[" * 100_000 + "]" * 100_000))
    _never_raw(lambda: serial.from_json('{"a":' * 5000 + "1" + "}" * 5000))


@settings(max_examples=200)
@given(resolutions())
def test_every_record_the_constructors_accept_round_trips(record: unsc.Resolution) -> None:
    document = serial.to_dict(record)
    jsonschema.validate(document, serial.SCHEMA, format_checker=jsonschema.FormatChecker())
    assert serial.from_dict(document) == record
    assert serial.from_json(serial.to_json(record)) == record


# -- the command line ---------------------------------------------------------------------

VALUES = ["2023", "0", "1946", "99999999999999999999", "-1", "yesterday", "2023-02-30",
          "1971-10-25", "USA", "CHN GAB", "CHN,GAB", "Sierra Leone", "Freedonia", "S/2023/772",
          "S/2023/77", "S/RES/83 (1950)", "USA=1e400,0,0", "USA=0.2,0.3,0.5", "0.5,0.5,0",
          "json", "csv", "github", "nope", "literal-1965", "g4", "decade", "bash", "zsh",
          str(SAMPLE), "/no/such/file.csv", "", "\u00e9", "10", "veto-or-votes", "no",
          "vetoed", "vote", "draft"]  # fmt: skip


_NAMES = ["USA", "CHN", "France", "Sierra Leone", "CHN,GAB", "CHN GAB", "Russia", "Freedonia",
          "SUN", "Zaire"]  # fmt: skip
#: Values that fit an option, so that most command lines reach the code behind the parser.
LIKELY: dict[str, list[str]] = {
    "--format": ["json", "csv", "github", "plain", "simple"],
    "--year": ["2023", "1950", "1965", "0", "3000", "-5"],
    "--date": ["2023-10-16", "1971-10-25", "1991-12-30", "2023-02-30", "1900-01-01"],
    "--from": ["S/2023/772", "S/2023/773", "S/RES/83 (1950)", "2712", "S/2023/77", "1946"],
    "--to": ["2023", "1960", "1945", "3000"],
    "--symbol": ["S/2023/999", "draft"],
    "--member": [
        "USA=0.2,0.3,0.5",
        "USA=1e400,0,0",
        "Freedonia=0.5,0.5,0",
        "CHN=1,0,0",
        "FRA=-1,2,0",
        "GBR",
    ],
    "--default": ["0.5,0.4,0.1", "1,0,0", "0.5,0.5", "-1,1,1", "nan,0,1"],
    "--vetoed-by": _NAMES,
    "--topic": ["Gaza", "Korea", "", "%"],
    "--count": ["1", "3", "0", "-1", "100000"],
    "--seed": ["1", "7", "-3"],
    "--yes": _NAMES,
    "--no": _NAMES,
    "--abstain": _NAMES,
    "--absent": _NAMES,
    "--not-participating": _NAMES,
    "positional": [
        "2023",
        "1950",
        "0",
        "S/2023/772",
        "S/RES/2712 (2023)",
        str(SAMPLE),
        "/no/such/file.csv",
        str(Path(__file__).parent),
    ],
}


def _grammar() -> dict[str, list[tuple[str | None, int | str | None, tuple[str, ...]]]]:
    """Each command's arguments, read off the parser: (option or None for a positional,
    nargs, choices)."""
    from unsc.cli import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    grammar = {}
    for name, sub in commands.choices.items():
        grammar[name] = [
            (a.option_strings[-1] if a.option_strings else None, a.nargs,
             tuple(a.choices or ()))
            for a in sub._actions if "--help" not in a.option_strings
        ]  # fmt: skip
    return grammar


def _vectors(count: int, seed: int = 20231016) -> list[list[str]]:
    """Random command lines: most follow a command's own arguments with hostile values
    (so that they reach the code behind the parser); some are noise."""
    rnd = random.Random(seed)
    grammar = _grammar()
    vectors = []
    for _ in range(count):
        if rnd.random() < 0.1:  # noise: anything in any order
            vectors.append([rnd.choice([*grammar, "nonsense", "--version", ""]),
                            *rnd.sample(VALUES, rnd.randint(0, 3))])  # fmt: skip
            continue
        command = rnd.choice(list(grammar))
        vector = [command]
        for option, nargs, choices in grammar[command]:
            if option is not None and rnd.random() < 0.55:
                continue
            values = VALUES
            if rnd.random() < 0.8:
                values = list(choices) or LIKELY.get(option or "positional", VALUES)
            if option is not None:
                vector.append(option)
            if nargs == 0:
                continue
            repeat = rnd.randint(1, 3) if nargs in ("+", "*") else 1
            vector.extend(rnd.choice(values) for _ in range(repeat))
        vectors.append(vector)
    return vectors


def _run(vector: list[str]) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    run = subprocess.run(
        [sys.executable, "-m", "unsc", *vector],
        input="", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return vector, run


def test_random_command_lines_end_in_a_status_and_one_line() -> None:
    """200 random argument vectors, each as its own process."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_run, _vectors(200)))
    for vector, run in results:
        assert "Traceback" not in run.stderr, (vector, run.stderr)
        assert run.returncode in (0, 1, 2), (vector, run.returncode, run.stderr)
        if run.returncode == 1:  # only a replay that disagrees with the record
            assert vector[0] in ("replay", "replay-undl", "vote"), (vector, run.stderr)
        if run.returncode == 2 and run.stderr:
            assert run.stderr.count("\n") == 1, (vector, run.stderr)
        if run.returncode == 0 and "--format" in vector and "json" in vector:
            index = vector.index("--format")
            if index + 1 < len(vector) and vector[index + 1] == "json" and run.stdout:
                json.loads(run.stdout)


def test_csv_output_is_csv() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "history", "--year", "2024", "--format", "csv"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert run.returncode == 0
    assert rows[0][0] == "symbol"
    assert all(len(row) == len(rows[0]) for row in rows)

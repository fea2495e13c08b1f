"""Loading and replaying the UN's voting data, against csv.reader merely reading the file.

Run:
    pytest benchmarks/test_undl.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Four files of 41,000 rows in the UN Digital Library's format (about the size of the real
dataset), from rows with nothing but what unsc reads to rows with long descriptions and
subjects (benchmarks/undl_files.py). Bar: load + replay within 2x of csv.reader reading
the same file (docs/performance.md).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from undl_files import SHAPES, write

from unsc import history

ROWS = 41_000


@pytest.fixture(name="undl_file", scope="module", params=SHAPES)
def _undl_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("undl") / f"sc_voting_{request.param}.csv"
    write(path, request.param, ROWS)
    return path


def _read_only(path: Path) -> int:
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for _ in csv.reader(f):
            count += 1
    return count


def _group(benchmark: Any, path: Path) -> None:
    benchmark.group = f"undl-41k-{path.stem.removeprefix('sc_voting_')}"


def test_bare_csv_reader(benchmark: Any, undl_file: Path) -> None:
    """Baseline: csv.reader reads every row and does nothing with it."""
    _group(benchmark, undl_file)
    assert benchmark.pedantic(_read_only, args=(undl_file,), rounds=15) > ROWS


def test_load_and_replay(benchmark: Any, undl_file: Path) -> None:
    """unsc reads, checks and replays every resolution."""
    _group(benchmark, undl_file)
    report = benchmark.pedantic(history.replay_undl, args=(undl_file,), rounds=15)
    assert report.clean
    assert report.resolutions == report.agreed

"""Loading and replaying the UN's voting data, against csv.reader merely reading the file.

Run:
    pytest benchmarks/test_undl.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

The file is generated: 41,000 rows in the UN Digital Library's format (about the size
of the real dataset), on the real council of each year, with synthetic votes that
adopt every resolution (as in the UN's file, which lists adopted resolutions only).
Bar: load + replay within 2x of csv.reader reading the same file (docs/performance.md).
"""

from __future__ import annotations

import csv
import datetime
import random
from pathlib import Path
from typing import Any

import pytest

import unsc
from unsc import Vote, history
from unsc.history.undl import write_undl

ROWS = 41_000


def _synthetic(seed: int = 20231016) -> list[unsc.Resolution]:
    rnd = random.Random(seed)
    out: list[unsc.Resolution] = []
    rows = 0
    number = 0
    while rows < ROWS:
        number += 1
        year = rnd.randint(1946, 2025)
        day = datetime.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        council = unsc.Council.of_date(day)
        # Abstentions only among seats beyond the quota, so that every draft is adopted.
        spare = council.size - council.rules.quota
        ballot = [Vote.YES] * council.size
        for seat in rnd.sample(range(council.size), rnd.randint(0, spare)):
            ballot[seat] = Vote.ABSTAIN
        out.append(
            unsc.Resolution(
                f"S/RES/{number}({year})", council=council, date=day, ballot=ballot,
                title=f"Synthetic resolution {number} for benchmarking", topic="Benchmark",
            )
        )  # fmt: skip
        rows += council.size
    return out


@pytest.fixture(name="undl_file", scope="module")
def _undl_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("undl") / "sc_voting.csv"
    write_undl(_synthetic(), path)
    return path


def _read_only(path: Path) -> int:
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for _ in csv.reader(f):
            count += 1
    return count


@pytest.mark.benchmark(group="undl-41k")
def test_bare_csv_reader(benchmark: Any, undl_file: Path) -> None:
    """Baseline: csv.reader reads every row and does nothing with it."""
    assert benchmark.pedantic(_read_only, args=(undl_file,), rounds=15) > ROWS


@pytest.mark.benchmark(group="undl-41k")
def test_load_and_replay(benchmark: Any, undl_file: Path) -> None:
    """unsc reads, checks and replays every resolution."""
    report = benchmark.pedantic(history.replay_undl, args=(undl_file,), rounds=15)
    assert report.clean
    assert report.resolutions == report.agreed

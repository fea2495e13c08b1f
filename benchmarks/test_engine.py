"""The engine's floor, and sweeps of many ballots.

Run:
    pytest benchmarks/test_engine.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Groups and bars (docs/performance.md):

* ``decide-100k``: `decide` on 100,000 mixed ballots of the 2023 Council (yes, no,
  abstention and absence drawn at random, records built beforehand), within 2.5x of a
  bare loop that only counts the same votes.
* ``record-from-codes``: building a record from fifteen vote codes within 2x of deciding
  it.
* ``sweep-1m``: `decide_many` on one million ballots, as rows of votes and as a numpy
  array, under one second each (an absolute bar, printed as times); a bare count of the
  yes votes in the same rows for scale.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

import unsc
from unsc import Vote
from unsc.batch import VOTES

COUNCIL = unsc.Council.of_year(2023)
_YES, _NO, _ABSTAIN = Vote.YES, Vote.NO, Vote.ABSTAIN
_CHOICES = (Vote.YES, Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.ABSENT)


def _ballots(count: int, seed: int) -> list[tuple[Vote, ...]]:
    rnd = random.Random(seed)
    return [tuple(rnd.choices(_CHOICES, k=COUNCIL.size)) for _ in range(count)]


@pytest.fixture(scope="module", name="records")
def _records() -> list[unsc.Resolution]:
    return [
        unsc.Resolution(f"S/SIM/{i}", council=COUNCIL, ballot=ballot)
        for i, ballot in enumerate(_ballots(100_000, seed=1))
    ]


def _count_all(records: list[unsc.Resolution]) -> int:
    # The tightest plain-Python count of every ballot: constants bound outside the loop.
    total = 0
    for record in records:
        yes = no = abstain = 0
        for vote in record.ballot:
            if vote is _YES:
                yes += 1
            elif vote is _NO:
                no += 1
            elif vote is _ABSTAIN:
                abstain += 1
        total += yes
    return total


def _decide_all(records: list[unsc.Resolution]) -> int:
    decide = unsc.decide
    adopted = unsc.Outcome.ADOPTED
    return sum(1 for record in records if decide(record).outcome is adopted)


@pytest.mark.benchmark(group="decide-100k")
def test_bare_count_100k(benchmark: Any, records: list[unsc.Resolution]) -> None:
    """Baseline: count the votes of every ballot and nothing else."""
    assert benchmark(_count_all, records) > 0


@pytest.mark.benchmark(group="decide-100k")
def test_decide_100k(benchmark: Any, records: list[unsc.Resolution]) -> None:
    """The engine on every ballot: checks, counts, the veto rule, a Decision each."""
    assert benchmark(_decide_all, records) > 0


_CODES = ["A", "A", "Y", "A", "N", "Y", "A", "N", "A", "Y", "Y", "A", "Y", "N", "N"]  # S/2023/772


@pytest.mark.benchmark(group="record-from-codes")
def test_baseline_decide_a_record(benchmark: Any) -> None:
    """Baseline: decide a record already built."""
    record = unsc.Resolution("S/2023/772", council=COUNCIL, ballot=_CODES)
    assert benchmark(unsc.decide, record).outcome is unsc.Outcome.INSUFFICIENT_VOTES


@pytest.mark.benchmark(group="record-from-codes")
def test_record_from_codes(benchmark: Any) -> None:
    """A record built from fifteen codes, as a script or a file reader builds it."""
    record = benchmark(unsc.Resolution, "S/2023/772", council=COUNCIL, ballot=_CODES)
    assert str(record.tally) == "5–4–6"


@pytest.fixture(scope="module", name="million")
def _million() -> list[tuple[Vote, ...]]:
    rows = _ballots(10_000, seed=2)
    return rows * 100  # a million rows (decide_many does not look for repeats)


@pytest.mark.benchmark(group="sweep-1m")
def test_bare_yes_count_1m(benchmark: Any, million: list[tuple[Vote, ...]]) -> None:
    """For scale: one C-level count of the yes votes per row, nothing else."""
    result = benchmark.pedantic(lambda: [row.count(_YES) for row in million], rounds=3)
    assert len(result) == 1_000_000


@pytest.mark.benchmark(group="sweep-1m")
def test_decide_many_rows_1m(benchmark: Any, million: list[tuple[Vote, ...]]) -> None:
    """A million rows of votes decided: outcome codes for every one."""
    result = benchmark.pedantic(unsc.decide_many, (COUNCIL, million), rounds=3)
    assert len(result) == 1_000_000


@pytest.mark.benchmark(group="sweep-1m")
def test_decide_many_array_1m(benchmark: Any, million: list[tuple[Vote, ...]]) -> None:
    """The same million as a numpy array of vote positions."""
    np = pytest.importorskip("numpy")
    array = np.array([[VOTES.index(v) for v in row] for row in million[:10_000]], np.int8)
    array = np.tile(array, (100, 1))
    result = benchmark.pedantic(unsc.decide_many, (COUNCIL, array), rounds=3)
    assert len(result) == 1_000_000

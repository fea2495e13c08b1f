"""The bundled record: loading it in a fresh process, and replaying every decision.

Run:
    pytest benchmarks/test_record.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Bars (docs/performance.md):

* the first ``history.records()`` in a fresh process costs no more than ``import unsc``
  itself: the process that imports unsc and loads the record takes at most twice the
  process that only imports it (group ``record-process``, baseline the bare import);
* ``history.replay_all()`` on every decision since 1946 under 0.5 s, the record's own
  loading included (group ``record-replay``, an absolute bar: measured, never asserted);
* ``history.votes()`` over the whole record under 0.3 s once the record is loaded, and
  agreement over 1994–2026 under 1 s (group ``record-votes``).
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from unsc import history
from unsc.history._store import bundle as _bundle
from unsc.history._store import session as _session


def _process(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.benchmark(group="record-process")
def test_bare_import(benchmark: Any) -> None:
    """Baseline: a process that imports unsc and does nothing else."""
    benchmark.pedantic(_process, args=("import unsc",), rounds=15)


@pytest.mark.benchmark(group="record-process")
def test_first_records(benchmark: Any) -> None:
    """A process that imports unsc and loads the whole record."""
    code = "import unsc; from unsc import history; assert len(history.records()) > 3000"
    benchmark.pedantic(_process, args=(code,), rounds=15)


@pytest.mark.benchmark(group="record-process")
def test_first_get(benchmark: Any) -> None:
    """A process that imports unsc and looks up one decision."""
    code = "import unsc; from unsc import history; history.get('S/2023/772')"
    benchmark.pedantic(_process, args=(code,), rounds=15)


@pytest.mark.benchmark(group="record-process")
def test_python_alone(benchmark: Any) -> None:
    """For scale: a process that imports nothing."""
    benchmark.pedantic(_process, args=("pass",), rounds=15)


def _cold_replay() -> int:
    _bundle.cache_clear()  # the record parsed and built afresh
    _session.cache_clear()
    return len(history.replay_all())


@pytest.mark.benchmark(group="record-replay")
def test_replay_all_cold(benchmark: Any) -> None:
    """Every decision replayed, the record parsed and built first."""
    assert benchmark.pedantic(_cold_replay, rounds=10) > 3000


@pytest.mark.benchmark(group="record-replay")
def test_replay_all_warm(benchmark: Any) -> None:
    """Every decision replayed, the record already in memory."""
    history.records()
    assert len(benchmark.pedantic(history.replay_all, rounds=10)) > 3000


@pytest.mark.benchmark(group="record-process")
def test_first_votes(benchmark: Any) -> None:
    """A process that imports unsc and builds the tidy votes table of the whole record."""
    code = "import unsc; from unsc import history; assert len(history.votes()) > 30000"
    benchmark.pedantic(_process, args=(code,), rounds=15)


@pytest.mark.benchmark(group="record-votes")
def test_votes_after_first_load(benchmark: Any) -> None:
    """``history.votes()`` over the whole record, the record already loaded (bar: 0.3 s)."""
    history.records()
    assert len(benchmark.pedantic(history.votes, rounds=10)) > 30000


@pytest.mark.benchmark(group="record-votes")
def test_agreement_1994_2026(benchmark: Any) -> None:
    """Agreement over every decision of 1994–2026, member by member (bar: 1 s)."""
    from unsc.analysis import agreement

    found = history.records(years=(1994, 2026))
    assert benchmark.pedantic(agreement, args=(found,), rounds=5).decisions > 1900

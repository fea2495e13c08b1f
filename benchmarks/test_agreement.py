"""Who votes with whom over a record the size of the UN's file (docs/performance.md).

Run:
    pytest benchmarks/test_agreement.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Bar (absolute, reported, never asserted in the tests): agreement over the full record with
member votes (about 41,000 member votes) under 1 s. The baseline is reading every member's
vote once, the least any measure must do.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest

import unsc
from unsc.analysis import agreement, agreement_trend, blocs

_WEIGHTS = [unsc.Vote.YES] * 12 + [unsc.Vote.NO, unsc.Vote.ABSTAIN, unsc.Vote.ABSENT]


def _record(count: int = 2950) -> list[unsc.Resolution]:
    """``count`` decisions spread over 1946–2025 on each year's real Council, every member's
    vote drawn at random (about 41,000 member votes for 2,950 decisions)."""
    rnd = random.Random(41)
    found = []
    for i in range(count):
        year = 1946 + i * 80 // count
        council = unsc.Council.of_year(year)
        ballot = tuple(rnd.choice(_WEIGHTS) for _ in council.members)
        found.append(unsc.Resolution(f"S/{i}", council=council, ballot=ballot,
                                     date=datetime.date(year, 6, 1)))  # fmt: skip
    return found


RECORD = _record()


@pytest.mark.benchmark(group="agreement")
def test_baseline_read_every_vote(benchmark: Any) -> None:
    """Every member's vote read once."""

    def read() -> int:
        return sum(1 for r in RECORD for vote in r.ballot if vote is not None)

    assert benchmark(read) > 41_000


@pytest.mark.benchmark(group="agreement")
def test_agreement_full_record(benchmark: Any) -> None:
    """Every pair of members, every measure's counts, over the whole record."""
    found = benchmark(agreement, RECORD)
    assert found.decisions == len(RECORD)


@pytest.mark.benchmark(group="agreement")
def test_agreement_all_measures(benchmark: Any) -> None:
    """The counts and then the four matrices, as `unsc agreement --format json` reads them."""

    def everything() -> int:
        found = agreement(RECORD)
        return sum(len(found.matrix(m)) for m in ("identical", "coincidence", "lijphart", "kappa"))

    assert benchmark(everything) > 0


@pytest.mark.benchmark(group="agreement")
def test_trend_and_blocs(benchmark: Any) -> None:
    """The permanent members by year 1946–2025, and the blocs of the 2020s."""

    def both() -> int:
        trend = agreement_trend(RECORD)
        recent = agreement([r for r in RECORD if r.date and r.date.year >= 2020])
        return len(trend) + len(blocs(recent))

    assert benchmark(both) > 0


@pytest.mark.benchmark(group="learned")
def test_backtest_bundle(benchmark: Any) -> None:
    """The backtest of docs/odds.md: every decision of 2000–2025 predicted from the years
    before, four models (bar: under 10 s)."""
    from unsc import history
    from unsc.analysis import backtest

    records = history.records()
    result = benchmark.pedantic(backtest, args=(records,), rounds=3)
    assert result[0].decisions > 1000


@pytest.mark.benchmark(group="learned")
def test_backtest_full_record(benchmark: Any) -> None:
    """Every one of the 2,950 decisions of the UN-file-sized record predicted, 1946–2025."""
    from unsc.analysis import backtest

    result = benchmark.pedantic(backtest, args=(RECORD,), kwargs={"years": (1946, 2025)}, rounds=3)
    assert result[0].decisions > 2900


@pytest.mark.benchmark(group="learned")
def test_forecast_syria(benchmark: Any) -> None:
    """One call: the 2026 Council's odds on a draft on Syria, learned from 2011–2025."""
    from unsc.analysis import forecast

    found = benchmark(forecast, 2026, topic="Syria", years=(2011, 2025))
    assert found.learned.decisions > 0

"""How fast the engine decides one real vote, against the least work that could do it.

Run:
    pytest benchmarks/test_decide.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

The baseline is a bare loop over the same fifteen votes that only counts them; `decide`
must stay within 3x of it (docs/performance.md).
"""

from __future__ import annotations

from typing import Any

import pytest

import unsc
from unsc import Vote


@pytest.fixture(name="s_2023_772")
def _s_2023_772() -> unsc.Resolution:
    return unsc.Resolution("S/2023/772", council=unsc.Council.of_year(2023)).with_votes(
        yes="CHN GAB MOZ RUS ARE", no="FRA JPN GBR USA", abstain="ALB BRA ECU GHA MLT CHE"
    )


_YES, _NO, _ABSTAIN = Vote.YES, Vote.NO, Vote.ABSTAIN


def _count(ballot: tuple[Vote | None, ...]) -> tuple[int, int, int]:
    # The tightest plain-Python count: constants bound outside the loop.
    yes = no = abstain = 0
    for vote in ballot:
        if vote is _YES:
            yes += 1
        elif vote is _NO:
            no += 1
        elif vote is _ABSTAIN:
            abstain += 1
    return yes, no, abstain


@pytest.mark.benchmark(group="decide-15")
def test_bare_count(benchmark: Any, s_2023_772: unsc.Resolution) -> None:
    """Baseline: count the 15 votes and nothing else."""
    assert benchmark(_count, s_2023_772.ballot) == (5, 4, 6)


@pytest.mark.benchmark(group="decide-15")
def test_decide(benchmark: Any, s_2023_772: unsc.Resolution) -> None:
    """The engine on the same vote."""
    decision = benchmark(unsc.decide, s_2023_772)
    assert unsc.Outcome.INSUFFICIENT_VOTES is decision.outcome

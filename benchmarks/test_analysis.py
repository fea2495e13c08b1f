"""Exact power and pass probability at the sizes the bars name (docs/performance.md).

Run:
    pytest benchmarks/test_analysis.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Bars (absolute, reported, never asserted in the tests): pass probability for 15 seats
under 0.2 ms and for 200 seats under 100 ms; power indices for 200 random seats under 1 s.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

import unsc
from unsc.analysis import Game, pass_probability, power


def _council_200() -> tuple[unsc.Council, dict[str, tuple[float, float, float]]]:
    members = [unsc.Member(f"S{i:03d}", f"State {i:03d}", permanent=i < 5) for i in range(200)]
    council = unsc.Council(members, rules=unsc.Rules("120 of 200", 120))
    rnd = random.Random(2023)
    probabilities = {}
    for member in members:
        a, b = sorted((rnd.random(), rnd.random()))
        probabilities[member.code] = (a, b - a, 1 - b)
    return council, probabilities


@pytest.mark.benchmark(group="pass-probability")
def test_pass_probability_15(benchmark: Any) -> None:
    """The 2023 Council, every member uniform over yes, no, abstain: exact fractions."""
    council = unsc.Council.of_year(2023)
    odds = benchmark(pass_probability, council)
    assert odds.adopted + odds.vetoed + odds.insufficient == 1


@pytest.mark.benchmark(group="pass-probability")
def test_pass_probability_200(benchmark: Any) -> None:
    """200 seats, five vetoes, each member's probabilities random floats (read exactly)."""
    council, probabilities = _council_200()
    odds = benchmark.pedantic(pass_probability, args=(council, probabilities), rounds=20)
    assert odds.adopted + odds.vetoed + odds.insufficient == 1


@pytest.mark.benchmark(group="power-200")
def test_power_200_random(benchmark: Any) -> None:
    """200 seats of random weights 1-20, quota 60 %: Shapley-Shubik and Banzhaf, exact."""
    rnd = random.Random(200)
    weights = [rnd.randint(1, 20) for _ in range(200)]
    game = Game.weighted(weights, math.ceil(0.6 * sum(weights)))
    indices = ("shapley_shubik", "banzhaf", "banzhaf_raw")
    p = benchmark.pedantic(power, args=(game,), kwargs={"indices": indices}, rounds=5)
    assert sum(p["shapley_shubik"]) == 1

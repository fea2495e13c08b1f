"""Exact power and pass probability at the sizes the bars name (docs/performance.md).

Run:
    pytest benchmarks/test_analysis.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Bars (absolute, reported, never asserted in the tests): pass probability for 15 seats
under 0.2 ms and for 200 seats under 100 ms; power indices for 200 random seats under 1 s.
With the ``fast`` extra (issue 22): Shapley-Shubik and Banzhaf at 500 random seats
within 1.5x of a C kernel of the same counting (benchmarks/candidates.py), at 1,000
seats under 30 s in 500 MB; Banzhaf alone at 1,000 seats under 0.2 s; on the Council
the compiled path is never chosen where it is slower.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

import unsc
from unsc.analysis import Game, accelerated, pass_probability, power


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
    indices = ("shapley_shubik", "banzhaf", "banzhaf_absolute")
    p = benchmark.pedantic(power, args=(game,), kwargs={"indices": indices}, rounds=5)
    assert sum(p["shapley_shubik"]) == 1


def _random(n: int) -> Game:
    """The random games of benchmarks/peers.py: weights 1-100, quota half the total + 1."""
    rnd = random.Random(n)
    weights = [rnd.randint(1, 100) for _ in range(n)]
    return Game.weighted(weights, sum(weights) // 2 + 1)


fast = pytest.mark.skipif(
    not accelerated.available(), reason="the fast extra (numba) is not installed"
)


@fast
@pytest.mark.benchmark(group="power-compiled")
@pytest.mark.parametrize("backend", ["python", "numba"])
def test_power_200_both_backends(benchmark: Any, backend: str) -> None:
    """200 random seats, Shapley-Shubik and Banzhaf: the reference and the compiled path."""
    game = _random(200)
    indices = ("shapley_shubik", "banzhaf")
    power(_random(20), indices=indices, backend=backend)  # compiled and loaded before timing
    p = benchmark.pedantic(
        power, args=(game,), kwargs={"indices": indices, "backend": backend}, rounds=3
    )
    assert sum(p["shapley_shubik"]) == 1


@fast
@pytest.mark.benchmark(group="power-compiled")
def test_power_500_compiled(benchmark: Any) -> None:
    """500 random seats, Shapley-Shubik and Banzhaf, compiled (bar: 1.5x the C kernel)."""
    game = _random(500)
    indices = ("shapley_shubik", "banzhaf")
    power(_random(20), indices=indices, backend="numba")
    p = benchmark.pedantic(
        power, args=(game,), kwargs={"indices": indices, "backend": "numba"}, rounds=1
    )
    assert sum(p["shapley_shubik"]) == 1


@fast
@pytest.mark.benchmark(group="power-compiled")
def test_power_1000_compiled(benchmark: Any) -> None:
    """1,000 random seats, Shapley-Shubik and Banzhaf, compiled (bar: 30 s; the peak
    memory, bar 500 MB, is measured by benchmarks/candidates.py in its own process)."""
    game = _random(1000)
    indices = ("shapley_shubik", "banzhaf")
    power(_random(20), indices=indices, backend="numba")
    p = benchmark.pedantic(
        power, args=(game,), kwargs={"indices": indices, "backend": "numba"}, rounds=1
    )
    assert sum(p["shapley_shubik"]) == 1


@fast
@pytest.mark.benchmark(group="power-compiled")
def test_banzhaf_1000_compiled(benchmark: Any) -> None:
    """1,000 random seats, Banzhaf alone, compiled (bar: 0.2 s)."""
    game = _random(1000)
    power(_random(20), indices="banzhaf", backend="numba")
    p = benchmark.pedantic(
        power, args=(game,), kwargs={"indices": "banzhaf", "backend": "numba"}, rounds=3
    )
    assert sum(p["banzhaf"]) == 1


@pytest.mark.benchmark(group="power-council")
@pytest.mark.parametrize("backend", ["auto", "python"])
def test_power_council_auto(benchmark: Any, backend: str) -> None:
    """The 15-seat Council in weighted form: "auto" costs no more than the reference."""
    game = Game.weighted([7] * 5 + [1] * 10, 39)
    p = benchmark(power, game, indices=("shapley_shubik", "banzhaf"), backend=backend)
    assert sum(p["shapley_shubik"]) == 1

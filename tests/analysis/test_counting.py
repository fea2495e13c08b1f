"""The counting methods behind the power indices: each equal to brute force on small
games, and to each other on large ones."""

from __future__ import annotations

import math
import random

from hypothesis import given
from hypothesis import strategies as st

from unsc.analysis import INDICES, Game, power
from unsc.analysis.counting import by_series, by_shape, count, prefers_shapes
from unsc.analysis.power import Index, _indices

from .test_power import _brute


@st.composite
def weighted(draw: st.DrawFn, seats: int = 8, heaviest: int = 12) -> Game:
    n = draw(st.integers(1, seats))
    weights = draw(st.lists(st.integers(0, heaviest), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    return Game.weighted(weights, draw(st.integers(1, sum(weights))))


@given(weighted(), st.sampled_from(INDICES))
def test_each_index_asked_alone_is_its_definition(game: Game, name: str) -> None:
    """Asked for one index, the series computes only its own counts, and they give
    the index of the definition over all coalitions."""
    expected = _brute(game)

    p = _indices(game, by_series(game, {name}), (Index(name),), None)

    assert list(p[name]) == expected[name]
    assert p.coleman_act == expected["act"][0]


def _random(seats: int, heaviest: int, seed: int, share: float = 0.5) -> Game:
    rnd = random.Random(seed)
    weights = [rnd.randint(1, heaviest) for _ in range(seats)]
    return Game.weighted(weights, math.floor(share * sum(weights)) + 1)


def test_series_and_shapes_agree_on_a_large_game_of_few_weights() -> None:
    """60 seats of three weights (1,331 shapes): both methods, every index."""
    game = Game.weighted([9] * 10 + [4] * 20 + [1] * 30, 95)
    every = tuple(Index)

    shapes = _indices(game, by_shape(game, INDICES), every, None)
    series = _indices(game, by_series(game, INDICES), every, None)

    assert shapes == series
    assert sum(series["shapley_shubik"]) == 1


def test_holler_by_completions_equals_holler_by_size() -> None:
    """The forward-backward count of minimal winning coalitions equals the count by
    lightest class and size, on 120 seats of weights 1–60."""
    game = _random(120, 60, seed=3)

    alone = by_series(game, {"holler"})
    with_sizes = by_series(game, {"deegan_packel", "holler"})

    assert alone.minimal_with == with_sizes.minimal_with
    assert alone.winning == with_sizes.winning


def test_banzhaf_alone_equals_banzhaf_with_shapley_shubik() -> None:
    """Swings counted by weight only equal swings read off the table by size."""
    game = _random(150, 100, seed=4)

    assert by_series(game, {"banzhaf"}).swings == by_series(game, {"shapley_shubik"}).swings


def test_a_supermajority_game_with_heavy_seats() -> None:
    """Quota 85 % and a seat heavier than any other coalition can outweigh: the
    alternating sums reach past the first block."""
    game = Game.weighted([500, 40, 30, 30, 20, 10, 5, 5, 1, 1], 545)
    expected = _brute(game)

    p = power(game, indices=INDICES)

    for name in INDICES:
        assert list(p[name]) == expected[name], name


def test_the_cheaper_method_is_chosen() -> None:
    """The Council's weighted form (66 shapes) by shape; 15 seats of distinct weights
    (32,768 shapes) by series; any game with veto holders by shape."""
    council = Game.weighted([7] * 5 + [1] * 10, 39)
    distinct = Game.weighted(list(range(1, 16)), 61)

    assert prefers_shapes(council, INDICES)
    assert not prefers_shapes(distinct, INDICES)
    assert not prefers_shapes(_random(300, 100, seed=1), {"banzhaf"})
    vetoed = Game([1] * 15, 9, [True] * 5 + [False] * 10, [f"S{i}" for i in range(15)])
    assert count(vetoed, {"banzhaf"}) == by_shape(vetoed, {"banzhaf"})


def test_only_what_is_asked_is_counted() -> None:
    game = _random(40, 30, seed=5)

    banzhaf = by_series(game, {"banzhaf"})
    holler = by_series(game, {"holler"})

    assert banzhaf.pivots is None
    assert banzhaf.minimal_with is None
    assert holler.swings is None
    assert holler.minimal_share is None

"""The compiled path (``backend="numba"``, the ``unsc[fast]`` extra) against the
pure-Python reference: the same exact fractions on generated games."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsc
from unsc.analysis import Game, accelerated, power
from unsc.errors import MissingDependencyError, TooLargeError, UnknownChoiceError

needs_fast = pytest.mark.skipif(
    not accelerated.available(),
    reason="the unsc[fast] extra (numba, numpy) is not installed: pip install -e '.[fast]'",
)
COMPILED = ("shapley_shubik", "banzhaf", "banzhaf_absolute", "swings", "coleman_prevent",
            "coleman_initiate")  # fmt: skip


@st.composite
def weighted(draw: st.DrawFn, most: int = 12) -> Game:
    """Weighted games without veto (the ones the compiled path counts): zero weights,
    equal weights (classes), quotas from 1 to the total."""
    n = draw(st.integers(1, most))
    weights = draw(st.lists(st.integers(0, 30), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return Game.weighted(weights, quota)


@needs_fast
@settings(max_examples=60, deadline=None)
@given(weighted(), st.sampled_from([COMPILED, ("banzhaf",), ("shapley_shubik", "holler")]))
def test_compiled_equals_reference(game: Game, indices: tuple[str, ...]) -> None:
    """Both backends give the same fractions, index by index, and the same power to act."""
    reference = power(game, indices=indices, backend="python")
    compiled = power(game, indices=indices, backend="numba")

    assert compiled.by_class == reference.by_class
    assert compiled.coleman_act == reference.coleman_act


@needs_fast
@settings(max_examples=10, deadline=None)
@given(st.integers(60, 90), st.integers(0, 2**32))
def test_compiled_equals_reference_beyond_one_word(seats: int, seed: int) -> None:
    """Games of more than 64 seats: counts span several primes, put together exactly."""
    rnd = random.Random(seed)
    weights = [rnd.randint(1, 9) for _ in range(seats)]
    game = Game.weighted(weights, rnd.randint(1, sum(weights)))

    assert (
        power(game, indices=COMPILED, backend="numba").by_class
        == power(game, indices=COMPILED, backend="python").by_class
    )


@needs_fast
def test_a_council_with_vetoes_is_counted_by_shape_whatever_the_backend() -> None:
    """Veto holders: counted by coalition shape on both backends, the same answer."""
    council = unsc.Council.of_year(2023)

    fast = power(council, backend="numba")

    assert fast.of("USA")["shapley_shubik"] == Fraction(421, 2145)
    assert not accelerated.chosen(Game.of_council(council), {"shapley_shubik"}, "auto")


def test_auto_never_chooses_the_compiled_path_on_the_council() -> None:
    """On the 15-seat Council, in either weighted form, the reference is faster."""
    game = Game.weighted([7] * 5 + [1] * 10, 39)

    assert not accelerated.chosen(game, {"shapley_shubik", "banzhaf"}, "auto")


@needs_fast
def test_auto_chooses_the_compiled_path_on_large_games() -> None:
    """A large weighted game, Shapley–Shubik asked: the compiled path."""
    rnd = random.Random(500)
    weights = [rnd.randint(1, 100) for _ in range(500)]
    game = Game.weighted(weights, sum(weights) // 2 + 1)

    assert accelerated.chosen(game, {"shapley_shubik"}, "auto")
    assert not accelerated.chosen(game, {"shapley_shubik"}, "python")


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(UnknownChoiceError, match=r"'gpu' is not a backend.*numba"):
        power(Game.weighted([1, 2], 2), backend="gpu")


def test_numba_backend_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for explicitly without the extra: says which extra to install."""
    monkeypatch.setattr(accelerated, "available", lambda: False)

    with pytest.raises(MissingDependencyError, match=r"unsc\[fast\]"):
        power(Game.weighted([1, 2], 2), backend="numba")
    assert power(Game.weighted([1, 2], 2)).banzhaf == (Fraction(0), Fraction(1))


@needs_fast
def test_progress_is_reported_to_the_end() -> None:
    """The progress callback hears of every prime's table, ending at the total."""
    heard: list[tuple[int, int]] = []
    game = Game.weighted(list(range(1, 80)), 1000)

    power(
        game, indices="shapley_shubik", backend="numba", progress=lambda d, t: heard.append((d, t))
    )

    assert heard[-1][0] == heard[-1][1] == len(accelerated._primes(79))


def test_progress_on_the_reference_path() -> None:
    heard: list[tuple[int, int]] = []
    game = Game.weighted(list(range(1, 80)), 1000)

    power(
        game,
        indices="shapley_shubik",
        backend="python",
        progress=lambda d, t: heard.append((d, t)),
    )

    assert heard[0] == (0, 79)
    assert heard[-1] == (78, 79)


@needs_fast
def test_the_compiled_memory_limit_is_checked_before_work() -> None:
    """A table beyond the limit is refused at once, naming the megabytes and the limit."""
    game = Game.weighted([10**7] * 40 + [1] * 200, 2 * 10**8)

    with pytest.raises(TooLargeError, match=r"in MB: [\d,]+ is beyond .*limit 4,096"):
        power(game, indices="shapley_shubik", backend="numba")


def test_primes_cover_every_count() -> None:
    """The primes' product reaches 2**n (every count put together is below it) with one
    prime to spare at most, and each is a distinct prime below 2**63."""
    for seats in (1, 62, 63, 64, 200, 1000):
        primes = accelerated._primes(seats)
        assert math.prod(primes) >= 2**seats
        assert math.prod(primes[:-1]) < 2**seats
        assert len(set(primes)) == len(primes)
        assert max(primes) < 2**63
        assert all(accelerated._is_prime(p) for p in primes)
    assert len(accelerated._primes(1000)) == 16
    assert not accelerated._is_prime(2**63 - 1)  # 7² · 73 · 127 · 337 · 92737 · 649657


@needs_fast
@settings(max_examples=40, deadline=None)
@given(weighted(most=14), st.booleans())
def test_the_table_by_size_keeps_every_reachable_count(game: Game, heavy_first: bool) -> None:
    """Row s of the compiled table holds the weights from the least of s seats to the
    most (below the quota), the seats added heavy or light first: every count there
    equal to the reference's table modulo the prime, every count left out zero in the
    reference."""
    import numpy as np

    from unsc.analysis import _compiled
    from unsc.analysis.counting import _by_weight_and_size, _width

    q, n = game.quota, game.size
    sizes = accelerated._sizes(game) + 1
    added = np.array(sorted(game.weights, reverse=heavy_first), np.int64)
    p = accelerated._primes(n)[0]
    table = _compiled.sized_table(added, q, sizes, np.uint64(p))
    low, high, start = _compiled.sized_rows(added, q, sizes)
    width = _width(n)
    reference = _by_weight_and_size(list(game.weights), q, width)
    for s in range(sizes):
        counts = [(packed >> (s * width)) & ((1 << width) - 1) for packed in reference]
        assert not any(counts[: low[s]])
        assert not any(counts[high[s] + 1 :])
        stored = table[start[s] : start[s + 1]].tolist()
        assert stored == [sum(counts[: v + 1]) % p for v in range(low[s], high[s] + 1)]
    assert start[sizes] * 8 // 2**20 + 1 == accelerated.memory(game, {"shapley_shubik"})


@needs_fast
def test_the_seats_are_added_in_the_cheaper_order() -> None:
    """Weights spread evenly: heavy first makes fewer additions; a few heavy seats among
    many light ones (the IMF's shape): light first."""
    import numpy as np

    from unsc.analysis import _compiled

    rnd = random.Random(300)
    even = sorted((rnd.randint(1, 100) for _ in range(300)), reverse=True)
    skewed = sorted([5000, 3000, 2000] + [rnd.randint(10, 60) for _ in range(150)], reverse=True)
    for weights, heavy_wins in ((even, True), (skewed, False)):
        game = Game.weighted(weights, sum(weights) // 2 + 1)
        sizes = accelerated._sizes(game) + 1
        heavy = np.array(weights, np.int64)
        light = np.ascontiguousarray(heavy[::-1])
        q = game.quota
        cheaper = _compiled.sweep_work(heavy, q, sizes) < _compiled.sweep_work(light, q, sizes)
        assert cheaper == heavy_wins


@needs_fast
@settings(max_examples=12, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 30)), min_size=1, max_size=6),
    st.floats(0.01, 1.0),
)
def test_compiled_equals_reference_on_classes_of_equal_seats(
    classes: list[tuple[int, int]], share: float
) -> None:
    """Many seats in few classes of equal weight (zero among them), the quota anywhere
    from a few seats' weight to the total: the rows cut by the quota, the rows of light
    seats starting high, the same exact fractions."""
    weights = [w for w, m in classes for _ in range(m)]
    if sum(weights) == 0:
        weights[0] = 1
    game = Game.weighted(weights, max(1, round(share * sum(weights))))

    assert (
        power(game, indices=COMPILED, backend="numba").by_class
        == power(game, indices=COMPILED, backend="python").by_class
    )


def test_ternary_power_converts_with_names_and_kinds() -> None:
    """TernaryPower rows and DataFrame: one per member, with name, kind and veto."""
    pytest.importorskip("pandas")
    from unsc.analysis import ternary_power

    t = ternary_power(unsc.Council.of_year(2023))
    df = t.to_dataframe().set_index("seat")

    assert df.loc["USA", "name"] == "United States"
    assert df.loc["USA", "kind"] == "permanent"
    assert df.loc["JPN", "abstain_no"] == 0
    assert dict(t.of("USA"))["overall"] == t.of("USA").overall
    assert list(t.of("USA")) == ["yes_no", "yes_abstain", "abstain_no", "overall"]

"""The Owen and Banzhaf–Owen values, checked against brute force on small games."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsc
from unsc.analysis import Game, banzhaf_owen, owen, power
from unsc.errors import InvalidFieldError, NotAMemberError


def _owen_by_orders(game: Game, unions: list[list[int]]) -> list[Fraction]:
    """Every order in which unions arrive one after another, each union's members in any
    order within it: the average marginal contribution."""
    totals = [0] * game.size
    count = 0
    for union_order in itertools.permutations(unions):
        for inner in itertools.product(*(itertools.permutations(u) for u in union_order)):
            order = [seat for block in inner for seat in block]
            count += 1
            for place, seat in enumerate(order):
                before = order[:place]
                totals[seat] += game.wins([*before, seat]) - game.wins(before)
    return [Fraction(t, count) for t in totals]


def _banzhaf_owen_by_sets(game: Game, unions: list[list[int]]) -> list[Fraction]:
    """Every set of other unions with every set of the seat's partners, equally likely."""
    out = [Fraction(0)] * game.size
    m = len(unions)
    for k, union in enumerate(unions):
        others = [u for j, u in enumerate(unions) if j != k]
        for seat in union:
            partners = [s for s in union if s != seat]
            total = 0
            for r in range(len(others) + 1):
                for chosen in itertools.combinations(others, r):
                    base = [s for u in chosen for s in u]
                    for t in range(len(partners) + 1):
                        for mates in itertools.combinations(partners, t):
                            coalition = [*base, *mates]
                            total += game.wins([*coalition, seat]) - game.wins(coalition)
            out[seat] = Fraction(total, 2 ** (m - 1) * 2 ** (len(union) - 1))
    return out


@st.composite
def games_with_unions(draw: st.DrawFn) -> tuple[Game, list[list[int]]]:
    size = draw(st.integers(1, 6))
    weights = draw(st.lists(st.integers(1, 5), min_size=size, max_size=size))
    quota = draw(st.integers(1, sum(weights)))
    veto = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    game = Game(weights=weights, quota=quota, veto=veto, labels=[f"S{i}" for i in range(size)],
                vetoes_needed=draw(st.integers(1, 2)))  # fmt: skip
    labels = draw(st.lists(st.integers(0, 2), min_size=size, max_size=size))
    groups: dict[int, list[int]] = {}
    for seat, label in enumerate(labels):
        groups.setdefault(label, []).append(seat)
    return game, list(groups.values())


@settings(max_examples=60, deadline=None)
@given(games_with_unions())
def test_owen_and_banzhaf_owen_equal_brute_force(case: tuple[Game, list[list[int]]]) -> None:
    game, unions = case
    named = [[game.labels[s] for s in u] for u in unions]

    assert list(owen(game, named).values) == _owen_by_orders(game, unions)
    assert list(banzhaf_owen(game, named).values) == _banzhaf_owen_by_sets(game, unions)


def test_with_no_blocs_they_are_shapley_shubik_and_banzhaf() -> None:
    council = unsc.Council.of_year(2023)
    plain = power(council)
    for code in council.codes:
        assert owen(council, [])[code] == plain[code]["shapley_shubik"]
        assert banzhaf_owen(council, [])[code] == plain[code]["banzhaf_absolute"]


def test_the_african_members_as_one() -> None:
    """2023: Gabon, Ghana and Mozambique voting as one. The Owen value still sums to 1,
    and each of the three gains on its Shapley–Shubik value."""
    council = unsc.Council.of_year(2023)
    value = owen(council, [["Gabon", "Ghana", "Mozambique"]])
    plain = power(council)

    assert sum(v for _, v in value) == 1
    assert value["GAB"] == value["GHA"] == value["MOZ"] > plain["GAB"]["shapley_shubik"]
    assert value.unions[0] == ("GAB", "GHA", "MOZ")
    assert "GAB+GHA+MOZ" in value.table()
    assert len(value) == 15
    assert value[0][0] == council.codes[0]
    assert repr(value) == "<UnionPower owen: 15 seats, 1 blocs>"
    # the Owen value of a union's members with the grand coalition of all is Shapley–Shubik
    everyone = owen(council, [list(council.codes)])
    assert all(everyone[c] == plain[c]["shapley_shubik"] for c in council.codes)
    assert math.isclose(sum(float(v) for _, v in everyone), 1.0)


def test_bad_unions_are_refused() -> None:
    council = unsc.Council.of_year(2023)
    with pytest.raises(InvalidFieldError, match="one union only"):
        owen(council, [["GAB", "GHA"], ["GHA"]])
    with pytest.raises(NotAMemberError):
        owen(council, [["Germany"]])
    with pytest.raises(unsc.UNSCError):
        owen(council, "GAB")  # type: ignore[arg-type]


def test_the_listing_surface() -> None:
    game = Game(weights=[2, 1, 1], quota=3, veto=[False] * 3, labels=["A", "B", "C"])
    value = banzhaf_owen(game, [["B", "C"]])
    assert value["A"] == value[0][1]
    assert value[1:] == (("B", value["B"]), ("C", value["C"]))
    assert str(value).splitlines()[0].split() == ["seat", "union", "banzhaf_owen"]
    with pytest.raises(unsc.UNSCError):
        value["D"]
    with pytest.raises(unsc.UNSCError):
        value[3]
    with pytest.raises(unsc.UNSCError):
        value[1.0]  # type: ignore[call-overload]
    with pytest.raises(unsc.UNSCError):
        owen("council", [])  # type: ignore[arg-type]
    with pytest.raises(unsc.UNSCError):
        owen(game, ["A"])
    assert owen(game, [[]]).unions == (("A",), ("B",), ("C",))


def test_union_power_data_one_row_per_member_exact() -> None:
    """Its CSV: one row per member with name, kind, its bloc (empty alone) and the exact
    value; a bare game's seats are named by their labels."""
    council = unsc.Council.of_year(2023)
    lines = owen(council, [["CHN", "RUS"]]).table("csv").splitlines()
    game = Game.weighted((3, 2, 1), 4)

    assert lines[0] == "seat,name,kind,union,owen"
    assert "ALB,Albania,elected,,1/286" in lines
    assert "CHN,China,permanent,CHN+RUS,69/572" in lines
    assert banzhaf_owen(game, [["S2", "S3"]]).rows()[1]["union"] == "S2+S3"
    assert banzhaf_owen(game, [])[0] == ("S1", banzhaf_owen(game, []).values[0])

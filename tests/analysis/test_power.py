"""Power indices: the published exact values, and brute force on every small game."""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import reform
from unsc.analysis import INDICES, Game, power
from unsc.analysis.counting import by_series, by_shape
from unsc.analysis.power import Index, _indices
from unsc.errors import InvalidFieldError, TooLargeError, UnknownChoiceError
from unsc.rules import TWO_VETOES

FACTS = json.loads(
    (
        Path(__file__).resolve().parent.parent / "fixtures" / "voting_power_computed.json"
    ).read_text()
)


def test_todays_council_exact() -> None:
    """421/2145 for a permanent member, 4/2145 for an elected one (FACTS §6.2)."""
    p = power(unsc.Council.of_year(2023))

    assert p.of("USA")["shapley_shubik"] == Fraction(421, 2145)
    assert p.of("JPN")["shapley_shubik"] == Fraction(4, 2145)
    assert p.of("USA")["banzhaf_absolute"] == Fraction(848, 16384)
    assert p.of("JPN")["banzhaf_absolute"] == Fraction(84, 16384)
    assert p.coleman_act == Fraction(424, 16384)


def test_1950_council_exact() -> None:
    """76/385 and 1/462 for the eleven-member Council of 1946–65."""
    p = power(unsc.Council.of_year(1950))

    assert p.of("SUN")["shapley_shubik"] == Fraction(76, 385)
    assert p.of("NOR")["shapley_shubik"] == Fraction(1, 462)
    assert p.coleman_act == Fraction(57, 2048)


@pytest.mark.parametrize(
    ("key", "model"),
    [
        ("UNSC 1946-65 (5 veto + 6 elected, q=7)", None),
        ("UNSC 1966- (5 veto + 10 elected, q=9)", "status-quo"),
        ("G4 A/59/L.64 (5 veto + 6 new perm w/o veto + 14 elected = 25, q=14) [q from memory]",
         "g4"),
        ("AU/Ezulwini A/59/L.67 (11 veto + 15 elected = 26, q=15) [q from memory]", "au"),
        ("UfC A/59/L.68 (5 veto + 20 elected = 25, q=15) [q from memory]", "ufc"),
    ],
)  # fmt: skip
def test_reproduces_the_computed_figures(key: str, model: str | None) -> None:
    """Every figure of voting_power_computed.json, to the last bit of the float."""
    expected = FACTS[key]
    council = unsc.Council.of_year(1950) if model is None else reform.model(model).council
    p = power(council)
    veto = council.veto_index[0]
    other = next(i for i in range(council.size) if i not in council.veto_index)

    got = {
        "SS_veto": p["shapley_shubik"][veto],
        "SS_other": p["shapley_shubik"][other],
        "BZnorm_veto": p["banzhaf"][veto],
        "BZnorm_other": p["banzhaf"][other],
        "BZraw_veto": p["banzhaf_absolute"][veto],
        "BZraw_other": p["banzhaf_absolute"][other],
        "coleman_power_to_act": p.coleman_act,
    }

    assert {k: float(v) for k, v in got.items()} == {k: expected[k] for k in got}
    assert sum(p["shapley_shubik"]) == 1
    assert sum(p["banzhaf"]) == 1


def test_weighted_model_of_the_council_is_the_same_game() -> None:
    """Weights 7×5 + 1×10, quota 39, is the Council's yes/no game: the same indices."""
    council = power(unsc.Council.of_year(2023), indices=INDICES)
    weighted = power(Game.weighted([7] * 5 + [1] * 10, 39), indices=INDICES)

    for name in INDICES:
        assert sorted(council[name]) == sorted(weighted[name])


def _brute(game: Game) -> dict[str, list[Fraction]]:
    """Every index from its definition, over all 2**n coalitions."""
    n = game.size
    seats = range(n)
    wins = {s: game.wins(s) for r in range(n + 1) for s in itertools.combinations(seats, r)}
    winning = sum(wins.values())
    swings = [0] * n
    pivots = [0] * n
    for coalition, won in wins.items():
        if won:
            continue
        for i in seats:
            if i not in coalition and wins[tuple(sorted((*coalition, i)))]:
                swings[i] += 1
                pivots[i] += math.factorial(len(coalition)) * math.factorial(
                    n - len(coalition) - 1
                )
    minimal = [
        c for c, won in wins.items()
        if won and all(not wins[tuple(x for x in c if x != j)] for j in c)
    ]  # fmt: skip
    total_swings = sum(swings)
    with_i = [sum(1 for c in minimal if i in c) for i in seats]

    def share(a: int | Fraction, b: int) -> Fraction:
        return Fraction(a) / b if b else Fraction(0)

    return {
        "shapley_shubik": [Fraction(p, math.factorial(n)) for p in pivots],
        "banzhaf": [share(s, total_swings) for s in swings],
        "banzhaf_absolute": [Fraction(s, 2 ** (n - 1)) for s in swings],
        "swings": [Fraction(s) for s in swings],
        "coleman_prevent": [share(s, winning) for s in swings],
        "coleman_initiate": [share(s, 2**n - winning) for s in swings],
        "deegan_packel": [
            share(sum((Fraction(1, len(c)) for c in minimal if i in c), Fraction(0)), len(minimal))
            for i in seats
        ],
        "holler": [share(w, sum(with_i)) for w in with_i],
        "act": [Fraction(winning, 2**n)],
    }


@st.composite
def games(draw: st.DrawFn, veto: bool = True) -> Game:
    n = draw(st.integers(1, 7))
    weights = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    vetoes = draw(st.lists(st.booleans(), min_size=n, max_size=n)) if veto else [False] * n
    needed = draw(st.integers(1, 2))
    return Game(weights, quota, vetoes, [f"S{i}" for i in range(n)], needed)


@given(games())
def test_equal_to_brute_force(game: Game) -> None:
    """Every index equals its definition computed over all coalitions."""
    expected = _brute(game)

    p = power(game, indices=INDICES)

    for name in INDICES:
        assert list(p[name]) == expected[name], name
    assert p.coleman_act == expected["act"][0]


@given(games(veto=False))
def test_generating_function_equals_shapes(game: Game) -> None:
    """The generating-function method gives the same exact counts as the shape method."""
    every = tuple(Index)
    shapes = _indices(game, by_shape(game, INDICES), every, None)
    packed = _indices(game, by_series(game, INDICES), every, None)

    assert shapes == packed
    for name in INDICES:
        assert shapes[name] == packed[name]


def test_large_weighted_game_is_exact() -> None:
    """200 seats of weights 1–20: exact fractions that sum to 1, nothing overflows."""
    import random

    rnd = random.Random(200)
    weights = [rnd.randint(1, 20) for _ in range(200)]
    game = Game.weighted(weights, math.ceil(0.6 * sum(weights)))

    p = power(game, indices=("shapley_shubik", "banzhaf", "banzhaf_absolute"))

    assert sum(p["shapley_shubik"]) == 1
    assert sum(p["banzhaf"]) == 1
    heavy, light = weights.index(20), weights.index(1)
    assert p["shapley_shubik"][heavy] > p["shapley_shubik"][light] > 0


def test_two_veto_rule_lowers_the_veto() -> None:
    """Under the two-member veto, each permanent member's power falls and the rest rises."""
    council = unsc.Council.of_year(2026)
    now, reform_ = power(council), power(council, rules=TWO_VETOES)

    assert reform_.of("USA")["shapley_shubik"] < now.of("USA")["shapley_shubik"]
    assert reform_.of("DNK")["shapley_shubik"] > now.of("DNK")["shapley_shubik"]
    assert reform_.coleman_act > now.coleman_act


def test_table_and_floats() -> None:
    """The table has a row per class and the power to act; floats are available."""
    p = power(unsc.Council.of_year(2023))
    text = p.table("github")

    assert "| CHN, FRA, RUS, GBR, USA" in text
    assert "0.19627" in text
    assert "Coleman power of the collectivity to act: 0.02588" in text
    assert p.as_floats()[Index.SHAPLEY_SHUBIK][0] == pytest.approx(4 / 2145)
    assert "| ALB, BRA, ECU, GAB, GHA, JPN, … (10 seats)" in text
    assert "| ALB, BRA, ECU, GAB, GHA, JPN, MLT, MOZ, CHE, ARE " in p.table("github", named=12)
    assert "| ALB, … (10 seats)" in p.table("github", named=1)


def test_machine_formats_give_one_row_per_member_exact() -> None:
    """CSV and JSON carry the data, one row per member with its name and kind, each index
    exact (issue 21 part 10): what `unsc power --format csv` prints; the text formats keep
    one row per class of seats and the power to act beneath, in HTML as a paragraph."""
    p = power(unsc.Council.of_year(2023), indices=("shapley_shubik", "swings"))

    lines = p.table("csv").splitlines()
    rows = json.loads(p.table("json"))

    assert lines[0] == "seat,name,kind,weight,veto,shapley_shubik,swings"
    assert "USA,United States,permanent,1,True,421/2145,848" in lines
    assert len(lines) == 16
    assert rows[14] == {
        "seat": "USA",
        "name": "United States",
        "kind": "permanent",
        "weight": 1,
        "veto": True,
        "shapley_shubik": "421/2145",
        "swings": 848,
    }
    assert str(p) == p.table() == p.as_table().render("simple")
    assert "<p>Coleman power of the collectivity to act: 0.02588</p>" in p._repr_html_()
    assert "Coleman power of the collectivity to act: 421" not in p.table("html")


def test_a_bare_game_names_its_seats() -> None:
    """In a game without a council, a seat's name is its label and its kind ``seat``."""
    game = Game.weighted((3, 2, 1), 4)

    lines = power(game, indices="banzhaf").table("csv").splitlines()

    assert lines[1].startswith("S1,S1,seat,3,False,")


def test_results_iterate_and_index() -> None:
    """A result is a sequence of seats, found by position, code, name, or by index."""
    p = power(unsc.Council.of_year(2023), indices="banzhaf")

    assert len(p) == 15
    assert [seat.seat for seat in p][:2] == ["ALB", "BRA"]
    assert p[0] is p["ALB"] is p["Albania"]
    assert p["United States"].banzhaf == p.of("USA")["banzhaf"] == p.banzhaf[-1]
    assert p[Index.BANZHAF] == p["banzhaf"] == p.banzhaf
    assert p.computed == (Index.BANZHAF,)
    assert p["USA"].shapley_shubik is None
    with pytest.raises(unsc.errors.NoSuchEntryError, match="'shapley_shubik' is not an index"):
        p.shapley_shubik  # noqa: B018
    assert repr(p) == "<PowerIndices: 15 seats; banzhaf>"
    assert power(unsc.Council.of_year(2023)) == power(unsc.Council.of_year(2023))


def test_bad_input() -> None:
    """Unknown indices, seats and impossible games are clear errors."""
    with pytest.raises(UnknownChoiceError, match="'gini' is not an index"):
        power(unsc.Council.of_year(2023), indices=("gini",))
    with pytest.raises(unsc.errors.NotAMemberError, match="'DEU' is not a member"):
        power(unsc.Council.of_year(2023)).of("DEU")
    with pytest.raises(unsc.errors.NoSuchEntryError, match="'X9' is not a seat"):
        power(Game.weighted([1, 2, 3], 4)).of("X9")
    with pytest.raises(InvalidFieldError, match="quota cannot be 99"):
        Game.weighted([1, 2, 3], 99)
    with pytest.raises(InvalidFieldError, match="whole numbers >= 0"):
        Game.weighted([1, -2], 1)


def test_large_game_with_vetoes_and_many_weights_is_refused() -> None:
    """Beyond both exact methods, the error says so rather than guessing."""
    weights = list(range(1, 41))
    game = Game(weights, 400, [i < 3 for i in range(40)], [f"S{i}" for i in range(40)])

    with pytest.raises(TooLargeError, match=r"veto holders, counted in coalition shapes"):
        power(game)


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"weights": "777"}, TypeError, r"Game\.weights cannot be '777'"),
        ({"weights": []}, InvalidFieldError, "at least one seat"),
        ({"weights": [7, 1.5, 1]}, TypeError, "whole numbers >= 0"),
        ({"weights": [7, -1, 1]}, InvalidFieldError, "whole numbers >= 0"),
        ({"quota": 2.5}, TypeError, r"Game\.quota cannot be 2\.5"),
        ({"quota": 10}, InvalidFieldError, "from 1 to the total weight 9"),
        ({"labels": ["A", "B", 3]}, TypeError, "give each seat a name"),
        ({"labels": ["A", "B"]}, InvalidFieldError, "need 3 entries"),
        ({"vetoes_needed": 0}, InvalidFieldError, "use 1 or more"),
    ],
)
def test_game_fields_are_checked(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    """A game names its bad field and what would be valid."""
    values: dict[str, object] = {
        "weights": [7, 1, 1],
        "quota": 8,
        "veto": [True, False, False],
        "labels": ["A", "B", "C"],
    }
    values.update(fields)
    with pytest.raises(error, match=message):
        Game(**values)  # type: ignore[arg-type]


def test_game_of_council_needs_a_council() -> None:
    """Game.of_council refuses anything but a council."""
    with pytest.raises(TypeError, match=r"give a unsc\.Council"):
        Game.of_council(2023)  # type: ignore[arg-type]


def test_banzhaf_raw_still_works_with_a_deprecation_message() -> None:
    """The old name gives the absolute (Penrose) index, and says what it is now called."""
    p = power(unsc.Council.of_year(2023))

    with pytest.warns(DeprecationWarning, match="now called 'banzhaf_absolute'.*'swings'"):
        old = p["banzhaf_raw"]
    with pytest.warns(DeprecationWarning, match="banzhaf_absolute"):
        assert p.banzhaf_raw == old == p.banzhaf_absolute
    with pytest.warns(DeprecationWarning, match="banzhaf_absolute"):
        assert p.of("USA").banzhaf_raw == p.of("USA")["penrose"] == Fraction(848, 16384)
    with pytest.warns(DeprecationWarning, match="banzhaf_absolute"):
        assert power(unsc.Council.of_year(2023), indices="banzhaf_raw").computed == (
            Index.BANZHAF_ABSOLUTE,
        )


def test_swings_are_a_count() -> None:
    """The swing count is whole and is the absolute index times 2^(n−1)."""
    p = power(unsc.Council.of_year(2023), indices=("swings", "banzhaf_absolute"))

    assert p.of("USA")["swings"] == 848
    assert p.of("JPN")["swings"] == 84
    assert p.of("JPN")["swings"] == p.of("JPN")["banzhaf_absolute"] * 2**14


def test_a_seat_converts_to_a_dict() -> None:
    """dict(power(c).of("USA")): each index computed, by name."""
    seat = power(unsc.Council.of_year(2023), indices=("shapley_shubik", "banzhaf")).of("USA")

    assert dict(seat) == {"shapley_shubik": Fraction(421, 2145), "banzhaf": Fraction(106, 635)}
    assert seat.to_dict()["seat"] == "USA"
    assert seat.to_dict()["veto"] is True


def test_rows_and_dataframe_carry_names_and_kinds() -> None:
    """One row per member, with its name and whether its seat is permanent or elected."""
    pandas = pytest.importorskip("pandas")
    p = power(unsc.Council.of_year(2023), indices=("shapley_shubik", "swings"))

    rows = {row["seat"]: row for row in p.rows()}
    df = p.to_dataframe()

    assert rows["USA"]["name"] == "United States"
    assert rows["USA"]["kind"] == "permanent"
    assert rows["JPN"]["kind"] == "elected"
    assert rows["JPN"]["swings"] == 84
    assert list(df.columns) == [
        "seat",
        "name",
        "kind",
        "weight",
        "veto",
        "shapley_shubik",
        "swings",
    ]
    assert len(df) == 15
    assert pandas.api.types.is_integer_dtype(df["swings"])
    assert df.set_index("seat").loc["GBR", "name"] == "United Kingdom"
    game_rows = power(Game.weighted([2, 1], 2)).rows()
    assert game_rows[0]["kind"] == "seat"
    assert game_rows[0]["name"] == "S1"


def test_table_prints_one_number_format() -> None:
    """A small share is printed in the same fixed-point form as a large one."""
    p = power(Game.weighted([100] + [1] * 16, 108), indices=("shapley_shubik", "banzhaf"))

    text = str(p)

    assert "e-" not in text
    assert all(len(cell.split(".")[1]) == 5 for cell in text.split() if cell[:2] == "0.")

"""Pass probability: equal to brute-force enumeration, conditioned on votes already cast."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import Outcome, Vote, history
from unsc import strategies as us
from unsc.analysis import UNIFORM, pass_probability, ternary_power
from unsc.errors import InvalidFieldError, NotAMemberError
from unsc.rules import LITERAL_1965

FOUR = (Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.ABSENT)


def _brute(
    council: unsc.Council,
    dists: list[dict[Vote, Fraction]],
    rules: unsc.Rules,
    matter: str,
) -> dict[Outcome, Fraction]:
    out = dict.fromkeys(Outcome, Fraction(0))
    for profile in itertools.product(FOUR, repeat=council.size):
        p = Fraction(1)
        for dist, vote in zip(dists, profile):
            p *= dist.get(vote, Fraction(0))
        if p:
            draft = unsc.Resolution("S/X", council=council, ballot=profile, matter=matter)
            out[unsc.decide(draft, rules).outcome] += p
    return out


@st.composite
def cases(draw: st.DrawFn) -> tuple[unsc.Council, list[dict[Vote, Fraction]], str]:
    n = draw(st.integers(1, 5))
    vetoes = draw(st.integers(0, n))
    members = [unsc.Member(f"S{i}", f"State {i}", permanent=i < vetoes) for i in range(n)]
    rules = unsc.Rules(
        "drawn",
        draw(st.integers(1, n)),
        draw(st.sampled_from([{Vote.NO}, {Vote.NO, Vote.ABSTAIN, Vote.ABSENT}])),
        draw(st.integers(1, 2)),
    )
    dists = []
    for _ in range(n):
        weights = draw(st.lists(st.integers(0, 4), min_size=4, max_size=4).filter(any))
        dists.append({v: Fraction(w, sum(weights)) for v, w in zip(FOUR, weights)})
    return (
        unsc.Council(members, rules=rules),
        dists,
        draw(st.sampled_from(["substantive", "procedural"])),
    )


@given(cases())
def test_equal_to_brute_force(case: tuple[unsc.Council, list[dict[Vote, Fraction]], str]) -> None:
    """The three probabilities equal the sum over every profile of votes."""
    council, dists, matter = case
    expected = _brute(council, dists, council.rules, matter)

    got = pass_probability(
        council, {m.code: d for m, d in zip(council.members, dists)}, matter=matter
    )

    assert (got.adopted, got.vetoed, got.insufficient) == (
        expected[Outcome.ADOPTED],
        expected[Outcome.VETOED],
        expected[Outcome.INSUFFICIENT_VOTES],
    )


def test_uniform_council_of_2023() -> None:
    """With no information, the three outcomes sum to exactly 1."""
    odds = pass_probability(unsc.Council.of_year(2023))

    assert odds.adopted + odds.vetoed + odds.insufficient == 1
    assert odds.adopted == Fraction(48932, 4782969)
    assert odds["vetoed"] == odds.vetoed


def test_cast_votes_are_certain() -> None:
    """A draft with every vote cast has its own outcome with probability 1."""
    odds = pass_probability(history.get("S/2023/772"))

    assert (odds.adopted, odds.vetoed, odds.insufficient) == (0, 0, 1)


def test_partly_cast_draft_conditions_on_the_votes() -> None:
    """Fourteen votes cast, the US undecided between yes and no: a coin toss on a veto."""
    draft = history.get("S/2023/773")
    partly = unsc.Resolution(
        "S/X",
        council=draft.council,
        ballot=tuple(
            None if m.code == "USA" else v for m, v in zip(draft.council.members, draft.ballot)
        ),
    )

    odds = pass_probability(partly, {"United States": {"yes": 0.5, "no": 0.5}})

    assert (odds.adopted, odds.vetoed, odds.insufficient) == (Fraction(1, 2), Fraction(1, 2), 0)


def test_floats_are_read_exactly() -> None:
    """Float probabilities give the exact result for the floats given."""
    council = unsc.Council.of_year(2023)
    odds = pass_probability(council, default=(0.9, 0.05, 0.05))

    assert odds.adopted + odds.vetoed + odds.insufficient == 1
    assert 0.6 < float(odds.adopted) < 0.8


def test_default_is_documented_uniform() -> None:
    """Members not given vote yes, no or abstain with probability 1/3 each."""
    assert {
        Vote.YES: Fraction(1, 3),
        Vote.NO: Fraction(1, 3),
        Vote.ABSTAIN: Fraction(1, 3),
    } == UNIFORM
    council = unsc.Council.of_year(2023)
    assert pass_probability(council) == pass_probability(council, default=(Fraction(1, 3),) * 3)


def test_bad_probabilities() -> None:
    """Probabilities must be numbers from 0 to 1 that sum to 1, for members of the council."""
    council = unsc.Council.of_year(2023)
    with pytest.raises(InvalidFieldError, match="they must sum to 1"):
        pass_probability(council, {"USA": (0.5, 0.2, 0.1)})
    with pytest.raises(InvalidFieldError, match="use a number from 0 to 1"):
        pass_probability(council, {"USA": (1.5, -0.5, 0)})
    with pytest.raises(InvalidFieldError, match="use a number from 0 to 1"):
        pass_probability(council, {"USA": (10**400, 0, 0)})
    with pytest.raises(NotAMemberError, match="'Germany' is not a member"):
        pass_probability(council, {"Germany": (1, 0, 0)})
    with pytest.raises(unsc.errors.UnknownVoteError):
        pass_probability(council, {"USA": {"maybe": 1}})
    with pytest.raises(TypeError, match="use a number"):
        pass_probability(council, {"USA": ("half", 0.5, 0)})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="give a Council or a draft"):
        pass_probability("2023")  # type: ignore[arg-type]


def test_table() -> None:
    """The table lists the three outcomes."""
    text = pass_probability(unsc.Council.of_year(2023)).table("github")

    assert "| adopted" in text
    assert "48932/4782969" in text


def test_machine_formats_and_frame() -> None:
    """CSV and JSON give one row per outcome with the exact probability; the DataFrame
    the same as floats; the HTML is the table (no caption)."""
    pytest.importorskip("pandas")
    odds = pass_probability(unsc.Council.of_year(2023))

    assert odds.table("csv").splitlines()[:2] == ["outcome,probability", "adopted,48932/4782969"]
    assert json.loads(odds.table("json"))[1] == {
        "outcome": "vetoed",
        "probability": "32839/1594323",
    }
    assert odds.to_dataframe()["probability"].sum() == pytest.approx(1)
    assert odds._repr_html_() == odds.table("html")
    assert str(odds) == odds.table()


def test_ternary_machine_formats_give_one_row_per_member() -> None:
    """TernaryPower's CSV and JSON: one row per member with name, kind and the four exact
    measures; its DataFrame the same as floats (issue 21 part 12)."""
    pytest.importorskip("pandas")
    t = ternary_power(unsc.Council.of_year(2023))

    lines = t.table("csv").splitlines()
    df = t.to_dataframe()

    assert lines[0] == "seat,name,kind,veto,yes_no,yes_abstain,abstain_no,overall"
    assert lines[1] == "ALB,Albania,elected,False,5906/531441,5906/531441,0,11812/1594323"
    assert json.loads(t.table("json"))[2]["kind"] == "permanent"
    assert list(df["seat"])[:2] == ["ALB", "BRA"]
    assert df["overall"].dtype == float
    assert t.table(digits=2).splitlines()[2].split() == ["Albania", "0.01", "0.01", "0.00", "0.01"]


def test_ternary_separates_abstention_from_no() -> None:
    """A permanent member's abstention differs from its no; an elected member's does not."""
    t = ternary_power(unsc.Council.of_year(2023))

    assert t.of("USA")["abstain_no"] > 0
    assert t.of("JPN")["abstain_no"] == 0
    assert t.of("JPN")["yes_no"] == t.of("JPN")["yes_abstain"]
    for i in range(t.council.size):
        assert t.yes_no[i] == t.yes_abstain[i] + t.abstain_no[i]
    assert "abstain↔no" in t.table()
    assert len(t) == 15
    assert t[0].member.code == "ALB"
    assert t["United States"] == t.of("USA") == list(t)[-1]
    assert repr(t["USA"]).startswith("<MemberDecisiveness USA: overall 0.")


def test_ternary_equals_direct_difference() -> None:
    """Each measure is the difference of two pass probabilities, computed directly."""
    council = unsc.Council.of_year(2023)
    t = ternary_power(council, {"FRA": (0.8, 0.1, 0.1)})

    def adopted(code: str, vote: Vote) -> Fraction:
        return pass_probability(council, {"FRA": (0.8, 0.1, 0.1), code: {vote: 1}}).adopted

    assert t.of("CHN")["abstain_no"] == adopted("CHN", Vote.ABSTAIN) - adopted("CHN", Vote.NO)
    assert t.of("FRA")["yes_no"] == adopted("FRA", Vote.YES) - adopted("FRA", Vote.NO)


@given(us.resolutions(), us.rules())
def test_certain_ballot_equals_decide(draft: unsc.Resolution, rules: unsc.Rules) -> None:
    """A ballot with every vote cast is certain: its probability is 1 for the outcome the
    engine decides, for the presets and for generated rules (the rule written once)."""
    odds = pass_probability(draft, rules=rules)

    assert odds[unsc.decide(draft, rules).outcome] == 1
    assert sum(odds.values()) == 1


def test_party_to_a_dispute_cannot_block_in_the_odds() -> None:
    """Chapter VI, party GBR, literal rules: decide and pass_probability agree (adopted)."""
    council = unsc.Council.of_year(2023)
    draft = unsc.Resolution("S/X", council=council, chapter="VI", parties="GBR")
    others = [code for code in council.codes if code != "GBR"]
    everyone_else = {code: {"yes": 1} for code in others}

    voted = draft.with_votes(yes=others, abstain="GBR")
    odds = pass_probability(draft, {**everyone_else, "GBR": {"abstain": 1}}, rules=LITERAL_1965)

    assert unsc.decide(voted, LITERAL_1965).adopted
    assert odds.adopted == 1
    # a party not given abstains, as Article 27(3) requires
    assert pass_probability(draft, everyone_else, rules=LITERAL_1965).adopted == 1
    with pytest.raises(unsc.errors.ObligatoryAbstentionError, match="GBR is a party"):
        pass_probability(draft, {"GBR": {"yes": 0.5, "abstain": 0.5}})


def test_without_vote_is_certain_adoption() -> None:
    """A record adopted without a vote is adopted with probability 1."""
    record = unsc.Resolution(
        "S/RES/11 (1946)", council=unsc.Council.of_year(1946), without_vote=True
    )

    assert pass_probability(record).adopted == 1
    assert unsc.decide(record).adopted


def test_outcomes_iterate_and_index() -> None:
    """The result is a mapping of the three outcomes, also indexed by position."""
    odds = pass_probability(unsc.Council.of_year(2023))

    assert list(odds) == [Outcome.ADOPTED, Outcome.VETOED, Outcome.INSUFFICIENT_VOTES]
    assert len(odds) == 3
    assert odds[0] == odds["adopted"] == odds[Outcome.ADOPTED] == odds.adopted
    assert repr(odds).startswith("<PassProbability adopted 0.")


def _by_counts(
    council: unsc.Council, dists: list[tuple[float, float, float]]
) -> tuple[Fraction, Fraction, Fraction]:
    """An independent count: the distribution of (yes votes, vetoes) in Fractions."""
    cells: dict[tuple[int, int], Fraction] = {(0, 0): Fraction(1)}
    for member, (yes, no, abstain) in zip(council.members, dists):
        total = Fraction(yes) + Fraction(no) + Fraction(abstain)  # 1 up to rounding
        grown: dict[tuple[int, int], Fraction] = {}
        for (y, v), p in cells.items():
            moves = [((y + 1, v), Fraction(yes) / total), ((y, v), Fraction(abstain) / total)]
            moves.append(((y, v + member.permanent), Fraction(no) / total))
            for key, q in moves:
                grown[key] = grown.get(key, Fraction(0)) + p * q
        cells = grown
    quota = council.rules.quota
    adopted = sum((p for (y, v), p in cells.items() if y >= quota and not v), Fraction(0))
    vetoed = sum((p for (y, v), p in cells.items() if y >= quota and v), Fraction(0))
    return adopted, vetoed, 1 - adopted - vetoed


@pytest.mark.parametrize("quota", [3, 20, 21, 39, 40])
def test_large_council_of_floats_equals_an_independent_count(quota: int) -> None:
    """Forty seats of float probabilities (exact binary fractions, so the packed counts are
    widened many times), counted on either side of the quota: equal to a plain count."""
    import random

    rnd = random.Random(quota)
    members = [unsc.Member(f"S{i:02d}", f"State {i}", permanent=i < 5) for i in range(40)]
    council = unsc.Council(members, rules=unsc.Rules("drawn", quota))
    dists = []
    for _ in members:
        a, b = sorted((rnd.random(), rnd.random()))
        dists.append((a, b - a, 1 - b))
    got = pass_probability(council, {m.code: d for m, d in zip(members, dists)})
    assert (got.adopted, got.vetoed, got.insufficient) == _by_counts(council, dists)

"""The Model UN misreadings: rules the Council does not follow, decided on real votes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import Matter, Outcome, Tally, history
from unsc.errors import UnknownChoiceError
from unsc.rules import (
    ABSTENTION_VETO,
    MISREADINGS,
    PRESENT_AND_VOTING,
    PRESETS,
    PROCEDURAL_EIGHT,
    SIMPLE_MAJORITY,
    TWO_THIRDS_VOTING,
    Majority,
    Rules,
)
from unsc.teaching.exercise import ExerciseKind
from unsc.teaching.exercises import exercises
from unsc.teaching.makers import agenda_2018, curated
from unsc.teaching.misconceptions import MISCONCEPTIONS

ADOPTED, VETOED, SHORT = Outcome.ADOPTED, Outcome.VETOED, Outcome.INSUFFICIENT_VOTES


def test_each_misreading_is_a_preset_named_as_one() -> None:
    assert set(MISREADINGS) <= set(PRESETS)
    for key, rules in MISREADINGS.items():
        assert key.startswith("mun-")
        assert rules.name.startswith("Misreading:")
        assert "misreading" in rules.source
        assert Rules.preset(key) is rules
    assert [m.rules for m in MISCONCEPTIONS] == list(MISREADINGS.values())


# Real votes, decided by hand both ways: (symbol, misreading, by the Charter, misread, veto).
REAL = [
    ("S/2000/1171", SIMPLE_MAJORITY, SHORT, ADOPTED, ()),  # 8–0–7
    ("S/2014/916", SIMPLE_MAJORITY, SHORT, VETOED, ("USA",)),  # 8–2–5, the US against
    ("S/2022/231", PRESENT_AND_VOTING, SHORT, ADOPTED, ()),  # 2–0–13
    ("S/2022/231", TWO_THIRDS_VOTING, SHORT, ADOPTED, ()),
    ("S/2016/1085", TWO_THIRDS_VOTING, SHORT, ADOPTED, ()),  # 7–0–8
    ("S/2023/772", PRESENT_AND_VOTING, SHORT, VETOED, ("FRA", "GBR", "USA")),  # 5–4–6
    ("S/2023/772", TWO_THIRDS_VOTING, SHORT, SHORT, ()),  # 5 is less than twice 4
    ("S/RES/2712 (2023)", ABSTENTION_VETO, ADOPTED, VETOED, ("RUS", "GBR", "USA")),  # 12–0–3
    ("S/RES/2712 (2023)", PROCEDURAL_EIGHT, ADOPTED, ADOPTED, ()),  # substantive: as ever
]


@pytest.mark.parametrize(("symbol", "rules", "charter", "misread", "vetoed_by"), REAL)
def test_real_votes_decided_both_ways(
    symbol: str, rules: Rules, charter: Outcome, misread: Outcome, vetoed_by: tuple[str, ...]
) -> None:
    record = history.get(symbol)
    assert record.decide().outcome is charter
    decision = record.decide(rules)
    assert decision.outcome is misread
    assert tuple(m.code for m in decision.vetoed_by) == vetoed_by


def test_the_agenda_of_19_march_2018_needed_nine() -> None:
    """A procedural vote, 8–4–3 (S/PV.8209): short of nine, whatever the eight believe."""
    record = unsc.Resolution(
        "agenda", council=unsc.Council.of_year(2018), matter="procedural", counts=Tally(8, 4, 3)
    )
    assert record.decide().outcome is SHORT
    assert record.decide(PROCEDURAL_EIGHT).outcome is ADOPTED
    substantive = attrs.evolve(record, matter=Matter.SUBSTANTIVE)
    assert substantive.decide(PROCEDURAL_EIGHT).outcome is SHORT
    exercise = agenda_2018()
    assert exercise.check("3, 1").correct
    assert "Article 27(2)" in exercise.explanation


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 3), st.integers(1, 12))
def test_the_majorities_of_those_present_and_voting(
    yes: int, no: int, blocks: int, quota: int
) -> None:
    """The outcome from counts against the Assembly's rules 85–86, written independently:
    a majority is more yes than no; two-thirds, yes at least two-thirds of yes and no."""
    for majority, carried in (
        (Majority.PRESENT_AND_VOTING, yes > no),
        (Majority.TWO_THIRDS_PRESENT_AND_VOTING, 3 * yes >= 2 * (yes + no)),
        (Majority.MEMBERS, True),
    ):
        rules = Rules("r", quota, majority=majority)
        expected = SHORT if yes < quota or not carried else VETOED if blocks else ADOPTED
        assert rules.outcome(yes, blocks, no) is expected


def test_abstentions_lower_the_bar_only_under_the_misreading() -> None:
    council = unsc.Council.of_year(2023)
    draft = unsc.Resolution("S/X", council=council).with_votes(
        yes="ALB BRA ECU GAB GHA JPN", no="MOZ CHE ARE", abstain="CHN FRA RUS GBR USA MLT"
    )
    assert draft.decide().outcome is SHORT
    assert draft.decide(TWO_THIRDS_VOTING).outcome is ADOPTED  # 6 yes, 3 no
    assert draft.decide(PRESENT_AND_VOTING).outcome is ADOPTED


def test_the_misreadings_explain_and_draw_themselves() -> None:
    decision = history.get("S/2023/772").decide(PRESENT_AND_VOTING)
    text = decision.explain()
    assert "5 votes in favour and 4 against, more yes than no required" in text
    assert "a misreading" in text
    caption = decision.caption()
    assert caption[1].endswith("more yes than no needed")
    assert "Under a misreading: a majority of those present and voting" in caption
    assert "Under a misreading" not in " ".join(history.get("S/2023/772").decide().caption())
    assert repr(TWO_THIRDS_VOTING).endswith("twice as many yes as no, blocked by no>")


def test_the_misreadings_reach_the_analysis() -> None:
    """Power, probability and paths read the same rule: under two-thirds of those voting,
    ten of fifteen carry a yes/no vote; 2022's 2–0–13 is adopted already."""
    council = unsc.Council.of_year(2023)
    game = unsc.analysis.Game.of_council(council, TWO_THIRDS_VOTING)
    assert game.quota == 10
    assert unsc.analysis.Game.of_council(council, PRESENT_AND_VOTING).quota == 8
    assert unsc.analysis.Game.of_council(council, PROCEDURAL_EIGHT, "procedural").quota == 8
    odds = unsc.analysis.pass_probability(council, rules=PRESENT_AND_VOTING)
    assert odds.adopted > unsc.analysis.pass_probability(council).adopted
    path = unsc.analysis.path_to_adoption(history.get("S/2023/772"), PRESENT_AND_VOTING)
    assert path.result.adopted  # 5 yes beat 4 no already: the three vetoes must go
    assert [c.member.code for c in path.changes] == ["FRA", "GBR", "USA"]


def test_majorities_read_and_refused() -> None:
    assert Majority.parse("present-and-voting") is Majority.PRESENT_AND_VOTING
    two_thirds = Majority.TWO_THIRDS_PRESENT_AND_VOTING
    assert Majority.parse("TWO_THIRDS_PRESENT_AND_VOTING") is two_thirds
    with pytest.raises(UnknownChoiceError, match="'half'"):
        Rules("r", 9, majority="half")
    with pytest.raises(unsc.UNSCError, match="procedural_quota"):
        Rules("r", 9, procedural_quota=0)
    with pytest.raises(unsc.UNSCError, match="4"):
        unsc.Council(["FRA", "DEU", "JPN"], rules=Rules("r", 2, procedural_quota=4))


def test_the_model_un_exercises() -> None:
    mine = [e for e in curated() if e.topic == "model-un"]
    assert len(mine) == 7
    answers = {e.source: e.answers[0] for e in mine}
    assert answers["S/2014/916"] == "3 2"  # short of nine; by the chair's rule, vetoed
    assert answers["S/RES/2712 (2023)"] == "1 2"
    assert all(e.kind is ExerciseKind.PARTS and "Model UN chair" in e.question for e in mine)
    sheet = exercises(seed=4, count=12, topic="model-un")
    assert len(sheet) == 12
    assert {e.topic for e in sheet} == {"model-un"}
    for exercise in sheet:  # a generated one is kept only when the two ways differ
        first, second = exercise.answers[0].split()
        assert first != second

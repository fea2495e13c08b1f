"""Swing voters and the fewest changes to adopt or defeat a draft, checked by search."""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given, settings

import unsc
from unsc import Outcome, Vote, history
from unsc import strategies as us
from unsc.analysis import path_to_adoption, path_to_failure, swing
from unsc.errors import NoPathError


def test_s_2023_772_takes_four_changes() -> None:
    """The three permanent no votes to yes, and one more yes."""
    path = path_to_adoption(history.get("S/2023/772"))
    text = path.explain()

    assert len(path) == 4
    assert [c.member.code for c in path.changes[:3]] == ["FRA", "GBR", "USA"]
    assert all(c.after is Vote.YES for c in path.changes)
    assert path.result.adopted
    assert text.startswith(
        "4 changes would adopt S/2023/772: France, the United Kingdom and the United States "
        "from no to yes and one more member to yes (any of Albania, Brazil, Ecuador, Ghana, "
        "Japan, Malta and Switzerland)."
    )


def test_s_2023_773_one_change() -> None:
    """The US veto: one change adopts it."""
    path = path_to_adoption(history.get("S/2023/773"))

    assert len(path) == 1
    assert "the United States from no to yes" in path.explain()


def test_failure_of_an_adopted_resolution() -> None:
    """One permanent no defeats resolution 2712; the answer names who could cast it."""
    path = path_to_failure(history.get("S/RES/2712 (2023)"))

    assert len(path) == 1
    assert path.result.outcome is Outcome.VETOED
    assert "any of China, France, the Russian Federation" in path.explain()


def test_procedural_failure_needs_the_quota() -> None:
    """No veto on a procedural matter: only taking away yes votes defeats it."""
    path = path_to_failure(history.get("S/RES/2623 (2022)"))

    assert len(path) == 3
    assert path.result.outcome is Outcome.INSUFFICIENT_VOTES


def test_a_path_is_a_table_of_its_changes() -> None:
    """A path prints as its explanation; its table lists each change with the explanation
    beneath, and its CSV one row per change with the member's code, name and kind."""
    path = path_to_adoption(history.get("S/2023/772"))

    lines = path.table("csv").splitlines()

    assert str(path) == path.explain()
    assert path.table().endswith(path.explain())
    assert "United Kingdom  no        yes" in path.table()
    assert lines[0] == "seat,name,kind,before,after"
    assert lines[1] == "FRA,France,permanent,no,yes"
    assert len(lines) == 1 + len(path)


def test_nothing_to_change() -> None:
    """A draft already failing needs no change to fail."""
    path = path_to_failure(history.get("S/2023/772"))

    assert len(path) == 0
    assert "no change is needed" in path.explain()


def test_swing_voters_of_s_2023_773() -> None:
    """Only the United States could change the outcome alone."""
    swings = swing(history.get("S/2023/773"))

    assert {s.member.code for s in swings} == {"USA"}
    assert {s.after for s in swings} == {
        Vote.YES,
        Vote.ABSTAIN,
        Vote.ABSENT,
        Vote.NOT_PARTICIPATING,
    }


def _fewest(draft: unsc.Resolution, goal: bool) -> int | None:
    """The fewest changes that adopt (goal True) or defeat it, by exhaustive search;
    ``None`` if none does. A party obliged to abstain (Article 27(3)) may not change to
    yes or no: that is written out here, independently of the engine."""
    n = draft.council.size
    obliged = draft.chapter in ("VI", "52(3)") and draft.matter is unsc.Matter.SUBSTANTIVE
    barred = {i for i, code in enumerate(draft.council.codes) if obliged and code in draft.parties}
    votes = list(Vote)
    for k in range(n + 1):
        for seats in itertools.combinations(range(n), k):
            for new in itertools.product(votes, repeat=k):
                if any(draft.ballot[s] is v for s, v in zip(seats, new)):
                    continue
                if any(s in barred and v in (Vote.YES, Vote.NO) for s, v in zip(seats, new)):
                    continue
                ballot = list(draft.ballot)
                for s, v in zip(seats, new):
                    ballot[s] = v
                changed = attrs.evolve(draft, ballot=tuple(ballot))
                if changed.decide().adopted is goal:
                    return k
    return None


@settings(max_examples=80)
@given(us.resolutions(us.custom_councils(max_size=5), without_vote=False))
def test_paths_are_the_fewest(draft: unsc.Resolution) -> None:
    """The paths are as short as any set of changes that reaches the goal, and reach it."""
    fewest_adopt, fewest_defeat = _fewest(draft, True), _fewest(draft, False)

    if fewest_adopt is None:
        with pytest.raises(NoPathError, match="no change of votes can adopt"):
            path_to_adoption(draft)
    else:
        adopt = path_to_adoption(draft)
        assert adopt.result.adopted
        assert len(adopt) == fewest_adopt
    defeat = path_to_failure(draft)
    assert not defeat.result.adopted
    assert len(defeat) == fewest_defeat


@settings(max_examples=150)
@given(us.resolutions(without_vote=False), us.rules())
def test_swing_agrees_with_decide(draft: unsc.Resolution, rules: unsc.Rules) -> None:
    """Every single change that swing() lists changes the decision as it says, and every
    change it does not list leaves the outcome as it was (the rule written once)."""
    before = unsc.decide(draft, rules).outcome
    listed = {(s.member.code, s.after): s.outcome for s in swing(draft, rules)}
    obliged = draft.chapter in ("VI", "52(3)") and draft.matter is unsc.Matter.SUBSTANTIVE
    for seat, code in enumerate(draft.council.codes):
        for vote in Vote:
            if vote is draft.ballot[seat]:
                continue
            if obliged and code in draft.parties and vote in (Vote.YES, Vote.NO):
                assert (code, vote) not in listed
                continue
            ballot = list(draft.ballot)
            ballot[seat] = vote
            after = unsc.decide(attrs.evolve(draft, ballot=tuple(ballot)), rules).outcome
            assert listed.get((code, vote), before) is after

"""Swing voters and the fewest changes to adopt or defeat a draft, checked by search."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

import unsc
from unsc import Outcome, Vote, history
from unsc import strategies as us
from unsc.analysis import path_to_adoption, path_to_failure, swing


def test_s_2023_772_takes_four_changes() -> None:
    """The three permanent no votes to yes, and one more yes."""
    path = path_to_adoption(history.get("S/2023/772"))
    text = " ".join(path.explain().split())

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


def _fewest(draft: unsc.Resolution, goal: bool) -> int:
    """The fewest changes that adopt (goal True) or defeat it, by exhaustive search."""
    n = draft.council.size
    votes = list(Vote)
    for k in range(n + 1):
        for seats in itertools.combinations(range(n), k):
            for new in itertools.product(votes, repeat=k):
                if any(draft.ballot[s] is v for s, v in zip(seats, new)):
                    continue
                ballot = list(draft.ballot)
                for s, v in zip(seats, new):
                    ballot[s] = v
                changed = unsc.Resolution(
                    "S/X", council=draft.council, ballot=ballot, matter=draft.matter
                )
                if changed.decide().adopted is goal:
                    return k
    raise AssertionError("unreachable: voting all yes or all no reaches either goal")


@settings(max_examples=60)
@given(us.resolutions(us.custom_councils(max_size=5)))
def test_paths_are_the_fewest(draft: unsc.Resolution) -> None:
    """The paths are as short as any set of changes that reaches the goal, and reach it."""
    adopt, defeat = path_to_adoption(draft), path_to_failure(draft)

    assert adopt.result.adopted
    assert not defeat.result.adopted
    assert len(adopt) == _fewest(draft, True)
    assert len(defeat) == _fewest(draft, False)

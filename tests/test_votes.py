"""Votes, tallies and matters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsc import Matter, Tally, Vote
from unsc.errors import UnknownMatterError, UnknownVoteError


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("Y", Vote.YES), ("yes", Vote.YES), ("In favour", Vote.YES),
        ("N", Vote.NO), ("against", Vote.NO),
        ("A", Vote.ABSTAIN), ("abstention", Vote.ABSTAIN), ("Abstain", Vote.ABSTAIN),
        ("absent", Vote.ABSENT),
        ("X", Vote.NOT_PARTICIPATING), ("not_participating", Vote.NOT_PARTICIPATING),
        ("did not participate", Vote.NOT_PARTICIPATING),
    ],
)  # fmt: skip
def test_parse(text: str, vote: Vote) -> None:
    """UN codes and words read as votes."""
    assert vote is Vote.parse(text)


def test_unknown_vote() -> None:
    """Anything else is an error that lists what is valid."""
    with pytest.raises(UnknownVoteError, match="'maybe' is not a vote; use Y, N, A or X"):
        Vote.parse("maybe")
    with pytest.raises(UnknownVoteError):
        Vote.parse(1)  # type: ignore[arg-type]


@given(st.sampled_from(list(Vote)))
def test_codes_round_trip_except_x(vote: Vote) -> None:
    """Every vote has a UN code; Y, N and A read back as themselves."""
    if vote in (Vote.YES, Vote.NO, Vote.ABSTAIN):
        assert vote is Vote.parse(vote.code)
    else:
        assert vote.code == "X"


@given(st.lists(st.sampled_from(list(Vote))))
def test_tally_counts(votes: list[Vote]) -> None:
    """A tally counts every vote once."""
    tally = Tally.of(votes)

    assert len(votes) == tally.total
    assert votes.count(Vote.YES) == tally.yes


def test_tally_str() -> None:
    """Tallies print as the UN writes them."""
    assert str(Tally(7, 1, 0, 1, 2)) == "7–1–0, 1 absent, 2 not participating"


def test_matter_parse() -> None:
    """Matters read from their names; anything else is an error."""
    assert Matter.PROCEDURAL is Matter.parse(" Procedural ")
    with pytest.raises(UnknownMatterError, match="use 'substantive' or 'procedural'"):
        Matter.parse("urgent")

"""Meetings: the order of voting, amendments, motions, the double veto, withdrawals."""

from __future__ import annotations

import pytest

import unsc
from unsc import Outcome
from unsc.errors import InvalidFieldError, ObligatoryAbstentionError, UnknownRecordError
from unsc.procedure import OCTOBER_2023, Kind, Meeting, Motion

ALL_2023 = "ALB BRA CHN ECU FRA GAB GHA JPN MLT MOZ RUS CHE ARE GBR USA"


def test_october_2023_worked_example() -> None:
    """16 October: the Russian draft first, then the amendments, then the Brazilian draft."""
    first, second = OCTOBER_2023

    assert [i.symbol for i in first.order()] == [
        "S/2023/772", "Russian amendment 1 to S/2023/773", "Russian amendment 2 to S/2023/773",
        "S/2023/773",
    ]  # fmt: skip
    assert first.president.name == "Brazil"
    steps = first.run().steps
    assert steps[0].decision is not None
    assert steps[0].decision.outcome is Outcome.INSUFFICIENT_VOTES
    assert "postponed to 18 October 2023" in steps[3].outcome
    last = second.run().steps[-1]
    assert last.decision is not None
    assert last.decision.outcome is Outcome.VETOED
    assert "US alone against" in second.run().steps[0].outcome
    assert "S/PV.9442, 18 October 2023; President: Brazil" in str(second.run())


def _meeting() -> Meeting:
    return Meeting.on("2023-11-01", "S/PV.X")


def test_motions_first_in_the_order_of_rule_33() -> None:
    """Rule 33 motions precede drafts, in the order the rule names them."""
    meeting = (
        _meeting()
        .submit("draft A")
        .submit("postpone", kind=Kind.MOTION, motion=Motion.POSTPONE)
        .submit("suspend", kind=Kind.MOTION, motion=Motion.SUSPEND)
        .submit("draft B")
        .submit("amendment to A", kind=Kind.AMENDMENT, amends="draft A")
    )

    assert [i.symbol for i in meeting.order()] == [
        "suspend", "postpone", "amendment to A", "draft A", "draft B",
    ]  # fmt: skip


def test_adopted_amendment_marks_its_draft() -> None:
    """An amendment adopted before its draft: the draft is voted as amended."""
    meeting = (
        _meeting()
        .submit("draft A")
        .submit("amendment to A", kind=Kind.AMENDMENT, amends="draft A")
        .vote("amendment to A", yes=ALL_2023)
        .vote("draft A", yes=ALL_2023)
    )

    steps = meeting.run().steps

    assert steps[1].amended_by == ("amendment to A",)
    assert "as amended by amendment to A" in meeting.run().table()


def test_an_amendment_can_be_vetoed() -> None:
    """As on 22 December 2023: ten in favour and a permanent no vetoes an amendment."""
    meeting = (
        _meeting()
        .submit("draft A")
        .submit("amendment to A", kind=Kind.AMENDMENT, amends="draft A")
        .vote("amendment to A", yes="ALB BRA CHN ECU GAB GHA MOZ RUS CHE ARE", no="USA",
              abstain="FRA JPN MLT GBR")
    )  # fmt: skip

    step = meeting.run().steps[0]

    assert step.decision is not None
    assert step.decision.outcome is Outcome.VETOED
    assert meeting.run().steps[1].amended_by == ()


def test_procedural_motion_has_no_veto() -> None:
    """A motion adopted by nine votes although permanent members vote no."""
    meeting = (
        _meeting()
        .submit("adjourn", kind=Kind.MOTION, motion=Motion.ADJOURN)
        .vote("adjourn", yes="ALB BRA ECU FRA GAB GHA JPN MLT GBR", no="CHN RUS USA",
              abstain="MOZ CHE ARE")
    )  # fmt: skip

    step = meeting.run().steps[0]

    assert step.decision is not None
    assert step.decision.outcome is Outcome.ADOPTED
    assert step.matter is unsc.Matter.PROCEDURAL


def test_double_veto() -> None:
    """24 May 1948: the preliminary question vetoed, so the draft is substantive, and vetoed."""
    meeting = (
        Meeting.on("1948-05-24", "S/PV.303")
        .submit("draft on the Czechoslovak question")
        .submit("preliminary question", kind=Kind.PRELIMINARY,
                concerns="draft on the Czechoslovak question")
        .vote("preliminary question", yes="ARG BEL CAN CHN COL SYR GBR USA",
              no="UKR SUN", abstain="FRA")
    )  # fmt: skip

    steps = meeting.run().steps

    assert [s.item.symbol for s in steps] == [
        "preliminary question", "draft on the Czechoslovak question",
    ]  # fmt: skip
    assert steps[0].decision is not None
    assert steps[0].decision.outcome is Outcome.VETOED
    assert "is to be decided as a substantive matter" in steps[0].why
    assert steps[1].matter is unsc.Matter.SUBSTANTIVE


def test_preliminary_question_adopted_makes_the_matter_procedural() -> None:
    """Had no permanent member voted no, the matter would have been procedural."""
    meeting = (
        Meeting.on("1948-05-24")
        .submit("draft")
        .submit("preliminary question", kind=Kind.PRELIMINARY, concerns="draft")
        .vote("preliminary question", yes="ARG BEL CAN CHN COL SYR GBR USA", abstain="FRA UKR SUN")
        .vote("draft", yes="ARG BEL CAN CHN COL SYR GBR USA FRA", no="UKR SUN")
    )

    steps = meeting.run().steps

    assert steps[1].matter is unsc.Matter.PROCEDURAL
    assert steps[1].decision is not None
    assert steps[1].decision.outcome is Outcome.ADOPTED


def test_withdrawn_draft_and_its_amendments_are_not_voted() -> None:
    """Withdrawn before the vote: neither the draft nor its amendments are voted."""
    meeting = (
        _meeting()
        .submit("draft A")
        .submit("amendment to A", kind=Kind.AMENDMENT, amends="draft A")
        .withdraw("draft A")
    )

    steps = meeting.run().steps

    assert [s.decision for s in steps] == [None, None]
    assert "its draft was withdrawn" in steps[0].why
    assert "withdrawn before the vote" in steps[1].why


def test_obligatory_abstention_in_a_meeting() -> None:
    """A party to a Chapter VI dispute that votes is an error when the meeting votes."""
    council = unsc.Council.of_year(2023)
    draft = unsc.Resolution("chapter VI draft", council=council, chapter="VI", parties="GBR")
    meeting = _meeting().submit(draft).vote("chapter VI draft", yes=ALL_2023)

    with pytest.raises(ObligatoryAbstentionError, match="GBR is a party"):
        meeting.run()


def test_bad_submissions() -> None:
    """Amendments to nothing, motions without a kind, reused names, unknown symbols."""
    with pytest.raises(InvalidFieldError, match="an amendment must name a draft"):
        _meeting().submit("amendment", kind=Kind.AMENDMENT, amends="nothing")
    with pytest.raises(InvalidFieldError, match="name the motion of rule 33"):
        _meeting().submit("motion", kind=Kind.MOTION)
    with pytest.raises(InvalidFieldError, match="its own symbol"):
        _meeting().submit("draft A").submit("draft A")
    with pytest.raises(UnknownRecordError):
        _meeting().withdraw("draft Z")

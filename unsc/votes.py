"""Votes, their count, and the kind of matter voted on.

Examples:
    >>> Vote.parse("Y"), Vote.parse("abstention"), Vote.parse("not participating")
    (<Vote.YES: 'yes'>, <Vote.ABSTAIN: 'abstain'>, <Vote.NOT_PARTICIPATING: 'not participating'>)
    >>> Tally.of([Vote.YES, Vote.YES, Vote.NO, Vote.ABSTAIN])
    Tally(yes=2, no=1, abstain=1, absent=0, not_participating=0)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from unsc._vocabulary import Vocabulary
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    UnknownKindError,
    UnknownMatterError,
    UnknownVoteError,
)

__all__ = ["Kind", "Matter", "Tally", "Vote"]


class Vote(Vocabulary):
    """How one member stood on one proposal.

    The UN's voting data writes ``Y``, ``N``, ``A`` and ``X``; ``X`` ("non-voting")
    covers both a member that was absent and one present that did not
    participate, which the record's note tells apart.
    """

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    NOT_PARTICIPATING = "not participating"

    @property
    def code(self) -> str:
        """The UN Digital Library's code for this vote: ``Y``, ``N``, ``A`` or ``X``."""
        return _CODES[self]

    @classmethod
    def spellings(cls, member: Vote) -> list[str]:
        """Its value, its name, the UN's code and the words for it ("Y", "abstention")."""
        return [member.value, member.name, *(w for w, v in _WORDS.items() if v is member)]

    @classmethod
    def refusal(cls, value: object) -> UnknownVoteError:
        """The error for a value that names none of these."""
        return UnknownVoteError(value)


_CODES = {
    Vote.YES: "Y",
    Vote.NO: "N",
    Vote.ABSTAIN: "A",
    Vote.ABSENT: "X",
    Vote.NOT_PARTICIPATING: "X",
}
_WORDS: dict[str, Vote] = {
    "y": Vote.YES,
    "yes": Vote.YES,
    "in favour": Vote.YES,
    "in favor": Vote.YES,
    "for": Vote.YES,
    "n": Vote.NO,
    "no": Vote.NO,
    "against": Vote.NO,
    "a": Vote.ABSTAIN,
    "abstain": Vote.ABSTAIN,
    "abstained": Vote.ABSTAIN,
    "abstaining": Vote.ABSTAIN,
    "abstention": Vote.ABSTAIN,
    "absent": Vote.ABSENT,
    "x": Vote.NOT_PARTICIPATING,
    "not participating": Vote.NOT_PARTICIPATING,
    "did not participate": Vote.NOT_PARTICIPATING,
    "non voting": Vote.NOT_PARTICIPATING,
}


#: Spellings read without normalising: the codes and words as usually written.
_EXACT: dict[str, Vote] = {
    **_WORDS,
    **{word.upper(): vote for word, vote in _WORDS.items()},
    **{word.capitalize(): vote for word, vote in _WORDS.items()},
}


def parse_votes(values: tuple[object, ...]) -> tuple[Vote | None, ...]:
    """Each of ``values`` read as a vote (``None`` stays ``None``), as
    [`Vote.parse`][unsc.votes.Vote.parse]
    reads it: codes and words found by one lookup each, anything else parsed.

    Raises:
        UnknownVoteError: For a value that is no vote.
    """
    try:
        return tuple(map(_EXACT.__getitem__, values))  # type: ignore[arg-type]
    except (KeyError, TypeError):  # None, another spelling, or no vote: parsed one by one
        return tuple(None if v is None else Vote.parse(v) for v in values)


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"Tally.{attribute.name}", value, "give a whole number of votes")
    if value < 0:
        raise InvalidFieldError(f"Tally.{attribute.name}", value, "a count cannot be negative")


@attrs.frozen(repr=False)
class Tally:
    """How many members voted each way.

    ``str(tally)`` gives the UN's way of writing a vote, in favour–against–abstaining.

    Attributes:
        yes: Votes in favour.
        no: Votes against.
        abstain: Abstentions.
        absent: Members absent.
        not_participating: Members present who did not take part in the vote.
        not_voting: Members who did not vote where the record does not say whether
            they were absent or did not participate (the UN's tables give only
            "in favour–against–abstaining"; the rest of the Council did not vote).
    """

    yes: int = attrs.field(default=0, validator=_count)
    no: int = attrs.field(default=0, validator=_count)
    abstain: int = attrs.field(default=0, validator=_count)
    absent: int = attrs.field(default=0, validator=_count)
    not_participating: int = attrs.field(default=0, validator=_count)
    not_voting: int = attrs.field(default=0, validator=_count)

    @classmethod
    def of(cls, votes: Iterable[Vote]) -> Tally:
        """Count ``votes``.

        Raises:
            InvalidTypeError: For anything but an iterable of votes, at the first that is
                not a [`Vote`][unsc.votes.Vote] (so a long run of junk is not read through).
        """
        if isinstance(votes, (str, bytes)) or not isinstance(votes, Iterable):
            raise InvalidTypeError("Tally.of(votes)", votes, "give votes, e.g. a ballot")
        counts = dict.fromkeys(Vote, 0)
        for vote in votes:
            if vote.__class__ is not Vote:
                raise InvalidTypeError("Tally.of(votes)", vote, "give Vote values: Vote.YES…")
            counts[vote] += 1
        return cls(
            counts[Vote.YES],
            counts[Vote.NO],
            counts[Vote.ABSTAIN],
            counts[Vote.ABSENT],
            counts[Vote.NOT_PARTICIPATING],
        )

    @property
    def total(self) -> int:
        """The number of members counted, whether or not they voted."""
        return (
            self.yes + self.no + self.abstain + self.absent + self.not_participating
            + self.not_voting
        )  # fmt: skip

    @property
    def idle(self) -> int:
        """Members who did not vote: absent, not participating, or either."""
        return self.absent + self.not_participating + self.not_voting

    def __str__(self) -> str:
        text = f"{self.yes}–{self.no}–{self.abstain}"
        if self.absent:
            text += f", {self.absent} absent"
        if self.not_participating:
            text += f", {self.not_participating} not participating"
        if self.not_voting:
            text += f", {self.not_voting} not voting"
        return text

    def __repr__(self) -> str:
        extra = f", not_voting={self.not_voting}" if self.not_voting else ""
        return (
            f"Tally(yes={self.yes}, no={self.no}, abstain={self.abstain}, absent={self.absent}, "
            f"not_participating={self.not_participating}{extra})"
        )


class Matter(Vocabulary):
    """What kind of decision a vote is, under Article 27 of the Charter."""

    SUBSTANTIVE = "substantive"
    """Article 27(3): the quota, including the concurring votes of the permanent members."""
    PROCEDURAL = "procedural"
    """Article 27(2): the quota of any members; no veto."""

    @classmethod
    def refusal(cls, value: object) -> UnknownMatterError:
        """The error for a value that names none of these."""
        return UnknownMatterError(value)


class Kind(Vocabulary):
    """What a proposal put to the vote is."""

    DRAFT = "draft resolution"
    """A draft resolution (adopted, it becomes a numbered resolution)."""
    AMENDMENT = "amendment"
    """An amendment to a draft, voted before the draft it amends."""
    MOTION = "procedural motion"
    """A procedural motion (rule 33), decided without a veto."""
    PRELIMINARY = "preliminary question"
    """Whether a matter is procedural: itself a substantive question (the double veto)."""

    @classmethod
    def noun(cls) -> str:
        """What a value of this vocabulary is called in messages."""
        return "a kind of proposal"

    @classmethod
    def spellings(cls, member: Kind) -> list[str]:
        """Its value, its name and the value's first word ("draft", "procedural")."""
        return [member.value, member.name, member.value.split()[0]]

    @classmethod
    def refusal(cls, value: object) -> UnknownKindError:
        """The error for a value that names none of these."""
        return UnknownKindError(value)

"""The rule's closed vocabularies: what becomes of a proposal
([`Outcome`][unsc.rules.Outcome]) and what the votes in favour are measured against
([`Majority`][unsc.rules.Majority]). Users import them from [`unsc.rules`][unsc.rules].

Examples:
    >>> from unsc.rules import Majority, Outcome
    >>> Outcome("Vetoed"), Majority.parse("present-and-voting")
    (<Outcome.VETOED: 'vetoed'>, <Majority.PRESENT_AND_VOTING: 'present and voting'>)
"""

from __future__ import annotations

from unsc._vocabulary import Vocabulary

__all__ = ["Majority", "Outcome"]


class Outcome(Vocabulary):
    """What became of a proposal, in the three categories the UN records."""

    ADOPTED = "adopted"
    """Adopted."""
    VETOED = "vetoed"
    """Not adopted owing to the negative vote of a permanent member."""
    INSUFFICIENT_VOTES = "insufficient votes"
    """Not adopted, having failed to obtain the required number of votes."""

    @classmethod
    def noun(cls) -> str:
        """What one outcome is called in an error message."""
        return "an outcome"


class Majority(Vocabulary):
    """What the votes in favour are measured against.

    The Charter counts them against the membership: nine of the fifteen members,
    however the others vote (Article 27). The General Assembly counts the members
    "present and voting", those casting a yes or a no (its rules of procedure, rules 85
    and 86; Article 18 of the Charter), so that an abstention counts for nothing and
    lowers the bar. Model UN often carries the Assembly's way into the Council; the two
    Assembly majorities are here to show what changes.
    """

    MEMBERS = "members"
    """The Charter: at least the quota of members in favour."""
    PRESENT_AND_VOTING = "present and voting"
    """More votes in favour than against (and at least the quota, usually 1)."""
    TWO_THIRDS_PRESENT_AND_VOTING = "two-thirds present and voting"
    """At least two-thirds of the yes and no votes in favour: twice as many yes as no."""

    @classmethod
    def noun(cls) -> str:
        """What one majority is called in an error message."""
        return "a majority"

"""What one seat can do in one decision ([`Role`][unsc.rules.Role]), and the proviso of
Article 27(3) that binds a party to a dispute: in decisions under Chapter VI and Article
52(3) ([`OBLIGATORY_ABSTENTION`][unsc.rules.OBLIGATORY_ABSTENTION]) it shall abstain, casting
only one of [`PARTY_VOTES`][unsc.rules.PARTY_VOTES]. [`roles`][unsc.rules.roles] gives every
seat its role; users import these names from [`unsc.rules`][unsc.rules].

Examples:
    >>> import unsc
    >>> from unsc.rules import roles
    >>> roles(unsc.Council.of_year(2023))["USA"]
    <Role USA: veto, blocks by no>
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from unsc.members import Member
from unsc.votes import Vote

__all__ = ["OBLIGATORY_ABSTENTION", "PARTY_VOTES", "Role"]

# Article 27(3), proviso: "in decisions under Chapter VI, and under paragraph 3 of
# Article 52, a party to a dispute shall abstain from voting".
OBLIGATORY_ABSTENTION = frozenset({"VI", "52(3)"})
_EVERY_VOTE = frozenset(Vote)
#: The votes a party obliged to abstain may cast.
PARTY_VOTES = frozenset({Vote.ABSTAIN, Vote.ABSENT, Vote.NOT_PARTICIPATING})


@attrs.frozen(repr=False)
class Role:
    """What one seat can do in one decision.

    Attributes:
        member: The seat's member.
        veto: Whether it holds a veto on this council.
        blocks: Its votes that block this decision: the rules' blocking votes for a
            veto holder on a substantive matter, nothing otherwise (a procedural matter,
            an elected seat, a party obliged to abstain).
        party: Whether it is a party to the dispute obliged to abstain (Article 27(3),
            in decisions under Chapter VI or Article 52(3)).
    """

    member: Member
    veto: bool
    blocks: frozenset[Vote]
    party: bool = False

    @property
    def can_block(self) -> bool:
        """Whether some vote of this seat blocks the decision."""
        return bool(self.blocks)

    @property
    def allowed(self) -> frozenset[Vote]:
        """The votes this seat may cast: all five, or no yes and no "no" for a party."""
        return PARTY_VOTES if self.party else _EVERY_VOTE

    def __repr__(self) -> str:
        what = [
            "veto" if self.veto else "no veto",
            "blocks by " + "/".join(v.value for v in _sorted(self.blocks))
            if self.blocks
            else "cannot block",
        ]
        if self.party:
            what.append("party obliged to abstain")
        return f"<Role {self.member.code}: {', '.join(what)}>"


def _sorted(votes: Iterable[Vote]) -> list[Vote]:
    order = list(Vote)
    return sorted(votes, key=order.index)

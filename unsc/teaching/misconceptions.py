"""The habits Model UN brings into the Council from the General Assembly, each beside the
Council's real rule and its source (``docs/mun.md``).

Examples:
    >>> [m.key for m in MISCONCEPTIONS][:2]
    ['mun-simple-majority', 'mun-present-and-voting']
    >>> print(MISCONCEPTIONS[3].belief)
    A permanent member that abstains vetoes the draft.
"""

from __future__ import annotations

import attrs

from unsc.rules import (
    ABSTENTION_VETO,
    PRESENT_AND_VOTING,
    PROCEDURAL_EIGHT,
    SIMPLE_MAJORITY,
    TWO_THIRDS_VOTING,
    Rules,
)

__all__ = ["MISCONCEPTIONS", "Misconception"]


@attrs.frozen(repr=False)
class Misconception:
    """A habit Model UN brings into the Council from the General Assembly.

    Attributes:
        key: Its key in [`unsc.rules.MISREADINGS`][unsc.rules.MISREADINGS].
        belief: What the chair or delegate believes, as they would say it.
        rule: The Council's real rule, with its source.
        rules: The misreading as [`Rules`][unsc.rules.Rules], to decide a vote by it.
    """

    key: str
    belief: str
    rule: str
    rules: Rules

    def __repr__(self) -> str:
        return f"<Misconception {self.key}>"


_NINE = "nine votes in favour, however many abstain or are absent"
#: The Model UN misconceptions, each with the real rule and its source (``docs/mun.md``).
MISCONCEPTIONS: tuple[Misconception, ...] = (
    Misconception(
        "mun-simple-majority",
        "A simple majority of the fifteen, eight votes, adopts a resolution.",
        f"A substantive decision needs {_NINE}, and no permanent member voting against "
        "(Article 27(3) of the Charter).",
        SIMPLE_MAJORITY,
    ),
    Misconception(
        "mun-present-and-voting",
        "A resolution passes with a majority of those present and voting: more yes than "
        "no, abstentions not counted.",
        f"The Council counts its members, not those voting: {_NINE} (Article 27(3)). "
        '"Present and voting" is the General Assembly\'s rule (Article 18; rules 85 and 86 '
        "of its rules of procedure).",
        PRESENT_AND_VOTING,
    ),
    Misconception(
        "mun-two-thirds",
        "A substantive resolution needs two-thirds of those present and voting, so every "
        "abstention lowers the bar.",
        f"An abstention never lowers the bar in the Council: {_NINE} (Article 27(3)). "
        "Two-thirds of those present and voting is the General Assembly's majority for "
        "important questions (Article 18(2)).",
        TWO_THIRDS_VOTING,
    ),
    Misconception(
        "mun-abstention-veto",
        "A permanent member that abstains vetoes the draft.",
        "Only a permanent member's vote against blocks. Since 1946 the Council has treated "
        "a permanent member's abstention as no bar to adoption, and the International Court "
        "of Justice confirmed the practice (Namibia advisory opinion, 1971, para. 22).",
        ABSTENTION_VETO,
    ),
    Misconception(
        "mun-procedural-eight",
        "Procedural votes pass with a simple majority of eight.",
        "Procedural decisions need nine votes in favour too, of any members, and there is "
        "no veto on them (Article 27(2)).",
        PROCEDURAL_EIGHT,
    ),
)

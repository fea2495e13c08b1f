"""The named rule sets: the Charter as practised, its literal reading, a reform idea, and
the misreadings Model UN brings from the General Assembly.

Each is a [`Rules`][unsc.rules.Rules], looked up by its key in
[`PRESETS`][unsc.rules.PRESETS] (``Rules.preset("literal-1965")``); the misreadings are also
in [`MISREADINGS`][unsc.rules.MISREADINGS], each named as one (``docs/mun.md``). Users
import them from [`unsc.rules`][unsc.rules].

Examples:
    >>> from unsc.rules import CHARTER_1965, TWO_VETOES
    >>> CHARTER_1965.quota, TWO_VETOES.vetoes_needed
    (9, 2)
"""

from __future__ import annotations

from unsc.rules.engine import Rules
from unsc.rules.vocabulary import Majority
from unsc.votes import Vote

__all__ = [
    "ABSTENTION_VETO",
    "CHARTER_1945",
    "CHARTER_1965",
    "LITERAL_1945",
    "LITERAL_1965",
    "MISREADINGS",
    "PRESENT_AND_VOTING",
    "PRESETS",
    "PROCEDURAL_EIGHT",
    "SIMPLE_MAJORITY",
    "TWO_THIRDS_VOTING",
    "TWO_VETOES",
]

_LITERAL = frozenset({Vote.NO, Vote.ABSTAIN, Vote.ABSENT, Vote.NOT_PARTICIPATING})

#: The Charter of 1945 as practised: 7 of 11, only a permanent "no" blocks.
CHARTER_1945 = Rules("Charter 1945, as practised", 7, source="Article 27(3), 1945 text")
#: The Charter as amended in 1965 (in force 31 August 1965; 15 seats from 1966), as practised.
CHARTER_1965 = Rules("Charter 1965, as practised", 9, source="Article 27(3), as amended in 1965")
#: Teaching variant: 1945 text read literally; any permanent member not voting yes blocks.
LITERAL_1945 = Rules(
    "Charter 1945, literal reading", 7, _LITERAL, source="Article 27(3) read literally"
)
#: Teaching variant: 1965 text read literally; any permanent member not voting yes blocks.
LITERAL_1965 = Rules(
    "Charter 1965, literal reading", 9, _LITERAL, source="Article 27(3) read literally"
)
#: Reform variant: a veto takes two permanent "no" votes.
TWO_VETOES = Rules(
    "Two-member veto (reform proposal)",
    9,
    vetoes_needed=2,
    source="reform proposal: a veto needs two permanent members voting no",
)
# The misreadings Model UN brings into the Council, each named as one (docs/mun.md).
#: Misreading: a simple majority of the fifteen, eight votes, adopts.
SIMPLE_MAJORITY = Rules(
    "Misreading: a simple majority (8 of 15)",
    8,
    source="a misreading; Article 27(3) asks for nine votes",
)
#: Misreading: more yes than no among those present and voting adopts (the General
#: Assembly's rules 85 and 86), so abstentions count for nothing.
PRESENT_AND_VOTING = Rules(
    "Misreading: a majority of those present and voting",
    1,
    majority=Majority.PRESENT_AND_VOTING,
    source="a misreading from the General Assembly's rules 85-86; "
    "Article 27(3) asks for nine votes",
)
#: Misreading: two-thirds of those present and voting (Article 18(2), for the General
#: Assembly's important questions), so that each abstention lowers the bar.
TWO_THIRDS_VOTING = Rules(
    "Misreading: two-thirds of those present and voting",
    1,
    majority=Majority.TWO_THIRDS_PRESENT_AND_VOTING,
    source="a misreading from Article 18(2) and the General Assembly's rule 86; "
    "Article 27(3) asks for nine votes",
)
#: Misreading: a permanent member's abstention blocks like a "no".
ABSTENTION_VETO = Rules(
    "Misreading: a permanent member's abstention is a veto",
    9,
    {Vote.NO, Vote.ABSTAIN},
    source="a misreading; since 1946 an abstention is not a veto: ICJ, Namibia, 1971, para. 22",
)
#: Misreading: procedural votes pass with eight; Article 27(2) asks nine.
PROCEDURAL_EIGHT = Rules(
    "Misreading: procedural votes need eight",
    9,
    procedural_quota=8,
    source="Article 27(3); the eight for procedural votes is a misreading of Article 27(2)",
)
#: The Model UN misreadings by key.
MISREADINGS: dict[str, Rules] = {
    "mun-simple-majority": SIMPLE_MAJORITY,
    "mun-present-and-voting": PRESENT_AND_VOTING,
    "mun-two-thirds": TWO_THIRDS_VOTING,
    "mun-abstention-veto": ABSTENTION_VETO,
    "mun-procedural-eight": PROCEDURAL_EIGHT,
}
#: Every preset by key.
PRESETS: dict[str, Rules] = {
    "charter-1945": CHARTER_1945,
    "charter-1965": CHARTER_1965,
    "literal-1945": LITERAL_1945,
    "literal-1965": LITERAL_1965,
    "two-vetoes": TWO_VETOES,
    **MISREADINGS,
}

"""The rules engine: how a vote of the Council is decided.

A [`Rules`][unsc.rules.Rules] object is plain data: the quota of affirmative votes, which
statuses of a veto holder block a substantive decision, and how many such
blocks it takes. [`Rules.outcome`][unsc.rules.Rules.outcome] is the Charter's rule on counts,
written once, and [`roles`][unsc.rules.roles] says what each seat can do in a decision;
[`Rules.count`][unsc.rules.Rules.count] counts a resolution's votes by them. The
[`Decision`][unsc.decision.Decision] that explains itself, and
[`decide`][unsc.decision.decide], are in [`unsc.decision`][unsc.decision].

The rules as the Council applies them (Article 27 of the Charter, and the
practice recorded in ``docs/rules.md``):

* Procedural matters (Art. 27(2)) pass with the quota of any members; no veto.
* Substantive matters (Art. 27(3)) need the quota *and* no permanent member
  voting against. Abstention, absence and non-participation do not block.
* A permanent member's "no" is recorded as a veto only when the draft otherwise
  had the quota. Short of it, the draft failed for lack of votes, whoever voted no.

Presets: [`CHARTER_1945`][unsc.rules.CHARTER_1945] (7 of 11) and
[`CHARTER_1965`][unsc.rules.CHARTER_1965] (9 of 15) as
practised; [`LITERAL_1945`][unsc.rules.LITERAL_1945] and [`LITERAL_1965`][unsc.rules.LITERAL_1965],
the literal reading under which a permanent member's abstention or absence also blocks; and
[`TWO_VETOES`][unsc.rules.TWO_VETOES], a reform idea under which a veto takes two permanent "no"
votes.

The misreadings Model UN brings from the General Assembly are presets too, each named as
a misreading (``docs/mun.md``): [`SIMPLE_MAJORITY`][unsc.rules.SIMPLE_MAJORITY] (8 of 15),
[`PRESENT_AND_VOTING`][unsc.rules.PRESENT_AND_VOTING] (more yes than no),
[`TWO_THIRDS_VOTING`][unsc.rules.TWO_THIRDS_VOTING] (abstentions lower the bar),
[`ABSTENTION_VETO`][unsc.rules.ABSTENTION_VETO] and
[`PROCEDURAL_EIGHT`][unsc.rules.PROCEDURAL_EIGHT]. A [`Majority`][unsc.rules.Majority]
other than the Charter's counts the votes against as well as those in favour.
"""

# One idea a module: the rule as data and what it makes of one decision (engine), what one
# seat can do (role), the named rule sets (presets), what becomes of a proposal and what the
# yes votes are measured against (vocabulary). Every name is imported from here.
from unsc.rules.engine import Roles, Rules, roles
from unsc.rules.presets import (
    ABSTENTION_VETO,
    CHARTER_1945,
    CHARTER_1965,
    LITERAL_1945,
    LITERAL_1965,
    MISREADINGS,
    PRESENT_AND_VOTING,
    PRESETS,
    PROCEDURAL_EIGHT,
    SIMPLE_MAJORITY,
    TWO_THIRDS_VOTING,
    TWO_VETOES,
)
from unsc.rules.role import OBLIGATORY_ABSTENTION, PARTY_VOTES, Role
from unsc.rules.vocabulary import Majority, Outcome

__all__ = [
    "ABSTENTION_VETO",
    "CHARTER_1945",
    "CHARTER_1965",
    "LITERAL_1945",
    "LITERAL_1965",
    "MISREADINGS",
    "OBLIGATORY_ABSTENTION",
    "PARTY_VOTES",
    "PRESENT_AND_VOTING",
    "PRESETS",
    "PROCEDURAL_EIGHT",
    "SIMPLE_MAJORITY",
    "TWO_THIRDS_VOTING",
    "TWO_VETOES",
    "Majority",
    "Outcome",
    "Role",
    "Roles",
    "Rules",
    "roles",
]

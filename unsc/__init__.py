"""unsc: simulate, replay and analyse votes of the UN Security Council.

The core, in the order the modules build on one another::

    errors -> members -> votes -> rules -> council -> decision -> resolution

Examples:
    >>> import unsc
    >>> council = unsc.Council.of_year(2023)
    >>> draft = unsc.Resolution("S/2023/772", council=council).with_votes(
    ...     yes="CHN GAB MOZ RUS ARE", no="FRA JPN GBR USA", abstain="ALB BRA ECU GHA MLT CHE")
    >>> unsc.decide(draft).outcome
    <Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>
"""

# First: a Ctrl-C while the rest loads ends the `unsc` command in one line.
from unsc import _command  # noqa: F401  # isort: skip

import importlib
from typing import TYPE_CHECKING, Any

from unsc import errors
from unsc.council import Council
from unsc.decision import Decision, decide
from unsc.errors import UNSCError
from unsc.members import Member
from unsc.resolution import Resolution
from unsc.rules import Outcome, Rules
from unsc.votes import Matter, Tally, Vote

if TYPE_CHECKING:
    from unsc.batch import Outcomes, decide_many

__all__ = [
    "Council",
    "Decision",
    "Matter",
    "Member",
    "Outcome",
    "Outcomes",
    "Resolution",
    "Rules",
    "Tally",
    "UNSCError",
    "Vote",
    "decide",
    "decide_many",
    "errors",
    "history",
]

__version__ = "0.1.0.dev0"

# Namespaces load on first use, so that `import unsc` stays light: `unsc.history`,
# `from unsc import analysis` and the like import them then.
_LAZY = (
    "analysis", "batch", "history", "procedure", "reform", "serial", "strategies", "teaching",
)  # fmt: skip


# Deciding many records at once loads with its first use too.
_BATCH = ("Outcomes", "decide_many")


def __getattr__(name: str) -> Any:  # PEP 562: the lazy namespaces and names
    if name in _LAZY:
        return importlib.import_module(f"unsc.{name}")
    if name in _BATCH:
        value = getattr(importlib.import_module("unsc.batch"), name)
        globals()[name] = value
        return value
    msg = f"module 'unsc' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_BATCH})

"""The history of the Council: every council since 1946, every decision since 1946
(adopted and failed alike), the vetoes, and the UN's own voting data replayed.

Examples:
    >>> from unsc import history
    >>> history.get("S/2023/773").recorded
    <Outcome.VETOED: 'vetoed'>
    >>> history.replay("S/RES/83 (1950)").agrees
    True
"""

import importlib
from typing import TYPE_CHECKING, Any

from unsc.history.cache import DataStatus, download
from unsc.history.extent import Extent, Gap
from unsc.history.records import RecordList, extent, gaps, get, records, symbols
from unsc.history.replay import (
    Replay,
    ReplayReport,
    ReplayResult,
    ReplayStatus,
    UndlReport,
    replay,
    replay_all,
    replay_table,
    replay_undl,
    replays_as_table,
)
from unsc.history.summary import Summary, coverage, summary
from unsc.history.vetoes import CONVENTIONS, Convention, Veto, VetoList, vetoes

if TYPE_CHECKING:
    from unsc.history.merge import Conflict, load
    from unsc.history.tidy import VOTE_COLUMNS, VoteRow, VoteTable, votes
    from unsc.history.undl import PROCEDURAL, TotalsMismatch, UndlReader, load_undl

__all__ = [
    "CONVENTIONS",
    "PROCEDURAL",
    "VOTE_COLUMNS",
    "Conflict",
    "Convention",
    "DataStatus",
    "Extent",
    "Gap",
    "RecordList",
    "Replay",
    "ReplayReport",
    "ReplayResult",
    "ReplayStatus",
    "Summary",
    "TotalsMismatch",
    "UndlReader",
    "UndlReport",
    "Veto",
    "VetoList",
    "VoteRow",
    "VoteTable",
    "coverage",
    "download",
    "extent",
    "gaps",
    "get",
    "load",
    "load_undl",
    "records",
    "replay",
    "replay_all",
    "replay_table",
    "replay_undl",
    "replays_as_table",
    "summary",
    "symbols",
    "vetoes",
    "votes",
]

# The UN file's reader and merge, and the tidy table of votes, load on first use (PEP 562):
# looking up or replaying a decision does not pay for them. (The names that are also
# submodules, such as records and replay, are bound above, so the function is what
# ``history.records`` gives whatever has been imported.)
_LAZY = {
    "Conflict": "merge",
    "load": "merge",
    "VOTE_COLUMNS": "tidy",
    "VoteRow": "tidy",
    "VoteTable": "tidy",
    "votes": "tidy",
    "PROCEDURAL": "undl",
    "TotalsMismatch": "undl",
    "UndlReader": "undl",
    "load_undl": "undl",
}


#: The submodules loaded on first use, reached as attributes too (``history.undl``).
_SUBMODULES = frozenset(_LAZY.values())


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"unsc.history.{name}")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'unsc.history' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"unsc.history.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})

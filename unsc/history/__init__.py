"""The history of the Council: every council since 1946, every decision since 1946
(adopted and failed alike), the vetoes, and the UN's own voting data replayed.

Examples:
    >>> from unsc import history
    >>> history.get("S/2023/773").recorded
    <Outcome.VETOED: 'vetoed'>
    >>> history.replay("S/RES/83 (1950)").agrees
    True
"""

from unsc.history.cache import DataStatus, download
from unsc.history.extent import Extent, Gap
from unsc.history.merge import Conflict, load
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
from unsc.history.tidy import VOTE_COLUMNS, VoteRow, VoteTable, votes
from unsc.history.undl import PROCEDURAL, TotalsMismatch, UndlReader, load_undl
from unsc.history.vetoes import CONVENTIONS, Convention, Veto, VetoList, vetoes

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

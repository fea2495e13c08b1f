"""The history of the Council: every council since 1946, the votes on record, the vetoes,
and the UN's own voting data replayed through the engine.

>>> from unsc import history
>>> history.get("S/2023/773").recorded
<Outcome.VETOED: 'vetoed'>
>>> history.replay("S/RES/83 (1950)").agrees
True
"""

from unsc.history.records import Replay, get, records, replay, replay_table, symbols
from unsc.history.undl import (
    PROCEDURAL,
    TotalsMismatch,
    UndlReader,
    UndlReport,
    load_undl,
    replay_undl,
)
from unsc.history.vetoes import Veto, VetoList, vetoes

__all__ = [
    "PROCEDURAL",
    "Replay",
    "TotalsMismatch",
    "UndlReader",
    "UndlReport",
    "Veto",
    "VetoList",
    "get",
    "load_undl",
    "records",
    "replay",
    "replay_table",
    "replay_undl",
    "symbols",
    "vetoes",
]

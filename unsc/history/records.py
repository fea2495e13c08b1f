"""The votes unsc has on record, and replaying them through the engine.

Each record is a :class:`~unsc.Resolution` with every member's vote, the outcome the
UN recorded (``recorded``) and its sources. Nothing is invented: where a fact is
derived or comes from a secondary source, the record's ``note`` says so.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
from collections.abc import Iterable
from typing import Any

import attrs
from tabulate import tabulate

from unsc import data
from unsc._frames import frame
from unsc.council import Council
from unsc.errors import UnknownRecordError
from unsc.members import Member, resolve
from unsc.resolution import Resolution
from unsc.rules import Decision, Outcome, Rules
from unsc.votes import Vote

__all__ = ["RecordList", "Replay", "get", "records", "replay", "symbols"]


class RecordList(tuple[Resolution, ...]):
    """Votes on record: a tuple of resolutions that also shows itself as a table."""

    __slots__ = ()

    #: The columns of :meth:`rows` and :meth:`table`.
    COLUMNS = ("symbol", "date", "vote", "recorded", "vetoed by", "topic")

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """One row per vote: symbol, date, tally, recorded outcome, vetoes, topic."""
        return [
            (
                r.symbol,
                r.date.isoformat() if r.date else "",
                str(r.tally),
                r.recorded.value if r.recorded else "",
                " ".join(_recorded_vetoes(r)),
                r.topic,
            )
            for r in self
        ]

    def table(self, fmt: str = "simple") -> str:
        """One row per vote: symbol, date, tally, recorded outcome, vetoes, topic."""
        return tabulate(self.rows(), headers=self.COLUMNS, tablefmt=fmt)

    def to_dataframe(self) -> Any:
        """One row per vote (needs the ``pandas`` extra)."""
        columns = ("symbol", "date", "yes", "no", "abstain", "recorded", "vetoed_by", "topic")
        rows = [
            {"symbol": r.symbol, "date": r.date, "yes": r.tally.yes, "no": r.tally.no,
             "abstain": r.tally.abstain, "recorded": r.recorded.value if r.recorded else None,
             "vetoed_by": " ".join(_recorded_vetoes(r)), "topic": r.topic}
            for r in self
        ]  # fmt: skip
        return frame(rows, columns)

    def _repr_html_(self) -> str:
        return self.table("html")

    def __str__(self) -> str:
        return self.table()


def _key(symbol: str) -> str:
    """Symbols match whatever their spacing and case: S/RES/2712(2023) is S/RES/2712 (2023)."""
    return "".join(symbol.split()).casefold()


@functools.cache
def _records() -> dict[str, Resolution]:
    text = data.read_text("records.json")
    table: dict[str, Resolution] = {}
    for raw in json.loads(text):
        day = datetime.date.fromisoformat(raw["date"])
        record = Resolution(
            raw["symbol"],
            council=Council.of_date(day),
            date=day,
            title=raw["title"],
            sponsors=raw["sponsors"],
            matter=raw["matter"],
            meeting=raw["meeting"],
            topic=raw["topic"],
            amends=raw["amends"],
            recorded=raw["recorded"],
            sources=raw["sources"],
            note=raw["note"],
        ).with_votes(**raw["votes"], complete=True)
        table[_key(record.symbol)] = record
    return table


def symbols() -> tuple[str, ...]:
    """The symbols (or, for drafts without one on record, the names) of every record."""
    return tuple(r.symbol for r in _records().values())


def get(symbol: str) -> Resolution:
    """The vote on record under ``symbol``, with every member's vote and the recorded outcome.

    >>> from unsc import history
    >>> record = history.get("S/2023/772")
    >>> record.recorded, str(record.tally)
    (<Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>, '5–4–6')

    Raises:
        UnknownRecordError: If nothing is on record under ``symbol``; the error
            lists close matches.
    """
    table = _records()
    found = table.get(_key(symbol))
    if found is None:
        names = {_key(r.symbol): r.symbol for r in table.values()}
        close = _close_matches(_key(symbol), list(names), n=3, cutoff=0.6)
        raise UnknownRecordError(symbol, [names[c] for c in close])
    return found


def records(
    *,
    year: int | None = None,
    outcome: Outcome | str | None = None,
    vetoed_by: str | Member | None = None,
    topic: str | None = None,
) -> RecordList:
    """The votes on record, oldest first, filtered by any of:

    Args:
        year: The year of the vote.
        outcome: The recorded outcome (an :class:`~unsc.Outcome` or its name).
        vetoed_by: A permanent member (code, name or alias) whose negative vote
            was recorded as a veto.
        topic: The record's topic, case-insensitive (``"Gaza"``, ``"Korea"``).

    Examples:
        >>> from unsc import history
        >>> [r.symbol for r in history.records(year=2023, vetoed_by="USA")]
        ['S/2023/773']
    """
    wanted = Outcome.parse(outcome) if outcome is not None else None
    vetoer = vetoed_by.code if isinstance(vetoed_by, Member) else vetoed_by
    vetoer = resolve(vetoer) if vetoer is not None else None
    found = []
    for record in sorted(_records().values(), key=_order):
        if year is not None and (record.date is None or record.date.year != year):
            continue
        if wanted is not None and record.recorded is not wanted:
            continue
        if topic is not None and record.topic.casefold() != topic.casefold():
            continue
        if vetoer is not None and vetoer not in _recorded_vetoes(record):
            continue
        found.append(record)
    return RecordList(found)


def _order(record: Resolution) -> tuple[datetime.date, str]:
    return (record.date or datetime.date.min, record.symbol)


def _recorded_vetoes(record: Resolution) -> tuple[str, ...]:
    """Codes of the veto holders whose no the record counts as a veto."""
    if record.recorded is not Outcome.VETOED:
        return ()
    council = record.council
    return tuple(
        council.members[i].code for i in council.veto_index if record.ballot[i] is Vote.NO
    )


@attrs.frozen
class Replay:
    """The engine's decision on a vote, beside the outcome the UN recorded.

    Attributes:
        decision: What the engine decided.
        recorded: The outcome on record (``None`` if the record has none).
    """

    decision: Decision
    recorded: Outcome | None

    @property
    def resolution(self) -> Resolution:
        """The vote replayed."""
        return self.decision.resolution

    @property
    def agrees(self) -> bool:
        """Whether the engine reached the recorded outcome (True when nothing is recorded)."""
        return self.recorded is None or self.recorded is self.decision.outcome

    @property
    def reason(self) -> str:
        """Why the engine and the record differ, in words; empty when they agree."""
        if self.agrees or self.recorded is None:
            return ""
        decision = self.decision
        why = {
            Outcome.VETOED: "a permanent member voted no ("
            + ", ".join(m.code for m in decision.vetoed_by)
            + f") with {decision.tally.yes} in favour",
            Outcome.INSUFFICIENT_VOTES: f"only {decision.tally.yes} in favour where "
            f"{decision.rules.quota} are required",
            Outcome.ADOPTED: "the votes meet the rules",
        }[decision.outcome]
        if self.recorded is Outcome.ADOPTED and decision.outcome is Outcome.VETOED:
            why += "; if the Council treated it as procedural, it belongs on the procedural list"
        return (
            f"recorded {self.recorded.value}, engine says {decision.outcome.value}: "
            f"{why} ({decision.resolution.matter.value} matter, {decision.tally})"
        )

    def table(self, fmt: str = "simple") -> str:
        """One row: symbol, date, tally, recorded and decided outcomes, and agreement."""
        return tabulate([self._row()], headers=_REPLAY_HEADERS, tablefmt=fmt)

    def _row(self) -> tuple[str, str, str, str, str, str]:
        res = self.resolution
        return (
            res.symbol,
            res.date.isoformat() if res.date else "",
            str(self.decision.tally),
            self.recorded.value if self.recorded else "—",
            self.decision.outcome.value,
            "yes" if self.agrees else "NO",
        )

    def _repr_html_(self) -> str:
        note = f"<p>Disagreement: {html.escape(self.reason)}</p>" if not self.agrees else ""
        return self.table("html") + note + self.decision._repr_html_()

    def __str__(self) -> str:
        text = self.table() + "\n\n" + self.decision.explain()
        if not self.agrees:
            text += "\n\nDisagreement: " + self.reason
        return text


_REPLAY_HEADERS = ("symbol", "date", "vote", "recorded", "engine", "agrees")


def replay(symbol: str | Resolution, rules: Rules | None = None) -> Replay:
    """Decide a vote on record by the engine and set the result beside the record.

    >>> from unsc import history
    >>> result = history.replay("S/2023/772")
    >>> result.agrees, result.decision.outcome
    (True, <Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>)

    Args:
        symbol: A symbol on record, or a :class:`~unsc.Resolution` with ``recorded`` set.
        rules: Rules to decide by; by default those of the record's council.

    Raises:
        UnknownRecordError: If ``symbol`` is not on record.
    """
    record = get(symbol) if isinstance(symbol, str) else symbol
    return Replay(record.decide(rules), record.recorded)


def replay_table(replays: Iterable[Replay], fmt: str = "simple") -> str:
    """Several replays as one table."""
    return tabulate([r._row() for r in replays], headers=_REPLAY_HEADERS, tablefmt=fmt)


def _close_matches(word: str, possibilities: list[str], n: int, cutoff: float) -> list[str]:
    """difflib's close matches, imported only when an error needs suggestions."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)

"""Replaying the record through the engine: each decision beside the outcome the UN
recorded, one at a time or all at once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from unsc._args import as_position
from unsc._prose import wrap
from unsc._table import Table, Tabular
from unsc._vocabulary import Vocabulary
from unsc.decision import Decision
from unsc.errors import DataError, InvalidTypeError, NoSuchEntryError
from unsc.history._store import items_of, records_of, symbol_key
from unsc.history.records import get
from unsc.resolution import Resolution
from unsc.rules import Outcome, Rules

if TYPE_CHECKING:  # the UN file's reader loads when a file is replayed
    from unsc.history.undl import TotalsMismatch

__all__ = [
    "Replay",
    "ReplayReport",
    "ReplayResult",
    "ReplayStatus",
    "UndlReport",
    "replay",
    "replay_all",
    "replay_table",
    "replay_undl",
    "replays_as_table",
]


@attrs.frozen
class Replay(Tabular):
    """The engine's decision on a vote, beside the outcome the UN recorded.

    As a table: one row (symbol, date, tally, recorded and decided outcomes, agreement),
    the engine's explanation beneath and, where the two differ, why; in a notebook, the
    chamber drawn after it. Its CSV, JSON and DataFrame give the row's values.

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
        return _disagreement(self.decision, self.recorded)

    def as_table(self) -> Table:
        """One row: symbol, date, tally, recorded and decided outcomes, and agreement; the
        explanation beneath, then the reason for a disagreement."""
        return Table(
            _REPLAY_HEADERS,
            [self._row()],
            caption=wrap(self.decision.explain()),
            paragraphs=() if self.agrees else (f"Disagreement: {self.reason}",),
            data=[self._data()],
            data_columns=_REPLAY_DATA,
        )

    def _data(self) -> dict[str, Any]:
        res = self.resolution
        return {
            "symbol": res.symbol,
            "date": res.date,
            "vote": str(self.decision.tally),
            "recorded": self.recorded.value if self.recorded else None,
            "engine": self.decision.outcome.value,
            "agrees": self.agrees,
            "reason": self.reason,
        }

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

    def _repr_html_(self) -> str:  # the table, then the chamber as the engine decided it
        return self.as_table().html() + self.decision.svg()

    def __repr__(self) -> str:
        verdict = "agrees" if self.agrees else "disagrees"
        return f"<Replay {self.resolution.symbol}: {self.decision.outcome.value}, {verdict}>"


def _disagreement(decision: Decision, recorded: Outcome) -> str:
    rules, tally = decision.rules, decision.tally
    need = rules.requirement(decision.resolution.matter)
    why = {
        Outcome.VETOED: f"blocked by {', '.join(m.code for m in decision.vetoed_by)} with "
        f"{tally.yes} in favour",
        Outcome.INSUFFICIENT_VOTES: f"only {tally.yes} in favour where {need} are required",
        Outcome.ADOPTED: "the votes meet the rules",
    }[decision.outcome]
    if recorded is Outcome.ADOPTED and decision.outcome is Outcome.VETOED and rules.practice:
        why += "; if the Council treated it as procedural, it belongs on the procedural list"
    if recorded is Outcome.INSUFFICIENT_VOTES and decision.outcome is not recorded:
        why += f"; {tally.yes} in favour and {tally.no} against meet {need}"
    under = "" if rules is decision.resolution.council.rules else f" under {rules.name!r}"
    return (
        f"recorded {recorded.value}, engine says {decision.outcome.value}{under}: "
        f"{why} ({decision.resolution.matter.value} matter, {tally})"
    )


_REPLAY_HEADERS = ("symbol", "date", "vote", "recorded", "engine", "agrees")
#: The data of a replay (CSV, JSON, DataFrame): the row's values and the reason.
_REPLAY_DATA = ("symbol", "date", "vote", "recorded", "engine", "agrees", "reason")


def replay(symbol: str | int | Resolution, rules: Rules | None = None) -> Replay:
    """Decide a vote on record by the engine and set the result beside the record.

    Examples:
        >>> from unsc import history
        >>> result = history.replay("S/2023/772")
        >>> result.agrees, result.decision.outcome
        (True, <Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>)

    Args:
        symbol: A symbol or resolution number on record, or a
            [`Resolution`][unsc.resolution.Resolution] with ``recorded`` set.
        rules: Rules to decide by; by default those of the record's council.

    Raises:
        UnknownRecordError: If ``symbol`` is not on record.
        UnknownVotesError: If the record's votes are not on record (or leave the outcome
            open under these rules).
    """
    record = symbol if isinstance(symbol, Resolution) else get(symbol)
    if not record.complete:
        from unsc.errors import UnknownVotesError

        raise UnknownVotesError(
            record.symbol,
            "its tally is not on record (recorded "
            f"{record.recorded.value if record.recorded else '?'}), so the engine has nothing "
            "to decide",
        )
    return Replay(record.decide(rules), record.recorded)


def replay_table(replays: Iterable[Replay], fmt: str = "simple") -> str:
    """Several replays as one table, one row each (CSV and JSON with each reason too).

    Raises:
        InvalidTypeError: If ``replays`` is not an iterable of replays.
        UnknownChoiceError: For a format that is none of tabulate's, ``csv`` or ``json``.
    """
    chosen = items_of(replays, Replay, "replay_table(replays)", "replays from history.replay()")
    return _replay_rows(chosen).render(fmt)


def replays_as_table(replays: Iterable[Replay]) -> Table:
    """Several replays as one ``Table``, one row each, nothing beneath
    (what [`replay_table`][unsc.history.replay.replay_table] renders).

    Raises:
        InvalidTypeError: If ``replays`` is not an iterable of replays.
    """
    chosen = items_of(
        replays, Replay, "replays_as_table(replays)", "replays from history.replay()"
    )
    return _replay_rows(chosen)


def _replay_rows(chosen: Sequence[Replay]) -> Table:
    return Table(
        _REPLAY_HEADERS,
        [r._row() for r in chosen],
        data=[r._data() for r in chosen],
        data_columns=_REPLAY_DATA,
    )


class ReplayStatus(Vocabulary):
    """What replaying a record found: the engine agrees with the record, disagrees, or had
    nothing to decide from."""

    AGREES = "agrees"
    """The engine reached the recorded outcome (or nothing is recorded to differ from)."""
    DISAGREES = "disagrees"
    """The engine reached another outcome than the recorded one."""
    UNCHECKED = "unchecked"
    """Nothing to decide from: the tally, or a member's vote the rules need, is not on
    record."""

    @classmethod
    def noun(cls) -> str:
        """What a value of this vocabulary is called in messages."""
        return "a replay status"


def _status(value: ReplayStatus | str) -> ReplayStatus:
    return ReplayStatus.parse(value)


@attrs.frozen(repr=False)
class ReplayResult:
    """One record replayed, as a line of a [`ReplayReport`][unsc.history.replay.ReplayReport].

    Attributes:
        record: The record.
        engine: What the engine decided, or ``None`` when it could not decide.
        status: A [`ReplayStatus`][unsc.history.replay.ReplayStatus] (given as one or as its
            value: ``"agrees"``, ``"disagrees"`` or ``"unchecked"``).
        reason: For a disagreement or an unchecked record, why.
    """

    record: Resolution
    engine: Outcome | None
    status: ReplayStatus = attrs.field(converter=_status)
    reason: str = ""

    @property
    def agrees(self) -> bool:
        """Whether the engine reached the recorded outcome."""
        return self.status is ReplayStatus.AGREES

    def __repr__(self) -> str:
        return f"<ReplayResult {self.record.symbol}: {self.status.value}>"


@attrs.frozen(repr=False)
class ReplayReport(Tabular):
    """The engine beside every recorded outcome: a sequence of
    [`ReplayResult`][unsc.history.replay.ReplayResult], indexed by position or by symbol.

    As a table: the summary, then every disagreement and unchecked record with its reason;
    its CSV, JSON and DataFrame give one row per record replayed, with its status.

    Attributes:
        results: One result per record, in the record's order.
        rules: The rules decided by (``None``: each record's council's own).
    """

    results: tuple[ReplayResult, ...]
    rules: Rules | None = None

    @property
    def agreed(self) -> int:
        """How many records the engine decides as the UN recorded them."""
        return sum(1 for r in self.results if r.status is ReplayStatus.AGREES)

    @property
    def disagreements(self) -> tuple[ReplayResult, ...]:
        """Every record the engine decides otherwise, with the reason."""
        return tuple(r for r in self.results if r.status is ReplayStatus.DISAGREES)

    @property
    def unchecked(self) -> tuple[ReplayResult, ...]:
        """Records with nothing to decide from (no tally on record), with the reason."""
        return tuple(r for r in self.results if r.status is ReplayStatus.UNCHECKED)

    def summary(self) -> str:
        """One line: how many records, how many agree, how many could not be checked."""
        return (
            f"{len(self.results):,} decisions replayed: the engine agrees with the recorded "
            f"outcome on {self.agreed:,}, disagrees on {len(self.disagreements)}; "
            f"{len(self.unchecked)} have no tally on record to decide from"
        )

    def as_table(self) -> Table:
        """The summary, then every disagreement and unchecked record with its reason (the
        records that agree are in the data: CSV, JSON, the DataFrame)."""
        columns = ("symbol", "date", "recorded", "status", "reason")
        rows = [
            (r.record.symbol, r.record.date.isoformat() if r.record.date else "",
             r.record.recorded.value if r.record.recorded else "", r.status.value, r.reason)
            for r in (*self.disagreements, *self.unchecked)
        ]  # fmt: skip
        data = [
            {"symbol": r.record.symbol, "date": r.record.date,
             "recorded": r.record.recorded.value if r.record.recorded else None,
             "engine": r.engine.value if r.engine else None, "status": r.status.value,
             "reason": r.reason}
            for r in self.results
        ]  # fmt: skip
        return Table(
            columns,
            rows,
            sections=(Table((), (), caption=self.summary()),),
            data=data,
            data_columns=("symbol", "date", "recorded", "engine", "status", "reason"),
        )

    def __iter__(self) -> Iterator[ReplayResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @overload
    def __getitem__(self, key: int | str) -> ReplayResult: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[ReplayResult, ...]: ...
    def __getitem__(self, key: int | str | slice) -> ReplayResult | tuple[ReplayResult, ...]:
        if isinstance(key, str):
            wanted = symbol_key(key)
            for result in self.results:
                if symbol_key(result.record.symbol) == wanted:
                    return result
            raise NoSuchEntryError("a record in this report", key, ())
        if isinstance(key, slice):
            return self.results[key]
        return self.results[as_position(key, len(self.results), "a position in this report")]

    def __repr__(self) -> str:
        return (
            f"<ReplayReport: {len(self.results):,} decisions, {self.agreed:,} agree, "
            f"{len(self.disagreements)} disagree, {len(self.unchecked)} unchecked>"
        )


def replay_all(
    records: Iterable[Resolution] | None = None, *, rules: Rules | None = None
) -> ReplayReport:
    """Replay every decision on record (or ``records``) and compare with the UN's record.

    The records come first and the rules by name, as everywhere in unsc (``agreement``,
    ``backtest``, ``summary`` read records first; ``rules=`` is always named).

    A record known by its counts is decided from them; a record with no tally on record
    is reported as unchecked, not guessed at.

    Examples:
        >>> from unsc import history
        >>> report = history.replay_all()
        >>> len(report.disagreements)
        0

    Args:
        records: The records to replay; every decision on record by default.
        rules: Rules to decide every record by; by default each record's council's own.

    Raises:
        InvalidTypeError: For rules given first, as an earlier version took them: the
            message shows the call that works (``replay_all(records, rules=...)``).
    """
    from unsc.errors import UnknownVotesError

    if isinstance(records, Rules):
        raise InvalidTypeError(
            "replay_all(records)", records, "the rules go by name: replay_all(rules=...)"
        )
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("replay_all(rules)", rules, "give a unsc.Rules or None")
    chosen = records_of(records, "replay_all(records)")
    results = []
    for record in chosen:
        if not record.complete:
            results.append(
                ReplayResult(record, None, ReplayStatus.UNCHECKED, "the tally is not on record")
            )
            continue
        decider = rules or record.council.rules
        try:
            outcome = decider.outcome_of(record)
        except UnknownVotesError as exc:
            results.append(ReplayResult(record, None, ReplayStatus.UNCHECKED, exc.missing))
            continue
        if record.recorded is None or outcome is record.recorded:
            results.append(ReplayResult(record, outcome, ReplayStatus.AGREES))
        else:
            reason = _disagreement(decider.decide(record), record.recorded)
            results.append(ReplayResult(record, outcome, ReplayStatus.DISAGREES, reason))
    return ReplayReport(tuple(results), rules)


# -- the UN's voting file replayed ---------------------------------------------------------


@attrs.frozen(repr=False)
class UndlReport(Tabular):
    """What the engine made of a UN voting-data file.

    As a table: the summary, each disagreement (its row, then its reason), the totals
    mismatches and the problems; its CSV and DataFrame give one row per disagreement, its
    JSON the whole report (file, counts, disagreements, mismatches, problems).

    Attributes:
        path: The file.
        resolutions: How many resolutions were read.
        agreed: How many the engine decided as recorded.
        disagreements: Every replay that disagrees, with its reason.
        problems: Problems set aside under ``strict=False``.
        mismatches: Resolutions whose totals disagree with their member rows.
    """

    path: str
    resolutions: int
    agreed: int
    disagreements: tuple[Replay, ...]
    problems: tuple[DataError, ...]
    mismatches: tuple[TotalsMismatch, ...]

    @property
    def clean(self) -> bool:
        """No disagreement, problem or mismatch."""
        return not (self.disagreements or self.problems or self.mismatches)

    def __repr__(self) -> str:
        return (
            f"<UndlReport {self.path}: {self.resolutions} resolutions, {self.agreed} agree, "
            f"{len(self.disagreements)} disagree>"
        )

    def summary(self) -> str:
        """One line: how many resolutions, how many agree, what else was found."""
        return (
            f"{self.path}: {self.resolutions} resolutions, engine agrees on {self.agreed}, "
            f"disagrees on {len(self.disagreements)}; {len(self.mismatches)} totals "
            f"mismatches; {len(self.problems)} problems"
        )

    def as_table(self) -> Table:
        """The summary; each disagreement's row, then each reason; the totals mismatches;
        each problem."""
        disagreements = attrs.evolve(
            replays_as_table(self.disagreements),
            paragraphs=[f"{r.resolution.symbol}: {r.reason}" for r in self.disagreements],
        )
        mismatches = Table(
            ("resolution", "line", "totals", "rows"),
            [(m.symbol, m.line, "-".join(map(str, m.stated)), "-".join(map(str, m.counted)))
             for m in self.mismatches],
        )  # fmt: skip
        columns = ("symbol", "date", "vote", "recorded", "engine", "reason")
        rows = [
            {"symbol": r.resolution.symbol, "date": r.resolution.date,
             "vote": str(r.decision.tally), "recorded": r.recorded.value if r.recorded else None,
             "engine": r.decision.outcome.value, "reason": r.reason}
            for r in self.disagreements
        ]  # fmt: skip
        document = {
            "file": self.path,
            "resolutions": self.resolutions,
            "agreed": self.agreed,
            "disagreements": rows,
            "mismatches": [str(m) for m in self.mismatches],
            "problems": [str(p) for p in self.problems],
        }
        return Table(
            (),
            (),
            sections=(Table((), (), caption=self.summary()), disagreements, mismatches),
            paragraphs=[str(p) for p in self.problems],
            data=document,
            data_columns=columns,
            data_rows="disagreements",
        )


def replay_undl(
    path: str | os.PathLike[str],
    *,
    strict: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> UndlReport:
    """Replay every resolution in a UN voting-data file through the engine.

    Args:
        path: The CSV file.
        strict: Raise on the first problem, or collect problems and go on.
        progress: Called now and then with the rows and resolutions read so far.

    Raises:
        DataError: Under ``strict=True``, for the first problem in the file.
    """
    from unsc.history.undl import load_undl

    reader = load_undl(path, strict=strict)
    count = agreed = 0
    disagreements = []
    for record in reader:
        count += 1
        if progress is not None and count % 250 == 0:
            progress(reader.rows, count)
        # The file lists adopted resolutions only; a full decision is built only for a
        # disagreement.
        rules = record.council.rules
        if rules.outcome_of(record) is Outcome.ADOPTED:
            agreed += 1
        else:
            disagreements.append(Replay(rules.decide(record), Outcome.ADOPTED))
    if progress is not None:
        progress(reader.rows, count)
    return UndlReport(
        reader.path,
        count,
        agreed,
        tuple(disagreements),
        tuple(reader.problems),
        tuple(reader.mismatches),
    )

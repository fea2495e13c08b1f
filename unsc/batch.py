"""Many ballots decided at once, for simulation studies that sweep millions of votes.

[`decide_many`][unsc.batch.decide_many] decides ballots given as rows of votes in the council's
order without building a [`Resolution`][unsc.resolution.Resolution] for each: it reads the one rule
([`unsc.rules.roles`][unsc.rules.roles]) once and then counts. Rows may be sequences of
[`Vote`][unsc.votes.Vote] (the fastest), of codes or words (``"Y"``, ``"abstain"``), or, when
numpy is installed, a two-dimensional integer array whose entries are positions in
[`VOTES`][unsc.batch.VOTES] (0 yes, 1 no, 2 abstain, 3 absent, 4 not participating).

Examples:
    >>> import unsc
    >>> council = unsc.Council.of_year(2023)
    >>> many = unsc.decide_many(council, [
    ...     "A A Y A N Y A N A Y Y A Y N N".split(),   # S/2023/772
    ...     "Y Y Y Y Y Y Y Y Y Y Y Y Y A N".split(),   # the United States alone against
    ... ])
    >>> list(many)
    [<Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>, <Outcome.VETOED: 'vetoed'>]
    >>> str(many.tally(0))
    '5–4–6'
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from unsc._args import as_position
from unsc._frames import frame
from unsc._table import Table, Tabular
from unsc.council import Council
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    MissingVotesError,
)
from unsc.rules import Outcome, Roles, Rules, roles
from unsc.votes import Matter, Tally, Vote, parse_votes

__all__ = ["VOTES", "Outcomes", "decide_many"]

#: The votes in the order of their integer codes in an array of ballots.
VOTES: tuple[Vote, ...] = tuple(Vote)
#: The outcomes in the order of the integer codes
#: [`Outcomes.codes`][unsc.batch.Outcomes.codes] holds.
OUTCOMES: tuple[Outcome, ...] = (Outcome.INSUFFICIENT_VOTES, Outcome.VETOED, Outcome.ADOPTED)

_YES, _NO, _ABSTAIN, _ABSENT, _IDLE = VOTES


@attrs.frozen(repr=False, eq=False)
class Outcomes(Tabular, Sequence[Outcome]):
    """The outcomes of many ballots on one council: a sequence of
    [`Outcome`][unsc.rules.Outcome], with the counts behind each on demand.

    Attributes:
        council: The council.
        rules: The rules decided by.
        matter: Substantive or procedural.
        codes: One integer per ballot, a position in [`OUTCOMES`][unsc.batch.OUTCOMES] (0
            insufficient votes, 1 vetoed, 2 adopted): a list, or a numpy array for an array
            of ballots.
    """

    council: Council
    rules: Rules
    matter: Matter
    codes: Any
    _ballots: Any
    _tallies: list[Tally] | None = attrs.field(default=None, init=False)

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> Outcome: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Outcome, ...]: ...
    def __getitem__(self, index: int | slice) -> Outcome | tuple[Outcome, ...]:
        if isinstance(index, slice):
            return tuple(OUTCOMES[int(code)] for code in self.codes[index])
        return OUTCOMES[int(self.codes[as_position(index, len(self), "a ballot's position")])]

    def __iter__(self) -> Iterator[Outcome]:
        return (OUTCOMES[int(code)] for code in self.codes)

    def counts(self) -> dict[Outcome, int]:
        """How many ballots had each outcome, adopted first."""
        found = Counter(int(code) for code in self.codes)
        return {outcome: found[OUTCOMES.index(outcome)] for outcome in reversed(OUTCOMES)}

    def ballot(self, index: int) -> tuple[Vote, ...]:
        """The votes of the ballot at ``index``, in the council's order."""
        row = self._ballots[index]
        if _is_array(self._ballots):
            return tuple(VOTES[int(v)] for v in row)
        return tuple(row)

    def tally(self, index: int) -> Tally:
        """The counts of the ballot at ``index``.

        Raises:
            NoSuchPositionError: For a position past the ballots (also an ``IndexError``).
        """
        return self.tallies()[as_position(index, len(self), "a ballot's position")]

    def tallies(self) -> list[Tally]:
        """The counts of every ballot (worked out when first asked for)."""
        if self._tallies is None:
            object.__setattr__(self, "_tallies", [_tally(row) for row in self._rows()])
        return self._tallies  # type: ignore[return-value]  # set just above

    def _rows(self) -> Iterator[Sequence[Vote]]:
        if _is_array(self._ballots):
            return (tuple(VOTES[int(v)] for v in row) for row in self._ballots)
        return iter(self._ballots)

    def to_dataframe(self) -> Any:  # one row per ballot, not per outcome as the table
        """One row per ballot: outcome and counts (needs the ``pandas`` extra)."""
        columns = ("outcome", "yes", "no", "abstain", "absent", "not participating")
        rows = [
            dict(zip(columns, (o.value, t.yes, t.no, t.abstain, t.absent, t.not_participating)))
            for o, t in zip(self, self.tallies())
        ]
        return frame(rows, columns)

    def as_table(self) -> Table:
        """How many ballots had each outcome, and the share."""
        total = len(self)
        rows = [
            (outcome.value, count, f"{count / total:.4f}" if total else "—")
            for outcome, count in self.counts().items()
        ]
        return Table(("outcome", "ballots", "share"), rows)

    def __repr__(self) -> str:
        counts = self.counts()
        shown = ", ".join(f"{n:,} {o.value}" for o, n in counts.items())
        return f"<Outcomes: {len(self):,} ballots on the {self.council.label}: {shown}>"


def _tally(row: Sequence[Vote]) -> Tally:
    return Tally(row.count(_YES), row.count(_NO), row.count(_ABSTAIN), row.count(_ABSENT),
                 row.count(_IDLE))  # fmt: skip


def _is_array(value: object) -> bool:
    return type(value).__module__ == "numpy" and hasattr(value, "ndim")


def decide_many(
    council: Council,
    ballots: Iterable[Sequence[Vote | str]] | Any,
    *,
    rules: Rules | None = None,
    matter: Matter | str = Matter.SUBSTANTIVE,
    chapter: str | None = None,
    parties: Iterable[str] = (),
) -> Outcomes:
    """Decide every ballot in ``ballots`` on ``council``, as [`unsc.decide`][unsc.decision.decide]
    would.

    Args:
        council: The council.
        ballots: Rows of votes, one per seat in the council's order: sequences of
            [`Vote`][unsc.votes.Vote], codes or words; or a numpy integer array of shape
            (ballots, seats) holding positions in [`VOTES`][unsc.batch.VOTES].
        rules: The rules; the council's own by default.
        matter: Substantive (the default) or procedural.
        chapter: The Charter chapter, for obligatory abstention (``"VI"``).
        parties: Parties to the dispute, who must abstain under Chapter VI.

    Raises:
        InvalidFieldError: For a row of the wrong length, or an array entry that is no
            vote's position.
        UnknownVoteError: For a value that is no vote.
        MissingVotesError: For a row with a member's vote missing (``None``).
        ObligatoryAbstentionError: For a party that voted yes or no where it must abstain.
    """
    if not isinstance(council, Council):
        raise InvalidTypeError("decide_many(council)", council, "give a unsc.Council")
    if isinstance(ballots, (str, bytes)):
        raise InvalidTypeError("decide_many(ballots)", ballots, "give rows of votes")
    stakes = roles(council, rules, matter=matter, chapter=chapter, parties=parties)
    if _is_array(ballots):
        return Outcomes(council, stakes.rules, stakes.matter, _decide_array(stakes, ballots),
                         ballots)  # fmt: skip
    if not isinstance(ballots, Iterable):
        raise InvalidTypeError("decide_many(ballots)", ballots, "give rows of votes")
    rows = list(ballots)  # rows not of votes are read in place as they are met
    return Outcomes(council, stakes.rules, stakes.matter, _decide_rows(stakes, rows), rows)


def _row(row: object, index: int, stakes: Roles) -> Sequence[Vote]:
    """A row read as votes, one per seat, or an error that names the ballot."""
    council = stakes.council
    if isinstance(row, (str, bytes)) or not isinstance(row, Iterable):
        raise InvalidTypeError(f"ballot {index}", row, "give one vote per seat, as a list")
    values = tuple(row)
    if len(values) != council.size:
        raise InvalidFieldError(
            f"ballot {index}",
            len(values),
            f"give one vote per seat ({council.size} on the {council.label})",
        )
    if None in values:
        missing = [council.members[i].code for i, v in enumerate(values) if v is None]
        raise MissingVotesError(f"ballot {index}", missing)
    return parse_votes(values)  # type: ignore[return-value]  # no None: checked


def _verdicts(stakes: Roles) -> list[list[int]]:
    """The outcome code for every count of yes votes and of blocking seats, each from
    [`unsc.rules.Roles.outcome`][unsc.rules.Roles.outcome] (the rule, written once), looked up per
    ballot."""
    blockers = len(stakes.blockers)
    return [
        [OUTCOMES.index(stakes.outcome(yes, blocks)) for blocks in range(blockers + 1)]
        for yes in range(len(stakes.roles) + 1)
    ]


def _verdicts_by_no(stakes: Roles) -> list[list[list[int]]]:
    """As [`_verdicts`][unsc.batch._verdicts], by votes against too: for rules that count
    the votes cast (a majority of those present and voting)."""
    size, blockers = len(stakes.roles), len(stakes.blockers)
    return [
        [
            [OUTCOMES.index(stakes.outcome(yes, blocks, no)) for blocks in range(blockers + 1)]
            for no in range(size + 1 - yes)
        ]
        for yes in range(size + 1)
    ]


def _decide_rows(stakes: Roles, rows: list[Sequence[Vote]]) -> list[int]:
    """The outcome codes of rows of votes: the counts, by the one rule."""
    size = len(stakes.roles)
    if stakes.counts_no:
        return _decide_rows_by_no(stakes, rows)
    verdicts = _verdicts(stakes)
    # Where the yes votes alone decide (short of the quota, or no seat can block), the
    # blocking seats are not read.
    settled = [row[0] if len(set(row)) == 1 else None for row in verdicts]
    # Seats that block grouped by the votes by which they block: each group counted by
    # one C-level count over the group's votes.
    groups: dict[tuple[Vote, ...], list[int]] = {}
    for seat, votes in stakes.blockers:
        groups.setdefault(votes, []).append(seat)
    getters = [
        (_getter(seats), votes) for votes, seats in groups.items()
    ]  # fmt: skip
    parties = stakes.parties
    codes: list[int] = []
    add = codes.append
    for index, row in enumerate(rows):
        try:
            yes = row.count(_YES)
            counted = yes + row.count(_NO) + row.count(_ABSTAIN)
            fits = len(row) == size and (
                counted == size or counted + row.count(_ABSENT) + row.count(_IDLE) == size
            )
        except (AttributeError, TypeError):  # not a list or tuple
            fits = False
        if not fits:  # codes, words, another iterable, or bad: read it, or say why
            row = rows[index] = _row(row, index, stakes)
            yes = row.count(_YES)
        if parties and any(row[i] is _YES or row[i] is _NO for i in parties):
            stakes.check(tuple(row), f"ballot {index}")
        known = settled[yes]
        if known is not None:
            add(known)
            continue
        blocks = 0
        for get, votes in getters:
            picked = get(row)
            for vote in votes:
                blocks += picked.count(vote)
        add(verdicts[yes][blocks])
    return codes


def _decide_rows_by_no(stakes: Roles, rows: list[Sequence[Vote]]) -> list[int]:
    """The outcome codes of rows under rules that count the votes against as well."""
    verdicts = _verdicts_by_no(stakes)
    codes: list[int] = []
    for index, row in enumerate(rows):
        row = rows[index] = _row(row, index, stakes)
        if stakes.parties and any(row[i] is _YES or row[i] is _NO for i in stakes.parties):
            stakes.check(tuple(row), f"ballot {index}")
        blocks = sum(1 for seat, votes in stakes.blockers if row[seat] in votes)
        codes.append(verdicts[row.count(_YES)][row.count(_NO)][blocks])
    return codes


def _getter(seats: list[int]) -> Any:
    """The votes of ``seats`` in a row, always as a tuple."""
    if len(seats) == 1:
        seat = seats[0]
        return lambda row: (row[seat],)
    return operator.itemgetter(*seats)


def _decide_array(stakes: Roles, ballots: Any) -> Any:
    """The outcome codes of a numpy array of vote positions, computed column-wise."""
    import numpy as np

    size = len(stakes.roles)
    if ballots.ndim != 2 or ballots.shape[1] != size:
        raise InvalidFieldError(
            "decide_many(ballots)", ballots.shape,
            f"give an array of shape (ballots, {size}) for the {stakes.council.label}",
        )  # fmt: skip
    if not np.issubdtype(ballots.dtype, np.integer):
        raise InvalidFieldError("decide_many(ballots)", str(ballots.dtype),
                                "give integer positions in unsc.batch.VOTES")  # fmt: skip
    if ballots.size and (ballots.min() < 0 or ballots.max() >= len(VOTES)):
        raise InvalidFieldError(
            "decide_many(ballots)",
            "an entry outside 0–4",
            "give positions in unsc.batch.VOTES (0 yes … 4 not participating)",
        )
    yes_code, no_code = VOTES.index(_YES), VOTES.index(_NO)
    if stakes.parties:
        cast = np.isin(ballots[:, list(stakes.parties)], (yes_code, no_code))
        if cast.any():
            row = int(np.argmax(cast.any(axis=1)))
            stakes.check(tuple(VOTES[int(v)] for v in ballots[row]), f"ballot {row}")
    yes = (ballots == yes_code).sum(axis=1)
    blocks = np.zeros(len(ballots), dtype=np.int64)
    for seat, votes in stakes.blockers:
        blocks += np.isin(ballots[:, seat], [VOTES.index(v) for v in votes])
    if stakes.counts_no:
        no = (ballots == no_code).sum(axis=1)
        size, blockers = len(stakes.roles), len(stakes.blockers)
        table = np.zeros((size + 1, size + 1, blockers + 1), dtype=np.int8)
        for y, by_no in enumerate(_verdicts_by_no(stakes)):
            table[y, : len(by_no)] = by_no
        return table[yes, no, blocks]
    verdicts = np.array(_verdicts(stakes), dtype=np.int8)
    return verdicts[yes, blocks]

"""Who could have changed the outcome, and the fewest changes that would have.

[`swing`][unsc.analysis.paths.swing] lists every single change of vote that would change a
decision. [`path_to_adoption`][unsc.analysis.paths.path_to_adoption] and
[`path_to_failure`][unsc.analysis.paths.path_to_failure] give the fewest vote changes that
adopt or defeat a draft, and say it in words:

Examples:
    >>> from unsc import history
    >>> path = path_to_adoption(history.get("S/2023/772"))
    >>> len(path)
    4
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import overload

import attrs

from unsc._args import as_position
from unsc._table import Table, Tabular
from unsc.analysis.game import seat_identities
from unsc.decision import Decision
from unsc.errors import (
    InvalidTypeError,
    NoPathError,
    NoSuchEntryError,
    NoVotesError,
    UnknownVotesError,
)
from unsc.members import Member, prose_list
from unsc.resolution import Resolution
from unsc.rules import Outcome, Roles, Rules, roles
from unsc.votes import Vote

__all__ = ["AdoptionPath", "Change", "Swing", "path_to_adoption", "path_to_failure", "swing"]


@attrs.frozen
class Swing:
    """One change of one member's vote that changes the outcome.

    Attributes:
        member: Who would change.
        before: The vote cast.
        after: The vote that would change the outcome.
        outcome: The outcome it would give.
    """

    member: Member
    before: Vote
    after: Vote
    outcome: Outcome

    def __str__(self) -> str:
        change = f"{self.before.value} → {self.after.value}"
        return f"{self.member.name}: {change} gives {self.outcome.value}"


def _stakes(resolution: Resolution, rules: Rules | None) -> tuple[Roles, Decision]:
    """The roles of the seats in ``resolution`` and its decision (which checks the votes)."""
    if not isinstance(resolution, Resolution):
        raise InvalidTypeError("resolution", resolution, "give a unsc.Resolution")
    if resolution.counts is not None:
        raise UnknownVotesError(
            resolution.symbol,
            f"its votes are on record only as counts ({resolution.counts}); who would change "
            "needs each member's vote (history.load(undl=...) adds them for adopted resolutions)",
        )
    decision = resolution.decide(rules)
    stakes = roles(
        resolution.council,
        decision.rules,
        matter=resolution.matter,
        chapter=resolution.chapter,
        parties=resolution.parties,
        without_vote=resolution.without_vote,
    )
    return stakes, decision


def _counts(stakes: Roles, ballot: tuple[Vote | None, ...]) -> tuple[int, int, int]:
    """Yes votes, blocking votes and no votes in ``ballot``."""
    blocks = sum(1 for i, blocking in stakes.blockers if ballot[i] in blocking)
    return ballot.count(Vote.YES), blocks, ballot.count(Vote.NO)


def swing(resolution: Resolution, rules: Rules | None = None) -> tuple[Swing, ...]:
    """Every single change of vote that would change the outcome of ``resolution``.

    Each member may change to any vote it may cast (a party obliged to abstain may not
    vote yes or no); the outcome is decided from the counts by the one rule.

    Examples:
        >>> from unsc import history
        >>> for s in swing(history.get("S/2023/773"))[:2]:
        ...     print(s)
        United States: no → yes gives adopted
        United States: no → abstain gives adopted

    Raises:
        NoVotesError: For a record adopted without a vote.
    """
    stakes, decision = _stakes(resolution, rules)
    if resolution.without_vote:
        raise NoVotesError(resolution.symbol)
    ballot = resolution.ballot
    yes, blocks, no = _counts(stakes, ballot)
    found = []
    for role, vote in zip(stakes, ballot):
        if vote is None:  # decide() refuses incomplete votes, so this cannot be reached
            continue
        for other in Vote:
            if other is vote or other not in role.allowed:
                continue
            outcome = stakes.outcome(
                yes - (vote is Vote.YES) + (other is Vote.YES),
                blocks - (vote in role.blocks) + (other in role.blocks),
                no - (vote is Vote.NO) + (other is Vote.NO),
            )
            if outcome is not decision.outcome:
                found.append(Swing(role.member, vote, other, outcome))
    return tuple(found)


@attrs.frozen
class Change:
    """One member's vote, changed.

    Attributes:
        member: Who changes.
        before: The vote cast.
        after: The vote it becomes.
    """

    member: Member
    before: Vote
    after: Vote


@attrs.frozen
class AdoptionPath(Tabular):
    """The fewest changes of vote that reach a goal: a sequence of
    [`Change`][unsc.analysis.paths.Change].

    Iterate over it, take ``len()``, index it by position or by member
    (``path["USA"]``).

    Attributes:
        resolution: The vote as cast.
        goal: The outcome sought: [`ADOPTED`][unsc.rules.Outcome.ADOPTED], or failure
            ([`INSUFFICIENT_VOTES`][unsc.rules.Outcome.INSUFFICIENT_VOTES] or
            [`VETOED`][unsc.rules.Outcome.VETOED]).
        changes: One set of changes that reaches it, as few as possible.
        free: Members of whom any could stand in for the last ``choose`` changes
            (they are interchangeable for the outcome).
        choose: How many of the changes are such free choices.
        result: The decision after the changes.
    """

    resolution: Resolution
    goal: Outcome
    changes: tuple[Change, ...]
    free: tuple[Member, ...]
    choose: int
    result: Decision

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @overload
    def __getitem__(self, key: int | str | Member) -> Change: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Change, ...]: ...
    def __getitem__(self, key: int | str | Member | slice) -> Change | tuple[Change, ...]:
        if isinstance(key, slice):
            return self.changes[key]
        if isinstance(key, int):
            return self.changes[as_position(key, len(self.changes), "a change's position")]
        seat = self.resolution.council.index(key)
        member = self.resolution.council.members[seat]
        for change in self.changes:
            if change.member == member:
                return change
        raise NoSuchEntryError(
            "a member changing its vote on this path", key, (c.member.code for c in self)
        )

    def explain(self) -> str:
        """The path in plain English."""
        symbol = self.resolution.symbol
        aim = "adopt" if self.goal is Outcome.ADOPTED else "defeat"
        if not self.changes:
            done = "adopted" if self.goal is Outcome.ADOPTED else "not adopted"
            return f"{symbol} was {done} as voted: no change is needed."
        fixed = self.changes[: len(self.changes) - self.choose]
        parts = [_describe(fixed)] if fixed else []
        if self.choose:
            some = "one more member" if self.choose == 1 else f"{self.choose} more members"
            if not fixed:
                some = some.replace(" more", "")
            parts.append(
                f"{some} to {self.changes[-1].after.value} (any of {prose_list(self.free)})"
            )
        count = len(self.changes)
        words = " and ".join(parts) if len(parts) < 3 else "; ".join(parts)
        outcome = self.result.outcome.value
        return (
            f"{count} change{'s' if count != 1 else ''} would {aim} {symbol}: {words}. "
            f"That gives {self.result.tally}: {outcome}."
        )

    def as_table(self) -> Table:
        """Each change (the member, its vote as cast and as changed), with the path in
        words beneath; its data (CSV, JSON, the DataFrame) one row per change, with the
        member's code, name and kind."""
        council = self.resolution.council
        identities = seat_identities(None, council)
        return Table(
            ("member", "before", "after"),
            [(c.member.name, c.before.value, c.after.value) for c in self.changes],
            caption=self.explain(),
            data=[
                {
                    **identities[council.index(c.member)],
                    "before": c.before.value,
                    "after": c.after.value,
                }
                for c in self.changes
            ],
            data_columns=("seat", "name", "kind", "before", "after"),
        )

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        return (
            f"<AdoptionPath to {self.goal.value} for {self.resolution.symbol}: "
            f"{len(self.changes)} change{'s' if len(self.changes) != 1 else ''}>"
        )


def path_to_adoption(resolution: Resolution, rules: Rules | None = None) -> AdoptionPath:
    """The fewest changes of vote that would adopt ``resolution``.

    Each blocking seat beyond those the rules tolerate must change, and changes to yes
    (which also counts toward the quota); then as many more members as the quota still
    needs change to yes. A party obliged to abstain cannot supply a yes.

    Raises:
        NoPathError: If no change of votes can adopt it (too few members may vote yes).
    """
    stakes, decision = _stakes(resolution, rules)
    rules = decision.rules
    if decision.adopted:
        return AdoptionPath(resolution, Outcome.ADOPTED, (), (), 0, decision)
    if stakes.counts_no:  # the votes against count too: search the counts
        return _fewest(resolution, stakes, rules, adopt=True)
    ballot = resolution.ballot
    blocking = [i for i, votes in stakes.blockers if ballot[i] in votes]
    must = blocking[: max(0, len(blocking) - (rules.vetoes_needed - 1))]
    changes = [_change(resolution, i, Vote.YES) for i in must]
    yes = ballot.count(Vote.YES) + len(must)
    needed = max(0, stakes.quota - yes)
    # Anyone else not voting yes and free to may supply the rest; seats that do not
    # block come first.
    blocking_now = set(blocking)
    candidates = [
        i
        for i, vote in enumerate(ballot)
        if vote is not Vote.YES and i not in must and Vote.YES in stakes.roles[i].allowed
    ]
    if len(candidates) < needed:
        raise NoPathError(
            resolution.symbol,
            "adopt",
            f"it needs {needed} more yes votes and only {len(candidates)} members may give one",
        )
    candidates.sort(key=lambda i: (i in blocking_now, i))
    chosen = candidates[:needed]
    changes.extend(_change(resolution, i, Vote.YES) for i in chosen)
    free = _free(resolution, candidates, chosen, needed)
    return _path(resolution, Outcome.ADOPTED, changes, free, needed if free else 0, rules)


def path_to_failure(resolution: Resolution, rules: Rules | None = None) -> AdoptionPath:
    """The fewest changes of vote that would defeat ``resolution``.

    Either enough yes votes turn to abstentions to fall below the quota, or enough seats
    that can block turn to a blocking vote to veto it, whichever takes fewer changes.

    Raises:
        NoVotesError: For a record adopted without a vote.
    """
    stakes, decision = _stakes(resolution, rules)
    rules = decision.rules
    if not decision.adopted:
        return AdoptionPath(resolution, decision.outcome, (), (), 0, decision)
    if resolution.without_vote:
        raise NoVotesError(resolution.symbol)
    if stakes.counts_no:  # the votes against count too: search the counts
        return _fewest(resolution, stakes, rules, adopt=False)
    ballot = resolution.ballot
    yes_seats = [i for i, v in enumerate(ballot) if v is Vote.YES]
    by_quota = len(yes_seats) - stakes.quota + 1
    blocking = [i for i, votes in stakes.blockers if ballot[i] in votes]
    able = [i for i, votes in stakes.blockers if ballot[i] not in votes]
    missing = rules.vetoes_needed - len(blocking)
    if 0 < missing <= len(able) and missing <= by_quota:
        # prefer seats that did not vote yes: turning them costs no yes vote
        able.sort(key=lambda i: (ballot[i] is Vote.YES, i))
        chosen = able[:missing]
        changes = [_change(resolution, i, _blocking_vote(stakes, i)) for i in chosen]
        free = _free(resolution, able, chosen, missing)
        return _path(resolution, Outcome.VETOED, changes, free, missing if free else 0, rules)
    # elected members first: a veto holder's yes turned to abstention works the same
    yes_seats.sort(key=lambda i: (stakes.roles[i].veto, i))
    chosen = yes_seats[:by_quota]
    changes = [_change(resolution, i, Vote.ABSTAIN) for i in chosen]
    free = _free(resolution, yes_seats, chosen, by_quota)
    return _path(
        resolution, Outcome.INSUFFICIENT_VOTES, changes, free, by_quota if free else 0, rules
    )


def _fewest(resolution: Resolution, stakes: Roles, rules: Rules, *, adopt: bool) -> AdoptionPath:
    """The fewest changes that adopt (or defeat) ``resolution``, found by walking the
    seats once over every reachable count of (yes, no, blocking) votes, each end judged
    by the one rule: exact for any rules, used where the votes against count too.

    Raises:
        NoPathError: If no change of votes reaches the goal.
    """
    ballot = resolution.ballot
    needed = rules.vetoes_needed
    # (yes, no, blocking votes capped at what a veto takes) -> the changes that reach it
    reach: dict[tuple[int, int, int], tuple[tuple[int, Vote], ...]] = {(0, 0, 0): ()}
    for seat, (role, cast) in enumerate(zip(stakes.roles, ballot)):
        if cast is None:  # decide() refuses incomplete votes, so this cannot be reached
            raise NoVotesError(resolution.symbol)
        options = [cast, *(v for v in Vote if v is not cast and v in role.allowed)]
        grown: dict[tuple[int, int, int], tuple[tuple[int, Vote], ...]] = {}
        for (yes, no, blocked), changes in reach.items():
            for vote in options:
                key = (
                    yes + (vote is Vote.YES),
                    no + (vote is Vote.NO),
                    min(needed, blocked + (vote in role.blocks)),
                )
                path = changes if vote is cast else (*changes, (seat, vote))
                if key not in grown or len(path) < len(grown[key]):
                    grown[key] = path
        reach = grown
    ends = []
    for (yes, no, blocked), changes in reach.items():
        outcome = stakes.outcome(yes, blocked, no)
        if (outcome is _ADOPTED) == adopt:
            ends.append((len(changes), outcome, changes))
    if not ends:
        raise NoPathError(
            resolution.symbol,
            "adopt" if adopt else "defeat",
            f"under {rules.name!r} no votes its members may cast do",
        )
    _, goal, best = min(ends, key=lambda end: end[0])
    return _path(resolution, goal, [_change(resolution, s, v) for s, v in best], (), 0, rules)


_ADOPTED = Outcome.ADOPTED


def _blocking_vote(stakes: Roles, seat: int) -> Vote:
    """The vote by which ``seat`` blocks: no, when "no" blocks (it always does in practice)."""
    blocks = stakes.roles[seat].blocks
    return Vote.NO if Vote.NO in blocks else min(blocks, key=list(Vote).index)


def _change(resolution: Resolution, seat: int, after: Vote) -> Change:
    before = resolution.ballot[seat]
    if before is None:  # decide() refuses incomplete votes, so this cannot be reached
        raise NoVotesError(resolution.symbol)
    return Change(resolution.council.members[seat], before, after)


def _free(
    resolution: Resolution, candidates: list[int], chosen: list[int], count: int
) -> tuple[Member, ...]:
    """The members any of whom could make the free choices, when there is a choice."""
    if count == 0 or len(candidates) <= count:
        return ()
    return tuple(resolution.council.members[i] for i in sorted(candidates))


def _path(
    resolution: Resolution,
    goal: Outcome,
    changes: list[Change],
    free: tuple[Member, ...],
    choose: int,
    rules: Rules,
) -> AdoptionPath:
    seats = {resolution.council.index(c.member): c.after for c in changes}
    result = _with(resolution, seats).decide(rules)
    return AdoptionPath(resolution, goal, tuple(changes), free, choose, result)


def _with(resolution: Resolution, seats: dict[int, Vote]) -> Resolution:
    ballot = tuple(seats.get(i, v) for i, v in enumerate(resolution.ballot))
    return attrs.evolve(resolution, ballot=ballot)


def _describe(changes: tuple[Change, ...]) -> str:
    """Changes in words: "France, the United Kingdom and the United States from no to yes"."""
    groups: dict[tuple[Vote, Vote], list[Member]] = {}
    for change in changes:
        groups.setdefault((change.before, change.after), []).append(change.member)
    return "; ".join(
        f"{prose_list(members)} from {before.value} to {after.value}"
        for (before, after), members in groups.items()
    )

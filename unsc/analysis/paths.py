"""Who could have changed the outcome, and the fewest changes that would have.

:func:`swing` lists every single change of vote that would change a decision.
:func:`path_to_adoption` and :func:`path_to_failure` give the fewest vote changes that
adopt or defeat a draft, and say it in words:

>>> from unsc import history
>>> path = path_to_adoption(history.get("S/2023/772"))
>>> len(path)
4
"""

from __future__ import annotations

import attrs

from unsc.errors import NoVotesError
from unsc.members import Member, prose_list
from unsc.resolution import Resolution
from unsc.rules import Decision, Outcome, Rules
from unsc.votes import Matter, Vote

__all__ = ["Change", "Path", "Swing", "path_to_adoption", "path_to_failure", "swing"]


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


def swing(resolution: Resolution, rules: Rules | None = None) -> tuple[Swing, ...]:
    """Every single change of vote that would change the outcome of ``resolution``.

    >>> from unsc import history
    >>> for s in swing(history.get("S/2023/773"))[:2]:
    ...     print(s)
    United States: no → yes gives adopted
    United States: no → abstain gives adopted
    """
    before = resolution.decide(rules).outcome
    found = []
    for seat, (member, vote) in enumerate(zip(resolution.council.members, resolution.ballot)):
        for other in Vote:
            if other is vote or vote is None:
                continue
            outcome = _with(resolution, {seat: other}).decide(rules).outcome
            if outcome is not before:
                found.append(Swing(member, vote, other, outcome))
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
class Path:
    """The fewest changes of vote that reach a goal.

    Attributes:
        resolution: The vote as cast.
        goal: The outcome sought: :attr:`~unsc.Outcome.ADOPTED`, or failure
            (:attr:`~unsc.Outcome.INSUFFICIENT_VOTES` or :attr:`~unsc.Outcome.VETOED`).
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

    def __str__(self) -> str:
        return self.explain()


def path_to_adoption(resolution: Resolution, rules: Rules | None = None) -> Path:
    """The fewest changes of vote that would adopt ``resolution``.

    Each blocking veto holder beyond those the rules tolerate must change, and changes
    to yes (which also counts toward the quota); then as many more members as the quota
    still needs change to yes.
    """
    rules = rules or resolution.council.rules
    decision = resolution.decide(rules)
    if decision.adopted:
        return Path(resolution, Outcome.ADOPTED, (), (), 0, decision)
    council, ballot = resolution.council, resolution.ballot
    parties = set(resolution.parties) if resolution.chapter in ("VI", "52(3)") else set()
    changes: list[Change] = []
    if resolution.matter is Matter.SUBSTANTIVE:
        blockers = [
            i
            for i in council.veto_index
            if ballot[i] in rules.blocking and council.members[i].code not in parties
        ]
        for i in blockers[: max(0, len(blockers) - (rules.vetoes_needed - 1))]:
            changes.append(_change(resolution, i, Vote.YES))
    changed = {council.index(c.member) for c in changes}
    yes = ballot.count(Vote.YES) + len(changes)
    needed = max(0, rules.quota - yes)
    # Anyone not voting yes may supply the rest; members that do not block come first,
    # and a party to a dispute obliged to abstain cannot vote yes.
    candidates = [
        i
        for i, vote in enumerate(ballot)
        if vote is not Vote.YES and i not in changed and council.members[i].code not in parties
    ]
    candidates.sort(key=lambda i: (i in council.veto_index and ballot[i] in rules.blocking, i))
    chosen = candidates[:needed]
    changes.extend(_change(resolution, i, Vote.YES) for i in chosen)
    free = _free(resolution, candidates, chosen, needed)
    return _path(resolution, Outcome.ADOPTED, changes, free, needed if free else 0, rules)


def path_to_failure(resolution: Resolution, rules: Rules | None = None) -> Path:
    """The fewest changes of vote that would defeat ``resolution``.

    Either enough yes votes turn to abstentions to fall below the quota, or enough veto
    holders turn to no to veto it, whichever takes fewer changes.
    """
    rules = rules or resolution.council.rules
    decision = resolution.decide(rules)
    if not decision.adopted:
        return Path(resolution, decision.outcome, (), (), 0, decision)
    council, ballot = resolution.council, resolution.ballot
    if resolution.without_vote:
        raise NoVotesError(resolution.symbol)
    yes_seats = [i for i, v in enumerate(ballot) if v is Vote.YES]
    by_quota = len(yes_seats) - rules.quota + 1
    by_veto = None
    if resolution.matter is Matter.SUBSTANTIVE:
        blocking = [i for i in council.veto_index if ballot[i] in rules.blocking]
        able = [i for i in council.veto_index if ballot[i] not in rules.blocking]
        missing = rules.vetoes_needed - len(blocking)
        if 0 < missing <= len(able):
            by_veto = (missing, able)
    if by_veto is not None and by_veto[0] <= by_quota:
        count, able = by_veto
        # prefer veto holders that did not vote yes: turning them costs no yes vote
        able.sort(key=lambda i: (ballot[i] is Vote.YES, i))
        chosen = able[:count]
        changes = [_change(resolution, i, Vote.NO) for i in chosen]
        free = _free(resolution, able, chosen, count)
        return _path(resolution, Outcome.VETOED, changes, free, count if free else 0, rules)
    # elected members first: a veto holder's yes turned to abstention works the same
    yes_seats.sort(key=lambda i: (i in council.veto_index, i))
    chosen = yes_seats[:by_quota]
    changes = [_change(resolution, i, Vote.ABSTAIN) for i in chosen]
    free = _free(resolution, yes_seats, chosen, by_quota)
    return _path(
        resolution, Outcome.INSUFFICIENT_VOTES, changes, free, by_quota if free else 0, rules
    )


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
) -> Path:
    seats = {resolution.council.index(c.member): c.after for c in changes}
    result = _with(resolution, seats).decide(rules)
    return Path(resolution, goal, tuple(changes), free, choose, result)


def _with(resolution: Resolution, seats: dict[int, Vote]) -> Resolution:
    ballot = tuple(seats.get(i, v) for i, v in enumerate(resolution.ballot))
    return attrs.evolve(resolution, ballot=ballot)


def _describe(changes: tuple[Change, ...]) -> str:
    """ "France, the United Kingdom and the United States from no to yes"."""
    groups: dict[tuple[Vote, Vote], list[Member]] = {}
    for change in changes:
        groups.setdefault((change.before, change.after), []).append(change.member)
    return "; ".join(
        f"{prose_list(members)} from {before.value} to {after.value}"
        for (before, after), members in groups.items()
    )

"""Each member's odds of voting yes, no or abstain, learned from its own past votes — and the
pass probability that follows from them.

A member's estimate is its share of each vote over the decisions you choose (all of them, a
topic, a period), pulled towards a **prior** by a few imagined votes, so that a member with
few votes on record is never certain:

    P(vote) = (votes of that kind + strength × prior(vote)) / (votes counted + strength)

This is the mean of a Dirichlet posterior (a Dirichlet prior with weights strength × prior
over yes, no, abstain, updated by the member's counts). By default the prior is the
**pooled** rate — every member's votes on the same decisions, counted together — worth
[`STRENGTH`][unsc.analysis.learned.STRENGTH] votes; ``prior="uniform"`` uses one third each;
``prior="member"`` each member's own rate over all the records given (itself learned with the
pooled prior), so that a topic's estimate leans on how the member votes in general; or give
your own ``(yes, no, abstain)``. A member with no vote in the selection (a newly elected
member) gets the prior itself.

What is counted: every decision whose member votes the record tells (a ballot, or a
unanimous adoption recorded as counts:
[`Resolution.member_votes`][unsc.resolution.Resolution.member_votes]).
Absences and non-participation are counted apart and left out of the shares. A state is
counted under one code across its names (the USSR as the Russian Federation).

The estimates feed [`pass_probability`][unsc.analysis.probability.pass_probability] as they
are (each is a mapping from votes to fractions); [`forecast`][unsc.analysis.forecast.forecast]
does both in one call and keeps what it learned from. [`backtest`][unsc.analysis.backtest.backtest]
says how well this predicts later decisions, against naive baselines.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._table import Table, Tabular
from unsc._vocabulary import AnyChoice
from unsc.analysis._common import (
    THIRDS,
    VOTE_INDEX,
    VoteCounts,
    as_strength,
    member_code,
    record_note,
    selected,
)
from unsc.council import Council
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoSuchEntryError,
)
from unsc.members import Member, counted_as
from unsc.resolution import Resolution
from unsc.votes import Vote

__all__ = [
    "PRIORS",
    "STRENGTH",
    "Learned",
    "Prior",
    "VoteProbabilities",
    "vote_probabilities",
]


class Prior(AnyChoice):
    """A named prior of the learned odds. Wherever a prior is asked for, its value string
    (``"pooled"``) works as well, and so does a ``(yes, no, abstain)`` of one's own."""

    POOLED = "pooled"
    """Every member's votes on the same decisions, pooled."""
    UNIFORM = "uniform"
    """One third each."""
    MEMBER = "member"
    """Each member's own rate over all the records given (for a topic or period: shrink
    towards how the member votes in general)."""


#: The names of the named priors (see [`Prior`][unsc.analysis.learned.Prior]).
PRIORS = tuple(p.value for p in Prior)
#: The prior's default weight, in imagined votes.
STRENGTH = 2

_THREE = (Vote.YES, Vote.NO, Vote.ABSTAIN)

#: What a ``prior=`` takes: a [`Prior`][unsc.analysis.learned.Prior], its name, or
#: (yes, no, abstain).
PriorLike = (
    Prior | str | tuple[Fraction | int | float, Fraction | int | float, Fraction | int | float]
)


def estimate(
    counts: tuple[int, int, int],
    prior: tuple[Fraction, Fraction, Fraction],
    strength: Fraction,
) -> tuple[Fraction, Fraction, Fraction]:
    """The estimate from a member's (yes, no, abstain) counts: the rule, written once.

    Examples:
        >>> estimate((3, 1, 0), (Fraction(1, 3),) * 3, Fraction(2))
        (Fraction(11, 18), Fraction(5, 18), Fraction(1, 9))
        >>> estimate((0, 0, 0), (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)), Fraction(2))
        (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))
    """
    total = sum(counts) + strength
    if not total:
        return prior
    y, n, a = (c + strength * p for c, p in zip(counts, prior))
    return y / total, n / total, a / total


@attrs.frozen(repr=False)
class VoteProbabilities(Mapping[Vote, Fraction]):
    """One member's learned probabilities of voting yes, no and abstain: a mapping from
    [`Vote`][unsc.votes.Vote] (or its name) to an exact fraction, which
    [`pass_probability`][unsc.analysis.probability.pass_probability] takes as it is.

    Attributes:
        member: The member's code (the USSR's votes counted as the Russian Federation's).
        counts: Its (yes, no, abstain) votes in the selection.
        absent: Decisions in the selection on which it sat but was absent or did not take part.
        prior: The prior's (yes, no, abstain).
        strength: The prior's weight, in imagined votes.
    """

    member: str
    counts: tuple[int, int, int]
    absent: int
    prior: tuple[Fraction, Fraction, Fraction]
    strength: Fraction

    @property
    def votes(self) -> int:
        """Votes counted: yes, no and abstain."""
        return sum(self.counts)

    def as_tuple(self) -> tuple[Fraction, Fraction, Fraction]:
        """(yes, no, abstain), exact."""
        return estimate(self.counts, self.prior, self.strength)

    @property
    def yes(self) -> Fraction:
        """Probability of a vote in favour."""
        return self.as_tuple()[0]

    @property
    def no(self) -> Fraction:
        """Probability of a vote against."""
        return self.as_tuple()[1]

    @property
    def abstain(self) -> Fraction:
        """Probability of an abstention."""
        return self.as_tuple()[2]

    def __getitem__(self, vote: Vote | str) -> Fraction:
        kind = Vote.parse(vote)
        if kind not in VOTE_INDEX:
            raise NoSuchEntryError(
                "a vote with a learned probability", vote, ("yes", "no", "abstain")
            )
        return self.as_tuple()[VOTE_INDEX[kind]]

    def __iter__(self) -> Iterator[Vote]:
        return iter(_THREE)

    def __len__(self) -> int:
        return 3

    def to_dict(self) -> dict[str, object]:
        """A row: the member, its counts, and the estimate as floats."""
        yes, no, abstain = self.as_tuple()
        return {
            "member": self.member,
            "yes": float(yes),
            "no": float(no),
            "abstain": float(abstain),
            "votes": self.votes,
            "voted yes": self.counts[0],
            "voted no": self.counts[1],
            "abstained": self.counts[2],
            "absent": self.absent,
        }

    def __repr__(self) -> str:
        yes, no, abstain = self.as_tuple()
        return (
            f"<VoteProbabilities {self.member}: yes {float(yes):.3g}, no {float(no):.3g}, "
            f"abstain {float(abstain):.3g} from {self.votes} votes>"
        )


_LEARNED_COLUMNS = (
    "member", "yes", "no", "abstain", "votes", "voted yes", "voted no", "abstained", "absent",
)  # fmt: skip


def _prior_text(name: str, strength: Fraction, prior: tuple[Fraction, ...] | None) -> str:
    shown = (
        ""
        if prior is None
        else " (" + ", ".join(f"{v.value} {float(p):.2f}" for v, p in zip(_THREE, prior)) + ")"
    )
    return f"prior: {name}{shown} worth {strength} vote{'s' if strength != 1 else ''}"


@attrs.frozen(repr=False)
class Learned(Tabular, Mapping[str, VoteProbabilities]):
    """Learned probabilities for several members, and what they were learned from: a mapping
    from member code to [`VoteProbabilities`][unsc.analysis.learned.VoteProbabilities] that
    also takes a name or alias (``learned["United States"]``), in seat order; give it to
    [`pass_probability`][unsc.analysis.probability.pass_probability] as it is.

    Attributes:
        members: Each member's estimate, in order.
        decisions: Decisions in the selection with every member's vote (learned from).
        without: Decisions in the selection without member votes (not used).
        first: The date of the earliest decision learned from.
        last: The date of the latest.
        selection: The topic and years asked for, in words.
        prior: The prior and its weight, in words.
    """

    members: tuple[VoteProbabilities, ...]
    decisions: int
    without: int
    first: datetime.date | None
    last: datetime.date | None
    selection: str
    prior: str

    def __getitem__(self, key: str | Member) -> VoteProbabilities:
        code = _known(key, {m.member for m in self.members}, "a member")
        for found in self.members:
            if found.member == code:
                return found
        raise NoSuchEntryError("a member learned here", key, [m.member for m in self.members])

    def __iter__(self) -> Iterator[str]:
        return (m.member for m in self.members)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except (LookupError, InvalidTypeError):
            return False
        return True

    def __len__(self) -> int:
        return len(self.members)

    def caption(self) -> str:
        """What the estimates rest on: the decisions, the period, the prior."""
        span = ""
        if self.first is not None and self.last is not None:
            span = (
                f", dated {self.first.year}–{self.last.year}"
                if self.first.year != self.last.year
                else f", dated {self.first.year}"
            )
        note = record_note(
            self.first.year if self.first else None, self.last.year if self.last else None
        )
        return (
            f"learned from {self.decisions} decision{'s' if self.decisions != 1 else ''} with "
            f"every member's vote{self.selection}{span}; {self.without} without member votes "
            f"not used; {self.prior}. {note}"
        ).strip()

    def as_table(self) -> Table:
        """Each member's estimate and the votes it rests on, and the caption."""
        rows = [
            (m.member, float(m.yes), float(m.no), float(m.abstain), m.votes, m.absent)
            for m in self.members
        ]
        return Table(
            ("member", "yes", "no", "abstain", "votes", "absent"),
            rows,
            caption=self.caption(),
            floatfmt=".3f",
            data=self.to_rows(),
            data_columns=_LEARNED_COLUMNS,
        )

    def __repr__(self) -> str:
        return f"<Learned: {len(self)} members from {self.decisions} decisions{self.selection}>"

    def to_rows(self) -> list[dict[str, object]]:
        """One row per member."""
        return [m.to_dict() for m in self.members]


def _priors(
    prior: PriorLike,
    codes: list[str],
    counts: VoteCounts,
    given: list[Resolution],
    weight: Fraction,
) -> dict[str, Any]:
    """Each member's prior (by code), and under ``"text"`` the prior in words."""
    if isinstance(prior, (Prior, str)):
        prior = Prior.parse(prior)
    if prior is Prior.MEMBER:
        overall = VoteCounts()
        for record in given:
            overall.add(record)
        pooled = overall.pooled_shares()
        found: dict[str, Any] = {c: estimate(overall.member(c)[0], pooled, weight) for c in codes}
        found["text"] = _prior_text(
            f"each member's own rate over all {overall.decisions} decisions given", weight, None
        )
        return found
    if prior is Prior.POOLED:
        shares, name = counts.pooled_shares(), "the pooled rate"
    elif prior is Prior.UNIFORM:
        shares, name = THIRDS, "uniform"
    else:
        shares, name = _given_prior(prior), "given"
    return {**dict.fromkeys(codes, shares), "text": _prior_text(name, weight, shares)}


def _given_prior(prior: object) -> tuple[Fraction, Fraction, Fraction]:
    if not isinstance(prior, tuple) or len(prior) != 3:
        raise InvalidTypeError(
            "prior", prior, f"give one of {', '.join(PRIORS)} or (yes, no, abstain) summing to 1"
        )
    values = []
    for p in prior:
        if isinstance(p, bool) or not isinstance(p, (int, float, Fraction)):
            raise InvalidTypeError("prior", prior, "give (yes, no, abstain) as numbers")
        if isinstance(p, float) and not math.isfinite(p):
            raise InvalidFieldError("prior", prior, "give numbers from 0 to 1")
        values.append(Fraction(p))
    if any(v < 0 for v in values) or abs(sum(values, Fraction(0)) - 1) > Fraction(1, 10**9):
        raise InvalidFieldError(
            "prior", prior, "give (yes, no, abstain) from 0 to 1, summing to 1"
        )
    total = sum(values, Fraction(0))
    return values[0] / total, values[1] / total, values[2] / total


def _known(name: object, known: set[str], where: str) -> str:
    """A member named by code, name or alias as the code it is counted under; a code of a
    custom council's member is taken as it is."""
    if isinstance(name, Member):
        return counted_as(name.code)
    if isinstance(name, str) and name in known:
        return name
    return member_code(name, where)


def _codes(members: object, known: set[str]) -> list[str]:
    """The members asked for, as the codes they are counted under."""
    where = "vote_probabilities(member)"
    if isinstance(members, Council):
        return [counted_as(m.code) for m in members.members]
    if isinstance(members, (str, Member)):
        return [_known(members, known, where)]
    if isinstance(members, Iterable):
        return [_known(m, known, where) for m in members]
    raise InvalidTypeError(
        "vote_probabilities(member)", members, "name a member ('USA'), give several, or a Council"
    )


@overload
def vote_probabilities(  # type: ignore[overload-overlap]  # a str is one member, not many
    member: str | Member,
    records: Iterable[Resolution] | None = None,
    *,
    topic: str | None = None,
    years: tuple[int, int] | None = None,
    prior: PriorLike = "pooled",
    strength: int | float | Fraction = STRENGTH,
) -> VoteProbabilities: ...
@overload
def vote_probabilities(
    member: Council | Iterable[str | Member],
    records: Iterable[Resolution] | None = None,
    *,
    topic: str | None = None,
    years: tuple[int, int] | None = None,
    prior: PriorLike = "pooled",
    strength: int | float | Fraction = STRENGTH,
) -> Learned: ...
def vote_probabilities(
    member: str | Member | Council | Iterable[str | Member],
    records: Iterable[Resolution] | None = None,
    *,
    topic: str | None = None,
    years: tuple[int, int] | None = None,
    prior: PriorLike = "pooled",
    strength: int | float | Fraction = STRENGTH,
) -> VoteProbabilities | Learned:
    """Members' probabilities of voting yes, no and abstain, learned from their past votes.

    Args:
        member: One member (code, name or alias) for its
            [`VoteProbabilities`][unsc.analysis.learned.VoteProbabilities]; several, or a
            council, for a [`Learned`][unsc.analysis.learned.Learned] mapping.
        records: The decisions to learn from; by default the whole bundled record (with
            [`history.load(undl=...)`][unsc.history.merge.load], every adopted resolution's
            member votes too).
        topic: Only decisions with this text in their topic or title, in any case.
        years: Only decisions of these years, both included: ``(2011, 2025)``.
        prior: A [`Prior`][unsc.analysis.learned.Prior] or its name: ``"pooled"`` (every
            member's votes on the same decisions together), ``"uniform"``, ``"member"``
            (each member's own rate over all the records given); or ``(yes, no, abstain)``.
        strength: The prior's weight in imagined votes (0: the member's own shares alone).

    Examples:
        >>> from unsc.analysis import vote_probabilities
        >>> usa = vote_probabilities("United States", topic="Syria", years=(2011, 2025))
        >>> usa.counts, usa.strength
        ((14, 6, 2), Fraction(2, 1))

    Raises:
        UnknownStateError: For a member that is no state.
        NoSuchEntryError: For a topic no decision given mentions.
        UnknownChoiceError: For a prior by a name other than those of
            [`Prior`][unsc.analysis.learned.Prior].
    """
    weight = as_strength(strength)
    if isinstance(prior, (Prior, str)):
        prior = Prior.parse(prior)
    given, chosen, words = selected(records, topic, years, "vote_probabilities")
    counts = VoteCounts()
    for record in chosen:
        counts.add(record)
    councils = {id(r.council): r.council for r in given}.values()
    seated = {counted_as(code) for council in councils for code in council.codes}
    codes = list(dict.fromkeys(_codes(member, seated)))
    priors = _priors(prior, codes, counts, given, weight)
    found = tuple(
        VoteProbabilities(code, *counts.member(code), priors[code], weight) for code in codes
    )
    if isinstance(member, (str, Member)):
        return found[0]
    text = priors["text"]
    return Learned(found, counts.decisions, counts.without, counts.first, counts.last, words, text)

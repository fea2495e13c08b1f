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
are (each is a mapping from votes to fractions); [`forecast`][unsc.analysis.learned.forecast]
does both in one call and keeps what it learned from. [`backtest`][unsc.analysis.learned.backtest]
says how well this predicts later decisions, against naive baselines.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._args import as_position
from unsc._table import Table, Tabular
from unsc.analysis._common import member_code, record_note
from unsc.analysis.probability import PassProbability, pass_probability
from unsc.council import Council, as_years
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoDataError,
    NoSuchEntryError,
    UnknownPresetError,
)
from unsc.members import Member, counted_as, fold
from unsc.resolution import Resolution
from unsc.rules import Outcome, Rules
from unsc.votes import Matter, Vote

__all__ = [
    "FORECAST_MODELS",
    "PRIORS",
    "STRENGTH",
    "Backtest",
    "Forecast",
    "Learned",
    "ModelScore",
    "Prior",
    "VoteProbabilities",
    "backtest",
    "forecast",
    "vote_probabilities",
]


class Prior(enum.Enum):
    """A named prior of the learned odds. Wherever a prior is asked for, its value string
    (``"pooled"``) works as well, and so does a ``(yes, no, abstain)`` of one's own."""

    POOLED = "pooled"
    """Every member's votes on the same decisions, pooled."""
    UNIFORM = "uniform"
    """One third each."""
    MEMBER = "member"
    """Each member's own rate over all the records given (for a topic or period: shrink
    towards how the member votes in general)."""

    @classmethod
    def _missing_(cls, value: object) -> Prior:
        # Prior("Pooled") refused in words, as parse() does, not a bare ValueError.
        return cls.parse(value)  # type: ignore[arg-type]

    @classmethod
    def parse(cls, value: Prior | str) -> Prior:
        """Read a prior from a [`Prior`][unsc.analysis.learned.Prior] or its value
        (``"pooled"``, ``"uniform"``, ``"member"``).

        Raises:
            UnknownPresetError: For anything else, naming the priors.
        """
        if isinstance(value, Prior):
            return value
        found = _PRIOR_OF.get(value) if isinstance(value, str) else None
        if found is None:
            raise UnknownPresetError("prior", value, PRIORS)
        return found


#: The names of the named priors (see [`Prior`][unsc.analysis.learned.Prior]).
PRIORS = tuple(p.value for p in Prior)
_PRIOR_OF = {p.value: p for p in Prior}
#: The prior's default weight, in imagined votes.
STRENGTH = 2

_THREE = (Vote.YES, Vote.NO, Vote.ABSTAIN)
_INDEX = {Vote.YES: 0, Vote.NO: 1, Vote.ABSTAIN: 2}
_THIRD = (Fraction(1, 3),) * 3
_OUTCOMES = (Outcome.ADOPTED, Outcome.VETOED, Outcome.INSUFFICIENT_VOTES)

#: What a ``prior=`` takes: a [`Prior`][unsc.analysis.learned.Prior], its name, or
#: (yes, no, abstain).
PriorLike = (
    Prior | str | tuple[Fraction | int | float, Fraction | int | float, Fraction | int | float]
)


def _shares(counts: Iterable[int | Fraction]) -> tuple[Fraction, Fraction, Fraction] | None:
    values = [Fraction(c) for c in counts]
    total = sum(values, Fraction(0))
    if not total:
        return None
    return values[0] / total, values[1] / total, values[2] / total


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
        if kind not in _INDEX:
            raise NoSuchEntryError(
                "a vote with a learned probability", vote, ("yes", "no", "abstain")
            )
        return self.as_tuple()[_INDEX[kind]]

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


def _selected(
    records: Iterable[Resolution] | None, topic: str | None, years: object, where: str
) -> tuple[list[Resolution], list[Resolution], str]:
    """All the records given, those asked for, and the selection in words."""
    if records is None:
        from unsc.history import records as all_records

        records = all_records()
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidTypeError(
            f"{where}(records)", records, "give resolutions, e.g. history.records()"
        )
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        raise InvalidTypeError(f"{where}(topic)", topic, "give text such as 'Syria'")
    first, last = (None, 0) if years is None else as_years(years, f"{where}(years)")
    given = list(records)
    chosen = []
    for record in given:
        if not isinstance(record, Resolution):
            raise InvalidTypeError(f"{where}(records)", record, "give unsc.Resolution records")
        if first is not None and not record.in_years(first, last):
            continue
        if topic and not record.mentions(topic):
            continue
        chosen.append(record)
    words = ""
    if topic:
        words += f" on '{topic}'"
    if first is not None:
        words += f" in {first}–{last}" if first != last else f" in {first}"
    if topic and not chosen:
        period = f" in {first}–{last}" if first is not None else ""
        in_years = Counter(
            r.topic for r in given
            if r.topic and (first is None or r.in_years(first, last))
        )  # fmt: skip
        common = [name for name, _ in in_years.most_common(5)]
        raise NoSuchEntryError(f"a topic of the decisions given{period}", topic, common)
    if first is not None and not chosen:
        raise NoDataError(f"{where}(years={years!r})", f"nothing to learn from: {_span(given)}")
    return given, chosen, words


def _span(records: list[Resolution]) -> str:
    """The years of ``records``, in words, for a message that found none in a period."""
    years = [r.date.year for r in records if r.date is not None]
    if not years:
        return "the decisions given have no date"
    return f"no decision in those years (the decisions given span {min(years)}–{max(years)})"


class _Counts:
    """Each member's (yes, no, abstain, absent) over the decisions added, and the pooled
    counts: what the estimates read. The backtest adds decisions year by year."""

    def __init__(self) -> None:
        self.by_member: dict[str, list[int]] = {}
        self.pooled = [0, 0, 0]
        self.decisions = 0
        self.without = 0
        self.first: datetime.date | None = None
        self.last: datetime.date | None = None

    def add(self, record: Resolution) -> None:
        votes = record.member_votes
        if votes is None:
            self.without += 1
            return
        self.decisions += 1
        if record.date is not None:
            if self.first is None or record.date < self.first:
                self.first = record.date
            if self.last is None or record.date > self.last:
                self.last = record.date
        for member, vote in zip(record.council.members, votes):
            code = counted_as(member.code)
            cell = self.by_member.get(code)
            if cell is None:
                cell = self.by_member[code] = [0, 0, 0, 0]
            index = _INDEX.get(vote, 3)
            cell[index] += 1
            if index < 3:
                self.pooled[index] += 1

    def pooled_shares(self) -> tuple[Fraction, Fraction, Fraction]:
        """Every member's votes together, as shares (one third each with none)."""
        return _shares(self.pooled) or _THIRD

    def of(
        self, code: str, prior: tuple[Fraction, Fraction, Fraction], strength: Fraction
    ) -> VoteProbabilities:
        cell = self.by_member.get(code, (0, 0, 0, 0))
        return VoteProbabilities(code, (cell[0], cell[1], cell[2]), cell[3], prior, strength)


def _priors(
    prior: PriorLike, codes: list[str], counts: _Counts, given: list[Resolution], weight: Fraction
) -> dict[str, Any]:
    """Each member's prior (by code), and under ``"text"`` the prior in words."""
    if isinstance(prior, (Prior, str)):
        prior = Prior.parse(prior)
    if prior is Prior.MEMBER:
        overall = _Counts()
        for record in given:
            overall.add(record)
        pooled = overall.pooled_shares()
        found: dict[str, Any] = {c: overall.of(c, pooled, weight).as_tuple() for c in codes}
        found["text"] = _prior_text(
            f"each member's own rate over all {overall.decisions} decisions given", weight, None
        )
        return found
    if prior is Prior.POOLED:
        shares, name = counts.pooled_shares(), "the pooled rate"
    elif prior is Prior.UNIFORM:
        shares, name = _THIRD, "uniform"
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


def _strength(strength: object) -> Fraction:
    if isinstance(strength, bool) or not isinstance(strength, (int, float, Fraction)):
        raise InvalidTypeError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    if isinstance(strength, float) and not math.isfinite(strength):
        raise InvalidFieldError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    value = Fraction(strength)
    if value < 0:
        raise InvalidFieldError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    return value


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
        UnknownPresetError: For a prior by a name other than those of
            [`Prior`][unsc.analysis.learned.Prior].
    """
    weight = _strength(strength)
    if isinstance(prior, (Prior, str)):
        prior = Prior.parse(prior)
    given, chosen, words = _selected(records, topic, years, "vote_probabilities")
    counts = _Counts()
    for record in chosen:
        counts.add(record)
    councils = {id(r.council): r.council for r in given}.values()
    seated = {counted_as(code) for council in councils for code in council.codes}
    codes = list(dict.fromkeys(_codes(member, seated)))
    priors = _priors(prior, codes, counts, given, weight)
    found = tuple(counts.of(code, priors[code], weight) for code in codes)
    if isinstance(member, (str, Member)):
        return found[0]
    text = priors["text"]
    return Learned(found, counts.decisions, counts.without, counts.first, counts.last, words, text)


@attrs.frozen(repr=False)
class Forecast(Tabular):
    """The probability of each outcome with every member voting as it has before: the
    [`PassProbability`][unsc.analysis.probability.PassProbability] and what it was learned from.

    Attributes:
        odds: The three probabilities, exact.
        learned: Each member's learned probabilities, and the decisions they rest on.
        subject: What was forecast: a council's year, or a draft's symbol.
    """

    odds: PassProbability
    learned: Learned
    subject: str

    @property
    def adopted(self) -> Fraction:
        """Probability of adoption."""
        return self.odds.adopted

    @property
    def vetoed(self) -> Fraction:
        """Probability of a veto."""
        return self.odds.vetoed

    @property
    def insufficient(self) -> Fraction:
        """Probability of failing for lack of votes."""
        return self.odds.insufficient

    def caption(self) -> str:
        """What the forecast rests on."""
        return f"{self.subject}, each member voting as learned: {self.learned.caption()}"

    def as_table(self) -> Table:
        """The three outcomes, then each member's learned probabilities, and the caption."""
        outcomes = Table(
            ("outcome", "probability"),
            [(o.value, round(float(p), 4)) for o, p in self.odds.items()],
        )
        members = self.learned.as_table()
        return attrs.evolve(members, caption=self.caption(), sections=(outcomes,))

    def __repr__(self) -> str:
        shown = ", ".join(f"{o.value} {float(p):.3g}" for o, p in self.odds.items())
        return f"<Forecast {self.subject}{self.learned.selection}: {shown}>"


def forecast(
    council_or_draft: Council | Resolution | int,
    records: Iterable[Resolution] | None = None,
    *,
    topic: str | None = None,
    years: tuple[int, int] | None = None,
    prior: PriorLike = "pooled",
    strength: int | float | Fraction = STRENGTH,
    rules: Rules | None = None,
    matter: Matter | str | None = None,
) -> Forecast:
    """How likely a draft is to be adopted, each member voting as it has before: the
    members' [`vote_probabilities`][unsc.analysis.learned.vote_probabilities] given to
    [`pass_probability`][unsc.analysis.probability.pass_probability], in one call.

    Args:
        council_or_draft: A council, a year (its council on 1 January), or a draft whose
            recorded votes are taken as certain (a party obliged to abstain abstains).
        records: The decisions to learn from (by default the whole record).
        topic: Only decisions with this text in their topic or title.
        years: Only decisions of these years, both included.
        prior: The prior, as for
            [`vote_probabilities`][unsc.analysis.learned.vote_probabilities].
        strength: The prior's weight in imagined votes.
        rules: Rules other than the council's.
        matter: Substantive (the default) or procedural.

    Examples:
        >>> from unsc.analysis import forecast
        >>> syria = forecast(2026, topic="Syria", years=(2011, 2025))
        >>> syria.adopted + syria.vetoed + syria.insufficient
        Fraction(1, 1)
        >>> syria.learned.decisions
        22
    """
    if isinstance(council_or_draft, int) and not isinstance(council_or_draft, bool):
        council = Council.of_year(council_or_draft)
        subject = f"the {council.label}"
        target: Council | Resolution = council
    elif isinstance(council_or_draft, Council):
        council = target = council_or_draft
        subject = f"the {council_or_draft.label}"
    elif isinstance(council_or_draft, Resolution):
        council = council_or_draft.council
        target = council_or_draft
        subject = council_or_draft.symbol
    else:
        raise InvalidTypeError(
            "forecast(council_or_draft)", council_or_draft, "give a Council, a year or a draft"
        )
    learned = vote_probabilities(
        council, records, topic=topic, years=years, prior=prior, strength=strength
    )
    parties = set(target.parties) if isinstance(target, Resolution) else set()
    cast = target.ballot if isinstance(target, Resolution) else (None,) * council.size
    given = {  # a vote already cast is certain: only the others are forecast
        member.code: learned[counted_as(member.code)]
        for member, vote in zip(council.members, cast)
        if member.code not in parties and vote is None
    }
    odds = pass_probability(target, given, rules=rules, matter=matter)
    return Forecast(odds, learned, subject)


#: The models the backtest scores: two naive baselines and two learned ones.
FORECAST_MODELS = ("always adopted", "overall rate", "learned", "learned by topic")
_BINS = 10


@attrs.frozen
class ModelScore:
    """How one model predicted the decisions of the test years.

    Attributes:
        model: Its name (one of [`FORECAST_MODELS`][unsc.analysis.learned.FORECAST_MODELS]).
        decisions: Decisions predicted.
        correct: How many went the way the model thought likeliest.
        brier: The mean Brier score over the three outcomes (0 is perfect; 2 the worst).
        calibration: For each tenth of the predicted probability of adoption that occurred:
            (from, to, decisions, mean predicted, share adopted).
    """

    model: str
    decisions: int
    correct: int
    brier: float
    calibration: tuple[tuple[float, float, int, float, float], ...]

    @property
    def accuracy(self) -> Fraction:
        """Share of decisions that went the way the model thought likeliest."""
        return Fraction(self.correct, self.decisions) if self.decisions else Fraction(0)


@attrs.frozen(repr=False)
class Backtest(Tabular, Sequence[ModelScore]):
    """Each model's score on the decisions of the test years, each predicted from the decisions
    before its year only: a listing of [`ModelScore`][unsc.analysis.learned.ModelScore], also
    indexed by model name.

    Attributes:
        scores: One per model, in the order of
            [`FORECAST_MODELS`][unsc.analysis.learned.FORECAST_MODELS].
        years: The first and last year predicted.
        skipped: Decisions of those years not predicted (adopted without a vote, or no
            outcome on record).
        strength: The prior's weight of the learned models.
    """

    scores: tuple[ModelScore, ...]
    years: tuple[int, int]
    skipped: int
    strength: Fraction

    def __len__(self) -> int:
        return len(self.scores)

    @overload
    def __getitem__(self, key: int | str) -> ModelScore: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[ModelScore, ...]: ...
    def __getitem__(self, key: int | str | slice) -> ModelScore | tuple[ModelScore, ...]:
        if isinstance(key, str):
            for score in self.scores:
                if score.model == key:
                    return score
            raise NoSuchEntryError("a model scored", key, FORECAST_MODELS)
        if isinstance(key, slice):
            return self.scores[key]
        return self.scores[as_position(key, len(self.scores), "a model's position")]

    def caption(self) -> str:
        """What was predicted, and from what."""
        first, last = self.years
        n = self.scores[0].decisions if self.scores else 0
        return (
            f"{n} decisions {first}–{last}, each predicted from the decisions before its year; "
            f"{self.skipped} adopted without a vote or without an outcome not predicted; "
            f"learned models: pooled prior worth {self.strength} votes. "
            f"{record_note(first, last)}"
        ).strip()

    def as_table(self) -> Table:
        """Accuracy and Brier score per model, and the caption."""
        return Table(
            ("model", "decisions", "accuracy", "Brier score"),
            [(s.model, s.decisions, float(s.accuracy), s.brier) for s in self.scores],
            caption=self.caption(),
            floatfmt=".3f",
            data=self.to_rows(),
            data_columns=("model", "decisions", "accuracy", "brier"),
        )

    def calibration(self, model: str = "learned", fmt: str = "simple") -> str:
        """The model's calibration: for each tenth of predicted probability of adoption, the
        decisions, the mean prediction and the share adopted."""
        score = self[model]
        rows = [
            (f"{lo:.1f}–{hi:.1f}", n, mean, share) for lo, hi, n, mean, share in score.calibration
        ]
        headers = ("predicted", "decisions", "mean predicted", "share adopted")
        return Table(headers, rows, floatfmt=".3f").render(fmt)

    def plot(self, *, ax: Any = None) -> Any:
        """The calibration of each model that gives more than one probability: the share
        adopted against the mean predicted probability of adoption, per tenth, each point
        sized by its decisions; the diagonal is perfect calibration. Returns the matplotlib
        Axes (needs the ``plot`` extra)."""
        from unsc._plot import RECORD_SOURCE, axes, label, style

        ax = axes(ax, (6, 6))
        ax.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, label="perfectly calibrated")
        for i, score in enumerate(self.scores):
            points = score.calibration
            xs = [mean for _, _, _, mean, _ in points]
            ys = [share for _, _, _, _, share in points]
            sizes = [max(8.0, 400 * n / max(score.decisions, 1)) for _, _, n, _, _ in points]
            look = style(i)
            ax.plot(xs, ys, color=look["color"], linestyle=look["linestyle"], linewidth=1)
            ax.scatter(xs, ys, s=sizes, color=look["color"], label=score.model, alpha=0.8)
        ax.set_xlabel("mean predicted probability of adoption")
        ax.set_ylabel("share adopted")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        # The key below the axes, every marker one size: inside, it covered the points.
        key = ax.legend(
            fontsize=8,
            frameon=False,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.13),
            ncol=min(3, len(self.scores) + 1),
        )
        for handle in key.legend_handles:
            if hasattr(handle, "set_sizes"):
                handle.set_sizes([30])
        label(ax, "Calibration of the predictions", self.caption(), RECORD_SOURCE)
        return ax

    def __repr__(self) -> str:
        shown = ", ".join(f"{s.model} {float(s.accuracy):.3f}" for s in self.scores)
        return f"<Backtest {self.years[0]}–{self.years[1]}: accuracy {shown}>"

    def to_rows(self) -> list[dict[str, object]]:
        """One row per model."""
        return [
            {"model": s.model, "decisions": s.decisions, "accuracy": float(s.accuracy),
             "brier": s.brier}
            for s in self.scores
        ]  # fmt: skip


def _actual(record: Resolution) -> Outcome | None:
    if record.without_vote or record.date is None:
        return None
    if record.recorded is not None:
        return record.recorded
    if record.complete:
        return record.decide().outcome
    return None


class _Scorer:
    def __init__(self, model: str) -> None:
        self.model = model
        self.n = self.correct = 0
        self.brier = 0.0
        self.bins = [[0, 0.0, 0] for _ in range(_BINS)]

    def add(self, predicted: tuple[float, float, float], actual: Outcome) -> None:
        truth = _OUTCOMES.index(actual)
        self.n += 1
        best = max(range(3), key=lambda i: (predicted[i], -i))
        self.correct += best == truth
        self.brier += sum((p - (i == truth)) ** 2 for i, p in enumerate(predicted))
        cell = self.bins[min(_BINS - 1, int(predicted[0] * _BINS))]
        cell[0] += 1
        cell[1] += predicted[0]
        cell[2] += truth == 0

    def score(self) -> ModelScore:
        calibration = tuple(
            (i / _BINS, (i + 1) / _BINS, int(n), total / n, adopted / n)
            for i, (n, total, adopted) in enumerate(self.bins)
            if n
        )
        return ModelScore(
            self.model, self.n, self.correct, self.brier / max(self.n, 1), calibration
        )


def backtest(
    records: Iterable[Resolution] | None = None,
    *,
    years: tuple[int, int] = (2000, 2025),
    strength: int | float | Fraction = STRENGTH,
) -> Backtest:
    """Predict each decision of ``years`` from the decisions before its year only, and score
    the predictions against what happened, for the
    [`FORECAST_MODELS`][unsc.analysis.learned.FORECAST_MODELS]:

    - *always adopted*: every draft adopted;
    - *overall rate*: each member votes as its own shares of all earlier votes (no prior; a
      member with none votes as all members together);
    - *learned*: [`vote_probabilities`][unsc.analysis.learned.vote_probabilities] over all
      earlier decisions, pooled prior worth ``strength`` votes;
    - *learned by topic*: the same over earlier decisions of the same topic, with each
      member's learned rate over all earlier decisions as the prior.

    Each prediction is [`pass_probability`][unsc.analysis.probability.pass_probability] on
    the decision's own council and matter. Decisions adopted without a vote are not
    predicted.

    Examples:
        >>> from unsc.analysis import backtest
        >>> result = backtest(years=(2020, 2025))
        >>> [score.model for score in result]
        ['always adopted', 'overall rate', 'learned', 'learned by topic']
    """
    weight = _strength(strength)
    first, last = as_years(years, "backtest(years)")
    given, _, _ = _selected(records, None, None, "backtest")
    dated = sorted((r for r in given if r.date is not None), key=lambda r: r.date)  # type: ignore[arg-type, return-value]
    overall = _Counts()
    topics: dict[str, _Counts] = {}
    scorers = {model: _Scorer(model) for model in FORECAST_MODELS}
    skipped = 0
    cache: dict[tuple[object, ...], tuple[float, float, float]] = {}
    learned_at = 0  # records[:learned_at] have been counted
    for record in dated:
        year = record.date.year  # type: ignore[union-attr]
        if year < first:
            continue
        if year > last:
            break
        while dated[learned_at].date.year < year:  # type: ignore[union-attr]
            earlier = dated[learned_at]
            overall.add(earlier)
            topics.setdefault(fold(earlier.topic or ""), _Counts()).add(earlier)
            learned_at += 1
        actual = _actual(record)
        if actual is None:
            skipped += 1
            continue
        council = record.council
        matter = record.matter
        pooled = overall.pooled_shares()
        topic = fold(record.topic or "")
        scorers["always adopted"].add((1.0, 0.0, 0.0), actual)
        for model in FORECAST_MODELS[1:]:
            key = (
                model,
                year,
                council.codes,
                council.rules,
                matter,
                topic if model == FORECAST_MODELS[3] else "",
            )
            found = cache.get(key)
            if found is None:
                codes = [counted_as(m.code) for m in council.members]
                if model == "overall rate":
                    dists = {c: overall.of(c, pooled, Fraction(0)) for c in codes}
                elif model == "learned":
                    dists = {c: overall.of(c, pooled, weight) for c in codes}
                else:
                    on_topic = topics.get(topic, _Counts())
                    dists = {
                        c: on_topic.of(c, overall.of(c, pooled, weight).as_tuple(), weight)
                        for c in codes
                    }
                given_by_seat = {m.code: dists[counted_as(m.code)] for m in council.members}
                odds = pass_probability(council, given_by_seat, matter=matter)
                found = cache[key] = (
                    float(odds.adopted),
                    float(odds.vetoed),
                    float(odds.insufficient),
                )
            scorers[model].add(found, actual)
    scores = tuple(scorers[m].score() for m in FORECAST_MODELS)
    if not scores[0].decisions:  # an accuracy over nothing is no accuracy
        raise NoDataError(f"backtest(years={years!r})", f"nothing to predict: {_span(dated)}")
    return Backtest(scores, (first, last), skipped, weight)

"""How likely a draft is to be adopted, each member voting as it has before: the
members' [`vote_probabilities`][unsc.analysis.learned.vote_probabilities] given to
[`pass_probability`][unsc.analysis.probability.pass_probability], in one call, with what
they were learned from."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import attrs

from unsc._table import Table, Tabular
from unsc.analysis.learned import STRENGTH, Learned, PriorLike, vote_probabilities
from unsc.analysis.probability import PassProbability, pass_probability
from unsc.council import Council
from unsc.errors import InvalidTypeError
from unsc.members import counted_as
from unsc.resolution import Resolution
from unsc.rules import Rules
from unsc.votes import Matter

__all__ = ["Forecast", "forecast"]


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

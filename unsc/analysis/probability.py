"""The exact probability that a draft is adopted, vetoed, or fails for lack of votes.

Each member votes independently: yes, no, abstain or absent, with probabilities you give
(or the default below). The three outcomes follow the Council's real rules: the quota of
yes votes, and a veto only when the quota is reached and a permanent member blocks.
Nothing is sampled: the probabilities are computed exactly, as fractions of the inputs.

How: the generating function Π (p_yes·x + p_other + p_block·z) over the members, where x
counts yes votes and z the blocking votes of veto holders. Each member's probabilities are
written over a common denominator, so every coefficient is an integer; the coefficients
for all yes counts are packed into one Python integer, and multiplying in a member is a
shift, two small multiplications and an addition on it. The result is exact for any
council size.

Default: a member whose probabilities are not given votes yes, no or abstain with
probability 1/3 each and is never absent — "nothing is known about this member". Give
``default=`` to change it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from fractions import Fraction
from numbers import Rational, Real

import attrs

from unsc._args import as_digits
from unsc._table import Table, Tabular
from unsc.council import Council
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoSuchEntryError,
    ObligatoryAbstentionError,
)
from unsc.resolution import Resolution
from unsc.rules import Outcome, Roles, Rules, roles
from unsc.votes import Matter, Vote

__all__ = ["UNIFORM", "Distribution", "Number", "PassProbability", "pass_probability"]

#: A probability: a fraction, an integer, or a float (read as its exact value).
Number = Fraction | int | float
#: A member's vote, as probabilities: a mapping from votes (or their names) to numbers,
#: or a tuple (yes, no, abstain) or (yes, no, abstain, absent).
Distribution = Mapping[Vote, Number] | Mapping[str, Number] | tuple[Number, ...]

#: The default distribution: yes, no, abstain equally likely; never absent.
UNIFORM: dict[Vote, Fraction] = {
    Vote.YES: Fraction(1, 3),
    Vote.NO: Fraction(1, 3),
    Vote.ABSTAIN: Fraction(1, 3),
}
_ORDER = (Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.ABSENT, Vote.NOT_PARTICIPATING)


_OUTCOMES = (Outcome.ADOPTED, Outcome.VETOED, Outcome.INSUFFICIENT_VOTES)


@attrs.frozen(repr=False)
class PassProbability(Tabular, Mapping[Outcome, Fraction]):
    """The probability of each outcome: a mapping from [`Outcome`][unsc.rules.Outcome] to an exact
    fraction, in the order adopted, vetoed, insufficient votes.

    Index it by outcome (``odds[Outcome.VETOED]``, ``odds["vetoed"]``) or by position
    (``odds[0]`` is the probability of adoption).

    Attributes:
        adopted: Probability the draft is adopted.
        vetoed: Probability it reaches the quota but a veto blocks it.
        insufficient: Probability it falls short of the quota.
    """

    adopted: Fraction
    vetoed: Fraction
    insufficient: Fraction

    def __getitem__(self, outcome: Outcome | str | int) -> Fraction:
        if isinstance(outcome, int) and not isinstance(outcome, bool):
            if not -3 <= outcome < 3:
                raise NoSuchEntryError("a position among the three outcomes", outcome, "012")
            outcome = _OUTCOMES[outcome]
        if not isinstance(outcome, (Outcome, str)):
            raise InvalidTypeError("an outcome", outcome, "give an Outcome, its name or 0–2")
        kind = Outcome.parse(outcome)
        return (self.adopted, self.vetoed, self.insufficient)[_OUTCOMES.index(kind)]

    def __iter__(self) -> Iterator[Outcome]:
        return iter(_OUTCOMES)

    def __len__(self) -> int:
        return 3

    def as_floats(self) -> dict[str, float]:
        """The three probabilities as floats."""
        return {
            "adopted": float(self.adopted),
            "vetoed": float(self.vetoed),
            "insufficient votes": float(self.insufficient),
        }

    def as_table(self, *, digits: int = 6) -> Table:
        """The three outcomes with their exact and decimal (``digits`` places)
        probabilities; its data (CSV, JSON, the DataFrame) one row per outcome, the
        probability exact (as text in CSV and JSON, a float in the DataFrame).

        Raises:
            InvalidTypeError, InvalidFieldError: For ``digits`` not a whole number 0 to 17.
        """
        digits = as_digits(digits, "PassProbability.table(digits)")
        rows = [
            (outcome.value, str(value), round(float(value), digits))
            for outcome, value in self.items()
        ]
        return Table(
            ("outcome", "probability", "≈"),
            rows,
            data=[
                {"outcome": outcome.value, "probability": value} for outcome, value in self.items()
            ],
            data_columns=("outcome", "probability"),
        )

    def table(self, fmt: str = "simple", *, digits: int = 6) -> str:
        """The table of [`as_table`][unsc.analysis.probability.PassProbability.as_table]
        in ``fmt``: a tabulate format, ``"html"``, ``"csv"`` or ``"json"``.

        Raises:
            UnknownChoiceError: For a format that is none of these.
            InvalidTypeError, InvalidFieldError: For ``digits`` not a whole number 0 to 17.
        """
        return self.as_table(digits=digits).render(fmt)

    def __repr__(self) -> str:
        shown = ", ".join(f"{o.value} {float(p):.4g}" for o, p in self.items())
        return f"<PassProbability {shown}>"


def pass_probability(
    council_or_draft: Council | Resolution,
    probabilities: Mapping[str, Distribution] | None = None,
    *,
    default: Distribution | None = None,
    rules: Rules | None = None,
    matter: Matter | str | None = None,
) -> PassProbability:
    """The exact probability of each outcome when members vote at random.

    Args:
        council_or_draft: A council (nobody has voted), or a draft whose recorded
            votes are taken as certain (except those of members given in
            ``probabilities``) and the rest drawn at random. A draft's matter,
            chapter and parties apply: a party to the dispute obliged to abstain
            (Article 27(3)) abstains unless given otherwise, and cannot block.
        probabilities: For members by code, name or alias: a mapping from votes to
            probabilities (``{"yes": 0.6, "abstain": 0.4}``) or a tuple
            ``(yes, no, abstain[, absent])``. Each must sum to 1.
        default: The distribution of members not given;
            [`UNIFORM`][unsc.analysis.probability.UNIFORM] if omitted.
        rules: Rules other than the council's.
        matter: Substantive (the default, or the draft's) or procedural.

    Examples:
        >>> import unsc
        >>> odds = pass_probability(unsc.Council.of_year(2023))
        >>> odds.adopted + odds.vetoed + odds.insufficient
        Fraction(1, 1)

    Raises:
        NotAMemberError: For a member not on the council.
        InvalidFieldError: For probabilities that are negative or do not sum to 1.
        ObligatoryAbstentionError: For a party obliged to abstain given a chance of
            voting yes or no.
    """
    _checked_rules(rules)
    if isinstance(council_or_draft, Resolution) and council_or_draft.counts is not None:
        # Votes known as counts: nothing is left to chance, and the engine decides them.
        certain = council_or_draft.decide(rules).outcome
        return PassProbability(*(Fraction(int(outcome is certain)) for outcome in _OUTCOMES))
    if isinstance(council_or_draft, Resolution):
        council = council_or_draft.council
        cast = council_or_draft.ballot
        kind = council_or_draft.matter if matter is None else Matter.parse(matter)
        stakes = roles(
            council,
            rules,
            matter=kind,
            chapter=council_or_draft.chapter,
            parties=council_or_draft.parties,
            without_vote=council_or_draft.without_vote,
        )
        symbol = council_or_draft.symbol
    elif isinstance(council_or_draft, Council):
        council = council_or_draft
        cast = (None,) * council.size
        kind = Matter.SUBSTANTIVE if matter is None else Matter.parse(matter)
        stakes = roles(council, rules, matter=kind)
        symbol = "draft"
    else:
        raise InvalidTypeError(
            "pass_probability(council_or_draft)", council_or_draft, "give a Council or a draft"
        )
    if probabilities is not None and not isinstance(probabilities, Mapping):
        raise InvalidTypeError(
            "pass_probability(probabilities)",
            probabilities,
            "give a mapping from members to their probabilities, e.g. {'USA': (0.2, 0.6, 0.2)}",
        )
    fallback = as_distribution(UNIFORM if default is None else default, "default")
    given: dict[int, dict[Vote, Fraction]] = {}
    named: dict[int, object] = {}
    for name, dist in (probabilities or {}).items():
        seat = council.index(name)
        if seat in given:  # "USA" and "United States": one member, two distributions
            raise InvalidFieldError(
                "pass_probability(probabilities)",
                name,
                f"{named[seat]!r} already names {council.members[seat].code}: give each member"
                " once",
            )
        given[seat], named[seat] = as_distribution(dist, str(name)), name
    members = []
    for seat, role in enumerate(stakes):
        vote = cast[seat]
        if seat in given:  # what the caller asks about overrides the recorded vote
            dist = given[seat]
        elif vote is not None:
            dist = {vote: Fraction(1)}
        elif role.party:
            dist = {Vote.ABSTAIN: Fraction(1)}  # Article 27(3): a party shall abstain
        else:
            dist = fallback
        if role.party:
            for barred, p in dist.items():
                if p and barred not in role.allowed:
                    raise ObligatoryAbstentionError(
                        symbol, role.member.code, barred.value, stakes.chapter or "VI"
                    )
        members.append((dist, role.blocks))
    return _solve(members, stakes)


def _checked_rules(rules: object) -> Rules | None:
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("rules", rules, "give a unsc.Rules or None")
    return rules


def as_distribution(dist: Distribution, who: str) -> dict[Vote, Fraction]:
    """A member's probabilities as exact fractions by vote, checked (shared by the exact
    pass probability and the simulation); ``who`` names the member in a refusal.

    Raises:
        InvalidTypeError: For anything but a mapping of votes or a tuple.
        InvalidFieldError: For a probability outside 0–1, or a tuple of the wrong length.
    """
    if isinstance(dist, tuple):
        if not 3 <= len(dist) <= 4:
            raise InvalidFieldError(
                f"probabilities of {who}",
                dist,
                "give (yes, no, abstain) or (yes, no, abstain, absent)",
            )
        items = list(zip(_ORDER, dist))
    elif isinstance(dist, Mapping):
        items = [(Vote.parse(vote), p) for vote, p in dist.items()]
    else:
        raise InvalidTypeError(
            f"probabilities of {who}", dist, "give a mapping of votes to probabilities or a tuple"
        )
    out: dict[Vote, Fraction] = {}
    for vote, p in items:
        value = _exact(p, who)
        if not 0 <= value <= 1:
            raise InvalidFieldError(
                f"probability of {vote.value} for {who}", _short(p), "use a number from 0 to 1"
            )
        out[vote] = out.get(vote, Fraction(0)) + value
    total = sum(out.values(), Fraction(0))
    if total != 1:
        if abs(total - 1) > Fraction(1, 10**9):
            raise InvalidFieldError(
                f"probabilities of {who}",
                dist,
                f"they must sum to 1 (they sum to {_short(total)})",
            )
        # Floats that sum to 1 only up to rounding: rescale exactly.
        out = {vote: p / total for vote, p in out.items()}
    return out


def _short(value: object) -> str:
    """A number for a message: a decimal if it has one, else its start."""
    try:
        return f"{float(value):.6g}"  # type: ignore[arg-type]
    except (OverflowError, TypeError, ValueError):
        text = str(value)
        return text if len(text) <= 20 else text[:17] + "..."


def _exact(p: object, who: str) -> Fraction:
    if isinstance(p, bool) or not isinstance(p, Real):
        raise InvalidTypeError(f"probability for {who}", p, "use a number from 0 to 1")
    if isinstance(p, (Fraction, Rational)):
        return Fraction(p)
    value = float(p)
    if not math.isfinite(value):
        raise InvalidFieldError(f"probability for {who}", p, "use a number from 0 to 1")
    return Fraction(value)  # the exact value of the float


def _widen(value: int, fields: int, bits: int, wider: int) -> int:
    """Repack ``fields`` fields of ``value`` from ``bits`` to ``wider`` bits each."""
    if not value:
        return 0
    old, new = bits // 8, wider // 8
    raw = value.to_bytes(fields * old, "little")
    out = bytearray(fields * new)
    for i in range(fields):
        out[i * new : i * new + old] = raw[i * old : (i + 1) * old]
    return int.from_bytes(out, "little")


def _field_sum(value: int, fields: int, bits: int) -> int:
    """The sum of the ``fields`` packed fields of ``value``, by folding it in halves.

    No carry crosses a field: every partial sum is at most the total, which fits.
    """
    while fields > 1:
        half = (fields + 1) // 2
        value = (value & ((1 << (half * bits)) - 1)) + (value >> (half * bits))
        fields = half
    return value


Seats = list[tuple[dict[Vote, Fraction], frozenset[Vote]]]


def _solve(members: Seats, stakes: Roles) -> PassProbability:
    """The outcome probabilities by the packed generating function.

    ``members`` pairs each seat's distribution with its blocking votes (from
    [`roles`][unsc.rules.roles]). The distribution is summed into cells by yes votes
    (below the quota, or not) and blocking votes (capped at the number it takes), and each
    cell is classified by [`outcome`][unsc.rules.Roles.outcome], the verdict written once.
    """
    if stakes.counts_no:
        return _solve_by_counts(members, stakes)
    # Work sized by the seats, not by the rules' numbers: blocks beyond the seats that can
    # block, and yes votes beyond the seats, never happen.
    needed = min(stakes.rules.vetoes_needed, len(stakes.blockers))
    quota = stakes.quota
    scaled = []
    denominator = 1
    for dist, blocks in members:
        common = math.lcm(*(p.denominator for p in dist.values())) if dist else 1
        yes = int(dist.get(Vote.YES, 0) * common)
        block = int(sum((p for v, p in dist.items() if v in blocks), Fraction(0)) * common)
        scaled.append((yes, common - yes - block, block))
        denominator *= common
    # Only the votes on one side of the quota are counted: the yes votes below the quota
    # (`quota` counts), or, when that is fewer, the other votes up to the most that still
    # leaves the quota (seats - quota + 1 counts). The rest follow from mass[j], the sum of
    # all coefficients with j blocking votes (capped at `needed`).
    by_yes = quota > len(scaled) or 2 * quota <= len(scaled) + 1
    fields = min(quota, len(scaled) + 1) if by_yes else len(scaled) - quota + 1
    # poly[j]: the coefficients by count, packed `bits` wide. The fields start narrow and
    # are widened (doubling, up to what the whole product needs) as the partial product of
    # denominators grows, so early members are multiplied in on small integers.
    final = -(-(denominator.bit_length() + 1) // 8) * 8
    bits = min(64, final)
    keep = (1 << (fields * bits)) - 1
    limit = fields * bits
    poly = [1] + [0] * needed
    mass = [1] + [0] * needed
    total = 1
    for yes, other, block in scaled:
        total *= yes + other + block
        if total.bit_length() + 1 > bits:
            wider = bits
            while total.bit_length() + 1 > wider:
                wider *= 2
            wider = min(wider, final)
            poly = [_widen(value, fields, bits, wider) for value in poly]
            bits = wider
            keep = (1 << (fields * bits)) - 1
            limit = fields * bits
        plain, counted = (other, yes) if by_yes else (yes, other)
        new = [0] * (needed + 1)
        new_mass = [0] * (needed + 1)
        for j in range(needed + 1):
            value, weight = poly[j], mass[j]
            if not weight:
                continue
            grown = value * plain + (value << bits) * counted
            new[j] += grown & keep if grown.bit_length() > limit else grown
            new_mass[j] += weight * (plain + counted)
            if block:
                up = min(j + 1, needed)
                moved = value * block if by_yes else (value << bits) * block
                new[up] += moved & keep if moved.bit_length() > limit else moved
                new_mass[up] += weight * block
        poly, mass = new, new_mass
    # short[j]: the mass on the counted side (yes below the quota, or the quota reached).
    short = [_field_sum(value, fields, bits) for value in poly]
    counted_side, rest = (quota - 1, quota) if by_yes else (quota, quota - 1)
    totals = dict.fromkeys(_OUTCOMES, 0)
    for j in range(needed + 1):
        totals[stakes.outcome(counted_side, j)] += short[j]
        totals[stakes.outcome(rest, j)] += mass[j] - short[j]
    return PassProbability(
        Fraction(totals[Outcome.ADOPTED], denominator),
        Fraction(totals[Outcome.VETOED], denominator),
        Fraction(totals[Outcome.INSUFFICIENT_VOTES], denominator),
    )


def _solve_by_counts(members: Seats, stakes: Roles) -> PassProbability:
    """The outcome probabilities for rules that count the votes against as well (a
    majority of those present and voting): the distribution of (yes, no, blocking votes)
    built seat by seat on integers over a common denominator, each cell then classified
    by [`outcome`][unsc.rules.Roles.outcome], the verdict written once."""
    needed = min(stakes.rules.vetoes_needed, len(stakes.blockers))
    cells: dict[tuple[int, int, int], int] = {(0, 0, 0): 1}
    denominator = 1
    for dist, blocks in members:
        common = math.lcm(*(p.denominator for p in dist.values())) if dist else 1
        weights = [(vote, int(p * common)) for vote, p in dist.items() if p]
        grown: dict[tuple[int, int, int], int] = {}
        for (yes, no, blocked), mass in cells.items():
            for vote, weight in weights:
                key = (
                    yes + (vote is Vote.YES),
                    no + (vote is Vote.NO),
                    min(needed, blocked + (vote in blocks)),
                )
                grown[key] = grown.get(key, 0) + mass * weight
        cells = grown
        denominator *= common
    totals = dict.fromkeys(_OUTCOMES, 0)
    for (yes, no, blocked), mass in cells.items():
        totals[stakes.outcome(yes, blocked, no)] += mass
    return PassProbability(
        Fraction(totals[Outcome.ADOPTED], denominator),
        Fraction(totals[Outcome.VETOED], denominator),
        Fraction(totals[Outcome.INSUFFICIENT_VOTES], denominator),
    )

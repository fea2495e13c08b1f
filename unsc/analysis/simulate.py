"""Monte Carlo for voting models that exact computation cannot handle.

[`pass_probability`][unsc.analysis.probability.pass_probability] is exact, but only for members who
vote independently. Members often do not: a bloc (the elected ten, a regional group, the
permanent three) may vote as one. [`simulate`][unsc.analysis.simulate.simulate] draws ballots from
a [`Model`][unsc.analysis.simulate.Model]
in which each [`Bloc`][unsc.analysis.simulate.Bloc] votes together with a given cohesion, decides
every ballot
with [`unsc.decide_many`][unsc.batch.decide_many] (the one rule), and reports each outcome's
estimated probability with its sampling error. With no bloc, the model is the one
[`pass_probability`][unsc.analysis.probability.pass_probability] solves exactly, and the two agree
within the error.

Examples:
    >>> import unsc
    >>> from unsc.analysis import Bloc, Model, simulate
    >>> c = unsc.Council.of_year(2023)
    >>> model = Model(default=(0.5, 0.2, 0.3), blocs=(Bloc(("FRA", "GBR", "USA"), 0.9),))
    >>> result = simulate(c, model, 2000, seed=1)
    >>> len(result), round(sum(result.estimates().values()), 6)
    (2000, 1.0)
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from unsc._args import as_whole
from unsc._table import Table, Tabular
from unsc.analysis.probability import UNIFORM, Distribution, as_distribution
from unsc.batch import Outcomes, decide_many
from unsc.council import Council
from unsc.errors import InvalidFieldError, InvalidTypeError
from unsc.rules import Outcome, Rules
from unsc.votes import Matter, Vote

__all__ = ["MAX_BALLOTS", "Bloc", "Model", "Simulation", "simulate"]


def _members(values: Iterable[str]) -> tuple[str, ...]:
    return _each(values, str, "Bloc.members", "give the bloc's members as a list of names")


def _blocs(values: Iterable[Bloc]) -> tuple[Bloc, ...]:
    return _each(values, Bloc, "Model.blocs", "give a list of unsc.analysis.Bloc")


def _each(values: object, kind: type[Any], what: str, valid: str) -> tuple[Any, ...]:
    """``values`` as a tuple of ``kind``, read one by one: refused at the first that is not
    one (a long run of junk is not read through)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(what, values, valid)
    out = []
    for value in values:
        if not isinstance(value, kind):
            raise InvalidTypeError(what, value, valid)
        out.append(value)
    return tuple(out)


def _mapping(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "Model.probabilities", value, "give a dict of member to (yes, no, abstain)"
        )


def _cohesion(instance: object, attribute: object, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise InvalidTypeError("Bloc.cohesion", value, "give a number from 0 to 1")
    if not 0 <= value <= 1:
        raise InvalidFieldError("Bloc.cohesion", value, "give a number from 0 to 1")


@attrs.frozen
class Bloc:
    """Members who vote together.

    On each ballot, with probability ``cohesion`` the whole bloc casts one vote, drawn
    from ``votes`` (or, if not given, from its first member's distribution); otherwise
    each member votes on its own.

    Attributes:
        members: The members, by code, name or alias.
        cohesion: The probability that the bloc votes as one (0 to 1).
        votes: The bloc's distribution when it votes as one.
    """

    members: tuple[str, ...] = attrs.field(converter=_members)
    cohesion: float = attrs.field(validator=_cohesion)
    votes: Distribution | None = None


@attrs.frozen
class Model:
    """How the members vote: each on its own by a distribution, some in blocs.

    Attributes:
        probabilities: For members by code, name or alias, as for
            [`pass_probability`][unsc.analysis.probability.pass_probability].
        default: The distribution of members not given
            ([`UNIFORM`][unsc.analysis.probability.UNIFORM] if omitted).
        blocs: Members who vote together.
    """

    probabilities: Mapping[str, Distribution] = attrs.field(factory=dict, validator=_mapping)
    default: Distribution | None = None
    blocs: tuple[Bloc, ...] = attrs.field(default=(), converter=_blocs)


@attrs.frozen(repr=False)
class Simulation(Tabular):
    """The ballots drawn and their outcomes, with estimates and their errors.

    Attributes:
        decisions: Every ballot's outcome (see [`unsc.Outcomes`][unsc.batch.Outcomes]).
        seed: The seed drawn from, to draw the same again.
    """

    decisions: Outcomes
    seed: int | None

    def __len__(self) -> int:
        return len(self.decisions)

    def estimates(self) -> dict[Outcome, float]:
        """Each outcome's share of the ballots, adopted first."""
        n = len(self.decisions)
        return {outcome: count / n for outcome, count in self.decisions.counts().items()}

    def errors(self) -> dict[Outcome, float]:
        """Each estimate's standard error, sqrt(p(1 − p)/n)."""
        n = len(self.decisions)
        return {o: math.sqrt(p * (1 - p) / n) for o, p in self.estimates().items()}

    def interval(self, outcome: Outcome | str, z: float = 1.96) -> tuple[float, float]:
        """An approximate confidence interval for ``outcome`` (95 % by default).

        Raises:
            InvalidTypeError: For a ``z`` that is not a number.
            InvalidFieldError: For a ``z`` that is not positive and finite.
        """
        if isinstance(z, bool) or not isinstance(z, (int, float, Fraction)):
            raise InvalidTypeError("interval(z)", z, "give a number of standard errors: 1.96")
        if not (math.isfinite(z) and z > 0):
            raise InvalidFieldError("interval(z)", z, "give a positive, finite number: 1.96")
        kind = Outcome.parse(outcome)
        p, e = self.estimates()[kind], self.errors()[kind]
        return max(0.0, p - z * e), min(1.0, p + z * e)

    def as_table(self) -> Table:
        """Each outcome: the estimate, its standard error and a 95 % interval."""
        rows = []
        for outcome, p in self.estimates().items():
            low, high = self.interval(outcome)
            rows.append((outcome.value, f"{p:.4f}", f"{self.errors()[outcome]:.4f}",
                         f"{low:.4f}–{high:.4f}"))  # fmt: skip
        return Table(
            ("outcome", "estimate", "std. error", "95% interval"),
            rows,
            caption=f"{len(self):,} ballots drawn (seed {self.seed}).",
        )

    def __repr__(self) -> str:
        shown = ", ".join(f"{o.value} {p:.3f}" for o, p in self.estimates().items())
        return f"<Simulation of {len(self):,} ballots: {shown}>"


#: The most ballots one simulation draws: each ballot holds a vote per seat in memory.
MAX_BALLOTS = 1_000_000
_WHY_MAX = "a million ballots give each share to ±0.001; pass_probability gives it exactly"


def simulate(
    council: Council,
    model: Model | None = None,
    n: int = 10_000,
    *,
    seed: int | None = None,
    rules: Rules | None = None,
    matter: Matter | str = Matter.SUBSTANTIVE,
) -> Simulation:
    """Draw ``n`` ballots from ``model`` and decide each on ``council``.

    Args:
        council: The council.
        model: How members vote; every member by
            [`UNIFORM`][unsc.analysis.probability.UNIFORM] if omitted.
        n: How many ballots to draw.
        seed: For the draws; the same seed gives the same ballots.
        rules: Rules other than the council's.
        matter: Substantive (the default) or procedural.

    Raises:
        InvalidFieldError: For ``n`` below 1 or above
            [`MAX_BALLOTS`][unsc.analysis.simulate.MAX_BALLOTS], a member in two blocs, or
            bad probabilities.
        NotAMemberError: For a member not on the council.
    """
    if not isinstance(council, Council):
        raise InvalidTypeError("simulate(council)", council, "give a unsc.Council")
    model = Model() if model is None else model
    if not isinstance(model, Model):
        raise InvalidTypeError("simulate(model)", model, "give a unsc.analysis.Model")
    n = as_whole(n, "simulate(n)", low=1, high=MAX_BALLOTS, limit=_WHY_MAX)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidTypeError("simulate(seed)", seed, "give a whole number or None")
    fallback = as_distribution(UNIFORM if model.default is None else model.default, "default")
    own = [fallback] * council.size
    for name, dist in model.probabilities.items():
        own[council.index(name)] = as_distribution(dist, str(name))
    rnd = random.Random(seed)
    columns = [_draw(rnd, dist, n) for dist in own]
    taken: set[int] = set()
    for bloc in model.blocs:
        seats = [council.index(name) for name in bloc.members]
        if taken & set(seats) or len(set(seats)) != len(seats):
            raise InvalidFieldError("Model.blocs", bloc.members, "put each member in one bloc")
        taken.update(seats)
        together = as_distribution(bloc.votes, "bloc") if bloc.votes is not None else own[seats[0]]
        votes = _draw(rnd, together, n)
        cohesion = float(bloc.cohesion)
        united = [rnd.random() < cohesion for _ in range(n)]
        for seat in seats:
            column = columns[seat]
            columns[seat] = [v if one else mine for v, mine, one in zip(votes, column, united)]
    ballots = list(zip(*columns))
    return Simulation(decide_many(council, ballots, rules=rules, matter=matter), seed)


def _draw(rnd: random.Random, dist: Mapping[Vote, Fraction], n: int) -> list[Vote]:
    votes = [vote for vote, p in dist.items() if p]
    weights = [float(dist[vote]) for vote in votes]
    if len(votes) == 1:
        return votes * n
    return rnd.choices(votes, weights=weights, k=n)

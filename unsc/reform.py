"""Councils proposed in reform models, and rule variants, compared with today's.

The three 2005 General Assembly drafts (sources in ``docs/reform.md``):

* **G4** (Brazil, Germany, India, Japan), A/59/L.64: 25 seats — the five permanent
  members, six new permanent members *without* a veto (two African, two Asia-Pacific,
  one Latin American and Caribbean, one Western European and other), and fourteen
  elected members (ten today plus four new).
* **African Union** (Ezulwini consensus), A/59/L.67: 26 seats — the five permanent
  members, six new permanent members *with* a veto, and fifteen elected members.
* **Uniting for Consensus**, A/59/L.68: 25 seats — the five permanent members and
  twenty elected members (immediate re-election allowed).

The decision thresholds of the drafts are **assumptions** here (14 of 25, 15 of 26,
15 of 25): the texts were not available to check them. New seats are not named: no
state holds them. Rule variants apply today's Council under other rules, such as a
veto that takes two permanent members voting no.

Examples:
    >>> from unsc import reform
    >>> reform.model("g4").council.size, reform.model("g4").council.rules.quota
    (25, 14)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import overload

import attrs

from unsc._table import Table, Tabular
from unsc.analysis.power import PowerIndices, power
from unsc.analysis.probability import PassProbability, pass_probability
from unsc.council import Council
from unsc.errors import InvalidTypeError, NoSuchEntryError, UnknownPresetError
from unsc.members import PERMANENT, Member
from unsc.rules import CHARTER_1965, LITERAL_1965, TWO_VETOES, Rules

__all__ = ["MODELS", "Comparison", "ModelResult", "ReformModel", "compare", "model"]

_TODAY = 2026


@attrs.frozen(repr=False)
class ReformModel:
    """A council proposed in a reform model, or today's under other rules.

    Attributes:
        key: Short name (``"g4"``).
        name: Full name.
        council: The council, with its rules.
        source: Where the model comes from.
        assumptions: What unsc assumed where the source is silent or unchecked.
    """

    key: str
    name: str
    council: Council
    source: str
    assumptions: str = ""

    def __repr__(self) -> str:
        return f"<ReformModel {self.key}: {self.name}, {self.council.size} seats>"


def _seats(
    prefix: str, label: str, count: int, *, permanent: bool, groups: tuple[str | None, ...] = ()
) -> list[Member]:
    """Numbered seats: codes ``prefix01``…, names ``label`` with the number in its ``{}``."""
    groups = groups or (None,) * count
    return [
        Member(f"{prefix}{i + 1:02d}", label.format(i + 1), permanent, groups[i])
        for i in range(count)
    ]


def _p5() -> list[Member]:
    return [Member.of(code, permanent=True) for code in PERMANENT]


def _drafted(
    key: str,
    name: str,
    short: str,
    symbol: str,
    new: list[Member],
    elected: int,
    quota: int,
    source: str,
    assumptions: str,
    *,
    veto: tuple[str, ...] | None = None,
) -> ReformModel:
    """A 2005 draft's council: the five, the ``new`` permanent seats and ``elected``
    elected seats, deciding with ``quota`` votes (an assumption: the texts were not
    checked); ``veto``, the veto holders where not every permanent member has one."""
    seats = [*_p5(), *new, *_seats("E", "Elected seat {}", elected, permanent=False)]
    rules = Rules(f"{short} model, {quota} of {len(seats)}", quota,
                  source=f"{symbol} (threshold assumed)")  # fmt: skip
    return ReformModel(key, name, Council(seats, rules=rules, veto=veto), source, assumptions)


def _g4() -> ReformModel:
    new = _seats(
        "NP",
        "New permanent seat {} (without a veto)",
        6,
        permanent=True,
        groups=("AFR", "AFR", "APG", "APG", "GRULAC", "WEOG"),
    )
    return _drafted(
        "g4",
        "G4 (A/59/L.64, 2005)",
        "G4",
        "A/59/L.64",
        new,
        14,
        14,
        "A/59/L.64 of 6 July 2005: 25 seats, six new permanent members without the veto "
        "until a review, four new elected seats",
        "quota 14 of 25 assumed",
        veto=PERMANENT,
    )


def _au() -> ReformModel:
    return _drafted(
        "au",
        "African Union / Ezulwini (A/59/L.67, 2005)",
        "African Union",
        "A/59/L.67",
        _seats("NP", "New permanent seat {} (with a veto)", 6, permanent=True),
        15,
        15,
        "African Union draft of July 2005: 26 seats, six new permanent members with the "
        "veto, five new elected seats",
        "quota 15 of 26 assumed; document symbol A/59/L.67 unchecked",
    )


def _ufc() -> ReformModel:
    return _drafted(
        "ufc",
        "Uniting for Consensus (A/59/L.68, 2005)",
        "Uniting for Consensus",
        "A/59/L.68",
        [],
        20,
        15,
        "Uniting for Consensus draft of 2005: 25 seats, the five permanent members and "
        "twenty elected members",
        "quota 15 of 25 assumed; document symbol A/59/L.68 unchecked",
    )


def _today(key: str, name: str, rules: Rules, source: str) -> ReformModel:
    council = Council.of_year(_TODAY)
    return ReformModel(key, name, attrs.evolve(council, rules=rules), source)


@functools.cache
def _models() -> dict[str, ReformModel]:
    return {
        "status-quo": _today(
            "status-quo",
            f"The Council of {_TODAY}",
            CHARTER_1965,
            "Article 27 of the Charter, as practised",
        ),
        "g4": _g4(),
        "au": _au(),
        "ufc": _ufc(),
        "two-vetoes": _today(
            "two-vetoes",
            "Two-member veto",
            TWO_VETOES,
            "Reform idea: a veto takes two permanent members voting no (Gould & Rablen, "
            "Public Choice, 2017: the one proposal that robustly dominates the status quo)",
        ),
        "literal": _today(
            "literal",
            "Article 27(3) read literally",
            LITERAL_1965,
            "Teaching variant: a permanent member's abstention or absence also blocks",
        ),
    }


#: The keys of the models, in the order of comparisons.
MODELS: tuple[str, ...] = ("status-quo", "g4", "au", "ufc", "two-vetoes", "literal")


def model(key: str) -> ReformModel:
    """The model with ``key`` (see [`MODELS`][unsc.reform.MODELS]).

    Raises:
        UnknownPresetError: For a key not in [`MODELS`][unsc.reform.MODELS].
    """
    if not isinstance(key, str):
        raise InvalidTypeError("reform.model(key)", key, f"use one of {', '.join(MODELS)}")
    models = _models()
    try:
        return models[key.strip().lower()]
    except KeyError:
        raise UnknownPresetError("a reform model", key, MODELS) from None


@attrs.frozen(repr=False)
class ModelResult:
    """One model in a comparison.

    Attributes:
        model: The model.
        power: Its power indices (Shapley–Shubik and Banzhaf).
        odds: Its outcome probabilities when every member votes yes, no or abstain
            with probability 1/3 each.
    """

    model: ReformModel
    power: PowerIndices
    odds: PassProbability

    def __repr__(self) -> str:
        return f"<ModelResult {self.model.key}: P(adopted) {float(self.odds.adopted):.4g}>"


@attrs.frozen(repr=False)
class Comparison(Tabular):
    """Power and the probability of passing, model by model: a sequence of
    [`ModelResult`][unsc.reform.ModelResult], indexed by position or by the model's key
    (``c["g4"]``).

    Attributes:
        models: The models compared.
        power: Their power indices, in the same order.
        odds: Their outcome probabilities when every member votes yes, no or abstain
            with probability 1/3 each.
    """

    models: tuple[ReformModel, ...]
    power: tuple[PowerIndices, ...]
    odds: tuple[PassProbability, ...]

    def __iter__(self) -> Iterator[ModelResult]:
        return (ModelResult(m, p, o) for m, p, o in zip(self.models, self.power, self.odds))

    def __len__(self) -> int:
        return len(self.models)

    @overload
    def __getitem__(self, key: int | str) -> ModelResult: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[ModelResult, ...]: ...
    def __getitem__(self, key: int | str | slice) -> ModelResult | tuple[ModelResult, ...]:
        if isinstance(key, slice):
            return tuple(self)[key]
        if isinstance(key, str):
            keys = [m.key for m in self.models]
            found = key.strip().lower()
            if found not in keys:
                raise NoSuchEntryError("a model in this comparison", key, keys)
            key = keys.index(found)
        if not isinstance(key, int) or isinstance(key, bool):
            raise InvalidTypeError("a key of a comparison", key, "give a position or a key")
        return ModelResult(self.models[key], self.power[key], self.odds[key])

    def __repr__(self) -> str:
        return f"<Comparison of {len(self)} models: {', '.join(m.key for m in self.models)}>"

    def rows(self) -> list[tuple[object, ...]]:
        """One row per model: seats, quota, veto holders, power of a veto holder and of
        another seat, the power to act, and the probability of each outcome."""
        rows: list[tuple[object, ...]] = []
        for reform_model, indices, odds in zip(self.models, self.power, self.odds):
            council = reform_model.council
            veto_seat = council.veto_index[0]
            other = next(i for i in range(council.size) if i not in council.veto_index)
            rows.append(
                (
                    reform_model.key,
                    council.size,
                    council.rules.quota,
                    len(council.veto),
                    council.rules.vetoes_needed,
                    float(indices.shapley_shubik[veto_seat]),
                    float(indices.shapley_shubik[other]),
                    float(indices.banzhaf[veto_seat]),
                    float(indices.banzhaf[other]),
                    float(indices.coleman_act),
                    float(odds.adopted),
                    float(odds.vetoed),
                )
            )
        return rows

    def as_table(self) -> Table:
        """The comparison: one row per model; its data with names for programs."""
        columns = ("model", "seats", "quota", "vetoes", "to_block", "ss_veto", "ss_other",
                   "banzhaf_veto", "banzhaf_other", "act", "p_adopted", "p_vetoed")  # fmt: skip
        rows = self.rows()
        headers = (
            "model",
            "seats",
            "quota",
            "vetoes",
            "to block",
            "SS veto",
            "SS other",
            "BZ veto",
            "BZ other",
            "act",
            "P(adopted)",
            "P(vetoed)",
        )
        return Table(
            headers,
            rows,
            floatfmt=".5f",
            data=[dict(zip(columns, row)) for row in rows],
            data_columns=columns,
        )


def compare(keys: tuple[str, ...] = MODELS) -> Comparison:
    """Compare the power and the probability of passing across models.

    Examples:
        >>> from unsc import reform
        >>> c = reform.compare(("status-quo", "two-vetoes"))
        >>> c.odds[1].adopted > c.odds[0].adopted
        True
        >>> c["two-vetoes"].odds.adopted == c.odds[1].adopted, len(c)
        (True, 2)
    """
    if isinstance(keys, str):
        keys = (keys,)
    if not isinstance(keys, (tuple, list)):
        raise InvalidTypeError("reform.compare(keys)", keys, "give a tuple of model keys")
    models = tuple(model(k) for k in keys)
    return Comparison(
        models,
        tuple(power(m.council, indices=("shapley_shubik", "banzhaf")) for m in models),
        tuple(pass_probability(m.council) for m in models),
    )

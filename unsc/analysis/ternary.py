"""Voting power when abstention is a vote of its own.

The power indices of [`unsc.analysis.power`][unsc.analysis.power] use the weighted-game model:
every seat votes yes or not-yes. For the Security Council that model gets one thing wrong that
matters most: it cannot tell a permanent member's abstention from its "no". In the
model, a permanent member that does not vote yes blocks; in the Council's practice since
1946 only a negative vote blocks, and resolutions are adopted with permanent members
abstaining (resolution 2712 (2023) with three, resolution 2504 (2020) with four). The
model therefore overstates what a veto holder's abstention does, and cannot express the
choice a permanent member actually has: to let a draft pass without supporting it.

The measure here keeps the three options. Every member votes yes, no or abstain, at
random (by default each with probability 1/3, independently); the outcome follows the
Council's real rules. For each member and each pair of its options, the *ternary
decisiveness* is the probability that switching between the two changes whether the draft
is adopted:

    D_i(a, b) = P(adopted | i votes a) − P(adopted | i votes b),  for a above b,

since switching up (no → abstain → yes) never turns adoption into failure. ``overall`` is
the average of the three pairs: the probability that, with i's vote and another option
both drawn at random, the change matters. For an elected member, abstaining and voting no
are the same (neither counts toward the nine), so its no ↔ abstain decisiveness is 0; for
a permanent member it is exactly the power of the veto.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import overload

import attrs

from unsc._args import as_digits
from unsc._table import Table, Tabular
from unsc.analysis.game import seat_identities
from unsc.analysis.probability import Distribution, pass_probability
from unsc.council import Council
from unsc.errors import InvalidTypeError, NoSuchEntryError
from unsc.members import Member
from unsc.rules import Rules
from unsc.votes import Vote

__all__ = ["MemberDecisiveness", "TernaryPower", "ternary_power"]


@attrs.frozen(repr=False)
class MemberDecisiveness:
    """One member's ternary decisiveness.

    Attributes:
        member: The member.
        yes_no: P(adopted | yes) − P(adopted | no).
        yes_abstain: P(adopted | yes) − P(adopted | abstain).
        abstain_no: P(adopted | abstain) − P(adopted | no).
    """

    member: Member
    yes_no: Fraction
    yes_abstain: Fraction
    abstain_no: Fraction

    @property
    def overall(self) -> Fraction:
        """The average decisiveness over the three pairs of options."""
        return (self.yes_no + self.yes_abstain + self.abstain_no) / 3

    def keys(self) -> tuple[str, ...]:
        """The names of the measures (so that ``dict(decisiveness)`` works)."""
        return _MEASURES

    def __iter__(self) -> Iterator[str]:
        return iter(_MEASURES)

    def __getitem__(self, measure: str) -> Fraction:
        if measure not in _MEASURES:
            raise NoSuchEntryError("a measure of decisiveness", measure, _MEASURES)
        value: Fraction = getattr(self, measure)
        return value

    def __repr__(self) -> str:
        return f"<MemberDecisiveness {self.member.code}: overall {float(self.overall):.4g}>"


_MEASURES = ("yes_no", "yes_abstain", "abstain_no", "overall")


@attrs.frozen(repr=False)
class TernaryPower(Tabular):
    """Ternary decisiveness of every member: a sequence of
    [`MemberDecisiveness`][unsc.analysis.ternary.MemberDecisiveness],
    indexed by position or by member (code, name or alias).

    Attributes:
        council: The council.
        rules: The rules decided by.
        yes_no: Per member, P(adopted | yes) − P(adopted | no).
        yes_abstain: Per member, P(adopted | yes) − P(adopted | abstain).
        abstain_no: Per member, P(adopted | abstain) − P(adopted | no).
    """

    council: Council
    rules: Rules
    yes_no: tuple[Fraction, ...]
    yes_abstain: tuple[Fraction, ...]
    abstain_no: tuple[Fraction, ...]

    @property
    def overall(self) -> tuple[Fraction, ...]:
        """Per member, the average decisiveness over the three pairs of options."""
        return tuple(
            (a + b + c) / 3 for a, b, c in zip(self.yes_no, self.yes_abstain, self.abstain_no)
        )

    def of(self, member: str | Member) -> MemberDecisiveness:
        """The measures of one member (code, name or alias)."""
        i = self.council.index(member)
        return MemberDecisiveness(
            self.council.members[i], self.yes_no[i], self.yes_abstain[i], self.abstain_no[i]
        )

    def __iter__(self) -> Iterator[MemberDecisiveness]:
        return (self.of(m) for m in self.council.members)

    def __len__(self) -> int:
        return self.council.size

    @overload
    def __getitem__(self, key: int | str | Member) -> MemberDecisiveness: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[MemberDecisiveness, ...]: ...
    def __getitem__(
        self, key: int | str | Member | slice
    ) -> MemberDecisiveness | tuple[MemberDecisiveness, ...]:
        if isinstance(key, slice):
            return tuple(self)[key]
        if isinstance(key, int):
            return self.of(self.council.members[key])
        return self.of(key)

    def __repr__(self) -> str:
        return f"<TernaryPower: {self.council.size} members, rules {self.rules.name!r}>"

    def as_table(self, *, digits: int = 5) -> Table:
        """One row per member, every value in one fixed-point format of ``digits``
        decimals; its data (CSV, JSON, the DataFrame) one row per member as
        [`rows`][unsc.analysis.ternary.TernaryPower.rows] gives it (exact fractions, as
        text in CSV and JSON, floats in the DataFrame).

        Raises:
            InvalidTypeError, InvalidFieldError: For ``digits`` not a whole number 0 to 17.
        """
        digits = as_digits(digits, "TernaryPower.table(digits)")
        rows = [
            (
                m.name,
                "yes" if i in self.council.veto_index else "",
                *(float(x[i]) for x in (self.yes_no, self.yes_abstain, self.abstain_no)),
                float(self.overall[i]),
            )
            for i, m in enumerate(self.council.members)
        ]
        return Table(
            ("member", "veto", "yes↔no", "yes↔abstain", "abstain↔no", "overall"),
            rows,
            floatfmt=f".{digits}f",
            data=self.rows(),
            data_columns=("seat", "name", "kind", "veto", *_MEASURES),
        )

    def table(self, fmt: str = "simple", *, digits: int = 5) -> str:
        """The table of [`as_table`][unsc.analysis.ternary.TernaryPower.as_table] in
        ``fmt``: a tabulate format, ``"html"``, ``"csv"`` or ``"json"``.

        Raises:
            UnknownChoiceError: For a format that is none of these.
            InvalidTypeError, InvalidFieldError: For ``digits`` not a whole number 0 to 17.
        """
        return self.as_table(digits=digits).render(fmt)

    def rows(self) -> list[dict[str, object]]:
        """One dict per member: ``seat`` (its code), ``name``, ``kind`` (``"permanent"``
        or ``"elected"``), ``veto`` (whether its no blocks under these rules) and the
        four measures as exact fractions."""
        veto = self.council.veto_index
        return [
            {**named, "veto": i in veto, **dict(measures)}
            for i, (named, measures) in enumerate(zip(seat_identities(None, self.council), self))
        ]


def _certain(vote: Vote) -> Distribution:
    """The distribution of a member certain to cast ``vote``."""
    return {vote: 1}


def ternary_power(
    council: Council,
    probabilities: Mapping[str, Distribution] | None = None,
    *,
    default: Distribution | None = None,
    rules: Rules | None = None,
) -> TernaryPower:
    """Each member's ternary decisiveness (see the module's description).

    Args:
        council: The council.
        probabilities: How the other members vote, as for
            [`pass_probability`][unsc.analysis.probability.pass_probability].
        default: The distribution of members not given (yes, no, abstain 1/3 each).
        rules: Rules other than the council's.

    Examples:
        >>> import unsc
        >>> t = ternary_power(unsc.Council.of_year(2023))
        >>> t.of("USA").abstain_no > 0, t["Japan"].abstain_no
        (True, Fraction(0, 1))
    """
    if not isinstance(council, Council):
        raise InvalidTypeError("ternary_power(council)", council, "give a unsc.Council")
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("ternary_power(rules)", rules, "give a unsc.Rules or None")
    if probabilities is not None and not isinstance(probabilities, Mapping):
        raise InvalidTypeError(
            "ternary_power(probabilities)", probabilities, "give a mapping of members"
        )
    rules = rules or council.rules
    given = dict(probabilities or {})
    adopt: dict[tuple[int, Vote], Fraction] = {}
    # Members without a distribution of their own and with the same role face the same
    # others, so one computation serves them all.
    by_role: dict[bool, dict[Vote, Fraction]] = {}
    named = {council.index(name) for name in given}
    for i, member in enumerate(council.members):
        role = i in council.veto_index
        if i not in named and role in by_role:
            values = by_role[role]
        else:
            others = {k: v for k, v in given.items() if council.index(k) != i}
            values = {
                vote: pass_probability(
                    council,
                    {**others, member.code: _certain(vote)},
                    default=default,
                    rules=rules,
                ).adopted
                for vote in (Vote.YES, Vote.NO, Vote.ABSTAIN)
            }
            if i not in named:
                by_role[role] = values
        for vote, value in values.items():
            adopt[i, vote] = value
    n = council.size
    return TernaryPower(
        council,
        rules,
        tuple(adopt[i, Vote.YES] - adopt[i, Vote.NO] for i in range(n)),
        tuple(adopt[i, Vote.YES] - adopt[i, Vote.ABSTAIN] for i in range(n)),
        tuple(adopt[i, Vote.ABSTAIN] - adopt[i, Vote.NO] for i in range(n)),
    )

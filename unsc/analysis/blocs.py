"""Members that vote together: blocs found in an
[`Agreement`][unsc.analysis.agreement.Agreement] by average-linkage clustering."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import overload

import attrs

from unsc._args import as_flag, as_position, as_probability
from unsc._table import Table, Tabular
from unsc.analysis._common import member_code
from unsc.analysis.agreement import Agreement, Measure
from unsc.errors import InvalidTypeError, NoSuchEntryError
from unsc.members import state_name

__all__ = ["Blocs", "blocs"]


@attrs.frozen(repr=False, eq=False)
class Blocs(Tabular, Sequence[tuple[str, ...]]):
    """Members that vote together, found by average-linkage clustering of their agreement:
    a sequence of blocs, each a tuple of member codes, largest first.

    Attributes:
        measure: The measure clustered on.
        threshold: The least average agreement within a bloc.
        order: Every member, bloc by bloc, in the order the clustering joined them (the order
            of the rows of a heat map).
        agreement: The agreement the blocs were found in.
    """

    measure: str
    threshold: Fraction
    order: tuple[str, ...]
    agreement: Agreement
    _blocs: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self._blocs)

    @overload
    def __getitem__(self, key: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[tuple[str, ...], ...]: ...
    def __getitem__(self, key: int | slice) -> tuple[str, ...] | tuple[tuple[str, ...], ...]:
        if isinstance(key, slice):
            return self._blocs[key]
        return self._blocs[as_position(key, len(self), "a bloc's position")]

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._blocs)

    def __repr__(self) -> str:
        return f"<Blocs: {len(self)} by {self.measure} at {float(self.threshold):.2f}>"

    def of(self, member: str) -> tuple[str, ...]:
        """The bloc ``member`` (code, name or alias) belongs to.

        Raises:
            NoSuchEntryError: For a member not counted.
        """
        code = member_code(member, "Blocs.of(member)")
        for bloc in self._blocs:
            if code in bloc:
                return bloc
        raise NoSuchEntryError("a member counted here", member, self.order)

    def cohesion(self, bloc: tuple[str, ...]) -> Fraction | None:
        """The average agreement between the members of ``bloc`` (``None`` for one member,
        or no common vote).

        Raises:
            InvalidTypeError: For anything but a tuple or list of members.
        """
        if not isinstance(bloc, (tuple, list)):
            raise InvalidTypeError("Blocs.cohesion(bloc)", bloc, "give a bloc: a tuple of codes")
        values = [self.agreement.pair(a, b).measure(self.measure)
                  for a, b in itertools.combinations(bloc, 2)]  # fmt: skip
        known = [v for v in values if v is not None]
        return sum(known, Fraction(0)) / len(known) if known else None

    def as_table(self, *, codes: bool = False) -> Table:
        """Each bloc: its members by name (or by code, ``codes=True``: narrow enough for a
        terminal, separated by spaces as ``with_votes`` takes them) and its cohesion.

        Raises:
            InvalidTypeError: For ``codes`` not True or False.
        """
        codes = as_flag(codes, "Blocs.table(codes)")
        rows = []
        for number, bloc in enumerate(self._blocs, 1):
            cohesion = self.cohesion(bloc)
            members = " ".join(bloc) if codes else ", ".join(state_name(c) for c in bloc)
            rows.append((number, members, len(bloc),
                         "—" if cohesion is None else f"{float(cohesion):.3f}"))  # fmt: skip
        return Table(
            ("bloc", "members", "size", "cohesion"),
            rows,
            caption=self.agreement.caption(self.measure),
            notes=("Blocs by average linkage.",),
        )

    def table(self, fmt: str = "simple", *, codes: bool = False) -> str:
        """The table of [`as_table`][unsc.analysis.blocs.Blocs.as_table] in ``fmt``: a
        tabulate format with the caption beneath, ``"html"``, ``"csv"`` or ``"json"``.

        Raises:
            UnknownChoiceError: For a format that is none of these.
            InvalidTypeError: For ``codes`` not True or False.
        """
        return self.as_table(codes=codes).render(fmt)


def blocs(
    found: Agreement, *, measure: Measure | str = "identical", threshold: float | Fraction = 0.75
) -> Blocs:
    """The blocs of ``found``: average-linkage agglomerative clustering on 1 − agreement.

    Every member starts alone; the two groups with the highest average agreement between
    their members join, while that average is at least ``threshold``. Pairs with no common
    vote (members who never sat together) are left out of the averages, and two groups
    with no common vote at all do not join. Ties join in the order of ``found.members``, so
    the result does not depend on chance.

    Examples:
        >>> from unsc import history
        >>> from unsc.analysis import agreement, blocs
        >>> found = blocs(agreement(history.records(year=2023)), threshold=0.9)
        >>> found.of("USA")
        ('GBR', 'USA')

    Raises:
        UnknownChoiceError: For a measure that is none of the four.
        InvalidFieldError: For a threshold outside 0–1.
        InvalidTypeError: For a threshold that is not a number.
    """
    if not isinstance(found, Agreement):
        raise InvalidTypeError("blocs(found)", found, "give the result of agreement()")
    measure = Measure.parse(measure).value
    least = as_probability(threshold, "blocs(threshold)").limit_denominator(10**6)
    members = found.members
    value = {
        (a, b): found.pair(a, b).measure(measure) for a, b in itertools.permutations(members, 2)
    }
    groups: list[list[str]] = [[m] for m in members]
    while len(groups) > 1:
        best: tuple[Fraction, int, int] | None = None
        for i, j in itertools.combinations(range(len(groups)), 2):
            known = [v for a in groups[i] for b in groups[j] if (v := value[a, b]) is not None]
            if not known:  # never sat together: nothing says they vote alike
                continue
            average = sum(known, Fraction(0)) / len(known)
            if best is None or average > best[0]:
                best = (average, i, j)
        if best is None or best[0] < least:
            break
        _, i, j = best
        groups[i] = groups[i] + groups[j]
        del groups[j]
    order = tuple(code for group in groups for code in group)
    ranked = sorted(groups, key=lambda g: (-len(g), members.index(g[0])))
    return Blocs(measure, least, order, found, tuple(tuple(sorted(g)) for g in ranked))

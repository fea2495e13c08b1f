"""Power when blocs vote as one: the Owen value and the Banzhaf–Owen value.

Members grouped in a priori unions (precoalitions: the three African members, say)
bargain first as unions, then within their union. The Owen value (Owen 1977) extends
Shapley–Shubik: the unions arrive in random order, and the members of each union in random
order within it. The Banzhaf–Owen value (Owen 1981) extends the absolute Banzhaf index the
same way: every set of other unions, with every set of the member's partners. Members in
no union named are unions of one; with every member alone, the two values are
Shapley–Shubik and the absolute Banzhaf index.

Both are computed exactly, as fractions, by counting coalitions by (number of unions or
partners, weight, veto holders inside) rather than listing them: a coalition wins when its
weight reaches the quota and fewer than ``vetoes_needed`` veto holders are outside it
([`Game`][unsc.analysis.game.Game]), so those three numbers decide every swing.

Examples:
    >>> import unsc
    >>> from unsc.analysis import owen
    >>> council = unsc.Council.of_year(2023)
    >>> value = owen(council, [["GAB", "GHA", "MOZ"]])
    >>> value["GAB"] > unsc.analysis.power(council)["GAB"]["shapley_shubik"]
    True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import overload

import attrs

from unsc._table import Table, Tabular
from unsc.analysis.game import Game, game_and_council, seat_identities
from unsc.council import Council
from unsc.errors import InvalidFieldError, InvalidTypeError, NoSuchEntryError
from unsc.rules import Rules

__all__ = ["UnionPower", "banzhaf_owen", "owen"]

# (members or unions counted, weight, veto holders inside) -> how many coalitions
Counts = dict[tuple[int, int, int], int]


@attrs.frozen(repr=False, eq=False)
class UnionPower(Tabular, Sequence[tuple[str, Fraction]]):
    """Each seat's value when blocs vote as one: a sequence of (seat, value), also read by
    seat (``value["GAB"]``, or by a member's name on a council).

    Attributes:
        name: ``"owen"`` or ``"banzhaf_owen"``.
        game: The game.
        unions: The unions, as seat labels; seats in no union named are unions of one.
        values: One value per seat, in the game's order.
    """

    name: str
    game: Game
    unions: tuple[tuple[str, ...], ...]
    values: tuple[Fraction, ...]
    council: Council | None = None

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, key: int) -> tuple[str, Fraction]: ...
    @overload
    def __getitem__(self, key: str) -> Fraction: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[tuple[str, Fraction], ...]: ...
    def __getitem__(
        self, key: int | str | slice
    ) -> tuple[str, Fraction] | Fraction | tuple[tuple[str, Fraction], ...]:
        rows = tuple(zip(self.game.labels, self.values))
        if isinstance(key, str):
            return self.values[_seat(self.game, self.council, key)]
        if isinstance(key, slice):
            return rows[key]
        if isinstance(key, bool) or not isinstance(key, int):
            raise InvalidTypeError("UnionPower[key]", key, "give a position or a seat")
        if not -len(self) <= key < len(self):
            raise NoSuchEntryError("a seat's position", key, (f"0–{len(self) - 1}",))
        return rows[key]

    def __iter__(self) -> Iterator[tuple[str, Fraction]]:
        return iter(zip(self.game.labels, self.values))

    def __repr__(self) -> str:
        blocs = sum(1 for u in self.unions if len(u) > 1)
        return f"<UnionPower {self.name}: {len(self)} seats, {blocs} blocs>"

    def _union_of(self) -> dict[str, str]:
        """Each seat in a bloc, to its bloc's members joined by ``+``."""
        return {seat: "+".join(u) for u in self.unions for seat in u if len(u) > 1}

    def rows(self) -> list[dict[str, object]]:
        """One dict per seat, in order: ``seat``, ``name``, ``kind`` (as
        [`PowerIndices.rows`][unsc.analysis.power.PowerIndices.rows] gives them), ``union``
        (its members joined by ``+``, or ``None`` for a union of one) and the value, exact,
        under the value's name (``owen`` or ``banzhaf_owen``)."""
        union_of = self._union_of()
        return [
            {**named, "union": union_of.get(seat), self.name: value}
            for named, (seat, value) in zip(seat_identities(self.game, self.council), self)
        ]

    def as_table(self) -> Table:
        """Each seat, its union and its value; its data (CSV, JSON, the DataFrame) one row
        per seat as [`rows`][unsc.analysis.unions.UnionPower.rows] gives it (exact, as
        text in CSV and JSON, floats in the DataFrame)."""
        union_of = self._union_of()
        rows = [(seat, union_of.get(seat, "—"), f"{float(v):.5f}") for seat, v in self]
        return Table(
            ("seat", "union", self.name),
            rows,
            data=self.rows(),
            data_columns=("seat", "name", "kind", "union", self.name),
        )


def _seat(game: Game, council: Council | None, key: str) -> int:
    if council is not None:
        return council.index(key)
    if key in game.labels:
        return game.labels.index(key)
    raise NoSuchEntryError("a seat", key, game.labels)


def _setup(
    game_or_council: Game | Council,
    unions: Iterable[Iterable[str]],
    rules: Rules | None,
) -> tuple[Game, Council | None, list[list[int]]]:
    game, council = game_and_council(game_or_council, rules, "owen(game_or_council)")
    if isinstance(unions, (str, bytes)) or not isinstance(unions, Iterable):
        raise InvalidTypeError("unions", unions, "give lists of members, e.g. [['GAB', 'GHA']]")
    taken: dict[int, int] = {}
    groups: list[list[int]] = []
    for number, union in enumerate(unions):
        if isinstance(union, (str, bytes)) or not isinstance(union, Iterable):
            raise InvalidTypeError("a union", union, "give a list of members")
        seats = [_seat(game, council, name) for name in union]
        for seat in seats:
            if seat in taken:
                raise InvalidFieldError(
                    "unions", game.labels[seat], "a seat may be in one union only"
                )
            taken[seat] = number
        if seats:
            groups.append(seats)
    groups.extend([seat] for seat in range(game.size) if seat not in taken)
    return game, council, groups


def _grow(counts: Counts, weight: int, vetoes: int) -> Counts:
    """``counts`` with one more part (of ``weight`` and ``vetoes``) that may join or not."""
    grown: Counts = dict(counts)
    for (k, w, v), c in counts.items():
        key = (k + 1, w + weight, v + vetoes)
        grown[key] = grown.get(key, 0) + c
    return grown


def _values(game: Game, groups: list[list[int]], shapley: bool) -> list[Fraction]:
    vetoes_total = sum(game.veto)

    def wins(weight: int, inside: int) -> bool:
        return weight >= game.quota and vetoes_total - inside < game.vetoes_needed

    m = len(groups)
    out = [Fraction(0)] * game.size
    for k, union in enumerate(groups):
        others: Counts = {(0, 0, 0): 1}
        for j, other in enumerate(groups):
            if j != k:
                others = _grow(
                    others, sum(game.weights[s] for s in other), sum(game.veto[s] for s in other)
                )
        for seat in union:
            partners: Counts = {(0, 0, 0): 1}
            for s in union:
                if s != seat:
                    partners = _grow(partners, game.weights[s], int(game.veto[s]))
            weight, veto = game.weights[seat], int(game.veto[seat])
            u = len(union)
            total = Fraction(0)
            for (r, w1, v1), c1 in others.items():
                outer = (
                    Fraction(math.factorial(r) * math.factorial(m - r - 1), math.factorial(m))
                    if shapley
                    else Fraction(1, 2 ** (m - 1))
                )
                for (t, w2, v2), c2 in partners.items():
                    w, v = w1 + w2, v1 + v2
                    if wins(w + weight, v + veto) and not wins(w, v):
                        inner = (
                            Fraction(
                                math.factorial(t) * math.factorial(u - t - 1), math.factorial(u)
                            )
                            if shapley
                            else Fraction(1, 2 ** (u - 1))
                        )
                        total += outer * inner * c1 * c2
            out[seat] = total
    return out


def owen(
    game_or_council: Game | Council,
    unions: Iterable[Iterable[str]],
    *,
    rules: Rules | None = None,
) -> UnionPower:
    """The Owen value: Shapley–Shubik with blocs that vote as one.

    Args:
        game_or_council: A council (its yes/no game under ``rules``) or a
            [`Game`][unsc.analysis.game.Game].
        unions: The blocs, each a list of members (code, name or alias) or seat labels;
            every other seat is a union of one.
        rules: Rules other than the council's.

    Raises:
        NotAMemberError: For a member not on the council.
        InvalidFieldError: For a seat named in two unions.
    """
    game, council, groups = _setup(game_or_council, unions, rules)
    labels = tuple(tuple(game.labels[s] for s in g) for g in groups)
    return UnionPower("owen", game, labels, tuple(_values(game, groups, True)), council)


def banzhaf_owen(
    game_or_council: Game | Council,
    unions: Iterable[Iterable[str]],
    *,
    rules: Rules | None = None,
) -> UnionPower:
    """The Banzhaf–Owen value: the absolute Banzhaf index with blocs that vote as one
    (each set of other unions, with each set of the seat's partners, equally likely).

    Arguments and errors as for [`owen`][unsc.analysis.unions.owen].
    """
    game, council, groups = _setup(game_or_council, unions, rules)
    labels = tuple(tuple(game.labels[s] for s in g) for g in groups)
    return UnionPower("banzhaf_owen", game, labels, tuple(_values(game, groups, False)), council)

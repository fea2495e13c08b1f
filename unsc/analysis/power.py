"""Exact voting power: Shapley–Shubik, Banzhaf, Coleman, Deegan–Packel, Holler.

Every index is an exact `Fraction`, computed from exact counts of
coalitions by the cheaper of two methods ([`unsc.analysis.counting`][unsc.analysis.counting]): by
coalition shape (seats of the same weight and veto are interchangeable; the real Council has 66
shapes), or, for weighted games without veto, by generating series packed into big
integers, at O(n·q) for Banzhaf, Coleman and Holler and O(n·q) additions of n·n-bit
numbers for Shapley–Shubik.

Definitions (n seats; a *swing* of seat i is a coalition S without i that loses while
S with i wins; W is the set of winning coalitions, L the losing ones):

* Shapley–Shubik: the share of the n! orders of voting in which i is pivotal,
  Σ over swings S of |S|!(n−|S|−1)!/n!.
* Banzhaf raw (Penrose): swings of i / 2^(n−1); normalised: swings of i / all swings.
* Coleman: power of the collectivity to act |W| / 2^n; power to prevent action
  swings of i / |W|; power to initiate action swings of i / |L|.
* Deegan–Packel: over the minimal winning coalitions M (every member a swing), the
  average over M of 1/|S| for the S that contain i.
* Holler (public good): the number of minimal winning coalitions containing i over the
  sum of that number for all seats.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs
from tabulate import tabulate

from unsc._frames import frame
from unsc.analysis.counting import (
    MEMORY_LIMIT,
    SHAPE_LIMIT,
    Counts,
    count,
    memory,
    prefers_shapes,
)
from unsc.analysis.game import Game, game_and_council
from unsc.council import Council
from unsc.errors import (
    InvalidTypeError,
    NoSuchEntryError,
    TooLargeError,
    UnknownPresetError,
)
from unsc.members import Member, fold
from unsc.rules import Rules

__all__ = [
    "DEFAULT_INDICES",
    "INDICES",
    "SHAPE_LIMIT",
    "Index",
    "PowerIndices",
    "SeatPower",
    "power",
]


class Index(enum.Enum):
    """A power index unsc computes exactly."""

    SHAPLEY_SHUBIK = "shapley_shubik"
    """Shapley–Shubik: the share of voting orders in which the seat is pivotal."""
    BANZHAF = "banzhaf"
    """Banzhaf, normalised: the seat's swings over all swings."""
    BANZHAF_RAW = "banzhaf_raw"
    """Banzhaf raw (Penrose): the probability that the seat is a swing."""
    COLEMAN_PREVENT = "coleman_prevent"
    """Coleman's power to prevent action: swings over winning coalitions."""
    COLEMAN_INITIATE = "coleman_initiate"
    """Coleman's power to initiate action: swings over losing coalitions."""
    DEEGAN_PACKEL = "deegan_packel"
    """Deegan–Packel: shares of the minimal winning coalitions."""
    HOLLER = "holler"
    """Holler (public good): minimal winning coalitions containing the seat, normalised."""

    @classmethod
    def parse(cls, value: Index | str) -> Index:
        """Read an index from an [`Index`][unsc.analysis.power.Index] or its name, in any case,
        with ``-`` or ``_`` or spaces (``"shapley-shubik"``, ``"Banzhaf raw"``).

        Raises:
            UnknownPresetError: For a name that is no index.
            InvalidTypeError: For anything that is not a string.
        """
        if isinstance(value, Index):
            return value
        if not isinstance(value, str):
            raise InvalidTypeError("a power index", value, f"use one of {', '.join(INDICES)}")
        key = "_".join(value.strip().lower().replace("-", " ").replace("–", " ").split())
        try:
            return cls(key)
        except ValueError:
            raise UnknownPresetError("an index", value, INDICES) from None


#: The names of the indices [`power`][unsc.analysis.power.power] computes.
INDICES = tuple(index.value for index in Index)
_ORDER = tuple(Index)
#: The indices [`power`][unsc.analysis.power.power] computes unless asked: all but Deegan–Packel.
DEFAULT_INDICES = tuple(name for name in INDICES if name != "deegan_packel")


@attrs.frozen(repr=False)
class SeatPower:
    """The power of one seat, by index (``None`` for an index not computed).

    ``seat["banzhaf"]`` and ``seat[Index.BANZHAF]`` read an index by name.

    Attributes:
        seat: The seat's label (a member's code on a council).
        weight: Its weight in the game.
        veto: Whether it holds a veto in the game.
    """

    seat: str
    weight: int
    veto: bool
    shapley_shubik: Fraction | None = None
    banzhaf: Fraction | None = None
    banzhaf_raw: Fraction | None = None
    coleman_prevent: Fraction | None = None
    coleman_initiate: Fraction | None = None
    deegan_packel: Fraction | None = None
    holler: Fraction | None = None

    def __getitem__(self, index: Index | str) -> Fraction:
        name = Index.parse(index).value
        value: Fraction | None = getattr(self, name)
        if value is None:
            raise NoSuchEntryError("an index computed here", name, self.computed)
        return value

    @property
    def computed(self) -> tuple[str, ...]:
        """The names of the indices computed for this seat."""
        return tuple(i.value for i in Index if getattr(self, i.value) is not None)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name} {float(self[name]):.4g}" for name in self.computed[:3])
        more = ", …" if len(self.computed) > 3 else ""
        return f"<SeatPower {self.seat}: {shown}{more}>"


@attrs.frozen(repr=False)
class PowerIndices:
    """Exact power indices of every seat of a game: a sequence of
    [`SeatPower`][unsc.analysis.power.SeatPower].

    Iterate over the seats, take ``len()``, index by position, by seat or member
    (``p["USA"]``, ``p["United States"]``), or by index for every seat at once
    (``p[Index.BANZHAF]``, ``p["banzhaf"]``, ``p.banzhaf``).

    Attributes:
        game: The game.
        computed: The indices computed, in the order asked.
        by_class: For each class of seats ([`Game.classes`][unsc.analysis.game.Game.classes]), each
            index in the
            order of [`Index`][unsc.analysis.power.Index] (``None`` where not computed): seats of a
            class have equal power.
        coleman_act: Coleman's power of the collectivity to act, |W| / 2^n.
        council: The council the game is of, if any (for lookups by name).
    """

    game: Game
    computed: tuple[Index, ...]
    by_class: tuple[tuple[Fraction | None, ...], ...]
    coleman_act: Fraction
    council: Council | None = attrs.field(default=None, eq=False)
    _seats: tuple[SeatPower, ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    @property
    def seats(self) -> tuple[SeatPower, ...]:
        """One [`SeatPower`][unsc.analysis.power.SeatPower] per seat, in the game's order."""
        if self._seats is None:
            game = self.game
            labels, weights, veto = game.labels, game.weights, game.veto
            by_class = self.by_class
            seats = tuple(
                SeatPower(labels[i], weights[i], veto[i], *by_class[k])
                for i, k in enumerate(_class_of(game))
            )
            object.__setattr__(self, "_seats", seats)
            return seats
        return self._seats

    def __iter__(self) -> Iterator[SeatPower]:
        return iter(self.seats)

    def __len__(self) -> int:
        return self.game.size

    @overload
    def __getitem__(self, key: int) -> SeatPower: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[SeatPower, ...]: ...
    @overload
    def __getitem__(self, key: Index) -> tuple[Fraction, ...]: ...
    @overload
    def __getitem__(self, key: str | Member) -> SeatPower | tuple[Fraction, ...]: ...
    def __getitem__(
        self, key: int | slice | Index | str | Member
    ) -> SeatPower | tuple[SeatPower, ...] | tuple[Fraction, ...]:
        if isinstance(key, (int, slice)) and not isinstance(key, bool):
            return self.seats[key]
        if isinstance(key, Index) or (isinstance(key, str) and _index_name(key)):
            return self.index(key)
        if isinstance(key, (str, Member)):
            return self.of(key)
        raise InvalidTypeError(
            "a key of power indices", key, "give a position, a seat, a member or an index"
        )

    def of(self, seat: str | Member) -> SeatPower:
        """The power of the seat of ``seat``: a code, name or alias on a council, or the
        seat's label in a game.

        Raises:
            NotAMemberError: For a name no member of the council goes by.
            NoSuchEntryError: For a label no seat of the game has.
        """
        if self.council is not None:
            return self.seats[self.council.index(seat)]
        label = seat.code if isinstance(seat, Member) else seat
        labels = self.game.labels
        if label in labels:
            return self.seats[labels.index(label)]
        folded = [fold(x) for x in labels]
        if isinstance(label, str) and fold(label) in folded:
            return self.seats[folded.index(fold(label))]
        raise NoSuchEntryError("a seat of this game", seat, labels)

    def index(self, which: Index | str) -> tuple[Fraction, ...]:
        """One index for every seat, in order.

        Raises:
            NoSuchEntryError: For an index that was not computed.
        """
        index = Index.parse(which)
        if index not in self.computed:
            raise NoSuchEntryError(
                "an index computed here", index.value, (i.value for i in self.computed)
            )
        column = _ORDER.index(index)
        values = [row[column] for row in self.by_class]
        return tuple(values[k] for k in _class_of(self.game))  # type: ignore[misc]  # computed

    @property
    def shapley_shubik(self) -> tuple[Fraction, ...]:
        """Shapley–Shubik, every seat."""
        return self.index(Index.SHAPLEY_SHUBIK)

    @property
    def banzhaf(self) -> tuple[Fraction, ...]:
        """Banzhaf (normalised), every seat."""
        return self.index(Index.BANZHAF)

    @property
    def banzhaf_raw(self) -> tuple[Fraction, ...]:
        """Banzhaf raw (Penrose), every seat."""
        return self.index(Index.BANZHAF_RAW)

    def as_floats(self) -> dict[Index, tuple[float, ...]]:
        """Each computed index as floats, every seat."""
        return {i: tuple(float(v) for v in self.index(i)) for i in self.computed}

    def table(self, fmt: str = "simple", *, floats: bool = True, digits: int = 5) -> str:
        """One row per class of seats (seats of a class have equal power), any tabulate format."""
        names = [i.value for i in self.computed]
        rows = []
        for cls_ in self.game.classes:
            first = self.seats[cls_.seats[0]]
            label = ", ".join(self.game.labels[i] for i in cls_.seats[:6])
            if cls_.size > 6:
                label += f", … ({cls_.size} seats)"
            row: list[object] = [label, cls_.weight, "yes" if cls_.veto else ""]
            for name in names:
                value = first[name]
                row.append(round(float(value), digits) if floats else str(value))
            rows.append(row)
        headers = ["seats", "weight", "veto", *names]
        text = tabulate(rows, headers=headers, tablefmt=fmt)
        act = round(float(self.coleman_act), digits) if floats else str(self.coleman_act)
        return f"{text}\n\nColeman power of the collectivity to act: {act}"

    def to_dataframe(self) -> Any:
        """One row per seat, one column per index, as floats (needs the ``pandas`` extra)."""
        names = [i.value for i in self.computed]
        rows = [
            {"seat": seat.seat, **{name: float(seat[name]) for name in names}} for seat in self
        ]
        return frame(rows, ("seat", *names))

    def _repr_html_(self) -> str:
        act = f"<p>Coleman power of the collectivity to act: {float(self.coleman_act):.5f}</p>"
        return self.table("html").split("\n\n")[0] + act

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        computed = self.computed
        names = ", ".join(i.value for i in computed[:3]) + (", …" if len(computed) > 3 else "")
        return f"<PowerIndices: {len(self)} seats; {names}>"


def _index_name(key: str) -> bool:
    try:
        Index.parse(key)
    except UnknownPresetError:
        return False
    return True


def _wanted(indices: Iterable[Index | str] | Index | str) -> tuple[Index, ...]:
    if isinstance(indices, (Index, str)):
        return (Index.parse(indices),)
    if not isinstance(indices, Iterable):
        raise InvalidTypeError("power(indices)", indices, "give an index or a list of them")
    return tuple(dict.fromkeys(Index.parse(i) for i in indices))


def power(
    council_or_game: Council | Game,
    *,
    rules: Rules | None = None,
    indices: Iterable[Index | str] | Index | str = DEFAULT_INDICES,
) -> PowerIndices:
    """Exact power indices for a council (its yes/no game) or any weighted game.

    Only the indices asked for are computed. The default,
    [`DEFAULT_INDICES`][unsc.analysis.power.DEFAULT_INDICES], is
    every index but Deegan–Packel, which on large weighted games costs a few times
    Shapley–Shubik; ask for it by name, or for [`INDICES`][unsc.analysis.power.INDICES] (all
    seven).

    Args:
        council_or_game: A [`Council`][unsc.council.Council] or a
            [`Game`][unsc.analysis.game.Game].
        rules: For a council, rules other than its own (e.g. ``TWO_VETOES``).
        indices: Which indices to compute: one (``"banzhaf"``) or several (see
            [`Index`][unsc.analysis.power.Index]).

    Examples:
        >>> import unsc
        >>> p = power(unsc.Council.of_year(2023))
        >>> p.of("USA").shapley_shubik, p["Japan"]["shapley_shubik"]
        (Fraction(421, 2145), Fraction(4, 2145))

    Raises:
        UnknownPresetError: For an index name that is not an [`Index`][unsc.analysis.power.Index].
        TooLargeError: For a game with veto holders and too many coalition shapes, or
            indices whose counts would need more than
            [`MEMORY_LIMIT`][unsc.analysis.counting.MEMORY_LIMIT] megabytes.
    """
    game, council = game_and_council(council_or_game, rules, "power(council_or_game)")
    wanted = _wanted(indices)
    if game.veto_holders and game.shapes > SHAPE_LIMIT:
        raise TooLargeError(
            "a game with veto holders, counted in coalition shapes",
            game.shapes,
            SHAPE_LIMIT,
            "group seats into fewer weights",
        )
    names = {i.value for i in wanted}
    if not game.veto_holders and not prefers_shapes(game, names):
        need = memory(game, names)
        if need > MEMORY_LIMIT:
            raise TooLargeError(
                f"the memory to count {', '.join(sorted(names))} on a game of "
                f"{game.size} seats and quota {game.quota:,}, in MB",
                need,
                MEMORY_LIMIT,
                "Banzhaf and Coleman indices need the least (indices=('banzhaf', ...))",
            )
    counts = count(game, names)
    return _indices(game, counts, wanted, council)


def _indices(
    game: Game, counts: Counts, wanted: Sequence[Index], council: Council | None
) -> PowerIndices:
    # per index in the order of Index, one value per class (None if not asked)
    none = (None,) * len(game.classes)
    columns = [_column(index, game, counts) if index in wanted else none for index in _ORDER]
    act = Fraction(counts.winning, 2**game.size)
    return PowerIndices(game, tuple(wanted), tuple(zip(*columns)), act, council)


def _class_of(game: Game) -> list[int]:
    """The class of each seat, by its position in
    [`Game.classes`][unsc.analysis.game.Game.classes]."""
    of_seat = [0] * game.size
    for k, cls_ in enumerate(game.classes):
        for seat in cls_.seats:
            of_seat[seat] = k
    return of_seat


def _column(index: Index, game: Game, counts: Counts) -> tuple[Fraction, ...]:
    """One index for a seat of each class, from the counts (each count asked for is
    there: [`count`][unsc.analysis.counting.count] computes what is named)."""
    n = game.size
    sizes = [len(c.seats) for c in game.classes]

    def shares(parts: Sequence[int], whole: int) -> tuple[Fraction, ...]:
        return tuple(Fraction(part, whole) if whole else Fraction(0) for part in parts)

    if index is Index.SHAPLEY_SHUBIK:
        assert counts.pivots is not None
        return shares(counts.pivots, math.factorial(n))
    if index is Index.DEEGAN_PACKEL:
        assert counts.minimal_share is not None
        assert counts.minimal is not None
        whole = counts.minimal
        return tuple(part / whole if whole else Fraction(0) for part in counts.minimal_share)
    if index is Index.HOLLER:
        assert counts.minimal_with is not None
        return shares(counts.minimal_with, sum(map(int.__mul__, sizes, counts.minimal_with)))
    swings = counts.swings
    assert swings is not None
    if index is Index.BANZHAF:
        return shares(swings, sum(map(int.__mul__, sizes, swings)))
    if index is Index.BANZHAF_RAW:
        return shares(swings, 2 ** (n - 1))
    if index is Index.COLEMAN_PREVENT:
        return shares(swings, counts.winning)
    return shares(swings, 2**n - counts.winning)  # coleman_initiate

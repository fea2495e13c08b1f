"""Exact voting power: Shapley–Shubik, Banzhaf, Coleman, Deegan–Packel, Holler.

Every index is an exact :class:`~fractions.Fraction`. Two exact methods, chosen by size:

* **By coalition shape.** Seats with the same weight and veto are interchangeable, so a
  coalition is counted by how many seats of each class it holds, weighted by the number
  of coalitions of that shape (a product of binomial coefficients). The real Council has
  two classes and 66 shapes, not 32,768 coalitions. Used whenever there are at most
  :data:`SHAPE_LIMIT` shapes, with or without veto holders.
* **By generating function.** For weighted games with many distinct weights (200 seats of
  weights 1–20), coalitions are counted by weight and size with a generating function
  whose coefficients are Python integers packed into one big integer per weight: no
  overflow at any size, and the big-integer arithmetic runs in C.

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
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs
from tabulate import tabulate

from unsc._frames import frame
from unsc.analysis.game import Game
from unsc.council import Council
from unsc.errors import (
    InvalidTypeError,
    NoSuchEntryError,
    TooLargeError,
    UnknownPresetError,
)
from unsc.members import Member, fold
from unsc.rules import Rules

__all__ = ["INDICES", "SHAPE_LIMIT", "Index", "PowerIndices", "SeatPower", "power"]


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
        """Read an index from an :class:`Index` or its name, in any case, with ``-`` or
        ``_`` or spaces (``"shapley-shubik"``, ``"Banzhaf raw"``).

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


#: The names of the indices :func:`power` computes.
INDICES = tuple(index.value for index in Index)
#: Above this many coalition shapes, games are counted by generating function.
SHAPE_LIMIT = 200_000


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
    """Exact power indices of every seat of a game: a sequence of :class:`SeatPower`.

    Iterate over the seats, take ``len()``, index by position, by seat or member
    (``p["USA"]``, ``p["United States"]``), or by index for every seat at once
    (``p[Index.BANZHAF]``, ``p["banzhaf"]``, ``p.banzhaf``).

    Attributes:
        game: The game.
        computed: The indices computed, in the order asked.
        seats: One :class:`SeatPower` per seat, in the game's order.
        coleman_act: Coleman's power of the collectivity to act, |W| / 2^n.
        council: The council the game is of, if any (for lookups by name).
    """

    game: Game
    computed: tuple[Index, ...]
    seats: tuple[SeatPower, ...]
    coleman_act: Fraction
    council: Council | None = attrs.field(default=None, eq=False)

    def __iter__(self) -> Iterator[SeatPower]:
        return iter(self.seats)

    def __len__(self) -> int:
        return len(self.seats)

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
        return tuple(getattr(seat, index.value) for seat in self.seats)

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
        return f"<PowerIndices: {len(self.seats)} seats; {names}>"


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
    indices: Iterable[Index | str] | Index | str = INDICES,
) -> PowerIndices:
    """Exact power indices for a council (its yes/no game) or any weighted game.

    Args:
        council_or_game: A :class:`~unsc.Council` or a :class:`Game`.
        rules: For a council, rules other than its own (e.g. ``TWO_VETOES``).
        indices: Which indices to compute: one (``"banzhaf"``) or several (see
            :class:`Index`); all by default.

    >>> import unsc
    >>> p = power(unsc.Council.of_year(2023))
    >>> p.of("USA").shapley_shubik, p["Japan"]["shapley_shubik"]
    (Fraction(421, 2145), Fraction(4, 2145))

    Raises:
        UnknownPresetError: For an index name that is not an :class:`Index`.
        TooLargeError: For a game with veto holders and too many coalition shapes.
    """
    if isinstance(council_or_game, Council):
        council: Council | None = council_or_game
        game = Game.of_council(council_or_game, rules)
    elif isinstance(council_or_game, Game):
        council, game = None, council_or_game
    else:
        raise InvalidTypeError(
            "power(council_or_game)", council_or_game, "give a Council or a Game"
        )
    wanted = _wanted(indices)
    names = tuple(i.value for i in wanted)
    if game.shapes <= SHAPE_LIMIT:
        counts = _by_shape(game, need_minimal=_needs_minimal(names))
    elif game.veto_holders == 0:
        counts = _by_generating_function(game, need_minimal=_needs_minimal(names))
    else:
        raise TooLargeError(
            "a game with veto holders, counted in coalition shapes",
            game.shapes,
            SHAPE_LIMIT,
            "group seats into fewer weights",
        )
    return _indices(game, counts, wanted, council)


def _needs_minimal(wanted: Sequence[str]) -> bool:
    return "deegan_packel" in wanted or "holler" in wanted


@attrs.frozen
class _Counts:
    """Raw counts per class, from which every index follows."""

    swings: tuple[int, ...]  # per seat of each class: coalitions in which it is a swing
    pivots: tuple[int, ...]  # per seat of each class: Σ over swings of |S|!(n−|S|−1)!
    winning: int
    minimal: int  # minimal winning coalitions
    minimal_with: tuple[int, ...]  # per seat of each class: minimal winning containing it
    minimal_share: tuple[Fraction, ...]  # per seat of each class: Σ 1/|S| over those


def _indices(
    game: Game, counts: _Counts, wanted: Sequence[Index], council: Council | None
) -> PowerIndices:
    n = game.size
    total_swings = sum(c.size * s for c, s in zip(game.classes, counts.swings))
    total_minimal_with = sum(c.size * m for c, m in zip(game.classes, counts.minimal_with))
    losing = 2**n - counts.winning
    per_seat: list[dict[str, Fraction]] = [{} for _ in range(n)]
    for k, cls_ in enumerate(game.classes):
        for index in wanted:
            value = _index(index.value, k, n, counts, total_swings, total_minimal_with, losing)
            for seat in cls_.seats:
                per_seat[seat][index.value] = value
    seats = tuple(
        SeatPower(game.labels[i], game.weights[i], game.veto[i], **per_seat[i]) for i in range(n)
    )
    return PowerIndices(game, tuple(wanted), seats, Fraction(counts.winning, 2**n), council)


def _index(
    name: str,
    k: int,
    n: int,
    counts: _Counts,
    total_swings: int,
    total_minimal_with: int,
    losing: int,
) -> Fraction:
    """The index ``name`` of a seat of class ``k``, from the counts."""
    swings = counts.swings[k]

    def share(part: int | Fraction, whole: int) -> Fraction:
        return Fraction(part) / whole if whole else Fraction(0)

    if name == "shapley_shubik":
        return Fraction(counts.pivots[k], math.factorial(n))
    if name == "banzhaf":
        return share(swings, total_swings)
    if name == "banzhaf_raw":
        return Fraction(swings, 2 ** (n - 1))
    if name == "coleman_prevent":
        return share(swings, counts.winning)
    if name == "coleman_initiate":
        return share(swings, losing)
    if name == "deegan_packel":
        return share(counts.minimal_share[k], counts.minimal)
    return share(counts.minimal_with[k], total_minimal_with)  # holler


# -- counting by coalition shape -----------------------------------------------------------


def _by_shape(game: Game, *, need_minimal: bool) -> _Counts:
    n, quota, needed = game.size, game.quota, game.vetoes_needed
    classes = game.classes
    count = len(classes)
    sizes = [c.size for c in classes]
    weights = [c.weight for c in classes]
    vetoes = [1 if c.veto else 0 for c in classes]
    all_vetoes = sum(v * size for v, size in zip(vetoes, sizes))
    binomials = [[math.comb(size, j) for j in range(size + 1)] for size in sizes]
    order = [math.factorial(s) * math.factorial(n - s - 1) for s in range(n)]
    swings = [0] * count
    pivots = [0] * count
    winning = minimal = 0
    minimal_with = [0] * count
    minimal_share = [Fraction(0)] * count
    for counts in itertools.product(*(range(size + 1) for size in sizes)):
        ways = 1
        weight = size = inside = 0
        for k, j in enumerate(counts):
            ways *= binomials[k][j]
            weight += weights[k] * j
            size += j
            inside += vetoes[k] * j
        outside = all_vetoes - inside
        if not (weight >= quota and outside < needed):
            # A seat of class k outside this losing coalition is a swing if adding it wins.
            for k in range(count):
                j = counts[k]
                if j < sizes[k] and weight + weights[k] >= quota and outside - vetoes[k] < needed:
                    # coalitions of this shape that leave out one given seat of class k
                    others = ways * (sizes[k] - j) // sizes[k]
                    swings[k] += others
                    pivots[k] += others * order[size]
            continue
        winning += ways
        if need_minimal and all(
            counts[k] == 0 or weight - weights[k] < quota or outside + vetoes[k] >= needed
            for k in range(count)
        ):
            minimal += ways
            for k in range(count):
                if counts[k]:
                    with_seat = ways * counts[k] // sizes[k]
                    minimal_with[k] += with_seat
                    minimal_share[k] += Fraction(with_seat, size)
    return _Counts(
        tuple(swings), tuple(pivots), winning, minimal, tuple(minimal_with), tuple(minimal_share)
    )


# -- counting by generating function (weighted games without veto) ---------------------------


class _Packed:
    """Coalition counts by weight (list index) and size (fields of one big integer).

    ``table[w]`` holds, in field s (``bits`` bits wide, little-endian), the number of
    coalitions of weight w and size s. Weights at or above ``cap`` are not kept.
    """

    def __init__(self, seats: int, cap: int) -> None:
        self.bits = 8 * ((seats + 9) // 8)  # counts stay below 2**(seats + 1)
        self.cap = cap
        self.table = [0] * cap
        self.table[0] = 1

    def add(self, weight: int) -> None:
        """Add one seat of ``weight``: every coalition with or without it."""
        table, bits = self.table, self.bits
        for w in range(self.cap - 1, weight - 1, -1):
            below = table[w - weight]
            if below:
                table[w] += below << bits

    def without(self, weight: int) -> list[int]:
        """The table with one seat of ``weight`` taken out (the inverse of :meth:`add`)."""
        out = list(self.table)
        bits = self.bits
        for w in range(weight, self.cap):
            below = out[w - weight]
            if below:
                out[w] -= below << bits
        return out

    def fields(self, value: int, seats: int) -> list[int]:
        """The counts packed in ``value``, by size 0..seats."""
        width = self.bits // 8
        raw = value.to_bytes(width * (seats + 1), "little")
        return [
            int.from_bytes(raw[s * width : (s + 1) * width], "little") for s in range(seats + 1)
        ]

    def total(self, value: int) -> int:
        """The sum of the counts packed in ``value``."""
        # 2**bits ≡ 1 (mod 2**bits − 1), and the sum is smaller than the modulus.
        return value % ((1 << self.bits) - 1)


def _by_generating_function(game: Game, *, need_minimal: bool) -> _Counts:
    n, q = game.size, game.quota
    classes = game.classes  # heaviest first
    heaviest = classes[0].weight
    cap = min(sum(game.weights), q + heaviest - 1) + 1
    packed = _Packed(n, cap)
    for cls_ in classes:
        for _ in range(cls_.size):
            packed.add(cls_.weight)
    order = [math.factorial(s) * math.factorial(n - s - 1) for s in range(n)]
    losing = sum(packed.total(packed.table[w]) for w in range(min(q, cap)))
    swings, pivots = [], []
    for cls_ in classes:
        others = packed.without(cls_.weight)
        # Swings of a seat of this class: coalitions of the others weighing q − w .. q − 1.
        # Their packed counts add field by field without carrying (each size's total
        # count stays below 2**bits), so the window is summed first and unpacked once.
        window = sum(others[max(0, q - cls_.weight) : q])
        swings.append(packed.total(window))
        pivots.append(sum(c * order[s] for s, c in enumerate(packed.fields(window, n - 1)) if c))
    minimal = 0
    minimal_with = [0] * len(classes)
    minimal_share = [Fraction(0)] * len(classes)
    if need_minimal:
        minimal, minimal_with, minimal_share = _minimal_by_generating_function(game, cap)
    return _Counts(
        tuple(swings),
        tuple(pivots),
        2**n - losing,
        minimal,
        tuple(minimal_with),
        tuple(minimal_share),
    )


def _minimal_by_generating_function(game: Game, cap: int) -> tuple[int, list[int], list[Fraction]]:
    """Minimal winning coalitions, counted by their lightest class.

    A coalition whose lightest seats weigh u is minimal winning exactly when its weight
    lies in [q, q + u − 1]. Classes are added heaviest first, so when class L is reached
    the table holds every coalition of heavier seats.
    """
    n, q = game.size, game.quota
    classes = game.classes
    heavier = _Packed(n, cap)
    minimal = 0
    minimal_with = [0] * len(classes)
    minimal_share = [Fraction(0)] * len(classes)

    def window(table: list[int], extra: int, shift: int, low: int, high: int) -> list[int]:
        """Counts by size of coalitions from ``table`` plus ``extra`` seats weighing ``shift``."""
        packed = sum(table[max(0, low - shift) : max(0, min(cap, high - shift + 1))])
        by_size = [0] * (n + 2)
        for s, c in enumerate(heavier.fields(packed, n)):
            if c:
                by_size[s + extra] += c
        return by_size

    def tally(by_size: list[int]) -> tuple[int, Fraction]:
        return sum(by_size), sum((Fraction(c, s) for s, c in enumerate(by_size) if c), Fraction(0))

    for big_l, light in enumerate(classes):
        u, size_l = light.weight, light.size
        low, high = q, q + u - 1
        for j in range(1, size_l + 1):
            # j seats of class L with every subset of heavier seats
            count, share = tally(window(heavier.table, j, j * u, low, high))
            ways_l = math.comb(size_l, j)
            minimal += ways_l * count
            # a given seat of class L is among the j in comb(size_l − 1, j − 1) of the ways
            with_l = math.comb(size_l - 1, j - 1)
            minimal_with[big_l] += with_l * count
            minimal_share[big_l] += with_l * share
        for k in range(big_l):
            # a given seat of a heavier class k: force it in, leave the rest free
            forced = heavier.without(classes[k].weight)
            for j in range(1, size_l + 1):
                count, share = tally(window(forced, j + 1, j * u + classes[k].weight, low, high))
                ways_l = math.comb(size_l, j)
                minimal_with[k] += ways_l * count
                minimal_share[k] += ways_l * share
        for _ in range(size_l):
            heavier.add(u)
    return minimal, minimal_with, minimal_share

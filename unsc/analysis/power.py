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
* Banzhaf absolute (Penrose): swings of i / 2^(n−1), the probability that i is a swing
  when every other seat votes yes or no at random; normalised: swings of i / all
  swings. The swing count itself is the index ``swings`` (a whole number).
* Coleman: power of the collectivity to act |W| / 2^n; power to prevent action
  swings of i / |W|; power to initiate action swings of i / |L|.
* Deegan–Packel: over the minimal winning coalitions M (every member a swing), the
  average over M of 1/|S| for the S that contain i.
* Holler (public good): the number of minimal winning coalitions containing i over the
  sum of that number for all seats.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import overload

import attrs

from unsc._args import as_digits, as_flag, as_position, as_whole
from unsc._table import Table, Tabular
from unsc._vocabulary import Vocabulary, key
from unsc.analysis import accelerated
from unsc.analysis.counting import (
    MEMORY_LIMIT,
    SHAPE_LIMIT,
    Counts,
    count,
    memory,
    prefers_shapes,
)
from unsc.analysis.game import Game, game_and_council, seat_identities
from unsc.council import Council
from unsc.errors import (
    InvalidTypeError,
    NoSuchEntryError,
    TooLargeError,
    UnknownChoiceError,
    UNSCError,
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


class Index(Vocabulary):
    """A power index unsc computes exactly."""

    SHAPLEY_SHUBIK = "shapley_shubik"
    """Shapley–Shubik: the share of voting orders in which the seat is pivotal."""
    BANZHAF = "banzhaf"
    """Banzhaf, normalised: the seat's swings over all swings."""
    BANZHAF_ABSOLUTE = "banzhaf_absolute"
    """Banzhaf absolute (Penrose): the probability that the seat is a swing, its swings
    over 2^(n−1). Also read as ``"penrose"``; ``"banzhaf_raw"``, its old name, still works
    (with a DeprecationWarning) until the first release."""
    SWINGS = "swings"
    """The swing count: how many coalitions of the other seats the seat turns from losing
    to winning (a whole number, not a share)."""
    COLEMAN_PREVENT = "coleman_prevent"
    """Coleman's power to prevent action: swings over winning coalitions."""
    COLEMAN_INITIATE = "coleman_initiate"
    """Coleman's power to initiate action: swings over losing coalitions."""
    DEEGAN_PACKEL = "deegan_packel"
    """Deegan–Packel: shares of the minimal winning coalitions."""
    HOLLER = "holler"
    """Holler (public good): minimal winning coalitions containing the seat, normalised."""

    @classmethod
    def noun(cls) -> str:
        """What an index is called in messages."""
        return "an index"

    @classmethod
    def refusal(cls, value: object) -> UNSCError:
        """The error for a value that names no index (text or not)."""
        if not isinstance(value, str):
            return InvalidTypeError("a power index", value, f"use one of {', '.join(INDICES)}")
        return super().refusal(value)

    @classmethod
    def spellings(cls, member: Index) -> list[str]:
        """Its value and name; the absolute Banzhaf index also as "penrose"."""
        extra = ["penrose"] if member.value == "banzhaf_absolute" else []
        return [member.value, member.name, *extra]

    @classmethod
    def parse(cls, value: object) -> Index:
        """Read an index from itself, its value or its name ("shapley-shubik", "penrose").

        The old name ``"banzhaf_raw"`` still reads as ``banzhaf_absolute``, with a
        ``DeprecationWarning``, until the first release.

        Raises:
            UnknownChoiceError: For text that names no index, naming the indices.
            InvalidTypeError: For anything that is not text.
        """
        if isinstance(value, str) and key(value.replace("–", " ")) == "banzhaf raw":
            _deprecated()
            return cls.BANZHAF_ABSOLUTE
        return super().parse(value.replace("–", " ") if isinstance(value, str) else value)


def _deprecated() -> None:
    warnings.warn(
        "the index 'banzhaf_raw' is now called 'banzhaf_absolute' (the Penrose probability "
        "of being a swing; the swing count is 'swings'); 'banzhaf_raw' goes at the first "
        "release",
        DeprecationWarning,
        stacklevel=3,
    )


#: The names of the indices [`power`][unsc.analysis.power.power] computes.
INDICES = tuple(index.value for index in Index)
_ORDER = tuple(Index)
#: The columns of a seat's row before its indices.
_SEAT_COLUMNS = ("seat", "name", "kind", "weight", "veto")
#: The indices [`power`][unsc.analysis.power.power] computes unless asked: all but
#: Deegan–Packel and the swing count.
DEFAULT_INDICES = tuple(name for name in INDICES if name not in ("deegan_packel", "swings"))


@attrs.frozen(repr=False)
class SeatPower:
    """The power of one seat, by index (``None`` for an index not computed).

    ``seat["banzhaf"]`` and ``seat[Index.BANZHAF]`` read an index by name; ``dict(seat)``
    maps the name of each index computed to its value.

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
    banzhaf_absolute: Fraction | None = None
    swings: Fraction | None = None
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

    @property
    def banzhaf_raw(self) -> Fraction | None:
        """Deprecated: [`banzhaf_absolute`][unsc.analysis.power.SeatPower.banzhaf_absolute]."""
        _deprecated()
        return self.banzhaf_absolute

    def keys(self) -> tuple[str, ...]:
        """The names of the indices computed (so that ``dict(seat)`` works)."""
        return self.computed

    def __iter__(self) -> Iterator[str]:
        return iter(self.computed)

    def __len__(self) -> int:
        return len(self.computed)

    def to_dict(self) -> dict[str, object]:
        """The seat, its weight and veto, and each index computed (exact fractions)."""
        return {"seat": self.seat, "weight": self.weight, "veto": self.veto, **dict(self)}

    def __repr__(self) -> str:
        shown = ", ".join(f"{name} {float(self[name]):.4g}" for name in self.computed[:3])
        more = ", …" if len(self.computed) > 3 else ""
        return f"<SeatPower {self.seat}: {shown}{more}>"


@attrs.frozen(repr=False)
class PowerIndices(Tabular):
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
        if isinstance(key, slice):
            return self.seats[key]
        if isinstance(key, int) and not isinstance(key, bool):
            return self.seats[as_position(key, len(self.seats), "a seat's position")]
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
    def banzhaf_absolute(self) -> tuple[Fraction, ...]:
        """Banzhaf absolute (Penrose), every seat."""
        return self.index(Index.BANZHAF_ABSOLUTE)

    @property
    def banzhaf_raw(self) -> tuple[Fraction, ...]:
        """Deprecated: [`banzhaf_absolute`][unsc.analysis.power.PowerIndices.banzhaf_absolute]."""
        _deprecated()
        return self.index(Index.BANZHAF_ABSOLUTE)

    def as_floats(self) -> dict[Index, tuple[float, ...]]:
        """Each computed index as floats, every seat."""
        return {i: tuple(float(v) for v in self.index(i)) for i in self.computed}

    def as_table(self, *, floats: bool = True, digits: int = 5, named: int = 6) -> Table:
        """One row per class of seats (seats of a class have equal power), naming up to
        ``named`` of its seats, every share in one fixed-point format of ``digits`` decimals
        (or exact, ``floats=False``), and Coleman's power of the collectivity to act beneath;
        its data (CSV, JSON, the DataFrame) one row per seat, as
        [`rows`][unsc.analysis.power.PowerIndices.rows] gives it (exact fractions, as text in
        CSV and JSON).

        Raises:
            InvalidTypeError: For ``floats`` not True or False, ``digits`` or ``named`` not a
                whole number.
            InvalidFieldError: For ``digits`` outside 0 to 17, ``named`` below 1.
        """
        floats = as_flag(floats, "PowerIndices.table(floats)")
        digits = as_digits(digits, "PowerIndices.table(digits)")
        named = as_whole(named, "PowerIndices.table(named)", low=1)
        names = [i.value for i in self.computed]
        rows = []
        for cls_ in self.game.classes:
            first = self.seats[cls_.seats[0]]
            label = ", ".join(self.game.labels[i] for i in cls_.seats[:named])
            if cls_.size > named:
                label += f", … ({cls_.size} seats)"
            row: list[object] = [label, cls_.weight, "yes" if cls_.veto else ""]
            for name in names:
                value = first[name]
                if name == "swings":
                    row.append(int(value))  # a count: printed whole
                else:
                    row.append(float(value) if floats else str(value))
            rows.append(row)
        act = f"{float(self.coleman_act):.{digits}f}" if floats else str(self.coleman_act)
        return Table(
            ("seats", "weight", "veto", *names),
            rows,
            caption=f"Coleman power of the collectivity to act: {act}",
            # One fixed-point format for every share: never 6e-05 beside 0.11103.
            floatfmt=f".{digits}f",
            data=self.rows(),
            data_columns=(*_SEAT_COLUMNS, *names),
        )

    def table(
        self, fmt: str = "simple", *, floats: bool = True, digits: int = 5, named: int = 6
    ) -> str:
        """The table of [`as_table`][unsc.analysis.power.PowerIndices.as_table] in ``fmt``:
        a tabulate format with the caption beneath, ``"html"``, or ``"csv"`` or ``"json"``
        (one row per seat, exact).

        Raises:
            UnknownChoiceError: For a format that is none of these.
            InvalidTypeError: For ``floats`` not True or False, ``digits`` or ``named`` not a
                whole number.
            InvalidFieldError: For ``digits`` outside 0 to 17, ``named`` below 1.
        """
        return self.as_table(floats=floats, digits=digits, named=named).render(fmt)

    def rows(self) -> list[dict[str, object]]:
        """One dict per seat, in order: its label (``seat``), ``name`` (the member's name on
        a council, else the label), ``kind`` (``"permanent"`` or ``"elected"`` on a
        council, ``"seat"`` in a bare game), ``weight``, ``veto``, and each index computed
        as an exact fraction (the swing count as an ``int``)."""
        return [
            {**named, "weight": seat.weight, "veto": seat.veto,
             **{k: int(v) if k == "swings" else v for k, v in dict(seat).items()}}
            for named, seat in zip(seat_identities(self.game, self.council), self.seats)
        ]  # fmt: skip

    def __repr__(self) -> str:
        computed = self.computed
        names = ", ".join(i.value for i in computed[:3]) + (", …" if len(computed) > 3 else "")
        return f"<PowerIndices: {len(self)} seats; {names}>"


def _index_name(key: str) -> bool:
    try:
        Index.parse(key)
    except UnknownChoiceError:
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
    backend: str = "auto",
    progress: Callable[[int, int], None] | None = None,
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
        backend: How to count, for weighted games without veto: ``"python"`` (the
            reference), ``"numba"`` (compiled loops, the ``unsc[fast]`` extra), or
            ``"auto"`` (the default): compiled when the extra is installed and the game
            is large enough to gain
            (``unsc.analysis.accelerated.chosen``). Both give the same
            fractions.
        progress: Called as ``progress(done, total)`` while large tables are built.

    Examples:
        >>> import unsc
        >>> p = power(unsc.Council.of_year(2023))
        >>> p.of("USA").shapley_shubik, p["Japan"]["shapley_shubik"]
        (Fraction(421, 2145), Fraction(4, 2145))

    Raises:
        UnknownChoiceError: For an index name that is not an [`Index`][unsc.analysis.power.Index],
            or a backend not in ``unsc.analysis.accelerated.BACKENDS``.
        MissingDependencyError: For ``backend="numba"`` without the ``unsc[fast]`` extra.
        TooLargeError: For a game with veto holders and too many coalition shapes, or
            indices whose counts would need more than
            [`MEMORY_LIMIT`][unsc.analysis.counting.MEMORY_LIMIT] megabytes.
    """
    game, council = game_and_council(council_or_game, rules, "power(council_or_game)")
    wanted = _wanted(indices)
    if backend not in accelerated.BACKENDS:
        raise UnknownChoiceError("a backend", backend, accelerated.BACKENDS)
    if game.veto_holders and game.shapes > SHAPE_LIMIT:
        raise TooLargeError(
            "a game with veto holders, counted in coalition shapes",
            game.shapes,
            SHAPE_LIMIT,
            "group seats into fewer weights",
        )
    names = {i.value for i in wanted}
    if "swings" in names:
        names.add("banzhaf_absolute")  # the same counts
    compiled = accelerated.chosen(game, names, backend)
    if not game.veto_holders and (compiled or not prefers_shapes(game, names)):
        rest = names - _COMPILED
        need = max(
            memory(game, rest) if rest else 0,
            accelerated.memory(game, names) if compiled else memory(game, names),
        )
        if need > MEMORY_LIMIT:
            raise TooLargeError(
                f"the memory to count {', '.join(sorted(names))} on a game of "
                f"{game.size} seats and quota {game.quota:,}, in MB",
                need,
                MEMORY_LIMIT,
                "Banzhaf and Coleman indices need the least (indices=('banzhaf', ...))",
            )
    if compiled:
        counts = accelerated.by_series(game, names, progress)
        if names - _COMPILED:  # Holler, Deegan–Packel: by the reference path
            more = count(game, names - _COMPILED)
            counts = attrs.evolve(
                counts,
                minimal=more.minimal,
                minimal_with=more.minimal_with,
                minimal_share=more.minimal_share,
            )
    else:
        counts = count(game, names, progress)
    return _indices(game, counts, wanted, council)


#: The indices the compiled path counts.
_COMPILED = frozenset(
    {"shapley_shubik", "banzhaf", "banzhaf_absolute", "swings", "coleman_prevent",
     "coleman_initiate"}
)  # fmt: skip


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
    if index is Index.BANZHAF_ABSOLUTE:
        return shares(swings, 2 ** (n - 1))
    if index is Index.SWINGS:
        return tuple(Fraction(swing) for swing in swings)
    if index is Index.COLEMAN_PREVENT:
        return shares(swings, counts.winning)
    return shares(swings, 2**n - counts.winning)  # coleman_initiate

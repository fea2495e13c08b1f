"""How [`unsc.analysis.power`][unsc.analysis.power] counts coalitions: exactly, and by the cheapest
method.

Every power index is a ratio of counts: of the coalitions in which a seat is a swing, of
the voting orders in which it is pivotal, of the minimal winning coalitions that contain
it. This module computes those counts on exact Python integers, by one of two methods:

* **By coalition shape** ([`by_shape`][unsc.analysis.counting.by_shape]). Seats with the same
  weight and veto are interchangeable, so a coalition is counted by how many seats of each
  class it holds. The real Council has two classes and 66 shapes. The only method for games
  with veto holders, and the cheaper one whenever there are few shapes.
* **By generating series** ([`by_series`][unsc.analysis.counting.by_series]), for weighted games
  without veto. The coalitions of a game are the coefficients of the product over seats of
  (1 + y·x^weight): x counts weight, y counts size. Coefficients are packed side by side
  into one big integer (a field of n + 1 bits each, enough for any count), so that adding
  a seat is one shift and one addition done in C.

The series method never removes seats one at a time. The coalitions of the other seats,
seen from a seat of weight w, are the series divided by (1 + y·x^w), that is multiplied
by 1 − y·x^w + y²·x^2w − …; so a sum of their counts over a range of weights is an
alternating sum of the prefix sums of the whole series at steps of w (Kakimura and
Terai, 2025). Each index then costs:

* Banzhaf, Penrose, Coleman (swings): one product over seats counted by weight only,
  then O(q / w) operations per distinct weight: O(n·q) in all, on n-bit integers.
* Shapley–Shubik (pivots): the same product counted by weight and size, which is
  O(n·q) additions of (n·n)-bit integers, the bound for exact counts by size.
* Holler (minimal winning coalitions containing a seat): a forward product over the
  seats heaviest first and a backward programme of the ways to complete a coalition,
  O(n·q) on n-bit integers.
* Deegan–Packel (the same, weighted by 1/size): the minimal winning coalitions by their
  lightest class, counted by weight and size, with the seat forced in by the same
  alternating sums.
"""

from __future__ import annotations

import array
import itertools
import math
import sys
from collections.abc import Callable, Collection
from fractions import Fraction

import attrs

from unsc.analysis.game import Game

__all__ = [
    "MEMORY_LIMIT",
    "SHAPE_LIMIT",
    "Counts",
    "by_series",
    "by_shape",
    "count",
    "memory",
    "prefers_shapes",
]

#: Above this many coalition shapes, a game is never counted by shape.
SHAPE_LIMIT = 200_000
#: The most memory, in megabytes, the series method may expect to hold: above it,
#: [`unsc.analysis.power`][unsc.analysis.power] refuses rather than exhaust the machine.
MEMORY_LIMIT = 4096

#: The families of counts, by the indices that need them.
SWINGS = frozenset(
    {"banzhaf", "banzhaf_absolute", "swings", "coleman_prevent", "coleman_initiate"}
)


@attrs.frozen
class Counts:
    """Raw counts per class of seats (in [`Game.classes`][unsc.analysis.game.Game.classes] order),
    from which every index follows; ``None`` for a count not asked for.

    Attributes:
        swings: Per seat of each class, the coalitions in which it is a swing.
        pivots: Per seat of each class, Σ over its swings S of |S|!(n − |S| − 1)!.
        winning: The winning coalitions.
        minimal: The minimal winning coalitions.
        minimal_with: Per seat of each class, the minimal winning coalitions containing it.
        minimal_share: Per seat of each class, Σ 1/|S| over those coalitions.
    """

    swings: tuple[int, ...] | None
    pivots: tuple[int, ...] | None
    winning: int
    minimal: int | None = None
    minimal_with: tuple[int, ...] | None = None
    minimal_share: tuple[Fraction, ...] | None = None


#: Called as ``progress(done, total)`` while a table is built; ``None`` for silence.
Progress = Callable[[int, int], None] | None


def count(game: Game, wanted: Collection[str], progress: Progress = None) -> Counts:
    """The counts behind the indices named in ``wanted``, by the cheaper method (games
    with veto holders by shape, however many shapes: the caller limits them)."""
    if game.veto_holders or prefers_shapes(game, wanted):
        return by_shape(game, wanted)
    return by_series(game, wanted, progress)


def prefers_shapes(game: Game, wanted: Collection[str]) -> bool:
    """Whether counting by shape is expected to be cheaper than by series.

    A shape costs about one Python step per class; the series costs about one step per
    seat and unit of quota when sizes are counted (Shapley–Shubik, Deegan–Packel), and a
    fiftieth of that when only weights are (one shift-and-add in C per seat).
    """
    if game.shapes > SHAPE_LIMIT:
        return False
    by_shapes = game.shapes * (len(game.classes) + 2)
    sized = "shapley_shubik" in wanted or "deegan_packel" in wanted
    by_series_ = game.size * game.quota * (4 if sized else 1) // (1 if sized else 50) + 200
    return by_shapes <= by_series_


def memory(game: Game, wanted: Collection[str]) -> int:
    """The megabytes the series method is expected to hold at its peak for ``wanted``.

    Counts by weight only take a few bytes per unit of quota; Shapley–Shubik and
    Deegan–Packel hold every coalition count by weight and size, about q·n·n/16 bytes
    (twice that for Deegan–Packel); Holler holds one series per class of seats.
    """
    n, q = game.size, game.quota
    width = _width(n)
    need = 2 * q * (width // 8 + 40)  # counts by weight, unpacked, and their prefix sums
    if "shapley_shubik" in wanted or "deegan_packel" in wanted:
        sized = q * (n + 1) * width // 16 + q * 40
        need = max(need, sized * (2 if "deegan_packel" in wanted else 1))
    if "holler" in wanted:
        need = max(need, (len(game.classes) + 3) * q * width // 8)
    return need // 2**20 + 1


# -- counting by coalition shape -----------------------------------------------------------


def by_shape(game: Game, wanted: Collection[str] = ()) -> Counts:
    """Every count, by enumerating coalition shapes (any game, with or without veto)."""
    n, quota, needed = game.size, game.quota, game.vetoes_needed
    classes = game.classes
    need_minimal = "holler" in wanted or "deegan_packel" in wanted
    count_ = len(classes)
    sizes = [c.size for c in classes]
    weights = [c.weight for c in classes]
    vetoes = [1 if c.veto else 0 for c in classes]
    all_vetoes = sum(v * size for v, size in zip(vetoes, sizes))
    binomials = [[math.comb(size, j) for j in range(size + 1)] for size in sizes]
    order = shapley_weights(n)
    swings = [0] * count_
    pivots = [0] * count_
    winning = minimal = 0
    minimal_with = [0] * count_
    minimal_share = [Fraction(0)] * count_
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
            for k in range(count_):
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
            for k in range(count_)
        ):
            minimal += ways
            for k in range(count_):
                if counts[k]:
                    with_seat = ways * counts[k] // sizes[k]
                    minimal_with[k] += with_seat
                    minimal_share[k] += Fraction(with_seat, size)
    if not need_minimal:
        return Counts(tuple(swings), tuple(pivots), winning)
    return Counts(
        tuple(swings),
        tuple(pivots),
        winning,
        minimal,
        tuple(minimal_with),
        tuple(minimal_share),
    )


def shapley_weights(n: int) -> list[int]:
    """The Shapley–Shubik weight of a swing by a coalition of each size |S| from 0 to
    n − 1 among ``n`` seats: |S|!(n − |S| − 1)! (the orders of the seats in which that
    coalition forms first); shared by the counting here and the compiled path."""
    return [math.factorial(s) * math.factorial(n - s - 1) for s in range(n)]


# -- counting by generating series (weighted games without veto) ---------------------------


def _width(seats: int) -> int:
    """Bits per packed count: at least seats + 1 (every count of coalitions, and every
    sum of disjoint ones, is below 2 ** seats); 64 up to 63 seats, so that fields unpack
    as machine words, and whole bytes above."""
    return 64 if seats < 64 else 8 * (seats // 8 + 1)


def _unpack(value: int, width: int, count: int) -> list[int]:
    """The ``count`` fields of ``width`` bits packed in ``value``, lowest first."""
    step = width // 8
    raw = value.to_bytes(step * count, "little")
    if width == 64:
        words = array.array("Q", raw)
        if sys.byteorder == "big":  # pragma: no cover - the machines unsc runs on
            words.byteswap()
        return words.tolist()
    return [int.from_bytes(raw[i : i + step], "little") for i in range(0, step * count, step)]


def _total(value: int, width: int) -> int:
    """The sum of the fields of ``value``, when that sum fits in one field."""
    return value % ((1 << width) - 1)  # 2 ** width ≡ 1 modulo 2 ** width − 1


def _by_weight(weights: list[int], quota: int, width: int) -> list[int]:
    """Coalitions of ``weights`` by weight 0 .. quota − 1: one packed product."""
    top = quota * width
    mask = (1 << top) - 1
    packed = 1
    for weight in sorted(weights):  # light first: the product stays short longer
        packed += packed << (weight * width)
        if packed.bit_length() > top:
            packed &= mask
    return _unpack(packed, width, quota)


def _by_weight_and_size(
    weights: list[int], quota: int, width: int, progress: Progress = None
) -> list[int]:
    """Coalitions of ``weights`` by weight 0 .. quota − 1 (list index) and size (fields
    of ``width`` bits in each entry)."""
    table = [0] * quota
    table[0] = 1
    for done, weight in enumerate(sorted(weights)):
        if progress:
            progress(done, len(weights))
        _add(table, weight, width)
    return table


def _add(table: list[int], weight: int, width: int) -> None:
    """Add one seat of ``weight`` to a table by weight and size: each coalition with and
    without it."""
    for v in range(len(table) - 1, weight - 1, -1):
        below = table[v - weight]
        if below:
            table[v] += below << width


def _prefix(table: list[int]) -> list[int]:
    """below[v] = the sum of table[0 .. v − 1], for v from 0 to len(table)."""
    return list(itertools.accumulate(table, initial=0))


def _accumulate(table: list[int]) -> list[int]:
    """[`_prefix`][unsc.analysis.counting._prefix] of ``table``, computed in ``table`` itself
    (which it returns)."""
    table.insert(0, 0)
    for v in range(1, len(table)):
        table[v] += table[v - 1]
    return table


def _alternating(below: list[int], low: int, high: int, step: int, width: int, fields: int) -> int:
    """Σ of the table with one seat of weight ``step`` (> 0) taken out, over weights
    low .. high − 1, from the prefix sums ``below`` of the whole table.

    Taking a seat out divides the series by (1 + y·x^step): the sum is
    Σ_t (−y)^t (below[high − t·step] − below[low − t·step]). With ``width`` 0 the table
    counts weight only (y = 1); otherwise y shifts by one field of ``width`` bits, and
    only the lowest ``fields`` fields are kept (the higher ones cancel, so the result
    is exact modulo 2 ** (fields · width)).
    """
    total = 0
    t = 0
    while high > 0 and (width == 0 or t < fields):
        term = below[high] - below[max(low, 0)]
        if width:
            term <<= t * width
        total += -term if t % 2 else term
        high -= step
        low -= step
        t += 1
    if width:
        total &= (1 << (fields * width)) - 1
    return total


def by_series(game: Game, wanted: Collection[str] = (), progress: Progress = None) -> Counts:
    """The counts of a weighted game without veto, by generating series (``progress``
    is told of each seat added to the table by weight and size)."""
    if game.veto_holders:
        raise ValueError("the series method counts games without veto only")
    wanted = set(wanted)
    n, q = game.size, game.quota
    classes = game.classes
    width = _width(n)
    swings = pivots = None
    minimal = minimal_with = minimal_share = None
    sized: list[int] | None = None
    if "deegan_packel" in wanted:
        minimal, minimal_with, minimal_share, sized = _minimal_by_size(game, width)
    elif "holler" in wanted:
        minimal_with = _minimal_with(game, width)
    if "shapley_shubik" in wanted:
        if sized is None:
            sized = _by_weight_and_size(list(game.weights), q, width, progress)
        below = _accumulate(sized)  # in place: the table is the largest thing held
        order = shapley_weights(n)
        swings_, pivots_ = [], []
        for cls_ in classes:
            window = _others(below, q, cls_.weight, width, n)
            by_size = _unpack(window, width, n)
            swings_.append(sum(by_size))
            pivots_.append(sum(c * order[s] for s, c in enumerate(by_size) if c))
        swings, pivots = tuple(swings_), tuple(pivots_)
        losing = _total(below[q], width)
    else:
        below = _prefix(_by_weight(list(game.weights), q, width))
        losing = below[q]
        if wanted & SWINGS:
            swings = tuple(_others(below, q, c.weight, 0, n) for c in classes)
    return Counts(
        swings,
        pivots,
        2**n - losing,
        minimal,
        None if minimal_with is None else tuple(minimal_with),
        None if minimal_share is None else tuple(minimal_share),
    )


def _others(below: list[int], quota: int, weight: int, width: int, n: int) -> int:
    """The coalitions of the other seats in which a seat of ``weight`` is a swing:
    weighing quota − weight .. quota − 1 (packed by size if ``width``)."""
    if weight == 0:
        return 0
    if weight >= quota and not width:  # every losing coalition of the others
        return below[quota]
    if width:
        return _alternating(below, quota - weight, quota, weight, width, n)
    # The blocks of the alternating sum tile 0 .. quota − 1: each inner boundary counts
    # twice, with the sign of the block above it.
    steps = below[quota - weight : 0 : -weight]
    return below[quota] - 2 * sum(steps[0::2]) + 2 * sum(steps[1::2])


def _minimal_with(game: Game, width: int) -> list[int]:
    """Per class, the minimal winning coalitions that contain one given seat of it.

    Seats in order, heaviest first. A winning coalition S is minimal exactly when it
    loses without its last seat ℓ (the lightest): w(S) − w(ℓ) < q. For a seat i, S is
    either A + i with i last (A from the seats before i), or A + i + B + ℓ with ℓ after i
    and B from the seats between. With F the coalitions of the seats before i by weight
    and G[t] the ways to complete a coalition of weight t with some B and ℓ, the count is
    Σ F[u] over the window for i, plus Σ_u F[u]·G[u + w(i)]: a forward product and a
    backward programme, each O(n·q).
    """
    q = game.quota
    classes = game.classes  # heaviest first
    top = q * width
    mask = (1 << top) - 1
    seats = [cls_.weight for cls_ in classes for _ in range(cls_.size)]
    starts = list(itertools.accumulate((c.size for c in classes), initial=0))[:-1]
    ones = _ones(q, width)
    # Backward: completions[k] = G at the first seat of class k.
    completions: list[int] = [0] * len(classes)
    first = {start: k for k, start in enumerate(starts)}
    after = 0  # G for the seats after the current one
    for pos in range(len(seats) - 1, -1, -1):
        if pos in first:
            completions[first[pos]] = after
        weight = seats[pos]
        span = min(weight, q)  # the seat completes coalitions weighing q − span .. q − 1
        after += (after >> (weight * width)) + ones - (ones & ((1 << ((q - span) * width)) - 1))
    # Forward: coalitions of the seats before each class, by weight.
    counts: list[int] = []
    before = 1
    for k, cls_ in enumerate(classes):
        w = cls_.weight
        if w == 0:
            counts.append(0)
        else:
            f = _unpack(before, width, q)
            g = _unpack(completions[k], width, q)
            last = sum(f[max(0, q - w) :])
            counts.append(last + sum(map(int.__mul__, f[: max(0, q - w)], g[w:])))
        for _ in range(cls_.size):
            before += before << (w * width)
            if before.bit_length() > top:
                before &= mask
    return counts


def _ones(quota: int, width: int) -> int:
    """A packed series with 1 at every weight 0 .. quota − 1."""
    ones, fields = 1, 1
    while fields < quota:
        ones |= ones << (fields * width)
        fields *= 2
    return ones & ((1 << (quota * width)) - 1)


def _minimal_by_size(game: Game, width: int) -> tuple[int, list[int], list[Fraction], list[int]]:
    """Minimal winning coalitions by their lightest class, counted by size: how many,
    per class those containing one given seat, and Σ 1/|S| over those. Also returns the
    table of every coalition by weight and size, built on the way.

    A coalition whose lightest seats (j of class L, weight u) sit with T from the heavier
    classes is minimal winning exactly when w(T) + j·u lies in q .. q + u − 1. T holding
    a given heavier seat is counted by taking that seat out of the heavier table (the
    alternating sums of [`_alternating`][unsc.analysis.counting._alternating]).
    """
    n, q = game.size, game.quota
    classes = game.classes
    table = [0] * q
    table[0] = 1
    minimal = 0
    packed = [0] * len(classes)  # per class: containing coalitions, by final size − 1
    for big_l, light in enumerate(classes):
        u, m = light.weight, light.size
        if u:
            below = _prefix(table)
            for j in range(1, m + 1):
                low, high = q - j * u, q + u - j * u  # T weighs low .. high − 1
                if high <= 0:
                    break
                window = below[high] - below[max(low, 0)]
                minimal += math.comb(m, j) * _total(window, width)
                packed[big_l] += math.comb(m - 1, j - 1) * window << ((j - 1) * width)
                for k in range(big_l):
                    w = classes[k].weight
                    forced = _alternating(below, low - w, high - w, w, width, n)
                    packed[k] += math.comb(m, j) * forced << (j * width)
            del below
        for _ in range(m):
            _add(table, u, width)
    minimal_with = [_total(p, width) for p in packed]
    minimal_share = []
    for p in packed:
        by_size = _unpack(p, width, n + 1)
        minimal_share.append(sum((Fraction(c, s + 1) for s, c in enumerate(by_size) if c),
                                 Fraction(0)))  # fmt: skip
    return minimal, minimal_with, minimal_share, table

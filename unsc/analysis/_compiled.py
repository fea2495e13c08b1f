"""The compiled kernels behind ``power(..., backend="numba")``: the series method of
[`unsc.analysis.counting`][unsc.analysis.counting], modulo primes below 2**63.

Imported only when the accelerated path is used (it imports numpy and numba, the
``unsc[fast]`` extra). Each count is kept modulo a prime p < 2**63 in a 64-bit word, so
that the sum of two counts (below 2p < 2**64) never overflows and one conditional
subtraction reduces it (``min(x, x - p)`` on unsigned words: x − p wraps round to more
than x when x < p; the compiler turns it into vector code).

The kernels are compiled at first use and cached on disk by numba; they release the
GIL, so that tables for different primes are built on different cores.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

# The kernels run on machine words; their typing is numba's, not mypy's. error_model
# "numpy" lets the compiler vectorise the inner loops (no Python exceptions in them).
_jit = numba.njit(cache=True, nogil=True, error_model="numpy")


@_jit
def _add(dst: Any, src: Any, prime: Any) -> None:  # pragma: no cover - compiled
    """Add ``src`` to ``dst`` modulo ``prime``, element by element."""
    for s in range(dst.size):
        x = dst[s] + src[s]
        dst[s] = min(x, x - prime)


@_jit
def weights_table(weights: Any, quota: int, p: Any) -> Any:  # pragma: no cover - compiled
    """Prefix sums below[v] (v = 0 .. quota) of the coalitions by weight, modulo ``p``:
    one row, which stays in the processor's cache while every seat is added (measured:
    5x faster at 1,000 seats than one row per weight with the primes side by side)."""
    row = np.zeros(quota + 1, np.uint64)  # row[v + 1] holds weight v
    before = np.zeros(quota + 1, np.uint64)
    row[1] = 1
    reach = 0
    for i in range(weights.size):
        w = weights[i]
        top = min(reach + w, quota - 1)
        if w == 0:  # each coalition with and without the seat: twice as many
            _add(row[1 : top + 2], row[1 : top + 2].copy(), p)
            continue
        before[: top + 2 - w] = row[: top + 2 - w]
        _add(row[w + 1 : top + 2], before[1 : top + 2 - w], p)
        reach = top
    for v in range(1, quota + 1):
        x = row[v] + row[v - 1]
        row[v] = min(x, x - p)
    return row


@_jit
def weights_window(below: Any, quota: int, weight: int, p: Any) -> Any:  # pragma: no cover
    """Modulo ``p``, the coalitions of the other seats weighing quota − weight ..
    quota − 1: alternating sums of the prefix sums ``below`` at steps of ``weight``."""
    out = np.uint64(0)
    high, low, t = quota, quota - weight, 0
    while high > 0:
        a = below[high]
        b = below[max(low, 0)]
        d = a - b if a >= b else a + p - b
        if t % 2 == 1 and d:
            d = p - d
        x = out + d
        out = min(x, x - p)
        high -= weight
        low -= weight
        t += 1
    return out


#: Seats added per sweep of the table by size: each row is updated for every seat of a
#: block while it is in the processor's cache (measured on the first kernel, whole rows
#: to the quota: 16 seats per sweep took the table of 1,000 seats from 4.6 s to 2.1 s per
#: prime; on the present one, with rows half as long, 4 to 64 are within the noise).
BLOCK = 16


@_jit
def sized_rows(weights: Any, quota: int, sizes: int) -> Any:  # pragma: no cover - compiled
    """Where each row of the table by size lives: for s = 0 .. sizes − 1, the least
    weight ``low[s]`` of s seats, the most ``high[s]`` (at most quota − 1), and the row's
    first entry ``start[s]`` (``start[sizes]`` is the length of the table). ``weights``
    are sorted, heavy or light first. No coalition of s seats weighs less than
    ``low[s]`` or more than ``high[s]``, so the entries outside are never stored."""
    n = weights.size
    low = np.zeros(sizes, np.int64)
    high = np.zeros(sizes, np.int64)
    start = np.zeros(sizes + 1, np.int64)
    head = 0
    tail = 0
    for s in range(sizes):
        if s > 0:
            head += weights[s - 1]
            tail += weights[n - s]
        low[s] = min(head, tail)
        high[s] = min(max(head, tail), quota - 1)
        start[s + 1] = start[s] + high[s] - low[s] + 1
    return low, high, start


@_jit
def _reach(done: Any, i: int, row: int, w: int, quota: int) -> Any:  # pragma: no cover
    """The weights seat i (of weight w) adds to in row ``row``: from the least weight
    of row − 1 of the seats before it, plus w, to the most (below the quota). The seats
    come sorted, so those are their first row − 1 and their last row − 1 (``done[k]``:
    the weight of the first k seats)."""
    first = done[row - 1]
    last = done[i] - done[i - row + 1]
    return min(first, last) + w, min(max(first, last) + w, quota - 1)


@_jit
def sweep_work(weights: Any, quota: int, sizes: int) -> int:  # pragma: no cover - compiled
    """The additions [`sized_table`][unsc.analysis._compiled.sized_table] makes when the
    seats come in the order of ``weights`` (sorted, heavy or light first)."""
    n = weights.size
    done = np.zeros(n + 1, np.int64)
    for i in range(n):
        done[i + 1] = done[i] + weights[i]
    total = 0
    for i in range(n):
        for row in range(1, min(i + 1, sizes - 1) + 1):
            lo, hi = _reach(done, i, row, weights[i], quota)
            total += max(0, hi - lo + 1)
    return total


@_jit
def sized_table(weights: Any, quota: int, sizes: int, p: Any) -> Any:  # pragma: no cover
    """Modulo ``p``, the prefix sums of the coalitions by size (s = 0 .. sizes − 1) and
    weight (below quota), row by row: entry ``start[s] + v − low[s]`` holds the
    coalitions of s seats weighing at most v, for v = low[s] .. high[s] (see
    [`sized_rows`][unsc.analysis._compiled.sized_rows]). The seats are added in the
    order of ``weights``, sorted heavy or light first.

    Adding a seat of weight w adds row s − 1, shifted by w, to row s, from the largest s
    down, over the weights only that the seats added so far can reach: those of their
    s − 1 lightest to those of their s − 1 heaviest, plus w
    ([`sweep_work`][unsc.analysis._compiled.sweep_work] counts the additions, and the
    caller takes the cheaper order). Heavy first suits weights spread evenly (1,000
    random seats of weights 1–100: 2.4·10^9 additions per prime, against 3.2·10^9 light
    first and 5.7·10^9 for light first over whole rows up to the quota); light first
    suits a few heavy seats among many light ones (the IMF: 7.9·10^9 against 31·10^9).

    Seats are added BLOCK at a time in one sweep down the rows: seat k of the block
    updates row s + k while seat 1 updates row s, so that each row is still in the cache
    when the next seat reaches it, and each seat sees exactly the rows it would see alone.
    """
    low, _, start = sized_rows(weights, quota, sizes)
    table = np.zeros(start[sizes], np.uint64)
    table[0] = 1  # no seats, weight 0
    n = weights.size
    done = np.zeros(n + 1, np.int64)  # done[i]: the weight of the first i seats
    for i in range(n):
        done[i + 1] = done[i] + weights[i]
    for first in range(0, n, BLOCK):
        block = min(BLOCK, n - first)
        for s in range(min(first + block, sizes - 1), 1 - block, -1):
            for k in range(block):
                row = s + k
                i = first + k  # the seat added; seats 0 .. i − 1 are in
                if row < 1 or row > min(i + 1, sizes - 1):
                    continue
                w = weights[i]
                lo, hi = _reach(done, i, row, w, quota)
                if lo <= hi:
                    at = start[row] - low[row]
                    was = start[row - 1] - low[row - 1] - w
                    _add(table[at + lo : at + hi + 1], table[was + lo : was + hi + 1], p)
    for s in range(sizes):
        for e in range(start[s] + 1, start[s + 1]):
            x = table[e] + table[e - 1]
            table[e] = min(x, x - p)
    return table


@_jit
def sized_windows(
    table: Any, weights: Any, quota: int, sizes: int, steps: Any, p: Any
) -> Any:  # pragma: no cover - compiled
    """Modulo ``p``, for each weight ``steps[c]``, the coalitions of the other seats
    weighing quota − steps[c] .. quota − 1, by size (``out[c, s]``): the table by size and
    weight divided by (1 + y·x^steps[c]), as alternating sums of its prefix sums.

    Row by row, every step at once: each row is read for all the classes while it is in
    the cache (measured at 1,000 random seats, 101 classes: 0.29 s per prime one class at
    a time, reading the rows at scattered places, against 0.09 s)."""
    low, high, start = sized_rows(weights, quota, sizes)
    out = np.zeros((steps.size, sizes), np.uint64)
    for r in range(sizes):
        top = table[start[r + 1] - 1]  # every coalition of r seats below the quota
        at = start[r] - low[r] - 1  # below(v), v > low[r], is table[at + v]
        bottom, last = low[r], high[r] + 1
        for c in range(steps.size):
            weight = steps[c]
            hi, t = quota, 0
            a = top if hi > last else table[at + hi]
            while hi > bottom and r + t < sizes:
                lo = hi - weight
                b = np.uint64(0) if lo <= bottom else (top if lo > last else table[at + lo])
                d = a - b if a >= b else a + p - b
                if t % 2 == 1 and d:
                    d = p - d
                x = out[c, r + t] + d
                out[c, r + t] = min(x, x - p)
                hi, a = lo, b
                t += 1
    return out

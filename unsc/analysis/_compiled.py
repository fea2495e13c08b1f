"""The compiled kernels behind ``power(..., backend="numba")``: the series method of
[`unsc.analysis.counting`][unsc.analysis.counting], modulo primes below 2**62.

Imported only when the accelerated path is used (it imports numpy and numba, the
``unsc[fast]`` extra). Each count is kept modulo a prime p < 2**62 in a 64-bit word, so
that the sum of two counts never overflows and one conditional subtraction reduces it
(``min(x, x - p)`` on unsigned words, which the compiler turns into vector code).

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
    """dst += src, modulo prime, element by element."""
    for s in range(dst.size):
        x = dst[s] + src[s]
        dst[s] = min(x, x - prime)


@_jit
def _add_each(dst: Any, src: Any, primes: Any) -> None:  # pragma: no cover - compiled
    """dst += src, element s modulo primes[s]."""
    for s in range(dst.size):
        x = dst[s] + src[s]
        dst[s] = min(x, x - primes[s])


@_jit
def weights_table(weights: Any, quota: int, primes: Any) -> Any:  # pragma: no cover - compiled
    """Prefix sums below[v] (v = 0 .. quota) of the coalitions by weight, one column
    per prime (so that each step is one vector addition over the primes)."""
    k = primes.size
    table = np.zeros((quota + 1, k), np.uint64)
    table[1, :] = 1  # row v + 1 holds weight v; row 0 stays 0 for the prefix sums
    reach = 0
    for i in range(weights.size):
        w = weights[i]
        top = min(reach + w, quota - 1)
        for v in range(top, w - 1, -1):
            _add_each(table[v + 1], table[v - w + 1], primes)
        reach = top
    for v in range(1, quota + 1):
        _add_each(table[v], table[v - 1], primes)
    return table


@_jit
def sized_table(
    weights: Any, quota: int, sizes: int, tops: Any, p: Any
) -> Any:  # pragma: no cover
    """Prefix sums below[v][s] of the coalitions by weight (v = 0 .. quota) and size
    (s = 0 .. sizes − 1), modulo ``p``, as one flat array of rows. ``tops[v]`` is the
    largest size of a coalition weighing at most v; weights come light first."""
    table = np.zeros((quota + 1) * sizes, np.uint64)
    table[sizes] = 1  # weight 0, size 0
    heaviest = weights[weights.size - 1]
    reach = 0
    for i in range(weights.size):
        w = weights[i]
        top = min(reach + w, quota - 1)
        for v in range(top, w - 1, -1):
            # the sizes a coalition of weight v can have, given the seats added so far
            high = min(i + 1, tops[v - w] + 1, sizes - 1)
            low = max(1, (v + heaviest - 1) // heaviest)
            if high < low:
                continue
            dst = (v + 1) * sizes
            src = (v - w + 1) * sizes - 1  # size s − 1 of weight v − w
            if w == 0:  # the same row: from the top down, so each count is added once
                for s in range(high, low - 1, -1):
                    x = table[dst + s] + table[dst + s - 1]
                    table[dst + s] = min(x, x - p)
            else:
                _add(table[dst + low : dst + high + 1], table[src + low : src + high + 1], p)
        reach = top
    for v in range(1, quota + 1):
        _add(table[v * sizes : (v + 1) * sizes], table[(v - 1) * sizes : v * sizes], p)
    return table


@_jit
def window(below: Any, quota: int, weight: int, sized: bool, p: Any) -> Any:  # pragma: no cover
    """The coalitions of the other seats weighing quota − weight .. quota − 1: the table
    divided by (1 + y·x^weight), as alternating sums of its prefix sums ``below`` (rows
    by weight). With ``sized``, the columns are sizes (y shifts by one column) and every
    ``p`` is the same prime; otherwise they are primes, ``p`` one per column."""
    width = below.shape[1]
    out = np.zeros(width, np.uint64)
    high, low, t = quota, quota - weight, 0
    while high > 0 and (t < width or not sized):
        lo = max(low, 0)
        shift = t if sized else 0
        for s in range(shift, width):
            a = below[high, s - shift]
            b = below[lo, s - shift]
            d = a - b if a >= b else a + p[s] - b
            if t % 2 == 1 and d:
                d = p[s] - d
            x = out[s] + d
            out[s] = min(x, x - p[s])
        high -= weight
        low -= weight
        t += 1
    return out

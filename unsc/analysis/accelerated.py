"""The accelerated path of the series method: the same counts as
[`by_series`][unsc.analysis.counting.by_series], by compiled loops (the ``unsc[fast]``
extra: numba and numpy, imported only here and only when used).

One algorithm, two speeds. [`unsc.analysis.counting`][unsc.analysis.counting] builds the
coalitions by weight (and size) as exact Python integers; this module builds the same
tables modulo a few primes below 2**63 in machine words, reads each seat's view of the
others off the same alternating sums, and puts the exact counts together by the Chinese
remainder theorem. Banzhaf, Penrose, Coleman and Shapley–Shubik are counted here; Holler
and Deegan–Packel, when asked for, by the reference path.

[`power`][unsc.analysis.power.power] chooses this path by itself when the extra is
installed and the game is large enough to gain
([`chosen`][unsc.analysis.accelerated.chosen]), or when asked with ``backend="numba"``.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import threading
from collections.abc import Callable, Collection
from types import ModuleType

from unsc.analysis.counting import MEMORY_LIMIT, SWINGS, Counts, prefers_shapes, shapley_weights
from unsc.analysis.game import Game
from unsc.errors import MissingDependencyError

__all__ = ["AUTO_WORK", "BACKENDS", "available", "by_series", "chosen", "memory", "work"]

#: The backends [`power`][unsc.analysis.power.power] takes: ``"auto"`` (the default),
#: ``"python"`` (the reference) and ``"numba"`` (this module).
BACKENDS = ("auto", "python", "numba")

#: ``"auto"`` takes the compiled path when the reference path is expected to take at
#: least this many nanoseconds ([`work`][unsc.analysis.accelerated.work]): 0.4 s, where
#: the two paths cost the same in a fresh process (measured by benchmarks/threshold.py:
#: Shapley–Shubik at 200 random seats, 0.53 s by the reference, 0.47 s compiled, of
#: which 0.37 s is importing numba and loading the kernels).
AUTO_WORK = 400_000_000

#: Called as ``progress(done, total)`` while the tables are built (the command line's
#: progress bar); ``None`` for silence.
Progress = Callable[[int, int], None] | None


def available() -> bool:
    """Whether the ``unsc[fast]`` extra (numba and numpy) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("numba", "numpy"))


def work(game: Game, wanted: Collection[str]) -> int:
    """The expected time of the pure-Python series method, in nanoseconds on the
    project's machine: n·q additions of n-bit integers (n seats, quota q) for the swing
    indices, of n·n-bit integers when coalitions are counted by size (Shapley–Shubik)."""
    n, q = game.size, game.quota
    if "shapley_shubik" in wanted:
        return n * n * n * q // 100
    return n * n * q // 16


def chosen(game: Game, wanted: Collection[str], backend: str) -> bool:
    """Whether [`power`][unsc.analysis.power.power] takes the compiled path.

    ``"numba"`` takes it for every game it can count (weighted, without veto: games
    with veto holders are counted by shape); ``"auto"`` only when the extra is installed,
    the series method would be used, and the game is large enough for the compiled
    loops to win ([`AUTO_WORK`][unsc.analysis.accelerated.AUTO_WORK]).

    Raises:
        MissingDependencyError: For ``"numba"`` without the extra.
    """
    if backend == "python":
        return False
    if backend == "numba" and not available():
        raise MissingDependencyError("numba and numpy", "fast")
    if game.veto_holders or not (set(wanted) & (SWINGS | {"shapley_shubik"})):
        return False
    if backend == "numba":
        return True
    return available() and not prefers_shapes(game, wanted) and work(game, wanted) >= AUTO_WORK


def memory(game: Game, wanted: Collection[str]) -> int:
    """The megabytes one table of the compiled path holds, for one prime (one such
    table per core at once): 8-byte counts by weight and size (Shapley–Shubik), each row
    of s seats only from the least weight of s seats to the most (below the quota), or
    by weight, twice."""
    q = game.quota
    if "shapley_shubik" not in wanted:
        return (q + 1) * 16 // 2**20 + 1
    light = sorted(game.weights)
    entries = least = most = 0
    for s in range(_sizes(game) + 1):
        if s:
            least += light[s - 1]
            most += light[-s]
        entries += min(most, q - 1) - least + 1
    return entries * 8 // 2**20 + 1


def _sizes(game: Game) -> int:
    """The largest size of a coalition that weighs less than the quota."""
    total = 0
    for size, weight in enumerate(sorted(game.weights)):
        total += weight
        if total >= game.quota:
            return size
    return game.size  # pragma: no cover - the quota is at most the total weight


@functools.lru_cache(maxsize=8)
def _primes(seats: int) -> tuple[int, ...]:
    """Primes below 2**63, largest first, whose product is at least 2**seats: enough to
    give exactly every count put together from them (each below 2**seats: coalitions of
    the seats, or of one size, or of the others in a window), and no more. Below 2**63,
    the sum of two counts still fits in 64 bits: 16 primes at 1,000 seats, where primes
    below 2**62 and a product of 2**(seats + 64) took 18, each prime a whole table."""
    primes: list[int] = []
    candidate = 2**63 - 1
    while math.prod(primes) < 2**seats:
        if _is_prime(candidate):
            primes.append(candidate)
        candidate -= 2
    return tuple(primes)


def _is_prime(n: int) -> bool:
    """Miller–Rabin with the first twelve primes as bases: exact below 3.1 * 10**23."""
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _kernels() -> ModuleType:
    try:
        from unsc.analysis import _compiled
    except ImportError:  # pragma: no cover - chosen() checks the extra first
        raise MissingDependencyError("numba and numpy", "fast") from None
    return _compiled


def _exact(columns: list[list[int]], primes: tuple[int, ...]) -> list[int]:
    """Chinese remaindering: the integers below the product of ``primes`` whose
    remainders are ``columns[j]`` modulo ``primes[j]``."""
    product = math.prod(primes)
    values = [0] * len(columns[0])
    for column, p in zip(columns, primes):
        cofactor = product // p
        lift = pow(cofactor % p, -1, p) * cofactor  # 1 modulo p, 0 modulo the others
        values = [x + r * lift for x, r in zip(values, column)]
    return [x % product for x in values]


def _workers(table_mb: int, tables: int) -> int:
    """How many tables to build at once: one per core, within the memory limit."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, tables, MEMORY_LIMIT // max(table_mb, 1)))


def by_series(game: Game, wanted: Collection[str], progress: Progress = None) -> Counts:
    """The counts of a weighted game without veto for the swing and pivot indices in
    ``wanted``, equal to [`counting.by_series`][unsc.analysis.counting.by_series]'s.

    Args:
        game: A weighted game without veto holders.
        wanted: The indices asked for (Holler and Deegan–Packel are not counted here).
        progress: Called as ``progress(done, total)`` as the tables are built.

    Raises:
        MissingDependencyError: Without the ``unsc[fast]`` extra.
    """
    import numpy as np

    kernels = _kernels()
    n, q = game.size, game.quota
    primes = _primes(n)
    weights = np.array(sorted(game.weights), np.int64)  # light first, as the reference
    classes = game.classes
    done: dict[int, list[list[int]]] = {}  # per prime: the losing, then each class
    failed: list[BaseException] = []
    if "shapley_shubik" not in wanted:

        def count(j: int) -> None:
            try:
                p = np.uint64(primes[j])
                below = kernels.weights_table(weights, q, p)
                done[j] = [[int(below[q])]] + [
                    [int(kernels.weights_window(below, q, max(c.weight, 1), p))] for c in classes
                ]
            except BaseException as error:  # pragma: no cover - reported in the caller
                failed.append(error)

        _run(
            count, len(primes), _workers(memory(game, wanted), len(primes)), progress, done, failed
        )
        exact = [_exact([done[j][k] for j in range(len(primes))], primes)[0]
                 for k in range(len(classes) + 1)]  # fmt: skip
        swings = tuple(0 if c.weight == 0 else x for c, x in zip(classes, exact[1:]))
        return Counts(swings, None, 2**n - exact[0])
    sizes = _sizes(game) + 1
    added = np.ascontiguousarray(weights[::-1])  # heavy first, or light first if cheaper
    if kernels.sweep_work(weights, q, sizes) < kernels.sweep_work(added, q, sizes):
        added = weights

    def build(j: int) -> None:
        try:
            p = np.uint64(primes[j])
            below = kernels.sized_table(added, q, sizes, p)
            _, _, start = kernels.sized_rows(added, q, sizes)
            steps = np.array([max(c.weight, 1) for c in classes], np.int64)
            windows = kernels.sized_windows(below, added, q, sizes, steps, p)
            rows = [below[start[1:] - 1], *windows]
            del below
            done[j] = [row.tolist() for row in rows]
        except BaseException as error:  # pragma: no cover - reported in the caller
            failed.append(error)

    _run(build, len(primes), _workers(memory(game, wanted), len(primes)), progress, done, failed)
    order = shapley_weights(n)
    exact_rows = [
        _exact([done[j][k] for j in range(len(primes))], primes) for k in range(len(classes) + 1)
    ]
    swings_, pivots_ = [], []
    for cls_, by_size in zip(classes, exact_rows[1:]):
        if cls_.weight == 0:
            swings_.append(0)
            pivots_.append(0)
            continue
        swings_.append(sum(by_size))
        pivots_.append(sum(c * order[s] for s, c in enumerate(by_size) if c))
    return Counts(tuple(swings_), tuple(pivots_), 2**n - sum(exact_rows[0]))


def _run(
    build: Callable[[int], None],
    jobs: int,
    workers: int,
    progress: Progress,
    done: dict[int, list[list[int]]],
    failed: list[BaseException],
) -> None:
    """Run ``build(j)`` for j in 0 .. jobs − 1 on ``workers`` daemon threads (the kernels
    release the GIL), reporting progress. A Ctrl-C reaches the caller at once: the
    threads are daemons, so an interrupted process does not wait for them."""
    pending = list(range(jobs - 1, -1, -1))
    lock = threading.Lock()

    def worker() -> None:
        while not failed:
            with lock:
                if not pending:
                    return
                j = pending.pop()
            build(j)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    if progress:
        progress(0, jobs)
    for thread in threads:
        while thread.is_alive():
            thread.join(0.1)
            if progress:
                progress(len(done), jobs)
    if progress:
        progress(len(done), jobs)
    if failed:  # pragma: no cover - a kernel failing is a bug
        raise failed[0]

"""The candidates for the accelerated path, measured on the same games (issue 22).

Run (the candidates are wheels from PyPI; gcc is only for the C kernel, skipped
without it):

    pip install -e '.[fast]' python-flint gmpy2
    python benchmarks/candidates.py            # 200 and 500 seats
    python benchmarks/candidates.py 200 500 1000
    python benchmarks/candidates.py --compiled 500 1000   # numba and C only

Every candidate counts the same thing: the coalitions by weight and size of a random game
(weights 1-100, quota half the total plus one, seeded by the size, as benchmarks/peers.py),
the table behind exact Shapley-Shubik. Each runs in its own process; the time is that of
the whole computation it needs (for the modular candidates, every prime), the memory the
peak of the process:

* python: unsc's reference path (Shapley-Shubik and Banzhaf, exact Fractions).
* numba: unsc's compiled path, ``backend="numba"`` (the same, exact Fractions; the kernels
  compiled and cached before timing), on every core, and pinned to one core (one table
  at a time, as the C kernels run).
* gmpy2: the reference's packed table with GMP integers (mpz) in place of Python's.
* flint: the table as one polynomial per prime (sizes packed beside weights, Kronecker),
  the product over seats by a balanced tree of FLINT's truncated multiplications
  (``nmod_poly.mul_low``).
* C, issue's sweep: the kernel issue 22's bars are measured against (our code, below:
  seats light first, each row swept from the least weight of its seats to the quota,
  BLOCK seats per sweep), built now with gcc -O3 -march=native.
* C, numba's sweep: the present numba kernels' loops written in C (seats heavy first,
  each row stored and swept only over the weights its seats can reach, the windows read
  row by row): the distance left between numba and C on the same algorithm.

Both C kernels run on one thread; their sums per class, modulo each prime, are checked
against unsc's.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREAMBLE = f"""
import json, random, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
n = int(sys.argv[1])
rnd = random.Random(n)
W = [rnd.randint(1, 100) for _ in range(n)]
Q = sum(W) // 2 + 1
def done(seconds, **more):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({{"seconds": seconds, "peak_mb": peak, **more}}))
"""

PYTHON = """
from unsc.analysis import Game, power
g = Game.weighted(W, Q)
t = time.perf_counter(); power(g, indices=("shapley_shubik", "banzhaf"), backend="python")
done(time.perf_counter() - t)
"""

NUMBA = """
from unsc.analysis import Game, power
power(Game.weighted([1, 2, 3] * 30, 50), indices=("shapley_shubik", "banzhaf"), backend="numba")
g = Game.weighted(W, Q)
t = time.perf_counter(); power(g, indices=("shapley_shubik", "banzhaf"), backend="numba")
done(time.perf_counter() - t)
"""

# The same on one core: the process pinned to one processor, so that the compiled path
# builds one table at a time (its thread count follows the processors it may use).
NUMBA_ONE = (
    """
import os
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
"""
    + NUMBA
)

GMPY2 = """
from gmpy2 import mpz
width = 64 if n < 64 else 8 * (n // 8 + 1)
t = time.perf_counter()
table = [mpz(0)] * Q
table[0] = mpz(1)
for w in sorted(W):
    for v in range(Q - 1, w - 1, -1):
        below = table[v - w]
        if below:
            table[v] += below << width
done(time.perf_counter() - t)
"""

FLINT = """
import math
from flint import nmod_poly
from unsc.analysis import Game
from unsc.analysis.accelerated import _primes, _sizes
g = Game.weighted(W, Q)
stride = _sizes(g) + 1
length = Q * stride
primes = _primes(n)
t = time.perf_counter()
for p in primes:
    level = []
    for w in sorted(W):
        e = w * stride + 1
        if e < length:
            c = [0] * (e + 1); c[0] = 1; c[e] = 1
            level.append(nmod_poly(c, p))
    while len(level) > 1:
        nxt = [a.mul_low(b, length) for a, b in zip(level[::2], level[1::2])]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
done(time.perf_counter() - t, primes=len(primes))
"""

C_SOURCE = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
/* The numba kernels' loops (unsc/analysis/_compiled.py) in C: counts by size (rows) and
   weight (columns) modulo p < 2^63, seats added BLOCK at a time in one sweep. */
#define BLOCK 16
static inline uint64_t addm(uint64_t a, uint64_t b, uint64_t p) {
    uint64_t x = a + b, y = x - p; return x < y ? x : y; }
int main(void) {
    long n, q, sizes, k; if (scanf("%ld %ld %ld %ld", &n, &q, &sizes, &k) != 4) return 1;
    long *w = malloc(n * sizeof *w), *lightest = malloc(sizes * sizeof *lightest);
    uint64_t *primes = malloc(k * sizeof *primes);
    for (long i = 0; i < n; i++) if (scanf("%ld", &w[i]) != 1) return 1;
    for (long s = 0; s < sizes; s++) if (scanf("%ld", &lightest[s]) != 1) return 1;
    for (long j = 0; j < k; j++) if (scanf("%lu", &primes[j]) != 1) return 1;
    long classes; if (scanf("%ld", &classes) != 1) return 1;
    long *cw = malloc(classes * sizeof *cw);
    for (long c = 0; c < classes; c++) if (scanf("%ld", &cw[c]) != 1) return 1;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    long cols = q + 1;
    uint64_t *t = malloc(sizes * cols * sizeof *t);
    uint64_t *sums = calloc(k * classes, sizeof *sums);
    for (long j = 0; j < k; j++) {
        uint64_t p = primes[j];
        memset(t, 0, sizes * cols * sizeof *t);
        t[1] = 1;
        long reach = 0, tops[BLOCK];
        for (long first = 0; first < n; first += BLOCK) {
            long block = n - first < BLOCK ? n - first : BLOCK, top = reach;
            for (long b = 0; b < block; b++) {
                top = top + w[first + b] < q - 1 ? top + w[first + b] : q - 1; tops[b] = top; }
            long start = first + block < sizes - 1 ? first + block : sizes - 1;
            for (long s = start; s > -block; s--)
                for (long b = 0; b < block; b++) {
                    long row = s + b, most = first + b + 1 < sizes - 1 ? first + b + 1 : sizes - 1;
                    if (row < 1 || row > most) continue;
                    long wb = w[first + b], low = wb > lightest[row] ? wb : lightest[row];
                    uint64_t *restrict dst = t + row * cols + 1;
                    const uint64_t *restrict src = t + (row - 1) * cols + 1 - wb;
                    for (long v = low; v <= tops[b]; v++) dst[v] = addm(dst[v], src[v], p);
                }
            reach = tops[block - 1];
        }
        for (long s = 0; s < sizes; s++)
            for (long v = 1; v <= q; v++)
                t[s * cols + v] = addm(t[s * cols + v], t[s * cols + v - 1], p);
        for (long c = 0; c < classes; c++) {  /* each class's window, summed over sizes */
            uint64_t total = 0;
            for (long r = 0; r < sizes; r++) {
                long high = q, low = q - cw[c], tt = 0;
                while (high > 0 && r + tt < sizes) {
                    uint64_t a = t[r * cols + high], b = t[r * cols + (low > 0 ? low : 0)];
                    uint64_t d = a >= b ? a - b : a + p - b;
                    if ((tt & 1) && d) d = p - d;
                    total = addm(total, d, p);
                    high -= cw[c]; low -= cw[c]; tt++;
                }
            }
            sums[j * classes + c] = total;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage use; getrusage(RUSAGE_SELF, &use);
    printf("%.6f %ld\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, use.ru_maxrss);
    for (long i = 0; i < k * classes; i++) printf("%lu\n", sums[i]);
    return 0;
}
"""


C_RAGGED = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
/* The present numba kernels (unsc/analysis/_compiled.py: sized_rows, sized_table,
   sized_windows) in C: seats heavy first, each row stored from the least to the most
   weight of its seats, each seat adding over the weights the seats before it reach. */
#define BLOCK 16
static inline uint64_t addm(uint64_t a, uint64_t b, uint64_t p) {
    uint64_t x = a + b, y = x - p; return x < y ? x : y; }
int main(void) {
    long n, q, sizes, k; if (scanf("%ld %ld %ld %ld", &n, &q, &sizes, &k) != 4) return 1;
    long *w = malloc(n * sizeof *w), *done = malloc((n + 1) * sizeof *done);
    uint64_t *primes = malloc(k * sizeof *primes);
    for (long i = 0; i < n; i++) if (scanf("%ld", &w[i]) != 1) return 1;  /* heavy first */
    for (long j = 0; j < k; j++) if (scanf("%lu", &primes[j]) != 1) return 1;
    long classes; if (scanf("%ld", &classes) != 1) return 1;
    long *cw = malloc(classes * sizeof *cw);
    for (long c = 0; c < classes; c++) if (scanf("%ld", &cw[c]) != 1) return 1;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    long *low = malloc(sizes * sizeof *low), *high = malloc(sizes * sizeof *high);
    long *start = malloc((sizes + 1) * sizeof *start);
    long light = 0, heavy = 0; start[0] = 0;
    for (long s = 0; s < sizes; s++) {
        if (s) { light += w[n - s]; heavy += w[s - 1]; }
        low[s] = light; high[s] = heavy < q - 1 ? heavy : q - 1;
        start[s + 1] = start[s] + high[s] - low[s] + 1;
    }
    done[0] = 0;
    for (long i = 0; i < n; i++) done[i + 1] = done[i] + w[i];
    uint64_t *t = malloc(start[sizes] * sizeof *t);
    uint64_t *out = malloc(classes * sizes * sizeof *out);
    uint64_t *sums = calloc(k * classes, sizeof *sums);
    for (long j = 0; j < k; j++) {
        uint64_t p = primes[j];
        memset(t, 0, start[sizes] * sizeof *t);
        t[0] = 1;
        for (long first = 0; first < n; first += BLOCK) {
            long block = n - first < BLOCK ? n - first : BLOCK;
            long top = first + block < sizes - 1 ? first + block : sizes - 1;
            for (long s = top; s > -block; s--)
                for (long b = 0; b < block; b++) {
                    long row = s + b, i = first + b, most = i + 1 < sizes - 1 ? i + 1 : sizes - 1;
                    if (row < 1 || row > most) continue;
                    long lo = done[i] - done[i - row + 1] + w[i];
                    long hi = done[row - 1] + w[i] < q - 1 ? done[row - 1] + w[i] : q - 1;
                    uint64_t *restrict dst = t + start[row] - low[row];
                    const uint64_t *restrict src = t + start[row - 1] - low[row - 1] - w[i];
                    for (long v = lo; v <= hi; v++) dst[v] = addm(dst[v], src[v], p);
                }
        }
        for (long s = 0; s < sizes; s++)
            for (long e = start[s] + 1; e < start[s + 1]; e++) t[e] = addm(t[e], t[e - 1], p);
        memset(out, 0, classes * sizes * sizeof *out);
        for (long r = 0; r < sizes; r++) {  /* every class's window, row by row */
            uint64_t all = t[start[r + 1] - 1];
            long at = start[r] - low[r] - 1, bottom = low[r], last = high[r] + 1;
            for (long c = 0; c < classes; c++) {
                long hi = q, tt = 0;
                uint64_t a = hi > last ? all : t[at + hi];
                while (hi > bottom && r + tt < sizes) {
                    long lo = hi - cw[c];
                    uint64_t b = lo <= bottom ? 0 : (lo > last ? all : t[at + lo]);
                    uint64_t d = a >= b ? a - b : a + p - b;
                    if ((tt & 1) && d) d = p - d;
                    out[c * sizes + r + tt] = addm(out[c * sizes + r + tt], d, p);
                    hi = lo; a = b; tt++;
                }
            }
        }
        for (long c = 0; c < classes; c++) {
            uint64_t total = 0;
            for (long r = 0; r < sizes; r++) total = addm(total, out[c * sizes + r], p);
            sums[j * classes + c] = total;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage use; getrusage(RUSAGE_SELF, &use);
    printf("%.6f %ld\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, use.ru_maxrss);
    for (long i = 0; i < k * classes; i++) printf("%lu\n", sums[i]);
    return 0;
}
"""


def run(code: str, n: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PREAMBLE + code, str(n)], capture_output=True, text=True
    )
    if done.returncode:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:80]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_c(n: int, folder: Path, ragged: bool = False) -> dict[str, object]:
    """Build a C kernel (the issue's: light first, whole rows up to the quota; or with
    ``ragged`` the present numba kernels' sweep), run it on the game, check its sums
    against unsc's swings."""
    import itertools

    from unsc.analysis import Game, power
    from unsc.analysis.accelerated import _primes, _sizes

    name = "ragged" if ragged else "kernel"
    binary = folder / name
    if not binary.exists():
        (folder / f"{name}.c").write_text(C_RAGGED if ragged else C_SOURCE, encoding="utf-8")
        source = str(folder / f"{name}.c")
        subprocess.run(["gcc", "-O3", "-march=native", "-o", str(binary), source], check=True)
    rnd = random.Random(n)
    weights = [rnd.randint(1, 100) for _ in range(n)]
    quota = sum(weights) // 2 + 1
    game = Game.weighted(weights, quota)
    primes, sizes = _primes(n), _sizes(game) + 1
    classes = [c.weight for c in game.classes]
    if ragged:
        numbers = [n, quota, sizes, len(primes), *sorted(weights, reverse=True), *primes]
    else:
        lightest = list(itertools.accumulate(sorted(weights)[: sizes - 1], initial=0))
        numbers = [n, quota, sizes, len(primes), *sorted(weights), *lightest, *primes]
    feed = " ".join(map(str, [*numbers, len(classes), *classes]))
    done = subprocess.run([str(binary)], input=feed, capture_output=True, text=True, check=True)
    out = done.stdout.split()
    peak = int(out[1]) / 1024
    sums = [int(x) for x in out[2:]]
    swings = power(game, indices="swings", backend="python")
    exact = [int(swings.of(game.labels[c.seats[0]])["swings"]) for c in game.classes]
    same = all(
        sums[j * len(classes) + c] == exact[c] % p for j, p in enumerate(primes)
        for c in range(len(classes))
    )  # fmt: skip
    return {"seconds": float(out[0]), "peak_mb": peak, "checked": same}


NOTES = {
    "python": "SS + Banzhaf, exact",
    "numba": "SS + Banzhaf, exact",
    "numba, one core": "SS + Banzhaf, exact, one table at a time",
    "gmpy2": "table only",
    "flint": "tables only, {} primes",
}


def main() -> None:
    compiled = "--compiled" in sys.argv
    sizes = [int(a) for a in sys.argv[1:] if not a.startswith("--")] or [200, 500]
    candidates = {"python": PYTHON, "numba": NUMBA, "numba, one core": NUMBA_ONE,
                  "gmpy2": GMPY2, "flint": FLINT}  # fmt: skip
    if compiled:
        candidates = {k: v for k, v in candidates.items() if k.startswith("numba")}
    print("| seats | candidate | s | peak MB | note |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            for name, code in candidates.items():
                if (name in ("python", "gmpy2") and n > 500) or (name == "flint" and n > 200):
                    print(f"| {n} | {name} | — | — | not run (minutes) |", flush=True)
                    continue
                r = run(code, n)
                note = NOTES[name].format(r.get("primes"))
                if "error" in r:
                    print(f"| {n} | {name} | — | — | {r['error']} |", flush=True)
                    continue
                print(f"| {n} | {name} | {r['seconds']:.3g} | {r['peak_mb']:,.0f} | {note} |",
                      flush=True)  # fmt: skip
            if shutil.which("gcc"):
                for ragged, what in ((False, "issue's sweep"), (True, "numba's sweep")):
                    r = run_c(n, Path(folder), ragged)
                    ok = "sums equal unsc's" if r["checked"] else "DIFFERENT"
                    print(f"| {n} | C (gcc -O3), {what} | {r['seconds']:.3g} | "
                          f"{r['peak_mb']:,.0f} | tables + windows, one thread, {ok} |",
                          flush=True)  # fmt: skip
            else:
                print(f"| {n} | C | — | — | gcc not found: skipped |")


if __name__ == "__main__":
    main()

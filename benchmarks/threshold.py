"""Where ``power(..., backend="auto")`` should switch to the compiled path.

Run (with the fast extra):

    python benchmarks/threshold.py

For random games (weights 1-100, quota half the total plus one, as benchmarks/peers.py)
of growing size, each backend in a fresh process, as a user meets it: the time from the
call to the answer, including, for the compiled path, importing numba and loading its
kernels from numba's disk cache (compiled once beforehand). The work estimate
unsc.analysis.accelerated.work is printed beside, to place AUTO_WORK.
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = """
import json, random, sys, time
from unsc.analysis import Game, accelerated, power
n, indices, backend = int(sys.argv[1]), tuple(sys.argv[2].split(",")), sys.argv[3]
rnd = random.Random(n)
w = [rnd.randint(1, 100) for _ in range(n)]
game = Game.weighted(w, sum(w) // 2 + 1)
started = time.perf_counter()
power(game, indices=indices, backend=backend)
print(json.dumps({"seconds": time.perf_counter() - started,
                  "work": accelerated.work(game, set(indices)),
                  "auto": accelerated.chosen(game, set(indices), "auto")}))
"""


def once(n: int, indices: str, backend: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), indices, backend],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    once(20, "shapley_shubik,banzhaf", "numba")  # compile and cache the kernels
    once(20, "banzhaf", "numba")
    print("| seats | indices | work | python s | numba s (fresh process) | auto takes |")
    print("|---|---|---|---|---|---|")
    plan = [(n, "shapley_shubik,banzhaf") for n in (50, 100, 150, 200, 300)]
    plan += [(n, "banzhaf") for n in (200, 500, 1000, 2000)]
    for n, indices in plan:
        python = min(once(n, indices, "python")["seconds"] for _ in range(2))
        runs = [once(n, indices, "numba") for _ in range(2)]
        numba = min(r["seconds"] for r in runs)
        auto = "numba" if runs[0]["auto"] else "python"
        print(f"| {n} | {indices} | {runs[0]['work']:.2g} | {python:.3f} | {numba:.3f} | {auto} |",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()

"""unsc's power indices against the power-index libraries on PyPI: time and correctness.

Run (the peers are in the ``bench`` extra):

    pip install -e '.[bench]'
    python benchmarks/peers.py            # prints the table
    python benchmarks/peers.py --write    # and writes it into docs/performance.md

Games: the Security Council as the peers model it (weights 7 x 5 + 1 x 10, quota 39); the
G4 reform council of 25 seats in the same form (five vetoes as weight 21, twenty seats of
weight 1, quota 114); random weighted games of 50, 100 and 200 seats (weights 1-20, quota
ceil(0.6 x total), fixed seeds). Each library runs in its own process with a time limit;
games of 25 seats or fewer are timed as the fastest of 20 runs, larger ones once.
Correctness: the largest difference from unsc's exact values (as floats) over all seats
and both indices each library computes; "wrong" when a value is off by more than 1e-9
relative, or is not a finite number.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 120  # seconds per library per game
MARK_START, MARK_END = "<!-- peers:start -->", "<!-- peers:end -->"


def games() -> dict[str, tuple[list[int], int]]:
    out = {
        "UNSC (7x5 + 1x10, q 39)": ([7] * 5 + [1] * 10, 39),
        "G4 reform, 25 seats": ([21] * 5 + [1] * 20, 114),
    }
    for n in (50, 100, 200):
        rnd = random.Random(n)
        weights = [rnd.randint(1, 20) for _ in range(n)]
        out[f"random {n} seats"] = (weights, math.ceil(0.6 * sum(weights)))
    return out


# Each runner sets out = {"seconds": s, "ss": [...], "bz_raw": [...], "bz_norm": [...]}
# (any subset). The harness checks the values of the first run (a library may keep state
# between runs in one process) and keeps the fastest time.
RUNNERS = {
    "unsc": """
from unsc.analysis import Game, power
g = Game.weighted(W, Q)
t = time.perf_counter()
p = power(g, indices=("shapley_shubik", "banzhaf", "banzhaf_raw"))
s = time.perf_counter() - t
out = {"seconds": s, "ss": [float(x) for x in p["shapley_shubik"]],
       "bz_raw": [float(x) for x in p["banzhaf_raw"]], "bz_norm": [float(x) for x in p["banzhaf"]]}
""",
    "powerindex": """
import powerindex
t = time.perf_counter()
g = powerindex.Game(Q, weights=W)
g.calc_banzhaf()
g.calc_shapley_shubik()
s = time.perf_counter() - t
out = {"seconds": s, "ss": [float(x) for x in g.shapley_shubik],
       "bz_norm": [float(x) for x in g.banzhaf]}
""",
    "powerindices": """
import powerindices
t = time.perf_counter()
# each call gets its own copy: powerindices rewrites the list of weights it is given
ss = powerindices.compute_ssi(Q, list(W))
bz = powerindices.compute_pbi(Q, list(W))
s = time.perf_counter() - t
out = {"seconds": s, "ss": [float(x) for x in ss], "bz_raw": [float(x) for x in bz]}
""",
    "power-bdd": """
from power_bdd.bdd import BDD, WeightedGame
t = time.perf_counter()
b = BDD(WeightedGame(Q, W))
bz = b.calc_banzhaf()
ss = b.calc_shapley()
s = time.perf_counter() - t
out = {"seconds": s, "ss": [float(x) for x in ss], "bz_raw": [float(x) for x in bz]}
""",
}


def run(library: str, weights: list[int], quota: int) -> dict[str, object]:
    # Small games are timed as the fastest of several runs, large ones once.
    repeat = 20 if len(weights) <= 25 else 1
    body = "\n".join("    " + line for line in RUNNERS[library].strip().splitlines())
    code = (
        "import json, time, warnings\nwarnings.simplefilter('ignore')\n"
        f"W = {weights!r}\nQ = {quota}\nfirst = None\n"
        f"for _ in range({repeat}):\n{body}\n"
        "    if first is None:\n        first = out\n"
        "    first['seconds'] = min(first['seconds'], out['seconds'])\n"
        "print(json.dumps(first))\n"
    )
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=LIMIT
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no answer in {LIMIT} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last[:80], "wall": time.perf_counter() - started}
    try:
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "no result printed"}
    return result


def verdict(result: dict[str, object], exact: dict[str, object]) -> str:
    if "error" in result:
        return f"error: {result['error']}"
    worst = 0.0
    for key in ("ss", "bz_raw", "bz_norm"):
        if key not in result:
            continue
        got, want = result[key], exact[key]
        if not isinstance(got, list) or not isinstance(want, list):
            return f"wrong: no list of values for {key}"
        if len(got) != len(want):
            return f"wrong: {len(got)} values for {len(want)} seats"
        for g, w in zip(got, want):
            if not isinstance(g, (int, float)) or not math.isfinite(g):
                return f"wrong: {g!r} ({key})"
            error = abs(g - w) / max(abs(w), 1e-300)
            worst = max(worst, error)
    if worst > 1e-9:
        return f"wrong: off by {worst:.1e} (relative)"
    return f"correct (max rel. error {worst:.0e})"


def main() -> None:
    rows = []
    for name, (weights, quota) in games().items():
        exact = run("unsc", weights, quota)
        ours = float(exact["seconds"])  # type: ignore[arg-type]
        rows.append((name, "unsc", f"{ours * 1e3:.3f}", "1x", "exact (fractions)"))
        for library in ("powerindex", "powerindices", "power-bdd"):
            result = run(library, weights, quota)
            seconds = result.get("seconds")
            shown = f"{seconds * 1e3:.3f}" if isinstance(seconds, (int, float)) else "—"
            ratio = f"{seconds / ours:.1f}x" if isinstance(seconds, (int, float)) else "—"
            rows.append((name, library, shown, ratio, verdict(result, exact)))
            print(rows[-1], flush=True)
    table = ["| game | library | ms | vs unsc | result |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    text = "\n".join(table)
    print(text)
    if "--write" in sys.argv:
        doc = ROOT / "docs" / "performance.md"
        content = doc.read_text(encoding="utf-8")
        start, end = content.index(MARK_START), content.index(MARK_END)
        content = content[: start + len(MARK_START)] + "\n" + text + "\n" + content[end:]
        doc.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    main()

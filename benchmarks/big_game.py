"""Exact voting power in a large real body: the IMF Board of Governors.

Run:

    python benchmarks/big_game.py            # prints the table
    python benchmarks/big_game.py --write    # and writes it into docs/performance.md

The game: the 190 members of the IMF with their votes as the IMF published them on
2 October 2022 (benchmarks/data/imf_votes_2022.csv, 5,039,930 votes in all; the source
is on every row), under the Fund's three majorities: a simple majority of the votes
(quota 2,519,966) and the special majorities of 70 % and 85 % of the total voting power
(quotas 3,527,951 and 4,283,941). Every member votes.

Each majority runs in its own process: the time of `power` for the Banzhaf indices
(normalised and raw) and Coleman's, the peak memory of the process, and a check of the
method: each member's swings recomputed, for the largest, a middling and the smallest
member, from the product over the other 189 members built directly (no alternating sums).
Shapley-Shubik would need every count by weight and by size, about 5.6 GB at the simple
majority on the pure-Python path: unsc refuses it there (TooLargeError) and the table
says so. The compiled path (the fast extra) holds one table of 8-byte counts per prime,
2.8 GB at the simple majority, within the limit; ``--shapley`` computes it, in its own
process, with its time and peak memory (about a minute):

    python benchmarks/big_game.py --shapley
"""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "imf_votes_2022.csv"
MARK = ("<!-- imf:start -->", "<!-- imf:end -->")
MAJORITIES = {"simple majority": 0.5, "70 %": 0.7, "85 %": 0.85}

CHILD = r"""
import csv, json, resource, sys, time
from unsc.analysis import Game, power
from unsc.analysis.counting import _by_weight, _prefix, _width
from unsc.errors import TooLargeError

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
weights = [int(r["votes"]) for r in rows]
names = [r["member"] for r in rows]
quota = int(sys.argv[2])
game = Game.weighted(weights, quota, names)
started = time.perf_counter()
p = power(game, indices=("banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate"))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
n = game.size
checked = []
order = sorted(range(n), key=lambda i: weights[i])
for i in (order[-1], order[n // 2], order[0]):
    others = weights[:i] + weights[i + 1:]
    below = _prefix(_by_weight(others, quota, _width(n)))
    direct = below[quota] - below[max(0, quota - weights[i])]
    computed = p[i].banzhaf_absolute * 2 ** (n - 1)
    checked.append([names[i], direct == computed])
try:
    power(game, indices="shapley_shubik", backend="python")
    refused = ""
except TooLargeError as error:
    refused = str(error)
from unsc.analysis import accelerated
need = accelerated.memory(game, {"shapley_shubik"}) if accelerated.available() else None
top = sorted(range(n), key=lambda i: -weights[i])[:6]
print(json.dumps({
    "seconds": seconds, "peak_mb": peak, "checked": checked, "refused": refused,
    "act": float(p.coleman_act), "compiled_mb": need,
    "top": [[names[i], weights[i] / sum(weights), float(p[i].banzhaf),
             float(p[i].coleman_prevent)] for i in top],
}))
"""


SHAPLEY = r"""
import csv, json, resource, sys, time
from unsc.analysis import Game, power
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
names = [r["member"] for r in rows]
game = Game.weighted([int(r["votes"]) for r in rows], int(sys.argv[2]), names)
started = time.perf_counter()
p = power(game, indices="shapley_shubik", backend="numba")
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
us = names.index(max(rows, key=lambda r: int(r["votes"]))["member"])
print(json.dumps({"seconds": seconds, "peak_mb": peak, "sum": str(sum(p["shapley_shubik"])),
                  "largest": float(p[us].shapley_shubik)}))
"""


def shapley(total: int) -> None:
    """Shapley-Shubik at the simple majority on the compiled path: time, memory, check."""
    quota = total // 2 + 1
    done = subprocess.run(
        [sys.executable, "-c", SHAPLEY, str(DATA), str(quota)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"Shapley-Shubik, simple majority, compiled: {result['seconds']:.1f} s, peak "
        f"{result['peak_mb']:,.0f} MB; the indices sum to {result['sum']}; the largest member "
        f"{result['largest']:.4%}"
    )


def main() -> None:
    with DATA.open(encoding="utf-8") as f:
        total = sum(int(row["votes"]) for row in csv.DictReader(f))
    if "--shapley" in sys.argv:
        shapley(total)
        return
    lines = [
        "| majority | quota | Banzhaf + Coleman, s | peak MB | checked | "
        "United States: votes / Banzhaf / Coleman prevent | power to act |",
        "|---|---|---|---|---|---|---|",
    ]
    refused = ""
    for label, share in MAJORITIES.items():
        quota = total // 2 + 1 if share == 0.5 else math.ceil(share * total)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(DATA), str(quota)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        us = result["top"][0]
        ok = all(same for _, same in result["checked"])
        lines.append(
            f"| {label} | {quota:,} | {result['seconds']:.2f} | {result['peak_mb']:,.0f} | "
            f"{'equal' if ok else 'DIFFERENT'} ({len(result['checked'])} members) | "
            f"{us[1]:.2%} / {us[2]:.2%} / {us[3]:.6f} | {result['act']:.4g} |"
        )
        refused = refused or result["refused"]
        print(lines[-1], flush=True)
    lines += [
        "",
        f"Shapley–Shubik at the simple majority, pure Python: `TooLargeError: {refused}`",
    ]
    text = "\n".join(lines)
    print(text)
    if "--write" in sys.argv:
        doc = ROOT / "docs" / "performance.md"
        content = doc.read_text(encoding="utf-8")
        a, b = content.index(MARK[0]), content.index(MARK[1])
        content = content[: a + len(MARK[0])] + "\n" + text + "\n" + content[b:]
        doc.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    main()

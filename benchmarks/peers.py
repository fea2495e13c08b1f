"""unsc's power indices against the power-index libraries on PyPI: time, memory and
correctness, index by index, from the real Council to 1,000 seats.

Run (the peers are in the ``bench`` extra):

    pip install -e '.[bench]'
    python benchmarks/peers.py              # every game; prints the tables (under an hour)
    python benchmarks/peers.py --quick      # games of at most 200 seats (a few minutes)
    python benchmarks/peers.py --write      # and writes them into docs/performance.md

Games, in the weighted form every library reads: the Security Council (weights 7 x 5 +
1 x 10, quota 39); the reform councils of unsc.reform (G4, African Union, Uniting for
Consensus), their veto holders given a weight that makes each one indispensable; random
games of 15, 50, 100, 200, 500 and 1,000 seats (weights 1-100, quota half the total plus
one, seeded by the size).

Each library computes each index family it offers, alone, in its own process with a
time limit: Shapley-Shubik, and Banzhaf (normalised or raw; unsc computes both). A run
is repeated until it has taken a second or twenty runs, and the fastest is kept; the
peak memory is that of the whole process. Every library is given its own copy of the
weights (powerindices and power-bdd rewrite the list they are given). Correctness: the
largest relative difference from unsc's exact values, as floats, over all seats; "wrong"
above 1e-9, or for a value that is not a finite number.

unsc runs with its default backend ("auto"): with the fast extra installed, the compiled
path for the large random games (unsc.analysis.accelerated.chosen), the pure-Python path
otherwise; ``--python`` keeps unsc on the pure-Python path throughout.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = {"unsc": 600, "peer": 120}  # seconds per run of one index on one game
MARK = ("<!-- peers:start -->", "<!-- peers:end -->")
GROWTH = ("<!-- growth:start -->", "<!-- growth:end -->")
SIZES = (15, 50, 100, 200, 500, 1000)
PEERS = ("powerindex", "powerindices", "power-bdd")


def weighted_form(council: object) -> tuple[list[int], int]:
    """A council's yes/no game as one weighted game: each veto holder weighs more than
    all elected seats together could make up for, so that no coalition without every
    veto holder reaches the quota."""
    from unsc.analysis import Game

    game = Game.of_council(council)  # type: ignore[arg-type]
    assert game.vetoes_needed == 1
    holders = game.veto_holders
    others = game.size - holders
    heavy = others - (game.quota - holders) + 1
    weights = [heavy if veto else 1 for veto in game.veto]
    return weights, heavy * holders + game.quota - holders


def games(largest: int = SIZES[-1]) -> dict[str, tuple[list[int], int]]:
    from unsc import reform

    out = {"UNSC (7x5 + 1x10, q 39)": ([7] * 5 + [1] * 10, 39)}
    for key in ("g4", "au", "ufc"):
        model = reform.model(key)
        weights, quota = weighted_form(model.council)
        out[f"{model.name}, {len(weights)} seats"] = (weights, quota)
    for n in SIZES:
        if n <= largest:
            rnd = random.Random(n)
            weights = [rnd.randint(1, 100) for _ in range(n)]
            out[f"random {n} seats"] = (weights, sum(weights) // 2 + 1)
    return out


# What each library runs for each index family: a computation, timed, then the values
# it gave as floats, keyed "ss", "bz_raw" or "bz_norm" (not timed). W and Q are the
# weights and quota.
UNSC = (
    "from unsc.analysis import Game, power\n"
    "p = power(Game.weighted(list(W), Q), indices={}, backend=BACKEND)"
)
RUNNERS: dict[str, dict[str, tuple[str, str]]] = {
    "unsc": {
        "shapley_shubik": (
            UNSC.format('"shapley_shubik"'),
            'values = {"ss": [float(x) for x in p["shapley_shubik"]]}',
        ),
        "banzhaf": (
            UNSC.format('("banzhaf", "banzhaf_absolute")'),
            'values = {"bz_raw": [float(x) for x in p["banzhaf_absolute"]],\n'
            '          "bz_norm": [float(x) for x in p["banzhaf"]]}',
        ),
        "coleman": (UNSC.format('("coleman_prevent", "coleman_initiate")'), "values = {}"),
        "holler": (UNSC.format('"holler"'), "values = {}"),
        "deegan_packel": (UNSC.format('"deegan_packel"'), "values = {}"),
    },
    "powerindex": {
        "shapley_shubik": (
            "import powerindex\ng = powerindex.Game(Q, weights=list(W))\ng.calc_shapley_shubik()",
            'values = {"ss": [float(x) for x in g.shapley_shubik]}',
        ),
        "banzhaf": (
            "import powerindex\ng = powerindex.Game(Q, weights=list(W))\ng.calc_banzhaf()",
            'values = {"bz_norm": [float(x) for x in g.banzhaf]}',
        ),
    },
    "powerindices": {
        "shapley_shubik": (
            "import powerindices\nr = powerindices.compute_ssi(Q, list(W))",
            'values = {"ss": [float(x) for x in r]}',
        ),
        "banzhaf": (
            "import powerindices\nr = powerindices.compute_pbi(Q, list(W))",
            'values = {"bz_raw": [float(x) for x in r]}',
        ),
    },
    "power-bdd": {
        "shapley_shubik": (
            "from power_bdd.bdd import BDD, WeightedGame\n"
            "r = BDD(WeightedGame(Q, list(W))).calc_shapley()",
            'values = {"ss": [float(x) for x in r]}',
        ),
        "banzhaf": (
            "from power_bdd.bdd import BDD, WeightedGame\n"
            "r = BDD(WeightedGame(Q, list(W))).calc_banzhaf()",
            'values = {"bz_raw": [float(x) for x in r]}',
        ),
    },
}

FAMILIES = ("shapley_shubik", "banzhaf")  # what the peers offer
OWN = ("coleman", "holler", "deegan_packel")  # what only unsc offers


def run(library: str, family: str, weights: list[int], quota: int) -> dict[str, object]:
    """Time one library computing one index family, in a fresh process."""
    compute, convert = RUNNERS[library][family]
    code = (
        "import json, resource, time, warnings\nwarnings.simplefilter('ignore')\n"
        f"W = tuple({weights!r})\nQ = {quota}\nfirst = None\nbest = None\nspent = 0.0\n"
        f"BACKEND = {'python' if '--python' in sys.argv else 'auto'!r}\n"
        "for _ in range(20):\n"
        "    started = time.perf_counter()\n"
        + "".join(f"    {line}\n" for line in compute.splitlines())
        + "    took = time.perf_counter() - started\n"
        + "".join(f"    {line}\n" for line in convert.splitlines())
        + "    spent += took\n"
        "    best = took if best is None else min(best, took)\n"
        "    first = values if first is None else first\n"
        "    if spent > 1.0:\n"
        "        break\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'seconds': best, 'peak_kb': peak, **first}))\n"
    )
    limit = LIMIT["unsc" if library == "unsc" else "peer"]
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no answer in {limit} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last[:70]}
    try:
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "no result printed"}
    return result


def verdict(result: dict[str, object], exact: dict[str, object]) -> str:
    """ "correct", "wrong: …" or "error: …" for a peer's values against unsc's."""
    if "error" in result:
        return f"error: {result['error']}"
    worst = 0.0
    for key in ("ss", "bz_raw", "bz_norm"):
        if key not in result:
            continue
        got, want = result[key], exact.get(key)
        if not isinstance(got, list) or not isinstance(want, list) or len(got) != len(want):
            size = len(want) if isinstance(want, list) else 0
            return f"wrong: no list of {size} values for {key}"
        for g, w in zip(got, want):
            if not isinstance(g, (int, float)) or not math.isfinite(g):
                return f"wrong: {g!r} ({key})"
            worst = max(worst, abs(g - w) / max(abs(w), 1e-300))
    if worst > 1e-9:
        return f"wrong: off by {worst:.1e}"
    return "correct"


def _seconds(seconds: float) -> str:
    """Three significant figures, never in exponent form."""
    return (
        f"{seconds:,.1f}"
        if seconds >= 100
        else f"{seconds:.3g}"
        if seconds >= 1e-3
        else (f"{seconds:.6f}")
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.3f}" if seconds < 1 else f"{seconds * 1e3:,.0f}"


def main() -> None:
    largest = 200 if "--quick" in sys.argv else SIZES[-1]
    rows: list[tuple[str, ...]] = []
    growth: list[tuple[str, str, str, str]] = []
    for name, (weights, quota) in games(largest).items():
        for family in FAMILIES + OWN:
            ours = run("unsc", family, weights, quota)
            if "error" in ours:
                if name.startswith("random"):
                    growth.append((name, family, str(ours["error"]), "—"))
                if family not in OWN:
                    rows.append((name, family, f"unsc: {ours['error']}", "", "", "", ""))
                continue
            seconds = float(ours["seconds"])  # type: ignore[arg-type]
            if name.startswith("random"):
                peak = int(ours["peak_kb"]) / 1024  # type: ignore[call-overload]
                growth.append((name, family, _seconds(seconds), f"{peak:,.0f}"))
            if family in OWN:
                continue
            cells, fastest = [], None
            for library in PEERS:
                result = run(library, family, weights, quota)
                said = verdict(result, ours)
                if said == "correct":
                    theirs = float(result["seconds"])  # type: ignore[arg-type]
                    cells.append(f"{_ms(theirs)} ({theirs / seconds:,.0f}x)")
                    fastest = theirs if fastest is None else min(fastest, theirs)
                else:
                    cells.append(said)
            lead = f"{fastest / seconds:,.1f}x" if fastest else "no correct peer"
            rows.append((name, family, _ms(seconds), *cells, lead))
            print(" | ".join(rows[-1]), flush=True)
    head = "| game | index | unsc ms | " + " | ".join(f"{p} ms (vs unsc)" for p in PEERS)
    table = [head + " | fastest correct peer / unsc |", "|---" * 7 + "|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    grow = ["| game | index | unsc s | peak MB |", "|---|---|---|---|"]
    grow += [f"| {g} | {f} | {s} | {m} |" for g, f, s, m in growth]
    print("\n".join(table), "\n", "\n".join(grow), sep="\n")
    if "--write" in sys.argv:
        doc = ROOT / "docs" / "performance.md"
        text = doc.read_text(encoding="utf-8")
        for (start, end), lines in ((MARK, table), (GROWTH, grow)):
            a, b = text.index(start), text.index(end)
            text = text[: a + len(start)] + "\n" + "\n".join(lines) + "\n" + text[b:]
        doc.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

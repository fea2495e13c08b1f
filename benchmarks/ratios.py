"""Print each benchmark's time as a ratio of the baseline in its group.

Usage:  python benchmarks/ratios.py bench.json

The baseline of a group is its benchmark whose name contains "bare" (or "baseline").
Ratios come from one run on one machine, so they compare like with like.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    for bench in data["benchmarks"]:
        groups[bench["group"] or "-"].append(bench)
    for group, benches in sorted(groups.items()):
        base = next(b for b in benches if "bare" in b["name"] or "baseline" in b["name"])
        base_median = base["stats"]["median"]  # type: ignore[index]
        print(f"{group}:")
        for bench in benches:
            median = bench["stats"]["median"]  # type: ignore[index]
            print(
                f"  {bench['name']:<28} median {median * 1e6:8.3f} µs   "
                f"ratio {median / base_median:5.2f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1])

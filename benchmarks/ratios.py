"""Print each benchmark's time as a ratio of the baseline in its group.

Usage:  python benchmarks/ratios.py bench.json

The baseline of a group is its benchmark whose name contains "bare" (or "baseline");
a group without one has an absolute bar, and its times are printed as they are.
Ratios come from one run on one machine, so they compare like with like. The ratio of
the fastest rounds (min) is the one to judge by: on a shared virtual machine the
slower rounds measure the neighbours as much as the code. The median ratio is shown too.
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
        base = next((b for b in benches if "bare" in b["name"] or "baseline" in b["name"]), None)
        if base is None:  # a group with an absolute bar: times only
            print(f"{group}:")
            for bench in benches:
                low, median = bench["stats"]["min"], bench["stats"]["median"]  # type: ignore[index]
                print(f"  {bench['name']:<24} min {low * 1e3:10.3f} ms", end="")
                print(f"   median {median * 1e3:10.3f} ms")
            continue
        base_min = base["stats"]["min"]  # type: ignore[index]
        base_median = base["stats"]["median"]  # type: ignore[index]
        print(f"{group}:")
        for bench in benches:
            low = bench["stats"]["min"]  # type: ignore[index]
            median = bench["stats"]["median"]  # type: ignore[index]
            print(
                f"  {bench['name']:<24} min {low * 1e6:11.3f} µs  ratio {low / base_min:5.2f}x"
                f"   (median {median * 1e6:11.3f} µs  ratio {median / base_median:5.2f}x)"
            )


if __name__ == "__main__":
    main(sys.argv[1])

"""Fail when any module of unsc is covered below a threshold.

Usage:  python tools/check_coverage.py coverage.json [90]

Reads the JSON report of coverage.py (``pytest --cov=unsc --cov-report=json``) and prints
each module under the threshold with its percentage; exits 1 if there is one.
"""

from __future__ import annotations

import json
import sys


def main(path: str, threshold: float = 90.0) -> int:
    with open(path, encoding="utf-8") as f:
        files = json.load(f)["files"]
    low = {
        name: data["summary"]["percent_covered"]
        for name, data in sorted(files.items())
        if data["summary"]["percent_covered"] < threshold
    }
    for name, percent in low.items():
        print(f"{name}: {percent:.1f}% covered, under {threshold:g}%")
    total = len(files)
    print(f"coverage: {total - len(low)} of {total} modules at {threshold:g}% or more")
    return 1 if low else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], *(float(a) for a in sys.argv[2:3])))

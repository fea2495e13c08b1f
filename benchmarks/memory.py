"""Peak memory of replaying UN voting-data files of growing length: it should not grow
with the file (the reader streams resolutions; only disagreements are kept).

Usage:  python benchmarks/memory.py

Writes files of 41,000 and 410,000 rows in the ``typical`` shape to a temporary folder and
prints, for each, the peak memory traced while ``csv.reader`` reads it and while
``history.replay_undl`` replays it (tracemalloc: Python allocations only).
"""

from __future__ import annotations

import csv
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from undl_files import write

from unsc import history


def _peak(run: Callable[[Path], object], path: Path) -> int:
    tracemalloc.start()
    try:
        run(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _read(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        for _ in csv.reader(f):
            pass


def main() -> None:
    history.replay_undl  # noqa: B018  # imported before measuring
    with tempfile.TemporaryDirectory() as folder:
        for rows in (41_000, 410_000):
            path = Path(folder) / f"sc_voting_{rows}.csv"
            written = write(path, "typical", rows)
            size = path.stat().st_size / 1e6
            csv_peak = _peak(_read, path)
            unsc_peak = _peak(history.replay_undl, path)
            print(
                f"{written:>8,} rows ({size:5.0f} MB): peak csv.reader {csv_peak / 1e6:6.2f} MB, "
                f"replay_undl {unsc_peak / 1e6:6.2f} MB"
            )


if __name__ == "__main__":
    main()

"""What users run first: names turned into members, the command as a whole process, the
import itself.

Run:
    pytest benchmarks/test_surface.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

Bars (docs/performance.md), each a ratio to its group's baseline in the same run:

* ``with_votes`` given names as strings ("CHN GAB MOZ RUS ARE") within 3x of the same call
  given lists of codes (group ``with-votes``);
* ``unsc replay S/2023/772`` as a whole process within 1.5x of ``unsc --version``
  (group ``cli-process``);
* ``import unsc`` within 1.5x of importing its two dependencies, attrs and tabulate
  (group ``import``).
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import unsc

C2023 = unsc.Council.of_year(2023)
DRAFT = unsc.Resolution("S/2023/772", council=C2023)
YES, NO, ABSTAIN = "CHN GAB MOZ RUS ARE", "FRA JPN GBR USA", "ALB BRA ECU GHA MLT CHE"


@pytest.mark.benchmark(group="with-votes")
def test_bare_lists(benchmark: Any) -> None:
    """Baseline: the votes as lists of codes."""
    record = benchmark(
        DRAFT.with_votes, yes=YES.split(), no=NO.split(), abstain=ABSTAIN.split(), complete=True
    )
    assert record.complete


@pytest.mark.benchmark(group="with-votes")
def test_strings(benchmark: Any) -> None:
    """The votes as strings of codes, split by unsc."""
    record = benchmark(DRAFT.with_votes, yes=YES, no=NO, abstain=ABSTAIN, complete=True)
    assert record.complete


@pytest.mark.benchmark(group="with-votes")
def test_names(benchmark: Any) -> None:
    """The votes as names and aliases in any case."""
    record = benchmark(
        DRAFT.with_votes,
        yes=["china", "Gabon", "Mozambique", "Russia", "United Arab Emirates"],
        no=["France", "Japan", "United Kingdom", "United States"],
        abstain="ALB BRA ECU GHA MLT CHE",
        complete=True,
    )
    assert record.complete


def _process(*argv: str) -> None:
    subprocess.run([sys.executable, *argv], check=True, capture_output=True)


@pytest.mark.benchmark(group="cli-process")
def test_bare_version(benchmark: Any) -> None:
    """Baseline: ``unsc --version``, the least the command does."""
    benchmark.pedantic(_process, args=("-m", "unsc", "--version"), rounds=15)


@pytest.mark.benchmark(group="cli-process")
def test_replay_process(benchmark: Any) -> None:
    """``unsc replay S/2023/772``: the record loaded, decided and printed."""
    benchmark.pedantic(_process, args=("-m", "unsc", "replay", "S/2023/772"), rounds=15)


@pytest.mark.benchmark(group="import")
def test_bare_dependencies(benchmark: Any) -> None:
    """Baseline: importing attrs and tabulate, unsc's two dependencies."""
    benchmark.pedantic(_process, args=("-c", "import attrs, tabulate"), rounds=15)


@pytest.mark.benchmark(group="import")
def test_import_unsc(benchmark: Any) -> None:
    """``import unsc``."""
    benchmark.pedantic(_process, args=("-c", "import unsc"), rounds=15)

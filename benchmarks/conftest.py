"""Shared set-up of the benchmarks: unsc's bytecode compiled before anything is timed.

An installed package has its bytecode written when pip installs it, and its dependencies
here have theirs; a checkout run with ``PYTHONDONTWRITEBYTECODE`` set (as some machines
and containers set it) would otherwise compile unsc's source on every fresh process, and
the whole-process benchmarks (the import, ``unsc --version``, ``unsc replay``, ``unsc data
update``) would time the compiler rather than what a user waits for.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import pytest

import unsc


@pytest.fixture(autouse=True, scope="session")
def _compiled() -> None:
    """Write unsc's bytecode, as an install does (a no-op when it is up to date)."""
    compileall.compile_dir(str(Path(unsc.__file__).parent), quiet=1)

"""The example scripts run and say what the README promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_replay_oct16() -> None:
    """The first replay shows all 15 votes and the verdict: lack of votes, not a veto."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "replay_oct16.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    out = " ".join(result.stdout.split())

    assert (
        sum(
            line.split()[-1:] in (["yes"], ["no"], ["abstain"])
            for line in result.stdout.splitlines()
        )
        == 15
    )
    assert "S/2023/772: not adopted (insufficient votes), 5–4–6" in out
    assert "5 votes in favour where 9 are required" in out
    assert (
        "France, the United Kingdom and the United States voted against, which does not "
        "count as a veto because the draft lacked nine votes" in out
    )

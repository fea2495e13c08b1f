"""``unsc power``: councils and weighted games, the indices asked for, one row per member
in machine formats, bad input in one line, a progress bar and a clean Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unsc import cli
from unsc.analysis import INDICES, accelerated
from unsc.cli._analysis import PowerProgress


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_machine_formats_give_one_row_per_member(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV: a row for each of the 15 members, with its name and kind, exact values."""
    status, out, _ = run(capsys, "power", "--year", "2023", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert len(rows) == 15
    usa = next(row for row in rows if row["seat"] == "USA")
    assert usa["name"] == "United States"
    assert usa["kind"] == "permanent"
    assert usa["shapley_shubik"] == "421/2145"
    assert "banzhaf_raw" not in rows[0]


def test_index_and_indices_choose(capsys: pytest.CaptureFixture[str]) -> None:
    """--index (repeatable, any alias) and --indices (commas) choose; 'all' is every one."""
    _, out, _ = run(capsys, "power", "--year", "2023", "--index", "deegan-packel",
                    "--index", "penrose", "--format", "json")  # fmt: skip
    data = json.loads(out)
    _, every, _ = run(capsys, "power", "--year", "2023", "--indices", "all", "--format", "csv")

    assert set(data["seats"]["JPN"]) == {"name", "kind", "weight", "veto", "deegan_packel",
                                         "banzhaf_absolute"}  # fmt: skip
    assert data["seats"]["JPN"]["deegan_packel"] == "2/45"
    assert every.splitlines()[0].split(",")[5:] == list(INDICES)


def test_the_help_lists_every_index(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["power", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert all(name in text for name in INDICES)


def test_a_weighted_game_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """LABEL,WEIGHT lines, comments, a header, a quota as a share of the total."""
    path = tmp_path / "w.csv"
    path.write_text("label,weight\nA,4\nB 3  # three votes\n\nC,2\nD,1\n", encoding="utf-8")

    status, out, _ = run(capsys, "power", "--weights", str(path), "--quota", "60%",
                         "--index", "swings", "--format", "csv")  # fmt: skip

    rows = {row["seat"]: row for row in csv.DictReader(io.StringIO(out))}
    assert status == 0
    assert rows["A"]["swings"] == "5"  # quota 6 of 10: A with B, C, B+D, C+D, B+C−… swings
    assert rows["D"]["swings"] == "1"
    assert rows["B"]["kind"] == "seat"


def test_seats_alone_are_equal_seats(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "power", "--seats", "9", "--quota", "5", "--index", "banzhaf")

    assert status == 0
    assert "A weighted game of 9 seats, quota 5 of 9" in out
    assert "0.111111" in out


@pytest.mark.parametrize(
    ("text", "args", "said"),
    [
        ("1\n2.5\n", (), "line 2: '2.5' is not a whole number of votes"),
        ("1\n2\n", ("--quota", "4"), "--quota 4 is not from 1 to the total weight 3"),
        ("1\n2\n", ("--quota", "lots"), "--quota 'lots' is not a whole number nor a share"),
        ("1\n2\n", ("--seats", "3"), "--seats 3 but"),
        ("1\n-2\n", (), "weight -2 is negative"),
        ("# nothing\n", (), "holds no weights"),
        ("1\n2\n", ("--rules", "two-vetoes"), "--rules is for a council"),
        ("1\n2\n", ("--index", "banzhaf-owen"), "'banzhaf-owen' is not an index"),
        (
            "".join(f"{10**7 + i}\n" for i in range(40)) + "1\n" * 200,
            ("--quota", "200000000", "--backend", "python"),
            "in MB: ",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, args: tuple[str, ...], said: str
) -> None:
    """Bad weights, quotas and games too large: one line naming the limit, before any work."""
    path = tmp_path / "w.txt"
    path.write_text(text, encoding="utf-8")

    status, _, err = run(capsys, "power", "--weights", str(path), *args)

    assert status == 2
    assert said in err
    assert len(err.strip().splitlines()) == 1


def test_quota_without_a_game_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "power", "--year", "2023", "--quota", "9")

    assert status == 2
    assert "--quota is for a weighted game" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_after_two_seconds_on_a_terminal() -> None:
    """Nothing for a quick computation or a pipe; a bar, then a cleared line, otherwise."""
    quick, slow, piped = _Terminal(), _Terminal(), io.StringIO()
    PowerProgress(quick)(1, 4)
    bar = PowerProgress(slow, after=0.0)
    bar(1, 4)
    bar.close()
    PowerProgress(piped, after=0.0)(1, 4)

    assert quick.getvalue() == ""
    assert piped.getvalue() == ""
    assert "[#######.......................] 1/4" in slow.getvalue()
    assert slow.getvalue().endswith("\r\033[K")


@pytest.mark.parametrize(
    "backend",
    [
        "python",
        pytest.param(
            "numba",
            marks=pytest.mark.skipif(not accelerated.available(), reason="no fast extra"),
        ),
    ],
)
def test_ctrl_c_stops_a_long_computation_cleanly(tmp_path: Path, backend: str) -> None:
    """SIGINT during a long count, on either path: one line, exit 130, no traceback."""
    path = tmp_path / "w.txt"
    path.write_text("\n".join(str(1 + i % 97) for i in range(1200)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "unsc", "power", "--weights", str(path), "--backend", backend],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)

    assert process.returncode == 130
    assert err.strip() == "unsc: interrupted"

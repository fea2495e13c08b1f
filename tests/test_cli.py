"""The unsc command, driven as a user would: as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "undl_sample.csv"


def unsc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unsc", *args], capture_output=True, text=True, timeout=60
    )


def test_replay() -> None:
    """Replaying S/2023/772: the votes, the verdict, the record, exit 0."""
    run = unsc("replay", "S/2023/772")

    assert run.returncode == 0, run.stderr
    assert "S/2023/772: not adopted (insufficient votes), 5–4–6" in run.stdout
    assert "United States         USA     permanent  no" in run.stdout
    assert "Recorded: insufficient votes." in run.stdout


def test_replay_disagreement_exits_1() -> None:
    """Read literally, resolution 2712 would have been vetoed: a disagreement, exit 1."""
    run = unsc("replay", "S/RES/2712 (2023)", "--rules", "literal-1965")

    assert run.returncode == 1
    assert "Disagreement: recorded adopted, engine says vetoed" in run.stdout


def test_council_with_presidents() -> None:
    """The council of a year, with its presidents month by month."""
    run = unsc("council", "2023")

    assert run.returncode == 0
    assert "The Security Council of 2023: 15 members, 9 votes required" in run.stdout
    assert "Oct: Brazil; Nov: China; Dec: Ecuador" in run.stdout


def test_vote_by_codes_and_names() -> None:
    """A vote given member by member, by code or name."""
    run = unsc(
        "vote", "--year", "1950", "--yes", "CHN", "FRA", "GBR", "USA", "Cuba", "ECU", "NOR",
        "--no", "YUG", "--absent", "USSR", "--not-participating", "Egypt", "India",
    )  # fmt: skip

    assert run.returncode == 0, run.stderr
    assert "draft: adopted, 7–1–0, 1 absent, 2 not participating" in run.stdout


def test_power_and_reform() -> None:
    """Power of the 1950 Council, and of a reform model."""
    run = unsc("power", "--year", "1950", "--format", "json")
    data = json.loads(run.stdout)

    assert data["seats"]["SUN"]["shapley_shubik"] == "76/385"
    reform = unsc("power", "--reform", "g4")
    assert "G4 (A/59/L.64, 2005)" in reform.stdout


def test_odds() -> None:
    """Pass probability, with members' probabilities given."""
    run = unsc("odds", "--year", "2023", "--format", "json")
    assert json.loads(run.stdout)["adopted"] == "48932/4782969"
    given = unsc("odds", "--year", "2023", "--member", "USA=0,1,0")
    assert "adopted             0" in given.stdout


def test_history_filters_and_csv() -> None:
    """History with filters, as CSV."""
    run = unsc("history", "--vetoed-by", "USA", "--year", "2023", "--format", "csv")
    rows = list(csv.reader(io.StringIO(run.stdout)))

    assert rows == [
        ["symbol", "date", "vote", "recorded", "vetoed by", "topic"],
        ["S/2023/773", "2023-10-18", "12–1–2", "vetoed", "USA", "Middle East (Gaza)"],
        ["S/2023/970", "2023-12-08", "13–1–1", "vetoed", "USA", "Middle East (Gaza)"],
        [
            "Russian amendment to the draft adopted as resolution 2720, 22 December 2023",
            "2023-12-22", "10–1–4", "vetoed", "USA", "Middle East (Gaza)",
        ],
    ]  # fmt: skip


def test_vetoes() -> None:
    """Veto counts with the convention stated."""
    run = unsc("vetoes")

    assert "SUN             90" in run.stdout
    assert "one veto per permanent member per vetoed proposal" in run.stdout
    assert "The record ends on 7 April 2026." in run.stdout


def test_vetoes_over_years_and_listed() -> None:
    """--from/--to as for history, --list the proposals, and a year after the end in words."""
    listed = unsc("vetoes", "--from", "2025", "--to", "2026", "--convention", "vote", "--list",
                  "--format", "csv")  # fmt: skip
    rows = list(csv.reader(io.StringIO(listed.stdout)))
    assert rows[0] == ["date", "draft", "kind", "vetoed by", "vote", "agenda"]
    assert [row[3] for row in rows[1:]] == ["RUS", "RUS", "USA", "USA", "CHN RUS"]
    later = unsc("vetoes", "--year", "2027")
    assert later.returncode == 0
    assert later.stdout.strip() == "No vetoes on record after 7 April 2026: the record ends there."
    both = unsc("vetoes", "--year", "2025", "--from", "2020")
    assert both.returncode == 2
    assert "--year, or --from/--to" in both.stderr


def test_history_after_the_end_by_day_and_as_votes() -> None:
    """A period after the record's end is a sentence; --date finds a day; --votes is one row
    per decision and member."""
    later = unsc("history", "--year", "2030")
    assert (
        later.stdout.strip() == "No decisions on record after 7 April 2026: the record ends there."
    )
    day = unsc("history", "--date", "2026-04-07")
    assert "Strait of Hormuz" in day.stdout
    assert "1 decision on record." in day.stdout
    votes = unsc("history", "--votes", "--year", "2026", "--member", "China", "--format", "csv")
    rows = list(csv.reader(io.StringIO(votes.stdout)))
    assert rows[0][:8] == ["symbol", "number", "draft", "date", "member", "name", "seat", "vote"]
    assert {row[4] for row in rows[1:]} == {"CHN"}
    assert len(rows) - 1 == 8  # every decision of 2026 has every member's vote
    bad = unsc("history", "--date", "7 April")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


def test_replay_undl_with_progress(tmp_path: Path) -> None:
    """The UN's data replayed; progress on stderr; a disagreement exits 1."""
    run = unsc("replay-undl", str(SAMPLE), "--progress")
    assert run.returncode == 0, run.stderr
    assert "16 resolutions, engine agrees on 16" in run.stdout
    assert "reading: 216 rows, 16 resolutions" in run.stderr

    changed = tmp_path / "changed.csv"
    changed.write_text(SAMPLE.read_text().replace("S/RES/2623 (2022)", "S/RES/9999 (2022)"))
    disagree = unsc("replay-undl", str(changed), "--format", "json")
    assert disagree.returncode == 1
    assert json.loads(disagree.stdout)["disagreements"][0]["symbol"] == "S/RES/9999 (2022)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("vote", "--year", "2023", "--yes", "Freedonia"), "'Freedonia' is not a member of the"),
        (("council", "1800"), "no Security Council on record for 1800; years available"),
        (("replay", "S/2023/77"), "close matches: S/2023/773"),
        (("bogus",), "invalid choice: 'bogus'"),
        (("council", "2023", "--format", "fancy"), "--format 'fancy' is not a format"),
        (("odds", "--year", "2023", "--member", "USA=half"), "is not a list of numbers"),
        (("replay-undl", "/nonexistent/file.csv"), "/nonexistent/file.csv: no such file"),
        (("vote", "--year", "2023", "--yes", "USA"), "no vote given for ALB"),
        (("vote", "--year", "2023", "--yes", "USA"), "use --absent or --not-participating"),
        (("council", "2023", "--date", "yesterday"), "'yesterday' is not a valid date"),
        (("council", "2023", "--date", "1971-10-25"), "--year 2023 and --date 1971-10-25"),
        (("council", "0"), "no Security Council on record for 0"),
        (("council", "99999999999999999999"), "no Security Council on record"),
        (("odds", "--year", "2023", "--member", "USA=1e400,0,0"), "use a number from 0 to 1"),
        (("odds", "--year", "2023", "--member", "USA=1,0"), "give 3 or 4 numbers"),
        (("vote", "--from", "S/2023/773", "--year", "2023"), "--from takes the recorded"),
        (("replay", "S/2023/772", "--svg", "out.txt"), "--svg 'out.txt': give a file name"),
        (("replay", "S/2023/772", "--svg", "/nonexistent/x.svg"), "No such file or directory"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    """Bad usage or input: one clear line on stderr, exit status 2, no traceback."""
    run = unsc(*args)

    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr


def test_replay_and_vote_draw_the_chamber(tmp_path: Path) -> None:
    """--svg writes the picture of the vote beside the table."""
    replayed, voted = tmp_path / "replay.svg", tmp_path / "vote.svg"
    replay = unsc("replay", "S/2023/772", "--svg", str(replayed))
    vote = unsc("vote", "--from", "S/2023/773", "--yes", "USA", "--svg", str(voted))

    assert replay.returncode == 0, replay.stderr
    assert "Not adopted: fewer than nine votes in favour" in replayed.read_text(encoding="utf-8")
    assert vote.returncode == 0, vote.stderr
    assert ">Adopted<" in voted.read_text(encoding="utf-8")


def test_help_has_examples() -> None:
    """--help everywhere, with examples."""
    top = unsc("--help")
    assert "Examples:" in top.stdout
    for command in (
        "council",
        "replay",
        "vote",
        "power",
        "odds",
        "history",
        "vetoes",
        "replay-undl",
    ):
        sub = unsc(command, "--help")
        assert sub.returncode == 0
        assert "Examples:" in sub.stdout, command


def test_names_as_the_api_takes_them() -> None:
    """--yes takes codes or names with spaces or commas between them, as with_votes does."""
    spaced = unsc(
        "vote", "--year", "2024", "--yes", "Algeria", "Sierra", "Leone", "Slovenia,Guyana",
        "CHN FRA", "ECU", "JPN", "MLT", "MOZ", "KOR", "CHE", "GBR", "--no", "USA",
        "--abstain", "Russia",
    )  # fmt: skip

    assert spaced.returncode == 0, spaced.stderr
    assert "draft: not adopted (vetoed), 13–1–1" in spaced.stdout
    assert "Sierra Leone" in spaced.stdout


def test_vote_from_a_recorded_vote() -> None:
    """--from starts from the record and changes only the members given."""
    run = unsc("vote", "--from", "S/2023/773", "--yes", "United States")

    assert run.returncode == 0, run.stderr
    assert "S/2023/773: adopted, 13–0–2" in run.stdout


def test_odds_from_a_recorded_draft() -> None:
    """--from keeps the recorded votes certain and draws only the members given."""
    run = unsc("odds", "--from", "S/2023/773", "--member", "USA=1/2,1/2,0", "--format", "json")

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "adopted": "1/2",
        "vetoed": "1/2",
        "insufficient votes": "0",
    }


def test_closed_pipe_is_quiet() -> None:
    """A reader that stops early (| head -1) ends the command quietly, exit 0."""
    run = subprocess.run(
        f"{sys.executable} -m unsc power --year 2023 --format json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    pipe = subprocess.run(
        [sys.executable, "-c", "import subprocess, sys; p = subprocess.Popen("
         "[sys.executable, '-m', 'unsc', 'power', '--year', '2023', '--format', 'json'], "
         "stdout=subprocess.PIPE, stderr=subprocess.PIPE); p.stdout.read(1); p.stdout.close(); "
         "err = p.stderr.read().decode(); code = p.wait(); print(code, repr(err))"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip

    assert run.stdout.strip() == "{"
    assert "Broken pipe" not in run.stderr
    assert pipe.stdout.strip() == "0 ''"


def test_model_and_topic_lists_match_the_library() -> None:
    """The parser's lists of reform models and quiz topics are the library's own."""
    from unsc import cli, reform, teaching

    assert reform.MODELS == cli.REFORM_MODELS
    assert teaching.TOPICS == cli.QUIZ_TOPICS


def _complete(words: str) -> list[str]:
    """What bash completes for ``words`` with unsc's script (the last word is completed)."""
    from unsc import _completion, cli

    script = _completion.bash(cli.parser())
    parts = words.split(" ")
    program = (
        f"{script}\nCOMP_WORDS=({' '.join(repr(p) for p in parts)})\n"
        f"COMP_CWORD={len(parts) - 1}\n_unsc\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    )
    run = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return run.stdout.split()


def test_bash_completion() -> None:
    """Commands, their options, and fixed choices complete from the parser's own lists."""
    assert sorted(_complete("unsc re")) == ["replay", "replay-undl"]
    assert "--rules" in _complete("unsc replay --")
    assert _complete("unsc vote --reform ") == ["status-quo", "g4", "au", "ufc", "two-vetoes",
                                                "literal"]  # fmt: skip
    assert _complete("unsc odds --rules lit") == ["literal-1945", "literal-1965"]


def test_completion_scripts_printed_and_built() -> None:
    """unsc completion prints the scripts the wheel installs (hatch_build.py)."""
    bash = unsc("completion", "bash")
    zsh = unsc("completion", "zsh")

    assert bash.returncode == 0
    assert "complete -o default -F _unsc unsc" in bash.stdout
    assert zsh.stdout.startswith("#compdef unsc")
    assert "'replay-undl:" in zsh.stdout
    root = Path(__file__).resolve().parent.parent
    assert 'build_data["shared_data"]' in (root / "hatch_build.py").read_text()


def test_a_long_quiz_starts_at_once_and_asks_one_question_at_a_time() -> None:
    """A quiz of a hundred thousand questions makes each as it is asked: one answer in,
    the end of input ends it with the score."""
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "quiz", "--count", "100000", "--seed", "3"],
        input="1\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip

    assert run.returncode == 0, run.stderr
    assert "Question 1 of 100000" in run.stdout
    assert "(stopped after 1 of 100000)." in run.stdout


@pytest.mark.parametrize("count", ["0", "-1", "x"])
def test_a_quiz_needs_at_least_one_question(count: str) -> None:
    run = unsc("quiz", "--count", count)

    assert run.returncode == 2
    assert run.stderr.count("\n") == 1
    assert "--count" in run.stderr


def test_ctrl_c_while_the_command_loads_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An interrupt while the command is still importing ends with one line and 130."""
    import types

    from unsc import __main__ as entry

    loading = types.ModuleType("unsc.cli")

    def interrupted(name: str) -> object:
        raise KeyboardInterrupt

    loading.__getattr__ = interrupted  # type: ignore[method-assign]
    monkeypatch.setitem(sys.modules, "unsc.cli", loading)

    assert entry.main() == 130
    assert capsys.readouterr().err == "unsc: interrupted\n"


def test_agreement_and_trends() -> None:
    """unsc agreement and unsc trends: the table, what it rests on, JSON, and the UN file."""
    run = unsc("agreement", "--year", "2023", "--members", "USA", "GBR", "RUS")
    assert run.returncode == 0, run.stderr
    named = unsc("agreement", "--year", "2023", "--members", "United States", "United Kingdom",
                 "Russia")  # fmt: skip
    assert named.stdout == run.stdout
    assert "identical agreement over 62 decisions with every member's vote, 2023" in run.stdout
    data = json.loads(unsc("agreement", "--year", "2023", "--format", "json").stdout)
    pair = next(p for p in data["pairs"] if {p["first"], p["second"]} == {"USA", "GBR"})
    assert (pair["votes"], pair["identical"]) == (62, 58 / 62)
    blocs = unsc("agreement", "--year", "2023", "--blocs", "0.9")
    assert "GBR USA" in blocs.stdout
    sample = str(ROOT / "tests" / "fixtures" / "undl_sample.csv")
    with_file = unsc("agreement", "--undl", sample, "--from", "2020", "--to", "2023")
    assert with_file.returncode == 0, with_file.stderr
    assert "246 decisions with every member's vote" in with_file.stdout
    trends = unsc("trends", "--from", "2022", "--to", "2024", "--format", "csv")
    assert trends.stdout.splitlines()[0].startswith("year,decisions,CHN–FRA")
    assert len(trends.stdout.splitlines()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("agreement", "--from", "1950", "--to", "1940"), "--from 1950 is after --to 1940"),
        (("agreement", "--members", "Atlantis"), "'Atlantis' is not a state"),
        (("trends", "--window", "0"), "give a whole number from 1 to 155"),
        (("agreement", "--year", "1959"), "no decision with every member's"),
        (("agreement", "--year", "2023", "--from", "2020"), "not both"),
        (("agreement", "--year", "2023", "--png", "out.txt"), "give a file name ending in .png"),
        (("trends", "--png", "/no/such/dir/t.png"), "No such file or directory"),
    ],
)
def test_agreement_bad_input_is_one_line(args: tuple[str, ...], message: str) -> None:
    run = unsc(*args)
    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_agreement_and_trends_draw_their_pictures(tmp_path: Path) -> None:
    """--png writes the heat map or the lines, and the table is printed as before."""
    heat = tmp_path / "agreement.png"
    run = unsc("agreement", "--year", "2023", "--measure", "kappa", "--png", str(heat))
    assert run.returncode == 0, run.stderr
    assert "kappa agreement over 62 decisions" in run.stdout
    assert heat.read_bytes()[:4] == b"\x89PNG"
    lines = tmp_path / "trends.svg"
    run = unsc("trends", "--from", "2000", "--png", str(lines))
    assert run.returncode == 0, run.stderr
    assert "<svg" in lines.read_text(encoding="utf-8")


def test_png_without_matplotlib_names_the_extra(tmp_path: Path) -> None:
    """Without matplotlib, --png says which extra installs it, in one line, exit 2."""
    blocked = tmp_path / "matplotlib"
    blocked.mkdir()
    (blocked / "__init__.py").write_text("raise ImportError('not installed')\n")
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "trends", "--png", str(tmp_path / "t.png")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "unsc: this needs matplotlib, which is not installed; "
        "install it with pip install 'unsc[plot]'"
    )
    assert not (tmp_path / "t.png").exists()


def test_in_process_ends_as_the_command_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """cli.main called from Python (a notebook, a script) returns the status the command
    exits with: help and 2 without a command, one line and 2 for a file it cannot read,
    0 when the reader of its output goes away."""
    from unsc import cli

    assert cli.main([]) == 2
    assert "usage: unsc" in capsys.readouterr().out

    assert cli.main(["power", "--weights", "/no/such/weights.csv"]) == 2
    assert capsys.readouterr().err == "unsc: No such file or directory: /no/such/weights.csv\n"

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["council", "2023"]) == 0
    monkeypatch.undo()
    assert capsys.readouterr().err == ""


def test_interrupt_while_loading_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hook the command installs while the package loads: an interrupt is one line;
    any other error is left to Python's own report."""
    from unsc import _command

    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, error, trace: seen.append(kind))

    _command._interrupted(KeyboardInterrupt, KeyboardInterrupt(), None)
    _command._interrupted(ValueError, ValueError("x"), None)

    assert capsys.readouterr().err == "unsc: interrupted\n"
    assert seen == [ValueError]
    assert _command.is_command(["/usr/bin/unsc", "replay"], ["/usr/bin/unsc"])
    assert _command.is_command(["-m"], ["python", "-m", "unsc"])
    assert not _command.is_command(["pytest"], ["python", "-m", "pytest"])

"""The commands that print no table: ``quiz`` (it talks) and ``completion`` (a script)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from unsc.cli._common import Result


def cmd_quiz(args: argparse.Namespace) -> Result:
    """The quiz in the terminal, or a worksheet as HTML."""
    import shutil

    from unsc.errors import InvalidFieldError
    from unsc.teaching import iter_exercises, run_quiz, worksheet
    from unsc.teaching.exercises import MAX_SHEET

    if args.sheet and args.count > MAX_SHEET:  # refused before ten thousand are made
        raise InvalidFieldError("--count", args.count, f"a sheet holds up to {MAX_SHEET:,}")
    # Made one at a time as they are asked: a long quiz starts at once.
    questions = iter_exercises(seed=args.seed, count=args.count, topic=args.topic)
    if args.sheet:
        sys.stdout.write(worksheet(questions, seed=args.seed))
        return None, 0
    collect = args.answers == "json"
    # With --format json the answers and score go to stdout for the teacher; the talk
    # goes to stderr, so that `unsc quiz --format json > answers.json` works at a terminal.
    talk = sys.stderr if collect else sys.stdout
    interactive = sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):  # line editing for input(), where available
            import readline  # noqa: F401

    def read(prompt: str) -> str:
        if interactive and talk is sys.stdout:
            return input(prompt)  # EOFError at Ctrl-D
        print(prompt, end="", file=talk, flush=True)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        if not interactive:
            print(line.rstrip("\n"), file=talk)  # echo answers that come from a file or pipe
        return line

    def write(line: str) -> None:
        print(line, file=talk, flush=True)

    # Wrapped to the terminal (COLUMNS where set; 80 columns when not at a terminal).
    width = max(20, shutil.get_terminal_size().columns)
    score = run_quiz(questions, read, write, total=args.count, width=width)
    if collect:
        data = {"seed": args.seed, "topic": args.topic, **score.to_dict()}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    return None, 0


def cmd_completion(args: argparse.Namespace) -> Result:
    """The shell completion script, read off the parser."""
    from unsc import _completion
    from unsc.cli._parser import parser

    script = _completion.bash(parser()) if args.shell == "bash" else _completion.zsh(parser())
    sys.stdout.write(script)
    return None, 0

"""The ``unsc`` command: councils, replays, votes, power, odds and the UN's data, in a terminal.

Every command prints a table (``--format`` takes any tabulate format, ``html``, ``json``
or ``csv``): the library's ``Table`` of what it shows, rendered once here. Bad usage or
input: one line on stderr and exit status 2. A replay that disagrees with the record: exit
status 1.

The package: ``_parser`` (the arguments; each command's function is imported only when it
runs), ``_records`` (council, replay, vote, history, vetoes, replay-undl, data),
``_analysis`` (power, odds, agreement, trends), ``_session`` (quiz, completion) and
``_common`` (what they share).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from unsc._table import FORMATS
from unsc.cli._common import Result, UsageError
from unsc.cli._parser import REFORM_MODELS, parser
from unsc.errors import UNSCError

__all__ = ["QUIZ_TOPICS", "REFORM_MODELS", "main", "parser"]


def __getattr__(name: str) -> Any:
    # QUIZ_TOPICS is the library's unsc.teaching.TOPICS, which is imported only when asked
    # for: the quiz's parser reads it lazily too, so that unsc --version does not load it.
    if name == "QUIZ_TOPICS":
        from unsc.teaching import TOPICS

        return TOPICS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``unsc`` command; returns the exit status.

    0: done; 1: a replay disagrees with the record; 2: bad usage or input (one line on
    stderr); 130: interrupted. A reader that closes the pipe early (``| head``) ends it
    quietly with 0.
    """
    try:
        args = parser().parse_args(argv)
        if args.command is None:
            parser().print_help()
            return 2
        if args.format not in FORMATS:
            from tabulate import tabulate_formats

            raise UsageError(
                f"unsc: --format {args.format!r} is not a format; use json, csv or one of: "
                + ", ".join(tabulate_formats)
            )
        module, _, name = args.run.partition(":")
        command = getattr(importlib.import_module(f"unsc.cli.{module}"), name)
        result: Result = command(args)
        table, status = result
        if table is not None:
            print(table.render(args.format))
        sys.stdout.flush()
        return int(status)
    except UsageError as exc:
        _error(str(exc))
    except UNSCError as exc:
        _error(f"unsc: {exc}")
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as exc:
        _error(f"unsc: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except KeyboardInterrupt:
        _error("unsc: interrupted")
        return 130
    return 2


def _error(message: str) -> None:
    """One line on stderr (a message never spans lines)."""
    print(" ".join(message.split()), file=sys.stderr)


def _closed_pipe() -> int:
    """The reader went away (``unsc history | head -1``): stop quietly, as cat does."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
    except (OSError, ValueError):
        pass
    return 0

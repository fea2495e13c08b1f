"""Imported first by unsc/__init__.py: in the ``unsc`` command (the console script or
``python -m unsc``), a Ctrl-C that comes while the package loads, before `unsc.cli.main`
can catch it, ends the command with one line instead of a traceback. The status stays
that of SIGINT (130 in a shell), as Python gives it. In any other process: nothing."""

from __future__ import annotations

import sys
from types import TracebackType


def _interrupted(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        print("unsc: interrupted", file=sys.stderr)
    else:
        sys.__excepthook__(kind, error, trace)


def is_command(argv: list[str], orig_argv: list[str]) -> bool:
    """Whether this process is the ``unsc`` command, from its arguments as Python saw
    them (while ``python -m unsc`` imports the package, ``argv[0]`` is still ``-m``)."""
    program = argv[0].replace("\\", "/").rsplit("/", 1)[-1] if argv else ""
    return (program == "-m" and "unsc" in orig_argv) or program in ("unsc", "unsc.exe")


if is_command(sys.argv, sys.orig_argv):
    sys.excepthook = _interrupted

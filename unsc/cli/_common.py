"""What the commands of ``unsc`` share: the usage error, reading members, councils, rules
and years off the parsed arguments, writing pictures, and titling a table."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import attrs

import unsc
from unsc._table import Table


class UsageError(Exception):
    """Bad usage: reported in one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


#: What a command gives ``main``: the table to print (None: it printed what it had to
#: say itself) and the exit status.
Result = tuple[Table | None, int]


def titled(table: Table, title: str) -> Table:
    """``table`` with ``title`` printed above its rows (its caption stays beneath)."""
    return attrs.evolve(table, sections=(Table((), (), caption=title), *table.sections))


def json_only(table: Table, data: Any) -> Table:
    """``table`` whose JSON is ``data`` (the command's own shape) and whose CSV is the rows
    printed: a list is given as a tuple, which JSON writes alike and CSV leaves alone."""
    return attrs.evolve(
        table, data=tuple(data) if isinstance(data, list) else data, data_columns=()
    )


def council_of(args: argparse.Namespace) -> unsc.Council:
    """The council of --reform, --date or --year."""
    if getattr(args, "reform", None):
        from unsc import reform

        return reform.model(args.reform).council
    date, year = getattr(args, "date", None), getattr(args, "year", None)
    if date is not None:
        council = unsc.Council.of_date(date)
        if year is not None and council.year != year:
            raise UsageError(f"unsc: --year {year} and --date {date} disagree; give one")
        return council
    if year is None:
        raise UsageError("unsc: give --year, --date or --reform")
    return unsc.Council.of_year(year)


def names(values: Sequence[str] | None) -> str:
    """Members given on the command line, as the Python API takes them: one string.

    ``--yes CHN GAB``, ``--yes "CHN GAB"``, ``--yes CHN,GAB`` and ``--yes Sierra Leone``
    all mean what they say (commas always separate; otherwise the longest known name).
    """
    return " ".join(values or ())


def rules_of(args: argparse.Namespace) -> unsc.Rules | None:
    """The rules of --rules, if given."""
    return unsc.Rules.preset(args.rules) if getattr(args, "rules", None) else None


def label(args: argparse.Namespace, council: unsc.Council) -> str:
    """The line above a table of power or odds: which council, under which quota."""
    if getattr(args, "reform", None):
        from unsc import reform

        return reform.model(args.reform).name
    if getattr(args, "source", None):
        return f"{args.source}, as recorded, with the members given drawn at random"
    return f"The Council of {council.year}, quota {council.rules.quota}"


def span_of(args: argparse.Namespace) -> tuple[int, int] | None:
    """The years of --from/--to (refused beside --year); None when neither is given."""
    if args.first is None and args.last is None:
        return None
    if args.year is not None:
        raise UsageError("unsc: give --year, or --from/--to, not both")
    return (args.first or 1946, args.last or datetime.date.today().year)


def picture(decision: unsc.Decision, path: str | None) -> None:
    """Write the chamber picture of ``decision`` where ``--svg`` says, if it does."""
    if path is None:
        return
    if not path.lower().endswith((".svg", ".png")):
        raise UsageError(
            f"unsc: --svg {path!r}: give a file name ending in .svg (or .png, with the png extra)"
        )
    decision.save(path)


def drawn(draw: Callable[[], Any], path: str | None) -> None:
    """Draw a picture with matplotlib and write it where ``--png`` says, if it does."""
    if path is None:
        return
    if not path.lower().endswith((".png", ".svg", ".pdf")):
        raise UsageError(f"unsc: --png {path!r}: give a file name ending in .png (or .svg, .pdf)")
    from unsc._plot import pyplot

    with contextlib.suppress(ImportError):  # without matplotlib, pyplot() names the extra
        importlib.import_module("matplotlib").use("Agg")  # a file, never a window
    plt = pyplot()
    figure = draw().figure
    try:
        figure.savefig(path, dpi=110)
    except OSError as error:
        raise UsageError(f"unsc: --png {path!r}: {error.strerror or error}") from None
    finally:
        plt.close(figure)


def show_progress(flag: bool | None) -> bool:
    """Whether to show progress: as --progress says, else when stderr is a terminal."""
    return flag if flag is not None else sys.stderr.isatty()

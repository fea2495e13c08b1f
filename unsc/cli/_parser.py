"""The argument parser of ``unsc``. Each command names the function that runs it as
``module:function`` of this package, imported only when that command runs; the choices of
closed vocabularies are the values of the library's Enums, read only when consulted (the
Enums of the analyses cost more to import than ``unsc --version`` takes)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import unsc
from unsc.cli._common import Parser
from unsc.rules import PRESETS, Outcome
from unsc.votes import Vote

#: The reform models (the keys of ``unsc.reform.MODELS``; a test keeps them equal), so
#: that the parser is built without loading the analysis.
REFORM_MODELS = ("status-quo", "g4", "au", "ufc", "two-vetoes", "literal")


class LazyChoices(Sequence[str]):
    """The values of an Enum, or the texts of a tuple, as argparse's choices: the library's
    own, imported when first read (to check a value, print help or write completion), not
    when the parser is built. An argument given these choices names a ``metavar``: without
    one, argparse reads the choices as it adds the argument."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self._values: tuple[str, ...] | None = None

    def values(self) -> tuple[str, ...]:
        """The Enum's values (or the tuple's texts), in their order."""
        if self._values is None:
            found = getattr(importlib.import_module(self.module), self.name)
            self._values = tuple(str(getattr(item, "value", item)) for item in found)
        return self._values

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self.values()[index]

    def __len__(self) -> int:
        return len(self.values())

    def __iter__(self) -> Iterator[str]:
        return iter(self.values())

    def __contains__(self, value: object) -> bool:
        return value in self.values()


def _values(kind: Any) -> list[str]:
    """The values of an Enum already loaded with the parser."""
    return [member.value for member in kind]


def _years(sub: argparse.ArgumentParser) -> None:
    """--year, or --from and --to: the years a command reads."""
    sub.add_argument("--year", type=int, help="one year")
    sub.add_argument("--from", dest="first", type=int, metavar="YEAR", help="from this year")
    sub.add_argument("--to", dest="last", type=int, metavar="YEAR", help="to this year")


def _agreement_options(sub: argparse.ArgumentParser) -> None:
    """The years, the UN file and the measure, as unsc agreement and unsc trends take them."""
    _years(sub)
    sub.add_argument("--undl", metavar="FILE", help="your copy of the UN's voting data (CSV)")
    sub.add_argument(
        "--measure",
        choices=LazyChoices("unsc.analysis", "Measure"),
        default="identical",
        metavar="MEASURE",  # not the choices: argparse would read them to build the parser
        help="%(choices)s (default %(default)s)",
    )
    sub.add_argument("--png", metavar="FILE", help="also draw the picture to FILE (plot extra)")


def _svg_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--svg",
        metavar="FILE",
        help="also draw the chamber for the vote into FILE (.svg; .png with the png extra)",
    )


def _seed(text: str) -> int:
    """A seed for the quiz: a whole number, for argparse."""
    try:
        return int(text)
    except ValueError:
        message = f"{text!r} is not a seed; give a whole number, e.g. 3"
        raise argparse.ArgumentTypeError(message) from None


def _positive(text: str) -> int:
    """A whole number of 1 or more, for argparse."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} questions: give 1 or more")
    return number


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``unsc`` command."""
    top = Parser(
        prog="unsc",
        description="Simulate, replay and analyse votes of the UN Security Council.",
        epilog="Examples:\n  unsc replay S/2023/772\n  unsc council 2023\n  "
        "unsc vote --year 2023 --yes CHN GAB MOZ RUS ARE --no FRA JPN GBR USA "
        "--abstain ALB BRA ECU GHA MLT CHE\n  unsc vote --from S/2023/773 --yes USA\n"
        "  unsc power --year 1950\n  unsc odds --year 2023\n"
        "  unsc history --vetoed-by USA --year 2023\n  unsc replay-undl sc_voting.csv\n\n"
        "Run 'unsc COMMAND --help' for each command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"unsc {unsc.__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(
        name: str, run: str, summary: str, examples: str, *, formatted: bool = True
    ) -> argparse.ArgumentParser:
        """A command run by ``run``, ``module:function`` of this package."""
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog="Examples:\n" + examples,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        if formatted:  # the quiz talks and completion writes a script: no table to format
            sub.add_argument(
                "--format",
                default="simple",
                metavar="FMT",
                help="json, csv, or any tabulate format: simple (default), github, grid, "
                "html, latex, …",
            )
        else:
            sub.set_defaults(format="simple")
        return sub

    sub = command(
        "council",
        "_records:cmd_council",
        "The members of the Council in a year (or on a date), and its presidents.",
        "  unsc council 2023\n  unsc council 1971 --date 1971-10-25\n"
        "  unsc council 1950 --format json",
    )
    sub.add_argument("year", type=int, help="a year from 1946 to 2026")
    sub.add_argument("--date", help="a day (YYYY-MM-DD), for changes during the year")

    sub = command(
        "replay",
        "_records:cmd_replay",
        "Replay a vote on record: the votes, the engine's decision, the record.",
        "  unsc replay S/2023/772\n  unsc replay 'S/RES/2712 (2023)' --rules literal-1965\n"
        "  unsc replay S/2023/772 --svg s_2023_772.svg",
    )
    sub.add_argument(
        "symbol", help="a symbol on record, e.g. S/2023/772 (unsc history lists them)"
    )
    sub.add_argument("--rules", choices=list(PRESETS), help="decide under other rules")
    _svg_option(sub)

    sub = command(
        "vote",
        "_records:cmd_vote",
        "Decide a vote you give, member by member (codes or names), or change a recorded one.",
        "  unsc vote --year 2023 --yes CHN GAB MOZ RUS ARE --no FRA JPN GBR USA \\\n"
        "      --abstain ALB BRA ECU GHA MLT CHE\n"
        "  unsc vote --year 2024 --yes Sierra Leone, Slovenia, USA ... (commas between names)\n"
        "  unsc vote --year 1950 --yes CHN FRA GBR USA CUB ECU NOR --no YUG \\\n"
        "      --absent USSR --not-participating Egypt India\n"
        "  unsc vote --from S/2023/773 --yes USA   (the recorded vote, the US changed to yes)",
    )
    sub.add_argument("--year", type=int, help="the council of this year")
    sub.add_argument("--date", help="the council of this day (YYYY-MM-DD)")
    sub.add_argument("--reform", choices=REFORM_MODELS, help="a reform model's council instead")
    sub.add_argument(
        "--from",
        dest="source",
        metavar="SYMBOL",
        help="start from a recorded vote; only the members given change",
    )
    sub.add_argument("--symbol", default="draft", help="a name for the draft")
    for vote in ("yes", "no", "abstain", "absent", "not-participating"):
        sub.add_argument(
            f"--{vote}",
            nargs="+",
            default=[],
            metavar="MEMBER",
            help=f"members voting {vote.replace('-', ' ')}: codes or names, spaces or commas "
            "between them",
        )
    sub.add_argument("--procedural", action="store_true", help="a procedural matter (no veto)")
    sub.add_argument("--rules", choices=list(PRESETS), help="decide under other rules")
    _svg_option(sub)

    _power_and_odds(command)
    _history(command)

    sub = command(
        "agreement",
        "_analysis:cmd_agreement",
        "Who votes with whom: agreement between members over the decisions of some years.",
        "  unsc agreement --from 2000 --to 2025\n"
        "  unsc agreement --from 1990 --undl sc_voting.csv --measure kappa\n"
        "  unsc agreement --year 2023 --blocs 0.9\n"
        "  unsc agreement --from 2000 --to 2025 --png agreement.png\n"
        "  unsc agreement --members CHN FRA GBR RUS USA --format json",
    )
    _agreement_options(sub)
    sub.add_argument("--members", nargs="+", metavar="MEMBER", help="only these members")
    sub.add_argument(
        "--blocs", type=float, metavar="LEAST",
        help="the blocs whose members agree on average at least LEAST (0–1)",
    )  # fmt: skip

    sub = command(
        "trends",
        "_analysis:cmd_trends",
        "Agreement year by year: the permanent members' pairs, or everyone with one member.",
        "  unsc trends\n  unsc trends --from 1990 --window 5 --undl sc_voting.csv\n"
        "  unsc trends --with USA --from 2020",
    )
    _agreement_options(sub)
    sub.add_argument("--window", type=int, default=1, metavar="YEARS",
                     help="each year with the YEARS - 1 before it (default 1)")  # fmt: skip
    sub.add_argument("--with", dest="with_", metavar="MEMBER",
                     help="every member's agreement with this one")  # fmt: skip

    sub = command(
        "vetoes",
        "_records:cmd_vetoes",
        "Vetoes per permanent member, 1946 to date, read off the record.",
        "  unsc vetoes\n  unsc vetoes --year 1946\n  unsc vetoes --by-decade\n"
        "  unsc vetoes --convention vote --from 2023 --to 2026 --list",
    )
    _years(sub)
    sub.add_argument(
        "--convention",
        choices=LazyChoices("unsc.history.vetoes", "Convention"),
        default="draft",
        metavar="CONVENTION",
        help="%(choices)s: per vetoed draft (the UN library's list; default) or per vote, "
        "amendments included",
    )
    sub.add_argument("--by-decade", action="store_true", help="counts per member per decade")
    sub.add_argument("--list", action="store_true", help="the vetoed proposals, one per row")

    _quiz(command)
    _data(command)
    return top


Command = Callable[..., argparse.ArgumentParser]


def _power_and_odds(command: Command) -> None:
    for name, run, summary, examples in (
        (
            "power",
            "_analysis:cmd_power",
            "Exact voting power of every seat: Shapley–Shubik, Banzhaf (normalised and "
            "absolute), Coleman, Holler; --index for Deegan–Packel and the swing count.",
            "  unsc power --year 1950\n  unsc power --reform g4\n"
            "  unsc power --year 2026 --rules two-vetoes\n"
            "  unsc power --year 2023 --index deegan_packel --index swings --format csv\n"
            "  unsc power --weights imf.csv --quota 70% --indices banzhaf,coleman_prevent\n"
            "  unsc power --seats 500 --weights weights.txt --backend numba",
        ),
        (
            "odds",
            "_analysis:cmd_odds",
            "The exact probability that a draft is adopted, vetoed, or fails for lack of votes.",
            "  unsc odds --year 2023\n"
            "  unsc odds --year 2023 --member USA=0.2,0.6,0.2 --member RUS=0.1,0.8,0.1\n"
            "  unsc odds --reform ufc --default 0.6,0.2,0.2\n"
            "  unsc odds --from S/2023/773 --member USA=0.3,0.5,0.2",
        ),
    ):
        sub = command(name, run, summary, examples)
        where = sub.add_mutually_exclusive_group()
        where.add_argument("--year", type=int, help="the council of this year")
        where.add_argument("--reform", choices=REFORM_MODELS, help="a reform model's council")
        sub.add_argument("--rules", choices=list(PRESETS), help="other rules")
        if name == "power":
            where.add_argument(
                "--weights",
                metavar="FILE",
                help="a weighted game: one seat a line, WEIGHT or LABEL,WEIGHT ('-': stdin)",
            )
            sub.add_argument(
                "--seats",
                type=_positive,
                metavar="N",
                help="the number of seats (without --weights: N seats of weight 1)",
            )
            sub.add_argument(
                "--quota",
                metavar="Q",
                help="with --weights or --seats: the weight that wins, or a share "
                "such as 70%% (default: a majority of the total weight)",
            )
            # Read by the library (Index.parse takes aliases such as penrose, and all).
            sub.add_argument(
                "--index",
                action="append",
                metavar="NAME",
                help="an index to compute (repeatable): shapley_shubik, banzhaf, "
                "banzhaf_absolute (penrose), swings, coleman_prevent, "
                "coleman_initiate, deegan_packel, holler, or all",
            )
            sub.add_argument(
                "--indices",
                action="append",
                metavar="A,B,…",
                help="indices to compute, separated by commas",
            )
            sub.add_argument(
                "--backend",
                choices=["auto", "python", "numba"],
                default="auto",
                help="how to count large weighted games (numba: unsc[fast])",
            )
        if name == "odds":
            sub.add_argument(
                "--member",
                action="append",
                metavar="CODE=Y,N,A[,X]",
                help="a member's probabilities of yes, no, abstain (and absent)",
            )
            sub.add_argument(
                "--default",
                metavar="Y,N,A[,X]",
                help="the probabilities of members not given (default 1/3 each)",
            )
            sub.add_argument(
                "--procedural", action="store_true", help="a procedural matter (no veto)"
            )
            sub.add_argument(
                "--from",
                dest="source",
                metavar="SYMBOL",
                help="a recorded draft: its votes are certain, but for the members given",
            )


def _history(command: Command) -> None:
    sub = command(
        "history",
        "_records:cmd_history",
        "Every decision on record since 1946, filtered, or summed up by year or decade.",
        "  unsc history --vetoed-by USA --year 2023\n"
        "  unsc history --from 2000 --to 2025 --outcome vetoed\n"
        "  unsc history --topic Korea --format github\n"
        "  unsc history --member Russia --vote no --from 2020\n"
        "  unsc history --summary decade\n"
        "  unsc history --date 2025-02-24\n"
        "  unsc history --votes --year 2023 --format csv",
    )
    _years(sub)
    sub.add_argument("--outcome", choices=_values(Outcome))
    sub.add_argument("--vetoed-by", metavar="MEMBER", help="vetoed by this member")
    sub.add_argument("--topic", help="text in the topic")
    sub.add_argument("--member", help="records in which this member's vote is on record")
    sub.add_argument("--vote", choices=_values(Vote),
                     help="with --member: records in which it voted so")  # fmt: skip
    sub.add_argument(
        "--summary",
        nargs="?",
        const="year",
        choices=["year", "decade"],
        help="decisions, adopted, unanimous, vetoed, failed per year (or decade)",
    )
    sub.add_argument("--date", metavar="YYYY-MM-DD", help="the decisions of one day")
    sub.add_argument(
        "--votes",
        action="store_true",
        help="one row per decision and member, where every vote is on record",
    )


def _quiz(command: Command) -> None:
    sub = command(
        "quiz",
        "_session:cmd_quiz",
        "A quiz on council procedure: answer in the terminal; Ctrl-D or Ctrl-C ends it.",
        "  unsc quiz\n  unsc quiz --count 5 --topic veto-or-votes\n"
        "  unsc quiz --seed 7 --count 20\n"
        "  unsc quiz --sheet --seed 3 > sheet.html\n"
        "  unsc quiz --seed 3 --format json > answers.json",
        formatted=False,
    )
    sub.add_argument(
        "--seed",
        type=_seed,
        help="which questions and in which order (same seed, same sheet); a whole number",
    )
    sub.add_argument("--count", type=_positive, default=10, help="how many questions (default 10)")
    sub.add_argument(
        "--topic",
        choices=LazyChoices("unsc.teaching", "TOPICS"),
        metavar="TOPIC",  # not the choices: argparse would read them to build the parser
        help="only questions on this topic: %(choices)s",
    )
    sub.add_argument(
        "--sheet",
        action="store_true",
        help="print a worksheet and its answer key as HTML (prints on A4 and Letter)",
    )
    sub.add_argument(
        "--format",
        dest="answers",  # not the tables' --format: the quiz prints no table
        choices=["text", "json"],
        default="text",
        help="json: the answers and score as JSON on stdout (the questions on stderr)",
    )


def _data(command: Command) -> None:
    sub = command(
        "replay-undl",
        "_records:cmd_replay_undl",
        "Replay the UN Digital Library's Security Council voting data (a CSV you downloaded).",
        "  unsc replay-undl sc_voting.csv\n"
        "  unsc replay-undl sc_voting.csv --lenient --format json",
    )
    sub.add_argument("file", help="the CSV file")
    sub.add_argument(
        "--lenient", action="store_true", help="report problems in the file and go on"
    )
    sub.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress (default: when on a terminal)",
    )

    sub = command(
        "data",
        "_records:cmd_data",
        "The UN Digital Library's voting file: download the newest into the cache, or say "
        "which one is there.",
        "  unsc data update\n  unsc data status\n"
        "  unsc data update --url https://digitallibrary.un.org/record/4055387\n\n"
        "The file is (c) United Nations, for non-commercial use with attribution; it is\n"
        "downloaded only on this command, into UNSC_DATA_DIR or the user cache directory.",
    )
    sub.add_argument("action", choices=("update", "status"), help="update: download; "
                     "status: which file is in the cache")  # fmt: skip
    sub.add_argument("--url", help="the record page, or the file's URL ending in .csv "
                     "(default: the UN Digital Library's record 4055387)")  # fmt: skip
    sub.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when on a terminal)",
    )

    sub = command(
        "completion",
        "_session:cmd_completion",
        "Print the shell completion script for bash or zsh (also installed with the wheel).",
        "  unsc completion bash > ~/.local/share/bash-completion/completions/unsc\n"
        "  unsc completion zsh > ~/.zfunc/_unsc",
        formatted=False,
    )
    sub.add_argument("shell", choices=("bash", "zsh"))

"""The commands of the analyses: ``power``, ``odds``, ``agreement`` and ``trends``."""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs

import unsc
from unsc.cli._common import (
    Result,
    UsageError,
    council_of,
    drawn,
    json_only,
    label,
    names,
    rules_of,
    titled,
)


class PowerProgress:
    """A progress bar on stderr for a power computation still running after two
    seconds (and only on a terminal)."""

    def __init__(self, stream: Any = None, after: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.after = after
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed < self.after or not total:
            return
        if not self.shown and not getattr(self.stream, "isatty", lambda: False)():
            return
        self.shown = True
        filled = 30 * done // total
        self.stream.write(
            f"\rcounting coalitions [{'#' * filled}{'.' * (30 - filled)}] "
            f"{done}/{total}, {elapsed:.0f} s"
        )
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar's line, if it was shown."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def cmd_power(args: argparse.Namespace) -> Result:
    """Exact voting power of every seat of a council or a weighted game."""
    from unsc.analysis import DEFAULT_INDICES, INDICES, Game, power

    indices: list[str] = list(args.index or [])
    for listed in args.indices or []:
        indices += [name for name in listed.split(",") if name.strip()]
    if any(name.strip().lower() == "all" for name in indices):
        indices = list(INDICES)
    council: unsc.Council | None = None
    if args.weights is not None or args.seats is not None:
        if args.rules:
            raise UsageError("unsc: --rules is for a council; a weighted game has its --quota")
        game = _weighted_game(args)
        total = sum(game.weights)
        title = f"A weighted game of {game.size:,} seats, quota {game.quota:,} of {total:,}"
    else:
        if args.quota is not None:
            raise UsageError("unsc: --quota is for a weighted game (--weights or --seats)")
        council = council_of(args)
        game = Game.of_council(council, rules_of(args))
        title = label(args, council)
    progress = PowerProgress()
    try:
        p = power(
            council if council is not None else game,
            rules=rules_of(args) if council is not None else None,
            indices=indices or DEFAULT_INDICES,
            backend=args.backend,
            progress=progress,
        )
    finally:
        progress.close()
    # The library's table, a class's seats named up to twelve (every elected member), the
    # shares to six places and the exact value of acting beside its decimals; CSV one row
    # per seat, exact (the library's data), JSON the seats by label.
    table = p.as_table(digits=6, named=12)
    table = attrs.evolve(table, caption=f"{table.caption} (= {p.coleman_act})")
    if args.format == "json":
        table = json_only(table, {
            "seats": {
                row["seat"]: {key: value if isinstance(value, (bool, int, str)) else str(value)
                              for key, value in row.items() if key != "seat"}
                for row in p.rows()
            },
            "coleman_act": str(p.coleman_act),
        })  # fmt: skip
    return titled(table, title), 0


def _weighted_game(args: argparse.Namespace) -> Any:
    """The game of --weights FILE (or --seats N of weight 1) and --quota."""
    from unsc.analysis import Game

    if args.weights is None:
        labels, weights = None, [1] * args.seats
    else:
        labels, weights = _read_weights(args.weights)
        if args.seats is not None and args.seats != len(weights):
            raise UsageError(
                f"unsc: --seats {args.seats} but {args.weights} gives {len(weights):,} weights"
            )
    total = sum(weights)
    quota = total // 2 + 1 if args.quota is None else _quota(args.quota, total)
    if not 1 <= quota <= total:
        raise UsageError(f"unsc: --quota {args.quota} is not from 1 to the total weight {total:,}")
    return Game.weighted(weights, quota, labels)


def _read_weights(path: str) -> tuple[list[str] | None, list[int]]:
    """Weights from a file (``-`` for stdin): one seat a line, ``WEIGHT`` or
    ``LABEL,WEIGHT`` (also separated by a space or tab); blank lines and ``#`` comments
    are skipped, and so is a first line ``label,weight``."""
    if path == "-":
        text = sys.stdin.read()
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    labels: list[str] = []
    weights: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, weight = line.replace("\t", ",").rpartition("," if "," in line else " ")
        if number == 1 and not weight.strip().lstrip("-").isdigit() and name:
            continue  # a header
        try:
            value = int(weight.strip())
        except ValueError:
            raise UsageError(
                f"unsc: {path}, line {number}: {weight.strip()!r} is not a whole number of votes "
                "(weights are whole numbers >= 0: scale fractions to whole numbers)"
            ) from None
        if value < 0:
            raise UsageError(f"unsc: {path}, line {number}: weight {value} is negative")
        labels.append(name.strip() or f"S{len(weights) + 1}")
        weights.append(value)
    if not weights:
        raise UsageError(f"unsc: {path} holds no weights (one whole number a line)")
    named = any(name != f"S{i + 1}" for i, name in enumerate(labels))
    return (labels if named else None), weights


def _quota(text: str, total: int) -> int:
    """--quota: a whole number, or a share of the total weight (``70%``), rounded up."""
    import math

    try:
        if text.strip().endswith("%"):
            share = Fraction(text.strip()[:-1].strip()) / 100
            return math.ceil(share * total)
        return int(text)
    except (ValueError, ZeroDivisionError):
        raise UsageError(
            f"unsc: --quota {text!r} is not a whole number nor a share such as 70%"
        ) from None


def _probabilities(values: Sequence[str]) -> dict[str, tuple[Fraction, ...]]:
    out: dict[str, tuple[Fraction, ...]] = {}
    for item in values:
        member, _, numbers = item.partition("=")
        if not numbers:
            raise UsageError(
                f"unsc: --member {item!r}: use CODE=YES,NO,ABSTAIN[,ABSENT], e.g. USA=0.5,0.4,0.1"
            )
        out[member] = _numbers(numbers, f"--member {item!r}")
    return out


def _numbers(text: str, where: str) -> tuple[Fraction, ...]:
    # Typed decimals mean what they say: 0.2 is 1/5, not the float nearest to it.
    try:
        numbers = tuple(Fraction(x.strip()) for x in text.split(","))
    except (ValueError, ZeroDivisionError):
        raise UsageError(
            f"unsc: {where}: {text!r} is not a list of numbers such as 0.5,0.4,0.1"
        ) from None
    if not 3 <= len(numbers) <= 4:
        raise UsageError(f"unsc: {where}: give 3 or 4 numbers (yes, no, abstain[, absent])")
    return numbers


def cmd_odds(args: argparse.Namespace) -> Result:
    """The exact probabilities that a draft is adopted, vetoed or fails for lack of votes."""
    from unsc.analysis import pass_probability

    default = _numbers(args.default, "--default") if args.default else None
    given = _probabilities(args.member or ())
    target: unsc.Council | unsc.Resolution
    if args.source:
        from unsc import history

        if args.year is not None or args.reform:
            raise UsageError("unsc: --from takes the recorded council; drop --year/--reform")
        record = history.get(args.source)
        if record.without_vote:
            raise UsageError(f"unsc: {record.symbol} was adopted without a vote: nothing to draw")
        # The recorded votes are certain, but for the members given, drawn at random.
        ballot = list(record.ballot)
        for name in given:
            ballot[record.council.index(name)] = None
        target = attrs.evolve(record, ballot=tuple(ballot), recorded=None)
        council = record.council
    else:
        council = council_of(args)
        target = council
    odds = pass_probability(
        target,
        given,
        default=default,
        rules=rules_of(args),
        matter="procedural" if args.procedural else None,
    )
    note = (
        "Members not given vote yes, no or abstain with probability 1/3 each."
        if not default and not args.source
        else ""
    )
    # The library's table, with what the command assumed beneath it; JSON each outcome's
    # exact probability by name, CSV the rows printed.
    table = attrs.evolve(odds.as_table(), caption=note)
    data = {outcome.value: str(value) for outcome, value in odds.items()}
    return titled(json_only(table, data), label(args, council)), 0


def decisions(args: argparse.Namespace) -> Any:
    """The decisions a command reads: the record (with the user's UN file, if given) in
    the years asked for."""
    from unsc import history

    if args.year is not None:
        if args.first is not None or args.last is not None:
            raise UsageError("unsc: give --year, or --from/--to, not both")
        args.first = args.last = args.year
    first, last = args.first or 1946, args.last or datetime.date.today().year
    if first > last:
        raise UsageError(f"unsc: --from {first} is after --to {last}")
    found = history.load(args.undl) if args.undl else history.records()
    return [r for r in found if r.in_years(first, last)]


def cmd_agreement(args: argparse.Namespace) -> Result:
    """Agreement between members, or the blocs that agree most."""
    from unsc.analysis import agreement, blocs

    members = None
    if args.members:  # "United States Russia", "USA,RUS" or USA RUS, as everywhere
        from unsc.members import find, split_names

        members = split_names(names(args.members), lambda name: find(name) is not None)
    found = agreement(decisions(args), members=members)
    if not found.decisions:
        raise UsageError("unsc: no decision with every member's vote in those years")
    drawn(lambda: found.plot(args.measure), args.png)
    caption = found.caption(args.measure)
    if args.blocs is not None:
        # The blocs by their members' codes: their names in full are too wide for a terminal.
        groups = blocs(found, measure=args.measure, threshold=args.blocs)
        data: dict[str, Any] = {"blocs": [list(b) for b in groups], "caption": caption}
        return json_only(groups.as_table(codes=True), data), 0
    data = {
        "measure": args.measure,
        "caption": caption,
        "decisions": found.decisions,
        "without_votes": found.without_votes,
        "pairs": [pair.to_dict() for pair in found],
    }
    return json_only(found.as_table(args.measure), data), 0


def cmd_trends(args: argparse.Namespace) -> Result:
    """Agreement period by period."""
    from unsc.analysis import agreement_trend

    trend = agreement_trend(
        decisions(args), measure=args.measure, window=args.window, with_=args.with_
    )
    if not trend.periods:
        raise UsageError("unsc: no decision with every member's vote in those years")
    drawn(trend.plot, args.png)
    return json_only(trend.as_table(), {"caption": trend.caption(), "rows": trend.to_rows()}), 0

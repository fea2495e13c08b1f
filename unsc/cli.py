"""The ``unsc`` command: councils, replays, votes, power, odds and the UN's data, in a terminal.

Every command prints a table (``--format`` takes any tabulate format, ``json`` or
``csv``). Bad usage or input: one line on stderr and exit status 2. A replay that
disagrees with the record: exit status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import importlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, NoReturn

import attrs
from tabulate import tabulate, tabulate_formats

import unsc
from unsc import serial
from unsc._prose import wrap
from unsc.errors import MissingVotesError, UNSCError
from unsc.resolution import VOTE_COLUMNS
from unsc.rules import PRESETS

FORMATS = ("json", "csv", *tabulate_formats)
#: The reform models (the keys of ``unsc.reform.MODELS``; a test keeps them equal), so
#: that the parser is built without loading the analysis.
REFORM_MODELS = ("status-quo", "g4", "au", "ufc", "two-vetoes", "literal")
#: The quiz topics (``unsc.teaching.TOPICS``; a test keeps them equal).
QUIZ_TOPICS = (
    "outcome",
    "veto-or-votes",
    "swing",
    "fewest-changes",
    "order",
    "pre-1966",
    "reform",
    "competing-drafts",
    "amendments",
    "model-un",
)


class _UsageError(Exception):
    """Bad usage: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


class Output:
    """What a command shows: a table (headers and rows), text around it, and its JSON."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        before: str = "",
        after: str = "",
        data: Any = None,
    ) -> None:
        self.headers, self.rows = headers, rows
        self.before, self.after = before, after
        self.data = data if data is not None else [dict(zip(headers, row)) for row in rows]

    def render(self, fmt: str) -> str:
        if fmt == "json":
            return json.dumps(self.data, indent=2, ensure_ascii=False, default=str)
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(self.headers)
            writer.writerows(self.rows)
            return buffer.getvalue().rstrip("\n")
        table = tabulate(self.rows, headers=self.headers, tablefmt=fmt) if self.rows else ""
        parts = [self.before, table, self.after]
        return "\n\n".join(p for p in parts if p)


# -- commands -----------------------------------------------------------------------------


def _council_of(args: argparse.Namespace) -> unsc.Council:
    if getattr(args, "reform", None):
        from unsc import reform

        return reform.model(args.reform).council
    date, year = getattr(args, "date", None), getattr(args, "year", None)
    if date is not None:
        council = unsc.Council.of_date(date)
        if year is not None and council.year != year:
            raise _UsageError(f"unsc: --year {year} and --date {date} disagree; give one")
        return council
    if year is None:
        raise _UsageError("unsc: give --year, --date or --reform")
    return unsc.Council.of_year(year)


def _names(values: Sequence[str] | None) -> str:
    """Members given on the command line, as the Python API takes them: one string.

    ``--yes CHN GAB``, ``--yes "CHN GAB"``, ``--yes CHN,GAB`` and ``--yes Sierra Leone``
    all mean what they say (commas always separate; otherwise the longest known name).
    """
    return " ".join(values or ())


def _rules(args: argparse.Namespace) -> unsc.Rules | None:
    return unsc.Rules.preset(args.rules) if getattr(args, "rules", None) else None


def cmd_council(args: argparse.Namespace) -> tuple[Output, int]:
    council = _council_of(args)
    rows = council.rows()
    title = (
        f"The Security Council of {args.date or args.year}: {council.size} members, "
        f"{council.rules.quota} votes required"
    )
    months = []
    if council.year is not None and args.date is None:
        for month in range(1, 13):
            try:
                months.append(
                    f"{datetime.date(council.year, month, 1):%b}: {council.president(month).name}"
                )
            except UNSCError:
                break
    after = "Presidents: " + "; ".join(months) if months else ""
    return Output(
        council.COLUMNS,
        rows,
        before=title,
        after=after,
        data=serial.to_dict(council),
    ), 0


def _decision_output(decision: unsc.Decision, extra: str = "") -> Output:
    record = decision.resolution
    rows = record.rows()
    after = decision.verdict + "\n" + wrap(decision.explain()) + (f"\n\n{extra}" if extra else "")
    when = f", {record.date:%d %B %Y}" if record.date else ""
    return Output(
        VOTE_COLUMNS,
        rows,
        before=f"{record.symbol}{when}",
        after=after,
        data=serial.to_dict(decision),
    )


def cmd_replay(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc import history

    result = history.replay(args.symbol, _rules(args))
    _picture(result.decision, args.svg)
    extra = f"Recorded: {result.recorded.value}." if result.recorded else ""
    if not result.agrees:
        extra += f"\nDisagreement: {result.reason}"
    output = _decision_output(result.decision, extra.strip())
    from unsc._prose import about

    # What the draft was about and who put it forward, under the symbol and date.
    record = result.decision.resolution
    told = about(record)
    if not (record.title or record.topic):
        told.insert(0, "Subject: not in the bundled record")
    if not record.sponsors:
        told.append("Sponsors: not in the bundled record")
    output.before = "\n".join([output.before, *told])
    return output, 0 if result.agrees else 1


def cmd_vote(args: argparse.Namespace) -> tuple[Output, int]:
    if args.source:
        from unsc import history

        if args.year is not None or args.date is not None or args.reform:
            raise _UsageError(
                "unsc: --from takes the recorded council; drop --year/--date/--reform"
            )
        start = history.get(args.source)
        if start.without_vote:
            raise _UsageError(
                f"unsc: {start.symbol} was adopted without a vote: nothing to change"
            )
        draft = attrs.evolve(
            start,
            matter="procedural" if args.procedural else start.matter,
            recorded=None,
        )
    else:
        draft = unsc.Resolution(
            args.symbol,
            council=_council_of(args),
            date=args.date,
            matter="procedural" if args.procedural else "substantive",
        )
    votes = {
        "yes": _names(args.yes),
        "no": _names(args.no),
        "abstain": _names(args.abstain),
        "absent": _names(args.absent),
        "not_participating": _names(args.not_participating),
    }
    if args.source:
        # Only the members given change their vote: clear theirs first.
        changed = [name for names in votes.values() for name in _split(draft, names)]
        ballot = list(draft.ballot)
        for seat in changed:
            ballot[seat] = None
        draft = attrs.evolve(draft, ballot=tuple(ballot))
    try:
        draft = draft.with_votes(**votes, complete=True)
    except MissingVotesError as exc:
        raise _UsageError(
            f"unsc: no vote given for {', '.join(exc.missing)}; every member needs one "
            "(use --absent or --not-participating for members who did not vote)"
        ) from None
    decision = draft.decide(_rules(args))
    _picture(decision, args.svg)
    return _decision_output(decision), 0


def _picture(decision: unsc.Decision, path: str | None) -> None:
    """Write the chamber picture of ``decision`` where ``--svg`` says, if it does."""
    if path is None:
        return
    if not path.lower().endswith((".svg", ".png")):
        raise _UsageError(
            f"unsc: --svg {path!r}: give a file name ending in .svg (or .png, with the png extra)"
        )
    decision.save(path)


def _drawn(draw: Callable[[], Any], path: str | None) -> None:
    """Draw a picture with matplotlib and write it where ``--png`` says, if it does."""
    if path is None:
        return
    if not path.lower().endswith((".png", ".svg", ".pdf")):
        raise _UsageError(f"unsc: --png {path!r}: give a file name ending in .png (or .svg, .pdf)")
    from unsc._plot import pyplot

    with contextlib.suppress(ImportError):  # without matplotlib, pyplot() names the extra
        importlib.import_module("matplotlib").use("Agg")  # a file, never a window
    plt = pyplot()
    figure = draw().figure
    try:
        figure.savefig(path, dpi=110)
    except OSError as error:
        raise _UsageError(f"unsc: --png {path!r}: {error.strerror or error}") from None
    finally:
        plt.close(figure)


def _split(draft: unsc.Resolution, names: str) -> list[int]:
    """The seats of the members named in ``names`` (as with_votes reads them)."""
    from unsc.members import split_names

    return [draft.council.index(n) for n in split_names(names, draft.council.__contains__)]


def cmd_power(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc.analysis import DEFAULT_INDICES, INDICES, Game, power

    indices: list[str] = list(args.index or [])
    for listed in args.indices or []:
        indices += [name for name in listed.split(",") if name.strip()]
    if any(name.strip().lower() == "all" for name in indices):
        indices = list(INDICES)
    council: unsc.Council | None = None
    if args.weights is not None or args.seats is not None:
        if args.rules:
            raise _UsageError("unsc: --rules is for a council; a weighted game has its --quota")
        game = _weighted_game(args)
        total = sum(game.weights)
        before = f"A weighted game of {game.size:,} seats, quota {game.quota:,} of {total:,}"
    else:
        if args.quota is not None:
            raise _UsageError("unsc: --quota is for a weighted game (--weights or --seats)")
        council = _council_of(args)
        game = Game.of_council(council, _rules(args))
        before = _label(args, council)
    progress = _PowerProgress()
    try:
        p = power(
            council if council is not None else game,
            rules=_rules(args) if council is not None else None,
            indices=indices or DEFAULT_INDICES,
            backend=args.backend,
            progress=progress,
        )
    finally:
        progress.close()
    names = [index.value for index in p.computed]
    act = (
        f"Coleman power of the collectivity to act: {float(p.coleman_act):.6f} (= {p.coleman_act})"
    )
    machine = args.format in ("csv", "json")
    rows: list[tuple[object, ...]] = []
    if machine:  # one row per member, exact values
        for row in p.rows():
            rows.append(tuple(row[key] for key in ("seat", "name", "kind", "weight", "veto"))
                        + tuple(str(row[n]) for n in names))  # fmt: skip
        headers: tuple[str, ...] = ("seat", "name", "kind", "weight", "veto", *names)
    else:  # a person reads: one row per class of seats (they have equal power)
        for cls_ in p.game.classes:
            first = p[cls_.seats[0]]
            labels = [p.game.labels[i] for i in cls_.seats]
            seats = " ".join(labels[:12]) + (f" … ({cls_.size:,} seats)" if cls_.size > 12 else "")
            values = [
                f"{int(first[n]):,}" if n == "swings" else f"{float(first[n]):.6f}" for n in names
            ]
            rows.append((seats, cls_.weight, "yes" if cls_.veto else "", *values))
        headers = ("seats", "weight", "veto", *names)
    data = {
        "seats": {
            row["seat"]: {key: value if isinstance(value, (bool, int, str)) else str(value)
                          for key, value in row.items() if key != "seat"}
            for row in p.rows()
        },
        "coleman_act": str(p.coleman_act),
    }  # fmt: skip
    return Output(headers, rows, before=before, after=act, data=data), 0


def _weighted_game(args: argparse.Namespace) -> Any:
    """The game of --weights FILE (or --seats N of weight 1) and --quota."""
    from unsc.analysis import Game

    if args.weights is None:
        labels, weights = None, [1] * args.seats
    else:
        labels, weights = _read_weights(args.weights)
        if args.seats is not None and args.seats != len(weights):
            raise _UsageError(
                f"unsc: --seats {args.seats} but {args.weights} gives {len(weights):,} weights"
            )
    total = sum(weights)
    quota = total // 2 + 1 if args.quota is None else _quota(args.quota, total)
    if not 1 <= quota <= total:
        raise _UsageError(
            f"unsc: --quota {args.quota} is not from 1 to the total weight {total:,}"
        )
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
        label, _, weight = line.replace("\t", ",").rpartition("," if "," in line else " ")
        if number == 1 and not weight.strip().lstrip("-").isdigit() and label:
            continue  # a header
        try:
            value = int(weight.strip())
        except ValueError:
            raise _UsageError(
                f"unsc: {path}, line {number}: {weight.strip()!r} is not a whole number of votes "
                "(weights are whole numbers >= 0: scale fractions to whole numbers)"
            ) from None
        if value < 0:
            raise _UsageError(f"unsc: {path}, line {number}: weight {value} is negative")
        labels.append(label.strip() or f"S{len(weights) + 1}")
        weights.append(value)
    if not weights:
        raise _UsageError(f"unsc: {path} holds no weights (one whole number a line)")
    named = any(label != f"S{i + 1}" for i, label in enumerate(labels))
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
        raise _UsageError(
            f"unsc: --quota {text!r} is not a whole number nor a share such as 70%"
        ) from None


def _now() -> float:
    import time

    return time.monotonic()


class _PowerProgress:
    """A progress bar on stderr for a power computation still running after two
    seconds (and only on a terminal)."""

    def __init__(self, stream: Any = None, after: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.after = after
        self.started = _now()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        elapsed = _now() - self.started
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
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _label(args: argparse.Namespace, council: unsc.Council) -> str:
    if getattr(args, "reform", None):
        from unsc import reform

        return reform.model(args.reform).name
    if getattr(args, "source", None):
        return f"{args.source}, as recorded, with the members given drawn at random"
    return f"The Council of {council.year}, quota {council.rules.quota}"


def _probabilities(values: Sequence[str]) -> dict[str, tuple[Fraction, ...]]:
    out: dict[str, tuple[Fraction, ...]] = {}
    for item in values:
        member, _, numbers = item.partition("=")
        if not numbers:
            raise _UsageError(
                f"unsc: --member {item!r}: use CODE=YES,NO,ABSTAIN[,ABSENT], e.g. USA=0.5,0.4,0.1"
            )
        out[member] = _numbers(numbers, f"--member {item!r}")
    return out


def _numbers(text: str, where: str) -> tuple[Fraction, ...]:
    # Typed decimals mean what they say: 0.2 is 1/5, not the float nearest to it.
    try:
        numbers = tuple(Fraction(x.strip()) for x in text.split(","))
    except (ValueError, ZeroDivisionError):
        raise _UsageError(
            f"unsc: {where}: {text!r} is not a list of numbers such as 0.5,0.4,0.1"
        ) from None
    if not 3 <= len(numbers) <= 4:
        raise _UsageError(f"unsc: {where}: give 3 or 4 numbers (yes, no, abstain[, absent])")
    return numbers


def cmd_odds(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc.analysis import pass_probability

    default = _numbers(args.default, "--default") if args.default else None
    given = _probabilities(args.member or ())
    target: unsc.Council | unsc.Resolution
    if args.source:
        from unsc import history

        if args.year is not None or args.reform:
            raise _UsageError("unsc: --from takes the recorded council; drop --year/--reform")
        record = history.get(args.source)
        if record.without_vote:
            raise _UsageError(f"unsc: {record.symbol} was adopted without a vote: nothing to draw")
        # The recorded votes are certain, but for the members given, drawn at random.
        ballot = list(record.ballot)
        for name in given:
            ballot[record.council.index(name)] = None
        target = attrs.evolve(record, ballot=tuple(ballot), recorded=None)
        council = record.council
    else:
        council = _council_of(args)
        target = council
    odds = pass_probability(
        target,
        given,
        default=default,
        rules=_rules(args),
        matter="procedural" if args.procedural else None,
    )
    rows = [
        (name, str(value), f"{float(value):.6f}")
        for name, value in (
            ("adopted", odds.adopted),
            ("vetoed", odds.vetoed),
            ("insufficient votes", odds.insufficient),
        )
    ]
    data = {name: str(value) for name, value, _ in rows}
    note = (
        "Members not given vote yes, no or abstain with probability 1/3 each."
        if not default and not args.source
        else ""
    )
    return Output(
        ("outcome", "probability", "≈"), rows, before=_label(args, council), after=note, data=data
    ), 0


def cmd_history(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc import history

    filters: dict[str, Any] = {
        "year": args.year,
        "years": _span_of(args),
        "outcome": args.outcome,
        "vetoed_by": args.vetoed_by,
        "topic": args.topic,
        "member": args.member,
        "vote": args.vote,
        "date": args.date,
    }
    if args.votes:
        table = history.votes(**{k: v for k, v in filters.items() if v is not None})
        return Output(history.VOTE_COLUMNS, table.to_rows(), after=table.caption(),
                      data=table.to_dicts()), 0  # fmt: skip
    found = history.records(**filters)
    if args.summary:
        summary = history.summary(by=args.summary, records=found)
        periods = [dict(zip(summary.COLUMNS, row)) for row in summary.rows]
        after = summary.caption() if summary.rows else found.note
        return Output(summary.COLUMNS, summary.rows, after=after, data=periods), 0
    data = [serial.to_dict(r) for r in found]
    count = f"{len(found):,} decision{'s' if len(found) != 1 else ''} on record"
    after = f"{count}. {found.note}" if found else found.note
    return Output(found.COLUMNS, found.rows(), after=after, data=data), 0


def _span_of(args: argparse.Namespace) -> tuple[int, int] | None:
    """The years of --from/--to (refused beside --year); None when neither is given."""
    if args.first is None and args.last is None:
        return None
    if args.year is not None:
        raise _UsageError("unsc: give --year, or --from/--to, not both")
    return (args.first or 1946, args.last or datetime.date.today().year)


def _decisions(args: argparse.Namespace) -> Any:
    """The decisions a command reads: the record (with the user's UN file, if given) in
    the years asked for."""
    from unsc import history

    if args.year is not None:
        if args.first is not None or args.last is not None:
            raise _UsageError("unsc: give --year, or --from/--to, not both")
        args.first = args.last = args.year
    first, last = args.first or 1946, args.last or datetime.date.today().year
    if first > last:
        raise _UsageError(f"unsc: --from {first} is after --to {last}")
    found = history.load(args.undl) if args.undl else history.records()
    return [r for r in found if r.in_years(first, last)]


def _shown(value: Any) -> str:
    return "—" if value is None else f"{float(value):.3f}"


def cmd_agreement(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc.analysis import agreement, blocs

    members = None
    if args.members:  # "United States Russia", "USA,RUS" or USA RUS, as everywhere
        from unsc.members import find, split_names

        members = split_names(_names(args.members), lambda name: find(name) is not None)
    found = agreement(_decisions(args), members=members)
    if not found.decisions:
        raise _UsageError("unsc: no decision with every member's vote in those years")
    _drawn(lambda: found.plot(args.measure), args.png)
    if args.blocs is not None:
        groups = blocs(found, measure=args.measure, threshold=args.blocs)
        rows: list[tuple[Any, ...]] = [(i, " ".join(b), len(b), _shown(groups.cohesion(b)))
                                       for i, b in enumerate(groups, 1)]  # fmt: skip
        data: dict[str, Any] = {
            "blocs": [list(b) for b in groups], "caption": found.caption(args.measure)
        }  # fmt: skip
        return Output(("bloc", "members", "size", "cohesion"), rows,
                      after=found.caption(args.measure), data=data), 0  # fmt: skip
    matrix = found.matrix(args.measure)
    rows = [(a, *(_shown(v) for v in values)) for a, values in zip(found.members, matrix)]
    data = {
        "measure": args.measure,
        "caption": found.caption(args.measure),
        "decisions": found.decisions,
        "without_votes": found.without_votes,
        "pairs": [pair.to_dict() for pair in found],
    }
    return Output(("", *found.members), rows, after=found.caption(args.measure), data=data), 0


def cmd_trends(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc.analysis import agreement_trend

    trend = agreement_trend(
        _decisions(args), measure=args.measure, window=args.window, with_=args.with_
    )
    if not trend.periods:
        raise _UsageError("unsc: no decision with every member's vote in those years")
    _drawn(trend.plot, args.png)
    rows = [(year, found.decisions, *(_shown(v) for v in values))
            for (year, found), values in zip(trend, trend.values())]  # fmt: skip
    data = {"caption": trend.caption(), "rows": trend.to_rows()}
    return Output(("year", "decisions", *trend.labels()), rows, after=trend.caption(),
                  data=data), 0  # fmt: skip


def cmd_vetoes(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc import history

    listing = history.vetoes(args.convention)
    span = _span_of(args)
    if args.year is not None:
        span = (args.year, args.year)
    if span is not None:
        listing = listing.between(*span)
    caption = listing.caption()
    rows: list[tuple[Any, ...]]
    if args.list:
        rows = [
            (v.date.isoformat(), v.draft, v.kind.value, " ".join(v.members),
             str(v.record.tally) if v.record.complete else "not on record", v.agenda)
            for v in listing
        ]  # fmt: skip
        headers: tuple[str, ...] = ("date", "draft", "kind", "vetoed by", "vote", "agenda")
        data: Any = [dict(zip(headers, row)) for row in rows]
    elif args.by_decade:
        table = listing.by_decade()
        members = list(listing.counts())
        rows = [
            (decade, *(counts.get(m, 0) for m in members), sum(counts.values()))
            for decade, counts in table.items()
        ]
        headers = ("decade", *members, "all")
        data = table
    else:
        rows = list(listing.counts().items())
        headers = ("member", "vetoes")
        data = listing.counts()
    return Output(headers, rows, after=caption, data=data), 0


def cmd_replay_undl(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc import history

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    report = history.replay_undl(
        args.file, strict=not args.lenient, progress=_progress if show else None
    )
    if show:
        sys.stderr.write("\n")
    rows = [
        (
            r.resolution.symbol,
            r.resolution.date.isoformat() if r.resolution.date else "",
            str(r.decision.tally),
            r.decision.outcome.value,
            r.reason,
        )
        for r in report.disagreements
    ]
    after = "\n".join([*(str(m) for m in report.mismatches), *(str(p) for p in report.problems)])
    data = {
        "file": report.path,
        "resolutions": report.resolutions,
        "agreed": report.agreed,
        "disagreements": [
            dict(zip(("symbol", "date", "vote", "engine", "reason"), row)) for row in rows
        ],
        "mismatches": [str(m) for m in report.mismatches],
        "problems": [str(p) for p in report.problems],
    }
    output = Output(
        ("symbol", "date", "vote", "engine", "reason"),
        rows,
        before=report.summary(),
        after=after,
        data=data,
    )
    return output, 0 if report.clean else 1


def cmd_quiz(args: argparse.Namespace) -> tuple[Output, int]:
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
        return Output((), []), 0
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
    return Output((), []), 0


def cmd_completion(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc import _completion

    script = _completion.bash(parser()) if args.shell == "bash" else _completion.zsh(parser())
    sys.stdout.write(script)
    return Output((), []), 0


def _progress(rows: int, resolutions: int) -> None:
    sys.stderr.write(f"\rreading: {rows:,} rows, {resolutions:,} resolutions")
    sys.stderr.flush()


def cmd_data(args: argparse.Namespace) -> tuple[Output, int]:
    from unsc.history import cache

    if args.action == "status":
        if args.url is not None:
            raise _UsageError("unsc: --url goes with 'unsc data update'")
        found = cache.status()
        rows = [(k.replace("_", " "), "—" if v is None else v) for k, v in found.to_dict().items()]
        return Output(("field", "value"), rows, before=found.summary(), data=found.to_dict()), 0
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    # The terms go where a person reads them: on stderr when stdout is JSON or CSV.
    terms = sys.stderr if args.format in ("json", "csv") else sys.stdout
    with contextlib.redirect_stdout(terms):
        path = cache.download(args.url, progress=_download_bar if show else None)
    if show:
        sys.stderr.write("\n")
    # Its rows are counted by 'unsc data status': reading 41,000 rows again here would
    # cost more than the download itself.
    size = path.stat().st_size
    saved = f"Saved {path.name} ({size / 1e6:.1f} MB) in {path.parent}; 'unsc data status' "
    saved += "says what is in it."
    return Output((), [], before=saved, data={"path": str(path), "bytes": size}), 0


def _download_bar(received: int, total: int | None) -> None:
    if total:
        done = min(received / total, 1.0)
        bar = "#" * int(done * 30)
        sys.stderr.write(
            f"\rdownloading [{bar:<30}] {received / 1e6:5.1f} of {total / 1e6:.1f} MB"
        )
    else:
        sys.stderr.write(f"\rdownloading {received / 1e6:5.1f} MB")
    sys.stderr.flush()


# -- the parser ---------------------------------------------------------------------------


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
        "--measure", choices=["identical", "coincidence", "lijphart", "kappa"], default="identical"
    )
    sub.add_argument("--png", metavar="FILE", help="also draw the picture to FILE (plot extra)")


def _formatted(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        default="simple",
        metavar="FMT",
        help="json, csv, or any tabulate format: simple (default), github, grid, html, latex, …",
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``unsc`` command."""
    top = _Parser(
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
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str,
        func: Callable[[argparse.Namespace], tuple[Output, int]],
        summary: str,
        examples: str,
        *,
        formatted: bool = True,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog="Examples:\n" + examples,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(func=func)
        if formatted:  # the quiz talks and completion writes a script: no table to format
            _formatted(sub)
        else:
            sub.set_defaults(format="simple")
        return sub

    sub = command(
        "council",
        cmd_council,
        "The members of the Council in a year (or on a date), and its presidents.",
        "  unsc council 2023\n  unsc council 1971 --date 1971-10-25\n"
        "  unsc council 1950 --format json",
    )
    sub.add_argument("year", type=int, help="a year from 1946 to 2026")
    sub.add_argument("--date", help="a day (YYYY-MM-DD), for changes during the year")

    sub = command(
        "replay",
        cmd_replay,
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
        cmd_vote,
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

    for name, func, summary, examples in (
        (
            "power",
            cmd_power,
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
            cmd_odds,
            "The exact probability that a draft is adopted, vetoed, or fails for lack of votes.",
            "  unsc odds --year 2023\n"
            "  unsc odds --year 2023 --member USA=0.2,0.6,0.2 --member RUS=0.1,0.8,0.1\n"
            "  unsc odds --reform ufc --default 0.6,0.2,0.2\n"
            "  unsc odds --from S/2023/773 --member USA=0.3,0.5,0.2",
        ),
    ):
        sub = command(name, func, summary, examples)
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

    sub = command(
        "history",
        cmd_history,
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
    sub.add_argument("--outcome", choices=["adopted", "vetoed", "insufficient votes"])
    sub.add_argument("--vetoed-by", metavar="MEMBER", help="vetoed by this member")
    sub.add_argument("--topic", help="text in the topic")
    sub.add_argument("--member", help="records in which this member's vote is on record")
    sub.add_argument("--vote", choices=["yes", "no", "abstain", "absent", "not participating"],
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

    sub = command(
        "agreement",
        cmd_agreement,
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
        cmd_trends,
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
        cmd_vetoes,
        "Vetoes per permanent member, 1946 to date, read off the record.",
        "  unsc vetoes\n  unsc vetoes --year 1946\n  unsc vetoes --by-decade\n"
        "  unsc vetoes --convention vote --from 2023 --to 2026 --list",
    )
    _years(sub)
    sub.add_argument(
        "--convention",
        choices=["draft", "vote"],
        default="draft",
        help="per vetoed draft (the UN library's list; default) or per vote, amendments included",
    )
    sub.add_argument("--by-decade", action="store_true", help="counts per member per decade")
    sub.add_argument("--list", action="store_true", help="the vetoed proposals, one per row")

    sub = command(
        "quiz",
        cmd_quiz,
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
    sub.add_argument("--topic", choices=QUIZ_TOPICS, help="only questions on this topic")
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

    sub = command(
        "replay-undl",
        cmd_replay_undl,
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
        cmd_data,
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
        cmd_completion,
        "Print the shell completion script for bash or zsh (also installed with the wheel).",
        "  unsc completion bash > ~/.local/share/bash-completion/completions/unsc\n"
        "  unsc completion zsh > ~/.zfunc/_unsc",
        formatted=False,
    )
    sub.add_argument("shell", choices=("bash", "zsh"))
    return top


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
            raise _UsageError(
                f"unsc: --format {args.format!r} is not a format; use json, csv or one of: "
                + ", ".join(tabulate_formats)
            )
        output, status = args.func(args)
        if output.headers or output.before or output.after:
            print(output.render(args.format))
        sys.stdout.flush()
        return int(status)
    except _UsageError as exc:
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


if __name__ == "__main__":
    raise SystemExit(main())

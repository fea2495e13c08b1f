"""The commands on the record: ``council``, ``replay``, ``vote``, ``history``,
``vetoes``, ``replay-undl`` and ``data``. Each returns the library's table of what it
shows; where the command's JSON has a shape of its own, the table is given that data."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys

import attrs

import unsc
from unsc import serial
from unsc._table import Table
from unsc.cli._common import (
    Result,
    UsageError,
    council_of,
    json_only,
    names,
    picture,
    rules_of,
    show_progress,
    span_of,
    titled,
)
from unsc.errors import MissingVotesError, UNSCError


def cmd_council(args: argparse.Namespace) -> Result:
    """The members of a council, its presidents beneath."""
    council = council_of(args)
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
    table = attrs.evolve(
        council.as_table(), caption="Presidents: " + "; ".join(months) if months else ""
    )
    return titled(json_only(table, serial.to_dict(council)), title), 0


def decision_table(decision: unsc.Decision, extra: str = "", told: tuple[str, ...] = ()) -> Table:
    """The votes of a decision, the symbol and date (and ``told``) above, the verdict
    and its explanation (and ``extra``) beneath; its JSON the decision's."""
    record = decision.resolution
    table = decision.as_table(width=80)
    if extra:
        table = attrs.evolve(table, paragraphs=(extra,))
    when = f", {record.date:%d %B %Y}" if record.date else ""
    return titled(table, "\n".join([f"{record.symbol}{when}", *told]))


def cmd_replay(args: argparse.Namespace) -> Result:
    """A vote on record replayed: status 1 when the engine disagrees with the record."""
    from unsc import history
    from unsc._prose import about

    result = history.replay(args.symbol, rules_of(args))
    picture(result.decision, args.svg)
    extra = f"Recorded: {result.recorded.value}." if result.recorded else ""
    if not result.agrees:
        extra += f"\nDisagreement: {result.reason}"
    # What the draft was about and who put it forward, under the symbol and date.
    record = result.decision.resolution
    told = about(record)
    if not (record.title or record.topic):
        told.insert(0, "Subject: not in the bundled record")
    if not record.sponsors:
        told.append("Sponsors: not in the bundled record")
    return decision_table(result.decision, extra.strip(), tuple(told)), 0 if result.agrees else 1


def cmd_vote(args: argparse.Namespace) -> Result:
    """A vote given member by member, or a recorded one changed, decided."""
    if args.source:
        from unsc import history

        if args.year is not None or args.date is not None or args.reform:
            raise UsageError(
                "unsc: --from takes the recorded council; drop --year/--date/--reform"
            )
        start = history.get(args.source)
        if start.without_vote:
            raise UsageError(f"unsc: {start.symbol} was adopted without a vote: nothing to change")
        draft = attrs.evolve(
            start, matter="procedural" if args.procedural else start.matter, recorded=None
        )
    else:
        draft = unsc.Resolution(
            args.symbol,
            council=council_of(args),
            date=args.date,
            matter="procedural" if args.procedural else "substantive",
        )
    votes = {
        "yes": names(args.yes),
        "no": names(args.no),
        "abstain": names(args.abstain),
        "absent": names(args.absent),
        "not_participating": names(args.not_participating),
    }
    if args.source:
        # Only the members given change their vote: clear theirs first.
        from unsc.members import split_names

        ballot = list(draft.ballot)
        for given in votes.values():
            for name in split_names(given, draft.council.__contains__):
                ballot[draft.council.index(name)] = None
        draft = attrs.evolve(draft, ballot=tuple(ballot))
    try:
        draft = draft.with_votes(**votes, complete=True)
    except MissingVotesError as exc:
        raise UsageError(
            f"unsc: no vote given for {', '.join(exc.missing)}; every member needs one "
            "(use --absent or --not-participating for members who did not vote)"
        ) from None
    decision = draft.decide(rules_of(args))
    picture(decision, args.svg)
    return decision_table(decision), 0


def cmd_history(args: argparse.Namespace) -> Result:
    """The decisions on record, filtered; or their votes, member by member; or a summary."""
    from unsc import history

    filters = {
        "year": args.year,
        "years": span_of(args),
        "outcome": args.outcome,
        "vetoed_by": args.vetoed_by,
        "topic": args.topic,
        "member": args.member,
        "vote": args.vote,
        "date": args.date,
    }
    if args.votes:
        votes = history.votes(**{k: v for k, v in filters.items() if v is not None})
        return votes.as_table(limit=0), 0
    found = history.records(**filters)
    if args.summary:
        return history.summary(by=args.summary, records=found).as_table(), 0
    count = f"{len(found):,} decision{'s' if len(found) != 1 else ''} on record"
    table = attrs.evolve(
        found.as_table(), caption=f"{count}. {found.note}" if found else found.note
    )
    return json_only(table, [serial.to_dict(r) for r in found]), 0


def cmd_vetoes(args: argparse.Namespace) -> Result:
    """Vetoes per member, per member and decade, or one row per vetoed proposal."""
    from unsc import history

    listing = history.vetoes(args.convention)
    span = span_of(args)  # refused beside --year
    if args.year is not None:
        span = (args.year, args.year)
    if span is not None:
        listing = listing.between(*span)
    table = listing.as_table(listing=args.list, by_decade=args.by_decade)
    if args.list:  # its JSON: the rows printed
        return attrs.evolve(table, data=None, data_columns=()), 0
    return json_only(table, listing.by_decade() if args.by_decade else listing.counts()), 0


def _progress(rows: int, resolutions: int) -> None:
    sys.stderr.write(f"\rreading: {rows:,} rows, {resolutions:,} resolutions")
    sys.stderr.flush()


def cmd_replay_undl(args: argparse.Namespace) -> Result:
    """The UN's voting file replayed: status 1 unless every resolution agrees."""
    from unsc import history

    show = show_progress(args.progress)
    report = history.replay_undl(
        args.file, strict=not args.lenient, progress=_progress if show else None
    )
    if show:
        sys.stderr.write("\n")
    return report.as_table(), 0 if report.clean else 1


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


def cmd_data(args: argparse.Namespace) -> Result:
    """The UN's voting file in the cache: its status, or the newest downloaded."""
    from unsc.history import cache

    if args.action == "status":
        if args.url is not None:
            raise UsageError("unsc: --url goes with 'unsc data update'")
        return cache.status().as_table(), 0
    show = show_progress(args.progress)
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
    return Table((), (), caption=saved, data={"path": str(path), "bytes": size}), 0

"""The English unsc writes: numbers in words, sentences, and what a decision says.

One place for the sentences that explanations, captions, the chamber picture's text
alternative, paths and exercises share. Text is built as sentences and returned unwrapped;
[`wrap`][unsc._prose.wrap] fills it to a terminal's width where it is printed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from unsc.members import Member, prose_list, state_name
from unsc.rules import MISREADINGS, Majority, Outcome
from unsc.votes import Matter, Vote

if TYPE_CHECKING:
    from unsc.decision import Decision
    from unsc.resolution import Resolution

_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty")  # fmt: skip


def day(date: datetime.date) -> str:
    """A day as English prose writes it: "7 April 2026"."""
    return f"{date.day} {date:%B %Y}"


def joined(words: list[str], last: str = "and") -> str:
    """Words as a sentence lists them: "a, b and c" (or "a, b or c" with ``last="or"``)."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def number(n: int) -> str:
    """``n`` in words up to twenty, in figures beyond: ``"nine"``, ``"21"``."""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def capital(text: str) -> str:
    """``text`` with a capital first letter, the rest as it is."""
    return text[:1].upper() + text[1:]


def sentence(line: str) -> str:
    """A line as a sentence: a capital first and a full stop last."""
    line = capital(line)
    return line if line.endswith(".") else line + "."


def wrap(text: str, width: int = 80) -> str:
    """``text`` filled to ``width`` columns, for printing to a terminal."""
    import textwrap  # only where text is printed

    return textwrap.fill(text, width=width)


# -- a record, in words ------------------------------------------------------------------


def about(record: Resolution) -> list[str]:
    """What the draft was about and who put it forward, as far as the record says.

    Examples:
        >>> from unsc import history
        >>> about(history.get("S/2023/772"))
        ['Russian draft resolution on the situation in Gaza (humanitarian ceasefire)', \
'Put forward by the Russian Federation']
    """
    lines = [record.title] if record.title else []
    if not record.title and record.topic:
        lines.append(f"Subject: {record.topic}")
    if record.sponsors:
        lines.append(f"Put forward by {sponsors(record)}")
    return lines


def sponsors(record: Resolution) -> str:
    """The sponsors as a sentence names them, as the Council knew them where they sat on it."""
    council = record.council
    names = [council[code].in_prose if code in council else state_name(code)
             for code in record.sponsors]  # fmt: skip
    return joined(names)


_LISTED = {
    "yes": "In favour",
    "no": "Against",
    "abstain": "Abstaining",
    "absent": "Absent",
    "not participating": "Present and not participating",
    None: "No vote yet",
}


def picture(record: Resolution, caption: Sequence[str]) -> str:
    """The SVG of ``record``'s vote, drawn from its seats and words: the caption beneath,
    and a text alternative that says the caption and every member's vote in sentences."""
    from unsc import _svg  # drawn on demand: no picture code at import

    council = record.council
    seats = [
        (m.code, m.name, m.code in council.veto, None if v is None else v.value)
        for m, v in zip(council.members, record.ballot)
    ]
    when = f", {record.date.day} {record.date:%B %Y}" if record.date else ""
    by_vote: dict[str | None, list[Member]] = {}
    for member, vote in zip(council.members, record.ballot):
        by_vote.setdefault(None if vote is None else vote.value, []).append(member)
    subtitle = about(record)
    sentences = [sentence(line) for line in (*subtitle, *caption)]
    sentences += [
        f"{_LISTED[vote]}: {prose_list(by_vote[vote])}." for vote in _LISTED if vote in by_vote
    ]
    if council.veto:
        holders = [m for m in council.members if m.code in council.veto]
        sentences.append(f"Ringed seats hold the veto: {prose_list(holders)}.")
    without = [m for m in council.members if m.permanent and m.code not in council.veto]
    if without:
        sentences.append(f"Permanent seats without a veto: {prose_list(without)}.")
    key = _svg.key(
        [(m.code, m.name, m.permanent, m.code in council.veto) for m in council.members]
    )
    return _svg.chamber(
        seats,
        heading=f"{record.symbol}{when}",
        caption=caption,
        description=f"{record.symbol}{when}. " + " ".join(sentences),
        subtitle=subtitle,
        key=key,
    )


# -- a decision, in words ----------------------------------------------------------------

_MISREAD = frozenset(MISREADINGS.values())

# What a veto holder's idle vote is called, for one member and for several.
_IDLE_WORDS = {
    Vote.ABSTAIN: ("abstention", "abstentions"),
    Vote.ABSENT: ("absence", "absences"),
    Vote.NOT_PARTICIPATING: ("non-participation", "non-participation"),
}

# A veto holder's vote that lets a draft pass, as the caption words it (one, several).
_NOT_A_VETO = (
    (Vote.ABSTAIN, "abstained", "abstained"),
    (Vote.ABSENT, "was absent", "were absent"),
    (Vote.NOT_PARTICIPATING, "did not take part", "did not take part"),
)


def caption(decision: Decision) -> list[str]:
    """The outcome of ``decision`` in short lines: what its picture says beneath."""
    rules, tally, matter = decision.rules, decision.tally, decision.resolution.matter
    quota = number(rules.quota_for(matter))
    if decision.resolution.without_vote:
        return ["Adopted without a vote", "no member asked for a vote"]
    short = {
        Majority.MEMBERS: f"fewer than {quota} votes in favour",
        Majority.PRESENT_AND_VOTING: "no more votes in favour than against",
        Majority.TWO_THIRDS_PRESENT_AND_VOTING: "fewer than two-thirds of the yes and no "
        "votes in favour",
    }[rules.majority]
    head = {
        Outcome.ADOPTED: "Adopted",
        Outcome.VETOED: "Not adopted: vetoed by " + prose_list(decision.vetoed_by),
        Outcome.INSUFFICIENT_VOTES: f"Not adopted: {short}",
    }[decision.outcome]
    counts = f"{tally.yes} in favour, {tally.no} against, {tally.abstain} abstaining"
    for count, word in ((tally.absent, "absent"), (tally.not_participating,
                        "not participating"), (tally.not_voting, "not voting")):  # fmt: skip
        if count:
            counts += f", {count} {word}"
    need = quota if rules.majority is Majority.MEMBERS else rules.requirement(matter)
    lines = [head, f"{counts}; {need} needed"]
    if rules in _MISREAD:
        lines.append(f"Under a misreading: {rules.name.removeprefix('Misreading: ')}")
    against = prose_list(decision.permanent_against)
    procedural = matter is Matter.PROCEDURAL
    if decision.outcome is Outcome.INSUFFICIENT_VOTES and against and not procedural:
        lines.append(f"No veto: {against} voted against a draft that already lacked the votes")
    elif against and procedural:
        lines.append(f"No veto: {against} voted against, but a procedural vote has none")
    elif decision.outcome is Outcome.ADOPTED:  # veto holders that let it pass
        council = decision.resolution.council
        for vote, one, many in _NOT_A_VETO:
            holders = [m for m, v in zip(council.members, decision.resolution.ballot)
                       if v is vote and m.code in council.veto]  # fmt: skip
            if holders:
                verb = one if len(holders) == 1 else many
                lines.append(f"{capital(prose_list(holders))} {verb}: not a veto")
    return lines


def explanation(decision: Decision) -> list[str]:
    """What was decided and which rule decided it, as sentences."""
    rules, tally, resolution = decision.rules, decision.tally, decision.resolution
    if resolution.without_vote:
        return ["Adopted without a vote: no member asked for one, so no vote was taken."]
    procedural = resolution.matter is Matter.PROCEDURAL
    quota = rules.quota_for(resolution.matter)
    misread = rules in _MISREAD or rules.procedural_quota is not None
    article = "Article 27(2)" if procedural and not misread else rules.source
    if rules.majority is not Majority.MEMBERS:  # counted against the votes cast
        counted = f"{tally.yes} {_votes(tally.yes)} in favour and {tally.no} against"
        where, lacked = f"where {rules.requirement()} is required", "the votes it needed"
        given = f"{rules.requirement()} required"
    else:
        counted = f"{tally.yes} {_votes(tally.yes)} in favour"
        where, lacked = f"where {quota} are required", f"{number(quota)} votes"
        given = f"{quota} required"
    lines: list[str] = []
    if decision.outcome is Outcome.INSUFFICIENT_VOTES:
        lines.append(f"Not adopted: {counted} {where} ({article}).")
        seats = resolution.council.size
        if quota > seats:
            lines.append(
                f"No draft can pass under these rules: the quota of {quota} is more than "
                f"the council's {seats} seats."
            )
        if decision.permanent_against and not procedural:
            lines.append(
                f"{capital(prose_list(decision.permanent_against))} voted against, which does "
                f"not count as a veto because the draft lacked {lacked}."
            )
    elif decision.outcome is Outcome.VETOED:
        blockers = decision.vetoed_by
        lines.append(
            f"Not adopted: {counted}, {given}, but {prose_list(blockers)}"
            + ("," if len(blockers) == 1 else "")
            + " "
            + _blocking_phrase(resolution, blockers)
            + f" ({rules.source})."
        )
    else:
        lines.append(
            f"Adopted: {counted}, {given}"
            + (
                f", as a procedural matter, on which there is no veto ({article})."
                if procedural
                else f", and no veto ({article})."
            )
        )
        if not procedural:
            lines.extend(_why_not_blocked(decision))
    return lines


def _votes(n: int) -> str:
    return "vote" if n == 1 else "votes"


def _why_not_blocked(decision: Decision) -> list[str]:
    """Sentences on the veto holders who did not vote yes on an adopted draft."""
    council, ballot = decision.resolution.council, decision.resolution.ballot
    lines = []
    if decision.permanent_against:
        lines.append(
            f"{capital(prose_list(decision.permanent_against))} voted against, but under "
            f"these rules a veto takes {number(decision.rules.vetoes_needed)} permanent "
            "members voting no."
        )
    idle = [(council.members[i], ballot[i]) for i in council.veto_index]
    idle = [(member, vote) for member, vote in idle if vote in _IDLE_WORDS]
    if idle:
        plural = 0 if len(idle) == 1 else 1  # "the abstention of", "the abstentions of"
        kinds = sorted({_IDLE_WORDS[vote][plural] for _, vote in idle if vote is not None})
        idle_members = [member for member, _ in idle]
        lines.append(
            f"The {' and '.join(kinds)} of {prose_list(idle_members)} "
            f"{'does' if len(idle) == 1 else 'do'} not count as a veto: in the "
            "Council's practice since 1946 only a permanent member's negative vote "
            "blocks (ICJ, Namibia advisory opinion, 1971, para. 22)."
        )
    return lines


def _blocking_phrase(resolution: Resolution, blockers: tuple[Member, ...]) -> str:
    ballot, members = resolution.ballot, resolution.council.members
    kinds = {ballot[members.index(m)] for m in blockers}
    one = len(blockers) == 1
    if kinds == {Vote.NO}:
        return (
            "a permanent member, voted against: a veto"
            if one
            else "(permanent members) voted against: vetoes"
        )
    return (
        ("a permanent member, " if one else "(permanent members) ")
        + "did not concur, which blocks adoption under the literal reading of "
        '"the concurring votes of the permanent members"'
    )

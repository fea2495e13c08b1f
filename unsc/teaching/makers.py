"""The makers of exercises: each turns one vote, real or hypothetical, into a question the
engine answers.

A maker takes a record, the words that introduce its vote (``label``) and the source to
show; it returns an [`Exercise`][unsc.teaching.exercise.Exercise], or ``None`` when the vote
asks nothing of its kind (no swing voter, a draft already adopted).
[`curated`][unsc.teaching.makers.curated] puts them to the real votes in teaching order:
S/2023/772 and S/2023/773 first, then resolution 83 (1950), S/2014/916 and resolution 2504
(2020), the meeting of 16 October 2023, and the Model UN misconceptions.

Examples:
    >>> from unsc import history
    >>> question = outcome(history.get("S/2023/772"), "The Russian draft", "S/2023/772")
    >>> question.answers
    ('insufficient votes', '3')
"""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Callable

import attrs

from unsc._prose import capital, joined, number, sponsors
from unsc.analysis.paths import path_to_adoption, swing
from unsc.council import Council
from unsc.members import Member, fold, prose_list
from unsc.resolution import Resolution
from unsc.rules import CHARTER_1945, LITERAL_1965, TWO_VETOES, Outcome, Rules
from unsc.teaching.exercise import Exercise, ExerciseKind
from unsc.teaching.misconceptions import MISCONCEPTIONS
from unsc.votes import Matter, Tally, Vote

__all__ = [
    "Maker",
    "agenda_2018",
    "amendments_first",
    "both_ways",
    "competing_drafts",
    "curated",
    "fewest_changes",
    "literal",
    "order_exercise",
    "outcome",
    "pre_1966",
    "swing_voter",
    "two_vetoes",
    "under_rules",
    "veto_or_votes",
]

#: A maker of exercises: ``maker(record, label, source)``, an exercise or ``None``.
Maker = Callable[[Resolution, str, str], "Exercise | None"]

_OUTCOMES = ("adopted", "vetoed", "insufficient votes")

# The model answers to "what was the outcome?", as sentences.
_SAID = {
    "adopted": "It was adopted.",
    "vetoed": "It was not adopted: it was vetoed.",
    "insufficient votes": "It was not adopted: it had too few votes in favour.",
}
_WOULD = {
    "adopted": "It would have been adopted.",
    "vetoed": "It would not have been adopted: it would have been vetoed.",
    "insufficient votes": "It would not have been adopted: too few votes in favour.",
}

_MISCONCEPTION = {m.key: m for m in MISCONCEPTIONS}


# How a ballot's groups read in a question, in this order.
_VOTED = {
    "yes": "in favour",
    "no": "against",
    "abstain": "abstaining",
    "absent": "absent",
    "not participating": "present and not participating",
}


def _describe(record: Resolution, label: str) -> str:
    """The vote in words a student reads: each member by the name the Council knew it by."""
    groups: dict[str, list[str]] = {}
    for member, vote in zip(record.council.members, record.ballot):
        if vote is not None:
            groups.setdefault(vote.value, []).append(member.name)
    votes = "; ".join(
        f"{words} ({len(groups[vote])}): {', '.join(groups[vote])}"
        for vote, words in _VOTED.items()
        if vote in groups
    )
    council = f"the {record.council.year} Council ({record.council.rules.quota} votes needed)"
    matter = " (a procedural matter)" if record.matter.value == "procedural" else ""
    return f"{label}{matter}, on {council}. {capital(votes)}."


def _day(day: datetime.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "a day not on record"


def _real(record: Resolution, subject: str) -> str:
    """A real decision introduced as the record has it: its subject, day and meeting."""
    when = f", {_day(record.date)}" if record.date else ""
    meeting = f" ({record.meeting})" if record.meeting else ""
    return f"{subject}{when}{meeting}"


def _choice(answer: str, choices: tuple[str, ...] = _OUTCOMES) -> tuple[str, ...]:
    return (fold(answer), str(choices.index(answer) + 1))


def outcome(record: Resolution, label: str, source: str) -> Exercise:
    """Predict the outcome."""
    return _outcome_question(record, label, source, None, "outcome", "What was the outcome?")


def _outcome_question(
    record: Resolution, label: str, source: str, rules: Rules | None, topic: str, question: str
) -> Exercise:
    decision = record.decide(rules)
    said = _SAID if rules is None else _WOULD
    return Exercise(
        topic,
        f"{_describe(record, label)} {question}",
        _OUTCOMES,
        _choice(decision.outcome.value),
        decision.explain(),
        source,
        model=said[decision.outcome.value],
    )


def veto_or_votes(record: Resolution, label: str, source: str) -> Exercise:
    """A draft that failed: was it vetoed, or short of votes?"""
    decision = record.decide()
    choices = ("a veto", "a lack of votes")
    answer = "a veto" if decision.outcome is Outcome.VETOED else "a lack of votes"
    model = (
        "A veto: a permanent member voted no on a draft that had the votes."
        if answer == "a veto"
        else "A lack of votes: it had too few votes in favour, so no veto was needed."
    )
    return Exercise(
        "veto-or-votes",
        f"{_describe(record, label)} It was not adopted. Was that a veto or a lack of votes?",
        choices,
        _choice(answer, choices),
        decision.explain(),
        source,
        model=model,
    )


# A vote, as "had X ..." and "instead of ..." say it.
_HAD = {
    Vote.YES: "voted yes",
    Vote.NO: "voted no",
    Vote.ABSTAIN: "abstained",
    Vote.ABSENT: "been absent",
    Vote.NOT_PARTICIPATING: "not participated",
}
_INSTEAD = {
    Vote.YES: "voting yes",
    Vote.NO: "voting no",
    Vote.ABSTAIN: "abstaining",
    Vote.ABSENT: "being absent",
    Vote.NOT_PARTICIPATING: "not participating",
}
_MADE = {
    Outcome.ADOPTED: "it would have been adopted",
    Outcome.VETOED: "it would have been vetoed",
    Outcome.INSUFFICIENT_VOTES: "it would have had too few votes in favour",
}


def swing_voter(record: Resolution, label: str, source: str) -> Exercise | None:
    """Name a member whose single change of vote would change the outcome."""
    found = swing(record)
    if not found:
        return None
    members = sorted({s.member for s in found}, key=_by_name)
    before = record.decide().outcome.value
    # One sentence for the members who could change it the same ways: "Had the United
    # States voted yes, abstained or been absent instead of voting no, it would have been
    # adopted."
    ways: dict[tuple[Member, Vote, Outcome], list[Vote]] = {}
    for s in found:
        ways.setdefault((s.member, s.before, s.outcome), []).append(s.after)
    alike: dict[tuple[Vote, Outcome, tuple[Vote, ...]], list[Member]] = {}
    for (member, vote, made), after in ways.items():
        alike.setdefault((vote, made, tuple(after)), []).append(member)
    said = [
        f"Had {_one_of(who)} {joined([_HAD[v] for v in after], 'or')} instead of "
        f"{_INSTEAD[vote]}, {_MADE[made]}."
        for (vote, made, after), who in alike.items()
    ]
    who = capital(_one_of(members))
    return Exercise(
        "swing",
        f"{_describe(record, label)} The outcome was: {before}. Name one member whose "
        "change of vote alone would have changed it.",
        (),
        tuple(m.code.casefold() for m in members),
        " ".join(said),
        source,
        kind=ExerciseKind.MEMBER,
        model=f"{who}, by changing its vote alone, would have changed the outcome.",
    )


def _by_name(member: Member) -> str:
    return member.name


def _one_of(members: list[Member]) -> str:
    """Members in words: "the United States", or "any one of France and the United States"."""
    return members[0].in_prose if len(members) == 1 else f"any one of {prose_list(members)}"


def fewest_changes(record: Resolution, label: str, source: str) -> Exercise | None:
    """The fewest vote changes that would adopt a failed draft."""
    if record.decide().adopted:
        return None
    path = path_to_adoption(record)
    return Exercise(
        "fewest-changes",
        f"{_describe(record, label)} It was not adopted. What is the fewest number of "
        "members who would have had to change their vote to adopt it?",
        (),
        (str(len(path)),),
        path.explain(),
        source,
        kind=ExerciseKind.NUMBER,
        model=f"{capital(number(len(path)))} {'member' if len(path) == 1 else 'members'}.",
    )


def under_rules(
    record: Resolution, label: str, source: str, rules: Rules, topic: str, what: str
) -> Exercise:
    """The same votes under other rules."""
    question = f"What would the outcome have been {what}?"
    return _outcome_question(record, label, source, rules, topic, question)


def pre_1966(record: Resolution, label: str, source: str) -> Exercise:
    """The same votes under the rules before 1966."""
    what = "under the rules before 1966 (seven votes needed)"
    return under_rules(record, label, source, CHARTER_1945, "pre-1966", what)


def two_vetoes(record: Resolution, label: str, source: str) -> Exercise:
    """The same votes if a veto took two permanent members."""
    what = "if a veto needed two permanent members voting no"
    return under_rules(record, label, source, TWO_VETOES, "reform", what)


def literal(record: Resolution, label: str, source: str) -> Exercise:
    """The same votes under the literal reading of Article 27(3)."""
    what = "if Article 27(3) were read literally (abstention as a veto)"
    return under_rules(record, label, source, LITERAL_1965, "reform", what)


def both_ways(record: Resolution, label: str, source: str, key: str) -> Exercise:
    """A Model UN misconception: decide the same votes by the Charter and by the
    misreading, one answer each (judged part by part)."""
    wrong = _MISCONCEPTION[key]
    right, misread = record.decide(), record.decide(wrong.rules)
    answer = " ".join(str(_OUTCOMES.index(d.outcome.value) + 1) for d in (right, misread))
    said = _SAID[right.outcome.value][3:].rstrip(".")
    would = _WOULD[misread.outcome.value][3:].rstrip(".")
    text = _describe(record, label) if record.counts is None else label
    return Exercise(
        "model-un",
        f'{text} A Model UN chair says: "{wrong.belief}" Decide the vote both ways: first '
        "as the Council decides it, then as the chair would. Answer with two numbers, "
        "e.g. 1, 3.",
        _OUTCOMES,
        (answer,),
        f"{wrong.rule} {right.explain()} Under the chair's rule: {misread.explain()}",
        source,
        kind=ExerciseKind.PARTS,
        model=f"By the Charter it {said}; by the chair's rule it {would}.",
    )


def agenda_2018() -> Exercise:
    """The procedural vote of 19 March 2018 (S/PV.8209): 8 in favour, not enough."""
    record = Resolution(
        "provisional agenda of 19 March 2018",
        council=Council.of_year(2018),
        matter=Matter.PROCEDURAL,
        counts=Tally(8, 4, 3),
        meeting="S/PV.8209",
    )
    label = (
        "On 19 March 2018 the Council voted on its provisional agenda, a procedural "
        "matter, for a briefing on human rights in Syria (S/PV.8209): 8 in favour, 4 "
        "against, 3 abstaining."
    )
    return both_ways(record, label, "S/PV.8209", "mun-procedural-eight")


def order_exercise() -> Exercise:
    """Put the Gaza proposals of October 2023 in their order of voting (rules 32 and 33)."""
    from unsc import history
    from unsc.procedure import OCTOBER_2023

    meeting = OCTOBER_2023[0]
    listed = [item.symbol for item in meeting.items]  # order of submission
    shuffled = listed[:]
    random.Random(1016).shuffle(shuffled)
    voting = [item.symbol for item in meeting.order()]
    answer = " ".join(str(shuffled.index(s) + 1) for s in voting)
    first, amended = history.get("S/2023/772"), history.get("S/2023/773")
    return Exercise(
        "order",
        f"In October 2023 four proposals on Gaza were before the Council, submitted in this "
        f"order: the Russian draft S/2023/772, the Brazilian draft S/2023/773, then two "
        f"Russian amendments to S/2023/773. S/2023/772 was voted on {_day(first.date)} "
        f"({first.meeting}); the amendments and S/2023/773 on {_day(amended.date)} "
        f"({amended.meeting}). In what order were they put to the vote? Answer with the "
        "numbers in order, e.g. 2 1 3 4.",
        tuple(shuffled),
        (answer,),
        "Draft resolutions are voted in the order of their submission (rule 32), and "
        "amendments before the draft they amend (rule 33): S/2023/772 first, then the "
        "amendments to S/2023/773, then S/2023/773 itself.",
        f"{first.meeting}, {amended.meeting}",
        kind=ExerciseKind.ORDER,
        model=f"In this order: {', then '.join(voting)}.",
        records=(first.symbol, amended.symbol),
    )


def competing_drafts(first: Resolution, second: Resolution) -> Exercise:
    """Two drafts on the same question, voted the same day: the outcome of each."""
    decided = [first.decide(), second.decide()]
    answer = " ".join(str(_OUTCOMES.index(d.outcome.value) + 1) for d in decided)
    said = [
        f"{r.symbol} ({_owner(r)}) {_SAID[d.outcome.value][3:].rstrip('.')}"
        for r, d in zip((first, second), decided)
    ]
    meeting = f" ({first.meeting})" if first.meeting else ""
    when = _day(first.date)
    return Exercise(
        "competing-drafts",
        f"On {when}{meeting} the Council voted on two drafts on the same question. "
        f"{_describe(first, f'First, {first.symbol} ({_owner(first)})')} "
        f"{_describe(second, f'Then {second.symbol} ({_owner(second)})')} "
        "What was the outcome of each? Answer with two numbers, e.g. 1, 3.",
        _OUTCOMES,
        (answer,),
        " ".join(d.explain() for d in decided)
        + " Each draft is decided on its own votes: that a competing draft was vetoed or "
        "failed changes nothing for the other (rule 32 orders them by submission).",
        f"{first.symbol}, {second.symbol}",
        kind=ExerciseKind.PARTS,
        model=f"{capital(said[0])}, and {said[1]}.",
        records=(first.symbol, second.symbol),
    )


def _owner(record: Resolution) -> str:
    return f"put forward by {sponsors(record)}" if record.sponsors else "no sponsor on record"


def amendments_first() -> Exercise:
    """The amendments of 18 October 2023, voted before the draft they amended."""
    from unsc import history

    first, second = (
        history.get(f"Russian amendment ({which}) to S/2023/773") for which in ("first", "second")
    )
    vetoed = Outcome.VETOED in (first.recorded, second.recorded)
    answer = "a veto" if vetoed else "a lack of votes"  # as the record has it
    choices = ("a veto", "a lack of votes")
    when = f"On {_day(first.date)} ({first.meeting})"
    return Exercise(
        "amendments",
        f"{when} the Council voted on two Russian amendments to the Brazilian draft "
        "S/2023/773 (on Gaza). Under rule 33 the amendments were voted first. Each failed, "
        "and the United States was the only member to vote against each. Was that a veto or "
        "a lack of votes? (S/2023/773 itself was then voted on, unamended.)",
        choices,
        _choice(answer, choices),
        "An amendment is a substantive decision, so a permanent member's no can veto it, but "
        "only when it has nine votes in favour: with the United States alone against and "
        "the amendments not adopted, each had fewer than nine. A veto would have been "
        "recorded as one. Because both failed, the draft was put to the vote as submitted "
        "(rule 33: amendments first, then the draft as it stands).",
        first.meeting,
        model="A lack of votes: fewer than nine in favour, so the US no was not a veto.",
        records=(first.symbol, second.symbol),
    )


def curated() -> list[Exercise]:
    """Exercises on real votes, in teaching order."""
    from unsc import history

    s772, s773 = history.get("S/2023/772"), history.get("S/2023/773")
    res83, s916, res2504 = (
        history.get("S/RES/83 (1950)"),
        history.get("S/2014/916"),
        history.get("S/RES/2504 (2020)"),
    )
    # What each draft was about; its day and meeting come from the record.
    subject = {
        "S/2023/772": "The Russian draft on Gaza",
        "S/2023/773": "The Brazilian draft on Gaza",
        "S/RES/83 (1950)": "The draft of resolution 83 on Korea",
        "S/2014/916": "The draft on a Palestinian state",
        "S/RES/2504 (2020)": "The draft of resolution 2504 on Syria",
        "S/2000/1171": "The draft on the Palestinian question",
        "S/2022/231": "The Russian draft on humanitarian aid in Ukraine",
        "S/2016/1085": "The draft arms embargo on South Sudan",
        "S/RES/2712 (2023)": "The draft of resolution 2712 on Gaza",
    }

    def ask(maker: Maker, record: Resolution) -> Exercise | None:
        made = maker(record, _real(record, subject[record.symbol]), record.symbol)
        return None if made is None else attrs.evolve(made, records=(record.symbol,))

    found: list[Exercise | None] = [
        ask(outcome, s772),
        ask(veto_or_votes, s772),
        ask(fewest_changes, s772),
        ask(outcome, s773),
        ask(veto_or_votes, s773),
        ask(swing_voter, s773),
        ask(two_vetoes, s773),
        order_exercise(),
        ask(outcome, res83),
        ask(veto_or_votes, s916),
        ask(fewest_changes, s916),
        ask(outcome, res2504),
        ask(literal, res2504),
        ask(pre_1966, s772),
        ask(pre_1966, s916),
        competing_drafts(history.get("S/2023/792"), history.get("S/2023/795")),
        amendments_first(),
    ]
    # The Model UN misconceptions, each on a real vote it would have decided otherwise.
    mun = {
        "S/2000/1171": "mun-simple-majority",
        "S/2014/916": "mun-simple-majority",
        "S/2023/772": "mun-present-and-voting",
        "S/2022/231": "mun-present-and-voting",
        "S/2016/1085": "mun-two-thirds",
        "S/RES/2712 (2023)": "mun-abstention-veto",
    }
    for symbol, key in mun.items():
        found.append(ask(functools.partial(both_ways, key=key), history.get(symbol)))
    found.append(agenda_2018())
    return [e for e in found if e is not None]

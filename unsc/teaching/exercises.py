"""Exercises on Council procedure, each with a checker and an explanation.

Curated exercises come from real votes (S/2023/772 and S/2023/773 first, then resolution
83 (1950), S/2014/916 and resolution 2504 (2020), and the meeting of 16 October 2023);
generated ones put hypothetical votes, drawn from a seed, to a real Council of a real
year, and say so. The engine computes every answer.

Examples:
    >>> from unsc.teaching import exercises
    >>> first = exercises(count=1)[0]
    >>> first.source, first.topic
    ('S/2023/772', 'outcome')
    >>> first.check("insufficient votes").correct
    True
"""

from __future__ import annotations

import datetime
import functools
import itertools
import random
import re
import textwrap
from collections.abc import Callable, Iterator

import attrs

from unsc._args import as_text, as_whole
from unsc._prose import capital as _capital
from unsc._prose import number as _number
from unsc.analysis.paths import path_to_adoption, swing
from unsc.council import Council
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    UnknownPresetError,
    UnknownStateError,
)
from unsc.errors import choice as _named
from unsc.members import Member, fold, prose_list, resolve
from unsc.resolution import Resolution
from unsc.rules import (
    ABSTENTION_VETO,
    CHARTER_1945,
    LITERAL_1965,
    PRESENT_AND_VOTING,
    PROCEDURAL_EIGHT,
    SIMPLE_MAJORITY,
    TWO_THIRDS_VOTING,
    TWO_VETOES,
    Outcome,
    Rules,
)
from unsc.votes import Matter, Tally, Vote

__all__ = [
    "MAX_QUIZ",
    "MAX_SHEET",
    "MISCONCEPTIONS",
    "TOPICS",
    "Check",
    "Exercise",
    "Misconception",
    "available",
    "curated",
    "exercises",
    "generated",
    "iter_exercises",
    "wrap",
]

#: The most exercises made at once, as a list ([`exercises`][unsc.teaching.exercises.exercises],
#: [`generated`][unsc.teaching.exercises.generated], a worksheet): ten thousand take a few
#: seconds to make, and are more than a term of classes asks.
MAX_SHEET = 10_000
#: The most questions [`iter_exercises`][unsc.teaching.exercises.iter_exercises] asks, one at
#: a time: a billion, at one a second a quiz of 31 years.
MAX_QUIZ = 10**9

#: The kinds of exercise.
TOPICS = (
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


@attrs.frozen(repr=False)
class Misconception:
    """A habit Model UN brings into the Council from the General Assembly.

    Attributes:
        key: Its key in [`unsc.rules.MISREADINGS`][unsc.rules.MISREADINGS].
        belief: What the chair or delegate believes, as they would say it.
        rule: The Council's real rule, with its source.
        rules: The misreading as [`Rules`][unsc.rules.Rules], to decide a vote by it.
    """

    key: str
    belief: str
    rule: str
    rules: Rules

    def __repr__(self) -> str:
        return f"<Misconception {self.key}>"


_NINE = "nine votes in favour, however many abstain or are absent"
#: The Model UN misconceptions, each with the real rule and its source (``docs/mun.md``).
MISCONCEPTIONS: tuple[Misconception, ...] = (
    Misconception(
        "mun-simple-majority",
        "A simple majority of the fifteen, eight votes, adopts a resolution.",
        f"A substantive decision needs {_NINE}, and no permanent member voting against "
        "(Article 27(3) of the Charter).",
        SIMPLE_MAJORITY,
    ),
    Misconception(
        "mun-present-and-voting",
        "A resolution passes with a majority of those present and voting: more yes than "
        "no, abstentions not counted.",
        f"The Council counts its members, not those voting: {_NINE} (Article 27(3)). "
        '"Present and voting" is the General Assembly\'s rule (Article 18; rules 85 and 86 '
        "of its rules of procedure).",
        PRESENT_AND_VOTING,
    ),
    Misconception(
        "mun-two-thirds",
        "A substantive resolution needs two-thirds of those present and voting, so every "
        "abstention lowers the bar.",
        f"An abstention never lowers the bar in the Council: {_NINE} (Article 27(3)). "
        "Two-thirds of those present and voting is the General Assembly's majority for "
        "important questions (Article 18(2)).",
        TWO_THIRDS_VOTING,
    ),
    Misconception(
        "mun-abstention-veto",
        "A permanent member that abstains vetoes the draft.",
        "Only a permanent member's vote against blocks. Since 1946 the Council has treated "
        "a permanent member's abstention as no bar to adoption, and the International Court "
        "of Justice confirmed the practice (Namibia advisory opinion, 1971, para. 22).",
        ABSTENTION_VETO,
    ),
    Misconception(
        "mun-procedural-eight",
        "Procedural votes pass with a simple majority of eight.",
        "Procedural decisions need nine votes in favour too, of any members, and there is "
        "no veto on them (Article 27(2)).",
        PROCEDURAL_EIGHT,
    ),
)
_MISCONCEPTION = {m.key: m for m in MISCONCEPTIONS}


@attrs.frozen(repr=False)
class Check:
    """The verdict on one answer.

    Attributes:
        correct: Whether the answer is right.
        expected: The right answer, in words.
        explanation: Why.
    """

    correct: bool
    expected: str
    explanation: str
    model: str = ""
    parts: tuple[bool, ...] = ()

    def __str__(self) -> str:
        if self.correct:
            return f"Correct. {self.explanation}"
        head = "Not quite"
        if self.parts and any(self.parts):
            right = [_ordinal(i) for i, ok in enumerate(self.parts, 1) if ok]
            head += f": {len(right)} of {len(self.parts)} parts right (the {_list(right)})"
        # The model answer as a sentence where there is one, else the answer itself.
        said = self.model or f"The answer is {self.expected}."
        return f"{head}. {said} {self.explanation}"

    def __repr__(self) -> str:
        return f"<Check: {'right' if self.correct else 'wrong'}, the answer is {self.expected!r}>"


@attrs.frozen(repr=False)
class Exercise:
    """A question, the answers that are right, and the explanation.

    Attributes:
        topic: One of [`TOPICS`][unsc.teaching.exercises.TOPICS].
        question: The question, with the vote it is about.
        choices: The options to choose from (empty when the answer is free).
        answers: The right answers, normalised; the first is shown as the answer.
        explanation: Why, citing the rule.
        source: The vote's symbol, or ``"hypothetical (seed N)"``.
        kind: How answers are read: ``"choice"``, ``"member"``, ``"number"``, ``"order"``
            (numbers in order) or ``"parts"`` (one choice per part, e.g. ``"2, 3"``).
        model: The model answer, as a sentence.
        records: The symbols of the real decisions it is built on, as ``unsc.history``
            knows them (empty for hypothetical votes).
    """

    topic: str
    question: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    explanation: str
    source: str
    kind: str = "choice"
    model: str = ""
    records: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"<Exercise {self.topic} on {self.source}>"

    def check(self, response: str) -> Check:
        """Check an answer: the text of a choice or its number, a member's code or name,
        a number, or an order of numbers ("2 1 3").

        Raises:
            InvalidTypeError: For a response that is not text.
        """
        response = as_text(response, "Exercise.check(response)", blank=True)
        given = self._normalise(response)
        expected = self.answers[0]
        if self.kind == "choice":
            expected = self.choices[int(expected) - 1] if expected.isdigit() else expected
        parts: tuple[bool, ...] = ()
        # Judged place by place, part by part, only when the answer is an answer of that
        # shape (an order that is a permutation of the choices, one choice per part): then
        # every part is right exactly when the whole is, and a score never contradicts itself.
        if self.kind in ("order", "parts") and self.unreadable(response) is None:
            want, got = expected.split(), given.split()
            parts = tuple(g == w for g, w in zip(got, want, strict=True))
        if self.kind == "parts":  # shown as the choices' words
            expected = ", ".join(self.choices[int(k) - 1] for k in expected.split())
        return Check(given in self.answers, expected, self.explanation, self.model, parts)

    def unreadable(self, response: str) -> str | None:
        """Why ``response`` cannot be read as an answer to this question (the quiz then
        asks again), or ``None`` when it can, right or wrong.

        Examples:
            >>> question = exercises(count=1)[0]
            >>> question.unreadable("4")
            'Answer with a number from 1 to 3, or the words of a choice'
            >>> question.unreadable("vetoed") is None
            True

        Raises:
            InvalidTypeError: For a response that is not text.
        """
        text = as_text(response, "Exercise.unreadable(response)", blank=True).strip()
        if not text:
            return "Type your answer"
        count = len(self.choices)
        if self.kind == "choice":
            if self._normalise(text) in {fold(c) for c in self.choices}:
                return None
            return f"Answer with a number from 1 to {count}, or the words of a choice"
        if self.kind == "parts":
            want = len(self.answers[0].split())
            picked = self._normalise(text).split()
            if len(picked) == want and all(p.isdigit() and 1 <= int(p) <= count for p in picked):
                return None
            return f"Give {want} answers, each a number from 1 to {count}, e.g. 1, 3"
        if self.kind == "order":
            numbers = text.replace(",", " ").split()
            if sorted(numbers) == sorted(str(i) for i in range(1, count + 1)):
                return None
            example = " ".join(str(i) for i in range(count, 0, -1))
            return f"Give each number from 1 to {count} once, in voting order, e.g. {example}"
        if self.kind == "number" and not text.isdigit():
            return "Answer with a whole number"
        if self.kind == "member":
            try:
                resolve(text)
            except UnknownStateError:
                return f"No member goes by {text!r}: give a code or a name, e.g. USA"
        return None

    def _normalise(self, response: str) -> str:
        if self.kind == "parts":  # each part read as a choice: "2, 3" or "vetoed; adopted"
            pieces = re.split(r"[,;\n]|\band\b|\s+(?=\d)", response)
            picked = [_Choice(self.choices).number(p) for p in pieces if p.strip()]
            return " ".join(picked)
        text = " ".join(response.replace(",", " ").split()).casefold()
        if self.kind == "choice" and text.isdigit() and 1 <= int(text) <= len(self.choices):
            return fold(self.choices[int(text) - 1])
        if self.kind == "choice":
            # "veto" answers "a veto": choices match without their article
            for choice in self.choices:
                bare = fold(choice).removeprefix("a ").removeprefix("an ")
                if fold(text).removeprefix("a ").removeprefix("an ") == bare:
                    return fold(choice)
        if self.kind == "member":
            try:
                return resolve(response.strip()).casefold()
            except UnknownStateError:
                return text
        return fold(text)

    def __str__(self) -> str:
        options = "\n".join(f"  {i}. {c}" for i, c in enumerate(self.choices, 1))
        return self.question + (f"\n{options}" if options else "")

    def text(self, width: int = 80) -> str:
        """The question and its numbered choices, wrapped to ``width`` columns (words are
        never broken).

        Examples:
            >>> print(exercises(count=1)[0].text(width=60))  # doctest: +ELLIPSIS
            The Russian draft on Gaza, 16 October 2023 (S/PV.9439), on
            the 2023 Council (9 votes needed). In favour (5): China,
            ...
              1. adopted
              2. vetoed
              3. insufficient votes

        Raises:
            InvalidFieldError: For a width below 20 columns.
        """
        return wrap(str(self), width)


def wrap(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` columns, line by line: a numbered choice
    ("  2. vetoed") keeps its indent and its number hangs; words are never broken.

    Raises:
        InvalidFieldError: For a width below 20 columns.
        InvalidTypeError: For a width that is not a whole number, or text that is not text.
    """
    text = as_text(text, "wrap(text)", blank=True)
    if isinstance(width, bool) or not isinstance(width, int):
        raise InvalidTypeError("width", width, "give a whole number of columns, e.g. 80")
    if width < 20:
        raise InvalidFieldError("width", width, "give 20 columns or more")
    lines = []
    for line in text.split("\n"):
        numbered = re.match(r"\s*(\d+\.\s+)?", line)
        hang = " " * (numbered.end() if numbered else 0)
        # An answer in numbers ("e.g. 2 1 3 4", "1, 3") is kept on one line.
        kept = _NUMBERS.sub(lambda m: m.group().replace(" ", "\0"), line)
        filled = textwrap.fill(
            kept, width, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
        )
        lines.append(filled.replace("\0", " ") if line.strip() else line)
    return "\n".join(lines)


# Numbers in a row, as an answer in numbers is written: "2 1 3 4", "1, 3".
_NUMBERS = re.compile(r"\b\d+(?:,? \d+)+\b")


@attrs.frozen
class _Choice:
    """Reads one answer among numbered choices: its number, or its words."""

    choices: tuple[str, ...]

    def number(self, text: str) -> str:
        word = fold(" ".join(text.split()))
        if word.isdigit():
            return word
        for i, choice in enumerate(self.choices, 1):
            if word == fold(choice) or word == fold(choice).removeprefix("a "):
                return str(i)
        return word


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


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


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
    return f"{label}{matter}, on {council}. {_capital(votes)}."


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
        f"Had {_one_of(who)} {_or([_HAD[v] for v in after])} instead of "
        f"{_INSTEAD[vote]}, {_MADE[made]}."
        for (vote, made, after), who in alike.items()
    ]
    who = _capital(_one_of(members))
    return Exercise(
        "swing",
        f"{_describe(record, label)} The outcome was: {before}. Name one member whose "
        "change of vote alone would have changed it.",
        (),
        tuple(m.code.casefold() for m in members),
        " ".join(said),
        source,
        kind="member",
        model=f"{who}, by changing its vote alone, would have changed the outcome.",
    )


def _by_name(member: Member) -> str:
    return member.name


def _one_of(members: list[Member]) -> str:
    """ "the United States", or "any one of France and the United States"."""
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
        kind="number",
        model=f"{_capital(_number(len(path)))} {'member' if len(path) == 1 else 'members'}.",
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


Maker = Callable[[Resolution, str, str], "Exercise | None"]


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
        kind="parts",
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
        kind="order",
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
        kind="parts",
        model=f"{_capital(said[0])}, and {said[1]}.",
        records=(first.symbol, second.symbol),
    )


def _owner(record: Resolution) -> str:
    from unsc._prose import sponsors

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


def generated(seed: int, count: int, topics: tuple[str, ...] = TOPICS) -> list[Exercise]:
    """Exercises on hypothetical votes drawn from ``seed``, put to real Councils.

    Args:
        seed: Which votes are drawn.
        count: How many: from 0 to [`MAX_SHEET`][unsc.teaching.exercises.MAX_SHEET].
        topics: The topics drawn from (one topic may be given alone); those without
            generated exercises (``"order"``…) are left out.

    Raises:
        InvalidTypeError: For a seed or count that is not a whole number, or topics not text.
        InvalidFieldError: For a count outside 0 to ``MAX_SHEET``, or topics of which none
            is generated.
        UnknownPresetError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS].
    """
    seed = as_whole(seed, "generated(seed)")
    count = as_whole(count, "generated(count)", low=0, high=MAX_SHEET, limit=_WHY_SHEET)
    chosen = (topics,) if isinstance(topics, str) else topics
    if not isinstance(chosen, (tuple, list)):
        raise InvalidTypeError("generated(topics)", topics, "give topics, e.g. ('swing',)")
    for topic in chosen:
        _named("a topic", topic, TOPICS)
    if not _GENERATED.intersection(chosen):
        raise InvalidFieldError(
            "generated(topics)", topics, f"give one of {', '.join(sorted(_GENERATED))}"
        )
    return list(itertools.islice(_generate(seed, tuple(chosen)), count))


_WHY_SHEET = "a list is made at once: iter_exercises gives more, one at a time"


#: The topics with generated exercises, without end.
_GENERATED = frozenset(
    {"outcome", "veto-or-votes", "swing", "fewest-changes", "pre-1966", "reform", "model-un"}
)


def _generate(seed: int, topics: tuple[str, ...]) -> Iterator[Exercise]:
    """Generated exercises one at a time, for as long as they are asked for (a draw that
    makes no exercise is retried; fifty failed draws in a row end the series)."""
    rnd = random.Random(seed)
    makers: dict[str, Callable[[Resolution, str, str], Exercise | None]] = {
        "outcome": outcome,
        "veto-or-votes": veto_or_votes,
        "swing": swing_voter,
        "fewest-changes": fewest_changes,
        "pre-1966": lambda r, label, src: under_rules(
            r,
            label,
            src,
            CHARTER_1945,
            "pre-1966",
            "under the rules before 1966 (seven votes needed)",
        ),
        "reform": lambda r, label, src: under_rules(
            r, label, src, TWO_VETOES, "reform", "if a veto needed two permanent members voting no"
        ),
        "model-un": lambda r, label, src: _misread(r, label, src, rnd),
    }
    usable = [t for t in topics if t in makers] or ["outcome"]
    made = failed = 0
    while failed < 50:
        topic = rnd.choice(usable)
        council = Council.of_year(rnd.randint(1966, 2026))
        lean = rnd.random()
        ballot = [
            rnd.choices(
                [Vote.YES, Vote.NO, Vote.ABSTAIN],
                weights=[0.4 + lean, 0.15 + (0.3 if m.permanent else 0.1), 0.3],
            )[0]
            for m in council.members
        ]
        # Named as a student reads it ("3 changes would adopt the hypothetical draft").
        record = Resolution("the hypothetical draft", council=council, ballot=tuple(ballot))
        exercise = None
        if topic != "veto-or-votes" or not record.decide().adopted:
            exercise = makers[topic](record, "A hypothetical vote", f"hypothetical (seed {seed})")
        if exercise is None:
            failed += 1
            continue
        made, failed = made + 1, 0
        yield exercise


def _misread(record: Resolution, label: str, source: str, rnd: random.Random) -> Exercise | None:
    """A generated misconception exercise, kept only when the two ways differ."""
    wrong = rnd.choice(MISCONCEPTIONS)
    if wrong.key == "mun-procedural-eight":
        record = attrs.evolve(record, matter=Matter.PROCEDURAL)
    if record.decide().outcome is record.decide(wrong.rules).outcome:
        return None
    return both_ways(record, label, source, wrong.key)


def exercises(
    *, seed: int | None = None, count: int = 10, topic: str | None = None
) -> list[Exercise]:
    """A sheet of ``count`` exercises.

    Without a seed, the curated exercises on real votes in teaching order, then generated
    ones. With a seed, the seed decides which questions and in which order: about half
    drawn from the curated ones, the rest generated from the seed, shuffled together.
    The same seed gives the same sheet; two seeds, two different sheets.

    Args:
        seed: Which questions, and their order.
        count: How many: from 1 to [`available`][unsc.teaching.exercises.available] (``topic``).
        topic: Only exercises of this topic (see [`TOPICS`][unsc.teaching.exercises.TOPICS]).

    Raises:
        UnknownPresetError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS].
        InvalidFieldError: For a count below 1, above what exists or above
            [`MAX_SHEET`][unsc.teaching.exercises.MAX_SHEET].
        InvalidTypeError: For a seed or count that is not a whole number.
    """
    if isinstance(count, int) and count > MAX_SHEET:
        raise InvalidFieldError("count", count, f"give up to {MAX_SHEET:,} ({_WHY_SHEET})")
    return list(iter_exercises(seed=seed, count=count, topic=topic))


def available(topic: str | None = None) -> int | None:
    """How many exercises exist on ``topic``: ``None`` where they are generated without
    end, else the number of curated ones (the order of voting has one).

    Examples:
        >>> available("order"), available("outcome")
        (1, None)
    """
    if topic is not None and topic not in TOPICS:
        raise UnknownPresetError("a topic", topic, TOPICS)
    if topic is None or topic in _GENERATED:
        return None
    return sum(e.topic == topic for e in curated())


def iter_exercises(
    *, seed: int | None = None, count: int = 10, topic: str | None = None
) -> Iterator[Exercise]:
    """[`exercises`][unsc.teaching.exercises.exercises] one at a time, each made when it is asked
    for: a quiz of a hundred thousand questions starts at once and holds one question at a time.

    Raises:
        UnknownPresetError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS]
            (when called, not iterated).
        InvalidFieldError: For a count below 1, above what exists or above
            [`MAX_QUIZ`][unsc.teaching.exercises.MAX_QUIZ].
        InvalidTypeError: For a seed or count that is not a whole number.
    """
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidTypeError("seed", seed, "give a whole number, e.g. 3")
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidTypeError("count", count, "give a whole number of questions, e.g. 10")
    if count > MAX_QUIZ:
        raise InvalidFieldError(
            "count", count, f"give up to {MAX_QUIZ:,} questions (at one a second, 31 years)"
        )
    most = available(topic)
    if count < 1 or (most is not None and count > most):
        if most is None:
            raise InvalidFieldError("count", count, "give 1 question or more")
        exist = "1 question exists" if most == 1 else f"{most} questions exist"
        raise InvalidFieldError("count", count, f"{exist} on {topic!r}: give 1 to {most}")
    return _exercises(seed, count, topic)


def _exercises(seed: int | None, count: int, topic: str | None) -> Iterator[Exercise]:
    pool = [e for e in curated() if topic is None or e.topic == topic]
    topics = (topic,) if topic else TOPICS
    if seed is None:  # the teaching order: real votes first
        chosen = pool[:count]
        yield from chosen
        if len(chosen) < count:
            yield from itertools.islice(_generate(0, topics), count - len(chosen))
        return
    rnd = random.Random(seed)
    generates = topic is None or topic in _GENERATED
    real = min(len(pool), count if not generates else max(1, count // 2))
    picked = iter(rnd.sample(pool, real))
    made = _generate(seed, topics)
    # Each place holds a curated question with the chance that leaves every arrangement
    # equally likely (decided place by place: a sheet of a billion starts at once).
    real_left, left = real, count
    while left:
        is_real = rnd.random() * left < real_left
        real_left, left = real_left - is_real, left - 1
        exercise = next(picked) if is_real else next(made, None)
        if exercise is None:  # the generator ran dry (fifty failed draws)
            return
        yield exercise

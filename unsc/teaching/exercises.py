"""The series of exercises: a sheet or a quiz of them, curated and generated, by seed and topic.

Curated exercises come from real votes ([`curated`][unsc.teaching.makers.curated]);
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

import itertools
import random
from collections.abc import Iterator

import attrs

from unsc._args import as_whole
from unsc.council import Council
from unsc.errors import InvalidFieldError, InvalidTypeError, UnknownChoiceError
from unsc.errors import choice as _named
from unsc.resolution import Resolution
from unsc.rules import CHARTER_1945, TWO_VETOES
from unsc.teaching.exercise import Exercise
from unsc.teaching.makers import (
    Maker,
    both_ways,
    curated,
    fewest_changes,
    outcome,
    swing_voter,
    under_rules,
    veto_or_votes,
)
from unsc.teaching.misconceptions import MISCONCEPTIONS
from unsc.votes import Matter, Vote

__all__ = [
    "MAX_QUIZ",
    "MAX_SHEET",
    "TOPICS",
    "available",
    "exercises",
    "generated",
    "iter_exercises",
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
        UnknownChoiceError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS].
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
    makers: dict[str, Maker] = {
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
        UnknownChoiceError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS].
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
        raise UnknownChoiceError("a topic", topic, TOPICS)
    if topic is None or topic in _GENERATED:
        return None
    return sum(e.topic == topic for e in curated())


def iter_exercises(
    *, seed: int | None = None, count: int = 10, topic: str | None = None
) -> Iterator[Exercise]:
    """[`exercises`][unsc.teaching.exercises.exercises] one at a time, each made when it is asked
    for: a quiz of a hundred thousand questions starts at once and holds one question at a time.

    Raises:
        UnknownChoiceError: For a topic not in [`TOPICS`][unsc.teaching.exercises.TOPICS]
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

"""Exercises and the quiz."""

from __future__ import annotations

import subprocess
import sys

import pytest

from unsc.errors import UnknownPresetError
from unsc.teaching import (
    TOPICS,
    Exercise,
    curated,
    exercises,
    generated,
    iter_exercises,
    run_quiz,
)


def test_curated_order_and_sources() -> None:
    """S/2023/772 and S/2023/773 first, then res. 83 (1950), S/2014/916, res. 2504 (2020)."""
    sources = [e.source for e in curated()]

    assert sources[:7] == ["S/2023/772"] * 3 + ["S/2023/773"] * 4
    for later in ("S/RES/83 (1950)", "S/2014/916", "S/RES/2504 (2020)", "S/PV.9439"):
        assert later in sources
    assert {e.topic for e in curated()} == set(TOPICS)


@pytest.mark.parametrize("exercise", curated(), ids=lambda e: f"{e.source}-{e.topic}")
def test_curated_answers_check(exercise: Exercise) -> None:
    """The first right answer is accepted, a wrong one refused, each with its explanation."""
    right = exercise.check(exercise.answers[0])
    wrong = exercise.check("no such answer")

    assert right.correct
    assert not wrong.correct
    assert exercise.explanation in str(wrong)
    assert f"the answer is {right.expected}" in str(wrong)


def test_answers_by_number_name_or_article() -> None:
    """Choices answer by number or text, with or without their article; members by name."""
    veto = next(e for e in curated() if e.topic == "veto-or-votes" and e.source == "S/2023/772")
    assert veto.check("2").correct
    assert veto.check("lack of votes").correct
    assert not veto.check("veto").correct
    swing = next(e for e in curated() if e.topic == "swing")
    assert swing.check("United States").correct
    assert swing.check("usa").correct
    assert not swing.check("France").correct


def test_order_exercise() -> None:
    """The order of 16 October 2023: the numbers of the shuffled list, in voting order."""
    order = next(e for e in curated() if e.topic == "order")
    expected = [order.choices.index(s) + 1 for s in (
        "S/2023/772", "Russian amendment 1 to S/2023/773", "Russian amendment 2 to S/2023/773",
        "S/2023/773",
    )]  # fmt: skip

    assert order.check(" ".join(map(str, expected))).correct
    assert order.check(",".join(map(str, expected))).correct
    assert not order.check(" ".join(map(str, reversed(expected)))).correct


def test_generated_are_reproducible_and_checked() -> None:
    """The same seed gives the same exercises; every answer is the engine's."""
    first, again = generated(7, 12), generated(7, 12)

    assert first == again
    assert generated(8, 12) != first
    assert len(first) == 12
    for exercise in first:
        assert exercise.source == "hypothetical (seed 7)"
        assert exercise.check(exercise.answers[0]).correct


def test_exercises_by_topic_and_count() -> None:
    """Curated first, then generated, filtered by topic."""
    only = exercises(topic="veto-or-votes", count=6, seed=1)

    assert len(only) == 6
    assert {e.topic for e in only} == {"veto-or-votes"}
    with pytest.raises(UnknownPresetError, match="'poetry' is not a topic"):
        exercises(topic="poetry")


def test_run_quiz_keeps_score_and_stops_at_end_of_input() -> None:
    """Answers from a list; the end of input ends the quiz with the score so far."""
    questions = curated()[:4]
    answers = iter([questions[0].answers[0], "wrong"])
    lines: list[str] = []

    def read(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    score = run_quiz(questions, read, lines.append)

    assert (score.asked, score.right, score.finished) == (2, 1, False)
    assert lines[-1] == "\nScore: 1 of 2 (50%) (stopped after 2 of 4)."


def test_quiz_command_from_stdin() -> None:
    """unsc quiz reads answers from standard input, explains, and sums up."""
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "quiz", "--count", "3"],
        input="3\na lack of votes\n4\n",
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Correct.") == 3
    assert "Score: 3 of 3 (100%)." in run.stdout


def test_quiz_command_ends_cleanly_on_empty_input() -> None:
    """No answers at all: the quiz ends at once with a summary, no traceback."""
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "quiz"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert run.returncode == 0
    assert "No questions answered." in run.stdout
    assert "Traceback" not in run.stderr


def test_exercises_are_made_one_at_a_time() -> None:
    """iter_exercises makes each exercise when asked: the first of a billion comes at
    once, and it is the first of the list exercises() makes."""
    lazy = iter_exercises(seed=5, count=10**9)
    assert next(lazy) == exercises(seed=5, count=1)[0]
    with pytest.raises(UnknownPresetError, match="poetry"):
        iter_exercises(topic="poetry")

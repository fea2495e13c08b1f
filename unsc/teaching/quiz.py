"""The terminal quiz: ask, read the answer, explain, keep score.

It reads answers line by line from any input (a person at a terminal, or a file or pipe,
so tests can drive it). End of input or Ctrl-C ends it cleanly with the score so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized

import attrs

from unsc.errors import InvalidTypeError
from unsc.teaching.exercise import Check, Exercise, wrap

__all__ = ["Answered", "Score", "run_quiz"]


@attrs.frozen(repr=False)
class Answered:
    """One question answered.

    Attributes:
        number: Its place in the quiz, from 1.
        exercise: The question.
        given: The answer given, as typed.
        check: The verdict on it.
    """

    number: int
    exercise: Exercise
    given: str
    check: Check

    def __repr__(self) -> str:
        return f"<Answered {self.number}: {'right' if self.check.correct else 'wrong'}>"

    def to_dict(self) -> dict[str, object]:
        """The answer as plain data, for a teacher to collect (``unsc quiz --format json``)."""
        e, c = self.exercise, self.check
        return {
            "number": self.number,
            "topic": e.topic,
            "source": e.source,
            "question": str(e),
            "given": self.given,
            "correct": c.correct,
            "expected": c.expected,
            "model_answer": c.model,
            "parts_right": list(c.parts),
        }


@attrs.frozen(repr=False)
class Score:
    """How a quiz went.

    Attributes:
        asked: Questions answered.
        right: Answers that were right.
        total: Questions in the quiz.
        finished: Whether every question was answered.
        answers: Each question answered, with the answer and the verdict.
    """

    asked: int
    right: int
    total: int
    finished: bool
    answers: tuple[Answered, ...] = ()

    def __repr__(self) -> str:
        return f"<Score {self.right} of {self.asked}, {self.total} asked for>"

    def to_dict(self) -> dict[str, object]:
        """The score and every answer as plain data (JSON-ready)."""
        return {
            "asked": self.asked,
            "right": self.right,
            "total": self.total,
            "finished": self.finished,
            "answers": [a.to_dict() for a in self.answers],
        }

    def __str__(self) -> str:
        if not self.asked:
            return "No questions answered."
        share = round(100 * self.right / self.asked)
        ended = "" if self.finished else f" (stopped after {self.asked} of {self.total})"
        return f"Score: {self.right} of {self.asked} ({share}%){ended}."


def run_quiz(
    questions: Iterable[Exercise],
    read: Callable[[str], str],
    write: Callable[[str], None],
    *,
    total: int | None = None,
    width: int | None = None,
) -> Score:
    """Ask each question, check each answer, explain, and return the score.

    Args:
        questions: The exercises: a list, or an iterator that makes each when asked
            ([`iter_exercises`][unsc.teaching.exercises.iter_exercises]).
        read: Reads one answer after showing a prompt (like `input`); raises
            ``EOFError`` at the end of input.
        write: Shows a line.
        total: How many questions there are, for "Question 3 of 10" (default: the length
            of ``questions``, which then must have one).
        width: Wrap everything written to this many columns (``unsc quiz`` gives the
            terminal's width); ``None`` writes each paragraph as one line.

    Raises:
        InvalidTypeError: For an iterator without ``total``, or a width that is no number.
        InvalidFieldError: For a width below 20 columns.
    """
    if width is not None:
        wrap("", width)  # a bad width is refused before the first question

    def say(text: str) -> None:
        write(text if width is None else wrap(text, width))

    if total is None:
        if not isinstance(questions, Sized):
            raise InvalidTypeError(
                "run_quiz(total)", total, "give the number of questions for an iterator"
            )
        total = len(questions)
    answered: list[Answered] = []
    try:
        for number, exercise in enumerate(questions, start=1):
            say(f"\nQuestion {number} of {total} ({exercise.topic}, {exercise.source})")
            say(str(exercise))
            answer = read("Your answer: ")
            # an empty line, or one that answers nothing asked, asks again
            while (why := exercise.unreadable(answer)) is not None:
                say(f"{why} (Ctrl-D to stop).")
                answer = read("Your answer: ")
            check = exercise.check(answer)
            answered.append(Answered(number, exercise, answer.strip(), check))
            say(str(check))
    except (EOFError, KeyboardInterrupt):
        write("")
    right = sum(a.check.correct for a in answered)
    score = Score(len(answered), right, total, len(answered) == total, tuple(answered))
    say(f"\n{score}")
    return score

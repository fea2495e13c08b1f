"""The terminal quiz: ask, read the answer, explain, keep score.

It reads answers line by line from any input (a person at a terminal, or a file or pipe,
so tests can drive it). End of input or Ctrl-C ends it cleanly with the score so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized

import attrs

from unsc.errors import InvalidTypeError
from unsc.teaching.exercises import Exercise

__all__ = ["Score", "run_quiz"]


@attrs.frozen
class Score:
    """How a quiz went.

    Attributes:
        asked: Questions answered.
        right: Answers that were right.
        total: Questions in the quiz.
        finished: Whether every question was answered.
    """

    asked: int
    right: int
    total: int
    finished: bool

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
) -> Score:
    """Ask each question, check each answer, explain, and return the score.

    Args:
        questions: The exercises: a list, or an iterator that makes each when asked
            (:func:`~unsc.teaching.iter_exercises`).
        read: Reads one answer after showing a prompt (like :func:`input`); raises
            ``EOFError`` at the end of input.
        write: Shows a line.
        total: How many questions there are, for "Question 3 of 10" (default: the length
            of ``questions``, which then must have one).
    """
    if total is None:
        if not isinstance(questions, Sized):
            raise InvalidTypeError(
                "run_quiz(total)", total, "give the number of questions for an iterator"
            )
        total = len(questions)
    asked = right = 0
    for number, exercise in enumerate(questions, start=1):
        write(f"\nQuestion {number} of {total} ({exercise.topic}, {exercise.source})")
        write(str(exercise))
        try:
            answer = read("Your answer: ")
        except (EOFError, KeyboardInterrupt):
            write("")
            break
        check = exercise.check(answer)
        asked += 1
        right += check.correct
        write(str(check))
    score = Score(asked, right, total, asked == total)
    write(f"\n{score}")
    return score

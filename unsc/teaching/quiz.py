"""The terminal quiz: ask, read the answer, explain, keep score.

It reads answers line by line from any input (a person at a terminal, or a file or pipe,
so tests can drive it). End of input or Ctrl-C ends it cleanly with the score so far.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

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
    questions: Sequence[Exercise],
    read: Callable[[str], str],
    write: Callable[[str], None],
) -> Score:
    """Ask each question, check each answer, explain, and return the score.

    Args:
        questions: The exercises.
        read: Reads one answer after showing a prompt (like :func:`input`); raises
            ``EOFError`` at the end of input.
        write: Shows a line.
    """
    asked = right = 0
    for number, exercise in enumerate(questions, start=1):
        write(f"\nQuestion {number} of {len(questions)} ({exercise.topic}, {exercise.source})")
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
    score = Score(asked, right, len(questions), asked == len(questions))
    write(f"\n{score}")
    return score

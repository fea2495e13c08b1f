"""Teaching council procedure: exercises with checkers, and the terminal quiz.

One idea a module: ``exercise`` the record (an exercise, the verdict on an answer, how
answers are read); ``makers`` exercises from votes, real and hypothetical; ``misconceptions``
the habits Model UN brings from the General Assembly; ``exercises`` the series, by seed and
topic; ``quiz`` and ``sheet`` what a class sees.

Examples:
    >>> from unsc.teaching import exercises
    >>> [e.topic for e in exercises(count=3)]
    ['outcome', 'veto-or-votes', 'fewest-changes']
"""

from unsc.teaching.exercise import Check, Exercise, ExerciseKind, wrap
from unsc.teaching.exercises import (
    TOPICS,
    available,
    exercises,
    generated,
    iter_exercises,
)
from unsc.teaching.makers import curated
from unsc.teaching.quiz import Answered, Score, run_quiz
from unsc.teaching.sheet import worksheet

__all__ = [
    "TOPICS",
    "Answered",
    "Check",
    "Exercise",
    "ExerciseKind",
    "Score",
    "available",
    "curated",
    "exercises",
    "generated",
    "iter_exercises",
    "run_quiz",
    "worksheet",
    "wrap",
]

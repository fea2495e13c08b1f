"""Teaching council procedure: exercises with checkers, and the terminal quiz.

Examples:
    >>> from unsc.teaching import exercises
    >>> [e.topic for e in exercises(count=3)]
    ['outcome', 'veto-or-votes', 'fewest-changes']
"""

from unsc.teaching.exercises import (
    TOPICS,
    Check,
    Exercise,
    available,
    curated,
    exercises,
    generated,
    iter_exercises,
    wrap,
)
from unsc.teaching.quiz import Answered, Score, run_quiz
from unsc.teaching.sheet import worksheet

__all__ = [
    "TOPICS",
    "Answered",
    "Check",
    "Exercise",
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

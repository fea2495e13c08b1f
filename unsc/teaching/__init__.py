"""Teaching council procedure: exercises with checkers, and the terminal quiz.

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

"""Teaching council procedure: exercises with checkers, and the terminal quiz.

>>> from unsc.teaching import exercises
>>> [e.topic for e in exercises(count=3)]
['outcome', 'veto-or-votes', 'fewest-changes']
"""

from unsc.teaching.exercises import (
    TOPICS,
    Check,
    Exercise,
    curated,
    exercises,
    generated,
    iter_exercises,
)
from unsc.teaching.quiz import Score, run_quiz

__all__ = [
    "TOPICS",
    "Check",
    "Exercise",
    "Score",
    "curated",
    "exercises",
    "generated",
    "iter_exercises",
    "run_quiz",
]

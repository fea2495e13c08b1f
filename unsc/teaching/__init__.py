"""Teaching council procedure: exercises with checkers, and the terminal quiz.

>>> from unsc.teaching import exercises
>>> [e.topic for e in exercises(count=3)]
['outcome', 'veto-or-votes', 'fewest-changes']
"""

from unsc.teaching.exercises import TOPICS, Check, Exercise, curated, exercises, generated
from unsc.teaching.quiz import Score, run_quiz

__all__ = ["TOPICS", "Check", "Exercise", "Score", "curated", "exercises", "generated", "run_quiz"]

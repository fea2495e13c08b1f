"""An exercise: the question, the answers that are right, and the reading of an answer.

The record every exercise is, whoever made it ([`unsc.teaching.makers`][unsc.teaching.makers]
from real and hypothetical votes), and [`wrap`][unsc.teaching.exercise.wrap], which fills its
text to a terminal's width.

Examples:
    >>> question = Exercise(
    ...     "outcome", "Was S/2023/772 adopted?", ("yes", "no"), ("no", "2"), "Five in favour.",
    ...     "S/2023/772", kind="choice")
    >>> question.kind
    <ExerciseKind.CHOICE: 'choice'>
    >>> question.check("2").correct, question.check("yes").correct
    (True, False)
"""

from __future__ import annotations

import re
import textwrap

import attrs

from unsc._args import as_text
from unsc._prose import joined
from unsc._vocabulary import Vocabulary
from unsc.errors import InvalidFieldError, InvalidTypeError, UnknownStateError
from unsc.members import fold, resolve

__all__ = ["Check", "Exercise", "ExerciseKind", "wrap"]


class ExerciseKind(Vocabulary):
    """How an exercise reads its answers.

    Examples:
        >>> ExerciseKind.parse("order"), ExerciseKind("member")
        (<ExerciseKind.ORDER: 'order'>, <ExerciseKind.MEMBER: 'member'>)
    """

    CHOICE = "choice"
    """One of the choices: its number or its words."""
    MEMBER = "member"
    """A member of the Council: its code or its name."""
    NUMBER = "number"
    """A whole number."""
    ORDER = "order"
    """The choices' numbers in order, e.g. ``"2 1 3"``."""
    PARTS = "parts"
    """One choice for each part, e.g. ``"2, 3"``."""

    @classmethod
    def noun(cls) -> str:
        """What a value of this vocabulary is called in messages."""
        return "a kind of exercise"


#: The kinds' values, as ``parse`` names them when it refuses one.
_KINDS = tuple(kind.value for kind in ExerciseKind)


def _kind(value: ExerciseKind | str) -> ExerciseKind:
    # A named function: mypy's attrs plugin reads a converter's type only from one.
    return ExerciseKind.parse(value)


@attrs.frozen(repr=False)
class Check:
    """The verdict on one answer.

    Attributes:
        correct: Whether the answer is right.
        expected: The right answer, in words.
        explanation: Why.
    """

    correct: bool
    expected: str
    explanation: str
    model: str = ""
    parts: tuple[bool, ...] = ()

    def __str__(self) -> str:
        if self.correct:
            return f"Correct. {self.explanation}"
        head = "Not quite"
        if self.parts and any(self.parts):
            right = [_ordinal(i) for i, ok in enumerate(self.parts, 1) if ok]
            head += f": {len(right)} of {len(self.parts)} parts right (the {joined(right)})"
        # The model answer as a sentence where there is one, else the answer itself.
        said = self.model or f"The answer is {self.expected}."
        return f"{head}. {said} {self.explanation}"

    def __repr__(self) -> str:
        return f"<Check: {'right' if self.correct else 'wrong'}, the answer is {self.expected!r}>"


@attrs.frozen(repr=False)
class Exercise:
    """A question, the answers that are right, and the explanation.

    Attributes:
        topic: One of [`TOPICS`][unsc.teaching.exercises.TOPICS].
        question: The question, with the vote it is about.
        choices: The options to choose from (empty when the answer is free).
        answers: The right answers, normalised; the first is shown as the answer.
        explanation: Why, citing the rule.
        source: The vote's symbol, or ``"hypothetical (seed N)"``.
        kind: How answers are read, an [`ExerciseKind`][unsc.teaching.exercise.ExerciseKind]
            (given as one or its value): ``"choice"``, ``"member"``, ``"number"``,
            ``"order"`` (numbers in order) or ``"parts"`` (one choice per part, e.g. ``"2, 3"``).
        model: The model answer, as a sentence.
        records: The symbols of the real decisions it is built on, as ``unsc.history``
            knows them (empty for hypothetical votes).
    """

    topic: str
    question: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    explanation: str
    source: str
    kind: ExerciseKind = attrs.field(default=ExerciseKind.CHOICE, converter=_kind)
    model: str = ""
    records: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"<Exercise {self.topic} on {self.source}>"

    def check(self, response: str) -> Check:
        """Check an answer: the text of a choice or its number, a member's code or name,
        a number, or an order of numbers ("2 1 3").

        Raises:
            InvalidTypeError: For a response that is not text.
        """
        response = as_text(response, "Exercise.check(response)", blank=True)
        given = self._normalise(response)
        expected = self.answers[0]
        if self.kind is ExerciseKind.CHOICE:
            expected = self.choices[int(expected) - 1] if expected.isdigit() else expected
        parts: tuple[bool, ...] = ()
        # Judged place by place, part by part, only when the answer is an answer of that
        # shape (an order that is a permutation of the choices, one choice per part): then
        # every part is right exactly when the whole is, and a score never contradicts itself.
        if (
            self.kind in (ExerciseKind.ORDER, ExerciseKind.PARTS)
            and self.unreadable(response) is None
        ):
            want, got = expected.split(), given.split()
            parts = tuple(g == w for g, w in zip(got, want, strict=True))
        if self.kind is ExerciseKind.PARTS:  # shown as the choices' words
            expected = ", ".join(self.choices[int(k) - 1] for k in expected.split())
        return Check(given in self.answers, expected, self.explanation, self.model, parts)

    def unreadable(self, response: str) -> str | None:
        """Why ``response`` cannot be read as an answer to this question (the quiz then
        asks again), or ``None`` when it can, right or wrong.

        Examples:
            >>> from unsc.teaching import exercises
            >>> question = exercises(count=1)[0]
            >>> question.unreadable("4")
            'Answer with a number from 1 to 3, or the words of a choice'
            >>> question.unreadable("vetoed") is None
            True

        Raises:
            InvalidTypeError: For a response that is not text.
        """
        text = as_text(response, "Exercise.unreadable(response)", blank=True).strip()
        if not text:
            return "Type your answer"
        count = len(self.choices)
        if self.kind is ExerciseKind.CHOICE:
            if self._normalise(text) in {fold(c) for c in self.choices}:
                return None
            return f"Answer with a number from 1 to {count}, or the words of a choice"
        if self.kind is ExerciseKind.PARTS:
            want = len(self.answers[0].split())
            picked = self._normalise(text).split()
            if len(picked) == want and all(p.isdigit() and 1 <= int(p) <= count for p in picked):
                return None
            return f"Give {want} answers, each a number from 1 to {count}, e.g. 1, 3"
        if self.kind is ExerciseKind.ORDER:
            numbers = text.replace(",", " ").split()
            if sorted(numbers) == sorted(str(i) for i in range(1, count + 1)):
                return None
            example = " ".join(str(i) for i in range(count, 0, -1))
            return f"Give each number from 1 to {count} once, in voting order, e.g. {example}"
        if self.kind is ExerciseKind.NUMBER and not text.isdigit():
            return "Answer with a whole number"
        if self.kind is ExerciseKind.MEMBER:
            try:
                resolve(text)
            except UnknownStateError:
                return f"No member goes by {text!r}: give a code or a name, e.g. USA"
        return None

    def _normalise(self, response: str) -> str:
        if (
            self.kind is ExerciseKind.PARTS
        ):  # each part read as a choice: "2, 3" or "vetoed; adopted"
            pieces = re.split(r"[,;\n]|\band\b|\s+(?=\d)", response)
            picked = [_Choice(self.choices).number(p) for p in pieces if p.strip()]
            return " ".join(picked)
        text = " ".join(response.replace(",", " ").split()).casefold()
        if (
            self.kind is ExerciseKind.CHOICE
            and text.isdigit()
            and 1 <= int(text) <= len(self.choices)
        ):
            return fold(self.choices[int(text) - 1])
        if self.kind is ExerciseKind.CHOICE:
            # "veto" answers "a veto": choices match without their article
            for choice in self.choices:
                bare = fold(choice).removeprefix("a ").removeprefix("an ")
                if fold(text).removeprefix("a ").removeprefix("an ") == bare:
                    return fold(choice)
        if self.kind is ExerciseKind.MEMBER:
            try:
                return resolve(response.strip()).casefold()
            except UnknownStateError:
                return text
        return fold(text)

    def __str__(self) -> str:
        options = "\n".join(f"  {i}. {c}" for i, c in enumerate(self.choices, 1))
        return self.question + (f"\n{options}" if options else "")

    def text(self, width: int = 80) -> str:
        """The question and its numbered choices, wrapped to ``width`` columns (words are
        never broken).

        Examples:
            >>> from unsc.teaching import exercises
            >>> print(exercises(count=1)[0].text(width=60))  # doctest: +ELLIPSIS
            The Russian draft on Gaza, 16 October 2023 (S/PV.9439), on
            the 2023 Council (9 votes needed). In favour (5): China,
            ...
              1. adopted
              2. vetoed
              3. insufficient votes

        Raises:
            InvalidFieldError: For a width below 20 columns.
        """
        return wrap(str(self), width)


def wrap(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` columns, line by line: a numbered choice
    ("  2. vetoed") keeps its indent and its number hangs; words are never broken.

    Raises:
        InvalidFieldError: For a width below 20 columns.
        InvalidTypeError: For a width that is not a whole number, or text that is not text.
    """
    text = as_text(text, "wrap(text)", blank=True)
    if isinstance(width, bool) or not isinstance(width, int):
        raise InvalidTypeError("width", width, "give a whole number of columns, e.g. 80")
    if width < 20:
        raise InvalidFieldError("width", width, "give 20 columns or more")
    lines = []
    for line in text.split("\n"):
        numbered = re.match(r"\s*(\d+\.\s+)?", line)
        hang = " " * (numbered.end() if numbered else 0)
        # An answer in numbers ("e.g. 2 1 3 4", "1, 3") is kept on one line.
        kept = _NUMBERS.sub(lambda m: m.group().replace(" ", "\0"), line)
        filled = textwrap.fill(
            kept, width, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
        )
        lines.append(filled.replace("\0", " ") if line.strip() else line)
    return "\n".join(lines)


# Numbers in a row, as an answer in numbers is written: "2 1 3 4", "1, 3".
_NUMBERS = re.compile(r"\b\d+(?:,? \d+)+\b")


@attrs.frozen
class _Choice:
    """Reads one answer among numbered choices: its number, or its words."""

    choices: tuple[str, ...]

    def number(self, text: str) -> str:
        word = fold(" ".join(text.split()))
        if word.isdigit():
            return word
        for i, choice in enumerate(self.choices, 1):
            if word == fold(choice) or word == fold(choice).removeprefix("a "):
                return str(i)
        return word


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")

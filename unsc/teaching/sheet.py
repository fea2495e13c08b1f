"""A worksheet and its answer key, as one HTML page that prints on A4 and Letter alike.

Examples:
    >>> from unsc.teaching import exercises, worksheet
    >>> page = worksheet(exercises(seed=3, count=4), seed=3)
    >>> page.count('class="question"'), page.count('class="answer"')
    (4, 4)
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from unsc.errors import InvalidFieldError, InvalidTypeError
from unsc.teaching.exercise import Exercise
from unsc.teaching.exercises import MAX_SHEET

__all__ = ["worksheet"]

# Printing: no page size is set, so the printer's paper is used; the text is no wider
# than 180 mm and the margins 15 mm, which fits A4 (210 x 297 mm) and Letter (216 x 279
# mm). A question never breaks across pages; the key starts on a page of its own.
_STYLE = """
@page { margin: 15mm; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.4;
       max-width: 180mm; margin: 0 auto; color: #000; }
h1 { font-size: 16pt; margin-bottom: 2mm; }
h2 { font-size: 13pt; }
.who { margin-bottom: 6mm; }
.question, .answer { break-inside: avoid; page-break-inside: avoid; margin-bottom: 5mm; }
.question ol { margin: 1mm 0; }
.lines { border-bottom: 1px solid #000; height: 8mm; }
.key { break-before: page; page-break-before: always; }
.source { color: #444; font-size: 9pt; }
"""


def worksheet(questions: Iterable[Exercise], *, seed: int | None = None) -> str:
    """An HTML worksheet of ``questions`` and, on a new page, its answer key.

    Args:
        questions: The exercises, in the order of the sheet.
        seed: The seed that chose them, printed on the sheet so that it can be made again.

    Raises:
        InvalidTypeError: For questions that are not exercises, or a seed that is no
            whole number.
        InvalidFieldError: For more than [`MAX_SHEET`][unsc.teaching.exercises.MAX_SHEET]
            questions.
    """
    if isinstance(questions, (str, bytes)) or not isinstance(questions, Iterable):
        raise InvalidTypeError("worksheet(questions)", questions, "give a list of exercises")
    items: list[Exercise] = []
    for item in questions:  # one by one: junk or too many refused before the rest is read
        if not isinstance(item, Exercise):
            raise InvalidTypeError(
                "worksheet(questions)", item, "give exercises, e.g. teaching.exercises(seed=3)"
            )
        if len(items) == MAX_SHEET:
            raise InvalidFieldError(
                "worksheet(questions)", questions, f"give up to {MAX_SHEET:,} exercises a sheet"
            )
        items.append(item)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidTypeError("worksheet(seed)", seed, "give the whole number that chose them")
    made = "" if seed is None else f" (seed {seed})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Security Council procedure: worksheet{escape(made)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Security Council procedure: worksheet{escape(made)}</h1>",
        '<p class="who">Name: ______________________ &nbsp; Date: ____________</p>',
    ]
    for number, exercise in enumerate(items, 1):
        parts.append('<div class="question">')
        parts.append(f"<p><strong>{number}.</strong> {escape(exercise.question)}</p>")
        if exercise.choices:
            options = "".join(f"<li>{escape(choice)}</li>" for choice in exercise.choices)
            parts.append(f"<ol>{options}</ol>")
        parts.append('<div class="lines"></div>')
        parts.append(f'<p class="source">Source: {escape(exercise.source)}</p></div>')
    parts.append(f'<section class="key"><h2>Answer key{escape(made)}</h2>')
    for number, exercise in enumerate(items, 1):
        check = exercise.check(exercise.answers[0])
        model = f" {escape(exercise.model)}" if exercise.model else ""
        parts.append(
            f'<div class="answer"><p><strong>{number}.</strong> '
            f"<em>{escape(check.expected)}</em>.{model}</p>"
            f"<p>{escape(exercise.explanation)}</p></div>"
        )
    parts.append("</section></body></html>")
    return "\n".join(parts) + "\n"

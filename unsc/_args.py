"""The one reader of arguments: years, dates, whole numbers within limits, flags, text,
choices, probabilities and positions, each refused in words when it is not one.

Every public function reads its arguments through these, so that a wrong type is an
`InvalidTypeError` (also a ``TypeError``) and a value out of range an `InvalidFieldError`
or `TooLargeError` (also ``ValueError``) naming the argument and what is valid, and so that
no count beyond what can exist reaches a loop. Depends on `unsc.errors` only.
"""

from __future__ import annotations

import datetime
import math
import operator
from fractions import Fraction

from unsc.errors import (
    InvalidDateError,
    InvalidFieldError,
    InvalidTypeError,
    NoSuchPositionError,
    choice,
)

__all__ = [
    "as_date",
    "as_digits",
    "as_flag",
    "as_position",
    "as_probability",
    "as_text",
    "as_whole",
    "as_year",
    "as_years",
    "choice",
    "table_format",
]

#: The years there can be a Council to speak of: the Charter (1945) to a far future.
FIRST_YEAR = 1945
LAST_YEAR = 9999


def _index(value: object, what: str, valid: str) -> int:
    """``value`` as an ``int`` if it is a whole number (``True`` and ``False`` are not, nor
    is a float or text); else an `InvalidTypeError` saying ``valid``."""
    if isinstance(value, bool):
        raise InvalidTypeError(what, value, valid)
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise InvalidTypeError(what, value, valid) from None


def as_whole(
    value: object,
    what: str,
    *,
    low: int | None = None,
    high: int | None = None,
    limit: str = "",
) -> int:
    """``value`` as a whole number from ``low`` to ``high`` (either bound optional).

    A count beyond what can exist is refused before any work, naming the limit (``limit``
    says why it is there).

    Raises:
        InvalidTypeError: For ``True``/``False``, a float, text or anything not a whole number.
        InvalidFieldError: Below ``low`` or above ``high``.
    """
    number = _index(value, what, "give a whole number")
    outside = (low is not None and number < low) or (high is not None and number > high)
    if outside:
        if high is None:
            span = f"{low} or more"
        else:
            span = f"up to {high:,}" if low is None else f"from {low} to {high:,}"
        raise InvalidFieldError(
            what, number, f"give a whole number {span}" + (f" ({limit})" if limit else "")
        )
    return number


def as_year(value: object, what: str = "year") -> int:
    """``value`` as a year (a whole number), or a precise error.

    Raises:
        InvalidTypeError: For a string, a float, ``None``, ``True`` or anything not a whole
            number.
    """
    return _index(value, what, "give a year as a whole number, such as 2023")


def as_years(value: object, what: str = "years") -> tuple[int, int]:
    """``value`` as a range of years, both included: ``(2000, 2025)`` (a list or a range
    too), or a precise error.

    Raises:
        InvalidTypeError: For anything but two whole-number years.
        InvalidFieldError: For a first year after the last.
    """
    if not isinstance(value, (tuple, list, range)) or len(value) < 2:
        raise InvalidTypeError(what, value, "give (first, last): (2000, 2025)")
    first, last = as_year(value[0], what), as_year(value[-1], what)
    if first > last:
        raise InvalidFieldError(what, value, "the first year comes first")
    return first, last


def as_date(value: object, what: str = "date") -> datetime.date:
    """``value`` as a day: a ``datetime.date``, a datetime (its day) or ``"YYYY-MM-DD"``.

    Raises:
        InvalidDateError: For a string that is not a real day in that form.
        InvalidTypeError: For anything else.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidDateError(
                value, "give a real day as YYYY-MM-DD, such as '2023-10-16'"
            ) from None
    raise InvalidTypeError(what, value, "give a datetime.date or a 'YYYY-MM-DD' string")


def as_flag(value: object, what: str) -> bool:
    """``value`` if it is ``True`` or ``False``.

    Raises:
        InvalidTypeError: For anything else (``1``, ``"yes"``, ``None``).
    """
    if not isinstance(value, bool):
        raise InvalidTypeError(what, value, "give True or False")
    return value


def as_text(value: object, what: str, *, blank: bool = False) -> str:
    """``value`` if it is text; text of spaces only is refused unless ``blank``.

    Raises:
        InvalidTypeError: For anything that is not a ``str``.
        InvalidFieldError: For empty or blank text, unless ``blank``.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(what, value, "give text")
    if not blank and not value.strip():
        raise InvalidFieldError(what, value, "give some text, not only spaces")
    return value


def as_probability(value: object, what: str) -> Fraction:
    """``value`` as a probability from 0 to 1, exactly (floats become their exact Fraction).

    Raises:
        InvalidTypeError: For anything that is not a real number.
        InvalidFieldError: For NaN, an infinity, or a number outside 0–1.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise InvalidTypeError(what, value, "give a number from 0 to 1")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidFieldError(what, value, "give a number from 0 to 1")
    exact = Fraction(value)
    if not 0 <= exact <= 1:
        raise InvalidFieldError(what, value, "give a number from 0 to 1")
    return exact


def as_position(value: object, size: int, what: str) -> int:
    """``value`` as a position in a listing of ``size`` entries, negatives from the end.

    Raises:
        InvalidTypeError: For anything that is not a whole number.
        NoSuchPositionError: Outside the listing (also an ``IndexError``).
    """
    position = _index(value, what, "give a position as a whole number")
    if not -size <= position < size:
        raise NoSuchPositionError(what, position, size)
    return position % size


def as_digits(value: object, what: str = "digits") -> int:
    """``value`` as the decimal places a table prints a float with: 0 to 17, as many as a
    float carries.

    Raises:
        InvalidTypeError: For anything that is not a whole number.
        InvalidFieldError: Outside 0 to 17.
    """
    return as_whole(value, what, low=0, high=17, limit="a float carries no more digits")


def table_format(fmt: object, what: str = "fmt") -> str:
    """``fmt`` if it is a table format tabulate knows (``"simple"``, ``"github"``…).

    Raises:
        InvalidTypeError: For anything that is not text.
        UnknownChoiceError: For text that names no format.
    """
    from tabulate import tabulate_formats  # read when a table is made

    return choice(what, fmt, tabulate_formats)

"""Helpers the analyses of the record share, not for users: a member named as the code
it is counted under, the note a caption carries on what the record holds, and what the
agreement's table and pictures say of each measure."""

from __future__ import annotations

from fractions import Fraction

from unsc.members import code_of, counted_as

__all__ = ["MEASURE_FORMULAS", "member_code", "record_note", "value_or_gap"]


def member_code(name: object, where: str) -> str:
    """A member named by code, name or alias (or a `Member`), as the code it is counted
    under across its codes (`unsc.members.counted_as`).

    Raises:
        InvalidTypeError: For anything that is neither a Member nor text.
        UnknownStateError: For a name no state unsc knows goes by, with suggestions.
    """
    return counted_as(code_of(name, where))


def record_note(first: int | None, last: int | None) -> str:
    """What the bundled record says of the years ``first`` to ``last``: declared gaps,
    where it ends, its sources (loaded only when a caption asks)."""
    if first is None or last is None:
        return ""
    from unsc.history import extent

    return extent().note(first, last)


#: Each measure in a few words, for the scale of a picture.
MEASURE_FORMULAS = {
    "identical": "share of identical votes",
    "coincidence": "State Department, votes only",
    "lijphart": "Lijphart, a partial agreement half",
    "kappa": "Cohen's kappa over yes, no, abstain",
}


def value_or_gap(value: Fraction | None) -> float:
    """A value for a picture: a float, or NaN (drawn as a gap) for no common vote."""
    return float("nan") if value is None else float(value)

"""Closed vocabularies: Enums read from their members, values, names or other spellings,
in any case, and refused in words.

Every Enum of unsc that a user may name by text (a vote, an outcome, a measure, an index,
a counting convention…) derives from [`Vocabulary`][unsc._vocabulary.Vocabulary], which
gives it ``parse`` and makes ``Kind("text")`` read as ``parse`` does, so that a value
unsc does not know is an [`UnknownChoiceError`][unsc.errors.UnknownChoiceError] naming the
valid ones, never a bare ``ValueError``. A vocabulary says what it is called
(``noun``) and, where it takes more than its values and names, which other spellings
(``spellings``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, TypeVar

from unsc.errors import InvalidTypeError, UnknownChoiceError, UNSCError

__all__ = ["AnyChoice", "Vocabulary", "key"]

V = TypeVar("V", bound="Vocabulary")

# Each vocabulary's spellings, folded, to its members: built once, when first read.
_READ: dict[type, dict[str, Any]] = {}


def key(text: str) -> str:
    """``text`` as vocabularies compare it: lower case, with ``_`` and ``-`` read as spaces
    and runs of spaces as one ("Not_participating" and "not-participating" alike)."""
    return " ".join(text.replace("_", " ").replace("-", " ").split()).lower()


class Vocabulary(enum.Enum):
    """An Enum whose members a user may name by text."""

    @classmethod
    def noun(cls) -> str:
        """What one member is called in an error message ("an outcome")."""
        return f"a {cls.__name__.lower()}"

    @classmethod
    def spellings(cls, member: Any) -> Iterable[str]:
        """The texts that name ``member``: by default its value and its name."""
        return (member.value, member.name)

    @classmethod
    def refusal(cls, value: object) -> UNSCError:
        """The error for ``value``, which names no member."""
        valid = [str(m.value) for m in cls]
        if not isinstance(value, str):
            return InvalidTypeError(cls.noun(), value, f"use one of: {', '.join(valid)}")
        return UnknownChoiceError(cls.noun(), value, valid)

    @classmethod
    def parse(cls: type[V], value: object) -> V:
        """Read a member from itself or from any text that names it, in any case.

        Raises:
            UnknownChoiceError: For text that names no member, naming the valid values
                (some vocabularies raise a narrower subclass of ``UNSCError``).
            InvalidTypeError: For anything that is not text.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            read = _READ.get(cls)
            if read is None:
                read = _READ[cls] = {
                    key(text): member for member in cls for text in cls.spellings(member)
                }
            found = read.get(key(value))
            if found is not None:
                return found  # type: ignore[no-any-return]
        raise cls.refusal(value)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # Kind("text") reads as parse() does: refused in words, not a bare ValueError.
        return cls.parse(value)


class AnyChoice(Vocabulary):
    """A vocabulary that refuses whatever it cannot read, text or not, as an unknown choice
    naming its values (where other vocabularies refuse what is not text as a wrong type):
    the agreement measures and the learned priors, which refused so before they were Enums."""

    @classmethod
    def refusal(cls, value: object) -> UNSCError:
        return UnknownChoiceError(cls.noun(), value, [str(m.value) for m in cls])

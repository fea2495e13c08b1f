"""Close matches for error messages: difflib is imported only when an error needs it."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def close_matches(
    word: str,
    options: Iterable[str],
    key: Callable[[str], str] = str.casefold,
    limit: int = 3,
    cutoff: float = 0.6,
) -> list[str]:
    """The options closest to ``word`` (compared through ``key``), best first."""
    import difflib

    by_key: dict[str, str] = {}
    for option in options:
        by_key.setdefault(key(option), option)
    found = difflib.get_close_matches(key(word), list(by_key), n=limit, cutoff=cutoff)
    return [by_key[k] for k in found]

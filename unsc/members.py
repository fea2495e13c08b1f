"""States that sit on the Council, and how to name them.

A [`Member`][unsc.members.Member] is one seat-holder: its ISO 3166-1 alpha-3 code (the codes the
UN's own voting data uses, including those of former states such as ``SUN`` for
the USSR), its English short name, whether its seat is permanent, and its UN
regional group.

[`resolve`][unsc.members.resolve] turns whatever a person types into a code. It accepts codes,
names and common aliases, in any case and with or without accents:
``"USA"``, ``"United States"``, ``"US"``, ``"UK"``, ``"Russia"``,
``"cote d'ivoire"`` all work.

Examples:
    >>> from unsc.members import find, resolve, state_name
    >>> resolve("UK"), resolve("russia"), resolve("Cote d'Ivoire")
    ('GBR', 'RUS', 'CIV')
    >>> find("Freedonia") is None
    True
    >>> state_name("SUN")
    'USSR'

[`find`][unsc.members.find] is the quiet lookup (``None`` for a name it does not know), for tests
of membership and for parsers; [`resolve`][unsc.members.resolve] raises, with suggestions, when the
name is really wrong. Close matches are computed only then.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Iterable

import attrs

from unsc import data
from unsc._args import as_date, as_text, as_whole
from unsc.errors import InvalidFieldError, InvalidTypeError, UnknownStateError

__all__ = [
    "GROUPS",
    "PERMANENT",
    "Member",
    "code_of",
    "code_on",
    "counted_as",
    "dated_names",
    "find",
    "fold",
    "name_on",
    "names_of",
    "prose_list",
    "resolve",
    "same_state",
    "seat_changes",
    "split_names",
    "state_aliases",
    "state_group",
    "state_name",
    "suggest",
]

#: The UN's regional groups, by the abbreviations unsc uses.
GROUPS: dict[str, str] = {
    "AFR": "African States",
    "APG": "Asia-Pacific States",
    "EEG": "Eastern European States",
    "GRULAC": "Latin American and Caribbean States",
    "WEOG": "Western European and other States",
}


#: The permanent members under their codes of today, in the English order of their names.
PERMANENT: tuple[str, ...] = ("CHN", "FRA", "RUS", "GBR", "USA")


@functools.lru_cache(maxsize=8192)  # the same topics, titles and names are folded again and again
def fold(text: str) -> str:
    """Fold ``text`` for matching: case-insensitive, accents and outer spaces ignored.

    Examples:
        >>> fold("  Côte d'Ivoire ")
        "cote d'ivoire"
    """
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks
        return text.strip().casefold()
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@attrs.frozen
class _State:
    code: str
    name: str
    aliases: tuple[str, ...]
    group: str | None


@functools.cache
def _states() -> tuple[dict[str, _State], dict[str, str]]:
    """Load the bundled table of states once: by code, and a folded-name index.

    The index holds every code, short name and alias, and every former name in
    ``names.csv`` ("Ceylon", "Upper Volta"), so that a state is found by any name it bore.
    """
    by_code: dict[str, _State] = {}
    index: dict[str, str] = {}
    text = data.read_text("states.csv")
    for row in csv.DictReader(io.StringIO(text)):
        state = _State(
            code=row["code"],
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split(";") if a),
            group=row["group"] or None,
        )
        by_code[state.code] = state
        for key in (state.code, state.name, *state.aliases):
            index[fold(key)] = state.code
    for code, spans in dated_names().items():
        for _, _, name in spans:
            index.setdefault(fold(name), code)
    return by_code, index


def find(name: object) -> str | None:
    """The code of the state called ``name``, or ``None`` if unsc knows no such state.

    The quiet twin of [`resolve`][unsc.members.resolve]: it never raises and never computes
    suggestions, so it is cheap enough for membership tests and for splitting strings of names.

    Examples:
        >>> find("united states"), find("Zaire"), find("nowhere")
        ('USA', 'ZAR', None)
    """
    if not isinstance(name, str):
        return None
    by_code, index = _states()
    if name in by_code:
        return name
    return index.get(fold(name))


def resolve(name: str) -> str:
    """Return the ISO 3166-1 alpha-3 code of the state called ``name``.

    Args:
        name: A code (``"USA"``), an English short name (``"United States"``) or a
            common alias (``"US"``, ``"America"``); case and accents do not matter.

    Returns:
        The state's code, as the UN's voting data writes it.

    Raises:
        UnknownStateError: If no state unsc knows goes by that name; the error
            suggests close matches.
        InvalidTypeError: If ``name`` is not a string.
    """
    code = find(name)
    if code is not None:
        return code
    if not isinstance(name, str):
        raise InvalidTypeError("a state's name", name, "use a code or name such as 'USA'")
    raise UnknownStateError(name, suggest(name))


def suggest(name: str, limit: int = 3) -> list[str]:
    """Names of known states close to ``name``, best first (for error messages only).

    Raises:
        InvalidTypeError: For ``name`` not text, ``limit`` not a whole number.
        InvalidFieldError: For ``limit`` below 1 or above the number of states unsc knows.
    """
    from unsc._suggest import close_matches  # only when there is an error to explain

    name = as_text(name, "suggest(name)", blank=True)
    by_code, _ = _states()
    limit = as_whole(limit, "suggest(limit)", low=1, high=len(by_code), limit="states known")
    return close_matches(name, [s.name for s in by_code.values()], fold, limit, cutoff=0.7)


@attrs.frozen
class _Continuity:
    earlier: str
    later: str
    since: datetime.date
    seat_passes: bool


@functools.cache
def _continuity() -> dict[str, _Continuity]:
    """One state under two codes (``continuity.csv``), by each of its codes."""
    found: dict[str, _Continuity] = {}
    for row in csv.DictReader(io.StringIO(data.read_text("continuity.csv"))):
        entry = _Continuity(
            row["earlier"],
            row["later"],
            datetime.date.fromisoformat(row["since"]),
            row["seat_passes"] == "yes",
        )
        found[entry.earlier] = found[entry.later] = entry
    return found


def same_state(code: str) -> str | None:
    """The other code under which the state (or its seat) with ``code`` appears, if any:
    the UN's records keep the USSR (``SUN``) apart from the Russian Federation, which
    continued its seat, and Zaire (``ZAR``) apart from the Democratic Republic of the Congo.

    Examples:
        >>> same_state("COD"), same_state("SUN"), same_state("FRA")
        ('ZAR', 'RUS', None)

    Raises:
        InvalidTypeError: For a ``code`` that is not text.
    """
    if not isinstance(code, str):
        raise InvalidTypeError("same_state(code)", code, "give a code such as 'RUS'")
    entry = _continuity().get(code)
    if entry is None:
        return None
    return entry.later if code == entry.earlier else entry.earlier


def counted_as(code: str) -> str:
    """The code a state is counted under across its codes: its later one (the USSR as the
    Russian Federation, Zaire as the Democratic Republic of the Congo).

    Examples:
        >>> counted_as("SUN"), counted_as("ZAR"), counted_as("FRA")
        ('RUS', 'COD', 'FRA')
    """
    if type(code) is not str:
        raise InvalidTypeError("counted_as(code)", code, "give a code such as 'SUN'")
    entry = _continuity().get(code)
    return code if entry is None else entry.later


def code_on(code: str, day: datetime.date) -> str:
    """The code under which the seat held as ``code`` sits on ``day``: ``SUN`` is ``RUS``
    from 24 December 1991. A code whose seat does not pass on is itself.

    Examples:
        >>> import datetime
        >>> code_on("SUN", datetime.date(1991, 12, 23)), code_on("SUN", datetime.date(1992, 1, 1))
        ('SUN', 'RUS')
    """
    if type(code) is not str or not isinstance(day, datetime.date):
        raise InvalidTypeError("code_on(code, day)", (code, day), "give a code and a date")
    entry = _continuity().get(code)
    if entry is None or not entry.seat_passes or code != entry.earlier or day < entry.since:
        return code
    return entry.later


def seat_changes(code: str) -> datetime.date | None:
    """The day the seat held as ``code`` passes to its later code, if it does."""
    if type(code) is not str:
        raise InvalidTypeError("seat_changes(code)", code, "give a code such as 'SUN'")
    entry = _continuity().get(code)
    return entry.since if entry and entry.seat_passes and code == entry.earlier else None


def code_of(name: object, where: str) -> str:
    """The code of the member or state called ``name`` (a `Member`, a code, a name or an
    alias), for the argument ``where`` of a public call.

    Raises:
        InvalidTypeError: For anything that is neither a Member nor text.
        UnknownStateError: For a name no state unsc knows goes by, with suggestions.
    """
    if isinstance(name, Member):
        return name.code
    if not isinstance(name, str):
        raise InvalidTypeError(where, name, "name a member by code, name or alias, e.g. 'USA'")
    return resolve(name)


@functools.cache
def _longest_name() -> int:
    """The most words any known name has: a string of names is split within this."""
    return max(len(key.split()) for key in _states()[1])


def split_names(text: str, known: Callable[[str], bool]) -> list[str]:
    """Split a string of member names as a person means it.

    Commas and semicolons always separate names (``"Sierra Leone, Slovenia"``); between
    them, names are found by the longest run of words that ``known`` accepts
    (``"CHN GAB MOZ"``, ``"Sierra Leone Slovenia"``). A word that starts no known name
    stands alone, so that the error about it names it. Linear in the number of words.

    Examples:
        >>> split_names("Sierra Leone Slovenia, USA", lambda n: find(n) is not None)
        ['Sierra Leone', 'Slovenia', 'USA']

    Raises:
        InvalidTypeError: For ``text`` that is not text, or ``known`` that is not callable.
    """
    text = as_text(text, "split_names(text)", blank=True)
    if not callable(known):
        raise InvalidTypeError("split_names(known)", known, "give a function of one name")
    longest = _longest_name()
    names: list[str] = []
    for part in text.replace(";", ",").split(","):
        tokens = part.split()
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + longest), i, -1):
                candidate = " ".join(tokens[i:j])
                if known(candidate):
                    names.append(candidate)
                    i = j
                    break
                if j == i + 1:
                    # Words that start no known name stay together ("Unted States"), so
                    # that the error names what was typed and suggests from all of it.
                    j = _unknown_run(tokens, i, longest, known)
                    names.append(" ".join(tokens[i:j]))
                    i = j
    return names


def _unknown_run(tokens: list[str], i: int, longest: int, known: Callable[[str], bool]) -> int:
    """The end of the run of words from ``i`` on that start no known name."""
    j = i + 1
    while j < len(tokens) and not any(
        known(" ".join(tokens[j:k])) for k in range(j + 1, min(len(tokens), j + longest) + 1)
    ):
        j += 1
    return j


def state_name(code: str) -> str:
    """Return the English short name of the state with ``code``.

    Raises:
        UnknownStateError: If ``code`` is not a code unsc knows.
    """
    return _state(code).name


@functools.cache
def dated_names() -> dict[str, tuple[tuple[datetime.date, datetime.date, str], ...]]:
    """Names states bore before today's, with the first and last days they were in use."""
    text = data.read_text("names.csv")
    names: dict[str, list[tuple[datetime.date, datetime.date, str]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        span = (
            datetime.date.fromisoformat(row["from"]),
            datetime.date.fromisoformat(row["until"]),
            row["name"],
        )
        names.setdefault(row["code"], []).append(span)
    return {code: tuple(spans) for code, spans in names.items()}


def name_on(code: str, day: datetime.date) -> str:
    """The English short name the state with ``code`` bore on ``day``.

    Examples:
        >>> import datetime
        >>> name_on("CHN", datetime.date(1950, 6, 27)), name_on("CHN", datetime.date(1971, 10, 25))
        ('Republic of China', 'China')
        >>> name_on("BFA", datetime.date(1984, 1, 1))
        'Upper Volta'

    Raises:
        UnknownStateError: If ``code`` is not a code unsc knows.
        InvalidTypeError: If ``code`` is not text or ``day`` not a day.
    """
    day = as_date(day, "name_on(day)")
    for start, end, name in dated_names().get(as_text(code, "name_on(code)"), ()):
        if start <= day <= end:
            return name
    return _state(code).name


@functools.cache
def names_of(code: str) -> tuple[str, ...]:
    """Every name the state with ``code`` is known by: code, short name, aliases, former
    names, and those of the same state under its other code (see
    [`same_state`][unsc.members.same_state]).

    An unknown code gives just itself: a custom council's fictional states have no others.
    """
    by_code, _ = _states()
    names: list[str] = []
    for each in (code, same_state(code)):
        if each is None:
            continue
        names.append(each)
        state = by_code.get(each)
        if state is not None:
            names.extend((state.name, *state.aliases))
        names.extend(name for _, _, name in dated_names().get(each, ()))
    return tuple(dict.fromkeys(names))


def state_aliases(code: str) -> tuple[str, ...]:
    """The other names the state with ``code`` goes by ("US", "America" for ``USA``)."""
    return _state(code).aliases


def state_group(code: str) -> str | None:
    """Return the UN regional group of the state with ``code`` (see
    [`GROUPS`][unsc.members.GROUPS]).

    Raises:
        UnknownStateError: If ``code`` is not a code unsc knows.
    """
    return _state(code).group


def _state(code: str) -> _State:
    if not isinstance(code, str):
        raise InvalidTypeError("a state's code", code, "use a code or name such as 'USA'")
    by_code, _ = _states()
    try:
        return by_code[code]
    except KeyError:
        return by_code[resolve(code)]


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"Member.{attribute.name}", value, "it must be a string")
    if not value.strip():
        raise InvalidFieldError(f"Member.{attribute.name}", value, "it must not be empty")
    if attribute.name == "code" and (value != value.upper() or value.split() != [value]):
        raise InvalidFieldError(
            "Member.code",
            value,
            "give a code in capitals without spaces, e.g. 'USA'"
            " (Member.of finds a state by any name)",
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(f"Member.{attribute.name}", value, "use True or False")


def _group(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and value not in GROUPS:
        raise InvalidFieldError("Member.group", value, f"use one of {', '.join(GROUPS)} or None")


@attrs.frozen(order=False, cache_hash=True)
class Member:
    """One state's seat on a council.

    Attributes:
        code: ISO 3166-1 alpha-3 code as the UN's voting data uses it (``"SUN"``
            for the USSR, ``"ZAR"`` for Zaire).
        name: English short name, as the state was called at the time.
        permanent: Whether the seat is permanent.
        group: UN regional group (a key of [`GROUPS`][unsc.members.GROUPS]), if any.

    Examples:
        >>> Member.of("US", permanent=True)
        Member(code='USA', name='United States', permanent=True, group='WEOG')
    """

    code: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    permanent: bool = attrs.field(default=False, validator=_flag)
    group: str | None = attrs.field(default=None, validator=_group)

    @classmethod
    def of(cls, name: str, *, permanent: bool = False, called: str | None = None) -> Member:
        """Build the member for a state named by code, name or alias.

        Args:
            name: How to find the state (see [`resolve`][unsc.members.resolve]).
            permanent: Whether its seat is permanent.
            called: The name to show, when it differs from today's
                (``"Ukrainian SSR"``); defaults to the short name.

        Raises:
            UnknownStateError: If no state unsc knows goes by ``name``.
        """
        state = _state(name)
        return cls(state.code, called or state.name, permanent, state.group)

    @property
    def sort_key(self) -> str:
        """The key of English alphabetical order, which rule 18 uses for the presidency.

        The USSR sat in the order of its full name, the Union of Soviet Socialist
        Republics, ahead of the United Kingdom; the China seat sorts as China.
        """
        key = fold(_SORT_NAMES.get(self.code, self.name))
        # Numbered seats sort by number: "Elected seat 2" before "Elected seat 10".
        return _NUMBER.sub(lambda m: m.group().zfill(8), key) if _NUMBER.search(key) else key

    @property
    def in_prose(self) -> str:
        """The name as it reads inside a sentence: "the United States", "France"."""
        if fold(self.name).startswith(_ARTICLE_PREFIXES) or self.code in _WITH_ARTICLE:
            return f"the {self.name}"
        return self.name

    def __str__(self) -> str:
        return self.name


def prose_list(members: Iterable[Member]) -> str:
    """Members named as a sentence does: "France, the United Kingdom and the United States".

    Raises:
        InvalidTypeError: For anything but an iterable of members.
    """
    if isinstance(members, (str, bytes)) or not isinstance(members, Iterable):
        raise InvalidTypeError("prose_list(members)", members, "give members, e.g. a council's")
    names = []
    for member in members:
        if not isinstance(member, Member):
            raise InvalidTypeError("prose_list(members)", member, "give members, not names")
        names.append(member.in_prose)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_NUMBER = re.compile(r"\d+")

# The English alphabetical order of rule 18 goes by the name of the seat as the UN lists
# it: the USSR under its full name, and the China seat as China whoever held it.
_SORT_NAMES = {"SUN": "Union of Soviet Socialist Republics", "CHN": "China"}

# Names English writes with "the" mid-sentence, as the UN's own prose does.
_ARTICLE_PREFIXES = ("united ", "republic of ", "democratic ", "state of ", "federal ")
_WITH_ARTICLE = frozenset({"RUS", "SUN", "NLD", "PHL", "DOM", "SYR", "COG", "GMB", "DDR"})

"""Every error unsc raises on purpose.

All of them derive from [`UNSCError`][unsc.errors.UNSCError], so ``except unsc.UNSCError`` catches
anything the library rejects. Each also inherits the builtin a caller would
already catch (``LookupError`` for a name that is not there, ``ValueError`` for
a value that is not allowed), carries the offending input as attributes, and
says in its message what would have been valid.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "DataError",
    "DownloadError",
    "DuplicateMemberError",
    "DuplicateVoteError",
    "EmptyCouncilError",
    "FileError",
    "InvalidDateError",
    "InvalidFieldError",
    "InvalidTypeError",
    "MissingDependencyError",
    "MissingFileError",
    "MissingVotesError",
    "NoDataLinkError",
    "NoPathError",
    "NoPresidencyError",
    "NoSuchEntryError",
    "NoSuchPositionError",
    "NoVotesError",
    "NotAMemberError",
    "ObligatoryAbstentionError",
    "QuotaError",
    "SchemaError",
    "TooLargeError",
    "UNSCError",
    "UnknownChoiceError",
    "UnknownKindError",
    "UnknownMatterError",
    "UnknownPresetError",
    "UnknownRecordError",
    "UnknownStateError",
    "UnknownVoteError",
    "UnknownVotesError",
    "UnknownYearError",
    "VetoHolderError",
]


def _listing(items: Iterable[str], limit: int = 20) -> str:
    """Join ``items`` for a message, eliding a long tail."""
    shown = list(items)
    if len(shown) > limit:
        return ", ".join(shown[:limit]) + f", … ({len(shown)} in all)"
    return ", ".join(shown)


class UNSCError(Exception):
    """Base of every error unsc raises on purpose."""


class UnknownStateError(UNSCError, LookupError):
    """A code or name that matches no state unsc knows.

    Attributes:
        value: The input that matched nothing.
        suggestions: Known names close to it, best first.
    """

    def __init__(self, value: str, suggestions: Iterable[str] = ()) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(
            f"{value!r} is not a state unsc knows{hint}; use an ISO 3166-1 alpha-3 code "
            "such as 'USA' or an English short name such as 'United States'"
        )


class NotAMemberError(UNSCError, KeyError):
    """A state named where only members of a given council are valid.

    A ``KeyError`` (and so a ``LookupError``), so that mappings keyed by member
    behave as mappings do.

    Attributes:
        value: The input as given.
        council: A short description of the council, e.g. ``"2023 Council"``.
        valid: The codes of the council's members.
    """

    def __init__(
        self, value: str, council: str, valid: Iterable[str], suggestions: Iterable[str] = ()
    ) -> None:
        self.value = value
        self.council = council
        self.valid = tuple(valid)
        self.suggestions = tuple(suggestions)
        hint = f"did you mean {' or '.join(self.suggestions)}? " if self.suggestions else ""
        super().__init__(
            f"{value!r} is not a member of the {council} ({hint}members: {_listing(self.valid)})"
        )

    def __str__(self) -> str:
        return BaseException.__str__(self)  # a KeyError would quote its message


class InvalidTypeError(UNSCError, TypeError):
    """A value of the wrong type, where unsc expects something else entirely.

    Attributes:
        field: What the value was given for, e.g. ``"Council.of_year(year)"``.
        value: The value given.
        valid: What would have been valid, in words.
    """

    def __init__(self, field: str, value: object, valid: str) -> None:
        self.field = field
        self.value = value
        self.valid = valid
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        super().__init__(f"{field} cannot be {shown} ({type(value).__name__}); {valid}")


class InvalidDateError(UNSCError, ValueError):
    """A date, year or month that is malformed or does not exist.

    Attributes:
        value: The value given.
        valid: What would have been valid, in words.
    """

    def __init__(self, value: object, valid: str) -> None:
        self.value = value
        self.valid = valid
        super().__init__(f"{value!r} is not a valid date; {valid}")


class UnknownVoteError(UNSCError, ValueError):
    """A vote given as something that is not a vote.

    Attributes:
        value: The input as given.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"{value!r} is not a vote; use Y, N, A or X (the UN's codes), "
            "yes, no, abstain, absent, not participating, or a unsc.Vote"
        )


class UnknownMatterError(UNSCError, ValueError):
    """A matter given as something other than substantive or procedural.

    Attributes:
        value: The input as given.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(f"{value!r} is not a matter; use 'substantive' or 'procedural'")


class UnknownKindError(UNSCError, ValueError):
    """A kind of proposal that is none of draft, amendment, motion, preliminary question.

    Attributes:
        value: The input as given.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"{value!r} is not a kind of proposal; use 'draft resolution', 'amendment', "
            "'procedural motion' or 'preliminary question'"
        )


class UnknownVotesError(UNSCError, ValueError):
    """A question the record cannot answer: its member-by-member votes are not on record.

    Attributes:
        symbol: The record.
        missing: What is not on record, in words.
    """

    def __init__(self, symbol: str, missing: str) -> None:
        self.symbol = symbol
        self.missing = missing
        super().__init__(f"{symbol}: {missing}")


class DuplicateVoteError(UNSCError, ValueError):
    """One member given more than one vote in the same declaration.

    Attributes:
        member: The member's code.
        votes: The votes it was given, in the order seen.
    """

    def __init__(self, member: str, votes: Iterable[str]) -> None:
        self.member = member
        self.votes = tuple(votes)
        super().__init__(
            f"{member} is listed twice ({' and '.join(self.votes)}); "
            "each member casts exactly one vote"
        )


class MissingVotesError(UNSCError, ValueError):
    """Votes declared complete, or decided on, while some members have none.

    Attributes:
        missing: The codes of the members without a vote.
    """

    def __init__(self, symbol: str, missing: Iterable[str]) -> None:
        self.symbol = symbol
        self.missing = tuple(missing)
        super().__init__(
            f"{symbol}: no vote recorded for {_listing(self.missing)}; every member needs "
            "one (use absent= or not_participating= for members who did not vote)"
        )


class InvalidFieldError(UNSCError, ValueError):
    """A field of a record given a value it cannot take.

    Attributes:
        field: The field's name, e.g. ``"Resolution.date"``.
        value: The value given.
        valid: What would have been valid, in words.
    """

    def __init__(self, field: str, value: object, valid: str) -> None:
        self.field = field
        self.value = value
        self.valid = valid
        super().__init__(f"{field} cannot be {value!r}; {valid}")


class UnknownChoiceError(UNSCError, LookupError, ValueError):
    """A value that is none of a closed set of choices.

    An outcome, a vote, a measure, a prior, a counting convention, a table format, an
    index, and the like.

    Also a `LookupError` and a `ValueError`, so that code catching either (the second is
    what Python's own Enums raise for a value they do not have) keeps working.

    Attributes:
        value: The value given.
        valid: The values that exist.
    """

    def __init__(self, what: str, value: object, valid: Iterable[str]) -> None:
        self.value = value
        self.valid = tuple(valid)
        super().__init__(f"{value!r} is not {what}; use one of: {', '.join(self.valid)}")


class UnknownPresetError(UnknownChoiceError):
    """A name that is none of the presets: the named rules (``Rules.preset``) or the reform
    models (``reform.model``)."""


def choice(what: str, value: object, valid: Iterable[str]) -> str:
    """``value`` if it is one of ``valid``: for the functions that take one of a few names.

    Raises:
        InvalidTypeError: If ``value`` is not text.
        UnknownChoiceError: If it is text that is none of ``valid``.
    """
    names = tuple(valid)
    if not isinstance(value, str):
        raise InvalidTypeError(what, value, f"use one of: {', '.join(names)}")
    if value not in names:
        raise UnknownChoiceError(what, value, names)
    return value


class NoSuchEntryError(UNSCError, KeyError):
    """A key that names nothing in a listing (a member without a vote, an index not
    computed, a model not compared).

    Attributes:
        key: The key asked for.
        valid: The keys that exist.
    """

    def __init__(self, what: str, key: object, valid: Iterable[str]) -> None:
        self.key = key
        self.valid = tuple(valid)
        super().__init__(f"{key!r} is not {what}; use one of: {_listing(self.valid)}")

    def __str__(self) -> str:
        return BaseException.__str__(self)


class UnknownRecordError(UNSCError, KeyError):
    """A symbol that matches no vote unsc has on record.

    Attributes:
        symbol: The symbol asked for.
        suggestions: Symbols on record that are close to it.
    """

    def __init__(self, symbol: str, suggestions: Iterable[str] = (), *, note: str = "") -> None:
        self.symbol = symbol
        self.suggestions = tuple(suggestions)
        if note:
            hint = f"; {note}"
        elif self.suggestions:
            hint = f"; close matches: {', '.join(self.suggestions)}"
        else:
            hint = "; unsc.history.records() lists every decision on record"
        super().__init__(f"no decision on record for {symbol!r}{hint}")

    def __str__(self) -> str:
        return BaseException.__str__(self)


class NoVotesError(UNSCError, ValueError):
    """A record adopted without a vote, asked about the votes it never had.

    Attributes:
        symbol: The record.
    """

    def __init__(self, symbol: str) -> None:
        self.symbol = symbol
        super().__init__(
            f"{symbol} was adopted without a vote: there are no votes to change "
            "(give it a ballot to ask what would defeat it)"
        )


class NoPathError(UNSCError, ValueError):
    """A goal that no change of votes can reach.

    Attributes:
        symbol: The record.
        goal: What was sought, in words ("adopt", "defeat").
        reason: Why it cannot be reached.
    """

    def __init__(self, symbol: str, goal: str, reason: str) -> None:
        self.symbol = symbol
        self.goal = goal
        self.reason = reason
        super().__init__(f"no change of votes can {goal} {symbol}: {reason}")


class MissingDependencyError(UNSCError, ImportError):
    """An optional library a feature needs is not installed.

    Attributes:
        package: The missing package.
    """

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        super().__init__(
            f"this needs {package}, which is not installed; install it with "
            f"pip install 'unsc[{extra}]'"
        )


class EmptyCouncilError(UNSCError, ValueError):
    """A council with no members."""

    def __init__(self) -> None:
        super().__init__("a council needs at least one member (got none)")


class DuplicateMemberError(UNSCError, ValueError):
    """The same state given twice as a member of one council.

    Attributes:
        member: The code that appears more than once.
    """

    def __init__(self, member: str) -> None:
        self.member = member
        super().__init__(f"{member} is listed twice as a member; each state holds one seat")


class QuotaError(UNSCError, ValueError):
    """A quota of affirmative votes that no vote of the council could reach.

    Attributes:
        quota: The quota asked for.
        size: The number of seats.
    """

    def __init__(self, quota: int, size: int) -> None:
        self.quota = quota
        self.size = size
        super().__init__(
            f"a quota of {quota} affirmative votes is impossible on a council of {size}; "
            f"use a quota from 1 to {size}"
        )


class VetoHolderError(UNSCError, ValueError):
    """A veto given to a state that has no seat on the council.

    Attributes:
        holder: The code of the would-be veto holder.
        valid: The codes of the council's members.
    """

    def __init__(self, holder: str, valid: Iterable[str]) -> None:
        self.holder = holder
        self.valid = tuple(valid)
        super().__init__(
            f"{holder} cannot hold a veto: it is not a member of the council "
            f"(members: {_listing(self.valid)})"
        )


class ObligatoryAbstentionError(UNSCError, ValueError):
    """A party to a dispute voted where Article 27(3) obliges it to abstain.

    Attributes:
        member: The code of the party that voted.
        vote: The vote it cast (``"yes"`` or ``"no"``).
    """

    def __init__(self, symbol: str, member: str, vote: str, chapter: str) -> None:
        self.member = member
        self.vote = vote
        where = "Article 52(3)" if chapter == "52(3)" else f"Chapter {chapter}"
        super().__init__(
            f"{symbol}: {member} is a party to the dispute and voted {vote}; under "
            f"Article 27(3) a party shall abstain in decisions under {where} "
            "(record it as abstain, absent or not participating)"
        )


class NoPresidencyError(UNSCError, LookupError):
    """A council for which unsc has no presidency rotation.

    Attributes:
        council: How the council is named, e.g. ``"council of 3"``.
        reason: Why there is none, in words.
    """

    def __init__(self, council: str, reason: str) -> None:
        self.council = council
        self.reason = reason
        super().__init__(f"no presidency on record for the {council}: {reason}")


class TooLargeError(UNSCError, ValueError):
    """A computation too large for the exact methods unsc has for it.

    Attributes:
        what: What was asked, in words.
        size: How large it is (in the unit ``limit`` is given in).
        limit: The largest size the method takes.
    """

    def __init__(self, what: str, size: int, limit: int, hint: str = "") -> None:
        self.what = what
        self.size = size
        self.limit = limit
        super().__init__(
            f"{what}: {size:,} is beyond the exact methods here (limit {limit:,})"
            + (f"; {hint}" if hint else "")
        )


class SchemaError(UNSCError, ValueError):
    """JSON that is not a unsc record.

    Attributes:
        where: The path to the offending value, e.g. ``"council.members[3].code"``.
        problem: What is wrong there, in words.
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


class UnknownYearError(UNSCError, LookupError):
    """A year (or date) for which unsc has no council.

    Attributes:
        year: The year asked for.
        first: The first year available.
        last: The last year available.
    """

    def __init__(self, year: int, first: int, last: int) -> None:
        self.year = year
        self.first = first
        self.last = last
        super().__init__(
            f"no Security Council on record for {year}; years available: {first}–{last}"
        )


class DataError(UNSCError, ValueError):
    """A data file that cannot be read as what it claims to be.

    Attributes:
        path: The file.
        line: The 1-based line number, when known.
        column: The column name, when known.
        problem: What is wrong, in words.
    """

    def __init__(
        self, path: str, problem: str, *, line: int | None = None, column: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
        where = path
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {problem}")


class FileError(DataError, OSError):
    """A data file that cannot be opened or read.

    Also an `OSError`, so code that catches either works.
    """

    def __init__(self, path: str, problem: str) -> None:
        DataError.__init__(self, path, problem)
        self.filename = path

    def __str__(self) -> str:
        # OSError's own str() would show "[Errno None]"; say what DataError says.
        return BaseException.__str__(self)


class MissingFileError(FileError, FileNotFoundError):
    """A data file that does not exist (also a ``FileNotFoundError``)."""


class NoSuchPositionError(NoSuchEntryError, IndexError):
    """A position outside a listing (also an ``IndexError``, so ``for``-loops written
    against sequences and code that catches it keep working)."""

    def __init__(self, what: str, position: object, size: int) -> None:
        valid = (f"0 to {size - 1}, or -{size} to -1",) if size else ("none: it is empty",)
        super().__init__(what, position, valid)


def position(key: object, size: int, what: str) -> int:
    """``key`` as a position in a listing of ``size`` (negative counts from the end).

    Raises:
        NoSuchPositionError: For anything else, naming the valid positions.
    """
    if isinstance(key, bool) or not isinstance(key, int) or not -size <= key < size:
        raise NoSuchPositionError(what, key, size)
    return key


class DownloadError(UNSCError, ConnectionError):
    """A download that failed: no network, a server error, a connection cut short.

    Also a `ConnectionError` (and so an `OSError`), so code that catches either works.

    Attributes:
        url: The URL that was being read.
        problem: What went wrong, in words.
    """

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        self.problem = problem
        super().__init__(f"cannot download {url}: {problem}")

    def __str__(self) -> str:
        return BaseException.__str__(self)  # not OSError's "[Errno ...]" form


class NoDataLinkError(UNSCError, LookupError):
    """A page that links to no UN voting file (``*_sc_voting.csv``).

    Attributes:
        url: The page.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(
            f"{url} links to no Security Council voting file (a name such as "
            "2026_02_06_sc_voting.csv); give the UN Digital Library's record page "
            "(https://digitallibrary.un.org/record/4055387) or the file's own URL, ending in .csv"
        )


class NoDataError(UNSCError, ValueError):
    """A question asked of records that hold nothing to answer it from (a span of years
    with no decision, an empty agreement to plot).

    Attributes:
        what: What was asked, in words.
        reason: Why there is nothing, and what there is, in words.
    """

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(f"{what}: {reason}")


# Classes added after the list at the top, each added to it here, so that branches written
# in parallel add errors without editing the same lines.
__all__ += ["NoDataError"]

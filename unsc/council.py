"""The Council: who sits on it, who holds the veto, and the rules in force.

Examples:
    >>> import unsc
    >>> council = unsc.Council.of_year(2023)
    >>> council.size, [m.code for m in council.permanent]
    (15, ['CHN', 'FRA', 'RUS', 'GBR', 'USA'])
    >>> council["US"].name, council["UK"].code, "FRA" in council
    ('United States', 'GBR', True)
"""

from __future__ import annotations

import bisect
import csv
import datetime
import functools
import html
import io
import operator
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from unsc import data
from unsc._args import as_date, as_year, as_years
from unsc._table import Table, Tabular
from unsc.errors import (
    DuplicateMemberError,
    EmptyCouncilError,
    InvalidDateError,
    InvalidTypeError,
    NoPresidencyError,
    NotAMemberError,
    QuotaError,
    UnknownStateError,
    UnknownYearError,
    VetoHolderError,
)
from unsc.members import (
    Member,
    code_on,
    dated_names,
    fold,
    name_on,
    names_of,
    seat_changes,
    split_names,
    state_aliases,
)
from unsc.rules import Roles, Rules

__all__ = ["Council", "as_date", "as_year", "as_years"]


def _members(values: Iterable[Member | str]) -> tuple[Member, ...]:
    """Members in English alphabetical order; plain codes or names become elected seats."""
    if isinstance(values, (str, Member)) or not isinstance(values, Iterable):
        raise InvalidTypeError(
            "Council(members)", values, "give a list of members (Member objects, codes or names)"
        )
    members = []
    for v in values:
        if isinstance(v, Member):
            members.append(v)
        elif isinstance(v, str):
            members.append(Member.of(v))
        else:
            raise InvalidTypeError(
                "a member of Council(members)", v, "give a Member, a code or a name"
            )
    return tuple(sorted(members, key=lambda m: m.sort_key))


def _check_members(instance: Council, attribute: object, members: tuple[Member, ...]) -> None:
    if not members:
        raise EmptyCouncilError
    seen: set[str] = set()
    for member in members:
        if member.code in seen:
            raise DuplicateMemberError(member.code)
        seen.add(member.code)


def _as_given(value: Iterable[str | Member] | str | Member | None) -> Any:
    """Veto holders as given: names are resolved against the members once they are known."""
    return value


def _check_rules(instance: Council, attribute: object, rules: Rules) -> None:
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("Council(rules)", rules, "give a unsc.Rules, e.g. Rules('r', 9)")


def _check_year(instance: Council, attribute: object, year: int | None) -> None:
    if year is not None:
        as_year(year, "Council(year)")


@attrs.frozen(repr=False, cache_hash=True)
class Council(Tabular):
    """A Security Council: its members, its veto holders and its rules.

    Any council can be built: the real ones come from [`of_year`][unsc.council.Council.of_year],
    and a custom one takes any members, any set of veto holders and any rules.

    Attributes:
        members: The members, in English alphabetical order of their names.
        rules: The voting rules in force.
        veto: Codes of the members holding a veto; by default the permanent members.
        year: The year of a real council, or ``None`` for a custom one.
        veto_index: The seat numbers of the veto holders (derived).
        codes: The members' codes, in the council's order (derived).

    Examples:
        >>> from unsc import Council, Member, Rules
        >>> Council([Member.of("FRA", permanent=True), "DEU", "JPN"], rules=Rules("small", 2)).size
        3
    """

    members: tuple[Member, ...] = attrs.field(converter=_members, validator=_check_members)
    rules: Rules = attrs.field(default=None, validator=_check_rules)
    veto: frozenset[str] = attrs.field(default=None, converter=_as_given)
    year: int | None = attrs.field(default=None, validator=_check_year)
    veto_index: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    codes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _index: dict[str, int] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _folded: dict[str, int] = attrs.field(init=False, repr=False, eq=False, hash=False)
    # What each seat can do, by rules and matter: a memo of unsc.rules.roles.
    _roles_memo: dict[tuple[object, ...], Roles] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # The roles of the last plain substantive vote decided (one slot): decide()'s hot path.
    _plain_roles: list[Roles | None] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        size = len(self.members)
        if self.rules is None:
            rules = Rules.for_year(self.year) if self.year else _default_rules(size)
            object.__setattr__(self, "rules", rules)
        for quota in (self.rules.quota, self.rules.procedural_quota or 0):
            if quota > size:
                raise QuotaError(quota, size)
        index = {m.code: i for i, m in enumerate(self.members)}
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "codes", tuple(index))
        # Every name a member goes by, folded: its code and name here, and for a real
        # state its aliases, former names and the names of the same state under its
        # other code ("COD" finds Zaire's seat, "Russia" the USSR's).
        folded: dict[str, int] = {}
        for i, member in enumerate(self.members):
            for name in (member.code, member.name, *names_of(member.code)):
                folded.setdefault(fold(name), i)
        object.__setattr__(self, "_folded", folded)
        object.__setattr__(self, "_roles_memo", {})
        object.__setattr__(self, "_plain_roles", [None])
        if self.veto is None:
            veto = frozenset(m.code for m in self.members if m.permanent)
        else:
            veto = frozenset(self._veto_code(holder) for holder in self._veto_names(self.veto))
        object.__setattr__(self, "veto", veto)
        object.__setattr__(
            self, "veto_index", tuple(i for i, m in enumerate(self.members) if m.code in self.veto)
        )

    def _veto_names(self, values: object) -> list[str]:
        if isinstance(values, Member):
            return [values.code]
        if isinstance(values, str):
            return split_names(values, self.__contains__)
        if not isinstance(values, Iterable):
            raise InvalidTypeError(
                "Council(veto)", values, "give the veto holders as codes or names"
            )
        names = []
        for v in values:
            if isinstance(v, Member):
                names.append(v.code)
            elif isinstance(v, str):
                names.append(v)
            else:
                raise InvalidTypeError("a veto holder", v, "give a Member, a code or a name")
        return names

    def _veto_code(self, holder: str) -> str:
        seat = self.find(holder)
        if seat is None:
            raise VetoHolderError(holder, self.codes)
        return self.members[seat].code

    @classmethod
    def of_year(cls, year: int) -> Council:
        """The Council as it sat on 1 January of ``year`` (1946–2026).

        Members carry the names they bore that day (the Republic of China in the
        China seat until 1971, the USSR until 1991).

        Raises:
            UnknownYearError: If ``year`` is outside the bundled data.
            InvalidTypeError: If ``year`` is not a whole number (``"2023"``, ``2023.0``).
        """
        number = as_year(year, "Council.of_year(year)")
        rows = seats_by_year()
        if number not in rows:
            raise UnknownYearError(number, min(rows), max(rows))
        return _council_between(number, 0)

    @classmethod
    def of_date(cls, day: datetime.date | str) -> Council:
        """The Council as it sat on ``day``, with the changes made during the year.

        The China seat passed to the People's Republic on 25 October 1971 and the
        USSR's seat to the Russian Federation on 24 December 1991; states renamed
        mid-term (Upper Volta, Burkina Faso from 4 August 1984) carry the name of
        the day.

        Examples:
            >>> Council.of_date("1991-12-30")["RUS"].name
            'Russian Federation'

        Raises:
            UnknownYearError: If ``day`` falls outside the bundled data.
            InvalidDateError: If ``day`` is a string that is not a real day (YYYY-MM-DD).
            InvalidTypeError: If ``day`` is neither a date nor a string.
        """
        day = as_date(day, "Council.of_date(day)")
        rows = seats_by_year()
        if day.year not in rows:
            raise UnknownYearError(day.year, min(rows), max(rows))
        # A year's council changes only on the few days a seat or a name changes hands.
        breaks = _breaks(day.year)
        return _council_between(day.year, bisect.bisect_right(breaks, day))

    def president(self, month: int) -> Member:
        """The member presiding over this Council in ``month`` (1–12) of its year.

        Rule 18: the presidency passes each calendar month to the next member in
        English alphabetical order, and the rotation carries over the turn of the
        year into the new membership. unsc applies the rule forward from months
        on record (see [`PRESIDENCY_ANCHORS`][unsc.council.PRESIDENCY_ANCHORS]), from January 1950
        on; between anchors far apart a month may differ from the record where the Council
        departed from strict rotation.

        Only a real Council has a presidency on record: a custom council (or one
        whose members differ from the real Council of its year) gets an error, not
        the real president.

        Examples:
            >>> Council.of_year(2023).president(10).name
            'Brazil'

        Raises:
            NoPresidencyError: For a custom council, or a year before 1950.
            InvalidDateError: If ``month`` is not 1–12.
            InvalidTypeError: If ``month`` is not a whole number (``"November"``).
        """
        if isinstance(month, bool):
            raise InvalidTypeError("president(month)", month, "give a month from 1 to 12")
        try:
            number = operator.index(month)
        except TypeError:
            raise InvalidTypeError(
                "president(month)", month, "give a month as a number from 1 to 12"
            ) from None
        if not 1 <= number <= 12:
            raise InvalidDateError(month, "give a month from 1 to 12")
        if self.year is None:
            raise NoPresidencyError(
                self.label,
                "the rotation of rule 18 is on record only for the real Councils "
                "(Council.of_year)",
            )
        real = Council.of_date(datetime.date(self.year, number, 1))
        if frozenset(self.codes) != frozenset(real.codes):
            raise NoPresidencyError(
                self.label, f"its members differ from those of the Council of {self.year}"
            )
        table = _presidents()
        if (self.year, number) not in table:
            first_year, first_month = min(table)
            raise NoPresidencyError(
                self.label,
                f"unsc applies rule 18 from {datetime.date(first_year, first_month, 1):%B %Y}, "
                "the first month on record (resolution 14 (1946) suspended the rule for a time)",
            )
        return real[table[self.year, number]]

    @property
    def permanent(self) -> tuple[Member, ...]:
        """The permanent members, in alphabetical order."""
        return tuple(m for m in self.members if m.permanent)

    @property
    def elected(self) -> tuple[Member, ...]:
        """The elected (non-permanent) members, in alphabetical order."""
        return tuple(m for m in self.members if not m.permanent)

    @property
    def veto_holders(self) -> tuple[Member, ...]:
        """The members whose negative vote can block a substantive decision."""
        return tuple(self.members[i] for i in self.veto_index)

    @property
    def size(self) -> int:
        """The number of seats."""
        return len(self.members)

    @property
    def label(self) -> str:
        """How messages name this council: "the 2023 Council", or "custom council"."""
        return f"{self.year} Council" if self.year else f"council of {self.size}"

    def find(self, name: object) -> int | None:
        """The seat number of the member called ``name``, or ``None``: never raises.

        ``name`` is a [`Member`][unsc.members.Member], a code, a name, an alias or a former name,
        in any case and with or without accents; the state is followed across its names
        ("Sri Lanka" finds Ceylon's seat in 1960, "COD" Zaire's in 1983).
        """
        if isinstance(name, Member):
            name = name.code
        if not isinstance(name, str):
            return None
        found = self._index.get(name)
        if found is not None:
            return found
        return self._folded.get(fold(name))

    def index(self, name: Member | str) -> int:
        """The seat number of the member called ``name`` (code, name or alias).

        Raises:
            NotAMemberError: If no member of this council goes by ``name``; the error
                suggests members with close names.
            InvalidTypeError: If ``name`` is neither a string nor a
                [`Member`][unsc.members.Member].
        """
        found = self.find(name)
        if found is not None:
            return found
        if not isinstance(name, (str, Member)):
            raise InvalidTypeError(
                "a member's name", name, "give a Member, a code or a name such as 'USA'"
            )
        raise NotAMemberError(str(name), self.label, self.codes, self._close(str(name)))

    def _close(self, name: str) -> list[str]:
        """Codes of members whose names are close to ``name`` (for error messages)."""
        from unsc._suggest import close_matches  # only when there is an error to explain

        by_key: dict[str, str] = {}
        for m in self.members:
            for known in (m.name, m.code, *_aliases(m.code)):
                by_key.setdefault(fold(known), m.code)
        close = close_matches(name, by_key, fold, cutoff=0.7)
        return list(dict.fromkeys(by_key[fold(c)] for c in close))

    @property
    def seats(self) -> Mapping[str, int]:
        """Seat numbers by exact code (a read-only view; no lookup by name or alias)."""
        return MappingProxyType(self._index)

    def __getitem__(self, name: str) -> Member:
        return self.members[self.index(name)]

    def __contains__(self, name: object) -> bool:
        return self.find(name) is not None

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    #: The columns of [`rows`][unsc.council.Council.rows] and
    #: [`table`][unsc.council.Council.table].
    COLUMNS = ("member", "code", "seat", "veto", "group")

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """One row per member: name, code, seat, veto, regional group."""
        return [
            (
                m.name,
                m.code,
                "permanent" if m.permanent else "elected",
                "yes" if m.code in self.veto else "",
                m.group or "",
            )
            for m in self.members
        ]

    def as_table(self) -> Table:
        """The members: name, code, seat, veto, group; its data with flags for programs."""
        data = [
            {"code": m.code, "name": m.name, "permanent": m.permanent,
             "veto": m.code in self.veto, "group": m.group}
            for m in self.members
        ]  # fmt: skip
        return Table(
            self.COLUMNS,
            self.rows(),
            data=data,
            data_columns=("code", "name", "permanent", "veto", "group"),
        )

    def _repr_html_(self) -> str:
        title = f"{self.label}: {self.size} seats, {self.rules.quota} votes required"
        return f"<p><strong>{html.escape(title)}</strong></p>{self.as_table().html()}"

    def __str__(self) -> str:
        return f"{self.label}: {self.size} seats, quota {self.rules.quota}\n\n{self.table()}"

    def __repr__(self) -> str:
        what = f"year={self.year}" if self.year else f"rules={self.rules.name!r}"
        return f"<Council {what}: {self.size} members, veto: {' '.join(sorted(self.veto))}>"


def _default_rules(size: int) -> Rules:
    """Rules for a custom council with none given: a majority of about three fifths."""
    return Rules(f"{-(-3 * size // 5)} of {size}", -(-3 * size // 5), source="custom rules")


@functools.cache
def seats_by_year() -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The bundled table of councils: permanent and elected codes by year (read once; the
    years on record are its keys)."""
    text = data.read_text("councils.csv")
    return {
        int(row["year"]): (tuple(row["permanent"].split()), tuple(row["elected"].split()))
        for row in csv.DictReader(io.StringIO(text))
    }


@functools.cache
def _breaks(year: int) -> tuple[datetime.date, ...]:
    """The days in ``year`` on which a member's seat or name changed."""
    permanent, elected = seats_by_year()[year]
    days: set[datetime.date] = set()
    for code in permanent + elected:
        for start, end, _ in dated_names().get(code, ()):
            days.update(d for d in (start, end + datetime.timedelta(days=1)) if d.year == year)
        passes = seat_changes(code)
        if passes is not None and passes.year == year:
            days.add(passes)
    return tuple(sorted(d for d in days if d > datetime.date(year, 1, 1)))


@functools.cache
def _council_between(year: int, part: int) -> Council:
    """The council of ``year`` between its ``part``-th and next change, built once."""
    day = ((datetime.date(year, 1, 1), *_breaks(year)))[part]
    permanent, elected = seats_by_year()[year]
    members = [
        Member.of(
            code_on(code, day),
            permanent=is_permanent,
            called=name_on(code_on(code, day), day),
        )
        for codes, is_permanent in ((permanent, True), (elected, False))
        for code in codes
    ]
    return Council(members, rules=Rules.for_year(year), year=year)


#: Months whose president is on record, from which rule 18 is applied forward:
#: (year, month, member code, source).
PRESIDENCY_ANCHORS: tuple[tuple[int, int, str, str], ...] = (
    (
        1950,
        1,
        "CHN",
        "Dr. T. F. Tsiang (China) took the chair in January 1950, when the USSR walked "
        "out (TIME, 7 Aug 1950)",
    ),
    (
        1950,
        8,
        "SUN",
        "The USSR's representative Y. Malik assumed the presidency on 1 August 1950, "
        "'the first day of his normal office under the rotating system' (TIME, 7 Aug "
        "1950; Hindustan Times, 29 July 1950)",
    ),
    (
        2022,
        9,
        "FRA",
        "'France holds the presidency of the Council for September' (30 September 2022 "
        "meeting on S/2022/720, as reported)",
    ),
    (2023, 10, "BRA", "S/PV.9442 (18 October 2023), cover page: President: Brazil"),
    (
        2024,
        11,
        "GBR",
        "The UK Foreign Secretary chaired the Council as its President on 18 November 2024",
    ),
)


@functools.cache
def _presidents() -> dict[tuple[int, int], str]:
    """Every month's president from the first anchor to the last year of data."""
    anchors = {(y, m): code for y, m, code, _ in PRESIDENCY_ANCHORS}
    year, month = min(anchors)
    last = max(seats_by_year())
    table: dict[tuple[int, int], str] = {}
    previous = Council.of_date(datetime.date(year, month, 1))[anchors[year, month]]
    while year <= last:
        council = Council.of_date(datetime.date(year, month, 1))
        if (year, month) in anchors:
            current = council[anchors[year, month]]
        else:
            after = [m for m in council.members if m.sort_key > previous.sort_key]
            current = after[0] if after else council.members[0]
        table[year, month] = current.code
        previous = current
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return table


def _aliases(code: str) -> tuple[str, ...]:
    """The other names of a state unsc knows; none for a member made up by the caller."""
    try:
        return state_aliases(code)
    except UnknownStateError:
        return ()

"""The Council: who sits on it, who holds the veto, and the rules in force.

>>> import unsc
>>> council = unsc.Council.of_year(2023)
>>> council.size, [m.code for m in council.permanent]
(15, ['CHN', 'FRA', 'RUS', 'GBR', 'USA'])
>>> council["US"].name, council["UK"].code, "FRA" in council
('United States', 'GBR', True)
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator
from importlib import resources

import attrs

from unsc.errors import (
    DuplicateMemberError,
    EmptyCouncilError,
    NotAMemberError,
    QuotaError,
    UnknownStateError,
    UnknownYearError,
    VetoHolderError,
)
from unsc.members import Member, resolve
from unsc.rules import Rules

__all__ = ["Council"]


def _members(values: Iterable[Member | str]) -> tuple[Member, ...]:
    """Members in English alphabetical order; plain codes or names become elected seats."""
    members = [v if isinstance(v, Member) else Member.of(v) for v in values]
    return tuple(sorted(members, key=lambda m: m.sort_key))


def _check_members(instance: Council, attribute: object, members: tuple[Member, ...]) -> None:
    if not members:
        raise EmptyCouncilError
    seen: set[str] = set()
    for member in members:
        if member.code in seen:
            raise DuplicateMemberError(member.code)
        seen.add(member.code)


def _names(values: Iterable[str | Member] | str | None) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = values.replace(",", " ").split()
    return frozenset(v.code if isinstance(v, Member) else v for v in values)


@attrs.frozen(repr=False)
class Council:
    """A Security Council: its members, its veto holders and its rules.

    Any council can be built: the real ones come from :meth:`of_year`, and a
    custom one takes any members, any set of veto holders and any rules.

    Attributes:
        members: The members, in English alphabetical order of their names.
        rules: The voting rules in force.
        veto: Codes of the members holding a veto; by default the permanent members.
        year: The year of a real council, or ``None`` for a custom one.

    >>> from unsc import Council, Member, Rules
    >>> Council([Member.of("FRA", permanent=True), "DEU", "JPN"], rules=Rules("small", 2)).size
    3
    """

    members: tuple[Member, ...] = attrs.field(converter=_members, validator=_check_members)
    rules: Rules = attrs.field(default=None)
    veto: frozenset[str] = attrs.field(default=None, converter=_names)
    year: int | None = None
    veto_index: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _index: dict[str, int] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        size = len(self.members)
        if self.rules is None:
            rules = Rules.for_year(self.year) if self.year else _default_rules(size)
            object.__setattr__(self, "rules", rules)
        if self.rules.quota > size:
            raise QuotaError(self.rules.quota, size)
        index = {m.code: i for i, m in enumerate(self.members)}
        object.__setattr__(self, "_index", index)
        if self.veto is None:
            veto = frozenset(m.code for m in self.members if m.permanent)
        else:
            veto = frozenset(self._veto_code(holder) for holder in sorted(self.veto))
        object.__setattr__(self, "veto", veto)
        object.__setattr__(
            self, "veto_index", tuple(i for i, m in enumerate(self.members) if m.code in self.veto)
        )

    def _veto_code(self, holder: str) -> str:
        try:
            return self.members[self.index(holder)].code
        except NotAMemberError:
            raise VetoHolderError(holder, self.codes) from None

    @classmethod
    def of_year(cls, year: int) -> Council:
        """The Council as it sat on 1 January of ``year`` (1946–2026).

        Raises:
            UnknownYearError: If ``year`` is outside the bundled data.
        """
        table = _councils()
        if year not in table:
            raise UnknownYearError(year, min(table), max(table))
        return table[year]

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
    def codes(self) -> tuple[str, ...]:
        """The members' codes, in the council's order."""
        return tuple(m.code for m in self.members)

    @property
    def label(self) -> str:
        """How messages name this council: "the 2023 Council", or "custom council"."""
        return f"{self.year} Council" if self.year else f"council of {self.size}"

    def index(self, name: Member | str) -> int:
        """The seat number of the member called ``name`` (code, name or alias).

        Raises:
            NotAMemberError: If no member of this council goes by ``name``.
        """
        if isinstance(name, Member):
            name = name.code
        found = self._index.get(name)
        if found is not None:
            return found
        try:
            code = resolve(name)
        except UnknownStateError:
            code = None
        if code is None or code not in self._index:
            raise NotAMemberError(str(name), self.label, self.codes) from None
        return self._index[code]

    def __getitem__(self, name: str) -> Member:
        return self.members[self.index(name)]

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, (str, Member)):
            return False
        try:
            self.index(name)
        except NotAMemberError:
            return False
        return True

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def __repr__(self) -> str:
        what = f"year={self.year}" if self.year else f"rules={self.rules.name!r}"
        return f"<Council {what}: {self.size} members, veto: {' '.join(sorted(self.veto))}>"


def _default_rules(size: int) -> Rules:
    """Rules for a custom council with none given: a majority of about three fifths."""
    return Rules(f"{-(-3 * size // 5)} of {size}", -(-3 * size // 5), source="custom rules")


@functools.cache
def _councils() -> dict[int, Council]:
    """Load every bundled council once."""
    text = resources.files("unsc.data").joinpath("councils.csv").read_text(encoding="utf-8")
    table: dict[int, Council] = {}
    for row in csv.DictReader(text.splitlines()):
        year = int(row["year"])
        called = dict(pair.split("=", 1) for pair in row["names_at_time"].split(";") if pair)
        members = [
            Member.of(code, permanent=True, called=called.get(code))
            for code in row["permanent"].split()
        ] + [Member.of(code, called=called.get(code)) for code in row["elected"].split()]
        table[year] = Council(members, rules=Rules.for_year(year), year=year)
    return table

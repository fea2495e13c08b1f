"""Vetoes cast in the Council, derived from the record of every decision.

The list is not kept apart from the record: it is read off the decisions recorded as
vetoed, so the two cannot disagree. Two counting conventions
([`Convention`][unsc.history.vetoes.Convention], or its value):

* ``"draft"`` (the default): one veto per permanent member per vetoed proposal — draft
  resolutions and preliminary questions, not amendments — as in the UN Dag Hammarskjöld
  Library's veto list (https://research.un.org/en/docs/sc/quick/veto). The double veto
  of 24 May 1948 counts twice.
* ``"vote"``: one veto per permanent member per vote, amendments included (the UN's
  "Highlights of Security Council Practice" count the veto of an amendment of 22 December
  2023 among 2023's vetoes).

Other compilers count otherwise (Sievers and Daws's tables, or counting the USSR and the
Russian Federation together): compare like with like.
"""

from __future__ import annotations

import collections
import datetime
import types
from collections.abc import Iterator, Mapping
from typing import Any, overload

import attrs

from unsc._args import as_flag
from unsc._prose import day
from unsc._table import Table, Tabular
from unsc._vocabulary import Vocabulary
from unsc.errors import (
    InvalidFieldError,
    NoSuchEntryError,
    position,
)
from unsc.history._store import symbol_key
from unsc.members import Member, code_of
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind

__all__ = ["CONVENTIONS", "SOURCE", "Convention", "Veto", "VetoList", "vetoes"]


class Convention(Vocabulary):
    """How vetoes are counted."""

    DRAFT = "draft"
    """One veto per permanent member per vetoed proposal, draft resolutions and
    preliminary questions, not amendments (the UN library's list)."""
    VOTE = "vote"
    """One veto per permanent member per vote, amendments included."""

    @property
    def words(self) -> str:
        """What the convention counts, in words (as the captions say it)."""
        return _WORDS[self]

    @classmethod
    def noun(cls) -> str:
        """What a value of this vocabulary is called in messages."""
        return "a counting convention"


def _convention(value: Convention | str) -> Convention:
    return Convention.parse(value)


_WORDS = {
    Convention.DRAFT: "one veto per permanent member per vetoed proposal, draft resolutions "
    "and preliminary questions (the UN library's list)",
    Convention.VOTE: "one veto per permanent member per vote, amendments included",
}
#: The counting conventions, by value, in words (the values
#: [`Convention.parse`][unsc.history.vetoes.Convention.parse] reads).
CONVENTIONS: Mapping[str, str] = types.MappingProxyType({c.value: c.words for c in Convention})
#: Where the vetoes come from.
SOURCE = (
    "unsc's record of every decision (the UN Dag Hammarskjöld Library's meetings tables, "
    "checked against its veto list, and UN sources after June 2022); see unsc/data/README.md"
)


@attrs.frozen(repr=False)
class Veto:
    """One vetoed proposal.

    Attributes:
        record: The decision on record.
        members: Codes of the permanent members that cast the veto.
    """

    record: Resolution
    members: tuple[str, ...]

    @property
    def date(self) -> datetime.date:
        """The day of the vote."""
        if self.record.date is None:  # every record on file has a date
            raise NoSuchEntryError("a dated record", self.record.symbol, ())
        return self.record.date

    @property
    def draft(self) -> str:
        """The draft's symbol (or, for early years, its name by meeting)."""
        return self.record.symbol

    @property
    def meeting(self) -> str:
        """The meeting record."""
        return self.record.meeting

    @property
    def agenda(self) -> str:
        """The agenda item, as the record gives it."""
        return self.record.topic

    @property
    def kind(self) -> Kind:
        """What was vetoed: a draft, an amendment or a preliminary question."""
        return self.record.kind

    def __repr__(self) -> str:
        return f"<Veto {self.draft}, {self.date.isoformat()}: {' '.join(self.members)}>"


@attrs.frozen(repr=False)
class VetoList(Tabular):
    """Every veto, with counts per member and per decade: a sequence of
    [`Veto`][unsc.history.vetoes.Veto].

    As a table (``str()``, ``table(fmt)``, the notebook's HTML) it shows the counts per
    member; [`listing`][unsc.history.vetoes.VetoList.listing] one row per vetoed proposal,
    [`decade_table`][unsc.history.vetoes.VetoList.decade_table] the counts per decade.
    Its CSV, JSON and DataFrame give one row per vetoed proposal, whichever view.

    Examples:
        >>> from unsc import history
        >>> listing = history.vetoes()
        >>> listing.counts()["SUN"], listing.counts()["GBR"]
        (90, 29)

    Attributes:
        vetoes: The vetoes, oldest first.
        convention: How they are counted (a
            [`Convention`][unsc.history.vetoes.Convention], or its value).
        source: Where they come from.
        years: The years the list was narrowed to by
            [`between`][unsc.history.vetoes.VetoList.between], if it was.
    """

    #: The columns of the data (CSV, JSON, DataFrame): one row per vetoed proposal.
    COLUMNS = ("date", "draft", "kind", "meeting", "agenda", "members")

    vetoes: tuple[Veto, ...]
    convention: Convention = attrs.field(default=Convention.DRAFT, converter=_convention)
    source: str = SOURCE
    years: tuple[int, int] | None = None

    def caption(self) -> str:
        """What the counts rest on: the convention, what it leaves out in the period, the
        declared gaps, where the record ends, and the sources."""
        from unsc.history.records import extent

        first, last = self.years if self.years is not None else (None, None)
        span = extent()
        if span.after_end(first):
            return f"No vetoes on record after {day(span.last)}: the record ends there."
        text = f"Counted as {self.convention.words}."
        if self.convention is Convention.DRAFT:
            left = len(vetoes("vote").between(first or 1946, last or span.last.year)) - len(
                vetoes("draft").between(first or 1946, last or span.last.year)
            )
            if left:
                text += (
                    f" {left} vetoed amendment{'s' if left != 1 else ''} in this period "
                    "not counted (convention 'vote' counts them)."
                )
        return f"{text} {span.note(first, last)}"

    def counts(self) -> dict[str, int]:
        """Vetoes cast per permanent member (by code), most first."""
        counter = collections.Counter(code for veto in self.vetoes for code in veto.members)
        return dict(counter.most_common())

    def by(self, member: str | Member) -> VetoList:
        """The vetoes cast by ``member`` (a code, name or alias: ``"Russia"``, ``"USSR"``).

        The USSR and the Russian Federation are told apart, as in the UN library's list.

        Raises:
            UnknownStateError: For a name that is no state unsc knows.
        """
        code = code_of(member, "VetoList.by(member)")
        return attrs.evolve(self, vetoes=tuple(v for v in self.vetoes if code in v.members))

    def between(self, first: int, last: int) -> VetoList:
        """The vetoes cast from year ``first`` to year ``last``, inclusive."""
        from unsc.council import as_year

        low, high = as_year(first, "between(first)"), as_year(last, "between(last)")
        return attrs.evolve(
            self,
            vetoes=tuple(v for v in self.vetoes if low <= v.date.year <= high),
            years=(low, high),
        )

    def by_decade(self) -> dict[str, dict[str, int]]:
        """Vetoes per member in each decade: ``{"1940s": {"SUN": 21, ...}, ...}``."""
        table: dict[str, collections.Counter[str]] = {}
        for veto in self.vetoes:
            decade = f"{veto.date.year // 10 * 10}s"
            table.setdefault(decade, collections.Counter()).update(veto.members)
        return {decade: dict(counts.most_common()) for decade, counts in sorted(table.items())}

    def as_table(self, *, listing: bool = False, by_decade: bool = False) -> Table:
        """The vetoes as a ``Table``, the caption beneath: the counts per
        member; with ``listing``, one row per vetoed proposal (date, symbol, kind, who
        vetoed it, the vote, the agenda); with ``by_decade``, the counts per member
        (columns) in each decade (rows). CSV, JSON and the DataFrame give one row per
        vetoed proposal, whichever is shown. A list of no vetoes is its caption alone.

        Raises:
            InvalidTypeError: For ``listing`` or ``by_decade`` other than True or False.
            InvalidFieldError: For both at once (one view at a time).
        """
        listing = as_flag(listing, "VetoList.as_table(listing)")
        by_decade = as_flag(by_decade, "VetoList.as_table(by_decade)")
        if listing and by_decade:
            raise InvalidFieldError(
                "VetoList.as_table(listing, by_decade)", (listing, by_decade), "one view at a time"
            )
        headers: tuple[str, ...]
        rows: list[tuple[Any, ...]]
        if listing:
            headers = ("date", "draft", "kind", "vetoed by", "vote", "agenda")
            rows = [
                (v.date.isoformat(), v.draft, v.kind.value, " ".join(v.members),
                 str(v.record.tally) if v.record.complete else "not on record", v.agenda)
                for v in self.vetoes
            ]  # fmt: skip
        elif by_decade:
            members = list(self.counts())
            headers = ("decade", *members, "all")
            rows = [
                (decade, *(counts.get(m, 0) for m in members), sum(counts.values()))
                for decade, counts in self.by_decade().items()
            ]
        else:
            headers, rows = ("member", "vetoes"), list(self.counts().items())
        return Table(
            headers, rows, caption=self.caption(), data=self._data(), data_columns=self.COLUMNS
        )

    def _data(self) -> list[dict[str, Any]]:
        """One mapping per vetoed proposal, in the order of ``COLUMNS``."""
        return [
            {"date": v.date, "draft": v.draft, "kind": v.kind.value, "meeting": v.meeting,
             "agenda": v.agenda, "members": " ".join(v.members)}
            for v in self.vetoes
        ]  # fmt: skip

    def listing(self, fmt: str = "simple") -> str:
        """One row per vetoed proposal: date, symbol, kind, who vetoed it, the vote, the
        agenda; the caption beneath (``as_table(listing=True)`` rendered in ``fmt``).

        Raises:
            UnknownChoiceError: For a format that is none of tabulate's, ``csv`` or ``json``.
        """
        return self.as_table(listing=True).render(fmt)

    def decade_table(self, fmt: str = "simple") -> str:
        """Vetoes per member (columns) in each decade (rows), the caption beneath
        (``as_table(by_decade=True)`` rendered in ``fmt``).

        Raises:
            UnknownChoiceError: For a format that is none of tabulate's, ``csv`` or ``json``.
        """
        return self.as_table(by_decade=True).render(fmt)

    def plot(self, *, ax: Any = None) -> Any:
        """Vetoes per member by decade, stacked (each member its colour and hatching).
        Returns the matplotlib Axes (needs the ``plot`` extra)."""
        from unsc._plot import axes, label, stacked_bars

        ax = axes(ax, (8, 4.5))
        table = self.by_decade()
        members = list(self.counts())
        series = [(m, [counts.get(m, 0) for counts in table.values()]) for m in members]
        stacked_bars(ax, list(table), series)
        ax.set_xlabel("decade")
        ax.set_ylabel(f"vetoes ({self.convention.value})")
        label(ax, "Vetoes per permanent member by decade", f"{len(self)} vetoed proposals.",
              self.caption())  # fmt: skip
        return ax

    def __iter__(self) -> Iterator[Veto]:
        return iter(self.vetoes)

    def __len__(self) -> int:
        return len(self.vetoes)

    @overload
    def __getitem__(self, key: int | str) -> Veto: ...
    @overload
    def __getitem__(self, key: slice) -> VetoList: ...
    def __getitem__(self, key: int | str | slice) -> Veto | VetoList:
        if isinstance(key, slice):
            return attrs.evolve(self, vetoes=self.vetoes[key])
        if isinstance(key, str):
            wanted = symbol_key(key)
            for veto in self.vetoes:
                if symbol_key(veto.draft) == wanted:
                    return veto
            raise NoSuchEntryError("a vetoed draft in this list", key, ())
        return self.vetoes[position(key, len(self.vetoes), "a position in this list")]

    def __repr__(self) -> str:
        counted = self.convention.value
        if not self.vetoes:
            return f"<VetoList: no vetoes ({counted})>"
        return (
            f"<VetoList: {len(self.vetoes)} vetoed proposals, {self.vetoes[0].date.year}–"
            f"{self.vetoes[-1].date.year}, counted per {counted}>"
        )


def vetoes(convention: Convention | str = Convention.DRAFT) -> VetoList:
    """Every veto on record, counted by ``convention`` (a
    [`Convention`][unsc.history.vetoes.Convention] or its value, ``"draft"`` or ``"vote"``).

    Examples:
        >>> from unsc import history
        >>> per_draft, per_vote = history.vetoes(), history.vetoes("vote")
        >>> len(per_vote) >= len(per_draft)
        True

    Raises:
        UnknownChoiceError: For a convention that is neither ``"draft"`` nor ``"vote"``.
    """
    from unsc.history.records import records

    counted = Convention.parse(convention)
    found = []
    for record in records(outcome=Outcome.VETOED):
        if counted is Convention.DRAFT and record.kind is Kind.AMENDMENT:
            continue
        found.append(Veto(record, tuple(m.code for m in record.vetoed_by)))
    return VetoList(tuple(found), counted)

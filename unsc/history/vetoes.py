"""Vetoes cast in the Council, derived from the record of every decision.

The list is not kept apart from the record: it is read off the decisions recorded as
vetoed, so the two cannot disagree. Two counting conventions:

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
import html
from collections.abc import Iterator
from typing import Any, overload

import attrs
from tabulate import tabulate

from unsc._args import table_format
from unsc._frames import frame
from unsc.errors import NoSuchEntryError, choice, position
from unsc.members import Member, code_of
from unsc.resolution import Resolution
from unsc.rules import Outcome
from unsc.votes import Kind

__all__ = ["CONVENTIONS", "SOURCE", "Veto", "VetoList", "vetoes"]

#: The counting conventions, by name, in words.
CONVENTIONS = {
    "draft": "one veto per permanent member per vetoed proposal, draft resolutions and "
    "preliminary questions (the UN library's list)",
    "vote": "one veto per permanent member per vote, amendments included",
}
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
class VetoList:
    """Every veto, with counts per member and per decade: a sequence of
    [`Veto`][unsc.history.vetoes.Veto].

    Examples:
        >>> from unsc import history
        >>> listing = history.vetoes()
        >>> listing.counts()["SUN"], listing.counts()["GBR"]
        (90, 29)

    Attributes:
        vetoes: The vetoes, oldest first.
        convention: How they are counted (a key of
        [`CONVENTIONS`][unsc.history.vetoes.CONVENTIONS]). source: Where they come from.
    """

    vetoes: tuple[Veto, ...]
    convention: str = "draft"
    source: str = SOURCE
    years: tuple[int, int] | None = None

    def caption(self) -> str:
        """What the counts rest on: the convention, what it leaves out in the period, the
        declared gaps, where the record ends, and the sources."""
        from unsc.history.records import extent

        first, last = self.years if self.years is not None else (None, None)
        span = extent()
        if span.after_end(first):
            return f"No vetoes on record after {_day(span.last)}: the record ends there."
        text = f"Counted as {CONVENTIONS[self.convention]}."
        if self.convention == "draft":
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

    def decade_table(self, fmt: str = "simple") -> str:
        """Vetoes per member (columns) in each decade (rows).

        Raises:
            UnknownPresetError: For a format tabulate does not know.
        """
        fmt = table_format(fmt)
        members = list(self.counts())
        rows = [
            [decade, *(counts.get(m, 0) for m in members), sum(counts.values())]
            for decade, counts in self.by_decade().items()
        ]
        return tabulate(rows, headers=["decade", *members, "all"], tablefmt=fmt)

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
        ax.set_ylabel(f"vetoes ({self.convention})")
        label(ax, "Vetoes per permanent member by decade", f"{len(self)} vetoed proposals.",
              self.caption())  # fmt: skip
        return ax

    def table(self, fmt: str = "simple") -> str:
        """Counts per member as a table, with the convention and the source beneath.

        Raises:
            UnknownPresetError: For a format tabulate does not know.
        """
        fmt = table_format(fmt)
        if not self.vetoes:
            return self.caption()
        rows = list(self.counts().items())
        body = tabulate(rows, headers=("member", "vetoes"), tablefmt=fmt)
        return f"{body}\n\n{self.caption()}"

    def listing(self, fmt: str = "simple") -> str:
        """One row per vetoed proposal: date, symbol, kind, who vetoed it, the vote, the
        agenda; the caption beneath.

        Raises:
            UnknownPresetError: For a format tabulate does not know.
        """
        fmt = table_format(fmt)
        if not self.vetoes:
            return self.caption()
        rows = [
            (v.date.isoformat(), v.draft, v.kind.value, " ".join(v.members),
             str(v.record.tally) if v.record.complete else "not on record", v.agenda)
            for v in self.vetoes
        ]  # fmt: skip
        headers = ("date", "draft", "kind", "vetoed by", "vote", "agenda")
        return f"{tabulate(rows, headers=headers, tablefmt=fmt)}\n\n{self.caption()}"

    def to_dataframe(self) -> Any:
        """One row per vetoed proposal (needs the ``pandas`` extra)."""
        columns = ("date", "draft", "kind", "meeting", "agenda", "members")
        rows = [
            {"date": v.date, "draft": v.draft, "kind": v.kind.value, "meeting": v.meeting,
             "agenda": v.agenda, "members": " ".join(v.members)}
            for v in self.vetoes
        ]  # fmt: skip
        return frame(rows, columns)

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
            wanted = "".join(key.split()).casefold()
            for veto in self.vetoes:
                if "".join(veto.draft.split()).casefold() == wanted:
                    return veto
            raise NoSuchEntryError("a vetoed draft in this list", key, ())
        return self.vetoes[position(key, len(self.vetoes), "a position in this list")]

    def _repr_html_(self) -> str:
        rows = list(self.counts().items())
        body = tabulate(rows, headers=("member", "vetoes"), tablefmt="html")
        return f"{body}<p>{html.escape(self.caption())}</p>"

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        if not self.vetoes:
            return f"<VetoList: no vetoes ({self.convention})>"
        return (
            f"<VetoList: {len(self.vetoes)} vetoed proposals, {self.vetoes[0].date.year}–"
            f"{self.vetoes[-1].date.year}, counted per {self.convention}>"
        )


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def vetoes(convention: str = "draft") -> VetoList:
    """Every veto on record, counted by ``convention`` (see
    [`CONVENTIONS`][unsc.history.vetoes.CONVENTIONS]).

    Examples:
        >>> from unsc import history
        >>> per_draft, per_vote = history.vetoes(), history.vetoes("vote")
        >>> len(per_vote) >= len(per_draft)
        True

    Raises:
        UnknownPresetError: For a convention that is neither ``"draft"`` nor ``"vote"``.
    """
    from unsc.history.records import records

    choice("a counting convention", convention, CONVENTIONS)
    found = []
    for record in records(outcome=Outcome.VETOED):
        if convention == "draft" and record.kind is Kind.AMENDMENT:
            continue
        found.append(Veto(record, tuple(m.code for m in record.vetoed_by)))
    return VetoList(tuple(found), convention)

"""How far the record reaches: its first and last day, where the UN library's tables end,
the resolution numbers it declares missing, and the UN voting file merged into it.

Every listing, summary and caption says what it rests on through
[`Extent.note`][unsc.history.extent.Extent.note].
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from unsc._prose import day, joined

__all__ = ["Extent", "Gap"]


@attrs.frozen
class Gap:
    """Resolution numbers the bundled record does not hold yet, and why.

    Attributes:
        first: The first number missing.
        last: The last number missing.
        reason: Why they are missing.
    """

    first: int
    last: int
    reason: str
    after: datetime.date | None = None
    before: datetime.date | None = None

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last

    @property
    def years(self) -> tuple[int, int]:
        """The years the missing resolutions fall in: those of the resolutions on record
        either side of them."""
        low = self.after.year if self.after else 1946
        high = self.before.year if self.before else (self.after.year if self.after else low)
        return low, high

    def __str__(self) -> str:
        span = str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        low, high = self.years
        when = str(low) if low == high else f"{low} or {high}"
        word = "resolution" if self.first == self.last else "resolutions"
        return f"{word} {span} ({when}) not on record"

    def __repr__(self) -> str:
        span = str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        return f"<Gap: resolutions {span}>"


@attrs.frozen
class Extent:
    """How far the bundled record reaches, and what it declares missing.

    Attributes:
        first: The day of the first decision on record.
        last: The day of the last decision on record: the record ends there.
        tables_end: The last day the UN library's meeting tables cover; later decisions
            come from UN press releases and the other sources each record names.
        gaps: Resolution numbers declared missing.
        incomplete: Decisions whose member votes are declared incomplete.
        undl: The UN voting file merged into the record (``unsc data update``), by name;
            empty when the record is the bundle alone.
        conflicts: How many differences between the bundle and that file were found (the
            bundled record kept in each; ``history.records().conflicts`` lists them).
        unread: Why that file could not be read, if it could not (the bundle alone is used).
        bundle_end: The last day of the bundled record, when that file reaches further
            (``last`` is then the file's last day; drafts not adopted end here).
    """

    first: datetime.date
    last: datetime.date
    tables_end: datetime.date
    gaps: tuple[Gap, ...]
    incomplete: int
    undl: str = ""
    conflicts: int = 0
    unread: str = ""
    bundle_end: datetime.date | None = None

    def note(self, first: int | None = None, last: int | None = None) -> str:
        """What a count over the years ``first`` to ``last`` rests on, in sentences: the
        declared gaps within them, where the record ends, and the sources.

        Examples:
            >>> from unsc import history
            >>> print(history.extent().note(2025, 2026))
            Resolutions 2807 (2025) and 2812 (2025 or 2026) not on record. The record ends
            on 7 April 2026. Sources: UN press releases, UN News, Security Council Report
            and news agencies (each decision names its own).
        """
        low = self.first.year if first is None else first
        high = self.last.year if last is None else last
        parts = []
        gaps = [g for g in self.gaps if g.years[0] <= high and g.years[1] >= low]
        if gaps:
            parts.append(_gap_sentence(gaps))
        if high >= self.last.year:
            parts.append(f"The record ends on {day(self.last)}.")
        if self.bundle_end is not None and high >= self.bundle_end.year:
            parts.append(
                f"Decisions not adopted are on record to {day(self.bundle_end)}; the UN's "
                "voting file lists adopted resolutions only."
            )
        sources = []
        if low <= self.tables_end.year:
            sources.append(
                f"the UN Dag Hammarskjöld Library's meeting tables to {_month(self.tables_end)}"
            )
        if high >= self.tables_end.year:
            sources.append(
                "UN press releases, UN News, Security Council Report and news agencies"
                + (" after" if sources else "")
            )
        parts.append(f"Sources: {'; '.join(sources)} (each decision names its own).")
        if self.unread:
            parts.append(
                f"The UN's voting file {self.undl} could not be read, so the bundle alone is "
                f"used: {self.unread}."
            )
        elif self.undl:
            differ = (
                f"; {self.conflicts} {'conflict' if self.conflicts == 1 else 'conflicts'} "
                "with it, the bundled record kept"
                if self.conflicts
                else ""
            )
            parts.append(f"Member votes also from the UN's voting file {self.undl}{differ}.")
        return " ".join(parts)

    def after_end(self, first: int | None) -> bool:
        """Whether a period starting in year ``first`` lies wholly after the record."""
        return first is not None and first > self.last.year


def _gap_sentence(gaps: Sequence[Gap]) -> str:
    texts = []
    for gap in gaps:
        span = str(gap.first) if gap.first == gap.last else f"{gap.first}–{gap.last}"
        low, high = gap.years
        texts.append(f"{span} ({low if low == high else f'{low} or {high}'})")
    word = "Resolution" if len(gaps) == 1 and gaps[0].first == gaps[0].last else "Resolutions"
    listed = joined(texts)
    return f"{word} {listed} not on record."


def _month(day: datetime.date) -> str:
    return f"{day:%B %Y}"

"""Agreement over time: the measures of [`agreement`][unsc.analysis.agreement.agreement]
year by year, or over a rolling window of years, for chosen pairs of members.

Examples:
    >>> from unsc import history
    >>> from unsc.analysis import agreement_trend
    >>> trend = agreement_trend(history.records(years=(2022, 2024)), pairs=[("USA", "GBR")])
    >>> trend.periods
    (2022, 2023, 2024)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._args import as_position, as_text, as_whole
from unsc._plot import RECORD_SOURCE, axes, label, style
from unsc._table import Table, Tabular
from unsc.analysis._common import MEASURE_FORMULAS, member_code, record_note, value_or_gap
from unsc.analysis.agreement import PERMANENT, Agreement, Measure, Pair, agreement
from unsc.errors import InvalidTypeError
from unsc.members import counted_as
from unsc.resolution import Resolution

__all__ = ["Trend", "agreement_trend"]

_NO_VOTES = ((0, 0, 0), (0, 0, 0), (0, 0, 0))


def _pair(found: Agreement, a: str, b: str) -> Pair:
    """The pair in ``found``, or an empty one where either did not sit in that period."""
    if a in found.members and b in found.members:
        return found.pair(a, b)
    return Pair(a, b, _NO_VOTES)


@attrs.frozen(repr=False, eq=False)
class Trend(Tabular, Sequence[tuple[int, Agreement]]):
    """Agreement period by period: a sequence of (year,
    [`Agreement`][unsc.analysis.agreement.Agreement]), one per period with a decision
    counted, and the chosen pairs' values as series.

    Attributes:
        measure: The measure shown.
        window: Years in each period's window (1: the year alone; 5: the year and the four
            before it).
        pairs: The pairs followed, as (first, second) codes.
        periods: The years, oldest first.
    """

    measure: str
    window: int
    pairs: tuple[tuple[str, str], ...]
    periods: tuple[int, ...]
    _found: tuple[Agreement, ...]

    def __len__(self) -> int:
        return len(self.periods)

    @overload
    def __getitem__(self, key: int) -> tuple[int, Agreement]: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[tuple[int, Agreement], ...]: ...
    def __getitem__(
        self, key: int | slice
    ) -> tuple[int, Agreement] | tuple[tuple[int, Agreement], ...]:
        rows = tuple(zip(self.periods, self._found))
        if isinstance(key, slice):
            return rows[key]
        return rows[as_position(key, len(self), "a period's position")]

    def __iter__(self) -> Iterator[tuple[int, Agreement]]:
        return iter(zip(self.periods, self._found))

    def __repr__(self) -> str:
        span = f"{self.periods[0]}–{self.periods[-1]}" if self.periods else "no period"
        return f"<Trend {self.measure}: {len(self.pairs)} pairs, {span}>"

    def labels(self) -> list[str]:
        """Each pair as ``"USA–RUS"``."""
        return [f"{a}–{b}" for a, b in self.pairs]

    def series(self, first: str, second: str) -> list[Fraction | None]:
        """The values of one pair, period by period (``None`` with no common vote)."""
        a, b = member_code(first, "series(first)"), member_code(second, "series(second)")
        return [_pair(found, a, b).measure(self.measure) for found in self._found]

    def values(self) -> list[list[Fraction | None]]:
        """Period by period, the value of each pair followed."""
        return [
            [_pair(found, a, b).measure(self.measure) for a, b in self.pairs]
            for found in self._found
        ]

    def caption(self) -> str:
        """What the numbers rest on: measure, window, period and decisions."""
        counted = sum(f.decisions for f in self._found) if self.window == 1 else None
        without = sum(f.without_votes for f in self._found) if self.window == 1 else None
        span = f"{self.periods[0]}–{self.periods[-1]}" if self.periods else "no period"
        window = "by year" if self.window == 1 else f"over rolling {self.window}-year windows"
        if counted is not None:
            rest = f"; {counted} decisions with every member's vote, {without} without"
        elif self._found:
            each = [f.decisions for f in self._found]
            rest = f"; {min(each)}–{max(each)} decisions with every member's vote per window"
        else:
            rest = ""
        first = int(str(self.periods[0])[:4]) if self.periods else None
        last = int(str(self.periods[-1])[-4:]) if self.periods else None
        return (
            f"{self.measure} agreement {window}, {span}{rest}. {record_note(first, last)}".strip()
        )

    def as_table(self) -> Table:
        """Periods down, pairs across, and the decisions each period rests on; its data
        one row per period and pair."""
        rows = [
            [year, found.decisions,
             *("—" if v is None else f"{float(v):.3f}" for v in values)]
            for year, found, values in zip(self.periods, self._found, self.values())
        ]  # fmt: skip
        return Table(
            ("year", "decisions", *self.labels()),
            rows,
            caption=self.caption(),
            data=self.to_rows(),
            data_columns=("year", "pair", "votes", self.measure),
        )

    def to_rows(self) -> list[dict[str, object]]:
        """One row per period and pair: year, pair, votes cast together and the value
        (a float; ``None`` with no common vote)."""
        rows: list[dict[str, object]] = []
        for year, found in zip(self.periods, self._found):
            for a, b in self.pairs:
                pair = _pair(found, a, b)
                value = pair.measure(self.measure)
                rows.append({"year": year, "pair": f"{a}–{b}", "votes": pair.votes,
                             self.measure: None if value is None else float(value)})  # fmt: skip
        return rows

    def plot(self, *, ax: Any = None, source: str = RECORD_SOURCE) -> Any:
        """Each pair's agreement over time, a line per pair (each its own colour and line
        style); periods without a common vote left as gaps. Returns the matplotlib Axes
        (needs the ``plot`` extra)."""
        as_text(source, "Trend.plot(source)", blank=True)
        # The legend stands beside the plot, never over it, in columns of at most 28 lines
        # (unsc trends --with USA draws one line per member that sat with the USA).
        columns = max(1, -(-len(self.pairs) // 28))
        ax = axes(ax, (9 + 1.4 * columns, 5 + 0.1 * min(len(self.pairs), 28)))
        for i, (a, b) in enumerate(self.pairs):
            values = [value_or_gap(v) for v in self.series(a, b)]
            ax.plot(self.periods, values, label=f"{a}–{b}", linewidth=1.4, **style(i))
        ax.set_xlabel("year" if self.window == 1 else f"year (window of {self.window} years)")
        ax.set_ylabel(f"{self.measure} ({MEASURE_FORMULAS[self.measure]})")
        if self.measure != "kappa":
            ax.set_ylim(0, 1.02)
        ax.legend(
            fontsize=7, ncol=columns, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1)
        )
        label(ax, f"Agreement over time: {self.measure}", self.caption(), source)
        return ax


def agreement_trend(
    records: Iterable[Resolution] | None = None,
    *,
    measure: Measure | str = "identical",
    window: int = 1,
    pairs: Iterable[tuple[str, str]] | None = None,
    with_: str | None = None,
) -> Trend:
    """Agreement year by year (or over a rolling window of years).

    Args:
        records: Decisions, as for [`agreement`][unsc.analysis.agreement.agreement].
        measure: One of [`MEASURES`][unsc.analysis.agreement.MEASURES].
        window: Years per window: each year's value rests on that year and the
            ``window - 1`` before it.
        pairs: The pairs to follow, each two members by code, name or alias; by default
            the ten pairs of permanent members.
        with_: Instead of ``pairs``: every member's agreement with this one (e.g. each
            elected member with the United States).

    Examples:
        >>> from unsc import history
        >>> trend = agreement_trend(history.records(years=(2022, 2024)))
        >>> trend.periods
        (2022, 2023, 2024)
        >>> trend.series("USA", "GBR")[1]
        Fraction(29, 31)

    Raises:
        UnknownChoiceError: For a measure that is none of the four.
        InvalidFieldError: For a window below 1.
        InvalidFieldError: For a window longer than the years a Council could vote in.
        InvalidTypeError: For ``pairs`` that are not a list of pairs of members.
    """
    measure = Measure.parse(measure).value
    window = as_whole(
        window,
        "agreement_trend(window)",
        low=1,
        high=_YEARS_OF_COUNCIL,
        limit="the years from 1946 to 2100, when a Council could have voted",
    )
    if records is None:
        from unsc.history import records as all_records

        records = all_records()
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidTypeError(
            "agreement_trend(records)", records, "give resolutions, e.g. history.records()"
        )
    by_year: dict[int, list[Resolution]] = {}
    for record in records:
        if not isinstance(record, Resolution):
            raise InvalidTypeError(
                "agreement_trend(records)", record, "give unsc.Resolution records"
            )
        if record.date is not None:
            by_year.setdefault(record.date.year, []).append(record)
    if with_ is not None:
        anchor = member_code(with_, "agreement_trend(with_)")
        # the members of decisions with member votes: no others could have a value
        voted = (r for rs in by_year.values() for r in rs if r.member_votes is not None)
        others = sorted({counted_as(m.code) for r in voted for m in r.council.members} - {anchor})
        chosen = [(anchor, other) for other in others]
    elif pairs is None:
        chosen = list(itertools.combinations(PERMANENT, 2))
    else:
        chosen = [_two(pair) for pair in _pairs(pairs)]
    wanted = tuple(dict.fromkeys(code for pair in chosen for code in pair))
    periods, found = [], []
    years = sorted(by_year)
    for year in years:  # each window from the years on record, not every year it spans
        span = [r for y in years if year - window < y <= year for r in by_year[y]]
        # only the members who sat in the period: a pair with one absent has no common vote
        present = {counted_as(m.code) for r in span for m in r.council.members}
        counted = agreement(span, members=[code for code in wanted if code in present])
        if counted.decisions:
            periods.append(year)
            found.append(counted)
    return Trend(measure, window, tuple(chosen), tuple(periods), tuple(found))


#: The longest window there can be: the years from the Council's first (1946) to 2100.
_YEARS_OF_COUNCIL = 2100 - 1946 + 1


def _pairs(pairs: object) -> list[object]:
    """``pairs`` as a list, refusing one pair given where a list of them is asked for."""
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
        raise InvalidTypeError("agreement_trend(pairs)", pairs, "give a list of pairs")
    found = list(pairs)
    if len(found) == 2 and all(isinstance(p, str) for p in found):
        raise InvalidTypeError(
            "agreement_trend(pairs)", pairs, f"give a list of pairs: [{tuple(found)!r}]"
        )
    return found


def _two(pair: object) -> tuple[str, str]:
    if isinstance(pair, str) or not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise InvalidTypeError("a pair in agreement_trend(pairs)", pair, "give two members")
    return member_code(pair[0], "pairs"), member_code(pair[1], "pairs")

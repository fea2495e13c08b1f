"""Who votes with whom: agreement between members over a set of decisions.

For every pair of members the votes they cast on the same decisions are counted in a
3 × 3 table (yes, no, abstain against yes, no, abstain); every measure is read from it,
exactly, as a fraction. A vote counts only where both members voted: a member absent or
not participating is left out of that pair's count and counted apart (``excluded``).
Abstention is kept a vote of its own, never folded into "no".

The measures (``docs/agreement.md`` gives each with its source):

``identical``
    The share of identical votes: same / both voted.
``coincidence``
    The US State Department's "voting coincidence", votes only: identical votes over the
    votes on which both voted yes or no (an abstention on either side leaves the vote
    out). *Voting Practices in the United Nations*, "Format and methodology".
``lijphart``
    Lijphart's index of agreement: (same + ½ × votes where one abstained and the other
    voted yes or no) / both voted; opposite votes count nothing (Lijphart, *American
    Political Science Review* 57, 1963).
``kappa``
    Cohen's kappa over yes / no / abstain: the agreement beyond what the two members'
    own rates of yes, no and abstain would give by chance, (p_o − p_e) / (1 − p_e)
    (Cohen, *Educational and Psychological Measurement* 20, 1960). Undefined where both
    members always cast the one same vote.

Examples:
    >>> from unsc import history
    >>> from unsc.analysis import agreement
    >>> found = agreement(history.records(year=2023))
    >>> pair = found["USA", "GBR"]
    >>> pair.votes, pair.identical
    (62, Fraction(29, 31))
    >>> found["USA", "Russia"].identical
    Fraction(19, 31)
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._args import as_position, as_probability, as_text, as_whole
from unsc._plot import RECORD_SOURCE, axes, label, style
from unsc._table import Table, Tabular
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoDataError,
    NoSuchEntryError,
    UnknownPresetError,
)
from unsc.members import PERMANENT as _FIVE
from unsc.members import code_of, counted_as, state_name
from unsc.resolution import Resolution
from unsc.votes import Vote

__all__ = [
    "MEASURES",
    "PERMANENT",
    "Agreement",
    "Blocs",
    "Measure",
    "Pair",
    "Trend",
    "agreement",
    "agreement_trend",
    "blocs",
]

#: The permanent members, as counted across their names (the USSR as the Russian Federation).
PERMANENT = tuple(sorted(_FIVE))


class Measure(enum.Enum):
    """A measure of agreement between two members (see the module's description).
    Wherever a measure is asked for, its value string (``"kappa"``) works as well."""

    IDENTICAL = "identical"
    """The share of identical votes."""
    COINCIDENCE = "coincidence"
    """The US State Department's voting coincidence, votes only."""
    LIJPHART = "lijphart"
    """Lijphart's index of agreement: half a point where one abstained."""
    KAPPA = "kappa"
    """Cohen's kappa: the agreement beyond what the two members' own shares give by chance."""

    @classmethod
    def _missing_(cls, value: object) -> Measure:
        # Measure("Kappa") refused in words, as parse() does, not a bare ValueError.
        return cls.parse(value)  # type: ignore[arg-type]

    @classmethod
    def parse(cls, value: Measure | str) -> Measure:
        """Read a measure from a [`Measure`][unsc.analysis.agreement.Measure] or its value
        (``"identical"``, ``"coincidence"``, ``"lijphart"``, ``"kappa"``).

        Raises:
            UnknownPresetError: For anything else, naming the measures.
        """
        if isinstance(value, Measure):
            return value
        found = _MEASURE_OF.get(value) if isinstance(value, str) else None
        if found is None:
            raise UnknownPresetError("a measure", value, MEASURES)
        return found


#: The measures, by name, in the order tables show them.
MEASURES = tuple(m.value for m in Measure)
_MEASURE_OF = {m.value: m for m in Measure}

_CAST = {Vote.YES: 0, Vote.NO: 1, Vote.ABSTAIN: 2}
_YES, _NO, _ABSTAIN = 0, 1, 2


def member_code(name: object, where: str) -> str:
    """A member named by code, name or alias (or a `Member`), as the code it is counted
    under across its codes (`unsc.members.counted_as`).

    Raises:
        InvalidTypeError: For anything that is neither a Member nor text.
        UnknownStateError: For a name no state unsc knows goes by, with suggestions.
    """
    return counted_as(code_of(name, where))


def _measure(name: object) -> str:
    """The name of the measure ``name`` reads as (a [`Measure`][unsc.analysis.agreement.Measure]
    or its name), the string results hold and show.

    Raises:
        UnknownPresetError: For anything else, naming the measures.
    """
    return Measure.parse(name).value  # type: ignore[arg-type]  # parse refuses the rest


def _has_votes(record: Resolution) -> bool:
    """Whether every member's vote on ``record`` is known."""
    return record.member_votes is not None


@attrs.frozen(repr=False)
class Pair:
    """Two members' votes on the same decisions, and the measures read from them.

    Attributes:
        first: One member's code.
        second: The other's.
        table: Votes cast together, ``table[i][j]`` for the first voting ``i`` and the second
            ``j`` (0 yes, 1 no, 2 abstain).
        excluded: Decisions both sat on where one or both was absent or did not take part.
    """

    first: str
    second: str
    table: tuple[tuple[int, int, int], ...]
    excluded: int = 0

    def __repr__(self) -> str:
        share = self.identical
        shown = "no common vote" if share is None else f"{float(share):.3f} identical"
        return f"<Pair {self.first}–{self.second}: {self.votes} votes, {shown}>"

    @property
    def votes(self) -> int:
        """Decisions on which both voted (yes, no or abstain)."""
        return sum(map(sum, self.table))

    @property
    def same(self) -> int:
        """Identical votes."""
        return self.table[0][0] + self.table[1][1] + self.table[2][2]

    @property
    def opposite(self) -> int:
        """One yes, the other no."""
        return self.table[0][1] + self.table[1][0]

    @property
    def partial(self) -> int:
        """One abstained, the other voted yes or no."""
        return self.votes - self.same - self.opposite

    @property
    def identical(self) -> Fraction | None:
        """Identical votes over votes cast together; ``None`` with no common vote."""
        return Fraction(self.same, self.votes) if self.votes else None

    @property
    def coincidence(self) -> Fraction | None:
        """The State Department's voting coincidence, votes only: identical votes among
        those where both voted yes or no; ``None`` where there were none."""
        decisive = self.table[0][0] + self.table[1][1] + self.opposite
        return Fraction(self.table[0][0] + self.table[1][1], decisive) if decisive else None

    @property
    def lijphart(self) -> Fraction | None:
        """Lijphart's index: (same + ½ partial) / votes cast together."""
        if not self.votes:
            return None
        return Fraction(2 * self.same + self.partial, 2 * self.votes)

    @property
    def kappa(self) -> Fraction | None:
        """Cohen's kappa over yes / no / abstain; ``None`` with no common vote or where both
        always cast the one same vote (chance then explains everything)."""
        n = self.votes
        if not n:
            return None
        rows = [sum(row) for row in self.table]
        cols = [sum(self.table[i][j] for i in range(3)) for j in range(3)]
        chance = Fraction(sum(r * c for r, c in zip(rows, cols)), n * n)
        if chance == 1:
            return None
        return (Fraction(self.same, n) - chance) / (1 - chance)

    def measure(self, name: Measure | str) -> Fraction | None:
        """The measure called ``name`` (one of [`MEASURES`][unsc.analysis.agreement.MEASURES]).

        Raises:
            UnknownPresetError: For a name that is no measure.
        """
        value: Fraction | None = getattr(self, _measure(name))
        return value

    def to_dict(self) -> dict[str, object]:
        """The counts and every measure (as floats; ``None`` where undefined)."""
        out: dict[str, object] = {
            "first": self.first,
            "second": self.second,
            "votes": self.votes,
            "same": self.same,
            "opposite": self.opposite,
            "partial": self.partial,
            "excluded": self.excluded,
        }
        for name in MEASURES:
            value = self.measure(name)
            out[name] = None if value is None else float(value)
        return out


@attrs.frozen(repr=False, eq=False)
class Agreement(Tabular, Sequence[Pair]):
    """Agreement between every pair of members over a set of decisions: a sequence of
    [`Pair`][unsc.analysis.agreement.Pair], also found by two members
    (``found["USA", "Russia"]``).

    Attributes:
        members: The members counted, by the code each is counted under.
        decisions: Decisions with every member's vote, on which the measures rest.
        without_votes: Decisions in the set without member-by-member votes (known only by
            their counts, or adopted without a vote): not counted, and said.
        first: The date of the earliest decision counted.
        last: The date of the latest.
        measure: The measure its table, matrix, caption and picture show unless they are
            given another (one of [`MEASURES`][unsc.analysis.agreement.MEASURES]).
    """

    members: tuple[str, ...]
    decisions: int
    without_votes: int
    first: datetime.date | None
    last: datetime.date | None
    _pairs: dict[tuple[str, str], Pair]
    _order: tuple[Pair, ...]
    _cast: dict[str, tuple[int, int, int]]
    measure: str = "identical"

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, key: int) -> Pair: ...
    @overload
    def __getitem__(self, key: tuple[str, str]) -> Pair: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Pair, ...]: ...
    def __getitem__(self, key: int | slice | tuple[str, str]) -> Pair | tuple[Pair, ...]:
        if isinstance(key, tuple) and len(key) == 2:
            return self.pair(*key)
        if isinstance(key, slice):
            return self._order[key]
        if isinstance(key, (tuple, str)):
            raise InvalidTypeError(
                "Agreement[key]", key, "give a position or two members, e.g. ['USA', 'RUS']"
            )
        return self._order[as_position(key, len(self), "a pair's position")]

    def __iter__(self) -> Iterator[Pair]:
        return iter(self._order)

    def __repr__(self) -> str:
        return (
            f"<Agreement: {len(self.members)} members, {self.decisions} decisions{self._span()}>"
        )

    def _span(self) -> str:
        if self.first is None or self.last is None:
            return ""
        return (
            f", {self.first.year}–{self.last.year}"
            if self.first.year != self.last.year
            else (f", {self.first.year}")
        )

    def pair(self, first: str, second: str) -> Pair:
        """The two members' pair, each named by code, name or alias (in either order).

        Raises:
            UnknownStateError: For a name that is no state.
            NoSuchEntryError: For a member not counted here.
        """
        a, b = member_code(first, "pair(first)"), member_code(second, "pair(second)")
        for code, given in ((a, first), (b, second)):
            if code not in self.members:
                raise NoSuchEntryError("a member counted here", given, self.members)
        if a == b:
            return self._self_pair(a)
        found = self._pairs.get((a, b))
        if found is not None:
            return found
        mirrored = self._pairs[b, a]
        table = tuple(zip(*mirrored.table))
        return Pair(a, b, table, mirrored.excluded)

    def _self_pair(self, code: str) -> Pair:
        """A member with itself: every vote it cast, on the diagonal."""
        cast = self._cast.get(code, (0, 0, 0))
        diagonal = tuple(tuple(cast[i] if i == j else 0 for j in range(3)) for i in range(3))
        return Pair(code, code, diagonal)  # type: ignore[arg-type]  # 3 × 3

    def _measure(self, measure: object) -> str:
        """``measure``, or the agreement's own when None; one of the four."""
        return self.measure if measure is None else _measure(measure)

    def matrix(self, measure: Measure | str | None = None) -> list[list[Fraction | None]]:
        """The members × members values of ``measure``, in the order of ``members``."""
        measure = self._measure(measure)
        return [[self.pair(a, b).measure(measure) for b in self.members] for a in self.members]

    def with_(
        self, member: str, measure: Measure | str | None = None
    ) -> list[tuple[str, Fraction | None]]:
        """Each other member's agreement with ``member``, highest first (no common vote
        last)."""
        code = member_code(member, "with_(member)")
        measure = self._measure(measure)
        rows = [(other, self.pair(code, other).measure(measure))
                for other in self.members if other != code]  # fmt: skip
        return sorted(rows, key=lambda r: (r[1] is None, -(r[1] or 0), r[0]))

    def caption(self, measure: Measure | str | None = None) -> str:
        """What a number here rests on: the measure, the period and the decisions."""
        measure = self._measure(measure)
        left = (
            f"; {self.without_votes} without member votes not counted"
            if (self.without_votes)
            else ""
        )
        years = (self.first.year, self.last.year) if self.first and self.last else (None, None)
        return (
            f"{measure} agreement over {self.decisions} decisions with every member's vote"
            f"{self._span()}{left}. {record_note(*years)}"
        ).strip()

    def as_table(self, measure: Measure | str | None = None) -> Table:
        """The members × members table of ``measure`` (three decimals; "—" for no common
        vote), with what it rests on; its data (JSON, DataFrame) one row per pair, with the
        counts and every measure."""
        measure = self._measure(measure)
        rows = [
            [a, *("—" if v is None else f"{float(v):.3f}" for v in values)]
            for a, values in zip(self.members, self.matrix(measure))
        ]
        pairs = [pair.to_dict() for pair in self._order]
        return Table(
            ("", *self.members),
            rows,
            caption=self.caption(measure),
            data=pairs,
            data_columns=list(pairs[0]) if pairs else ["first", "second", *MEASURES],
        )

    def table(self, fmt: str = "simple", *, measure: Measure | str | None = None) -> str:
        """The members × members table of ``measure`` (by default the agreement's own;
        three decimals, "—" for no common vote), with what it rests on beneath, in ``fmt``
        as every table.

        Raises:
            InvalidFieldError: For a measure given where the format goes (the order of
                an earlier version): the message shows the call that works.
        """
        if isinstance(fmt, Measure) or fmt in MEASURES:
            raise InvalidFieldError(
                "Agreement.table(fmt)",
                fmt,
                f"name the measure: table(measure={_measure(fmt)!r})",
            )
        return self.as_table(measure).render(fmt)

    def plot(
        self,
        measure: Measure | str | None = None,
        *,
        order: str = "blocs",
        ax: Any = None,
        source: str = RECORD_SOURCE,
        least: int | None = None,
    ) -> Any:
        """A heat map of ``measure`` between every two members, members ordered bloc by bloc
        (``order="blocs"``, as [`blocs`][unsc.analysis.agreement.blocs] joins them) or as
        counted (``order="members"``), labelled by name. Returns the matplotlib Axes (needs
        the ``plot`` extra).

        A small map (up to 16 members) prints each value in its cell. A large one shows
        the members who voted on at least ``least`` of the decisions (by default a tenth of
        them: those who sat about long enough to compare), and says so in its caption;
        ``least=0`` shows everyone. Pairs who never voted together are hatched grey and
        named in the legend.

        Raises:
            MissingDependencyError: Without matplotlib.
            UnknownPresetError: For a measure or an order not offered.
            InvalidFieldError: For a ``least`` that is not a whole number of decisions.
        """
        if order not in ("blocs", "members"):
            raise UnknownPresetError("an order", order, ("blocs", "members"))
        as_text(source, "Agreement.plot(source)", blank=True)
        measure = self._measure(measure)  # checked before matplotlib is imported
        if not self.members:
            raise NoDataError("Agreement.plot()", "no member has a vote in these records")
        cast = {m: sum(self._cast.get(m, (0, 0, 0))) for m in self.members}
        if least is None:
            least = 0 if len(self.members) <= _SMALL_MAP else -(-self.decisions // 10)
        least = as_whole(least, "plot(least)", low=0)
        ranked = list(blocs(self, measure=measure).order if order == "blocs" else self.members)
        members = [m for m in ranked if cast[m] >= least]
        left = len(ranked) - len(members)
        ax = axes(ax, (7.5, 6.5) if len(members) <= _SMALL_MAP else (10, 9))
        values = [
            [_float(self.pair(a, b).measure(measure)) if a != b else 1.0 for b in members]
            for a in members
        ]
        # The scale starts at the lowest value shown (to a tenth), not at the measure's
        # floor: most votes are unanimous, and a 0–1 scale would paint every cell alike.
        seen = [v for row in values for v in row if v == v]
        floor = -1.0 if measure == "kappa" else 0.0
        low = max(floor, math.floor(min(seen, default=floor) * 10) / 10)
        low = min(low, 0.9)
        ax.set_facecolor("#d9d9d9")  # the cells left blank: never voted together
        image = ax.imshow(values, cmap="cividis", vmin=low, vmax=1.0)
        names = [_label(code) for code in members]
        small = len(members) <= _SMALL_MAP
        size = 9 if small else max(4, 8 - len(members) // 15)
        ax.set_xticks(range(len(members)), names, rotation=60 if small else 90,
                      ha="right" if small else "center", fontsize=size)  # fmt: skip
        ax.set_yticks(range(len(members)), names, fontsize=size)
        blank = [(i, j) for i, row in enumerate(values) for j, v in enumerate(row) if v != v]
        for i, j in blank:
            ax.add_patch(_hatched(ax, j, i))
        if small:
            for i, row in enumerate(values):
                for j, v in enumerate(row):
                    if v == v:  # not NaN
                        shade = "white" if v < low + (1.0 - low) / 2 else "black"
                        ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8,
                                color=shade)  # fmt: skip
        scale = f"{measure} ({_FORMULAS[measure]})" + (
            f"; scale from {low:.1f}" if low > floor else ""
        )
        ax.figure.colorbar(image, ax=ax, label=scale, shrink=0.8)
        if blank:
            from matplotlib.patches import Patch

            ax.legend(
                handles=[
                    Patch(
                        facecolor="#d9d9d9",
                        hatch="///",
                        edgecolor="#808080",
                        label="never voted together",
                    )
                ],
                loc="upper left",
                bbox_to_anchor=(1.0, -0.02),
                fontsize=7,
                frameon=False,
            )
        order_text = "members ordered bloc by bloc" if order == "blocs" else "members as counted"
        shown = ""
        if left:
            shown = (
                f" Shown: the {len(members)} members who voted on at least {least} of the "
                f"{self.decisions} decisions ({left} others left out; plot(least=0) shows all)."
            )
        label(ax, f"Agreement between members: {measure}, {order_text}",
              self.caption(measure) + shown, source)  # fmt: skip
        return ax


#: Up to this many members, a map prints its values in the cells.
_SMALL_MAP = 16


def _label(code: str) -> str:
    """A member's name for a picture's axis (the code where unsc knows no name)."""
    try:
        return state_name(code)
    except LookupError:
        return code


def _hatched(ax: Any, x: int, y: int) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor="#d9d9d9", hatch="///",
                     edgecolor="#808080", linewidth=0)  # fmt: skip


def agreement(
    records: Iterable[Resolution] | None = None,
    *,
    members: Iterable[str] | None = None,
    measure: Measure | str = "identical",
) -> Agreement:
    """Agreement between members over ``records`` (by default every decision on record).

    Args:
        records: Decisions: a [`RecordList`][unsc.history.RecordList] from
            [`history.records`][unsc.history.records] or
            [`history.load`][unsc.history.merge.load] (with your UN file, every adopted
            resolution's member votes), or any resolutions.
        members: Only these members (by code, name or alias); by default every member
            that voted on one of the decisions, the permanent members first.
        measure: The measure the result's table, matrix, caption and picture show unless
            told another (one of [`MEASURES`][unsc.analysis.agreement.MEASURES]); every
            pair holds all four.

    Raises:
        InvalidTypeError: For records that are not resolutions.
        UnknownStateError: For a member that is no state.
        UnknownPresetError: For a measure that is none of the four.
    """
    measure = _measure(measure)
    if records is None:
        from unsc.history import records as all_records

        records = all_records()
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidTypeError(
            "agreement(records)", records, "give resolutions, e.g. history.records()"
        )
    if members is not None and (
        isinstance(members, (str, bytes)) or not isinstance(members, Iterable)
    ):
        raise InvalidTypeError(
            "agreement(members)", members, "give codes or names: ['USA', 'RUS']"
        )
    wanted = None if members is None else [member_code(m, "agreement(members)") for m in members]
    keep = None if wanted is None else frozenset(wanted)
    counts: dict[tuple[str, str], list[int]] = {}
    seen: dict[str, bool] = {}
    cast: dict[str, list[int]] = {}
    used = without = 0
    first: datetime.date | None = None
    last: datetime.date | None = None
    for record in records:
        if not isinstance(record, Resolution):
            raise InvalidTypeError("agreement(records)", record, "give unsc.Resolution records")
        ballot = record.member_votes
        if ballot is None:
            without += 1
            continue
        used += 1
        if record.date is not None:
            first = record.date if first is None or record.date < first else first
            last = record.date if last is None or record.date > last else last
        council = record.council
        seats = []
        for member, vote in zip(council.members, ballot):
            code = counted_as(member.code)
            if keep is not None and code not in keep:
                continue
            seen.setdefault(code, member.permanent)
            value = _CAST.get(vote, -1)
            seats.append((code, value))
            if value >= 0:
                cast.setdefault(code, [0, 0, 0])[value] += 1
        for (a, va), (b, vb) in itertools.combinations(seats, 2):
            cell = counts.get((a, b))
            if cell is None:
                cell = counts[a, b] = [0] * 10
                counts[b, a] = cell_b = [0] * 10
            else:
                cell_b = counts[b, a]
            if va < 0 or vb < 0:
                cell[9] += 1
                cell_b[9] += 1
            else:
                cell[3 * va + vb] += 1
                cell_b[3 * vb + va] += 1
    if wanted is not None:
        order = tuple(dict.fromkeys(wanted))
    else:
        order = tuple(sorted(seen, key=lambda c: (not seen[c], c)))
    pairs: dict[tuple[str, str], Pair] = {}
    listed: list[Pair] = []
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            cell = counts.get((a, b), [0] * 10)
            table = tuple(tuple(cell[3 * r : 3 * r + 3]) for r in range(3))
            pair = Pair(a, b, table, cell[9])  # type: ignore[arg-type]  # 3 × 3
            pairs[a, b] = pair
            listed.append(pair)
    votes = {code: (c[0], c[1], c[2]) for code, c in cast.items()}
    return Agreement(order, used, without, first, last, pairs, tuple(listed), votes, measure)


_NO_VOTES = ((0, 0, 0), (0, 0, 0), (0, 0, 0))
_FORMULAS = {
    "identical": "share of identical votes",
    "coincidence": "State Department, votes only",
    "lijphart": "Lijphart, a partial agreement half",
    "kappa": "Cohen's kappa over yes, no, abstain",
}


def _float(value: Fraction | None) -> float:
    """A value for a picture: a float, or NaN (drawn as a gap) for no common vote."""
    return float("nan") if value is None else float(value)


def record_note(first: int | None, last: int | None) -> str:
    """What the bundled record says of the years ``first`` to ``last``: declared gaps,
    where it ends, its sources (loaded only when a caption asks)."""
    if first is None or last is None:
        return ""
    from unsc.history import extent

    return extent().note(first, last)


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
            values = [_float(v) for v in self.series(a, b)]
            ax.plot(self.periods, values, label=f"{a}–{b}", linewidth=1.4, **style(i))
        ax.set_xlabel("year" if self.window == 1 else f"year (window of {self.window} years)")
        ax.set_ylabel(f"{self.measure} ({_FORMULAS[self.measure]})")
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
        UnknownPresetError: For a measure that is none of the four.
        InvalidFieldError: For a window below 1.
        InvalidFieldError: For a window longer than the years a Council could vote in.
        InvalidTypeError: For ``pairs`` that are not a list of pairs of members.
    """
    measure = _measure(measure)
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
        voted = (r for rs in by_year.values() for r in rs if _has_votes(r))
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


@attrs.frozen(repr=False, eq=False)
class Blocs(Tabular, Sequence[tuple[str, ...]]):
    """Members that vote together, found by average-linkage clustering of their agreement:
    a sequence of blocs, each a tuple of member codes, largest first.

    Attributes:
        measure: The measure clustered on.
        threshold: The least average agreement within a bloc.
        order: Every member, bloc by bloc, in the order the clustering joined them (the order
            of the rows of a heat map).
        agreement: The agreement the blocs were found in.
    """

    measure: str
    threshold: Fraction
    order: tuple[str, ...]
    agreement: Agreement
    _blocs: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self._blocs)

    @overload
    def __getitem__(self, key: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[tuple[str, ...], ...]: ...
    def __getitem__(self, key: int | slice) -> tuple[str, ...] | tuple[tuple[str, ...], ...]:
        if isinstance(key, slice):
            return self._blocs[key]
        return self._blocs[as_position(key, len(self), "a bloc's position")]

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._blocs)

    def __repr__(self) -> str:
        return f"<Blocs: {len(self)} by {self.measure} at {float(self.threshold):.2f}>"

    def of(self, member: str) -> tuple[str, ...]:
        """The bloc ``member`` (code, name or alias) belongs to.

        Raises:
            NoSuchEntryError: For a member not counted.
        """
        code = member_code(member, "Blocs.of(member)")
        for bloc in self._blocs:
            if code in bloc:
                return bloc
        raise NoSuchEntryError("a member counted here", member, self.order)

    def cohesion(self, bloc: tuple[str, ...]) -> Fraction | None:
        """The average agreement between the members of ``bloc`` (``None`` for one member,
        or no common vote).

        Raises:
            InvalidTypeError: For anything but a tuple or list of members.
        """
        if not isinstance(bloc, (tuple, list)):
            raise InvalidTypeError("Blocs.cohesion(bloc)", bloc, "give a bloc: a tuple of codes")
        values = [self.agreement.pair(a, b).measure(self.measure)
                  for a, b in itertools.combinations(bloc, 2)]  # fmt: skip
        known = [v for v in values if v is not None]
        return sum(known, Fraction(0)) / len(known) if known else None

    def as_table(self) -> Table:
        """Each bloc: its members by name and its cohesion."""
        from unsc.members import state_name

        rows = []
        for number, bloc in enumerate(self._blocs, 1):
            cohesion = self.cohesion(bloc)
            rows.append((number, ", ".join(state_name(c) for c in bloc), len(bloc),
                         "—" if cohesion is None else f"{float(cohesion):.3f}"))  # fmt: skip
        return Table(
            ("bloc", "members", "size", "cohesion"),
            rows,
            caption=self.agreement.caption(self.measure),
            notes=("Blocs by average linkage.",),
        )


def blocs(
    found: Agreement, *, measure: Measure | str = "identical", threshold: float | Fraction = 0.75
) -> Blocs:
    """The blocs of ``found``: average-linkage agglomerative clustering on 1 − agreement.

    Every member starts alone; the two groups with the highest average agreement between
    their members join, while that average is at least ``threshold``. Pairs with no common
    vote (members who never sat together) are left out of the averages, and two groups
    with no common vote at all do not join. Ties join in the order of ``found.members``, so
    the result does not depend on chance.

    Examples:
        >>> from unsc import history
        >>> from unsc.analysis import agreement, blocs
        >>> found = blocs(agreement(history.records(year=2023)), threshold=0.9)
        >>> found.of("USA")
        ('GBR', 'USA')

    Raises:
        UnknownPresetError: For a measure that is none of the four.
        InvalidFieldError: For a threshold outside 0–1.
        InvalidTypeError: For a threshold that is not a number.
    """
    if not isinstance(found, Agreement):
        raise InvalidTypeError("blocs(found)", found, "give the result of agreement()")
    measure = _measure(measure)
    least = as_probability(threshold, "blocs(threshold)").limit_denominator(10**6)
    members = found.members
    value = {
        (a, b): found.pair(a, b).measure(measure) for a, b in itertools.permutations(members, 2)
    }
    groups: list[list[str]] = [[m] for m in members]
    while len(groups) > 1:
        best: tuple[Fraction, int, int] | None = None
        for i, j in itertools.combinations(range(len(groups)), 2):
            known = [v for a in groups[i] for b in groups[j] if (v := value[a, b]) is not None]
            if not known:  # never sat together: nothing says they vote alike
                continue
            average = sum(known, Fraction(0)) / len(known)
            if best is None or average > best[0]:
                best = (average, i, j)
        if best is None or best[0] < least:
            break
        _, i, j = best
        groups[i] = groups[i] + groups[j]
        del groups[j]
    order = tuple(code for group in groups for code in group)
    ranked = sorted(groups, key=lambda g: (-len(g), members.index(g[0])))
    return Blocs(measure, least, order, found, tuple(tuple(sorted(g)) for g in ranked))

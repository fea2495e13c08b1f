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
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._args import as_position, as_text, as_whole
from unsc._plot import RECORD_SOURCE, axes, label
from unsc._table import Table, Tabular
from unsc._vocabulary import AnyChoice
from unsc.analysis._common import MEASURE_FORMULAS, member_code, record_note, value_or_gap
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoDataError,
    NoSuchEntryError,
    UnknownChoiceError,
)
from unsc.members import PERMANENT as _FIVE
from unsc.members import counted_as, state_name
from unsc.resolution import Resolution
from unsc.votes import Vote

__all__ = [
    "MEASURES",
    "PERMANENT",
    "Agreement",
    "Measure",
    "Pair",
    "agreement",
]

#: The permanent members, as counted across their names (the USSR as the Russian Federation).
PERMANENT = tuple(sorted(_FIVE))


class Measure(AnyChoice):
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


#: The measures, by name, in the order tables show them.
MEASURES = tuple(m.value for m in Measure)

_CAST = {Vote.YES: 0, Vote.NO: 1, Vote.ABSTAIN: 2}


def _measure(name: object) -> str:
    """The name of the measure ``name`` reads as (a [`Measure`][unsc.analysis.agreement.Measure]
    or its name), the string results hold and show.

    Raises:
        UnknownChoiceError: For anything else, naming the measures.
    """
    return Measure.parse(name).value  # parse refuses the rest


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
            UnknownChoiceError: For a name that is no measure.
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
        (``order="blocs"``, as [`blocs`][unsc.analysis.blocs.blocs] joins them) or as
        counted (``order="members"``), labelled by name. Returns the matplotlib Axes (needs
        the ``plot`` extra).

        A small map (up to 16 members) prints each value in its cell. A large one shows
        the members who voted on at least ``least`` of the decisions (by default a tenth of
        them: those who sat about long enough to compare), and says so in its caption;
        ``least=0`` shows everyone. Pairs who never voted together are hatched grey and
        named in the legend.

        Raises:
            MissingDependencyError: Without matplotlib.
            UnknownChoiceError: For a measure or an order not offered.
            InvalidFieldError: For a ``least`` that is not a whole number of decisions.
        """
        if order not in ("blocs", "members"):
            raise UnknownChoiceError("an order", order, ("blocs", "members"))
        as_text(source, "Agreement.plot(source)", blank=True)
        measure = self._measure(measure)  # checked before matplotlib is imported
        if not self.members:
            raise NoDataError("Agreement.plot()", "no member has a vote in these records")
        cast = {m: sum(self._cast.get(m, (0, 0, 0))) for m in self.members}
        if least is None:
            least = 0 if len(self.members) <= _SMALL_MAP else -(-self.decisions // 10)
        least = as_whole(least, "plot(least)", low=0)
        from unsc.analysis.blocs import blocs  # the blocs build on this module

        ranked = list(blocs(self, measure=measure).order if order == "blocs" else self.members)
        members = [m for m in ranked if cast[m] >= least]
        left = len(ranked) - len(members)
        ax = axes(ax, (7.5, 6.5) if len(members) <= _SMALL_MAP else (10, 9))
        values = [
            [value_or_gap(self.pair(a, b).measure(measure)) if a != b else 1.0 for b in members]
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
        scale = f"{measure} ({MEASURE_FORMULAS[measure]})" + (
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
        UnknownChoiceError: For a measure that is none of the four.
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

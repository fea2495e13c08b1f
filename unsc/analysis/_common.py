"""Helpers the analyses of the record share, not for users: a member named as the code
it is counted under, the note a caption carries on what the record holds, what the
agreement's pictures say of each measure, and for the learned odds, their forecast and
their backtest: the records chosen, a prior's strength, and the votes counted."""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

from unsc.council import as_years
from unsc.errors import InvalidFieldError, InvalidTypeError, NoDataError, NoSuchEntryError
from unsc.members import code_of, counted_as
from unsc.resolution import Resolution
from unsc.votes import Vote

__all__ = [
    "MEASURE_FORMULAS",
    "THIRDS",
    "VOTE_INDEX",
    "VoteCounts",
    "as_strength",
    "member_code",
    "record_note",
    "selected",
    "value_or_gap",
    "years_in_words",
]


def member_code(name: object, where: str) -> str:
    """A member named by code, name or alias (or a `Member`), as the code it is counted
    under across its codes (`unsc.members.counted_as`).

    Raises:
        InvalidTypeError: For anything that is neither a Member nor text.
        UnknownStateError: For a name no state unsc knows goes by, with suggestions.
    """
    return counted_as(code_of(name, where))


def record_note(first: int | None, last: int | None) -> str:
    """What the bundled record says of the years ``first`` to ``last``: declared gaps,
    where it ends, its sources (loaded only when a caption asks)."""
    if first is None or last is None:
        return ""
    from unsc.history import extent

    return extent().note(first, last)


#: Each measure in a few words, for the scale of a picture.
MEASURE_FORMULAS = {
    "identical": "share of identical votes",
    "coincidence": "State Department, votes only",
    "lijphart": "Lijphart, a partial agreement half",
    "kappa": "Cohen's kappa over yes, no, abstain",
}


def value_or_gap(value: Fraction | None) -> float:
    """A value for a picture: a float, or NaN (drawn as a gap) for no common vote."""
    return float("nan") if value is None else float(value)


#: The three votes a member's odds are over, and each one's place in a (yes, no, abstain).
VOTE_INDEX = {Vote.YES: 0, Vote.NO: 1, Vote.ABSTAIN: 2}
#: One third each: the uniform prior, and the pooled rate where nothing was counted.
THIRDS = (Fraction(1, 3),) * 3


def selected(
    records: Iterable[Resolution] | None, topic: str | None, years: object, where: str
) -> tuple[list[Resolution], list[Resolution], str]:
    """All the records given, those asked for, and the selection in words."""
    if records is None:
        from unsc.history import records as all_records

        records = all_records()
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidTypeError(
            f"{where}(records)", records, "give resolutions, e.g. history.records()"
        )
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        raise InvalidTypeError(f"{where}(topic)", topic, "give text such as 'Syria'")
    first, last = (None, 0) if years is None else as_years(years, f"{where}(years)")
    given = list(records)
    chosen = []
    for record in given:
        if not isinstance(record, Resolution):
            raise InvalidTypeError(f"{where}(records)", record, "give unsc.Resolution records")
        if first is not None and not record.in_years(first, last):
            continue
        if topic and not record.mentions(topic):
            continue
        chosen.append(record)
    words = ""
    if topic:
        words += f" on '{topic}'"
    if first is not None:
        words += f" in {first}–{last}" if first != last else f" in {first}"
    if topic and not chosen:
        period = f" in {first}–{last}" if first is not None else ""
        in_years = Counter(
            r.topic for r in given
            if r.topic and (first is None or r.in_years(first, last))
        )  # fmt: skip
        common = [name for name, _ in in_years.most_common(5)]
        raise NoSuchEntryError(f"a topic of the decisions given{period}", topic, common)
    if first is not None and not chosen:
        raise NoDataError(
            f"{where}(years={years!r})", f"nothing to learn from: {years_in_words(given)}"
        )
    return given, chosen, words


def years_in_words(records: list[Resolution]) -> str:
    """The years of ``records``, in words, for a message that found none in a period."""
    years = [r.date.year for r in records if r.date is not None]
    if not years:
        return "the decisions given have no date"
    return f"no decision in those years (the decisions given span {min(years)}–{max(years)})"


def as_strength(strength: object) -> Fraction:
    """A prior's weight in imagined votes, a number of 0 or more, exact.

    Raises:
        InvalidTypeError: For anything but a number.
        InvalidFieldError: For a negative or infinite number.
    """
    if isinstance(strength, bool) or not isinstance(strength, (int, float, Fraction)):
        raise InvalidTypeError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    if isinstance(strength, float) and not math.isfinite(strength):
        raise InvalidFieldError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    value = Fraction(strength)
    if value < 0:
        raise InvalidFieldError("strength", strength, "give a number of votes, 0 or more, e.g. 2")
    return value


def _shares(counts: Iterable[int | Fraction]) -> tuple[Fraction, Fraction, Fraction] | None:
    values = [Fraction(c) for c in counts]
    total = sum(values, Fraction(0))
    if not total:
        return None
    return values[0] / total, values[1] / total, values[2] / total


class VoteCounts:
    """Each member's (yes, no, abstain, absent) over the decisions added, and the pooled
    counts: what the estimates read. The backtest adds decisions year by year."""

    def __init__(self) -> None:
        self.by_member: dict[str, list[int]] = {}
        self.pooled = [0, 0, 0]
        self.decisions = 0
        self.without = 0
        self.first: datetime.date | None = None
        self.last: datetime.date | None = None

    def add(self, record: Resolution) -> None:
        votes = record.member_votes
        if votes is None:
            self.without += 1
            return
        self.decisions += 1
        if record.date is not None:
            if self.first is None or record.date < self.first:
                self.first = record.date
            if self.last is None or record.date > self.last:
                self.last = record.date
        for member, vote in zip(record.council.members, votes):
            code = counted_as(member.code)
            cell = self.by_member.get(code)
            if cell is None:
                cell = self.by_member[code] = [0, 0, 0, 0]
            index = VOTE_INDEX.get(vote, 3)
            cell[index] += 1
            if index < 3:
                self.pooled[index] += 1

    def pooled_shares(self) -> tuple[Fraction, Fraction, Fraction]:
        """Every member's votes together, as shares (one third each with none)."""
        return _shares(self.pooled) or THIRDS

    def member(self, code: str) -> tuple[tuple[int, int, int], int]:
        """A member's (yes, no, abstain) and its absences: what its
        [`VoteProbabilities`][unsc.analysis.learned.VoteProbabilities] rest on."""
        cell = self.by_member.get(code, (0, 0, 0, 0))
        return (cell[0], cell[1], cell[2]), cell[3]

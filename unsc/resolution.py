"""The record of one proposal put to the Council, and the votes cast on it.

A [`Resolution`][unsc.resolution.Resolution] is frozen:
[`with_votes`][unsc.resolution.Resolution.with_votes] and
[`cast`][unsc.resolution.Resolution.cast] return a new record.

Examples:
    >>> import unsc
    >>> draft = unsc.Resolution("S/2023/772", council=unsc.Council.of_year(2023))
    >>> draft = draft.with_votes(yes="CHN GAB MOZ RUS ARE", no="FRA JPN GBR USA",
    ...                          abstain="ALB BRA ECU GHA MLT CHE")
    >>> draft.tally
    Tally(yes=5, no=4, abstain=6, absent=0, not_participating=0)
    >>> draft.vote_of("United Kingdom")
    <Vote.NO: 'no'>
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from unsc._args import as_text
from unsc._frames import frame
from unsc._prose import picture
from unsc._table import Table
from unsc.council import Council, as_date
from unsc.decision import Decision
from unsc.decision import decide as _decide
from unsc.errors import (
    DuplicateVoteError,
    InvalidFieldError,
    InvalidTypeError,
    MissingVotesError,
    NoSuchEntryError,
)
from unsc.members import Member, find, fold, resolve, split_names
from unsc.rules import Outcome, Rules
from unsc.votes import Kind, Matter, Tally, Vote, parse_votes

if TYPE_CHECKING:  # for annotations only
    import os
    from pathlib import Path

__all__ = ["VOTE_COLUMNS", "Resolution", "Votes"]

#: The columns of [`Resolution.rows`][unsc.resolution.Resolution.rows] and
#: [`Resolution.table`][unsc.resolution.Resolution.table].
VOTE_COLUMNS = ("member", "code", "seat", "vote")

Names = str | Member | Iterable[str | Member]


def _date(value: datetime.date | str | None) -> datetime.date | None:
    if value is None:
        return None
    return as_date(value, "Resolution.date")


_PARSED = frozenset({Vote, type(None)})


def _names(values: object, what: str) -> list[str | Member]:
    """Names given as one string, one member, or an iterable of either."""
    if isinstance(values, Member):
        return [values]
    if isinstance(values, str):
        return list(split_names(values, _known))
    if values is None or not isinstance(values, Iterable):
        raise InvalidTypeError(what, values, "give codes or names, as one string or a list")
    names: list[str | Member] = []
    for value in values:
        if not isinstance(value, (str, Member)):
            raise InvalidTypeError(what, value, "give a code or name such as 'USA'")
        names.append(value)
    return names


def _states(values: Names) -> tuple[str, ...]:
    """States named by code, name or alias (sponsors, parties), as given: each is resolved
    once the council is known, so that a custom council's states are found too."""
    if values == ():
        return ()
    return tuple(v.code if isinstance(v, Member) else v for v in _names(values, "a state"))


def _known(name: str) -> bool:
    return find(name) is not None


def _matter(value: Matter | str) -> Matter:
    return Matter.parse(value)


def _outcome(value: Outcome | str | None) -> Outcome | None:
    return None if value is None else Outcome.parse(value)


def _texts(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise InvalidTypeError("Resolution.sources", value, "give a string or a list of strings")
    texts = tuple(value)
    for text in texts:
        if not isinstance(text, str):
            raise InvalidTypeError("a source", text, "give each source as a string")
    return texts


_CHAPTERS = frozenset(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
     "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"]
) | {"52(3)"}  # fmt: skip


def _chapter(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError("Resolution.chapter", value, "give a chapter such as 'VI'")
    key = value.upper().replace("CHAPTER", "").replace("ARTICLE", "").replace("ART.", "")
    key = key.replace(" ", "")
    if key not in _CHAPTERS:
        raise InvalidFieldError(
            "Resolution.chapter",
            value,
            "use a chapter of the Charter from 'I' to 'XIX' (e.g. 'VI', 'VII') "
            "or '52(3)' for Article 52(3)",
        )
    return key


def _kind(value: Kind | str) -> Kind:
    return Kind.parse(value)


def _number(instance: object, attribute: object, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("Resolution.number", value, "give a resolution's number, e.g. 2712")
    if value < 1:
        raise InvalidFieldError("Resolution.number", value, "resolutions are numbered from 1")


def _counts(instance: object, attribute: object, value: Tally | None) -> None:
    if value is not None and not isinstance(value, Tally):
        raise InvalidTypeError(
            "Resolution.counts", value, "give a unsc.Tally, e.g. Tally(5, 4, 6)"
        )


def _codes(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.code if isinstance(v, Member) else v for v in _names(value, "a veto holder"))


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"Resolution.{attribute.name}", value, "give a string")


def _symbol(instance: object, attribute: object, value: str) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("Resolution.symbol", value, "give a symbol such as 'S/2023/772'")
    if not value.strip():
        raise InvalidFieldError("Resolution.symbol", value, "a record needs a symbol or a name")


def _optional_text(
    instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(f"Resolution.{attribute.name}", value, "give a string or None")


def _council(instance: object, attribute: object, value: Council) -> None:
    if not isinstance(value, Council):
        raise InvalidTypeError(
            "Resolution.council", value, "give a unsc.Council, e.g. Council.of_year(2023)"
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(f"Resolution.{attribute.name}", value, "use True or False")


class Votes(Mapping[Member, Vote]):
    """The votes cast on a record, by member; look a member up by code, name or alias.

    Examples:
        >>> import unsc
        >>> votes = unsc.history.get("S/2023/772").votes
        >>> votes["USA"], votes["United Kingdom"], len(votes)
        (<Vote.NO: 'no'>, <Vote.NO: 'no'>, 15)
    """

    __slots__ = ("_ballot", "_council")

    def __init__(self, council: Council, ballot: tuple[Vote | None, ...]) -> None:
        self._council = council
        self._ballot = ballot

    def __getitem__(self, member: Member | str) -> Vote:
        vote = self._ballot[self._council.index(member)]
        if vote is None:
            raise NoSuchEntryError(
                "a member with a vote on this record", member, (m.code for m in self)
            )
        return vote

    def __iter__(self) -> Iterator[Member]:
        return (m for m, v in zip(self._council.members, self._ballot) if v is not None)

    def __len__(self) -> int:
        return sum(v is not None for v in self._ballot)

    def __contains__(self, member: object) -> bool:
        seat = self._council.find(member)
        return seat is not None and self._ballot[seat] is not None

    def __repr__(self) -> str:
        shown = ", ".join(f"{m.code}: {v.value}" for m, v in self.items())
        if len(shown) > 70:
            shown = shown[:67] + "..."
        return f"<Votes {len(self)} of {self._council.size}: {shown}>"


# Dict-backed: attrs initialises it faster than a slotted class, which matters when a
# file of thousands of resolutions is read (docs/performance.md).
@attrs.frozen(kw_only=True, repr=False, slots=False, init=False)
class Resolution:
    """One proposal to the Council (a draft resolution, amendment or motion) and its votes.

    Attributes:
        symbol: The UN document symbol, e.g. ``"S/2023/772"`` or ``"S/RES/2712 (2023)"``.
        council: The council that voted on it.
        date: The day of the vote.
        title: A short description.
        sponsors: Codes of the states that put it forward (members or not).
        matter: Substantive (the default) or procedural.
        ballot: One entry per seat, in the council's order: the member's vote, or
            ``None`` while it has none.
        chapter: The Charter chapter the decision falls under (``"VI"``, ``"VII"``),
            or ``"52(3)"`` for Article 52(3); only needed for obligatory abstention.
        parties: Codes of the parties to the dispute, who must abstain in a
            decision under Chapter VI or Article 52(3) (Article 27(3)).
        without_vote: Adopted without a vote (by consensus or acclamation); such a
            record carries no votes.
        meeting: The meeting record, e.g. ``"S/PV.9439"``.
        topic: A short subject for filtering, e.g. ``"Gaza"``.
        amends: For an amendment, the symbol of the draft it amends.
        recorded: The outcome the UN recorded, for records of real votes.
        sources: Where the record comes from.
        note: Anything a reader of the record should know (e.g. how sure it is).
        kind: What was put to the vote: a draft resolution (the default), an
            amendment, a procedural motion or a preliminary question.
        number: For an adopted resolution, its number (2712).
        draft: The symbol of the draft, where it differs from ``symbol``.
        counts: For a record whose member-by-member votes are not known, the votes
            as counted (``Tally(5, 4, 6)``); the ballot is then empty.
        permanent_against: For a record without member votes, the veto holders that voted
            no, as far as the record says (``()``: none did; ``None``: not on record).
        complete: Whether the record can be decided: every member has a vote, it
            was adopted without a vote, or its votes are given as counts (derived).
    """

    symbol: str
    council: Council
    date: datetime.date | None = None
    title: str = ""
    sponsors: tuple[str, ...] = ()
    matter: Matter = Matter.SUBSTANTIVE
    ballot: tuple[Vote | None, ...] = attrs.field(default=None)
    chapter: str | None = None
    parties: tuple[str, ...] = ()
    without_vote: bool = False
    meeting: str = ""
    topic: str = ""
    amends: str | None = None
    recorded: Outcome | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    kind: Kind = Kind.DRAFT
    number: int | None = None
    draft: str | None = None
    counts: Tally | None = None
    permanent_against: tuple[str, ...] | None = None
    complete: bool = attrs.field(init=False, eq=False, repr=False)

    def __init__(
        self,
        symbol: str,
        *,
        council: Council,
        date: datetime.date | str | None = None,
        title: str = "",
        sponsors: Names = (),
        matter: Matter | str = Matter.SUBSTANTIVE,
        ballot: Iterable[Vote | str | None] | None = None,
        chapter: str | None = None,
        parties: Names = (),
        without_vote: bool = False,
        meeting: str = "",
        topic: str = "",
        amends: str | None = None,
        recorded: Outcome | str | None = None,
        sources: str | Iterable[str] = (),
        note: str = "",
        kind: Kind | str = Kind.DRAFT,
        number: int | None = None,
        draft: str | None = None,
        counts: Tally | None = None,
        permanent_against: object = None,
    ) -> None:
        # Written by hand rather than by attrs, so that a value already in canonical form
        # costs one type test (attrs.evolve passes every field so): a record is built for
        # every hypothetical ballot a study tries. Everything else is checked and converted
        # here and in _check_fields.
        d = self.__dict__
        d["symbol"] = symbol
        d["council"] = council
        d["date"] = date if date is None or type(date) is datetime.date else _date(date)
        d["title"] = title
        d["sponsors"] = () if sponsors == () else _states(sponsors)
        d["matter"] = matter if type(matter) is Matter else _matter(matter)
        d["ballot"] = ballot
        d["chapter"] = None if chapter is None else _chapter(chapter)
        d["parties"] = () if parties == () else _states(parties)
        d["without_vote"] = without_vote
        d["meeting"] = meeting
        d["topic"] = topic
        d["amends"] = amends
        d["recorded"] = (
            recorded if recorded is None or type(recorded) is Outcome else (_outcome(recorded))
        )
        d["sources"] = () if sources == () else _texts(sources)
        d["note"] = note
        d["kind"] = kind if type(kind) is Kind else _kind(kind)
        d["number"] = number
        d["draft"] = draft
        d["counts"] = counts
        d["permanent_against"] = None if permanent_against is None else _codes(permanent_against)
        self.__attrs_post_init__()

    def __attrs_post_init__(self) -> None:
        self._check_fields()
        d = self.__dict__
        council = d["council"]
        size = len(council.members)
        ballot = d["ballot"]
        if ballot is None:
            ballot = d["ballot"] = (None,) * size
        else:
            if type(ballot) is list:
                ballot = tuple(ballot)
            elif type(ballot) is not tuple:
                if isinstance(ballot, (str, bytes)) or not isinstance(ballot, Iterable):
                    raise InvalidTypeError(
                        "Resolution.ballot", ballot, "give one vote (or None) per seat"
                    )
                ballot = tuple(ballot)
            # Parse only what is not a Vote yet: codes at once, a mixed ballot by its types.
            if (ballot and type(ballot[0]) is str) or not set(map(type, ballot)) <= _PARSED:
                ballot = parse_votes(ballot)
            if len(ballot) != size:
                raise InvalidFieldError(
                    "Resolution.ballot",
                    ballot,
                    f"it needs one entry per seat ({size} for the {council.label})",
                )
            d["ballot"] = ballot
        if d["without_vote"] and ballot.count(None) != size:
            raise InvalidFieldError(
                "Resolution.ballot",
                d["symbol"],
                "a record adopted without a vote carries no votes (leave the ballot empty, "
                "or set without_vote=False to record a vote)",
            )
        if d["counts"] is not None or d["permanent_against"] is not None:
            self._check_counts()
        d["complete"] = _complete(d)
        if d["sponsors"]:
            d["sponsors"] = tuple(self._state(name) for name in d["sponsors"])
        if d["parties"]:
            d["parties"] = tuple(self._state(name) for name in d["parties"])

    def _check_fields(self) -> None:
        """Check the fields that need no conversion: a value of the right type costs one
        type test."""
        d = self.__dict__
        if type(d["symbol"]) is not str or not d["symbol"] or d["symbol"].isspace():
            _symbol(self, None, d["symbol"])
        if type(d["council"]) is not Council:
            _council(self, None, d["council"])
        if not (
            type(d["title"]) is type(d["meeting"]) is type(d["topic"]) is type(d["note"]) is str
        ):
            for name in ("title", "meeting", "topic", "note"):
                _text(self, _FIELDS[name], d[name])
        if d["amends"] is not None or d["draft"] is not None:
            for name in ("amends", "draft"):
                _optional_text(self, _FIELDS[name], d[name])
        if type(d["without_vote"]) is not bool:
            _flag(self, _FIELDS["without_vote"], d["without_vote"])
        if d["number"] is not None:
            _number(self, None, d["number"])
        if d["counts"] is not None:
            _counts(self, None, d["counts"])

    def _check_counts(self) -> None:
        """Votes given as counts (or a record whose votes are not on record): an empty
        ballot, a total equal to the council's size, and the veto holders against among
        the council's veto holders and within the no votes."""
        counts, size = self.counts, self.council.size
        if self.without_vote or any(v is not None for v in self.ballot):
            raise InvalidFieldError(
                "Resolution.counts" if counts is not None else "Resolution.permanent_against",
                str(counts) if counts is not None else self.permanent_against,
                "a record gives its votes once: as counts, as a ballot, or adopted without "
                "a vote (with a ballot, the veto holders against follow from it)",
            )
        if counts is not None and counts.total != size:
            raise InvalidFieldError(
                "Resolution.counts",
                str(counts),
                f"the counts add up to {counts.total}, but the {self.council.label} has "
                f"{size} members (put those who did not vote in not_voting)",
            )
        if self.permanent_against is None:
            return
        codes = []
        for name in self.permanent_against:
            seat = self.council.find(name)
            if seat is None or seat not in self.council.veto_index:
                holders = ", ".join(m.code for m in self.council.veto_holders)
                raise InvalidFieldError(
                    "Resolution.permanent_against",
                    name,
                    f"it was not a veto holder of the {self.council.label} (they were: {holders})",
                )
            codes.append(self.council.codes[seat])
        if counts is not None and len(codes) > counts.no:
            raise InvalidFieldError(
                "Resolution.permanent_against",
                " ".join(codes),
                f"more veto holders voted no than the {counts.no} no votes counted",
            )
        object.__setattr__(self, "permanent_against", tuple(codes))

    def _state(self, name: str) -> str:
        """The code of a state named by a sponsor or party: a member first, any state else."""
        seat = self.council.find(name)
        return self.council.codes[seat] if seat is not None else resolve(name)

    def in_years(self, first: int, last: int) -> bool:
        """Whether the record is dated within the years ``first`` to ``last``, both
        included (an undated record is in none): the one year filter every listing uses.

        Raises:
            InvalidTypeError: For years that are not whole numbers.
        """
        if type(first) is not int or type(last) is not int:
            raise InvalidTypeError("in_years(first, last)", (first, last), "give two years")
        return self.date is not None and first <= self.date.year <= last

    @classmethod
    def _from_checked(cls, fields: dict[str, Any]) -> Resolution:
        """A record from values already checked and in canonical form, skipping the checks
        and conversions of the constructor.

        For readers of large files (the bundled record, the UN's voting file), which check
        every row once; converting the same values again would double the cost of reading.
        ``fields`` by name; those not given take their defaults, so that a reader names
        only what it reads; ``ballot`` must be a tuple of [`Vote`][unsc.votes.Vote] or None,
        one per seat.
        """
        values: dict[str, Any] = {**_DEFAULTS, **fields}
        values["complete"] = _complete(values)
        record = object.__new__(cls)
        object.__setattr__(record, "__dict__", values)
        return record

    # -- votes ---------------------------------------------------------------------------

    def with_votes(
        self,
        *,
        yes: Names = (),
        no: Names = (),
        abstain: Names = (),
        absent: Names = (),
        not_participating: Names = (),
        complete: bool = False,
    ) -> Resolution:
        """Return a copy with these members' votes recorded (others keep theirs).

        Members may be named by code, name or alias, as one string
        (``"CHN GAB MOZ"``, ``"Sierra Leone, Slovenia"``) or an iterable.

        Args:
            yes: Members voting yes.
            no: Members voting no.
            abstain: Members abstaining.
            absent: Members absent.
            not_participating: Members present who did not take part in the vote.
            complete: Declare the votes complete: every member must then have one.

        Raises:
            NotAMemberError: If a name is not a member of this council.
            DuplicateVoteError: If a member is named twice.
            MissingVotesError: If ``complete`` and some member has no vote.
        """
        given: dict[int, Vote] = {}
        for vote, names in (
            (Vote.YES, yes),
            (Vote.NO, no),
            (Vote.ABSTAIN, abstain),
            (Vote.ABSENT, absent),
            (Vote.NOT_PARTICIPATING, not_participating),
        ):
            for seat in self._seats(names):
                if seat in given:
                    code = self.council.members[seat].code
                    raise DuplicateVoteError(code, [given[seat].value, vote.value])
                given[seat] = vote
        ballot = tuple(given.get(i, v) for i, v in enumerate(self.ballot))
        result = attrs.evolve(self, ballot=ballot)
        if complete:
            result.check_complete()
        return result

    def cast(self, member: str | Member, vote: Vote | str) -> Resolution:
        """Return a copy in which ``member`` voted ``vote``.

        Raises:
            NotAMemberError: If ``member`` is not on this council.
            UnknownVoteError: If ``vote`` is not a vote.
        """
        seat = self.council.index(member)
        ballot = list(self.ballot)
        ballot[seat] = Vote.parse(vote)
        return attrs.evolve(self, ballot=tuple(ballot))

    def check_complete(self) -> None:
        """Raise [`MissingVotesError`][unsc.errors.MissingVotesError] unless every member has a
        vote (or none was taken)."""
        if self.complete:
            return
        missing = [m.code for m, v in zip(self.council.members, self.ballot) if v is None]
        raise MissingVotesError(self.symbol, missing)

    def _seats(self, names: Names) -> list[int]:
        if isinstance(names, Member):
            return [self.council.index(names)]
        if isinstance(names, str):
            names = split_names(names, self.council.__contains__)
        elif isinstance(names, (list, tuple)) and all(type(n) is str for n in names):
            pass  # the common case, checked in one pass
        else:
            names = _names(names, "a member")
        return [self.council.index(name) for name in names]

    def vote_of(self, member: str | Member) -> Vote | None:
        """The vote of ``member`` (code, name or alias), or ``None`` if it has none yet."""
        return self.ballot[self.council.index(member)]

    @property
    def votes(self) -> Votes:
        """Each member that has voted, with its vote, in the council's order.

        A mapping keyed by member that also takes a code, name or alias:
        ``record.votes["USA"]``.
        """
        return Votes(self.council, self.ballot)

    @property
    def tally(self) -> Tally:
        """The count of the votes: the counts on record, or those of the votes cast so far."""
        if self.counts is not None:
            return self.counts
        return Tally.of(v for v in self.ballot if v is not None)

    @property
    def has_ballot(self) -> bool:
        """Whether every member's own vote is on record (not only the counts)."""
        return None not in self.ballot

    def mentions(self, text: str) -> bool:
        """Whether ``text`` is in the record's topic or title, in any case and accents.

        Examples:
            >>> from unsc import history
            >>> history.get("S/2023/772").mentions("gaza")
            True

        Raises:
            InvalidTypeError: For ``text`` that is not text.
        """
        wanted = fold(as_text(text, "Resolution.mentions(text)", blank=True))
        return wanted in fold(self.topic or "") or wanted in fold(self.title or "")

    @property
    def member_votes(self) -> tuple[Vote, ...] | None:
        """Every member's vote, in the council's order, where the record tells it: a ballot
        with every member's vote, or counts with every member in favour (a unanimous
        adoption recorded as counts). ``None`` for counts that do not say who voted how, a
        decision adopted without a vote, or a ballot with votes missing.

        Examples:
            >>> from unsc import history
            >>> history.get("S/RES/2231 (2015)").member_votes[:2]  # 15–0–0, as counts
            (<Vote.YES: 'yes'>, <Vote.YES: 'yes'>)
            >>> history.get(678).member_votes is None  # 12–2–1 (1990): no one named
            True
        """
        if self.without_vote:
            return None
        counts = self.counts
        if counts is None:
            return self.ballot if None not in self.ballot else None  # type: ignore[return-value]
        if counts.yes == self.council.size:
            return (Vote.YES,) * counts.yes
        return None

    @property
    def vetoed_by(self) -> tuple[Member, ...]:
        """The veto holders whose negative votes the UN recorded as vetoes: empty unless
        the recorded outcome is a veto."""
        if self.recorded is not Outcome.VETOED:
            return ()
        council = self.council
        if self.permanent_against is not None:
            return tuple(council.members[council.index(code)] for code in self.permanent_against)
        return tuple(council.members[i] for i in council.veto_index if self.ballot[i] is Vote.NO)

    # -- deciding ------------------------------------------------------------------------

    def decide(self, rules: Rules | None = None) -> Decision:
        """Decide this proposal by ``rules``, by default its council's (see ``unsc.decide``)."""
        return _decide(self, rules)

    # -- showing -------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str, str, str]]:
        """One row per member: name, code, seat, vote ("—" while it has none)."""
        return [
            (
                m.name,
                m.code,
                "permanent" if m.permanent else "elected",
                "—" if v is None else v.value,
            )
            for m, v in zip(self.council.members, self.ballot)
        ]

    def as_table(self) -> Table:
        """The votes as a table value (``Table``), one row per member."""
        return Table(VOTE_COLUMNS, self.rows())

    def table(self, fmt: str = "simple") -> str:
        """The votes as a table, one row per member: any tabulate format, ``html``,
        ``csv`` or ``json``.

        Raises:
            UnknownChoiceError: For a format that is none of these, naming them.
        """
        return self.as_table().render(fmt)

    def svg(self, rules: Rules | None = None) -> str:
        """A picture of the chamber for this vote (SVG), with the verdict when complete."""
        if self.complete:
            return self.decide(rules).svg()
        tally = self.tally
        return picture(self, [
            f"{sum(v is not None for v in self.ballot)} of {self.council.size} votes cast so far",
            f"{tally.yes} in favour, {tally.no} against, {tally.abstain} abstaining",
        ])  # fmt: skip

    def save(self, path: str | os.PathLike[str], rules: Rules | None = None) -> Path:
        """Write the picture of this vote to ``path``: ``.svg``, or ``.png`` with the
        ``png`` extra (``pip install 'unsc[png]'``). Returns the path written.

        Raises:
            InvalidFieldError: For a file name ending neither in ``.svg`` nor ``.png``.
            MissingDependencyError: For a PNG without the ``png`` extra.
        """
        from unsc._svg import save

        return save(self.svg(rules), path)

    def _repr_svg_(self) -> str:
        return self.svg()

    def to_dataframe(self) -> Any:
        """One row per member: code, name, seat, vote (needs the ``pandas`` extra)."""
        rows = [
            {"symbol": self.symbol, "date": self.date, "code": m.code, "name": m.name,
             "permanent": m.permanent, "vote": None if v is None else v.value}
            for m, v in zip(self.council.members, self.ballot)
        ]  # fmt: skip
        return frame(rows, ("symbol", "date", "code", "name", "permanent", "vote"))

    def _repr_html_(self) -> str:
        return self.svg() + self.table("html")

    def __repr__(self) -> str:
        when = f", {self.date.isoformat()}" if self.date else ""
        cast = sum(v is not None for v in self.ballot)
        return (
            f"<Resolution {self.symbol}{when}: {cast} of {self.council.size} votes cast"
            f"{', ' + str(self.tally) if cast else ''}>"
        )


def _complete(values: dict[str, Any]) -> bool:
    """Whether a record's votes are all known: adopted without a vote, known by their
    counts, or every seat's vote on record."""
    return bool(
        values["without_vote"] or values["counts"] is not None or None not in values["ballot"]
    )


#: The fields by name, for error messages that name the field.
_FIELDS = {f.name: f for f in attrs.fields(Resolution)}
_DEFAULTS = {
    f.name: f.default
    for f in attrs.fields(Resolution)
    if f.init and f.default is not attrs.NOTHING and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
}

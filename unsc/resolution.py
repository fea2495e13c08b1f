"""The record of one proposal put to the Council, and the votes cast on it.

A :class:`Resolution` is frozen: :meth:`~Resolution.with_votes` and
:meth:`~Resolution.cast` return a new record.

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
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from tabulate import tabulate

from unsc._frames import frame
from unsc._svg import chamber_of
from unsc.council import Council
from unsc.errors import (
    DuplicateVoteError,
    InvalidFieldError,
    MissingVotesError,
    UnknownStateError,
)
from unsc.members import Member, resolve
from unsc.rules import Decision, Outcome, Rules
from unsc.votes import Matter, Tally, Vote

__all__ = ["VOTE_COLUMNS", "Resolution"]

#: The columns of :meth:`Resolution.rows` and :meth:`Resolution.table`.
VOTE_COLUMNS = ("member", "code", "seat", "vote")

Names = str | Member | Iterable[str | Member]


def _date(value: datetime.date | str | None) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidFieldError(
            "Resolution.date", value, "use a datetime.date or a 'YYYY-MM-DD' string"
        ) from None


_PARSED = frozenset({Vote, type(None)})


def _states(values: Names) -> tuple[str, ...]:
    """Codes of states named by code, name or alias (sponsors, parties)."""
    if values == ():
        return ()
    if isinstance(values, Member):
        return (values.code,)
    if isinstance(values, str):
        values = _split(values, _known)
    return tuple(v.code if isinstance(v, Member) else resolve(v) for v in values)


def _known(name: str) -> bool:
    try:
        resolve(name)
    except UnknownStateError:
        return False
    return True


def _split(text: str, known: Callable[[str], bool]) -> list[str]:
    """Split a string of names: on commas or semicolons if any, else by longest match.

    "CHN GAB MOZ" and "Sierra Leone Slovenia" both split as a person means them.
    """
    if "," in text or ";" in text:
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    tokens = text.split()
    names: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            candidate = " ".join(tokens[i:j])
            if j == i + 1 or known(candidate):
                names.append(candidate)
                i = j
                break
    return names


def _matter(value: Matter | str) -> Matter:
    return Matter.parse(value)


def _outcome(value: Outcome | str | None) -> Outcome | None:
    return None if value is None else Outcome.parse(value)


def _texts(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


_CHAPTERS = frozenset(
    [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
        "XVII",
        "XVIII",
        "XIX",
    ]
) | {"52(3)"}


def _chapter(value: str | None) -> str | None:
    if value is None:
        return None
    key = str(value).upper().replace("CHAPTER", "").replace("ARTICLE", "").replace("ART.", "")
    key = key.replace(" ", "")
    if key not in _CHAPTERS:
        raise InvalidFieldError(
            "Resolution.chapter",
            value,
            "use a chapter of the Charter from 'I' to 'XIX' (e.g. 'VI', 'VII') "
            "or '52(3)' for Article 52(3)",
        )
    return key


# Dict-backed: attrs initialises it faster than a slotted class, which matters when a
# file of thousands of resolutions is read (docs/performance.md).
@attrs.frozen(kw_only=True, repr=False, slots=False)
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
        without_vote: Adopted without a vote (by consensus or acclamation).
        meeting: The meeting record, e.g. ``"S/PV.9439"``.
        topic: A short subject for filtering, e.g. ``"Gaza"``.
        amends: For an amendment, the symbol of the draft it amends.
        recorded: The outcome the UN recorded, for records of real votes.
        sources: Where the record comes from.
        note: Anything a reader of the record should know (e.g. how sure it is).
        complete: Whether every member has a vote (derived from the ballot).
    """

    symbol: str = attrs.field(kw_only=False)
    council: Council
    date: datetime.date | None = attrs.field(default=None, converter=_date)
    title: str = ""
    sponsors: tuple[str, ...] = attrs.field(default=(), converter=_states)
    matter: Matter = attrs.field(default=Matter.SUBSTANTIVE, converter=_matter)
    ballot: tuple[Vote | None, ...] = attrs.field(default=None)
    chapter: str | None = attrs.field(default=None, converter=_chapter)
    parties: tuple[str, ...] = attrs.field(default=(), converter=_states)
    without_vote: bool = False
    meeting: str = ""
    topic: str = ""
    amends: str | None = None
    recorded: Outcome | None = attrs.field(default=None, converter=_outcome)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    note: str = ""
    complete: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        size = self.council.size
        if self.ballot is None:
            object.__setattr__(self, "ballot", (None,) * size)
        else:
            ballot = tuple(self.ballot)
            if not set(map(type, ballot)) <= _PARSED:  # parse only what is not a Vote yet
                ballot = tuple(None if v is None else Vote.parse(v) for v in ballot)
            if len(ballot) != size:
                raise InvalidFieldError(
                    "Resolution.ballot",
                    ballot,
                    f"it needs one entry per seat ({size} for the {self.council.label})",
                )
            object.__setattr__(self, "ballot", ballot)
        object.__setattr__(self, "complete", None not in self.ballot)

    @classmethod
    def _trusted(cls, symbol: str, **fields: Any) -> Resolution:
        """A record from values already checked and in canonical form, skipping converters.

        For readers of large files (``unsc.history.undl``), which check every row once;
        converting the same values again would double the cost of reading. Fields not
        given take their defaults; ``ballot`` must be a tuple of :class:`Vote` or None.
        """
        record = object.__new__(cls)
        values = {**_DEFAULTS, "symbol": symbol, **fields}
        values["complete"] = None not in values["ballot"]
        record.__dict__.update(values)
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
        """Raise :class:`MissingVotesError` unless every member has a vote."""
        missing = [m.code for m, v in zip(self.council.members, self.ballot) if v is None]
        if missing:
            raise MissingVotesError(self.symbol, missing)

    def _seats(self, names: Names) -> list[int]:
        if isinstance(names, Member):
            return [self.council.index(names)]
        if isinstance(names, str):
            names = _split(names, self.council.__contains__)
        return [self.council.index(name) for name in names]

    def vote_of(self, member: str | Member) -> Vote | None:
        """The vote of ``member`` (code, name or alias), or ``None`` if it has none yet."""
        return self.ballot[self.council.index(member)]

    @property
    def votes(self) -> dict[Member, Vote]:
        """Each member that has voted, with its vote, in the council's order."""
        return {m: v for m, v in zip(self.council.members, self.ballot) if v is not None}

    @property
    def tally(self) -> Tally:
        """The count of the votes cast so far."""
        return Tally.of(v for v in self.ballot if v is not None)

    # -- deciding ------------------------------------------------------------------------

    def decide(self, rules: Rules | None = None) -> Decision:
        """Decide this proposal by ``rules``, by default its council's (see ``unsc.decide``)."""
        return (rules or self.council.rules).decide(self)

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

    def table(self, fmt: str = "simple") -> str:
        """The votes as a table, one row per member, in any tabulate format."""
        return tabulate(self.rows(), headers=VOTE_COLUMNS, tablefmt=fmt)

    def svg(self, rules: Rules | None = None) -> str:
        """A picture of the chamber for this vote (SVG), with the verdict when complete."""
        if self.complete:
            return self.decide(rules).svg()
        return chamber_of(self, [f"{sum(v is not None for v in self.ballot)} of "
                              f"{self.council.size} votes cast: {self.tally}"], "")  # fmt: skip

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


_DEFAULTS = {
    f.name: f.default
    for f in attrs.fields(Resolution)
    if f.init and f.default is not attrs.NOTHING and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
}

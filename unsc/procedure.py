"""A meeting of the Council: the proposals before it, the order of voting, the results.

The Provisional Rules of Procedure (S/96/Rev.7) order the votes:

* Rule 33: motions to suspend the meeting, to adjourn it, to adjourn it to a certain day
  or hour, to refer a matter to a committee, the Secretary-General or a rapporteur, and
  to postpone discussion have precedence, in that order, over all principal motions and
  draft resolutions; so does a motion to introduce an amendment.
* Amendments are voted before the draft they amend (rule 33; in practice immediately
  before it, as on 18 October 2023). Where a draft has several amendments, the President
  rules on their order (rule 36); unsc takes them in the order of submission.
* Rule 32: principal motions and draft resolutions have precedence in the order of their
  submission.
* A draft withdrawn before any vote on it is not voted (rule 35), nor are its amendments.

Procedural motions are decided without veto (Article 27(2)). Whether a matter is
procedural is itself a substantive question (the San Francisco statement of 7 June 1945):
a *preliminary question* is voted before the proposal it concerns and can be vetoed — the
"double veto" of 24 May 1948. Obligatory abstention of parties to a dispute under Chapter VI
applies to each proposal as to any vote.

Examples:
    >>> from unsc.procedure import OCTOBER_2023
    >>> for item in OCTOBER_2023[0].order():
    ...     print(item.symbol)
    S/2023/772
    Russian amendment 1 to S/2023/773
    Russian amendment 2 to S/2023/773
    S/2023/773
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import attrs

from unsc._args import as_date
from unsc._table import Table, Tabular
from unsc._vocabulary import Vocabulary
from unsc.council import Council
from unsc.decision import Decision
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    UnknownRecordError,
)
from unsc.members import Member
from unsc.resolution import Resolution
from unsc.rules import Rules
from unsc.votes import Kind, Matter

__all__ = [
    "OCTOBER_2023",
    "Item",
    "Kind",
    "Meeting",
    "MeetingResult",
    "Motion",
    "Step",
]


class Motion(Vocabulary):
    """The motions of rule 33, in their order of precedence."""

    SUSPEND = "to suspend the meeting"
    ADJOURN = "to adjourn the meeting"
    ADJOURN_TO = "to adjourn the meeting to a certain day or hour"
    REFER = "to refer a matter to a committee, the Secretary-General or a rapporteur"
    POSTPONE = "to postpone discussion of the question"

    @classmethod
    def noun(cls) -> str:
        """What a value of this vocabulary is called in messages."""
        return "a motion of rule 33"


_MOTION_ORDER = {motion: i for i, motion in enumerate(Motion)}


@attrs.frozen
class Item:
    """One proposal before a meeting.

    Attributes:
        proposal: The proposal, as a record (its votes, once cast).
        kind: Draft, amendment, procedural motion or preliminary question.
        motion: For a procedural motion, which motion of rule 33.
        concerns: For a preliminary question, the symbol of the proposal whose
            character (procedural or not) it decides.
        withdrawn: Withdrawn before the vote.
        note: What is known of it beyond the record (e.g. votes not on record).
    """

    proposal: Resolution
    kind: Kind = Kind.DRAFT
    motion: Motion | None = None
    concerns: str | None = None
    withdrawn: bool = False
    note: str = ""

    @property
    def symbol(self) -> str:
        """The proposal's symbol."""
        return self.proposal.symbol


@attrs.frozen
class Step:
    """One item of a meeting in its place in the voting order, and what became of it.

    Attributes:
        item: The item.
        decision: The decision, or ``None`` when it was not voted (or its votes are not
            on record).
        matter: The matter it was decided as.
        amended_by: For a draft, the amendments adopted before it.
        why: Why the item was not voted, or how a preliminary question settled its matter.
    """

    item: Item
    decision: Decision | None
    matter: Matter
    amended_by: tuple[str, ...] = ()
    why: str = ""

    @property
    def outcome(self) -> str:
        """The outcome in words, or why there is none."""
        if self.decision is None:
            return self.why
        return self.decision.outcome.value


@attrs.frozen
class MeetingResult(Tabular):
    """A meeting's votes, in order.

    Attributes:
        meeting: The meeting.
        steps: One step per item, in the order of voting.
    """

    meeting: Meeting
    steps: tuple[Step, ...]

    def as_table(self) -> Table:
        """One row per item in the voting order."""
        rows = [
            (
                n + 1,
                step.item.symbol,
                step.item.kind.value,
                str(step.decision.tally) if step.decision else "—",
                step.outcome
                + (f" (as amended by {', '.join(step.amended_by)})" if step.amended_by else ""),
            )
            for n, step in enumerate(self.steps)
        ]
        return Table(("#", "proposal", "kind", "vote", "outcome"), rows)

    def __str__(self) -> str:
        meeting = self.meeting
        head = f"{meeting.record or 'Meeting'}, {meeting.date:%d %B %Y}"
        head += f"; President: {meeting.president.name}"
        return f"{head}\n\n{self.table()}"


@attrs.frozen(repr=False)
class Meeting:
    """A meeting of the Council on a date, and the proposals before it.

    Attributes:
        council: The council.
        date: The day of the meeting.
        record: The meeting record, e.g. ``"S/PV.9442"``.
        items: The proposals, in the order of their submission.
    """

    council: Council
    date: datetime.date
    record: str = ""
    items: tuple[Item, ...] = ()

    def __repr__(self) -> str:
        voted = sum(1 for item in self.items if item.proposal.has_ballot)
        name = self.record or "Meeting"
        return f"<Meeting {name}, {self.date}: {len(self.items)} items, {voted} with votes>"

    @classmethod
    def on(cls, date: datetime.date | str, record: str = "") -> Meeting:
        """An empty meeting of the Council as it sat on ``date`` (a date or "YYYY-MM-DD").

        Raises:
            InvalidDateError: For text that is not a real day as YYYY-MM-DD.
            UnknownYearError: For a day with no Council on record.
        """
        day = as_date(date, "Meeting.on(date)")
        if not isinstance(record, str):
            raise InvalidTypeError("Meeting.on(record)", record, "give the meeting's record")
        return cls(Council.of_date(day), day, record)

    @property
    def president(self) -> Member:
        """The President of the Council that month (rule 18)."""
        return self.council.president(self.date.month)

    def submit(
        self,
        proposal: Resolution | str,
        *,
        kind: Kind = Kind.DRAFT,
        motion: Motion | None = None,
        amends: str | None = None,
        concerns: str | None = None,
        note: str = "",
    ) -> Meeting:
        """A copy with ``proposal`` submitted after those already before the meeting.

        Raises:
            InvalidFieldError: For an amendment to a draft not before the meeting, a
                motion without its kind, or a symbol already used.
        """
        record = (
            proposal
            if isinstance(proposal, Resolution)
            else Resolution(proposal, council=self.council, date=self.date)
        )
        if amends is not None:
            record = attrs.evolve(record, amends=amends)
        if kind is Kind.AMENDMENT and self._find(record.amends or "") is None:
            raise InvalidFieldError(
                "amends",
                record.amends,
                "an amendment must name a draft already before the meeting",
            )
        if kind is Kind.MOTION:
            if motion is None:
                raise InvalidFieldError(
                    "motion", motion, "name the motion of rule 33 (a unsc.procedure.Motion)"
                )
            record = attrs.evolve(record, matter=Matter.PROCEDURAL)
        if kind is Kind.PRELIMINARY and self._find(concerns or "") is None:
            raise InvalidFieldError(
                "concerns",
                concerns,
                "a preliminary question must name a proposal before the meeting",
            )
        if self._find(record.symbol) is not None:
            raise InvalidFieldError(
                "symbol", record.symbol, "each proposal needs its own symbol or name"
            )
        item = Item(record, kind, motion, concerns, False, note)
        return attrs.evolve(self, items=(*self.items, item))

    def withdraw(self, symbol: str) -> Meeting:
        """A copy in which the proposal ``symbol`` was withdrawn before the vote."""
        return self._replace(symbol, lambda item: attrs.evolve(item, withdrawn=True))

    def vote(
        self,
        symbol: str,
        *,
        yes: str | Iterable[str] = (),
        no: str | Iterable[str] = (),
        abstain: str | Iterable[str] = (),
        absent: str | Iterable[str] = (),
        not_participating: str | Iterable[str] = (),
    ) -> Meeting:
        """A copy with every member's vote on ``symbol`` recorded.

        Raises:
            UnknownRecordError: If no proposal ``symbol`` is before the meeting.
            MissingVotesError: If a member is left without a vote.
        """

        def cast(item: Item) -> Item:
            proposal = item.proposal.with_votes(
                yes=yes, no=no, abstain=abstain, absent=absent,
                not_participating=not_participating, complete=True,
            )  # fmt: skip
            return attrs.evolve(item, proposal=proposal)

        return self._replace(symbol, cast)

    def _find(self, symbol: str) -> Item | None:
        return next((item for item in self.items if item.symbol == symbol), None)

    def _replace(self, symbol: str, change: Callable[[Item], Item]) -> Meeting:
        if self._find(symbol) is None:
            raise UnknownRecordError(symbol, [item.symbol for item in self.items])
        items = tuple(change(item) if item.symbol == symbol else item for item in self.items)
        return attrs.evolve(self, items=items)

    def order(self) -> tuple[Item, ...]:
        """The proposals in the order of voting (rules 32, 33 and 36)."""
        motions = sorted(
            (i for i in self.items if i.kind is Kind.MOTION),
            key=lambda i: _MOTION_ORDER[i.motion] if i.motion else 0,
        )
        ordered: list[Item] = list(motions)
        for item in self.items:
            if item.kind is not Kind.DRAFT:
                continue
            # a preliminary question on the draft, then its amendments, then the draft
            ordered.extend(
                i for i in self.items if i.kind is Kind.PRELIMINARY and i.concerns == item.symbol
            )
            ordered.extend(
                i
                for i in self.items
                if i.kind is Kind.AMENDMENT and i.proposal.amends == item.symbol
            )
            ordered.append(item)
        # preliminary questions on motions or amendments, and anything else, keep their places
        ordered.extend(i for i in self.items if i not in ordered)
        return tuple(ordered)

    def run(self, rules: Rules | None = None) -> MeetingResult:
        """Vote on every proposal in order and report what became of each."""
        steps: list[Step] = []
        adopted_amendments: dict[str, list[str]] = {}
        matters: dict[str, Matter] = {}
        withdrawn = {i.symbol for i in self.items if i.withdrawn}
        for item in self.order():
            record = item.proposal
            matter = matters.get(item.symbol, record.matter)
            if item.withdrawn:
                steps.append(
                    Step(item, None, matter, why="withdrawn before the vote: not voted (rule 35)")
                )
                continue
            if item.kind is Kind.AMENDMENT and record.amends in withdrawn:
                steps.append(Step(item, None, matter, why="its draft was withdrawn: not voted"))
                continue
            if not record.complete:
                steps.append(Step(item, None, matter, why=item.note or "votes not on record"))
                continue
            if item.kind is Kind.PRELIMINARY:
                # Whether the matter is procedural is decided as a substantive question.
                decision = (rules or record.council.rules).decide(
                    attrs.evolve(record, matter=Matter.SUBSTANTIVE)
                )
                settled = Matter.PROCEDURAL if decision.adopted else Matter.SUBSTANTIVE
                if item.concerns is not None:
                    matters[item.concerns] = settled
                why = f"{item.concerns} is to be decided as a {settled.value} matter"
                steps.append(Step(item, decision, Matter.SUBSTANTIVE, why=why))
                continue
            decision = (rules or record.council.rules).decide(attrs.evolve(record, matter=matter))
            amended = tuple(adopted_amendments.get(item.symbol, ()))
            if item.kind is Kind.AMENDMENT and decision.adopted and record.amends:
                adopted_amendments.setdefault(record.amends, []).append(item.symbol)
            steps.append(Step(item, decision, matter, amended))
        return MeetingResult(self, tuple(steps))


def _unvoted(record: Resolution, date: datetime.date | None = None) -> Resolution:
    """The record before anyone voted (on ``date``, if another day)."""
    return attrs.evolve(record, ballot=(None,) * record.council.size, date=date or record.date)


def _october_2023() -> tuple[Meeting, Meeting]:
    """The Gaza drafts of 16–18 October 2023, with the votes on record."""
    from unsc import history

    draft_772, draft_773 = history.get("S/2023/772"), history.get("S/2023/773")
    amendment_note = "failed for lack of votes, the US alone against (votes not on record)"
    later = "postponed to 18 October 2023 (S/PV.9442)"
    amendment = "Russian amendment {} to S/2023/773"
    first = (
        Meeting.on("2023-10-16", "S/PV.9439")
        .submit(_unvoted(draft_772))
        .submit(_unvoted(draft_773, datetime.date(2023, 10, 16)), note=later)
        .submit(amendment.format(1), kind=Kind.AMENDMENT, amends="S/2023/773", note=later)
        .submit(amendment.format(2), kind=Kind.AMENDMENT, amends="S/2023/773", note=later)
        .vote("S/2023/772", yes="CHN GAB MOZ RUS ARE", no="FRA JPN GBR USA",
              abstain="ALB BRA ECU GHA MLT CHE")
    )  # fmt: skip
    second = (
        Meeting.on("2023-10-18", "S/PV.9442")
        .submit(_unvoted(draft_773))
        .submit(amendment.format(1), kind=Kind.AMENDMENT, amends="S/2023/773", note=amendment_note)
        .submit(amendment.format(2), kind=Kind.AMENDMENT, amends="S/2023/773", note=amendment_note)
        .vote("S/2023/773", yes="ALB BRA CHN ECU FRA GAB GHA JPN MLT MOZ CHE ARE", no="USA",
              abstain="RUS GBR")
    )  # fmt: skip
    return first, second


#: The worked example: the meeting of 16 October 2023 as planned (the Russian draft, then
#: the Russian amendments to the Brazilian draft, then the Brazilian draft — only the first
#: was voted that day), and the meeting of 18 October 2023 that voted the rest. Built on
#: first use, not when the module is imported.
OCTOBER_2023: tuple[Meeting, Meeting]


def __getattr__(name: str) -> tuple[Meeting, Meeting]:  # PEP 562: built on first use
    if name == "OCTOBER_2023":
        meetings = _october_2023()
        globals()["OCTOBER_2023"] = meetings
        return meetings
    msg = f"module 'unsc.procedure' has no attribute {name!r}"
    raise AttributeError(msg)

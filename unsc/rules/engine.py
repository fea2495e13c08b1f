"""The rules engine: the rule as data, and what it makes of one decision.

[`Rules`][unsc.rules.Rules] holds the quota, the votes that block and how many blocks make a
veto; [`Rules.outcome`][unsc.rules.Rules.outcome] is the Charter's rule on counts, written
once. [`roles`][unsc.rules.roles] says what each seat can do in one decision, and
[`Rules.count`][unsc.rules.Rules.count] counts a record's votes by them. Users import all of
it from [`unsc.rules`][unsc.rules].
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, overload

import attrs

from unsc._args import as_text, as_whole, as_year
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    MissingVotesError,
    ObligatoryAbstentionError,
    UnknownPresetError,
    UnknownVotesError,
)
from unsc.members import Member
from unsc.rules.role import OBLIGATORY_ABSTENTION, PARTY_VOTES, Role
from unsc.rules.vocabulary import Majority, Outcome
from unsc.votes import Matter, Vote

if TYPE_CHECKING:
    from unsc.council import Council
    from unsc.decision import Decision
    from unsc.resolution import Resolution

__all__ = [
    "Roles",
    "Rules",
    "roles",
]


def _votes(values: Iterable[Vote | str] | Vote | str) -> frozenset[Vote]:
    # One vote may be given alone ("no"); a string is never iterated letter by letter.
    if isinstance(values, (Vote, str)):
        return frozenset({Vote.parse(values)})
    if not isinstance(values, Iterable):
        raise InvalidTypeError(
            "Rules.blocking", values, "give the votes that block, e.g. {'no'} or ['no', 'abstain']"
        )
    return frozenset(Vote.parse(v) for v in values)


def _whole(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    as_whole(value, f"Rules.{attribute.name}", low=1)


def _majority(value: Majority | str) -> Majority:
    return Majority.parse(value)


def _whole_or_none(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value is not None:
        _whole(instance, attribute, value)


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    as_text(value, f"Rules.{attribute.name}", blank=True)


def _no_yes(instance: object, attribute: object, value: frozenset[Vote]) -> None:
    if Vote.YES in value:
        raise InvalidFieldError(
            "Rules.blocking",
            sorted(v.value for v in value),
            "a yes vote concurs and cannot block; use votes among no, abstain, absent "
            "and not participating",
        )


@attrs.frozen(cache_hash=True, repr=False)
class Rules:
    """A set of voting rules, as data.

    Attributes:
        name: A short name, shown in explanations.
        quota: Affirmative votes needed to adopt (7 before 1966, 9 since).
        blocking: The votes of a veto holder that block a substantive
            decision: ``{Vote.NO}`` in practice; every status but yes under the
            literal reading of "concurring votes". A yes vote never blocks.
        vetoes_needed: How many veto holders must block for a veto (1 under
            the Charter; 2 in a reform proposal).
        source: Where the rule comes from, cited in explanations.
        majority: What the votes in favour are measured against: the members (the
            Charter), or those present and voting (a General Assembly rule, a
            misreading in the Council).
        procedural_quota: Affirmative votes needed on a procedural matter, when it
            differs from ``quota`` (it does not under the Charter: Article 27(2) asks
            the same nine).

    Examples:
        >>> from unsc.rules import CHARTER_1965, PRESENT_AND_VOTING
        >>> CHARTER_1965.quota, sorted(v.value for v in CHARTER_1965.blocking)
        (9, ['no'])
        >>> PRESENT_AND_VOTING.outcome(5, 0, no=4)  # abstentions do not count here
        <Outcome.ADOPTED: 'adopted'>
    """

    name: str = attrs.field(validator=_text)
    quota: int = attrs.field(validator=_whole)
    blocking: frozenset[Vote] = attrs.field(
        default=frozenset({Vote.NO}), converter=_votes, validator=_no_yes
    )
    vetoes_needed: int = attrs.field(default=1, validator=_whole)
    source: str = attrs.field(default="Article 27(3) of the Charter", validator=_text)
    majority: Majority = attrs.field(default=Majority.MEMBERS, converter=_majority, kw_only=True)
    procedural_quota: int | None = attrs.field(
        default=None, validator=_whole_or_none, kw_only=True
    )
    _blocking: tuple[Vote, ...] = attrs.field(init=False, repr=False, eq=False)
    _relative: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # A tuple tests membership by identity first; a frozenset would hash each enum.
        object.__setattr__(self, "_blocking", tuple(sorted(self.blocking, key=list(Vote).index)))
        object.__setattr__(self, "_relative", self.majority is not Majority.MEMBERS)

    def __repr__(self) -> str:
        blocking = "/".join(v.value for v in self._blocking) or "nothing"
        needed = f", {self.vetoes_needed} to veto" if self.vetoes_needed != 1 else ""
        return f"<Rules {self.name!r}: {self.requirement()}, blocked by {blocking}{needed}>"

    def quota_for(self, matter: Matter | str = Matter.SUBSTANTIVE) -> int:
        """The affirmative votes needed on ``matter``: ``procedural_quota`` on a
        procedural matter when it is set, ``quota`` otherwise."""
        kind = matter if isinstance(matter, Matter) else Matter.parse(matter)
        if kind is _PROCEDURAL and self.procedural_quota is not None:
            return self.procedural_quota
        return self.quota

    def requirement(self, matter: Matter | str = Matter.SUBSTANTIVE) -> str:
        """What a draft needs in favour, in words: ``"9 votes"``, or ``"more yes than
        no"`` under a majority of those present and voting.

        Examples:
            >>> from unsc.rules import CHARTER_1965, TWO_THIRDS_VOTING
            >>> CHARTER_1965.requirement(), TWO_THIRDS_VOTING.requirement()
            ('9 votes', 'twice as many yes as no')
        """
        quota = self.quota_for(matter)
        words = {
            Majority.MEMBERS: f"{quota} {'vote' if quota == 1 else 'votes'}",
            Majority.PRESENT_AND_VOTING: "more yes than no",
            Majority.TWO_THIRDS_PRESENT_AND_VOTING: "twice as many yes as no",
        }[self.majority]
        if self._relative and quota > 1:
            words += f" and at least {quota} yes"
        return words

    @property
    def practice(self) -> bool:
        """Whether only a "no" blocks, as in the Council's practice since 1946."""
        return self.blocking == frozenset({Vote.NO})

    @classmethod
    def for_year(cls, year: int) -> Rules:
        """The rules in force in ``year``: 7 of 11 until 1965, 9 of 15 from 1966.

        Raises:
            InvalidTypeError: For a year that is not a whole number (``"2023"``, ``True``).
            InvalidFieldError: For a year before the Council first met (1946).
        """
        year = as_year(year, "Rules.for_year(year)")
        if year < 1946:
            raise InvalidFieldError(
                "Rules.for_year(year)", year, "the Council has voted since 1946: give 1946 on"
            )
        return _named()["charter-1945" if year < 1966 else "charter-1965"]

    @classmethod
    def preset(cls, name: str) -> Rules:
        """Look up a preset by its key in [`PRESETS`][unsc.rules.PRESETS] (e.g.
        ``"literal-1965"``).

        Raises:
            InvalidTypeError: For a key that is not text.
            UnknownPresetError: For a key that is not in [`PRESETS`][unsc.rules.PRESETS] (an
                [`UnknownChoiceError`][unsc.errors.UnknownChoiceError], naming the keys).
        """
        if not isinstance(name, str):
            raise InvalidTypeError("Rules.preset(name)", name, "give a preset's key")
        presets = _named()
        try:
            return presets[name.strip().lower()]
        except KeyError:
            raise UnknownPresetError("a preset", name, presets) from None

    def outcome(
        self, yes: int, blocks: int, no: int = 0, matter: Matter = Matter.SUBSTANTIVE
    ) -> Outcome:
        """The outcome of a vote from its counts: the Charter's rule, written once.

        A draft short of the quota fails for lack of votes, whoever voted against
        (a permanent member's no is then not a veto); with the quota, it is vetoed
        when enough seats block, and adopted otherwise.

        Args:
            yes: Affirmative votes.
            blocks: Seats whose vote blocks this decision (see [`roles`][unsc.rules.roles]); always
                0 on a procedural matter.
            no: Negative votes, read only under a majority of those present and voting.
            matter: Substantive or procedural, read only for ``procedural_quota``.

        Raises:
            InvalidTypeError: For a count that is not a whole number of 0 or more.
            UnknownMatterError: For a matter that is neither substantive nor procedural.

        Examples:
            >>> from unsc.rules import CHARTER_1965, TWO_VETOES
            >>> CHARTER_1965.outcome(5, 3)
            <Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>
            >>> CHARTER_1965.outcome(12, 1), TWO_VETOES.outcome(12, 1)
            (<Outcome.VETOED: 'vetoed'>, <Outcome.ADOPTED: 'adopted'>)
        """
        for name, count in (("yes", yes), ("blocks", blocks), ("no", no)):
            if type(count) is not int or count < 0:
                raise InvalidTypeError(f"Rules.outcome({name})", count, "give a count: 0 or more")
        return self._outcome(yes, blocks, no, Matter.parse(matter))

    def _outcome(self, yes: int, blocks: int, no: int, matter: Matter) -> Outcome:
        """The rule itself, for counts already known to be counts (the engine's hot path)."""
        if yes < (self.quota if matter is _SUBSTANTIVE else self.quota_for(matter)):
            return _INSUFFICIENT
        if self._relative and not (
            yes > no if self.majority is _PRESENT_AND_VOTING else yes >= 2 * no
        ):
            return _INSUFFICIENT
        if blocks >= self.vetoes_needed:
            return _VETOED
        return _ADOPTED

    def decide(self, resolution: Resolution) -> Decision:
        """Decide ``resolution`` under these rules: [`unsc.decide`][unsc.decision.decide]
        with these rules.

        Raises:
            MissingVotesError: If a member has no recorded vote.
            ObligatoryAbstentionError: If a party to a dispute voted yes or no in a
                decision under Chapter VI or Article 52(3).
            UnknownVotesError: For counts that leave the outcome open (the quota met,
                and who voted no not on record).
            InvalidTypeError: If ``resolution`` is not a
                [`Resolution`][unsc.resolution.Resolution].
        """
        return _decide(resolution, self)

    def count(
        self, resolution: Resolution
    ) -> tuple[Outcome, tuple[Member, ...], tuple[Member, ...]]:
        """What these rules make of the votes on ``resolution``: the outcome, the veto
        holders whose votes blocked it (empty unless vetoed), and every veto holder that
        voted no. A [`Decision`][unsc.decision.Decision] records these three.

        A record whose votes are known only as counts is counted from them: the quota
        from the votes in favour, a veto from the veto holders on record as voting no.

        Examples:
            >>> from unsc import history
            >>> from unsc.rules import CHARTER_1965
            >>> outcome, vetoed_by, against = CHARTER_1965.count(history.get("S/2023/772"))
            >>> outcome.value, vetoed_by, [m.code for m in against]
            ('insufficient votes', (), ['FRA', 'GBR', 'USA'])

        Raises:
            MissingVotesError: If a member has no recorded vote.
            ObligatoryAbstentionError: If a party to a dispute voted where it must abstain.
            UnknownVotesError: For counts that leave the outcome open.
            InvalidTypeError: If ``resolution`` is not a
                [`Resolution`][unsc.resolution.Resolution].
        """
        stakes, blockers, outcome = self._verdict(resolution)
        if stakes.without_vote:
            return _ADOPTED, (), ()
        council = resolution.council
        members = council.members
        if resolution.counts is not None:
            seats = council._index
            against = tuple(members[seats[c]] for c in resolution.permanent_against or ())
        elif stakes.no_blocks:  # the seats that block are the veto holders voting no
            against = tuple([members[i] for i in blockers])
        else:
            ballot = resolution.ballot
            against = tuple([members[i] for i in council.veto_index if ballot[i] is _NO])
        if outcome is _VETOED:
            return outcome, tuple([members[i] for i in blockers]), against
        return outcome, (), against

    def outcome_of(self, resolution: Resolution) -> Outcome:
        """The outcome [`decide`][unsc.rules.Rules.decide] gives ``resolution``, without building
        the decision (for replaying many records, where only the outcome is compared).

        Raises:
            MissingVotesError: If a member has no recorded vote.
            ObligatoryAbstentionError: If a party to a dispute voted where it must abstain.
            UnknownVotesError: For counts that leave the outcome open.
            InvalidTypeError: If ``resolution`` is not a
                [`Resolution`][unsc.resolution.Resolution].
        """
        return self._verdict(resolution)[2]

    def _verdict(self, resolution: Resolution) -> tuple[Roles, list[int], Outcome]:
        """The roles of the seats, the seats whose votes block, and the outcome."""
        stakes, blockers, yes = self._count(resolution)
        if stakes.without_vote:
            return stakes, blockers, _ADOPTED
        return stakes, blockers, stakes.outcome(yes, len(blockers), _no(resolution))

    def _count(self, resolution: Resolution) -> tuple[Roles, list[int], int]:
        """The roles of the seats in ``resolution``, the seats whose votes block it, and the
        votes in favour."""
        try:
            council = resolution.council
        except AttributeError:
            raise InvalidTypeError(
                "the record to count", resolution, "give a unsc.Resolution"
            ) from None
        stakes = _roles(
            council,
            self,
            resolution.matter,
            resolution.chapter,
            resolution.parties,
            resolution.without_vote,
        )
        if stakes.without_vote:
            return stakes, [], 0
        if resolution.counts is not None:
            return stakes, self._blocking_counts(resolution, stakes), resolution.counts.yes
        ballot = resolution.ballot
        if not resolution.complete:
            missing = (m.code for m, v in zip(council.members, ballot) if v is None)
            raise MissingVotesError(resolution.symbol, missing)
        if stakes.parties:
            stakes.check(ballot, resolution.symbol)
        # The hot path (docs/performance.md): one pass over the seats that can block,
        # comparing enum members by identity.
        blockers = [i for i, blocking in stakes.blockers if ballot[i] in blocking]
        return stakes, blockers, ballot.count(_YES)

    def _blocking_counts(self, resolution: Resolution, stakes: Roles) -> list[int]:
        """The blocking seats of a record known by its counts, or an error if the counts
        leave open what decides the outcome."""
        counts = resolution.counts
        if counts is None or not stakes.blockers:
            return []
        council = resolution.council
        blocking = {vote for _, votes in stakes.blockers for vote in votes}
        unknown = []
        blockers: list[int] = []
        if _NO in blocking:
            if resolution.permanent_against is not None:
                against = set(resolution.permanent_against)
                blockers = [
                    i
                    for i, votes in stakes.blockers
                    if _NO in votes and council.codes[i] in against
                ]
            elif counts.no:
                unknown.append("which veto holders voted no")
        idle = {
            Vote.ABSTAIN: counts.abstain,
            Vote.ABSENT: counts.absent + counts.not_voting,
            Vote.NOT_PARTICIPATING: counts.not_participating + counts.not_voting,
        }
        for vote, count in idle.items():
            if vote in blocking and count:
                unknown.append(f"who was {_DOING[vote]}")
        if unknown and counts.yes >= stakes.quota:
            raise UnknownVotesError(
                resolution.symbol,
                f"its votes are on record only as counts ({counts}); "
                f"{' and '.join(unknown)} is not on record, and decides the outcome under "
                f"{self.name!r}",
            )
        return blockers


def _no(resolution: Resolution) -> int:
    """The votes against ``resolution``, from its ballot or its counts."""
    counts = resolution.counts
    return counts.no if counts is not None else resolution.ballot.count(_NO)


_DOING = {
    Vote.ABSTAIN: "abstaining",
    Vote.ABSENT: "absent",
    Vote.NOT_PARTICIPATING: "not participating",
}


_YES, _NO = Vote.YES, Vote.NO
_ADOPTED, _VETOED = Outcome.ADOPTED, Outcome.VETOED
_INSUFFICIENT, _PROCEDURAL = Outcome.INSUFFICIENT_VOTES, Matter.PROCEDURAL
_SUBSTANTIVE = Matter.SUBSTANTIVE
_PRESENT_AND_VOTING = Majority.PRESENT_AND_VOTING


@attrs.frozen(repr=False)
class Roles:
    """What every seat can do in one decision, and the verdict from counts.

    Made by [`roles`][unsc.rules.roles], the one place where Article 27 says who counts and
    who blocks; [`Rules.decide`][unsc.rules.Rules.decide], the analysis and the batch engine
    all read it.

    Attributes:
        council: The council.
        rules: The rules.
        matter: Substantive or procedural.
        without_vote: Adopted without a vote: no vote counts, nothing blocks.
        roles: One [`Role`][unsc.rules.Role] per seat, in the council's order.
        chapter: The Charter chapter of the decision, if given.
        blockers: Seats that can block, with their blocking votes (derived).
        parties: Seats of parties obliged to abstain (derived).
        no_blocks: Whether the seats that block are exactly the veto holders, each by
            voting no: the practice outside obligatory abstention (derived).
        veto_seats: The seats of the veto holders, in the council's order (derived).
        quota: The affirmative votes needed on this matter (derived).
    """

    council: Council
    rules: Rules
    matter: Matter
    without_vote: bool
    roles: tuple[Role, ...]
    chapter: str | None = None
    blockers: tuple[tuple[int, tuple[Vote, ...]], ...] = attrs.field(init=False, eq=False)
    parties: tuple[int, ...] = attrs.field(init=False, eq=False)
    no_blocks: bool = attrs.field(init=False, eq=False, repr=False)
    veto_seats: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    quota: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.rules, Rules) or not isinstance(self.matter, Matter):
            raise InvalidTypeError(
                "Roles(rules, matter)", (self.rules, self.matter), "give Rules and a Matter"
            )
        if not isinstance(self.roles, tuple) or not all(isinstance(r, Role) for r in self.roles):
            raise InvalidTypeError("Roles(roles)", self.roles, "give one Role per seat")
        object.__setattr__(self, "quota", self.rules.quota_for(self.matter))
        order = list(Vote)
        blockers = tuple(
            (i, tuple(sorted(role.blocks, key=order.index)))
            for i, role in enumerate(self.roles)
            if role.blocks
        )
        object.__setattr__(self, "blockers", blockers)
        object.__setattr__(
            self, "parties", tuple(i for i, role in enumerate(self.roles) if role.party)
        )
        # Whether the seats that block are exactly the veto holders voting no (the
        # practice, outside obligatory abstention): then they are the permanent "no"s.
        veto = tuple(i for i, role in enumerate(self.roles) if role.veto)
        object.__setattr__(self, "veto_seats", veto)
        object.__setattr__(
            self,
            "no_blocks",
            tuple(i for i, _ in blockers) == veto and all(b == (_NO,) for _, b in blockers),
        )

    def outcome(self, yes: int, blocks: int, no: int = 0) -> Outcome:
        """The outcome from counts: adopted without a vote, or by
        [`Rules.outcome`][unsc.rules.Rules.outcome] on this matter (``no`` is read only
        under a majority of those present and voting)."""
        if self.without_vote:
            return _ADOPTED
        return self.rules._outcome(yes, blocks, no, self.matter)

    @property
    def counts_no(self) -> bool:
        """Whether the outcome depends on the votes against as well as on the yes votes
        and the blocking seats (a majority of those present and voting)."""
        return self.rules.majority is not Majority.MEMBERS

    @property
    def yes_needed(self) -> int:
        """The fewest yes votes that adopt when every seat votes yes or no and none
        blocks: the quota of the yes/no game, found from the one rule."""
        size = len(self.roles)
        for yes in range(size + 1):
            if self.rules._outcome(yes, 0, size - yes, self.matter) is _ADOPTED:
                return yes
        return size + 1  # nothing adopts

    def check(self, ballot: Iterable[Vote | None], symbol: str = "draft") -> None:
        """Raise if a party obliged to abstain voted yes or no.

        Args:
            ballot: One vote per seat, in the council's order (``None`` for a seat not on
                record).
            symbol: The proposal's symbol, named in the error.

        Raises:
            ObligatoryAbstentionError: Naming the party and its vote.
        """
        for i, vote in enumerate(ballot):
            role = self.roles[i]
            if role.party and vote is not None and vote not in PARTY_VOTES:
                raise ObligatoryAbstentionError(
                    symbol, role.member.code, vote.value, self.chapter or "VI"
                )

    def __iter__(self) -> Iterator[Role]:
        return iter(self.roles)

    def __len__(self) -> int:
        return len(self.roles)

    @overload
    def __getitem__(self, key: int) -> Role: ...
    @overload
    def __getitem__(self, key: str | Member) -> Role: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Role, ...]: ...
    def __getitem__(self, key: int | str | Member | slice) -> Role | tuple[Role, ...]:
        if isinstance(key, (int, slice)):
            return self.roles[key]
        return self.roles[self.council.index(key)]

    def __repr__(self) -> str:
        can = sum(1 for r in self.roles if r.blocks)
        return (
            f"<Roles: {len(self.roles)} seats, {can} can block, "
            f"{self.rules.requirement(self.matter)}"
            f"{', adopted without a vote' if self.without_vote else ''}>"
        )


def roles(
    council: Council,
    rules: Rules | None = None,
    *,
    matter: Matter | str = Matter.SUBSTANTIVE,
    chapter: str | None = None,
    parties: Iterable[str] = (),
    without_vote: bool = False,
) -> Roles:
    """What each seat of ``council`` can do in one decision: the rule, written once.

    A veto holder can block a substantive decision by the rules' blocking votes; on a
    procedural matter (Article 27(2)) no seat can block. In a decision under Chapter VI
    or Article 52(3), a party to the dispute must abstain (Article 27(3), proviso): it
    may not vote yes or no, and cannot block. Every yes vote counts toward the quota.

    Args:
        council: The council.
        rules: The rules; the council's own by default.
        matter: Substantive (the default) or procedural.
        chapter: The Charter chapter (``"VI"``) or ``"52(3)"``, for obligatory abstention.
        parties: Codes of the parties to the dispute.
        without_vote: Adopted without a vote.

    Raises:
        InvalidTypeError: For a council that is not a [`Council`][unsc.council.Council],
            rules that are not [`Rules`][unsc.rules.Rules], or parties not given as a list.
        UnknownMatterError: For a matter that is neither substantive nor procedural.

    Examples:
        >>> import unsc
        >>> r = roles(unsc.Council.of_year(2023))
        >>> r["USA"].can_block, r["Japan"].can_block
        (True, False)
        >>> roles(unsc.Council.of_year(2023), matter="procedural")["USA"].can_block
        False
    """
    if not hasattr(council, "_roles_memo"):
        raise InvalidTypeError("roles(council)", council, "give a unsc.Council")
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("roles(rules)", rules, "give a unsc.Rules or None")
    kind = matter if isinstance(matter, Matter) else Matter.parse(matter)
    if isinstance(parties, str) or not isinstance(parties, Iterable):
        raise InvalidTypeError("roles(parties)", parties, "give the parties' codes as a list")
    codes = tuple(parties)
    return _roles(council, rules, kind, chapter, codes, bool(without_vote))


def _roles(
    council: Council,
    rules: Rules | None,
    kind: Matter,
    chapter: str | None,
    codes: tuple[str, ...],
    without_vote: bool,
) -> Roles:
    """[`roles`][unsc.rules.roles], from checked arguments, memoised: the engine's own way in."""
    rules = rules if rules is not None else council.rules
    # Memoised per council: decide() asks for the same roles on every call. The key
    # holds only what the answer depends on, and nothing Python must hash slowly.
    key: tuple[object, ...] = (id(rules), kind is _PROCEDURAL, without_vote)
    if codes:
        key += (chapter, codes)
    memo: dict[tuple[object, ...], Roles] = council._roles_memo
    found = memo.get(key)
    if found is not None and found.rules is rules:
        return found
    obliged = (
        frozenset(codes)
        if codes and chapter in OBLIGATORY_ABSTENTION and kind is Matter.SUBSTANTIVE
        else frozenset()
    )
    vetoes = frozenset(council.veto_index)
    blocking = rules.blocking if kind is Matter.SUBSTANTIVE and not without_vote else frozenset()
    seats = tuple(
        Role(
            member,
            i in vetoes,
            blocking if i in vetoes and member.code not in obliged else frozenset(),
            member.code in obliged,
        )
        for i, member in enumerate(council.members)
    )
    found = Roles(council, rules, kind, without_vote, seats, chapter)
    if len(memo) > 256:  # custom rules made by the thousand (property tests): start afresh
        memo.clear()
    memo[key] = found
    return found


def _decide(resolution: Resolution, rules: Rules) -> Decision:
    """[`unsc.decision.decide`][unsc.decision.decide], bound here at the first decision.

    That module builds on this one, so this one cannot import it as it loads; an import
    inside ``Rules.decide`` would cost half a microsecond on every call (docs/performance.md).
    """
    global _decide  # bound once, then called directly
    from unsc.decision import decide

    _decide = decide
    return decide(resolution, rules)


def _named() -> dict[str, Rules]:
    """[`PRESETS`][unsc.rules.PRESETS], bound here at the first lookup.

    The presets are made of this module's ``Rules``, so their module builds on this one and
    this one cannot import it as it loads; an import inside ``Rules.for_year`` would cost half
    a microsecond on every council built for a year.
    """
    global _named  # bound once, then called directly
    from unsc.rules.presets import PRESETS

    def named() -> dict[str, Rules]:
        return PRESETS

    _named = named
    return PRESETS

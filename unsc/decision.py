"""A decision: the outcome of one vote under a set of rules, and why.

[`decide`][unsc.decision.decide] is the engine: it counts a resolution's votes by
[`Rules`][unsc.rules.Rules] and returns a [`Decision`][unsc.decision.Decision], a frozen
record that explains itself in English, draws the chamber and saves the picture.

Examples:
    >>> import unsc
    >>> decision = unsc.decide(unsc.history.get("S/2023/772"))
    >>> decision.outcome, [m.code for m in decision.permanent_against]
    (<Outcome.INSUFFICIENT_VOTES: 'insufficient votes'>, ['FRA', 'GBR', 'USA'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from unsc import _prose
from unsc._args import as_whole
from unsc._table import Table, Tabular
from unsc.errors import InvalidFieldError, InvalidTypeError, MissingVotesError, UnknownVotesError
from unsc.members import Member, prose_list
from unsc.rules import Majority, Outcome, Rules, roles
from unsc.votes import Matter, Tally, Vote

if TYPE_CHECKING:
    import os
    from pathlib import Path

    from unsc.resolution import Resolution

__all__ = ["Decision", "decide"]


def _outcome(value: Outcome | str) -> Outcome:
    return Outcome.parse(value)


# A dict-backed frozen class: attrs then builds it by writing to __dict__, about a third
# faster than a slotted one, and a Decision is made on every call of decide().
@attrs.frozen(slots=False, repr=False)
class Decision(Tabular):
    """The outcome of one vote, and why.

    Attributes:
        resolution: The proposal as voted on.
        rules: The rules it was decided by.
        outcome: Adopted, vetoed, or failed for lack of votes.
        vetoed_by: The veto holders whose votes blocked it; empty unless
            [`outcome`][unsc.decision.Decision.outcome] is
            [`Outcome.VETOED`][unsc.rules.Outcome.VETOED].
        permanent_against: Every veto holder that voted no, whether or not that
            was a veto (S/2023/772: France, the United Kingdom, the United States).
    """

    resolution: Resolution
    rules: Rules
    outcome: Outcome = attrs.field(converter=_outcome)
    vetoed_by: tuple[Member, ...] = ()
    permanent_against: tuple[Member, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Only a caller's Decision comes here (the engine writes its own straight in): it
        # must be what these rules make of these votes, or explain() would explain a fiction.
        if not isinstance(self.rules, Rules):
            raise InvalidTypeError("Decision(rules)", self.rules, "give a unsc.Rules")
        for name in ("vetoed_by", "permanent_against"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(m, Member) for m in value):
                raise InvalidTypeError(f"Decision({name})", value, "give a tuple of Members")
        try:
            outcome, vetoed_by, _ = self.rules.count(self.resolution)
        except (UnknownVotesError, MissingVotesError):
            return  # votes not on record: the engine cannot say, so the caller may
        except AttributeError:  # every record has what count() reads: this is no record
            raise InvalidTypeError(
                "Decision(resolution)", self.resolution, "give a unsc.Resolution"
            ) from None
        if (outcome, vetoed_by) != (self.outcome, self.vetoed_by):
            raise InvalidFieldError(
                "Decision(outcome)",
                self.outcome,
                f"under {self.rules.name!r} these votes give {outcome.value}"
                f" (vetoes: {prose_list(vetoed_by) or 'none'});"
                " unsc.decide(record, rules) makes the decision",
            )

    @property
    def tally(self) -> Tally:
        """The count of the votes."""
        return self.resolution.tally

    def __repr__(self) -> str:
        return f"<Decision {self.verdict}>"

    @property
    def adopted(self) -> bool:
        """Whether the proposal was adopted."""
        return self.outcome is Outcome.ADOPTED

    @property
    def verdict(self) -> str:
        """One line: the symbol, the outcome and the tally."""
        words = {
            Outcome.ADOPTED: "adopted",
            Outcome.VETOED: "not adopted (vetoed)",
            Outcome.INSUFFICIENT_VOTES: "not adopted (insufficient votes)",
        }[self.outcome]
        if self.resolution.without_vote:
            return f"{self.resolution.symbol}: adopted without a vote"
        return f"{self.resolution.symbol}: {words}, {self.tally}"

    def as_table(self, *, width: int = 0) -> Table:
        """The votes, one row per member, with the verdict and the explanation beneath;
        its JSON is the decision's (as [`serial.to_dict`][unsc.serial.to_dict] gives it).

        Args:
            width: Fill the explanation to this many columns, for a terminal (``print``
                fills it to 80); 0, the default, keeps it on one line, as HTML wants it.

        Raises:
            InvalidTypeError: If ``width`` is not a whole number.
            InvalidFieldError: If ``width`` is negative.
        """
        from unsc import serial  # serial reads decisions: imported when one is shown

        width = as_whole(width, "as_table(width)", low=0)
        explanation = self.explain()
        return attrs.evolve(
            self.resolution.as_table(),
            caption=self.verdict,
            notes=(_prose.wrap(explanation, width) if width else explanation,),
            data=serial.to_dict(self),
        )

    def __str__(self) -> str:
        # Printed to a terminal: the explanation filled to 80 columns.
        return self.as_table(width=80).render("simple")

    def svg(self) -> str:
        """A picture of the chamber: each seat coloured by its vote, the outcome beneath in
        plain words; the text alternative says every vote in sentences."""
        return _prose.picture(self.resolution, self.caption())

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the picture of this decision to ``path``: ``.svg``, or ``.png`` with the
        ``png`` extra (``pip install 'unsc[png]'``). Returns the path written.

        Raises:
            InvalidFieldError: For a file name ending neither in ``.svg`` nor ``.png``.
            MissingDependencyError: For a PNG without the ``png`` extra.
        """
        from unsc._svg import save  # drawn on demand: no picture code at import

        return save(self.svg(), path)

    def _repr_svg_(self) -> str:
        return self.svg()

    def caption(self) -> list[str]:
        """The outcome in plain words, in short lines: what the picture says beneath.

        Examples:
            >>> import unsc
            >>> for line in unsc.decide(unsc.history.get("S/RES/2712 (2023)")).caption():
            ...     print(line)
            Adopted
            12 in favour, 0 against, 3 abstaining; nine needed
            The Russian Federation, the United Kingdom and the United States abstained: not a veto
        """
        return _prose.caption(self)

    def to_dataframe(self) -> Any:
        """The votes, one row per member, with the outcome (needs the ``pandas`` extra)."""
        data = self.resolution.to_dataframe()
        data["outcome"] = self.outcome.value
        data["vetoed"] = [
            m.code in {v.code for v in self.vetoed_by} for m in self.resolution.council
        ]
        return data

    def _repr_html_(self) -> str:
        # The chamber above the table, as the command's --svg draws it beside the text.
        return f"{self.svg()}{self.as_table().html()}"

    def explain(self) -> str:
        """Say in plain English what was decided and which rule decided it.

        Returns the sentences on one line; ``print(decision)`` shows them filled to 80
        columns beneath the votes.

        Examples:
            >>> import unsc
            >>> draft = unsc.Resolution("S/2014/916", council=unsc.Council.of_year(2014))
            >>> draft = draft.with_votes(
            ...     yes="ARG TCD CHL CHN FRA JOR LUX RUS", no="AUS USA",
            ...     abstain="LTU NGA KOR RWA GBR")
            >>> print(unsc.decide(draft).explain())
            Not adopted: 8 votes in favour where 9 are required (Article 27(3), as amended
            in 1965). The United States voted against, which does not count as a veto
            because the draft lacked nine votes.
        """
        return " ".join(_prose.explanation(self))


def decide(resolution: Resolution, rules: Rules | None = None) -> Decision:
    """Decide ``resolution`` by ``rules``, by default the rules of its council.

    This is the engine: ``decide(draft)`` is ``draft.council.rules.decide(draft)``. A record
    whose votes are known only as counts is decided from them: the quota from the votes in
    favour, a veto from the veto holders on record as voting no.

    Raises:
        MissingVotesError: If a member has no recorded vote.
        ObligatoryAbstentionError: If a party to a dispute voted where it must abstain.
        UnknownVotesError: For counts that leave the outcome open (the quota met, and who
            voted no not on record).
        InvalidTypeError: If ``resolution`` is not a [`Resolution`][unsc.resolution.Resolution] or
            ``rules`` not a [`Rules`][unsc.rules.Rules].
    """
    if rules is not None and not isinstance(rules, Rules):
        raise InvalidTypeError("decide(rules)", rules, "give a unsc.Rules or None")
    try:
        council = resolution.council
        if rules is None:
            rules = council.rules
        plain_vote = (
            resolution.matter is _SUBSTANTIVE
            and not resolution.parties
            and not resolution.without_vote
            and resolution.counts is None
            and resolution.complete
        )
    except AttributeError:  # every record has these: this is no record
        raise InvalidTypeError(
            "decide(resolution)", resolution, "give a unsc.Resolution"
        ) from None
    if plain_vote:
        # The hot path (docs/performance.md): a substantive vote with every member's vote
        # and no party to a dispute, the case of nearly every call. The roles of the last
        # rules applied wait in one slot of the council.
        last = council._plain_roles
        stakes = last[0]
        if stakes is None or stakes.rules is not rules:  # other rules: ask the memo
            stakes = last[0] = roles(council, rules)
        plain_vote = stakes.no_blocks  # the practice: a veto is a veto holder's no
        if plain_vote:
            ballot = resolution.ballot
            members = council.members
            against = tuple([members[i] for i in stakes.veto_seats if ballot[i] is _NO])
            if rules.majority is _MEMBERS:
                outcome = rules._outcome(ballot.count(_YES), len(against), 0, _SUBSTANTIVE)
            else:
                outcome = rules._outcome(
                    ballot.count(_YES), len(against), ballot.count(_NO), _SUBSTANTIVE
                )
            vetoed_by = against if outcome is _VETOED else ()
    if not plain_vote:  # every other record: counted by the rules, from its votes or counts
        outcome, vetoed_by, against = rules.count(resolution)
    # Written straight into the record: these values need none of the checks a caller's do.
    decision = _new(Decision)
    _set(
        decision,
        "__dict__",
        {
            "resolution": resolution,
            "rules": rules,
            "outcome": outcome,
            "vetoed_by": vetoed_by,
            "permanent_against": against,
        },
    )
    return decision


_YES, _NO = Vote.YES, Vote.NO
_VETOED, _SUBSTANTIVE, _MEMBERS = Outcome.VETOED, Matter.SUBSTANTIVE, Majority.MEMBERS
_new, _set = object.__new__, object.__setattr__

"""Hypothesis strategies for councils, votes and resolutions.

For property tests of code built on unsc (and unsc's own). Needs the ``testing``
extra: ``pip install 'unsc[testing]'``.

Strategies: [`votes`][unsc.strategies.votes], [`rules`][unsc.strategies.rules] (the presets and
[`custom_rules`][unsc.strategies.custom_rules]),
[`real_councils`][unsc.strategies.real_councils] (any year 1946–2026),
[`custom_councils`][unsc.strategies.custom_councils] (fictional states,
any size, any veto holders and quota), [`councils`][unsc.strategies.councils] (either) and
[`resolutions`][unsc.strategies.resolutions]
(with chapters, parties to a dispute, procedural matters and records adopted without a
vote).

Examples:
    >>> from hypothesis import given
    >>> from unsc import strategies as us
    >>> @given(us.resolutions())
    ... def test_every_vote_is_decided(draft):
    ...     assert draft.decide().outcome is not None
    >>> test_every_vote_is_decided()
"""

from __future__ import annotations

from unsc.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:  # the strategies need the testing extra
    raise MissingDependencyError("hypothesis", "testing") from None

from unsc.council import Council, seats_by_year
from unsc.members import Member
from unsc.resolution import Resolution
from unsc.rules import PARTY_VOTES, PRESETS, Majority, Rules
from unsc.votes import Matter, Vote

__all__ = [
    "councils",
    "custom_councils",
    "custom_rules",
    "real_councils",
    "resolutions",
    "rules",
    "votes",
]

_BLOCKABLE = [Vote.NO, Vote.ABSTAIN, Vote.ABSENT, Vote.NOT_PARTICIPATING]


def votes() -> st.SearchStrategy[Vote]:
    """Any of the five votes."""
    return st.sampled_from(list(Vote))


@st.composite
def custom_rules(draw: st.DrawFn, max_quota: int = 30) -> Rules:
    """Rules of any shape: any quota, any set of blocking votes (yes never blocks; none at
    all is allowed), any number of blocks to veto."""
    quota = draw(st.integers(1, max_quota))
    blocking = draw(st.sets(st.sampled_from(_BLOCKABLE)))
    needed = draw(st.integers(1, 3))
    return Rules(
        f"generated {quota}", quota, blocking, needed, source="generated rules",
        majority=draw(st.sampled_from(list(Majority))),
        procedural_quota=draw(st.none() | st.integers(1, max_quota)),
    )  # fmt: skip


def rules() -> st.SearchStrategy[Rules]:
    """A bundled preset, or generated rules
    ([`custom_rules`][unsc.strategies.custom_rules])."""
    return st.sampled_from(list(PRESETS.values())) | custom_rules()


def real_councils() -> st.SearchStrategy[Council]:
    """The Council of any year 1946–2026."""
    return st.sampled_from(sorted(seats_by_year())).map(Council.of_year)


@st.composite
def custom_councils(draw: st.DrawFn, min_size: int = 1, max_size: int = 30) -> Council:
    """A council of fictional states: any size, any veto holders, any quota."""
    size = draw(st.integers(min_size, max_size))
    permanent = draw(st.integers(0, size))
    members = [Member(f"S{i:02d}", f"State {i:02d}", permanent=i < permanent) for i in range(size)]
    quota = draw(st.integers(1, size))
    blocking = draw(st.sampled_from([{Vote.NO}, set(Vote) - {Vote.YES}]))
    needed = draw(st.integers(1, 2))
    rules = Rules(
        "custom", quota, blocking, needed,
        majority=draw(st.sampled_from(list(Majority))),
        procedural_quota=draw(st.none() | st.integers(1, size)),
    )  # fmt: skip
    return Council(members, rules=rules)


def councils() -> st.SearchStrategy[Council]:
    """A real council or a custom one."""
    return real_councils() | custom_councils()


@st.composite
def resolutions(
    draw: st.DrawFn,
    council: st.SearchStrategy[Council] | None = None,
    matter: st.SearchStrategy[Matter] | None = None,
    *,
    complete: bool = True,
    obligations: bool = True,
    without_vote: bool = True,
) -> Resolution:
    """A proposal with every member's vote recorded (or, with ``complete=False``, some).

    Args:
        draw: Hypothesis's draw function (given by ``st.composite``; not passed by callers).
        council: Councils to draw from; real or custom by default.
        matter: Matters to draw from; substantive or procedural by default.
        complete: Every member has a vote.
        obligations: Sometimes a chapter and parties to a dispute; under Chapter VI or
            Article 52(3) a party then abstains, is absent or does not participate, as
            Article 27(3) requires.
        without_vote: Sometimes a record adopted without a vote (it carries no votes).
    """
    chosen = draw(council if council is not None else councils())
    kind = draw(matter if matter is not None else st.sampled_from(list(Matter)))
    symbol = draw(st.from_regex(r"S/(19[4-9][0-9]|20[0-2][0-9])/[1-9][0-9]{0,3}", fullmatch=True))
    if without_vote and draw(st.integers(0, 9)) == 0:
        return Resolution(symbol, council=chosen, matter=kind, without_vote=True)
    chapter = None
    parties: list[str] = []
    if obligations and draw(st.booleans()):
        chapter = draw(st.sampled_from(["VI", "VII", "52(3)"]))
        parties = draw(st.lists(st.sampled_from(chosen.codes), max_size=3, unique=True))
    obliged = chapter in ("VI", "52(3)") and kind is Matter.SUBSTANTIVE
    missing = st.none() if not complete else st.nothing()
    ballot = tuple(
        draw(
            (st.sampled_from(sorted(PARTY_VOTES, key=list(Vote).index)) | missing)
            if obliged and code in parties
            else (votes() | missing)
        )
        for code in chosen.codes
    )
    return Resolution(
        symbol,
        council=chosen,
        matter=kind,
        ballot=ballot,
        chapter=chapter,
        parties=tuple(parties),
    )

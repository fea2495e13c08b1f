"""Hypothesis strategies for councils, votes and resolutions.

For property tests of code built on unsc (and unsc's own). Needs the ``testing``
extra: ``pip install 'unsc[testing]'``.

Strategies: :func:`votes`, :func:`rules`, :func:`real_councils` (any year 1946–2026),
:func:`custom_councils` (fictional states, any size, any veto holders and quota),
:func:`councils` (either) and :func:`resolutions`.

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

from unsc.council import Council, _membership
from unsc.members import Member
from unsc.resolution import Resolution
from unsc.rules import PRESETS, Rules
from unsc.votes import Matter, Vote

__all__ = ["councils", "custom_councils", "real_councils", "resolutions", "rules", "votes"]


def votes() -> st.SearchStrategy[Vote]:
    """Any of the five votes."""
    return st.sampled_from(list(Vote))


def rules() -> st.SearchStrategy[Rules]:
    """Any bundled preset."""
    return st.sampled_from(list(PRESETS.values()))


def real_councils() -> st.SearchStrategy[Council]:
    """The Council of any year 1946–2026."""
    return st.sampled_from(sorted(_membership())).map(Council.of_year)


@st.composite
def custom_councils(draw: st.DrawFn, min_size: int = 1, max_size: int = 30) -> Council:
    """A council of fictional states: any size, any veto holders, any quota."""
    size = draw(st.integers(min_size, max_size))
    permanent = draw(st.integers(0, size))
    members = [Member(f"S{i:02d}", f"State {i:02d}", permanent=i < permanent) for i in range(size)]
    quota = draw(st.integers(1, size))
    blocking = draw(st.sampled_from([{Vote.NO}, set(Vote) - {Vote.YES}]))
    needed = draw(st.integers(1, 2))
    return Council(members, rules=Rules("custom", quota, blocking, needed))


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
) -> Resolution:
    """A proposal with every member's vote recorded (or, with ``complete=False``, some)."""
    chosen = draw(council if council is not None else councils())
    missing = st.none() if not complete else st.nothing()
    ballot = tuple(draw(votes() | missing) for _ in range(chosen.size))
    kind = draw(matter if matter is not None else st.sampled_from(list(Matter)))
    symbol = draw(st.from_regex(r"S/(19[4-9][0-9]|20[0-2][0-9])/[1-9][0-9]{0,3}", fullmatch=True))
    return Resolution(symbol, council=chosen, matter=kind, ballot=ballot)

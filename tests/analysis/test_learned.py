"""Odds learned from the record: the estimate by hand, the prior, pass probability fed by
it, and a backtest that sees only the past."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import Outcome, Vote, history
from unsc.analysis import (
    FORECAST_MODELS,
    PRIORS,
    Prior,
    backtest,
    forecast,
    pass_probability,
    vote_probabilities,
)
from unsc.analysis.learned import estimate
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    NoSuchEntryError,
    UnknownChoiceError,
    UnknownStateError,
)
from unsc.members import counted_as

THREE = [unsc.Member(c, f"State {c}", permanent=c == "AAA") for c in ("AAA", "BBB", "CCC")]
SMALL = unsc.Council(THREE, rules=unsc.Rules("two of three", 2))


def _vote(day: int, votes: str, topic: str = "Testland") -> unsc.Resolution:
    codes = {"Y": Vote.YES, "N": Vote.NO, "A": Vote.ABSTAIN, "X": Vote.ABSENT}
    return unsc.Resolution(
        f"S/T/{day}",
        council=SMALL,
        ballot=tuple(codes[c] for c in votes),
        date=datetime.date(2000 + day, 1, 1),
        topic=topic,
    )


RECORD = [
    _vote(0, "YYN"),
    _vote(1, "NYY"),
    _vote(2, "NYA"),
    _vote(3, "XYY", topic="Otherland"),
]


def test_counts_and_estimate_by_hand() -> None:
    """AAA: no, no, yes on Testland; absent once. Pooled over Testland: 9 votes cast."""
    aaa = vote_probabilities("AAA", RECORD, topic="testland", prior="uniform", strength=3)
    assert (aaa.counts, aaa.absent, aaa.votes) == ((1, 2, 0), 0, 3)
    # (count + 3 × 1/3) / (3 + 3)
    assert aaa.as_tuple() == (Fraction(2, 6), Fraction(3, 6), Fraction(1, 6))
    assert aaa["yes"] == aaa.yes == Fraction(1, 3)
    assert aaa[Vote.ABSTAIN] == Fraction(1, 6)
    everything = vote_probabilities("AAA", RECORD, strength=0)
    assert (everything.counts, everything.absent) == ((1, 2, 0), 1)
    # The pooled prior: every member's votes on the same decisions (Y 5, N 3, A 1 on Testland).
    pooled = vote_probabilities("CCC", RECORD, topic="Testland")
    assert pooled.prior == (Fraction(5, 9), Fraction(3, 9), Fraction(1, 9))
    assert pooled.as_tuple() == estimate((1, 1, 1), pooled.prior, Fraction(2))


def test_a_member_without_votes_gets_the_prior() -> None:
    newcomer = vote_probabilities("AAA", RECORD, years=(2003, 2003), prior=(0.5, 0.25, 0.25))
    assert newcomer.votes == 0
    assert newcomer.absent == 1
    assert newcomer.as_tuple() == (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))


def test_member_prior_leans_on_the_members_own_rate() -> None:
    """On Otherland BBB voted yes once; its prior is its rate over everything (4 yes)."""
    bbb = vote_probabilities("BBB", RECORD, topic="Otherland", prior="member", strength=2)
    overall = vote_probabilities("BBB", RECORD, strength=2)
    assert bbb.prior == overall.as_tuple()
    assert bbb.counts == (1, 0, 0)


def test_a_prior_is_an_enum_and_its_name_works_as_before() -> None:
    """``Prior`` or its value string, wherever a prior is asked for; a name that is none is
    refused naming the three; a (yes, no, abstain) of one's own still works (issue 20
    part 5)."""
    for prior in Prior:
        by_enum = vote_probabilities("BBB", RECORD, topic="Otherland", prior=prior)
        by_name = vote_probabilities("BBB", RECORD, topic="Otherland", prior=prior.value)
        assert by_enum == by_name
    assert PRIORS == ("pooled", "uniform", "member")
    assert Prior.parse("member") is Prior.MEMBER is Prior("member")
    assert Prior.parse("Pooled") is Prior.POOLED  # any case, as every vocabulary
    with pytest.raises(UnknownChoiceError, match="pooled, uniform, member"):
        vote_probabilities("BBB", RECORD, prior="shrunk")
    with pytest.raises(UnknownChoiceError, match="pooled, uniform, member"):
        Prior.parse(None)  # type: ignore[arg-type]
    with pytest.raises(UnknownChoiceError, match="is not a prior"):
        Prior("flat")


@given(
    st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50)),
    st.lists(st.integers(0, 10), min_size=3, max_size=3).filter(any),
    st.fractions(min_value=0, max_value=100),
)
def test_estimate_lies_between_the_shares_and_the_prior(
    counts: tuple[int, int, int], weights: list[int], strength: Fraction
) -> None:
    """A proper distribution, and each probability between the member's own share and the
    prior's: the prior pulls, it never pushes past."""
    prior = tuple(Fraction(w, sum(weights)) for w in weights)
    got = estimate(counts, prior, strength)  # type: ignore[arg-type]
    assert sum(got) == 1
    assert all(p >= 0 for p in got)
    n = sum(counts)
    for i in range(3):
        share = Fraction(counts[i], n) if n else prior[i]
        assert min(share, prior[i]) <= got[i] <= max(share, prior[i])
    if strength == 0 and n:
        assert got == tuple(Fraction(c, n) for c in counts)


def test_ussr_votes_count_as_russias() -> None:
    ussr_years = vote_probabilities("Russia", years=(1946, 1990), strength=0)
    assert ussr_years.votes > 0
    assert ussr_years.counts == vote_probabilities("SUN", years=(1946, 1990), strength=0).counts


def test_learned_feeds_pass_probability() -> None:
    """The estimates go to pass_probability as they are; forecast is the two in one call."""
    council = unsc.Council.of_year(2026)
    learned = vote_probabilities(council, topic="Syria", years=(2011, 2025))
    assert list(learned) == [counted_as(code) for code in council.codes]
    assert learned["United States"] is learned["USA"]
    direct = pass_probability(council, dict(learned))
    syria = forecast(2026, topic="Syria", years=(2011, 2025))
    assert syria.odds == direct
    assert syria.learned == learned
    assert "22 decisions with every member's vote on 'Syria'" in syria.caption()
    assert "The record ends" not in syria.caption()  # 2011–2025: it ends later
    assert "Resolution 2807 (2025)" in syria.caption().replace("Resolutions", "Resolution")
    assert repr(syria).startswith("<Forecast the 2026 Council on 'Syria' in 2011–2025: adopted")
    assert "RUS" in syria.table()
    assert "vetoed" in syria.table()


def test_certain_members_make_a_certain_forecast() -> None:
    """Members who only ever voted yes, learned without a prior, adopt for certain: the
    forecast then equals the engine's decision on that ballot."""
    record = [_vote(i, "YYY") for i in range(3)]
    got = forecast(SMALL, record, strength=0)
    ballot = unsc.Resolution("S/X", council=SMALL, ballot=(Vote.YES,) * 3)
    assert got.odds[ballot.decide().outcome] == 1
    vetoing = [_vote(i, "NYY") for i in range(3)]
    assert forecast(SMALL, vetoing, strength=0).vetoed == 1


def test_a_draft_keeps_its_cast_votes() -> None:
    draft = unsc.Resolution("S/X", council=SMALL).cast("AAA", "no")
    got = forecast(draft, RECORD)
    assert got.subject == "S/X"
    assert got.adopted == 0  # AAA's no is cast: the draft cannot be adopted


def test_bad_input_is_named() -> None:
    with pytest.raises(UnknownStateError):
        vote_probabilities("Atlantis")
    with pytest.raises(NoSuchEntryError, match="Syra"):
        vote_probabilities("USA", topic="Syra")
    with pytest.raises(UnknownChoiceError, match="'flat'"):
        vote_probabilities("USA", prior="flat")
    with pytest.raises(InvalidFieldError):
        vote_probabilities("USA", strength=-1)
    with pytest.raises(InvalidFieldError):
        vote_probabilities("USA", prior=(0.5, 0.5, 0.5))
    with pytest.raises(InvalidTypeError):
        vote_probabilities("USA", years=2020)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        forecast("2026")  # type: ignore[arg-type]
    learned = vote_probabilities(SMALL, RECORD)
    with pytest.raises(NoSuchEntryError):
        learned["USA"]
    with pytest.raises(NoSuchEntryError):
        vote_probabilities("USA")["absent"]


def test_listing_surface() -> None:
    learned = vote_probabilities(SMALL, RECORD)
    assert len(learned) == 3
    assert list(learned) == ["AAA", "BBB", "CCC"]
    assert repr(learned) == "<Learned: 3 members from 4 decisions>"
    assert "AAA" in learned
    assert "Atlantis" not in learned
    assert repr(learned["AAA"]).startswith("<VoteProbabilities AAA: yes ")
    assert "learned from 4 decisions" in str(learned)
    assert "<table>" in learned._repr_html_()
    rows = learned.to_rows()
    assert rows[0]["member"] == "AAA"
    assert rows[0]["absent"] == 1


def _adopted_share(records: list[unsc.Resolution], first: int, last: int) -> Fraction:
    dated = [
        r for r in records
        if r.date and first <= r.date.year <= last and not r.without_vote and r.recorded
    ]  # fmt: skip
    return Fraction(sum(r.recorded is Outcome.ADOPTED for r in dated), len(dated))


def test_backtest_scores_against_an_independent_count() -> None:
    result = backtest(years=(2015, 2025))
    assert [s.model for s in result] == list(FORECAST_MODELS)
    always = result["always adopted"]
    assert always.accuracy == _adopted_share(list(history.records()), 2015, 2025)
    assert always.brier == pytest.approx(2 * (1 - float(always.accuracy)))
    for score in result:
        assert sum(n for _, _, n, _, _ in score.calibration) == score.decisions
        assert 0 <= score.brier <= 2
    assert result[0] is always
    assert "accuracy" in result.table()
    assert "share adopted" in result.calibration()


def test_backtest_sees_only_the_past() -> None:
    """Decisions after the years predicted change nothing."""
    records = list(history.records())
    whole = backtest(records, years=(2010, 2012))
    until = backtest([r for r in records if r.date and r.date.year <= 2012], years=(2010, 2012))
    assert whole == until
    with pytest.raises(InvalidFieldError):
        backtest(years=(2020, 2010))
    with pytest.raises(NoSuchEntryError):
        whole["oracle"]

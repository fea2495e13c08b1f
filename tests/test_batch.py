"""Many ballots at once: decide_many agrees with decide on every ballot, and simulate
with the exact probabilities where both apply."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import Outcome, Vote
from unsc.analysis import Bloc, Model, pass_probability, simulate
from unsc.batch import VOTES
from unsc.errors import (
    InvalidFieldError,
    InvalidTypeError,
    MissingVotesError,
    ObligatoryAbstentionError,
    UnknownVoteError,
)
from unsc.strategies import councils, resolutions, rules

np = pytest.importorskip("numpy")


@st.composite
def _batch(draw: st.DrawFn) -> tuple[unsc.Council, unsc.Rules, list[unsc.Resolution]]:
    council = draw(councils())
    chosen = draw(rules()) if draw(st.booleans()) else council.rules
    if chosen.quota > council.size:
        chosen = council.rules
    matter = draw(st.sampled_from(list(unsc.Matter)))
    records = draw(
        st.lists(
            resolutions(st.just(council), st.just(matter), obligations=False, without_vote=False),
            min_size=1,
            max_size=8,
        )
    )
    return council, chosen, records


@given(_batch())
def test_decide_many_is_decide_on_every_ballot(
    batch: tuple[unsc.Council, unsc.Rules, list[unsc.Resolution]],
) -> None:
    council, chosen, records = batch
    matter = records[0].matter
    expected = [unsc.decide(r, chosen).outcome for r in records]
    rows = [r.ballot for r in records]
    assert list(unsc.decide_many(council, rows, rules=chosen, matter=matter)) == expected
    codes = [[v.code if v is not Vote.ABSENT else "absent" for v in row] for row in rows]
    assert list(unsc.decide_many(council, codes, rules=chosen, matter=matter)) == expected
    array = np.array([[VOTES.index(v) for v in row] for row in rows], dtype=np.int8)
    assert list(unsc.decide_many(council, array, rules=chosen, matter=matter)) == expected


@given(resolutions(st.just(unsc.Council.of_year(2023)), without_vote=False))
def test_a_party_obliged_to_abstain_is_held_to_it(record: unsc.Resolution) -> None:
    """With a chapter and parties, decide_many refuses what decide refuses."""
    try:
        expected: object = unsc.decide(record).outcome
    except ObligatoryAbstentionError:
        expected = ObligatoryAbstentionError
    try:
        found: object = unsc.decide_many(
            record.council, [record.ballot], matter=record.matter, chapter=record.chapter,
            parties=record.parties,
        )[0]  # fmt: skip
    except ObligatoryAbstentionError:
        found = ObligatoryAbstentionError
    assert found == expected


def test_the_gaza_votes_and_their_tallies() -> None:
    council = unsc.Council.of_year(2023)
    records = [unsc.history.get(s) for s in ("S/2023/772", "S/2023/773", "S/2023/792")]
    many = unsc.decide_many(council, [r.ballot for r in records])
    assert list(many) == [r.recorded for r in records]
    assert [str(t) for t in many.tallies()] == ["5–4–6", "12–1–2", "10–3–2"]
    assert many.counts() == {Outcome.ADOPTED: 0, Outcome.VETOED: 2, Outcome.INSUFFICIENT_VOTES: 1}
    assert many.ballot(0) == records[0].ballot
    assert repr(many).startswith("<Outcomes: 3 ballots on the 2023 Council")


@pytest.mark.parametrize(
    ("rows", "error", "match"),
    [
        ([[Vote.YES] * 14], InvalidFieldError, "ballot 0 cannot be 14"),
        ([[Vote.YES] * 14 + ["maybe"]], UnknownVoteError, "'maybe' is not a vote"),
        ([[Vote.YES] * 14 + [None]], MissingVotesError, "ballot 0: no vote recorded for USA"),
        (["YYYYYYYYYYYYYYY"], InvalidTypeError, "ballot 0 cannot be"),
        ("Y" * 15, InvalidTypeError, "give rows of votes"),
    ],
)
def test_bad_ballots_are_named(rows: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        unsc.decide_many(unsc.Council.of_year(2023), rows)  # type: ignore[arg-type]


def test_bad_arrays_are_named() -> None:
    council = unsc.Council.of_year(2023)
    with pytest.raises(InvalidFieldError, match="shape"):
        unsc.decide_many(council, np.zeros((3, 14), dtype=np.int8))
    with pytest.raises(InvalidFieldError, match="outside 0–4"):
        unsc.decide_many(council, np.full((3, 15), 7, dtype=np.int8))
    with pytest.raises(InvalidFieldError, match="integer"):
        unsc.decide_many(council, np.zeros((3, 15)))


def test_simulation_agrees_with_the_exact_probability() -> None:
    """Members voting independently: the estimates lie within four standard errors of
    the exact probabilities (a fixed seed: the test is deterministic)."""
    council = unsc.Council.of_year(2023)
    model = Model({"USA": (0.2, 0.6, 0.2)}, default=(0.6, 0.2, 0.2))
    result = simulate(council, model, 20_000, seed=7)
    exact = pass_probability(council, {"USA": (0.2, 0.6, 0.2)}, default=(0.6, 0.2, 0.2))
    for outcome, estimate in result.estimates().items():
        assert abs(estimate - float(exact[outcome])) < 4 * result.errors()[outcome] + 1e-9
    low, high = result.interval("adopted")
    assert low <= result.estimates()[Outcome.ADOPTED] <= high


def test_a_cohesive_bloc_votes_as_one() -> None:
    council = unsc.Council.of_year(2023)
    model = Model(blocs=(Bloc(["France", "UK", "United States"], 1.0),))
    result = simulate(council, model, 500, seed=2)
    seats = [council.index(c) for c in ("FRA", "GBR", "USA")]
    for i in range(len(result)):
        ballot = result.decisions.ballot(i)
        assert len({ballot[s] for s in seats}) == 1
    with pytest.raises(InvalidFieldError, match="one bloc"):
        simulate(council, Model(blocs=(Bloc(["FRA"], 1), Bloc(["France", "USA"], 1))), 10)


def test_the_same_seed_draws_the_same_ballots() -> None:
    council = unsc.Council.of_year(2023)
    first, again = simulate(council, n=300, seed=11), simulate(council, n=300, seed=11)
    assert list(first.decisions) == list(again.decisions)


def test_decisions_read_as_a_sequence_and_a_table() -> None:
    council = unsc.Council.of_year(2023)
    gaza = unsc.history.get("S/2023/772").ballot
    many = unsc.decide_many(council, [gaza, ["Y"] * 15, ["Y"] * 14 + ["N"]])
    assert len(many) == 3
    assert many[-1] is Outcome.VETOED
    assert many[:2] == (Outcome.INSUFFICIENT_VOTES, Outcome.ADOPTED)
    assert "adopted" in many.table()
    assert str(many) == many.table()
    assert "<table>" in many._repr_html_()
    frame = many.to_dataframe()
    assert list(frame["yes"]) == [5, 15, 14]
    assert list(frame["outcome"])[1] == "adopted"
    with pytest.raises(unsc.errors.NoSuchEntryError, match="3"):
        many[3]
    with pytest.raises(InvalidTypeError):
        many["USA"]  # type: ignore[call-overload]
    array = np.array([[VOTES.index(v) for v in gaza]], dtype=np.int8)
    from_array = unsc.decide_many(council, array)
    assert from_array.ballot(0) == gaza
    assert str(from_array.tally(0)) == "5–4–6"


def test_procedural_votes_have_no_veto_in_a_batch() -> None:
    council = unsc.Council.of_year(2023)
    row = ["Y"] * 9 + ["N"] * 6  # the United States, last in the council's order, no
    assert council.members[-1].code == "USA"
    assert list(unsc.decide_many(council, [row])) == [Outcome.VETOED]
    assert list(unsc.decide_many(council, [row], matter="procedural")) == [Outcome.ADOPTED]
    assert unsc.decide_many(council, [], matter="procedural").counts()[Outcome.ADOPTED] == 0


def test_simulation_reports_and_refuses() -> None:
    council = unsc.Council.of_year(2023)
    result = simulate(council, n=100, seed=3)
    assert "95% interval" in result.table()
    assert "seed 3" in str(result)
    assert repr(result).startswith("<Simulation of 100 ballots: adopted")
    assert "<table>" in result._repr_html_()
    with pytest.raises(InvalidFieldError, match="from 1 to 1,000,000"):
        simulate(council, n=0)
    with pytest.raises(InvalidTypeError, match="seed"):
        simulate(council, n=5, seed="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="Model"):
        simulate(council, {"USA": 1})  # type: ignore[arg-type]
    with pytest.raises(InvalidFieldError, match="from 0 to 1"):
        Bloc(["USA"], 1.5)
    with pytest.raises(unsc.errors.NotAMemberError):
        simulate(council, Model(blocs=(Bloc(["Germany"], 0.5),)), 5)

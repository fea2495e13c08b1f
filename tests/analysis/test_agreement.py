"""Who votes with whom: each measure against an independent count, and its properties."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsc
from unsc import Vote, history
from unsc import strategies as us
from unsc.analysis import MEASURES, Measure, agreement, agreement_trend, blocs
from unsc.errors import InvalidFieldError, InvalidTypeError, NoSuchEntryError, UnknownChoiceError

COUNCIL = unsc.Council.of_year(2023)
Y, N, A, X = Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.ABSENT


def _record(symbol: str, votes: dict[str, Vote], default: Vote = Y) -> unsc.Resolution:
    ballot = tuple(votes.get(code, default) for code in COUNCIL.codes)
    return unsc.Resolution(symbol, council=COUNCIL, ballot=ballot)


# A hand-made record set: the United States and Russia on five votes.
HAND = [
    _record("S/1", {"USA": Y, "RUS": Y}),  # same
    _record("S/2", {"USA": Y, "RUS": N}),  # opposite
    _record("S/3", {"USA": N, "RUS": A}),  # partial
    _record("S/4", {"USA": A, "RUS": A}),  # same (both abstain)
    _record("S/5", {"USA": Y, "RUS": X}),  # excluded: Russia absent
]


def test_the_measures_on_a_hand_made_record() -> None:
    """Computed by hand: 4 votes together (2 same, 1 opposite, 1 partial), 1 excluded."""
    pair = agreement(HAND)["USA", "Russia"]

    assert (pair.votes, pair.same, pair.opposite, pair.partial, pair.excluded) == (4, 2, 1, 1, 1)
    assert pair.identical == Fraction(2, 4)
    assert pair.coincidence == Fraction(1, 2)  # yes/no on both sides: S/1 same, S/2 opposite
    assert pair.lijphart == Fraction(2 * 2 + 1, 2 * 4)
    # kappa: USA y2 n1 a1, RUS y1 n1 a2: chance (2·1 + 1·1 + 1·2) / 16 = 5/16
    assert pair.kappa == (Fraction(2, 4) - Fraction(5, 16)) / (1 - Fraction(5, 16))


def _independent(records: list[unsc.Resolution], a: str, b: str) -> dict[str, Fraction | None]:
    """Every measure for one pair, counted from the votes directly."""
    both = []
    for r in records:
        va, vb = r.ballot[r.council.index(a)], r.ballot[r.council.index(b)]
        if va in (Y, N, A) and vb in (Y, N, A):
            both.append((va, vb))
    n = len(both)
    if not n:
        return dict.fromkeys(MEASURES)
    same = sum(va is vb for va, vb in both)
    decisive = [(va, vb) for va, vb in both if A not in (va, vb)]
    partial = sum((va is A) != (vb is A) for va, vb in both)
    chance = sum(
        Fraction(sum(va is k for va, _ in both), n) * Fraction(sum(vb is k for _, vb in both), n)
        for k in (Y, N, A)
    )
    return {
        "identical": Fraction(same, n),
        "coincidence": Fraction(sum(va is vb for va, vb in decisive), len(decisive))
        if decisive
        else None,
        "lijphart": (same + Fraction(partial, 2)) / n,
        "kappa": None if chance == 1 else (Fraction(same, n) - chance) / (1 - chance),
    }


@settings(max_examples=40, deadline=None)
@given(
    st.lists(us.resolutions(st.just(COUNCIL), without_vote=False), min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_every_measure_agrees_with_a_direct_count(
    records: list[unsc.Resolution], rnd: random.Random
) -> None:
    found = agreement(records)
    a, b = rnd.sample(list(found.members), 2)
    expected = _independent(records, a, b)
    for measure in MEASURES:
        assert found[a, b].measure(measure) == expected[measure], measure


@settings(max_examples=30, deadline=None)
@given(
    st.lists(us.resolutions(st.just(COUNCIL), without_vote=False), min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_symmetry_self_agreement_and_order(
    records: list[unsc.Resolution], rnd: random.Random
) -> None:
    """The same either way round; a member agrees with itself; reordering changes nothing."""
    found = agreement(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    again = agreement(shuffled)
    for a, b in itertools.combinations(found.members, 2):
        for measure in MEASURES:
            assert found[a, b].measure(measure) == found[b, a].measure(measure)
            assert found[a, b].measure(measure) == again[a, b].measure(measure)
    for member in found.members:
        if found[member, member].votes:
            assert found[member, member].identical == 1


def test_records_without_member_votes_are_counted_apart() -> None:
    counts_only = unsc.Resolution("S/C", council=COUNCIL, counts=unsc.Tally(9, 0, 6))
    found = agreement([*HAND, counts_only])

    assert (found.decisions, found.without_votes) == (5, 1)
    assert "5 decisions with every member's vote" in found.caption()
    assert "1 without member votes not counted" in found.caption()


def test_a_pair_with_no_common_vote_says_so() -> None:
    old = unsc.Resolution("S/OLD", council=unsc.Council.of_year(1990),
                          ballot=(Y,) * 15)  # fmt: skip
    found = agreement([old, HAND[0]])
    pair = found["Zaire", "Mozambique"]

    assert pair.votes == 0
    assert all(pair.measure(m) is None for m in MEASURES)
    assert "no common vote" in repr(pair)
    assert "—" in found.table()


def test_the_soviet_seat_is_counted_as_russia() -> None:
    found = agreement(history.records(years=(1946, 2025)), members=["USA", "USSR"])
    assert found.members == ("USA", "RUS")
    assert found["USA", "Soviet Union"] is found["USA", "RUS"] or (
        found["USA", "Soviet Union"].table == found["USA", "RUS"].table
    )


def test_the_listing_surface() -> None:
    found = agreement(history.records(year=2023))
    assert len(found) == 15 * 14 // 2
    assert found[0] is next(iter(found))
    assert repr(found) == "<Agreement: 15 members, 62 decisions, 2023>"
    with pytest.raises(NoSuchEntryError):
        found["USA", "Germany"]
    with pytest.raises(InvalidTypeError):
        found[1.5]  # type: ignore[call-overload]
    with pytest.raises(UnknownChoiceError, match="'similarity'"):
        found.matrix("similarity")
    with pytest.raises(InvalidTypeError):
        agreement("S/2023/772")  # type: ignore[arg-type]
    assert found.with_("USA")[0] == ("GBR", Fraction(29, 31))


def test_trend_by_year_and_rolling_window() -> None:
    records = history.records(years=(2022, 2024))
    by_year = agreement_trend(records)
    assert by_year.periods == (2022, 2023, 2024)
    assert (
        by_year.series("USA", "GBR")[1]
        == agreement(history.records(year=2023))["USA", "GBR"].identical
    )
    rolling = agreement_trend(records, window=2)
    assert rolling[1][1].decisions == by_year[0][1].decisions + by_year[1][1].decisions
    assert "rolling 2-year windows" in rolling.caption()
    with_us = agreement_trend(records, with_="USA")
    assert all(a == "USA" for a, _ in with_us.pairs)
    with pytest.raises(InvalidFieldError):
        agreement_trend(records, window=0)


def test_blocs_join_members_that_vote_alike() -> None:
    found = blocs(agreement(history.records(year=2023)), threshold=0.9)
    # 2023 with its split votes: the elected members and France against the US and the UK
    assert found.of("Malta") == (
        "ALB", "ARE", "BRA", "CHE", "ECU", "FRA", "GAB", "GHA", "JPN", "MLT", "MOZ",
    )  # fmt: skip
    assert found.of("USA") == ("GBR", "USA")
    assert found.cohesion(found.of("USA")) == Fraction(29, 31)  # 58 of 62 alike
    assert sorted(found.order) == sorted(found.agreement.members)
    assert sum(len(b) for b in found) == 15
    loose = blocs(found.agreement, threshold=0)
    assert len(loose) == 1  # everyone sat together in 2023: at 0 all join


def test_blocs_table_names_members_in_full_or_by_code() -> None:
    """By name in a notebook; by code, as ``unsc agreement --blocs`` prints it."""
    found = blocs(agreement(history.records(year=2023)), threshold=0.9)

    assert "United Kingdom, United States" in found.table()
    assert "GBR USA" in found.table(codes=True)
    assert found.table(codes=True).endswith("Blocs by average linkage.")
    assert found.as_table(codes=True).rows[1] == (2, "GBR USA", 2, "0.935")
    with pytest.raises(InvalidTypeError, match="True or False"):
        found.table(codes="yes")  # type: ignore[arg-type]


def test_blocs_ignore_members_who_never_sat_together() -> None:
    old = unsc.Resolution("S/OLD", council=unsc.Council.of_year(1990), ballot=(Y,) * 15)
    found = blocs(agreement([old, *HAND], members=["Zaire", "Mozambique"]), threshold=0)
    assert list(found) == [("COD",), ("MOZ",)]


def test_every_listing_reads_and_refuses_like_the_others() -> None:
    """Tables, data frames, HTML, slices and the errors of the results, on 2022–2024."""
    pytest.importorskip("pandas")
    records = history.records(years=(2022, 2024))
    found = agreement(records)
    assert found[:2] == tuple(found)[:2]
    assert "<table>" in found._repr_html_()
    frame = found.to_dataframe()
    assert list(frame.columns)[:3] == ["first", "second", "votes"]
    assert len(frame) == len(found)
    assert found.pair("USA", "GBR").to_dict()["identical"] == float(found["USA", "GBR"].identical)
    with pytest.raises(NoSuchEntryError):
        found[10_000]
    with pytest.raises(InvalidTypeError):
        found.pair(3, "USA")  # type: ignore[arg-type]
    with pytest.raises(unsc.UNSCError, match="Atlantis"):
        found.pair("Atlantis", "USA")
    with pytest.raises(InvalidTypeError):
        agreement([1, 2])  # type: ignore[list-item]
    with pytest.raises(UnknownChoiceError):
        found[0].measure("similarity")

    trend = agreement_trend(records, measure="kappa")
    assert len(trend) == 3
    assert trend[0][0] == 2022
    assert trend[-1:] == ((2024, trend[2][1]),)
    assert repr(trend) == "<Trend kappa: 10 pairs, 2022–2024>"
    assert str(trend).startswith("  year    decisions    CHN–FRA")
    assert "<table>" in trend._repr_html_()
    assert set(trend.to_dataframe()["pair"]) == set(trend.labels())
    with pytest.raises(NoSuchEntryError):
        trend[3]
    with pytest.raises(InvalidTypeError):
        trend["2022"]  # type: ignore[call-overload]
    with pytest.raises(UnknownChoiceError):
        agreement_trend(records, measure="similarity")
    with pytest.raises(InvalidTypeError):
        agreement_trend(records, window="5")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        agreement_trend([None])  # type: ignore[list-item]
    named = agreement_trend(records, pairs=[("United States", "Russia")])
    assert named.labels() == ["USA–RUS"]

    groups = blocs(found, threshold=0.9)
    assert repr(groups).startswith("<Blocs: ")
    assert groups[0] == groups[:1][0]
    assert "Albania" in str(groups) or "cohesion" in str(groups)
    with pytest.raises(NoSuchEntryError):
        groups[100]
    with pytest.raises(InvalidTypeError):
        groups["x"]  # type: ignore[call-overload]
    with pytest.raises(NoSuchEntryError):
        blocs(agreement(records, members=["USA", "GBR"])).of("France")
    with pytest.raises(InvalidTypeError):
        blocs(records)  # type: ignore[arg-type]
    with pytest.raises(UnknownChoiceError):
        blocs(found, measure="similarity")


def test_the_whole_record_by_default() -> None:
    found = agreement()
    assert found.decisions == len(history.records(member_votes=True))
    assert agreement_trend().periods[0] <= 1950


def test_the_measure_is_chosen_where_users_look_for_it() -> None:
    """agreement(measure=) sets what table, matrix, caption and picture show; each still
    takes another; the old order table("kappa") is refused with the call that works."""
    found = agreement(history.records(year=2023), measure="kappa")
    assert found.measure == "kappa"
    assert found.caption().startswith("kappa agreement")
    assert found.matrix() == found.matrix("kappa")
    assert found.table(measure="identical") != found.table()
    with pytest.raises(InvalidFieldError, match=r"table\(measure='kappa'\)"):
        found.table("kappa")
    with pytest.raises(UnknownChoiceError):
        agreement(history.records(year=2023), measure="cosine")


def test_agreement_renders_as_csv_and_json_one_row_per_pair() -> None:
    import json

    found = agreement(history.records(year=2023), members=["USA", "RUS", "CHN"])
    lines = found.table("csv").splitlines()
    assert lines[0].startswith("first,second,votes,")
    assert len(lines) == 4
    pairs = json.loads(found.table("json"))
    assert len(pairs) == 3
    assert {"first", "second", "identical"} <= set(pairs[0])


def test_a_measure_is_an_enum_and_its_name_works_everywhere() -> None:
    """``Measure`` or its value string, wherever a measure is asked for; anything else is
    refused naming the four (issue 20 part 5)."""
    found = agreement(history.records(year=2023), measure=Measure.KAPPA)

    assert Measure.parse("kappa") is Measure.KAPPA is Measure("kappa")
    assert Measure.parse(Measure.LIJPHART) is Measure.LIJPHART
    assert tuple(m.value for m in Measure) == MEASURES
    assert found.measure == "kappa"
    assert found.table() == agreement(history.records(year=2023), measure="kappa").table()
    assert found.table(measure=Measure.IDENTICAL) == found.table(measure="identical")
    assert found[0].measure(Measure.KAPPA) == found[0].measure("kappa")
    assert blocs(found, measure=Measure.KAPPA).measure == "kappa"
    assert agreement_trend(history.records(year=2023), measure=Measure.KAPPA).measure == "kappa"
    assert Measure.parse("Kappa") is Measure.KAPPA  # any case, as every vocabulary
    for bad in ("agreement", 3, None):
        with pytest.raises(UnknownChoiceError, match="identical, coincidence, lijphart, kappa"):
            Measure.parse(bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownChoiceError, match="is not a measure"):
        Measure("cosine")

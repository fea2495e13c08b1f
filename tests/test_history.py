"""The votes on record, replays, the veto list, councils by date and the presidency."""

from __future__ import annotations

import datetime
import itertools

import attrs
import pytest

import unsc
from unsc import Outcome, history
from unsc.errors import UnknownRecordError, UnknownYearError

GAZA_VOTES = {
    # symbol on record: (yes, no, abstain) as the UN recorded them
    "S/2023/772": (5, 4, 6),
    "S/2023/773": (12, 1, 2),
    "S/2023/792": (10, 3, 2),
    "S/2023/795": (4, 2, 9),
    "S/RES/2712 (2023)": (12, 0, 3),
    "S/RES/2720 (2023)": (13, 0, 2),
    "S/RES/2728 (2024)": (14, 0, 1),
    "S/RES/2735 (2024)": (14, 0, 1),
    "Russian oral amendment of 15 November 2023": (5, 1, 9),
    "Russian oral amendment of 25 March 2024": (3, 1, 11),
}


@pytest.mark.parametrize("symbol", sorted(GAZA_VOTES))
def test_gaza_votes_have_the_recorded_tallies(symbol: str) -> None:
    """Every Gaza vote on record carries the tally in the UN's sources."""
    tally = history.get(symbol).tally

    assert (tally.yes, tally.no, tally.abstain) == GAZA_VOTES[symbol]


@pytest.mark.parametrize("symbol", history.symbols())
def test_every_record_replays_as_recorded(symbol: str) -> None:
    """The engine agrees with every outcome on record, and each record has a source."""
    result = history.replay(symbol)

    assert result.agrees, result.reason
    assert result.resolution.sources
    assert result.resolution.complete


def test_record_equals_the_fixture(s_2023_772: unsc.Resolution) -> None:
    """The bundled record has exactly the votes of the hand-written fixture."""
    record = history.get("s/2023/772")

    assert record.ballot == s_2023_772.ballot
    assert record.recorded == Outcome.INSUFFICIENT_VOTES
    assert record.sponsors == ("RUS",)


def test_symbols_match_whatever_the_spacing() -> None:
    """The UN writes S/RES/2712(2023); unsc finds S/RES/2712 (2023)."""
    assert history.get("S/RES/2712(2023)") is history.get("S/RES/2712 (2023)")


def test_unknown_symbol_suggests_close_matches() -> None:
    """An unknown symbol names close matches."""
    with pytest.raises(UnknownRecordError, match="close matches: S/2023/773, S/2023/772"):
        history.get("S/2023/77")


def test_records_filters() -> None:
    """Records filter by year, outcome, veto caster and topic."""
    assert [r.symbol for r in history.records(year=2023, vetoed_by="USA")] == ["S/2023/773"]
    vetoed_2023 = history.records(year=2023, outcome="vetoed")
    assert [r.symbol for r in vetoed_2023] == ["S/2023/773", "S/2023/792"]
    korea = history.records(topic="korea")
    assert [r.symbol for r in korea] == ["S/RES/82 (1950)", "S/RES/83 (1950)", "S/RES/84 (1950)"]
    assert "S/2023/772" not in [r.symbol for r in history.records(vetoed_by="France")]


def test_replay_disagreement_is_flagged() -> None:
    """A record whose outcome the engine does not reach is flagged, with the reason."""
    record = history.get("S/RES/2623 (2022)")
    as_substantive = unsc.Resolution(
        record.symbol, council=record.council, ballot=record.ballot, recorded="adopted"
    )

    result = history.replay(as_substantive)

    assert not result.agrees
    assert "recorded adopted, engine says vetoed" in result.reason
    assert "procedural list" in result.reason
    assert "Disagreement:" in str(result)


def test_names_at_the_time() -> None:
    """Members carry the names they bore: the Republic of China, the USSR, Upper Volta."""
    assert history.get("S/RES/83 (1950)").council["CHN"].name == "Republic of China"
    assert unsc.Council.of_year(1948)["UKR"].name == "Ukrainian SSR"
    assert unsc.Council.of_date("1984-08-03")["BFA"].name == "Upper Volta"
    assert unsc.Council.of_date("1984-08-04")["BFA"].name == "Burkina Faso"


def test_of_date_changes_of_seat() -> None:
    """The China seat changes hands on 25 October 1971; the USSR's on 24 December 1991."""
    assert unsc.Council.of_date("1971-10-24")["CHN"].name == "Republic of China"
    assert unsc.Council.of_date("1971-10-25")["CHN"].name == "China"
    assert "SUN" in unsc.Council.of_date("1991-12-23")
    december = unsc.Council.of_date(datetime.date(1991, 12, 24))
    assert "RUS" in december.codes
    assert "SUN" not in december.codes
    # the USSR's seat is followed to its continuator
    assert december["USSR"].code == "RUS"
    assert tuple(m.code for m in december.permanent) == ("CHN", "FRA", "RUS", "GBR", "USA")


def test_of_date_outside_the_data() -> None:
    """A date outside 1946–2026 names the years available."""
    with pytest.raises(UnknownYearError, match="years available: 1946–2026"):
        unsc.Council.of_date("2027-01-01")


def test_regional_groups() -> None:
    """Every member of every council has a UN regional group."""
    for year in range(1946, 2027):
        for member in unsc.Council.of_year(year):
            assert member.group in unsc.members.GROUPS, (year, member)


@pytest.mark.parametrize(
    ("year", "month", "president"),
    [
        (2023, 10, "Brazil"),
        (2023, 11, "China"),
        (2023, 12, "Ecuador"),
        (2024, 1, "France"),
        (2024, 12, "United States"),
        (2025, 1, "Algeria"),
    ],
)
def test_presidency(year: int, month: int, president: str) -> None:
    """Rule 18 gives the presidents on record, across the turn of the year."""
    assert president == unsc.Council.of_year(year).president(month).name


def test_presidency_rule_reproduces_the_anchors() -> None:
    """From each month on record, rule 18 alone reaches the next one on record."""
    anchors = unsc.council.PRESIDENCY_ANCHORS
    for (y0, m0, code0, _), (y1, m1, code1, _) in itertools.pairwise(anchors):
        current = unsc.Council.of_date(datetime.date(y0, m0, 1))[code0]
        year, month = y0, m0
        while (year, month) != (y1, m1):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            council = unsc.Council.of_date(datetime.date(year, month, 1))
            after = [m for m in council.members if m.sort_key > current.sort_key]
            current = after[0] if after else council.members[0]
        assert code1 == current.code, (y1, m1)


def test_presidency_outside_the_range() -> None:
    """Months before the first on record, and bad months, are errors."""
    with pytest.raises(unsc.errors.NoPresidencyError, match=r"1949 Council.*January 1950"):
        unsc.Council.of_year(1949).president(5)
    with pytest.raises(unsc.errors.InvalidDateError, match="from 1 to 12"):
        unsc.Council.of_year(2023).president(13)
    with pytest.raises(unsc.errors.InvalidTypeError, match="number from 1 to 12"):
        unsc.Council.of_year(2023).president("November")  # type: ignore[arg-type]


def test_presidency_only_for_the_real_council() -> None:
    """A custom council is not given the real president; one that differs says why."""
    custom = unsc.Council(["FRA", "DEU", "JPN"])
    with pytest.raises(unsc.errors.NoPresidencyError, match=r"council of 3.*real Councils"):
        custom.president(1)
    changed = unsc.Council(
        [*unsc.Council.of_year(2023).members[:-1], unsc.Member.of("DEU")], year=2023
    )
    with pytest.raises(unsc.errors.NoPresidencyError, match="members differ"):
        changed.president(10)
    # the real Council under other rules keeps its presidency
    relaxed = attrs.evolve(unsc.Council.of_year(2023), rules=unsc.rules.TWO_VETOES)
    assert relaxed.president(10).name == "Brazil"


def test_veto_list_counts() -> None:
    """Counts per member follow the library's list (one per member per vetoed proposal)."""
    listing = history.vetoes()

    assert listing.counts() == {"SUN": 90, "USA": 82, "RUS": 31, "GBR": 29, "CHN": 17, "FRA": 16}
    assert datetime.date(1946, 2, 16) == listing.vetoes[0].date
    assert "one veto per permanent member per vetoed proposal" in listing.table()
    assert "World Politics Data Lab" in listing.table()


def test_veto_list_double_veto_of_1948() -> None:
    """The preliminary question of 24 May 1948 is counted as a veto of its own."""
    may_1948 = [v for v in history.vetoes().by("SUN") if v.date == datetime.date(1948, 5, 24)]

    assert len(may_1948) == 2
    assert any("preliminary question" in v.agenda for v in may_1948)
    assert len(history.vetoes().between(1946, 1946).by("SUN")) == 9
    assert len(history.vetoes()) == 214

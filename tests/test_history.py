"""The votes on record, replays, the veto list, councils by date and the presidency."""

from __future__ import annotations

import collections
import csv
import datetime
import itertools
from pathlib import Path

import attrs
import pytest

import unsc
from unsc import Matter, Outcome, UNSCError, Vote, history
from unsc.errors import UnknownRecordError, UnknownYearError
from unsc.votes import Kind

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


#: Records whose tally is not on record (the library's tables give none, and none was found).
UNTALLIED = {
    "S/PV.23", "S/PV.49 (Spanish question draft 1)", "S/PV.49 (preliminary question)",
    "S/PV.49 (Spanish question draft 2)", "S/1076", "S/1148 and Corr.1", "S/10416",
    "S/RES/431 (1978)", "S/RES/432 (1978)",
    "Russian amendment (first) to S/2023/773, 18 October 2023",
    "Russian amendment (second) to S/2023/773, 18 October 2023",
    "European amendment (just and lasting peace in line with the Charter) to S/2025/112, "
    "24 February 2025",
    "European amendment (sovereignty and territorial integrity) to S/2025/112, 24 February 2025",
    "Russian amendments (root causes) to S/2025/112, 24 February 2025",
}  # fmt: skip


def test_every_record_replays_as_recorded() -> None:
    """The engine agrees with every outcome on record; only records without a tally are
    left unchecked, and each record has a source."""
    report = history.replay_all()

    assert report.disagreements == ()
    assert {r.record.symbol for r in report.unchecked} == UNTALLIED
    assert report.agreed == len(report) - len(UNTALLIED)
    assert all(record.sources for record in history.records())
    assert "disagrees on 0" in report.summary()


def test_record_equals_the_fixture(s_2023_772: unsc.Resolution) -> None:
    """The bundled record has exactly the votes of the hand-written fixture."""
    record = history.get("s/2023/772")

    assert record.ballot == s_2023_772.ballot
    assert record.recorded == Outcome.INSUFFICIENT_VOTES
    assert record.sponsors == ("RUS",)


def test_ways_of_naming_a_resolution() -> None:
    """A resolution is found by its number, however it is written, and a draft by its symbol."""
    record = history.get("S/RES/2712 (2023)")

    for key in (2712, "2712", "resolution 2712", "Resolution 2712 (2023)", "S/RES/2712(2023)",
                "s/res/2712 (2023)", "res. 2712"):  # fmt: skip
        assert history.get(key) is record, key
    assert history.get("S/2023/772").number is None


def test_unknown_symbol_suggests_close_matches() -> None:
    """An unknown symbol names close matches; a number not yet compiled says so."""
    with pytest.raises(UnknownRecordError, match="close matches: S/2023/773, S/2023/772"):
        history.get("S/2023/77")
    with pytest.raises(UnknownRecordError, match="resolution 2807 is not in the bundled record"):
        history.get(2807)
    with pytest.raises(UnknownRecordError, match="S/RES/2712"):
        history.get("S/RES/2712 (2022)")  # the number exists, in another year
    with pytest.raises(TypeError, match=r"history\.get"):
        history.get(None)  # type: ignore[arg-type]


def test_records_filters() -> None:
    """Records filter by year or range, outcome, veto caster, topic and a member's vote."""
    assert [r.symbol for r in history.records(year=2023, vetoed_by="USA")] == [
        "S/2023/773", "S/2023/970",
        "Russian amendment to the draft adopted as resolution 2720, 22 December 2023",
    ]  # fmt: skip
    vetoed_2023 = history.records(year=2023, outcome="vetoed")
    assert [r.symbol for r in vetoed_2023] == [
        "S/2023/506", "S/2023/638", "S/2023/773", "S/2023/792", "S/2023/970",
        "Russian amendment to the draft adopted as resolution 2720, 22 December 2023",
    ]  # fmt: skip
    korea = history.records(topic="korea", member_votes=True)
    assert [r.symbol for r in korea if r.counts is None] == [
        "S/RES/82 (1950)", "S/RES/83 (1950)", "S/RES/84 (1950)", "S/2022/431", "S/2024/255",
    ]  # fmt: skip
    # Unanimous adoptions recorded as counts tell every member's vote too (1718 (2006): 15–0–0).
    assert "S/RES/1718 (2006)" in [r.symbol for r in korea]
    assert all(r.counts.yes == r.council.size for r in korea if r.counts is not None)
    assert len(history.records(topic="korea", member_votes=False)) > 0
    assert "S/2023/772" not in [r.symbol for r in history.records(vetoed_by="France")]
    russia_no = history.records(member="Russia", vote="no", years=(2023, 2024))
    assert {r.symbol for r in russia_no} == {
        "S/2023/506", "S/2023/638", "S/2023/792", "S/2024/239", "S/2024/255", "S/2024/302",
        "S/2024/826",  # on Sudan, 18 November 2024
        "Procedural vote of 6 July 2023 on inviting Ukraine to the resolution 2231 meeting",
    }  # fmt: skip
    assert len(history.records(years=(1946, 1965), outcome="vetoed")) == 81


def test_records_refuse_what_they_do_not_understand() -> None:
    """A year as text, an unknown state, a vote without a member: errors, not empty lists."""
    with pytest.raises(TypeError, match="give a year as a whole number"):
        history.records(year="2023")  # type: ignore[arg-type]
    with pytest.raises(unsc.errors.UnknownStateError, match="Freedonia"):
        history.records(vetoed_by="Freedonia")
    with pytest.raises(unsc.errors.InvalidFieldError, match="give the member"):
        history.records(vote="no")
    with pytest.raises(unsc.errors.InvalidFieldError, match="first year comes first"):
        history.records(years=(2025, 2000))


def test_record_list_behaves_like_a_list() -> None:
    """Iterate, len, index by position, slice, find by symbol or number; a short repr."""
    found = history.records(year=2023)

    assert found[0] is next(iter(found))
    assert found["S/2023/772"] is history.get("S/2023/772")
    assert found.get(2712) is history.get(2712)
    assert isinstance(found[:2], history.RecordList)
    assert repr(found).startswith("<RecordList: ")
    assert len(repr(history.records())) < 80
    with pytest.raises(UnknownRecordError):
        found["S/1999/1"]


def test_counts_only_records_are_decided_from_their_counts() -> None:
    """A record known by its tally replays: S/5134 (1962) as corrected, a veto."""
    record = history.get("S/5134")

    assert record.counts is not None
    assert not record.has_ballot
    assert str(record.tally) == "7–2–2"
    assert [m.code for m in record.vetoed_by] == ["SUN"]
    assert history.replay(record).agrees
    assert "corrected" in record.note


def test_summary_by_decade() -> None:
    """The numbers people quote, per decade, with what each column means."""
    table = history.summary(by="decade")
    forties = table["1940s"]

    assert (
        forties["decisions"]
        == forties["adopted"] + forties["vetoed"] + forties["insufficient votes"]
    )
    assert table[0]["period"] == "1940s"
    assert "Unanimous: adopted with every member in favour" in table.table()
    with pytest.raises(unsc.errors.UnknownChoiceError, match="'week' is not a period"):
        history.summary(by="week")


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


@pytest.mark.parametrize(
    ("year", "asked", "shown"),
    [
        (1947, "Syrian Arab Republic", "Syria"),
        (1970, "Syria", "Syrian Arab Republic"),
        (1964, "Côte d'Ivoire", "Ivory Coast"),
        (1990, "Ivory Coast", "Côte d'Ivoire"),
        (1976, "Libya", "Libyan Arab Republic"),
        (2008, "LBY", "Libyan Arab Jamahiriya"),
        (1983, "Democratic Republic of the Congo", "Zaire"),
        (1960, "Sri Lanka", "Ceylon"),
    ],
)
def test_a_state_is_found_by_any_of_its_names_and_shown_by_the_name_of_the_day(
    year: int, asked: str, shown: str
) -> None:
    assert unsc.Council.of_year(year)[asked].name == shown


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


def _library_list() -> list[tuple[str, tuple[str, ...]]]:
    """The library's veto list as the World Politics Data Lab scraped it (to 8 July 2022)."""
    names = {"USSR": "SUN", "Russia": "RUS", "China": "CHN", "USA": "USA", "UK": "GBR",
             "France": "FRA"}  # fmt: skip
    path = Path(__file__).parent / "fixtures" / "library_vetoes_1946_2022.csv"
    rows = []
    with path.open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    for row in table:
        month, day, year = row["date"].split("/")
        members = tuple(sorted(names[row[f"member_veto{i}"]] for i in (1, 2, 3)
                               if row[f"member_veto{i}"]))  # fmt: skip
        rows.append((f"{year}-{int(month):02d}-{int(day):02d}", members))
    return rows


def test_veto_list_agrees_with_the_library() -> None:
    """Read off the record, the vetoes to 8 July 2022 are the library's, but for the
    documented corrections: France with the USSR on 26 June 1946, and the days of five
    vetoes cast at meetings that ran past midnight or were resumed."""
    derived = [
        (v.date.isoformat(), tuple(sorted(v.members)))
        for v in history.vetoes()
        if v.date <= datetime.date(2022, 7, 8)
    ]
    redated = {
        ("1960-12-04", ("SUN",)): "1960-12-03",
        ("1980-01-09", ("SUN",)): "1980-01-07",
        ("1980-01-13", ("SUN",)): "1980-01-11",
        ("1983-10-28", ("USA",)): "1983-10-27",
        ("2001-12-15", ("USA",)): "2001-12-14",
        ("2001-04-12", ("USA",)): "2001-03-27",
    }
    library = []
    for day, members in _library_list():
        library.append((redated.get((day, members), day), members))
    library.remove(("1946-06-26", ("SUN",)))
    library.append(("1946-06-26", ("FRA", "SUN")))

    assert sorted(derived) == sorted(library)


def test_veto_counts_per_member() -> None:
    """Per vetoed draft, to 8 July 2022: the library's counts, France's corrected."""
    counts = collections.Counter(
        code
        for veto in history.vetoes()
        if veto.date <= datetime.date(2022, 7, 8)
        for code in veto.members
    )

    assert counts == {"SUN": 90, "USA": 82, "RUS": 31, "GBR": 29, "CHN": 17, "FRA": 17}
    listing = history.vetoes()
    assert "one veto per permanent member per vetoed proposal" in listing.table()
    assert len(listing.by("Russia")) == listing.counts()["RUS"]
    assert len(listing.by("USSR")) == 90
    assert "SUN" in listing.decade_table()


def test_conventions_count_amendments_or_not() -> None:
    """Per vote counts a veto of an amendment; per draft does not."""
    per_draft, per_vote = history.vetoes("draft"), history.vetoes("vote")
    amendments = [v for v in per_vote if v.kind is unsc.votes.Kind.AMENDMENT]

    assert len(per_vote) == len(per_draft) + len(amendments)
    with pytest.raises(unsc.errors.UnknownChoiceError, match="counting convention"):
        history.vetoes("ballot")


def test_veto_list_double_veto_of_1948() -> None:
    """The preliminary question of 24 May 1948 is counted as a veto of its own."""
    may_1948 = [v for v in history.vetoes().by("SUN") if v.date == datetime.date(1948, 5, 24)]

    assert len(may_1948) == 2
    assert any(v.kind is unsc.votes.Kind.PRELIMINARY for v in may_1948)
    assert len(history.vetoes().between(1946, 1946).by("SUN")) == 9


def test_veto_list_indexes_by_draft_symbol() -> None:
    """A veto list is found by position, slice or draft symbol; an unknown symbol says so."""
    vetoes = history.vetoes()
    gaza = vetoes["S/2023/792"]

    assert gaza.members == ("CHN", "RUS")
    assert vetoes["s/2023/ 792"] == gaza
    assert len(vetoes[:3]) == 3
    assert vetoes[:3][0] == vetoes[0]
    assert repr(vetoes.between(1900, 1900)).startswith("<VetoList: no vetoes")
    assert str(vetoes.between(2023, 2023)).splitlines()[2].split() == ["RUS", "3"]
    with pytest.raises(unsc.errors.NoSuchEntryError, match="'S/2023/772'"):
        vetoes["S/2023/772"]


# -- the record to this day -------------------------------------------------------------------


def test_the_record_reaches_april_2026_with_the_uns_counts() -> None:
    """The years people ask about hold the UN's counts of resolutions (2025: 44 less 2807)."""
    years = {row["period"]: row for row in history.summary(by="year")}
    assert [years[y]["resolutions"] for y in (2022, 2023, 2024, 2025)] == [54, 50, 46, 43]
    assert years[2023]["adopted"] == 51  # and one procedural vote adopted
    assert history.extent().last == datetime.date(2026, 4, 7)
    assert [(g.first, g.last) for g in history.gaps()] == [(2807, 2807), (2812, 2812)]
    numbers = {r.number for r in history.records() if r.number}
    assert numbers == set(range(1, 2818)) - {2807, 2812}


def test_from_1994_every_decision_is_member_by_member_or_declared() -> None:
    """Each year since 1994: every decision has every member's vote, was adopted without a
    vote, or says on record what is missing."""
    for row in history.coverage(by="year"):
        if int(row["period"]) < 1994:
            continue
        explained = row["member by member"] + row["without a vote"] + row["declared incomplete"]
        assert row["decisions"] == explained, row
    for record in history.records(years=(1994, 2026)):
        if record.member_votes is None and not record.without_vote:
            assert "Member votes incomplete: " in record.note, record.symbol


def test_member_votes_fit_the_counts_and_the_named_members() -> None:
    """A split vote of the facts files becomes a ballot: the named members as named, the
    others yes; corrections say who was absent and who did not participate."""
    res_2334 = history.get(2334)  # 14–0–1, the United States abstaining
    assert str(res_2334.tally) == "14–0–1"
    assert res_2334.vote_of("USA") is Vote.ABSTAIN
    assert res_2334.vote_of("Senegal") is Vote.YES
    assert history.get(1483).vote_of("Syria") is Vote.NOT_PARTICIPATING
    assert history.get(940).vote_of("Rwanda") is Vote.ABSENT
    assert history.get(2797).vote_of("Algeria") is Vote.NOT_PARTICIPATING
    assert any("sc7765" in s for s in history.get(1483).sources)  # SC/7765
    incomplete = history.get(942)
    assert incomplete.member_votes is None
    assert "the abstaining member is not named" in incomplete.note


def test_decisions_are_found_by_what_people_type() -> None:
    """Draft symbols, numbers, a day, and the start of a descriptive name."""
    assert history.get("S/2025/112").symbol == "S/RES/2774 (2025)"
    for symbol in ("S/2024/826", "S/2024/323", "S/2024/173"):
        assert history.get(symbol).symbol == symbol
    unama = history.records(date="2026-03-16")
    assert [r.symbol for r in unama] == ["UNAMA three-month extension, 16 March 2026"]
    assert history.get("UNAMA three-month extension") is unama[0]
    assert unama[0].recorded is Outcome.ADOPTED
    assert unama[0].number is None
    assert len(history.records(date=datetime.date(2025, 2, 24))) == 6
    with pytest.raises(UNSCError, match="'24/02/2025' is not a valid date"):
        history.records(date="24/02/2025")
    with pytest.raises(UNSCError, match="within 2024"):
        history.records(year=2024, date="2025-02-24")


def test_procedural_votes_are_decisions_replayed_like_the_rest() -> None:
    procedural = history.records(years=(2022, 2026), kind="procedural motion")
    assert len(procedural) == 6
    assert all(r.matter is Matter.PROCEDURAL for r in procedural)
    # 24 August 2022: Russia against, yet adopted: a procedural vote has no veto
    zelenskyy = history.records(date="2022-08-24", kind="procedural motion")[0]
    assert zelenskyy.recorded is Outcome.ADOPTED
    assert zelenskyy.vote_of("RUS") is Vote.NO
    assert history.replay(zelenskyy.symbol).agrees


def test_counts_say_what_they_rest_on() -> None:
    """Notes name the declared gaps of their period, where the record ends, the sources."""
    note = history.records(year=2025).note
    assert "Resolutions 2807 (2025) and 2812 (2025 or 2026) not on record" in note
    assert "The record ends" not in note
    assert "UN press releases" in note
    assert "Hammarskjöld" not in note
    older = history.records(year=1990).note
    assert "Hammarskjöld" in older
    assert "press releases" not in older
    assert "not on record" not in older
    assert "The record ends on 7 April 2026." in history.summary().record_note
    assert str(history.records(year=2027)).startswith("No decisions on record after 7 April 2026")
    assert "after 7 April 2026" in str(history.vetoes().between(2030, 2031))


def test_vetoes_through_2026_in_both_conventions() -> None:
    per_vote = history.vetoes("vote").between(2023, 2023)
    assert (len(per_vote), sum(len(v.members) for v in per_vote)) == (6, 7)
    assert [v.kind for v in per_vote].count(Kind.AMENDMENT) == 1
    russia_2025 = history.vetoes("vote").by("Russia").between(2025, 2025)
    assert [v.date.isoformat() for v in russia_2025] == ["2025-02-24", "2025-02-24"]
    assert history.vetoes().by("Russia").between(2025, 2025).vetoes == ()
    assert (
        "2 vetoed amendments in this period not counted"
        in history.vetoes().between(2025, 2025).caption()
    )
    last = history.vetoes()[-1]
    assert (last.date.isoformat(), last.members) == ("2026-04-07", ("CHN", "RUS"))
    assert "S/2023/792" in history.vetoes().between(2023, 2023).listing()


def test_votes_as_one_tidy_table() -> None:
    """One row per decision and member, for the decisions with every vote on record."""
    table = history.votes(year=2016)
    decisions = [r for r in history.records(year=2016) if r.member_votes is not None]
    assert table.decisions == len(decisions)
    assert len(table) == 15 * len(decisions)
    assert table[0] is next(iter(table))
    row = next(r for r in table if r.number == 2334 and r.member == "USA")
    assert (row.vote, row.seat, row.name, row.outcome) == (
        Vote.ABSTAIN, "permanent", "United States", Outcome.ADOPTED,
    )  # fmt: skip
    assert repr(table).startswith("<VoteTable: ")
    assert len(table[:15]) == 15
    with pytest.raises(IndexError):
        table[10**6]
    assert "decisions" in table.caption()
    soviet = history.votes(year=1950, member="USSR")
    assert {r.name for r in soviet} == {"USSR"}
    assert all(r.member == "SUN" for r in soviet)
    frame = pytest.importorskip("pandas") and history.votes(year=2023).to_dataframe()
    assert list(frame.columns) == list(history.VOTE_COLUMNS)
    assert len(frame) == len(history.votes(year=2023))


def test_listings_refuse_positions_and_records_they_cannot_hold() -> None:
    """Out-of-range positions are IndexErrors that name the valid range; junk among records
    is named, not met deep inside."""
    from unsc.errors import InvalidTypeError, NoSuchPositionError

    for listing in (history.vetoes(), history.summary("decade"), history.records(year=2023),
                    history.votes(year=2023)):  # fmt: skip
        with pytest.raises(NoSuchPositionError, match="use one of: 0 to") as caught:
            listing[10**6]
        assert isinstance(caught.value, IndexError)
        assert listing[-1] == listing[len(listing) - 1]
    record = history.get(2712)
    for call in (
        lambda: history.summary("year", [record, None]),
        lambda: history.coverage("year", [record, None]),
        lambda: history.replay_all(records=[record, None]),
        lambda: history.replay_table([record]),
        lambda: history.summary("year", 5),
    ):
        with pytest.raises(InvalidTypeError, match=r"\(records\)|\(replays\)"):
            call()
    with pytest.raises(TypeError):
        history.votes(bogus=1)  # type: ignore[call-arg]


def test_a_facts_row_corrected_with_its_evidence() -> None:
    """The elected members' Gaza draft of 20 November 2024 is found by the symbol the UN's
    own record of the meeting gives; the correction is on record."""
    record = history.get("S/2024/835")
    assert (record.date, record.recorded) == (datetime.date(2024, 11, 20), Outcome.VETOED)
    assert "corrected: id 'S/2024/835'" in record.note
    assert record.vote_of("USA") is Vote.NO


def test_the_votes_table_shows_itself() -> None:
    table = history.votes(year=2024)
    text = table.table(limit=3)
    assert "more rows" in text
    assert text.endswith("(each decision names its own).")
    assert "<table>" in table._repr_html_()
    assert str(table) == table.table()
    assert table.to_rows()[0][3] == "2024-01-08" or table.to_rows()[0][3].startswith("2024")
    assert table.to_dicts()[0]["symbol"] == table[0].symbol
    empty = history.votes(year=2030)
    assert repr(empty) == "<VoteTable: no votes>"
    assert empty.table().startswith("0 votes on 0 decisions")


def test_a_listing_is_built_whole_and_never_changed() -> None:
    found = history.records(year=2023)
    with pytest.raises(AttributeError, match="cannot be changed"):
        found.note = "changed"  # type: ignore[misc]
    conflict = history.Conflict("S/RES/1 (1946)", "date", "1946-01-25", "1946-01-26", 2)
    again = history.RecordList(found, note="n", conflicts=[conflict], problems=())
    assert (again.note, again.conflicts, again.problems) == ("n", (conflict,), ())
    with pytest.raises(unsc.errors.InvalidTypeError):
        history.RecordList(found, conflicts=["not a conflict"])
    assert found[:2].note == found.note


def test_replay_all_reads_records_first_and_rules_by_name() -> None:
    """One argument order across the API: records first, rules named; the old order is
    refused with the call that works."""
    year = history.records(year=2023)
    assert history.replay_all(year, rules=unsc.Rules.preset("literal-1965")).disagreements
    with pytest.raises(unsc.errors.InvalidTypeError, match=r"replay_all\(rules=\.\.\.\)"):
        history.replay_all(unsc.Rules.preset("literal-1965"))  # type: ignore[arg-type]


def test_history_names_are_its_functions_whatever_was_imported() -> None:
    """The names of unsc.history that are also submodules give the functions after the
    submodules are imported, and the names loaded on first use are the modules' own."""
    import importlib

    from unsc import history

    for name in ("records", "replay", "summary", "vetoes", "extent", "undl", "merge", "tidy"):
        importlib.import_module(f"unsc.history.{name}")
    for name in ("records", "replay", "summary", "vetoes", "extent"):
        assert callable(getattr(history, name)), name
    from unsc.history import merge, tidy, undl

    assert history.load_undl is undl.load_undl
    assert history.load is merge.load
    assert history.votes is tidy.votes
    assert set(history.__all__) <= set(dir(history))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        history.nothing  # noqa: B018


def test_a_look_up_loads_no_reader_of_the_un_file() -> None:
    """Looking up and replaying a decision in a fresh process does not import the UN
    file's reader, its merge or the tidy table (they load on first use)."""
    import subprocess
    import sys

    program = (
        "import sys; from unsc import history; history.replay('S/2023/772'); "
        "print(sorted(m for m in sys.modules if m.startswith('unsc.history.')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    for module in ("undl", "_undl_rows", "merge", "tidy"):
        assert f"unsc.history.{module}'" not in run.stdout, run.stdout
    assert "unsc.history.records'" in run.stdout


def test_the_lazy_submodules_are_attributes_too() -> None:
    """history.undl, history.merge, history.tidy and unsc.batch are there before use."""
    import subprocess
    import sys

    program = (
        "import unsc; from unsc import history; "
        "print(history.undl.write_undl.__name__, history.merge.__name__, "
        "history.tidy.__name__, len(unsc.batch.VOTES), 'batch' in dir(unsc), "
        "'undl' in dir(history))"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == [
        "write_undl", "unsc.history.merge", "unsc.history.tidy", "5", "True", "True"
    ]  # fmt: skip

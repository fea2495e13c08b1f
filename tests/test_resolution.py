"""Resolution records: declaring votes, and the errors of doing it wrong."""

from __future__ import annotations

import datetime

import pytest

import unsc
from unsc import Vote
from unsc.errors import (
    DuplicateVoteError,
    InvalidFieldError,
    MissingVotesError,
    NotAMemberError,
    UnknownStateError,
    UnknownVoteError,
)


@pytest.fixture(name="draft")
def _draft() -> unsc.Resolution:
    return unsc.Resolution("S/2023/772", council=unsc.Council.of_year(2023), date="2023-10-16")


def test_names_codes_and_iterables(draft: unsc.Resolution) -> None:
    """Votes may be given by code or name, as a string or an iterable."""
    by_code = draft.with_votes(yes="CHN GAB MOZ RUS ARE")
    by_name = draft.with_votes(yes="China, Gabon, Mozambique, Russia, United Arab Emirates")
    by_list = draft.with_votes(yes=["China", "GAB", "Mozambique", "RUS", "UAE"])
    by_words = draft.with_votes(
        yes="China Gabon Mozambique Russian Federation United Arab Emirates"
    )

    assert by_code == by_name == by_list == by_words
    assert datetime.date(2023, 10, 16) == draft.date


def test_records_are_frozen(draft: unsc.Resolution) -> None:
    """with_votes and cast return new records; the original is unchanged."""
    voted = draft.cast("USA", "N")

    assert draft.vote_of("USA") is None
    assert Vote.NO is voted.vote_of("United States")
    with pytest.raises(AttributeError):
        draft.symbol = "S/1"  # type: ignore[misc]


def test_with_votes_keeps_earlier_votes(draft: unsc.Resolution) -> None:
    """Votes given later add to those already recorded."""
    voted = draft.with_votes(yes="CHN").with_votes(no="USA")

    assert {m.code: v for m, v in voted.votes.items()} == {"CHN": Vote.YES, "USA": Vote.NO}
    assert not voted.complete


def test_vote_by_non_member(draft: unsc.Resolution) -> None:
    """A vote by a state not on the council names it and the members."""
    with pytest.raises(NotAMemberError, match="'Germany' is not a member of the 2023 Council"):
        draft.with_votes(yes="FRA, Germany")


def test_member_listed_twice(draft: unsc.Resolution) -> None:
    """One member in two lists is an error naming both votes."""
    with pytest.raises(DuplicateVoteError, match="USA is listed twice \\(yes and no\\)"):
        draft.with_votes(yes="USA", no="United States")


def test_member_listed_twice_in_one_list(draft: unsc.Resolution) -> None:
    """Even within one list."""
    with pytest.raises(DuplicateVoteError, match="FRA is listed twice"):
        draft.with_votes(yes="FRA France")


def test_incomplete_votes_declared_complete(draft: unsc.Resolution) -> None:
    """complete=True checks every member voted, and names those who did not."""
    with pytest.raises(MissingVotesError, match="no vote recorded for ALB, BRA"):
        draft.with_votes(yes="CHN FRA", complete=True)


def test_unknown_vote_word(draft: unsc.Resolution) -> None:
    """cast rejects words that are not votes."""
    with pytest.raises(UnknownVoteError, match="'perhaps' is not a vote"):
        draft.cast("FRA", "perhaps")


def test_unknown_sponsor() -> None:
    """Sponsors must be states unsc knows."""
    with pytest.raises(UnknownStateError, match="'Freedonia' is not a state"):
        unsc.Resolution("S/1", council=unsc.Council.of_year(2023), sponsors="Freedonia")


def test_bad_fields() -> None:
    """Dates, chapters and ballots are checked, with what would be valid."""
    council = unsc.Council.of_year(2023)
    with pytest.raises(unsc.errors.InvalidDateError, match=r"'16 Oct' is not a valid date"):
        unsc.Resolution("S/1", council=council, date="16 Oct")
    with pytest.raises(TypeError, match=r"Resolution\.symbol cannot be None"):
        unsc.Resolution(None, council=council)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Resolution\.title cannot be None"):
        unsc.Resolution("S/1", council=council, title=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Resolution\.council cannot be 2023"):
        unsc.Resolution("S/1", council=2023)  # type: ignore[arg-type]
    with pytest.raises(InvalidFieldError, match=r"'XX'.* from 'I' to 'XIX'"):
        unsc.Resolution("S/1", council=council, chapter="XX")
    with pytest.raises(InvalidFieldError, match="one entry per seat \\(15"):
        unsc.Resolution("S/1", council=council, ballot=["Y"] * 14)


BAD_FIELDS = [
    ({"number": "2712"}, TypeError, r"Resolution\.number cannot be '2712'.*e\.g\. 2712"),
    ({"number": True}, TypeError, r"Resolution\.number cannot be True"),
    ({"number": 0}, InvalidFieldError, "numbered from 1"),
    ({"sources": 7}, TypeError, r"Resolution\.sources cannot be 7"),
    ({"sources": ["S/PV.9439", 7]}, TypeError, "each source as a string"),
    ({"counts": (5, 4, 6)}, TypeError, r"Tally\(5, 4, 6\)"),
    ({"counts": unsc.Tally(5, 4, 5)}, InvalidFieldError, "add up to 14.*15 members"),
    ({"chapter": 7}, TypeError, r"Resolution\.chapter cannot be 7"),
    ({"amends": 772}, TypeError, r"Resolution\.amends cannot be 772"),
    ({"without_vote": "yes"}, TypeError, r"Resolution\.without_vote cannot be 'yes'"),
    ({"ballot": "YYY"}, TypeError, "one vote \\(or None\\) per seat"),
    ({"sponsors": 7}, TypeError, "as one string or a list"),
    ({"sponsors": ["RUS", 7]}, TypeError, "a code or name such as 'USA'"),
    (
        {"counts": unsc.Tally(5, 4, 6), "permanent_against": "Brazil"},
        InvalidFieldError,
        "'Brazil'.*not a veto holder.*CHN, FRA, RUS, GBR, USA",
    ),
    (
        {"counts": unsc.Tally(12, 2, 1), "permanent_against": "USA GBR FRA"},
        InvalidFieldError,
        "more veto holders voted no than the 2 no votes",
    ),
    (
        {"counts": unsc.Tally(5, 4, 6), "without_vote": True},
        InvalidFieldError,
        "gives its votes once",
    ),
]


@pytest.mark.parametrize(("fields", "error", "message"), BAD_FIELDS)
def test_each_bad_field_is_named(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    """Every field is checked, and the error names the field, the value and what is valid."""
    with pytest.raises(error, match=message):
        unsc.Resolution("S/1", council=unsc.Council.of_year(2023), **fields)  # type: ignore[arg-type]


def test_counts_and_permanent_against_kept() -> None:
    """A record known by its counts keeps the veto holders against, as codes."""
    record = unsc.Resolution(
        "S/2023/772",
        council=unsc.Council.of_year(2023),
        counts=unsc.Tally(5, 4, 6),
        permanent_against=["United States", "gbr"],
        sources="S/PV.9439",
        number=None,
    )

    assert record.permanent_against == ("USA", "GBR")
    assert record.sources == ("S/PV.9439",)
    assert record.complete


def test_votes_mapping(draft: unsc.Resolution) -> None:
    """A record's votes look members up by any name; a member without a vote says so."""
    votes = draft.with_votes(yes="RUS CHN", no=unsc.Council.of_year(2023)["USA"]).votes

    assert "Russia" in votes
    assert "GBR" not in votes
    assert "Freedonia" not in votes
    assert repr(votes) == "<Votes 3 of 15: CHN: yes, RUS: yes, USA: no>"
    with pytest.raises(unsc.errors.NoSuchEntryError, match=r"'GBR'.*CHN, RUS, USA"):
        votes["GBR"]


def test_sponsors_and_parties_resolve(draft: unsc.Resolution) -> None:
    """Sponsors and parties are stored as codes."""
    record = unsc.Resolution(
        "S/1", council=draft.council, sponsors="Russia", parties=["Israel", "Palestine"]
    )

    assert record.sponsors == ("RUS",)
    assert record.parties == ("ISR", "PSE")


def test_table_and_repr(s_2023_772: unsc.Resolution) -> None:
    """The table has a row per member; the repr is one line."""
    table = s_2023_772.table("github")

    assert len(table.splitlines()) == 17
    assert "| United States        | USA    | permanent | no      |" in table
    assert repr(s_2023_772) == "<Resolution S/2023/772, 2023-10-16: 15 of 15 votes cast, 5–4–6>"


def test_resolution_decide_method(s_2023_773: unsc.Resolution) -> None:
    """draft.decide() is unsc.decide(draft)."""
    assert unsc.decide(s_2023_773) == s_2023_773.decide()


def test_member_votes_where_the_record_tells_them() -> None:
    """A full ballot, or counts with every member in favour, tell each member's vote; split
    counts, an adoption without a vote and a ballot with gaps do not."""
    from unsc import history

    council = unsc.Council.of_year(2023)
    assert history.get("S/2023/772").member_votes == history.get("S/2023/772").ballot
    unanimous = history.get("S/RES/2231 (2015)")
    assert unanimous.counts is not None
    assert unanimous.member_votes == (unsc.Vote.YES,) * 15
    assert history.get(678).member_votes is None  # 12–2–1 (1990): the bundle names no one
    partial = unsc.Resolution("S/X", council=council).cast("USA", "yes")
    assert partial.member_votes is None
    quiet = unsc.Resolution("S/X", council=council, without_vote=True)
    assert quiet.member_votes is None


def test_in_years_is_the_one_year_filter() -> None:
    record = unsc.history.get("S/2023/772")
    assert record.in_years(2023, 2023)
    assert record.in_years(2000, 2030)
    assert not record.in_years(2024, 2026)
    undated = unsc.Resolution("S/X", council=record.council)
    assert not undated.in_years(1946, 2100)

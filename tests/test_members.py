"""Members and the naming of states."""

from __future__ import annotations

import pytest

import unsc
from unsc.errors import UnknownStateError
from unsc.members import Member, resolve, state_group, state_name


def test_resolve_accents_and_case() -> None:
    """Accents, case and surrounding spaces do not matter."""
    assert resolve("  COTE D'IVOIRE ") == "CIV"
    assert resolve("Turkey") == "TUR"
    assert resolve("Türkiye") == "TUR"


def test_former_states_have_the_un_codes() -> None:
    """Former states use the codes of the UN's voting data."""
    assert tuple(
        resolve(n)
        for n in ("Soviet Union", "Yugoslavia", "Czechoslovakia", "East Germany", "Zaire")
    ) == ("SUN", "YUG", "CSK", "DDR", "ZAR")


def test_unknown_state_suggests() -> None:
    """A misspelt name gets close matches."""
    with pytest.raises(UnknownStateError, match="did you mean: Switzerland"):
        resolve("Switzerlnd")


def test_non_string_is_a_type_error() -> None:
    """Only strings name states: anything else is a UNSCError that is also a TypeError."""
    with pytest.raises(TypeError, match="a state's name cannot be 42"):
        resolve(42)  # type: ignore[arg-type]
    with pytest.raises(unsc.UNSCError):
        resolve(None)  # type: ignore[arg-type]


def test_member_of() -> None:
    """Member.of fills in the name and regional group."""
    member = Member.of("Ukrainian SSR", called="Ukrainian SSR")

    assert (member.code, member.name, member.permanent, member.group) == (
        "UKR",
        "Ukrainian SSR",
        False,
        "EEG",
    )
    assert state_name("UKR") == "Ukraine"
    assert state_group("GBR") == "WEOG"


@pytest.mark.parametrize(
    ("code", "prose"),
    [
        ("USA", "the United States"),
        ("FRA", "France"),
        ("RUS", "the Russian Federation"),
        ("KOR", "the Republic of Korea"),
        ("CHE", "Switzerland"),
    ],
)
def test_names_in_prose(code: str, prose: str) -> None:
    """Names take "the" mid-sentence as UN prose writes them."""
    assert prose == Member.of(code).in_prose


def test_unknown_words_stay_together_so_the_error_names_what_was_typed() -> None:
    from unsc.members import find, split_names

    def known(name: str) -> bool:
        return find(name) is not None

    assert split_names("Unted States France", known) == ["Unted States", "France"]
    found = split_names("China Narnia Wakanda, Gabon", known)
    assert found == ["China", "Narnia Wakanda", "Gabon"]
    assert split_names("CHN GAB MOZ", known) == ["CHN", "GAB", "MOZ"]


def test_one_state_under_two_codes_is_read_from_one_table() -> None:
    """The continuity table (unsc/data/continuity.csv) answers every question about a state
    under two codes: the other code, the code it is counted under, the seat on a day."""
    import datetime

    from unsc.members import code_on, counted_as, same_state, seat_changes

    assert (same_state("SUN"), same_state("RUS"), same_state("ZAR"), same_state("COD")) == (
        "RUS", "SUN", "COD", "ZAR")  # fmt: skip
    assert [counted_as(c) for c in ("SUN", "RUS", "ZAR", "COD", "FRA")] == [
        "RUS", "RUS", "COD", "COD", "FRA"]  # fmt: skip
    assert seat_changes("SUN") == datetime.date(1991, 12, 24)
    assert seat_changes("ZAR") is None  # Zaire's name changed off the Council
    assert code_on("ZAR", datetime.date(2000, 1, 1)) == "ZAR"
    assert unsc.Council.of_date("1991-12-23").find("SUN") is not None
    assert unsc.Council.of_date("1991-12-24").find("RUS") is not None


def test_code_of_reads_members_codes_names_and_aliases() -> None:
    from unsc.members import code_of

    assert code_of(unsc.Member.of("FRA"), "x") == "FRA"
    assert [code_of(n, "x") for n in ("usa", "Russia", "UK")] == ["USA", "RUS", "GBR"]
    with pytest.raises(unsc.errors.UnknownStateError, match="Narnia"):
        code_of("Narnia", "x")
    with pytest.raises(unsc.errors.InvalidTypeError, match="x"):
        code_of(3, "x")

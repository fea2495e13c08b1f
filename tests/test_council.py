"""Councils: the real ones by year, custom ones, lookup and the errors of building one."""

from __future__ import annotations

import pytest

import unsc
from unsc import Member, Rules
from unsc.errors import (
    DuplicateMemberError,
    EmptyCouncilError,
    NotAMemberError,
    QuotaError,
    UnknownYearError,
    VetoHolderError,
)


def test_2023_council() -> None:
    """The 2023 Council: P5 plus the ten elected, in English alphabetical order."""
    council = unsc.Council.of_year(2023)

    assert [m.name for m in council.members] == [
        "Albania", "Brazil", "China", "Ecuador", "France", "Gabon", "Ghana", "Japan",
        "Malta", "Mozambique", "Russian Federation", "Switzerland",
        "United Arab Emirates", "United Kingdom", "United States",
    ]  # fmt: skip
    assert tuple(m.code for m in council.permanent) == ("CHN", "FRA", "RUS", "GBR", "USA")
    assert len(council.elected) == 10
    assert (council.size, council.rules.quota) == (15, 9)


def test_2026_council() -> None:
    """The 2026 Council has the five members elected in June 2025."""
    council = unsc.Council.of_year(2026)

    assert {"BHR", "COL", "COD", "LVA", "LBR"} <= {m.code for m in council.elected}
    assert council.year == 2026


def test_1950_council_is_eleven_with_quota_seven() -> None:
    """Before 1966 the Council had eleven seats and needed seven votes."""
    council = unsc.Council.of_year(1950)

    assert (council.size, council.rules.quota) == (11, 7)
    assert "SUN" in council
    assert council.members.index(council["USSR"]) < council.members.index(council["UK"])


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("USA", "USA"),
        ("United States", "USA"),
        ("US", "USA"),
        ("united states of america", "USA"),
        ("UK", "GBR"),
        ("Russia", "RUS"),
        ("UAE", "ARE"),
        ("switzerland", "CHE"),
    ],
)
def test_lookup_by_code_name_or_alias(name: str, code: str) -> None:
    """Members are found by code, name or alias, in any case."""
    assert code == unsc.Council.of_year(2023)[name].code


def test_contains() -> None:
    """Containment takes codes, names and members; anything else is simply absent."""
    council = unsc.Council.of_year(2023)

    assert "FRA" in council
    assert "Germany" not in council
    assert "Freedonia" not in council
    assert council["FRA"] in council
    assert 42 not in council


def test_not_a_member_names_the_council_and_its_members() -> None:
    """Looking up a non-member says so and lists who is on the council."""
    with pytest.raises(
        NotAMemberError,
        match=r"'Freedonia' is not a member of the 2023 Council "
        r"\(members: ALB, BRA, CHN",
    ):
        unsc.Council.of_year(2023)["Freedonia"]


def test_unknown_year() -> None:
    """A year outside the data names the years available."""
    with pytest.raises(UnknownYearError, match="1945; years available: 1946–2026"):
        unsc.Council.of_year(1945)


def test_every_year_has_a_full_council() -> None:
    """Every bundled council has 5 permanent members and 6 or 10 elected, quota per Article 27."""
    for year in range(1946, 2027):
        council = unsc.Council.of_year(year)
        expected = (11, 7) if year < 1966 else (15, 9)
        assert expected == (council.size, council.rules.quota), year
        assert len(council.permanent) == 5, year


def test_custom_council_any_veto_holders() -> None:
    """A custom council may give the veto to anyone on it, with any rules."""
    council = unsc.Council(
        ["DEU", "JPN", "IND", "BRA", Member.of("FRA", permanent=True)],
        rules=Rules("3 of 5", 3),
        veto=["Germany", "FRA"],
    )

    assert {"DEU", "FRA"} == council.veto
    assert [m.code for m in council.members] == ["BRA", "FRA", "DEU", "IND", "JPN"]
    assert [m.code for m in council.permanent] == ["FRA"]


def test_custom_council_default_rules() -> None:
    """A custom council without rules takes three fifths of its seats, rounded up."""
    assert unsc.Council(["DEU", "JPN", "IND", "BRA", "FRA"]).rules.quota == 3


def test_fictional_members() -> None:
    """Members need not be real states."""
    council = unsc.Council([Member("AAA", "Atlantis", True), Member("BBB", "Borduria")])

    assert council["AAA"].name == "Atlantis"
    assert {"AAA"} == council.veto


def test_empty_council() -> None:
    """A council needs members."""
    with pytest.raises(EmptyCouncilError, match="at least one member"):
        unsc.Council([])


def test_duplicate_members() -> None:
    """The same state cannot hold two seats, however it is named."""
    with pytest.raises(DuplicateMemberError, match="FRA is listed twice"):
        unsc.Council(["FRA", "France", "DEU"])


def test_quota_above_size() -> None:
    """A quota larger than the council is impossible."""
    with pytest.raises(QuotaError, match=r"quota of 9 .* council of 3; use a quota from 1 to 3"):
        unsc.Council(["FRA", "DEU", "JPN"], rules=Rules("x", 9))


def test_veto_holder_not_a_member() -> None:
    """Only a member can hold a veto."""
    with pytest.raises(VetoHolderError, match=r"USA cannot hold a veto.*members: FRA, DEU"):
        unsc.Council(["FRA", "DEU"], veto="FRA USA")


def test_errors_are_builtins_too() -> None:
    """Callers catching LookupError or ValueError catch unsc's errors."""
    with pytest.raises(LookupError):
        unsc.Council.of_year(2023)["Freedonia"]
    with pytest.raises(ValueError, match="listed twice"):
        unsc.Council(["FRA", "FRA"])
    with pytest.raises(unsc.UNSCError):
        unsc.Council([])


def test_repr_is_short() -> None:
    """A council's repr summarises it."""
    assert (
        repr(unsc.Council.of_year(2023))
        == "<Council year=2023: 15 members, veto: CHN FRA GBR RUS USA>"
    )


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Narnia", []), ("Chna", ["CHN"]), ("Unted States", ["USA"]), ("Frnce", ["FRA"]),
     ("Amrica", ["USA"])],
)  # fmt: skip
def test_suggestions_look_like_what_was_typed(typed: str, suggested: list[str]) -> None:
    """Suggestions come from the members' names, codes and aliases, and only when close:
    'Narnia' suggested Albania's code once, by a loose match on the name."""
    with pytest.raises(NotAMemberError) as raised:
        unsc.Council.of_year(2023).index(typed)
    assert list(raised.value.suggestions) == suggested
    assert repr(typed) in str(raised.value)

"""The rules engine: real votes decided as the UN recorded them, and the Charter as properties."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import Matter, Outcome, Vote
from unsc import strategies as us
from unsc.rules import CHARTER_1965, LITERAL_1945, LITERAL_1965, PRESETS, TWO_VETOES, Majority

REAL_VOTES = {
    "s_2023_772": (Outcome.INSUFFICIENT_VOTES, (), ("FRA", "GBR", "USA")),
    "s_2023_773": (Outcome.VETOED, ("USA",), ("USA",)),
    "s_2023_792": (Outcome.VETOED, ("CHN", "RUS"), ("CHN", "RUS")),
    "s_2023_795": (Outcome.INSUFFICIENT_VOTES, (), ("GBR", "USA")),
    "res_2712": (Outcome.ADOPTED, (), ()),
    "res_2720": (Outcome.ADOPTED, (), ()),
    "res_2728": (Outcome.ADOPTED, (), ()),
    "res_2735": (Outcome.ADOPTED, (), ()),
    "s_2014_916": (Outcome.INSUFFICIENT_VOTES, (), ("USA",)),
    "res_83": (Outcome.ADOPTED, (), ()),
}


@pytest.mark.parametrize("name", sorted(REAL_VOTES))
def test_real_votes_decided_as_recorded(name: str, request: pytest.FixtureRequest) -> None:
    """Every real vote gets the outcome, vetoes and permanent no votes the UN recorded."""
    draft = request.getfixturevalue(name)
    outcome, vetoed_by, against = REAL_VOTES[name]

    decision = unsc.decide(draft)

    assert (outcome, vetoed_by, against) == (
        decision.outcome,
        tuple(m.code for m in decision.vetoed_by),
        tuple(sorted(m.code for m in decision.permanent_against)),
    )
    assert (outcome is Outcome.ADOPTED) == decision.adopted


def test_s_2023_772_is_not_a_veto(s_2023_772: unsc.Resolution) -> None:
    """The canonical case: three permanent no votes, five in favour, and no veto."""
    decision = unsc.decide(s_2023_772)

    assert unsc.Tally(yes=5, no=4, abstain=6) == decision.tally
    assert decision.vetoed_by == ()
    assert [m.name for m in decision.permanent_against] == [
        "France",
        "United Kingdom",
        "United States",
    ]
    text = decision.explain()
    assert "5 votes in favour where 9 are required" in text
    assert "does not count as a veto because the draft lacked nine votes" in text


def test_veto_explained(s_2023_792: unsc.Resolution) -> None:
    """A double veto names both vetoing members and the article."""
    text = unsc.decide(s_2023_792).explain()

    assert "China and the Russian Federation (permanent members) voted against: vetoes" in text
    assert "Article 27(3)" in text


def test_adoption_with_abstaining_permanent_members_explained(
    res_2712: unsc.Resolution,
) -> None:
    """Abstaining permanent members are named and the practice cited."""
    text = unsc.decide(res_2712).explain()

    assert text.startswith("Adopted: 12 votes in favour, 9 required")
    assert "The abstentions of the Russian Federation, the United Kingdom and the United" in text
    assert "Namibia" in text


def test_absence_in_1950(res_83: unsc.Resolution) -> None:
    """Resolution 83: exactly seven of eleven, with the USSR absent, was enough."""
    decision = unsc.decide(res_83)

    assert decision.rules.quota == 7
    assert unsc.Tally(yes=7, no=1, absent=1, not_participating=2) == decision.tally
    assert "absence of the USSR" in decision.explain()


def test_literal_reading_blocks_1950(res_83: unsc.Resolution) -> None:
    """Read literally, the USSR's absence would have blocked resolution 83."""
    decision = unsc.decide(res_83, LITERAL_1945)

    assert decision.outcome == Outcome.VETOED
    assert tuple(m.code for m in decision.vetoed_by) == ("SUN",)
    assert "literal reading" in decision.explain()


def test_two_veto_rule(s_2023_773: unsc.Resolution, s_2023_792: unsc.Resolution) -> None:
    """Under the two-member veto, a lone US no passes; China and Russia together still block."""
    lone = unsc.decide(s_2023_773, TWO_VETOES)
    pair = unsc.decide(s_2023_792, TWO_VETOES)

    assert lone.outcome == Outcome.ADOPTED
    assert "a veto takes two permanent members voting no" in lone.explain()
    assert pair.outcome == Outcome.VETOED


def test_procedural_vote_has_no_veto(s_2023_773: unsc.Resolution) -> None:
    """The same votes on a procedural matter adopt it: Article 27(2) has no veto."""
    procedural = attrs.evolve(s_2023_773, matter="procedural")

    decision = unsc.decide(procedural)

    assert decision.outcome == Outcome.ADOPTED
    assert "procedural matter, on which there is no veto (Article 27(2))" in decision.explain()


def test_without_vote_is_adopted() -> None:
    """A record adopted without a vote (all non-voting) is adopted, not a failed vote."""
    council = unsc.Council.of_year(1946)
    record = unsc.Resolution("S/RES/11 (1946)", council=council, without_vote=True)

    decision = unsc.decide(record)

    assert decision.outcome == Outcome.ADOPTED
    assert "without a vote" in decision.explain()
    assert record.complete
    assert str(record.tally) == "0–0–0"


def test_without_vote_carries_no_votes() -> None:
    """A record adopted without a vote that also carries votes is rejected when built."""
    council = unsc.Council.of_year(1946)
    with pytest.raises(unsc.errors.InvalidFieldError, match="carries no votes"):
        unsc.Resolution(
            "S/RES/11 (1946)",
            council=council,
            without_vote=True,
            ballot=[Vote.NO] * council.size,
        )


def test_obligatory_abstention_enforced() -> None:
    """Under Chapter VI a party to the dispute that votes is an error naming it."""
    council = unsc.Council.of_year(2023)
    draft = unsc.Resolution("S/X", council=council, chapter="VI", parties="GBR")
    voted = draft.with_votes(yes=council.codes)

    with pytest.raises(unsc.errors.ObligatoryAbstentionError, match="GBR is a party"):
        unsc.decide(voted)


def test_obligatory_abstention_party_abstaining_does_not_block() -> None:
    """Under the literal reading, a permanent party's obligatory abstention is still no veto."""
    council = unsc.Council.of_year(2023)
    draft = unsc.Resolution("S/X", council=council, chapter="Chapter VI", parties=["UK"])
    others = [c for c in council.codes if c != "GBR"]

    decision = unsc.decide(draft.with_votes(yes=others, abstain="GBR"), LITERAL_1965)

    assert decision.outcome == Outcome.ADOPTED


def test_obligatory_abstention_not_under_chapter_vii() -> None:
    """Chapter VII decisions carry no obligation to abstain: a party may vote (and veto)."""
    council = unsc.Council.of_year(2022)
    others = [c for c in council.codes if c != "RUS"]
    draft = unsc.Resolution("S/2022/155", council=council, chapter="VII", parties="RUS")

    decision = unsc.decide(draft.with_votes(yes=others, no="RUS"))

    assert decision.outcome == Outcome.VETOED


def test_decide_needs_every_vote() -> None:
    """Deciding an incomplete vote names the members still missing."""
    draft = unsc.Resolution("S/X", council=unsc.Council.of_year(2023)).with_votes(yes="USA")

    with pytest.raises(unsc.errors.MissingVotesError, match="ALB, BRA"):
        unsc.decide(draft)


def test_rules_for_year() -> None:
    """Seven votes until 1965, nine from 1966."""
    assert tuple(unsc.Rules.for_year(y).quota for y in (1946, 1965, 1966)) == (7, 7, 9)


def test_preset_lookup() -> None:
    """Presets are found by key; an unknown key lists the valid ones."""
    assert LITERAL_1965 is unsc.Rules.preset("Literal-1965")
    with pytest.raises(unsc.errors.UnknownPresetError, match="charter-1945, charter-1965"):
        unsc.Rules.preset("charter-2030")


# -- properties: the Charter's rules --------------------------------------------------------

practice = st.sampled_from([r for r in PRESETS.values() if r.practice])


PLAIN = {"obligations": False, "without_vote": False}


@given(us.resolutions(**PLAIN), st.data())
def test_more_yes_never_undoes_adoption(draft: unsc.Resolution, data: st.DataObject) -> None:
    """Turning any vote into yes never turns an adopted draft into a failure."""
    seat = data.draw(st.integers(0, draft.council.size - 1))
    before = unsc.decide(draft)
    ballot = list(draft.ballot)
    ballot[seat] = Vote.YES

    after = unsc.decide(attrs.evolve(draft, ballot=tuple(ballot)))

    if before.adopted:
        assert after.adopted


@given(us.resolutions(us.real_councils(), st.just(Matter.SUBSTANTIVE), **PLAIN))
def test_permanent_no_with_quota_vetoes(draft: unsc.Resolution) -> None:
    """Under practice rules a permanent no with at least the quota in favour is a veto."""
    decision = unsc.decide(draft)
    has_quota = decision.tally.yes >= draft.council.rules.quota

    if has_quota and decision.permanent_against:
        assert decision.outcome == Outcome.VETOED
        assert decision.permanent_against == decision.vetoed_by
    if not has_quota:
        assert decision.outcome == Outcome.INSUFFICIENT_VOTES
        assert decision.vetoed_by == ()


@given(us.real_councils(), st.data())
def test_idle_permanent_members_block_only_when_read_literally(
    council: unsc.Council, data: st.DataObject
) -> None:
    """Abstention or absence of permanent members never blocks in practice, always literally."""
    spare = council.size - council.rules.quota  # members who may not vote yes
    idle = data.draw(
        st.lists(
            st.sampled_from([Vote.ABSTAIN, Vote.ABSENT, Vote.NOT_PARTICIPATING]),
            min_size=1,
            max_size=spare,
        )
    )
    ballot = [Vote.YES] * council.size
    for seat, vote in zip(council.veto_index, idle):
        ballot[seat] = vote
    draft = unsc.Resolution("S/X", council=council, ballot=ballot)
    literal = LITERAL_1945 if council.rules.quota == 7 else LITERAL_1965

    assert unsc.decide(draft).outcome == Outcome.ADOPTED
    assert unsc.decide(draft, literal).outcome == Outcome.VETOED


@given(us.resolutions(us.real_councils(), **PLAIN), st.randoms(use_true_random=False))
def test_elected_members_are_interchangeable(draft: unsc.Resolution, rnd: object) -> None:
    """Shuffling the votes among elected members never changes the outcome."""
    elected = [i for i, m in enumerate(draft.council.members) if i not in draft.council.veto_index]
    votes = [draft.ballot[i] for i in elected]
    rnd.shuffle(votes)  # type: ignore[attr-defined]
    ballot = list(draft.ballot)
    for seat, vote in zip(elected, votes):
        ballot[seat] = vote

    shuffled = attrs.evolve(draft, ballot=tuple(ballot))

    assert unsc.decide(draft).outcome == unsc.decide(shuffled).outcome


@given(us.resolutions(us.custom_councils(), **PLAIN), st.randoms(use_true_random=False))
def test_member_order_never_matters(draft: unsc.Resolution, rnd: object) -> None:
    """A council built from its members in any order decides every vote the same way."""
    council = draft.council
    members = list(council.members)
    rnd.shuffle(members)  # type: ignore[attr-defined]
    reordered = unsc.Council(members, rules=council.rules, veto=council.veto)
    by_code = {m.code: v for m, v in zip(council.members, draft.ballot)}
    copy = unsc.Resolution(
        draft.symbol,
        council=reordered,
        matter=draft.matter,
        ballot=[by_code[m.code] for m in reordered.members],
    )

    assert council == reordered
    assert unsc.decide(draft) == unsc.decide(copy)


@given(us.resolutions(matter=st.just(Matter.PROCEDURAL), without_vote=False))
def test_procedural_matters_never_vetoed(draft: unsc.Resolution) -> None:
    """Procedural matters are decided by the quota alone."""
    decision = unsc.decide(draft)
    rules, yes, no = draft.council.rules, decision.tally.yes, decision.tally.no
    carried = {
        Majority.MEMBERS: True,
        Majority.PRESENT_AND_VOTING: yes > no,
        Majority.TWO_THIRDS_PRESENT_AND_VOTING: 3 * yes >= 2 * (yes + no),
    }[rules.majority]
    quota = rules.quota if rules.procedural_quota is None else rules.procedural_quota

    assert decision.outcome != Outcome.VETOED
    assert decision.adopted == (yes >= quota and carried)


@given(us.resolutions(without_vote=False), practice)
def test_outcome_is_one_of_three_and_consistent(draft: unsc.Resolution, rules: unsc.Rules) -> None:
    """Short of the quota (the matter's: a procedural quota where the rules have one) is
    always insufficient votes; a veto always names its casters."""
    if rules.quota > draft.council.size:
        rules = attrs.evolve(rules, quota=draft.council.size)

    decision = unsc.decide(draft, rules)

    if decision.tally.yes < rules.quota_for(draft.matter):
        assert decision.outcome == Outcome.INSUFFICIENT_VOTES
    assert (decision.outcome == Outcome.VETOED) == bool(decision.vetoed_by)
    assert set(decision.vetoed_by) <= set(decision.permanent_against)


def test_literal_1965_preset_blocks_abstention(res_2712: unsc.Resolution) -> None:
    """Read literally, resolution 2712 would have been blocked by three abstentions."""
    decision = unsc.decide(res_2712, LITERAL_1965)

    assert decision.outcome == Outcome.VETOED
    assert [m.code for m in decision.vetoed_by] == ["RUS", "GBR", "USA"]
    assert res_2712.council.rules == CHARTER_1965


def test_an_unknown_choice_is_a_lookup_and_a_value_error_and_presets_are_choices() -> None:
    """The names fit the uses: a value none of a closed set is an UnknownChoiceError (both
    builtins a caller may catch: Python's Enums raise ValueError); an unknown preset is the
    narrower UnknownPresetError."""
    from unsc.errors import UnknownChoiceError, UnknownPresetError

    with pytest.raises(UnknownChoiceError) as outcome:
        unsc.Outcome("passed")
    assert isinstance(outcome.value, LookupError)
    assert isinstance(outcome.value, ValueError)
    assert not isinstance(outcome.value, UnknownPresetError)
    with pytest.raises(UnknownPresetError) as preset:
        unsc.Rules.preset("no-such-rules")
    assert isinstance(preset.value, UnknownChoiceError)

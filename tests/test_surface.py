"""The surface a user touches: every record and listing shows a short repr, and every
listing iterates, indexes and has a length."""

from __future__ import annotations

from typing import Any

import pytest

import unsc
from unsc import analysis, history, procedure, reform, teaching
from unsc.analysis import pass_probability, path_to_adoption, power


def _objects() -> dict[str, Any]:
    council = unsc.Council.of_year(2023)
    record = history.get("S/2023/772")
    merged = history.load(undl="tests/fixtures/undl_sample.csv")
    exercise = teaching.exercises(count=1)[0]
    return {
        "Council": council,
        "Member": council.members[0],
        "Resolution": record,
        "Decision": unsc.decide(record),
        "Tally": record.tally,
        "Rules": council.rules,
        "RecordList": history.records(),
        "Replay": history.replay("S/2023/772"),
        "ReplayReport": history.replay_all(),
        "Summary": history.summary(),
        "Gap": history.gaps()[0],
        "VetoList": history.vetoes(),
        "Veto": history.vetoes()[0],
        "Conflict": merged.conflicts[0],
        "PowerIndices": power(council),
        "SeatPower": power(council)[0],
        "PassProbability": pass_probability(council),
        "AdoptionPath": path_to_adoption(record),
        "ReformModel": reform.model("g4"),
        "Comparison": reform.compare(),
        "Meeting": procedure.OCTOBER_2023[0],
        "Exercise": exercise,
        "Check": exercise.check("1"),
        "UndlReport": history.replay_undl("tests/fixtures/undl_sample.csv"),
        "UndlReader": history.load_undl("tests/fixtures/undl_sample.csv"),
        "Roles": unsc.rules.roles(council),
    }


OBJECTS = _objects()


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_every_repr_is_short(name: str) -> None:
    """A repr is a one-line summary, not the object's contents: under 100 characters."""
    text = repr(OBJECTS[name])
    assert "\n" not in text
    assert len(text) < 100, text


LISTINGS = (
    "RecordList", "ReplayReport", "Summary", "VetoList", "PowerIndices", "AdoptionPath",
    "Comparison",
)  # fmt: skip


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_iterates_indexes_and_has_a_length(name: str) -> None:
    listing = OBJECTS[name]
    items = list(listing)
    assert len(listing) == len(items) > 0
    assert listing[0] == items[0]
    assert listing[-1] == items[-1]


def test_listings_index_by_their_keys() -> None:
    """Where a listing has keys, it is indexed by them too, member names included."""
    assert OBJECTS["RecordList"]["S/2023/772"].symbol == "S/2023/772"
    assert OBJECTS["ReplayReport"]["S/2023/772"].record.symbol == "S/2023/772"
    assert OBJECTS["Summary"]["1990s" if OBJECTS["Summary"].by == "decade" else 1990]
    assert OBJECTS["PowerIndices"]["United States"] == OBJECTS["PowerIndices"]["USA"]
    assert OBJECTS["Comparison"]["g4"].model.key == "g4"
    assert len(OBJECTS["VetoList"].by("Russia")) == OBJECTS["VetoList"].counts()["RUS"]
    assert analysis.power(unsc.Council.of_year(2023), indices="banzhaf")["France"]

"""JSON round trips, the schema, and bad JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import unsc
from unsc import history, serial
from unsc import strategies as us
from unsc.serial import SchemaError


@given(us.councils())
def test_council_round_trip(council: unsc.Council) -> None:
    """Any council equals its JSON round trip."""
    assert serial.from_json(serial.to_json(council)) == council


@given(us.resolutions(complete=False))
def test_resolution_round_trip(record: unsc.Resolution) -> None:
    """Any resolution, complete or not, equals its round trip."""
    assert serial.from_json(serial.to_json(record)) == record


@given(us.resolutions())
def test_decision_round_trip(record: unsc.Resolution) -> None:
    """Any decision equals its round trip."""
    decision = unsc.decide(record)

    assert serial.from_json(serial.to_json(decision)) == decision


def test_records_on_file_round_trip() -> None:
    """Every decision on record survives the trip, with its sources, counts and outcome."""
    for record in history.records():
        back = serial.from_json(serial.to_json(record))

        assert back == record, record.symbol
        assert isinstance(back, unsc.Resolution)
        assert back.sources == record.sources


def test_schema_describes_what_is_written() -> None:
    """Every key written is in the schema, and every required key is written."""
    decision = unsc.decide(history.get("S/2023/772"))
    written = serial.to_dict(decision)
    defs = serial.SCHEMA["$defs"]

    for kind, data in (("decision", written), ("resolution", written["resolution"]),
                       ("council", written["resolution"]["council"])):  # fmt: skip
        assert set(data) == set(defs[kind]["properties"])
        assert set(defs[kind]["required"]) <= set(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{oops", "not JSON"),
        ("[]", r"expected an object"),
        ('{"type": "ship", "format": 1}', "'ship' is not a record type"),
        ('{"type": "council", "format": 9}', "format 9 is not known"),
        (
            '{"type": "council", "format": 1, "members": [{"code": 1}]}',
            r"members\[0\]\.code: expected str",
        ),
    ],
)
def test_bad_json(text: str, message: str) -> None:
    """Bad JSON says where it goes wrong."""
    with pytest.raises(SchemaError, match=message):
        serial.from_json(text)


def test_bad_values_inside_name_their_place() -> None:
    """A council whose quota is impossible is an error at its place in the document."""
    data = serial.to_dict(history.get("S/2023/772"))
    data["council"]["rules"]["quota"] = 99

    with pytest.raises(SchemaError, match=r"resolution\.council: a quota of 99"):
        serial.from_dict(data)


def test_decision_that_contradicts_its_votes() -> None:
    """A decision whose outcome its own votes do not give is refused."""
    data = serial.to_dict(unsc.decide(history.get("S/2023/772")))
    data["outcome"] = "vetoed"

    with pytest.raises(
        SchemaError, match=r"the record says vetoed \(vetoes: none\) but these votes"
    ):
        serial.from_json(json.dumps(data))


def test_rules_fields_added_later_are_optional_but_never_null() -> None:
    """A file written before `majority` and `procedural_quota` existed still loads, as the
    Charter's majority; a null majority is refused, as the schema says."""
    data = serial.to_dict(unsc.Council.of_year(2023))
    data["rules"]["majority"] = None
    with pytest.raises(SchemaError, match="majority"):
        serial.from_dict(data)
    del data["rules"]["majority"], data["rules"]["procedural_quota"]
    assert serial.from_dict(data).rules == unsc.rules.CHARTER_1965
    misread = serial.to_dict(unsc.Council(["FRA", "DEU", "JPN"], rules=unsc.rules.Rules(
        "r", 2, majority="present and voting", procedural_quota=3)))  # fmt: skip
    assert serial.from_dict(misread).rules.majority is unsc.rules.Majority.PRESENT_AND_VOTING


def test_every_field_of_a_resolution_is_written_read_and_described_once() -> None:
    """The JSON writer, reader and schema are driven by one codec entry per field of
    `Resolution`: a field added to the class without one fails here."""
    import attrs

    from unsc.resolution import Resolution
    from unsc.serial import RESOLUTION_FIELDS, SCHEMA

    fields = [f.name for f in attrs.fields(Resolution) if f.init]
    assert list(RESOLUTION_FIELDS) == fields
    described = SCHEMA["$defs"]["resolution"]["properties"]
    assert set(described) - {"type", "format"} == set(fields)
    written = serial.to_dict(history.get("S/2023/772"))
    assert set(written) - {"type", "format"} == set(fields)

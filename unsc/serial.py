"""Councils, resolutions and decisions as JSON, and back, without losing anything.

>>> import unsc
>>> from unsc import history, serial
>>> record = history.get("S/2023/772")
>>> serial.from_json(serial.to_json(record)) == record
True

The format is described by :data:`SCHEMA` (JSON Schema, draft 2020-12) and in
``docs/display.md``. Every object carries ``"type"`` (``council``, ``resolution`` or
``decision``) and ``"format": 1``. Members are written in full (code, name at the time,
permanent, group) so that historical and custom councils come back as they were.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from unsc.council import Council
from unsc.errors import UNSCError
from unsc.members import Member
from unsc.resolution import Resolution
from unsc.rules import Decision, Outcome, Rules
from unsc.votes import Vote

__all__ = ["FORMAT", "SCHEMA", "SchemaError", "from_dict", "from_json", "to_dict", "to_json"]

#: The version of the format written.
FORMAT = 1

Record = Council | Resolution | Decision
T = TypeVar("T")


class SchemaError(UNSCError, ValueError):
    """JSON that is not a unsc record.

    Attributes:
        where: The path to the offending value, e.g. ``"council.members[3].code"``.
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        super().__init__(f"{where}: {problem}" if where else problem)


def to_dict(record: Record) -> dict[str, Any]:
    """The record as plain JSON data."""
    if isinstance(record, Council):
        return _council(record)
    if isinstance(record, Resolution):
        return _resolution(record)
    if isinstance(record, Decision):
        return {
            "type": "decision",
            "format": FORMAT,
            "resolution": _resolution(record.resolution),
            "rules": _rules(record.rules),
            "outcome": record.outcome.value,
            "vetoed_by": [m.code for m in record.vetoed_by],
            "permanent_against": [m.code for m in record.permanent_against],
        }
    raise SchemaError(
        "", f"cannot write {type(record).__name__}; use a Council, Resolution or Decision"
    )


def to_json(record: Record, *, indent: int | None = None) -> str:
    """The record as a JSON string."""
    return json.dumps(to_dict(record), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes) -> Record:
    """Read a record written by :func:`to_json`.

    Raises:
        SchemaError: For text that is not JSON, or JSON that is not a unsc record,
            naming where it goes wrong.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            "", f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    return from_dict(data)


def from_dict(data: Any) -> Record:
    """Read a record from plain JSON data (see :func:`from_json`)."""
    kind = _field(data, "type", str, "")
    version = _field(data, "format", int, "")
    if version != FORMAT:
        raise SchemaError("format", f"format {version} is not known; this unsc reads {FORMAT}")
    if kind == "council":
        return _read_council(data, "council")
    if kind == "resolution":
        return _read_resolution(data, "resolution")
    if kind == "decision":
        return _read_decision(data)
    raise SchemaError(
        "type", f"{kind!r} is not a record type; use council, resolution or decision"
    )


# -- writing -------------------------------------------------------------------------------


def _rules(rules: Rules) -> dict[str, Any]:
    return {
        "name": rules.name,
        "quota": rules.quota,
        "blocking": sorted(v.value for v in rules.blocking),
        "vetoes_needed": rules.vetoes_needed,
        "source": rules.source,
    }


def _council(council: Council) -> dict[str, Any]:
    return {
        "type": "council",
        "format": FORMAT,
        "year": council.year,
        "members": [
            {"code": m.code, "name": m.name, "permanent": m.permanent, "group": m.group}
            for m in council.members
        ],
        "veto": sorted(council.veto),
        "rules": _rules(council.rules),
    }


def _resolution(record: Resolution) -> dict[str, Any]:
    return {
        "type": "resolution",
        "format": FORMAT,
        "symbol": record.symbol,
        "council": _council(record.council),
        "date": record.date.isoformat() if record.date else None,
        "title": record.title,
        "sponsors": list(record.sponsors),
        "matter": record.matter.value,
        "ballot": [None if v is None else v.value for v in record.ballot],
        "chapter": record.chapter,
        "parties": list(record.parties),
        "without_vote": record.without_vote,
        "meeting": record.meeting,
        "topic": record.topic,
        "amends": record.amends,
        "recorded": record.recorded.value if record.recorded else None,
        "sources": list(record.sources),
        "note": record.note,
    }


# -- reading -------------------------------------------------------------------------------


def _field(
    data: Any, key: str, kind: type | tuple[type, ...], where: str, *, optional: bool = False
) -> Any:
    path = f"{where}.{key}" if where else key
    if not isinstance(data, Mapping):
        raise SchemaError(where or "(top)", f"expected an object, got {type(data).__name__}")
    if key not in data:
        if optional:
            return None
        raise SchemaError(path, "missing")
    value = data[key]
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SchemaError(path, f"expected {names}, got {value!r}")
    return value


def _guard(path: str, build: Callable[[], T]) -> T:
    """Run ``build``; a unsc error inside names the path it came from."""
    try:
        return build()
    except SchemaError:
        raise
    except UNSCError as exc:
        raise SchemaError(path, str(exc)) from None


def _read_rules(data: Any, where: str) -> Rules:
    blocking = _field(data, "blocking", list, where)
    return _guard(
        where,
        lambda: Rules(
            _field(data, "name", str, where),
            _field(data, "quota", int, where),
            [Vote.parse(v) for v in blocking],
            _field(data, "vetoes_needed", int, where),
            _field(data, "source", str, where),
        ),
    )


def _read_council(data: Any, where: str) -> Council:
    members = []
    for i, raw in enumerate(_field(data, "members", list, where)):
        path = f"{where}.members[{i}]"
        members.append(
            Member(
                _field(raw, "code", str, path),
                _field(raw, "name", str, path),
                _field(raw, "permanent", bool, path),
                _field(raw, "group", str, path, optional=True),
            )
        )
    rules = _read_rules(_field(data, "rules", dict, where), f"{where}.rules")
    veto = _field(data, "veto", list, where)
    year = _field(data, "year", int, where, optional=True)
    return _guard(where, lambda: Council(members, rules=rules, veto=veto, year=year))


def _read_resolution(data: Any, where: str) -> Resolution:
    council = _read_council(_field(data, "council", dict, where), f"{where}.council")
    ballot = _field(data, "ballot", list, where)
    date = _field(data, "date", str, where, optional=True)

    def build() -> Resolution:
        return Resolution(
            _field(data, "symbol", str, where),
            council=council,
            date=datetime.date.fromisoformat(date) if date else None,
            title=_field(data, "title", str, where),
            sponsors=tuple(_field(data, "sponsors", list, where)),
            matter=_field(data, "matter", str, where),
            ballot=tuple(None if v is None else Vote.parse(v) for v in ballot),
            chapter=_field(data, "chapter", str, where, optional=True),
            parties=tuple(_field(data, "parties", list, where)),
            without_vote=_field(data, "without_vote", bool, where),
            meeting=_field(data, "meeting", str, where),
            topic=_field(data, "topic", str, where),
            amends=_field(data, "amends", str, where, optional=True),
            recorded=_field(data, "recorded", str, where, optional=True),
            sources=tuple(_field(data, "sources", list, where)),
            note=_field(data, "note", str, where),
        )

    try:
        return _guard(where, build)
    except ValueError as exc:
        if isinstance(exc, SchemaError):
            raise
        raise SchemaError(f"{where}.date", str(exc)) from None


def _read_decision(data: Any) -> Decision:
    resolution = _read_resolution(_field(data, "resolution", dict, ""), "resolution")
    rules = _read_rules(_field(data, "rules", dict, ""), "rules")
    outcome = _guard("outcome", lambda: Outcome.parse(_field(data, "outcome", str, "")))

    def members(key: str) -> tuple[Member, ...]:
        found = []
        for i, code in enumerate(_field(data, key, list, "")):
            if not isinstance(code, str) or code not in resolution.council.seats:
                raise SchemaError(f"{key}[{i}]", f"{code!r} is not a member of the council")
            found.append(resolution.council[code])
        return tuple(found)

    decision = Decision(
        resolution, rules, outcome, members("vetoed_by"), members("permanent_against")
    )
    # A decision is the engine's: reading one checks that the engine agrees with it.
    again = rules.decide(resolution) if resolution.complete else None
    if again is not None and again != decision:
        raise SchemaError(
            "outcome",
            f"the record says {outcome.value} but these votes under these rules give "
            f"{again.outcome.value}",
        )
    return decision


#: The JSON Schema of the format (draft 2020-12).
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "unsc record",
    "oneOf": [
        {"$ref": "#/$defs/council"},
        {"$ref": "#/$defs/resolution"},
        {"$ref": "#/$defs/decision"},
    ],
    "$defs": {
        "vote": {"enum": [v.value for v in Vote]},
        "rules": {
            "type": "object",
            "required": ["name", "quota", "blocking", "vetoes_needed", "source"],
            "properties": {
                "name": {"type": "string"},
                "quota": {"type": "integer", "minimum": 1},
                "blocking": {"type": "array", "items": {"$ref": "#/$defs/vote"}},
                "vetoes_needed": {"type": "integer", "minimum": 1},
                "source": {"type": "string"},
            },
        },
        "member": {
            "type": "object",
            "required": ["code", "name", "permanent"],
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "permanent": {"type": "boolean"},
                "group": {"type": ["string", "null"]},
            },
        },
        "council": {
            "type": "object",
            "required": ["type", "format", "members", "veto", "rules"],
            "properties": {
                "type": {"const": "council"},
                "format": {"const": FORMAT},
                "year": {"type": ["integer", "null"]},
                "members": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/member"}},
                "veto": {"type": "array", "items": {"type": "string"}},
                "rules": {"$ref": "#/$defs/rules"},
            },
        },
        "resolution": {
            "type": "object",
            "required": [
                "type", "format", "symbol", "council", "title", "sponsors", "matter", "ballot",
                "parties", "without_vote", "meeting", "topic", "sources", "note",
            ],
            "properties": {
                "type": {"const": "resolution"},
                "format": {"const": FORMAT},
                "symbol": {"type": "string"},
                "council": {"$ref": "#/$defs/council"},
                "date": {"type": ["string", "null"], "format": "date"},
                "title": {"type": "string"},
                "sponsors": {"type": "array", "items": {"type": "string"}},
                "matter": {"enum": ["substantive", "procedural"]},
                "ballot": {
                    "type": "array",
                    "items": {"anyOf": [{"$ref": "#/$defs/vote"}, {"type": "null"}]},
                },
                "chapter": {"type": ["string", "null"]},
                "parties": {"type": "array", "items": {"type": "string"}},
                "without_vote": {"type": "boolean"},
                "meeting": {"type": "string"},
                "topic": {"type": "string"},
                "amends": {"type": ["string", "null"]},
                "recorded": {"enum": [None, *(o.value for o in Outcome)]},
                "sources": {"type": "array", "items": {"type": "string"}},
                "note": {"type": "string"},
            },
        },
        "decision": {
            "type": "object",
            "required": [
                "type", "format", "resolution", "rules", "outcome", "vetoed_by",
                "permanent_against",
            ],
            "properties": {
                "type": {"const": "decision"},
                "format": {"const": FORMAT},
                "resolution": {"$ref": "#/$defs/resolution"},
                "rules": {"$ref": "#/$defs/rules"},
                "outcome": {"enum": [o.value for o in Outcome]},
                "vetoed_by": {"type": "array", "items": {"type": "string"}},
                "permanent_against": {"type": "array", "items": {"type": "string"}},
            },
        },
    },
}  # fmt: skip

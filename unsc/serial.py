"""Councils, resolutions and decisions as JSON, and back, without losing anything.

Examples:
    >>> import unsc
    >>> from unsc import history, serial
    >>> record = history.get("S/2023/772")
    >>> serial.from_json(serial.to_json(record)) == record
    True

The format is described by [`SCHEMA`][unsc.serial.SCHEMA] (JSON Schema, draft 2020-12) and in
``docs/display.md``. Every object carries ``"type"`` (``council``, ``resolution`` or
``decision``) and ``"format": 1``. Members are written in full (code, name at the time,
permanent, group) so that historical and custom councils come back as they were.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from unsc._args import as_whole
from unsc.council import Council
from unsc.decision import Decision
from unsc.errors import SchemaError, UNSCError
from unsc.members import GROUPS, Member
from unsc.resolution import Resolution
from unsc.rules import Majority, Outcome, Rules
from unsc.votes import Kind, Tally, Vote

__all__ = ["FORMAT", "SCHEMA", "SchemaError", "from_dict", "from_json", "to_dict", "to_json"]

#: The version of the format written.
FORMAT = 1

Record = Council | Resolution | Decision
T = TypeVar("T")


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
    """The record as a JSON string, on one line or indented by ``indent`` spaces (0–16).

    Raises:
        InvalidFieldError: For an indent below 0 or above 16.
    """
    if indent is not None:
        indent = as_whole(indent, "to_json(indent)", low=0, high=16)
    return json.dumps(to_dict(record), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes) -> Record:
    """Read a record written by [`to_json`][unsc.serial.to_json].

    Raises:
        SchemaError: For text that is not JSON (or not UTF-8, or nested too deeply), or
            JSON that is not a unsc record, naming where it goes wrong.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise SchemaError("", f"expected JSON text (str or bytes), got {type(text).__name__}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            "", f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except UnicodeDecodeError as exc:
        raise SchemaError("", f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except RecursionError:
        raise SchemaError("", "not a unsc record: nested too deeply to read") from None
    return from_dict(data)


def from_dict(data: Any) -> Record:
    """Read a record from plain JSON data (see [`from_json`][unsc.serial.from_json]).

    Only documents that [`SCHEMA`][unsc.serial.SCHEMA] describes are read: unknown keys, votes
    written as the UN's codes, an empty date or a nested record of another type are refused.

    Raises:
        SchemaError: Naming where the data departs from the schema.
    """
    kind = _field(data, "type", str, "")
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
        "majority": rules.majority.value,
        "procedural_quota": rules.procedural_quota,
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
    written = {"type": "resolution", "format": FORMAT}
    for name, codec in RESOLUTION_FIELDS.items():
        written[name] = codec.write(getattr(record, name))
    return written


# -- reading -------------------------------------------------------------------------------


def _field(
    data: Any,
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    *,
    optional: bool = False,
    nullable: bool = True,
) -> Any:
    """``data[key]``, checked to be of ``kind``; an ``optional`` key may be absent, and,
    unless not ``nullable``, null."""
    path = f"{where}.{key}" if where else key
    if not isinstance(data, Mapping):
        raise SchemaError(where or "(top)", f"expected an object, got {type(data).__name__}")
    if key not in data:
        if optional:
            return None
        raise SchemaError(path, "missing")
    value = data[key]
    if value is None and optional and nullable:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SchemaError(path, f"expected {names}, got {_shown(value)}")
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys(data: Mapping[str, Any], where: str, kind: str) -> None:
    """Refuse keys the schema does not describe for ``kind``."""
    allowed = _PROPERTIES[kind]
    for key in data:
        if key not in allowed:
            path = f"{where}.{key}" if where and isinstance(key, str) else where or "(top)"
            raise SchemaError(
                path, f"{_shown(key)} is not a field of a {kind}; fields: {', '.join(allowed)}"
            )


def _header(data: Any, where: str, kind: str) -> None:
    """A nested record carries its own type and format, as at the top."""
    found = _field(data, "type", str, where)
    if found != kind:
        raise SchemaError(
            f"{where}.type" if where else "type", f"expected {kind!r}, got {found!r}"
        )
    version = _field(data, "format", int, where)
    if version != FORMAT:
        raise SchemaError(
            f"{where}.format" if where else "format",
            f"format {version} is not known; this unsc reads {FORMAT}",
        )
    _keys(data, where, kind)


def _strings(data: Any, key: str, where: str) -> list[str]:
    values: list[str] = _field(data, key, list, where)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise SchemaError(f"{where}.{key}[{i}]", f"expected str, got {_shown(value)}")
    return values


def _vote(value: object, path: str) -> Vote:
    if not isinstance(value, str) or value not in _VOTE_VALUES:
        allowed = ", ".join(repr(v) for v in _VOTE_VALUES)
        raise SchemaError(path, f"{_shown(value)} is not a vote; use {allowed}")
    return _VOTE_VALUES[value]


def _guard(path: str, build: Callable[[], T]) -> T:
    """Run ``build``; a unsc error inside names the path it came from."""
    try:
        return build()
    except SchemaError:
        raise
    except UNSCError as exc:
        raise SchemaError(path, str(exc)) from None


_MAJORITY_VALUES = tuple(m.value for m in Majority)


def _read_rules(data: Any, where: str) -> Rules:
    if not isinstance(data, Mapping):
        raise SchemaError(where, f"expected an object, got {type(data).__name__}")
    _keys(data, where, "rules")
    blocking = [
        _vote(v, f"{where}.blocking[{i}]")
        for i, v in enumerate(_field(data, "blocking", list, where))
    ]
    # absent from files written before these fields existed: the Charter's
    majority = _field(data, "majority", str, where, optional=True, nullable=False)
    if majority is not None and majority not in _MAJORITY_VALUES:
        raise SchemaError(f"{where}.majority", f"{majority!r} is not one of {_MAJORITY_VALUES}")
    return _guard(
        where,
        lambda: Rules(
            _field(data, "name", str, where),
            _field(data, "quota", int, where),
            blocking,
            _field(data, "vetoes_needed", int, where),
            _field(data, "source", str, where),
            majority=Majority.MEMBERS if majority is None else majority,
            procedural_quota=_field(data, "procedural_quota", int, where, optional=True),
        ),
    )


def _read_council(data: Any, where: str) -> Council:
    _header(data, where, "council")
    members = []
    for i, raw in enumerate(_field(data, "members", list, where)):
        path = f"{where}.members[{i}]"
        if not isinstance(raw, Mapping):
            raise SchemaError(path, f"expected an object, got {type(raw).__name__}")
        _keys(raw, path, "member")
        code = _field(raw, "code", str, path)
        name = _field(raw, "name", str, path)
        permanent = _field(raw, "permanent", bool, path)
        group = _field(raw, "group", str, path, optional=True)
        members.append(_guard(path, functools.partial(Member, code, name, permanent, group)))
    rules = _read_rules(_field(data, "rules", dict, where), f"{where}.rules")
    veto = _strings(data, "veto", where)
    year = _field(data, "year", int, where, optional=True)
    return _guard(where, lambda: Council(members, rules=rules, veto=veto, year=year))


def _read_resolution(data: Any, where: str) -> Resolution:
    _header(data, where, "resolution")
    values = {name: codec.read(data, name, where) for name, codec in RESOLUTION_FIELDS.items()}
    return _guard(where, lambda: Resolution(**values))


def _read_decision(data: Any) -> Decision:
    _header(data, "", "decision")
    resolution = _read_resolution(_field(data, "resolution", dict, ""), "resolution")
    rules = _read_rules(_field(data, "rules", dict, ""), "rules")
    outcome_text = _field(data, "outcome", str, "")
    if outcome_text not in _OUTCOME_VALUES:
        raise SchemaError("outcome", f"{outcome_text!r} is not an outcome")
    outcome = Outcome(outcome_text)

    def members(key: str) -> tuple[Member, ...]:
        found = []
        for i, code in enumerate(_field(data, key, list, "")):
            if not isinstance(code, str) or code not in resolution.council.seats:
                raise SchemaError(f"{key}[{i}]", f"{_shown(code)} is not a member of the council")
            found.append(resolution.council[code])
        return tuple(found)

    vetoed_by, permanent_against = members("vetoed_by"), members("permanent_against")
    # A decision is the engine's: reading one checks that the engine agrees with it.
    if not resolution.complete:
        raise SchemaError("resolution.ballot", "a decision needs every member's vote")
    again = _guard("resolution", lambda: rules.decide(resolution))
    if (again.outcome, again.vetoed_by, again.permanent_against) != (
        outcome,
        vetoed_by,
        permanent_against,
    ):
        said = " ".join(m.code for m in vetoed_by) or "none"
        given = " ".join(m.code for m in again.vetoed_by) or "none"
        raise SchemaError(
            "outcome",
            f"the record says {outcome.value} (vetoes: {said}) but these votes under these "
            f"rules give {again.outcome.value} (vetoes: {given})",
        )
    return again


def _read_counts(data: Any, where: str) -> Tally | None:
    counts = _field(data, "counts", dict, where, optional=True)
    if counts is None:
        return None
    path = f"{where}.counts"
    for key in counts:
        if key not in _COUNTS:
            raise SchemaError(f"{path}.{key}", f"not a count; counts: {', '.join(_COUNTS)}")
    values = {}
    for key in _COUNTS:
        value = _field(counts, key, int, path)
        if value < 0:
            raise SchemaError(f"{path}.{key}", f"{value} is not a count (0 or more)")
        values[key] = value
    return Tally(**values)


_COUNTS = ("yes", "no", "abstain", "absent", "not_participating", "not_voting")
_KIND_VALUES = frozenset(k.value for k in Kind)
_VOTE_VALUES = {v.value: v for v in Vote}
_OUTCOME_VALUES = frozenset(o.value for o in Outcome)


_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@attrs.frozen
class _Codec:
    """How one field of a record is written to JSON, read back, and described in the
    schema; ``required`` fields must be in every document (the others were added later,
    and files written before them are still read)."""

    schema: dict[str, Any]
    write: Callable[[Any], Any]
    read: Callable[[Any, str, str], Any]
    required: bool = True


def _same(value: T) -> T:
    return value


def _text(*, optional: bool = False, pattern: str | None = None) -> _Codec:
    schema: dict[str, Any] = {"type": ["string", "null"] if optional else "string"}
    if pattern is not None:
        schema["pattern"] = pattern
    return _Codec(
        schema,
        _same,
        lambda data, key, where: _field(data, key, str, where, optional=optional),
        required=not optional,
    )


def _texts() -> _Codec:
    return _Codec(
        {"type": "array", "items": {"type": "string"}},
        list,
        lambda data, key, where: tuple(_strings(data, key, where)),
    )


def _choice(
    values: tuple[str, ...], what: str, *, optional: bool = False, default: str | None = None
) -> _Codec:
    """A value of an Enum, written as its value; ``default`` for files written before the
    field existed."""

    def read(data: Any, key: str, where: str) -> Any:
        found = _field(data, key, str, where, optional=optional or default is not None,
                       nullable=optional)  # fmt: skip
        if found is None:
            return default
        if found not in values:
            raise SchemaError(f"{where}.{key}", f"{found!r} is not {what}")
        return found

    return _Codec(
        {"enum": [None, *values] if optional else list(values)},
        lambda value: None if value is None else value.value,
        read,
        required=not optional and default is None,
    )


def _read_date(data: Any, key: str, where: str) -> datetime.date | None:
    date = _field(data, key, str, where, optional=True)
    if date is None:
        return None
    try:
        if not re.fullmatch(_DATE, date):  # fromisoformat takes 20231016 and weeks too
            raise ValueError(date)
        return datetime.date.fromisoformat(date)
    except ValueError:
        raise SchemaError(f"{where}.{key}", f"{date!r} is not a date (YYYY-MM-DD)") from None


def _read_number(data: Any, key: str, where: str) -> int | None:
    number: int | None = _field(data, key, int, where, optional=True)
    if number is not None and number < 1:
        raise SchemaError(f"{where}.{key}", f"{number} is not a resolution's number (1 or more)")
    return number


def _read_ballot(data: Any, key: str, where: str) -> tuple[Vote | None, ...]:
    return tuple(
        None if v is None else _vote(v, f"{where}.{key}[{i}]")
        for i, v in enumerate(_field(data, key, list, where))
    )


def _read_codes(data: Any, key: str, where: str) -> tuple[str, ...] | None:
    if not isinstance(data, Mapping) or data.get(key) is None:
        return None
    return tuple(_strings(data, key, where))


#: Every field of a `Resolution`, in the class's order: how it is written, read and
#: described. Adding a field to `Resolution` adds one entry here (a test checks they agree).
RESOLUTION_FIELDS: dict[str, _Codec] = {
    "symbol": _text(pattern="\\S"),
    "council": _Codec(
        {"$ref": "#/$defs/council"},
        lambda council: _council(council),
        lambda data, key, where: _read_council(_field(data, key, dict, where), f"{where}.{key}"),
    ),
    "date": _Codec(
        {"anyOf": [{"type": "string", "format": "date", "pattern": _DATE}, {"type": "null"}]},
        lambda day: day.isoformat() if day else None,
        _read_date,
        required=False,
    ),
    "title": _text(),
    "sponsors": _texts(),
    "matter": _choice(("substantive", "procedural"), "'substantive' or 'procedural'"),
    "ballot": _Codec(
        {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/vote"}, {"type": "null"}]}},
        lambda ballot: [None if v is None else v.value for v in ballot],
        _read_ballot,
    ),
    "chapter": _text(optional=True),
    "parties": _texts(),
    "without_vote": _Codec(
        {"type": "boolean"}, _same, lambda data, key, where: _field(data, key, bool, where)
    ),
    "meeting": _text(),
    "topic": _text(),
    "amends": _text(optional=True),
    "recorded": _choice(tuple(o.value for o in Outcome), "an outcome", optional=True),
    "sources": _texts(),
    "note": _text(),
    "kind": _choice(tuple(k.value for k in Kind), "a kind of proposal", default="draft"),
    "number": _Codec(
        {"type": ["integer", "null"], "minimum": 1}, _same, _read_number, required=False
    ),
    "draft": _text(optional=True),
    "counts": _Codec(
        {"anyOf": [{"$ref": "#/$defs/counts"}, {"type": "null"}]},
        lambda counts: None if counts is None else attrs.asdict(counts),
        lambda data, key, where: _read_counts(data, where),
        required=False,
    ),
    "permanent_against": _Codec(
        {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}]},
        lambda codes: None if codes is None else list(codes),
        _read_codes,
        required=False,
    ),
}
_COUNT_NAMES = ("yes", "no", "abstain", "absent", "not_participating", "not_voting")

#: The JSON Schema of the format (draft 2020-12). [`from_dict`][unsc.serial.from_dict] reads
#: exactly the documents it describes (and checks what a schema cannot: ballots one per seat,
#: veto holders among the members, decisions the engine agrees with).
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
            "additionalProperties": False,
            "required": ["name", "quota", "blocking", "vetoes_needed", "source"],
            "properties": {
                "name": {"type": "string"},
                "quota": {"type": "integer", "minimum": 1},
                "blocking": {
                    "type": "array",
                    "items": {"enum": [v.value for v in Vote if v is not Vote.YES]},
                },
                "vetoes_needed": {"type": "integer", "minimum": 1},
                "source": {"type": "string"},
                "majority": {"enum": [m.value for m in Majority]},
                "procedural_quota": {"type": ["integer", "null"], "minimum": 1},
            },
        },
        "member": {
            "type": "object",
            "additionalProperties": False,
            "required": ["code", "name", "permanent"],
            "properties": {
                "code": {"type": "string", "pattern": "\\S"},
                "name": {"type": "string", "pattern": "\\S"},
                "permanent": {"type": "boolean"},
                "group": {"enum": [None, *GROUPS]},
            },
        },
        "council": {
            "type": "object",
            "additionalProperties": False,
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
            "additionalProperties": False,
            "required": [
                "type", "format", *(k for k, c in RESOLUTION_FIELDS.items() if c.required)
            ],
            "properties": {
                "type": {"const": "resolution"},
                "format": {"const": FORMAT},
                **{name: codec.schema for name, codec in RESOLUTION_FIELDS.items()},
            },
        },
        "counts": {
            "type": "object",
            "additionalProperties": False,
            "required": list(_COUNT_NAMES),
            "properties": {name: {"type": "integer", "minimum": 0} for name in _COUNT_NAMES},
        },
        "decision": {
            "type": "object",
            "additionalProperties": False,
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

# The fields of each kind of object, from the schema: anything else is refused.
_PROPERTIES: dict[str, tuple[str, ...]] = {
    kind: tuple(SCHEMA["$defs"][kind]["properties"])
    for kind in ("rules", "member", "council", "resolution", "decision", "counts")
}

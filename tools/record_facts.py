"""Decisions and member votes from the facts files, for the record builder.

Two files in one format (``tools/record/recent.csv`` and ``tools/record/members.csv``, both
compiled with a source per row from UN press releases, UN News, Security Council Report and
news agencies; ``tools/record/later.csv`` takes what happens next in the same format):

* ``recent.csv`` — every decision of July 2022 – April 2026, one row each;
* ``members.csv`` — for decisions of 1994 – June 2022 that the library's tables give only
  as counts, the members who voted no, abstained or did not vote.

Columns: ``id``, ``number``, ``draft_symbol``, ``date``, ``meeting``, ``outcome`` (adopted,
vetoed, insufficient votes, procedural adopted, procedural rejected), ``modality``
(unanimous, vote, without vote), ``yes``, ``no``, ``abstain``, ``not_voting``, ``voted_no``,
``abstained``, ``not_voting_members`` (codes), ``vetoed_by``, ``sponsors``, ``topic``,
``sources`` (`` ; ``-separated), ``evidence`` (what the source says) and ``sureness``.

With the Council of the day, the named members give every member's vote: the others voted
yes. Where the names do not account for every seat, the decision must be declared in
``tools/record/incomplete.csv`` with what is missing; nothing is filled in by guesswork.
A member named as not voting must be said to be absent or not participating by a
correction (``tools/record/corrections.csv``, fields ``absent``/``not_participating``).
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from unsc import Council

FACT_COLUMNS = (
    "id", "number", "draft_symbol", "date", "meeting", "outcome", "modality", "yes", "no",
    "abstain", "not_voting", "voted_no", "abstained", "not_voting_members", "vetoed_by",
    "sponsors", "topic", "sources", "evidence", "sureness",
)  # fmt: skip

#: A facts file's outcome -> (the record's outcome, the matter).
OUTCOMES = {
    "adopted": ("adopted", "substantive"),
    "vetoed": ("vetoed", "substantive"),
    "insufficient votes": ("insufficient votes", "substantive"),
    "procedural adopted": ("adopted", "procedural"),
    "procedural rejected": ("insufficient votes", "procedural"),
}
MODALITIES = ("unanimous", "vote", "without vote", "")
SURENESS = ("V", "V2", "U", "")

#: How the bundle writes who did not vote yes: ``no: FRA GBR; abstain: CHE; absent: RWA``.
MEMBER_KINDS = ("no", "abstain", "absent", "not participating")


class Failure(Protocol):
    """The builder's error: a source, a row and the problem."""

    def __call__(self, source: str, row: object, problem: str) -> Exception: ...


def read_rows(path: Path, fail: Failure) -> list[tuple[int, dict[str, str]]]:
    """The rows of a facts file with their line numbers, each checked for its columns,
    a source, an outcome, a modality and a sureness mark the builder knows."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != FACT_COLUMNS:
            raise fail(str(path), 1, f"the columns must be {', '.join(FACT_COLUMNS)}")
        out = []
        for line, row in enumerate(reader, start=2):
            row = {key: (value or "").strip() for key, value in row.items()}
            if row["outcome"] not in OUTCOMES:
                raise fail(
                    str(path), line, f"outcome {row['outcome']!r} is none of {', '.join(OUTCOMES)}"
                )
            if row["modality"] not in MODALITIES:
                raise fail(
                    str(path),
                    line,
                    f"modality {row['modality']!r} is none of "
                    f"{', '.join(m for m in MODALITIES if m)}",
                )
            if row["sureness"] not in SURENESS:
                raise fail(str(path), line, f"sureness {row['sureness']!r} is none of V, V2, U")
            out.append((line, row))
    return out


def read_incomplete(path: Path | None, fail: Failure) -> dict[str, str]:
    """Decisions whose member votes are declared incomplete: id -> what is missing."""
    if path is None or not path.exists():
        return {}
    found: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if not row["id"].strip() or not row["missing"].strip():
                raise fail(
                    str(path), line, "an incomplete decision needs its id and what is missing"
                )
            if row["id"] in found:
                raise fail(str(path), line, f"{row['id']} declared twice")
            found[row["id"].strip()] = row["missing"].strip()
    return found


def record_id(row: Mapping[str, str]) -> str:
    """The record's id: the resolution's symbol, the draft's, or the row's description
    without a trailing "(symbol not found)" remark."""
    if row["number"]:
        return f"S/RES/{row['number']} ({row['date'][:4]})"
    if row["draft_symbol"]:
        return row["draft_symbol"]
    return re.sub(r"\s*\([^()]*not found\)$", "", row["id"]).strip()


def _kind(row: Mapping[str, str], matter: str) -> str:
    text = row["id"].lower()
    if "amendment" in text:
        return "amendment"
    if matter == "procedural" and not row["number"]:
        return "procedural motion"
    return "draft resolution"


def members_text(named: Mapping[str, Sequence[str]]) -> str:
    """``no: FRA GBR; abstain: CHE``: the bundle's way of writing who did not vote yes."""
    return "; ".join(
        f"{kind}: {' '.join(sorted(named[kind]))}" for kind in MEMBER_KINDS if named.get(kind)
    )


def parse_members(text: str) -> dict[str, list[str]]:
    """The members column read back: kind -> codes; a kind not known raises ValueError."""
    found: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        kind, _, codes = part.partition(":")
        if kind.strip() not in MEMBER_KINDS:
            raise ValueError(f"{kind.strip()!r} is none of {', '.join(MEMBER_KINDS)}")
        found[kind.strip()] = codes.split()
    return found


def named_members(
    row: Mapping[str, str],
    council: Council,
    not_voting_kinds: Mapping[tuple[str, str], str],
    where: tuple[str, object],
    fail: Failure,
) -> dict[str, list[str]]:
    """Who did not vote yes, by kind, as the row names them, checked against the Council."""
    rid = record_id(row)
    named: dict[str, list[str]] = {
        "no": row["voted_no"].split(),
        "abstain": row["abstained"].split(),
    }
    for code in row["not_voting_members"].split():
        kind = not_voting_kinds.get((rid, code))
        if kind is None:
            raise fail(
                *where,
                f"{rid}: {code} did not vote; a correction must say whether it "
                "was absent or not participating (field absent or not_participating)",
            )
        named.setdefault(kind, []).append(code)
    seen: set[str] = set()
    sitting = {m.code for m in council.members}  # the codes of the day: SUN, not RUS, in 1963
    for kind, codes in named.items():
        for code in codes:
            if code not in sitting:
                raise fail(
                    *where,
                    f"{rid}: {code} ({kind}) was not on the Council on "
                    f"{row['date']}; members: {' '.join(m.code for m in council.members)}",
                )
            if code in seen:
                raise fail(*where, f"{rid}: {code} is named twice")
            seen.add(code)
    return {kind: codes for kind, codes in named.items() if codes}


def fields_of(
    row: Mapping[str, str],
    columns: Sequence[str],
    where: tuple[str, object],
    fail: Failure,
) -> dict[str, str]:
    """A decision of the bundle from one row of ``recent.csv`` or ``later.csv`` (its
    members are added by the builder's shared member step)."""
    if not row["sources"]:
        raise fail(*where, "every row needs its sources")
    try:
        datetime.date.fromisoformat(row["date"])
    except ValueError:
        raise fail(*where, f"{row['id']}: {row['date']!r} is not a date") from None
    outcome, matter = OUTCOMES[row["outcome"]]
    fields = dict.fromkeys(columns, "")
    fields.update(
        id=record_id(row),
        kind=_kind(row, matter),
        number=row["number"],
        date=row["date"],
        meeting=row["meeting"],
        outcome=outcome,
        matter=matter,
        topic=row["topic"],
        source=row["sources"],
        sureness=row["sureness"] or "U",
        vetoed_by=row["vetoed_by"],
    )
    if row["draft_symbol"] and row["draft_symbol"] != fields["id"]:
        fields["draft"] = row["draft_symbol"]
    if row["modality"] == "without vote":
        fields["modality"] = "without vote"
    elif row["modality"] == "unanimous":
        fields["modality"] = "unanimous"
    elif row["yes"] and row["no"] and row["abstain"]:
        fields["yes"], fields["no"], fields["abstain"] = row["yes"], row["no"], row["abstain"]
    notes = [row["evidence"]]
    if row["sponsors"]:
        notes.append(f"Sponsors: {row['sponsors']}")
    fields["note"] = "; ".join(n.rstrip(".") for n in notes if n)
    return fields


def counts_known(row: Mapping[str, str]) -> bool:
    return bool(row["yes"] and row["no"] and row["abstain"])


def partial_tally_note(row: Mapping[str, str]) -> str:
    """What a row without a full tally does say: "votes in favour: 11; against: 1"."""
    parts = [
        f"{label}: {row[key]}"
        for key, label in (("yes", "in favour"), ("no", "against"), ("abstain", "abstaining"))
        if row[key]
    ]
    return (
        ("counts on record only in part (" + "; ".join(parts) + ")")
        if parts
        else ("no count of the votes is on record")
    )


def keys_of(row: Mapping[str, str]) -> tuple[str, ...]:
    """What a facts row may be matched by in the record: its id and draft symbol."""
    return tuple(k for k in (record_id(row), row["draft_symbol"]) if k)


__all__ = [
    "FACT_COLUMNS",
    "MEMBER_KINDS",
    "OUTCOMES",
    "counts_known",
    "fields_of",
    "keys_of",
    "members_text",
    "named_members",
    "parse_members",
    "partial_tally_note",
    "read_incomplete",
    "read_rows",
    "record_id",
]

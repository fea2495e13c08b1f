"""Build unsc's bundled record of every decision of the Council (unsc/data/decisions.csv).

Inputs, named on the command line:

* the UN Dag Hammarskjöld Library's research-guide tables "Security Council — Meetings
  and outcomes", one per year (``scactYYYY_table_en.html``, as saved from
  https://research.un.org/en/docs/sc/quick/meetings/YYYY), 1946 to mid-2022: a local
  copy, read and never shipped;
* ``tools/record/corrections.csv``: where the tables contradict themselves or another UN
  source, the correction and its evidence;
* ``tools/record/recent.csv``: every decision of July 2022 – April 2026, compiled from UN
  press releases, UN News, Security Council Report and news agencies, each with its
  sources, a paraphrase of the evidence and a sureness mark; ``tools/record/later.csv``:
  what happens next, in the same format (see ``tools/record_facts.py``);
* ``tools/record/members.csv``: who voted no, abstained or did not vote on the decisions
  of 1994 – June 2022 that the tables give only as counts, with sources;
* ``tools/record/incomplete.csv``: decisions whose member votes are declared incomplete,
  with what is missing.

The facts are the UN's; the compilation (this format, the corrections, the later rows)
is unsc's. Run from the repository root:

    python tools/build_record.py path/to/tables/ --out unsc/data/decisions.csv

or, to add a decision without the tables, from the bundle's own rows up to June 2022:

    python tools/build_record.py --from-bundle

Bad data stops the build with the source and row named: a duplicate symbol, a tally
larger than the Council, a vetoer who was not a permanent member that day, a gap in the
resolution numbers, a draft without an outcome, a named member not on the Council of the
day, names that do not match the counts, a vetoer who did not vote no.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import html.parser
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the builder uses unsc itself for councils and names
sys.path.insert(0, str(HERE))

import record_facts as facts  # noqa: E402  # tools/ is on the path, like the package

from unsc import Council  # noqa: E402  # after the path is set
from unsc.members import find  # noqa: E402

#: The columns of the bundled file, in order.
COLUMNS = (
    "id", "kind", "number", "draft", "date", "meeting", "outcome", "modality", "yes", "no",
    "abstain", "not_voting", "members", "vetoed_by", "permanent_against", "matter", "topic",
    "source", "sureness", "note",
)  # fmt: skip

PAGE = "https://research.un.org/en/docs/sc/quick/meetings/{year}"
LIBRARY = "UN Dag Hammarskjöld Library, Security Council — Meetings and outcomes, {year}"
MONTHS = {
    m: i
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1,
    )
}  # fmt: skip


class BuildError(Exception):
    """Bad data in the builder's input: names the source and the row."""

    def __init__(self, source: str, row: object, problem: str) -> None:
        self.source, self.row, self.problem = source, row, problem
        super().__init__(f"{source}, row {row}: {problem}")


# -- reading the tables -------------------------------------------------------------------


@attrs.frozen
class TableRow:
    """One row of a year's table: where it is, and its cells by column name."""

    source: str  # the file read
    year: int
    row: int  # 1-based, counting data rows
    meeting: str
    date: str
    topic: str
    outcome: str


class _Table(html.parser.HTMLParser):
    """Rows of cells (text, with ``|`` for line breaks), honouring rowspan."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, bool]]] = []  # (text, is header cell)
        self._row: list[tuple[str, bool]] | None = None
        self._cell: list[str] | None = None
        self._header = False
        self._span = 1
        self._carry: dict[int, tuple[str, bool, int]] = {}  # column -> (text, th, rows left)
        self._spans: list[int] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        # The tables leave some cells and rows unclosed: a new one closes the open one.
        if tag == "tr":
            if self._row is not None:
                self.handle_endtag("tr")
            self._row, self._spans = [], []
        elif tag in ("td", "th") and self._row is not None:
            if self._cell is not None:
                self.handle_endtag(tag)
            self._cell, self._header = [], tag == "th"
            span = dict(attrs_).get("rowspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append((" ".join("".join(self._cell).split()), self._header))
            self._spans.append(self._span)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._cell is not None:
                self.handle_endtag("td")
            self.rows.append(self._place(self._row, self._spans))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _place(self, cells: list[tuple[str, bool]], spans: list[int]) -> list[tuple[str, bool]]:
        """The row with cells carried down by a rowspan above put back in their columns."""
        out: list[tuple[str, bool]] = []
        given = iter(zip(cells, spans))
        column = 0
        while True:
            if column in self._carry:
                text, header, left = self._carry[column]
                out.append((text, header))
                if left > 1:
                    self._carry[column] = (text, header, left - 1)
                else:
                    del self._carry[column]
                column += 1
                continue
            step = next(given, None)
            if step is None:
                break
            (text, header), span = step
            out.append((text, header))
            if span > 1:
                self._carry[column] = (text, header, span - 1)
            column += 1
        return out


def read_table(path: Path) -> list[TableRow]:
    """The data rows of one year's table, with their columns found by header name."""
    match = re.search(r"(\d{4})", path.name)
    if match is None:
        raise BuildError(str(path), 0, "no year in the file's name (scactYYYY_table_en.html)")
    year = int(match.group(1))
    parser = _Table()
    # Links are not read, and some tables leave a link's address unquoted to the end of
    # its tag: drop every link tag, keeping the text between.
    text = path.read_text(encoding="utf-8", errors="replace")
    parser.feed(re.sub(r"</?a\b[^>]*>", "", text, flags=re.IGNORECASE))
    columns: dict[str, int] | None = None
    rows: list[TableRow] = []
    for cells in parser.rows:
        texts = [text for text, _ in cells]
        if cells and all(header for _, header in cells) and len(cells) > 2:
            columns = _columns(texts, path)
            continue
        if columns is None or len(cells) < 2 or all(header for _, header in cells):
            continue
        get = {name: texts[i] if i < len(texts) else "" for name, i in columns.items()}
        rows.append(
            TableRow(
                str(path.name), year, len(rows) + 1, get["meeting"], get["date"], get["topic"],
                get["outcome"],
            )
        )  # fmt: skip
    if columns is None:
        raise BuildError(str(path), 0, "no header row (Meeting Record, Date, Topic, Outcome)")
    return rows


def _columns(headers: list[str], path: Path) -> dict[str, int]:
    wanted = {"meeting": "meeting", "date": "date", "topic": "topic", "outcome": "outcome"}
    found: dict[str, int] = {}
    for i, text in enumerate(headers):
        key = text.lower()
        for name, word in wanted.items():
            # the first such column, but for the outcome the last: the later tables put a
            # "Letter with Vote Outcome" column before the Council's outcome
            if word in key and (name not in found or name == "outcome"):
                found[name] = i
    missing = [name for name in wanted if name not in found]
    if missing:
        raise BuildError(str(path), 0, f"header lacks {', '.join(missing)}: {headers}")
    return found


# -- reading an outcome cell --------------------------------------------------------------

_NAME = (
    r"(?:the\s+)?(?:USSR|USA|UK|France|China|Russian\s+Federation|Russia|United\s+States"
    r"|United\s+Kingdom)"
)
_TOKEN = re.compile(
    r"(?P<res>S/RES/(?P<number>\d+)\s*\(\s*(?P<year>\d{4})\s*\))"
    r"|(?P<prst>S/PRST/\d{4}/\d+|S/\d+(?:/\d+)?\s*\(PRST\)|S/PV\.\d+\s*\(PRST\))"
    r"|(?P<paper>(?:Note|Letter)\s*\(?\s*S/[\w./]*\)?)"
    r"|(?P<draftword>(?:Power\s+Four\s+)?[Dd]raft\s+[Rr]esolution(?:s(?!/))?)"
    r"|(?P<symbol>\(?S/(?:PV\.)?\d+(?:/\d+)?(?:/(?:Rev|Add|Corr)\.\d+)*\)?)"
    r"(?:\s*(?P<qual>\((?:[^()]|\([^()]*\))*\)))?"
    r"|(?P<part>(?:and|&)\s+(?:Corr|Add)\.\d+)"
    r"|(?P<vetoed>vetoed(?:\s+by)?)"
    r"|(?P<notadopted>(?:was\s+)?not\s+adopted)"
    r"|(?P<tally>(?<![\d/])(?P<y>\d{1,2})\s*-\s*(?P<n>\d{1,2})\s*-\s*(?P<a>\d{1,2})(?![\d/])"
    r"(?:\s*\((?P<absent>\d+)\s+absent\))?)"
    r"|(?P<untallied>tally\s+not\s+on\s+record)"
    r"|(?P<unanimous>adopted\s+unanimously)"
    r"|(?P<without>without\s+(?:a\s+)?vote|adopted\s+by\s+(?:consensus|acclamation))"
    rf"|(?P<name>{_NAME})"
    r"|(?P<and>\band\b|&|,)"
    r"|(?P<didnot>\((?:The\s+)?[^()]*?did\s+not\s+participate[^()]*\))",
    re.IGNORECASE,
)


#: The named groups of the token pattern, in the order they are tried.
_GROUPS = ("res", "prst", "paper", "draftword", "symbol", "part", "vetoed", "notadopted",
           "tally", "untallied", "unanimous", "without", "name", "and", "didnot")  # fmt: skip


@attrs.define
class Item:
    """One decision in an outcome cell, as the table gives it."""

    kind: str  # "resolution" or "draft"
    position: int  # its order in the cell
    number: int | None = None
    symbol_year: int | None = None
    symbols: list[str] = attrs.Factory(list)
    qualifier: str = ""
    outcome: str | None = None  # "vetoed", "not adopted"
    vetoers: list[str] = attrs.Factory(list)
    tally: tuple[int, int, int] | None = None
    absent: int = 0
    unanimous: bool = False
    without_vote: bool = False
    untallied: bool = False
    note: str = ""


def items(text: str) -> tuple[list[Item], list[str]]:
    """The decisions in an outcome cell, and any parts of it that fit none."""
    found: list[Item] = []
    stray: list[str] = []
    current: Item | None = None
    shared: list[Item] = []  # resolutions joined by "and" that share the next tally
    last = ""
    for match in _TOKEN.finditer(text):
        group = next(k for k in _GROUPS if match.group(k))
        if group == "res":
            if current is not None and current.kind == "resolution" and last == "and":
                shared.append(current)
            else:
                shared = []
            current = Item("resolution", len(found), int(match.group("number")),
                           int(match.group("year")))  # fmt: skip
            found.append(current)
        elif group in ("prst", "paper"):
            last = group
            continue
        elif group == "draftword":
            current = Item("draft", len(found))
            found.append(current)
            shared = []
        elif group == "symbol":
            symbol = match.group("symbol").strip("()")
            qualifier = (match.group("qual") or "").strip()
            if "PRST" in qualifier.upper():
                last = "prst"
                continue
            joined = last == "and" and current is not None and current.outcome is None
            if current is not None and current.kind == "draft" and (not current.symbols or joined):
                current.symbols.append(symbol)
            else:
                current = Item("draft", len(found), symbols=[symbol])
                found.append(current)
                shared = []
            if qualifier:
                current.qualifier = qualifier.strip("()")
        elif group == "part":
            if current is not None and current.symbols:
                current.symbols[-1] += " and " + match.group("part").split()[-1]
        elif group == "vetoed":
            if current is None:
                stray.append(match.group())
            else:
                current.outcome = "vetoed"
        elif group == "notadopted":
            if current is None:
                stray.append(match.group())
            else:
                current.outcome = "not adopted"
        elif group == "name":
            # a vetoer; elsewhere (an election of judges, a note) a name is not a vote
            if current is not None and current.outcome == "vetoed" and current.tally is None:
                current.vetoers.append(" ".join(match.group().split()))
        elif group == "tally":
            tally = (int(match.group("y")), int(match.group("n")), int(match.group("a")))
            if current is None or current.tally is not None:
                stray.append(match.group())
            else:
                for item in [*shared, current]:
                    if item.tally is None:
                        item.tally = tally
                        item.absent = int(match.group("absent") or 0)
                shared = []
        elif group == "untallied":
            # set by a correction where the table gives no tally and none was found
            if current is None:
                stray.append(match.group())
            else:
                current.untallied = True
        elif group == "unanimous":
            if current is None:
                stray.append(match.group())
            else:
                for item in [*shared, current]:
                    item.unanimous = True
                shared = []
        elif group == "without":
            if current is None:
                stray.append(match.group())
            else:
                for item in [*shared, current]:
                    item.without_vote = True
                shared = []
        elif group == "didnot" and current is not None:
            current.note = match.group().strip("()").strip()
        last = "and" if group == "and" else group
    return [item for item in found if item.kind == "resolution" or item.symbols], stray


# -- corrections --------------------------------------------------------------------------


@attrs.frozen
class Correction:
    """One correction: which entry, what to set, and the evidence for it."""

    year: int
    meeting: str
    target: str
    field: str
    value: str
    evidence: str
    line: int


CORRECTABLE = ("drop", "id", "date", "outcome", "vetoed_by", "tally", "number", "note",
               "permanent_against", "matter", "kind", "draft", "add", "meeting", "modality",
               "topic", "absent", "not_participating")  # fmt: skip
#: Corrections that say how a member named as not voting did not vote (the facts files
#: name them together); applied by the member step, not to a row's cells.
NOT_VOTING_FIXES = {"absent": "absent", "not_participating": "not participating"}
#: Corrections to a row of a table before it is read ("row N" as the target): a cell's
#: text replaced, or the row skipped (a document that is no vote).
ROW_FIXES = ("cell:outcome", "cell:date", "cell:meeting", "skip")


def read_corrections(path: Path) -> list[Correction]:
    """The corrections, each checked for a known field and an evidence."""
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row["field"] not in CORRECTABLE and row["field"] not in ROW_FIXES:
                raise BuildError(str(path), line, f"unknown field {row['field']!r}")
            if not row["evidence"].strip():
                raise BuildError(str(path), line, "a correction needs its evidence")
            fields = (row["meeting"], row["target"], row["field"], row["value"], row["evidence"])
            out.append(Correction(int(row["year"]), *fields, line))
    return out


# -- decisions ----------------------------------------------------------------------------


@attrs.define
class Decision:
    """One row of the bundled file, with where it came from."""

    fields: dict[str, str]
    source: str
    row: object


def _date(row: TableRow) -> datetime.date:
    text = row.date.replace("|", " ")
    match = re.search(r"(\d{1,2})\s+([A-Za-z]+)\.?(?:\s+(\d{4}))?", text)
    month = _month(match.group(2)) if match else None
    if match is None or month is None:
        raise BuildError(row.source, row.row, f"no date in {row.date!r}")
    year = int(match.group(3)) if match.group(3) else row.year
    try:
        return datetime.date(year, month, int(match.group(1)))
    except ValueError:
        raise BuildError(row.source, row.row, f"{row.date!r} is not a real day") from None


def _month(name: str) -> int | None:
    """A month by its name or its first three letters ("Sep")."""
    key = name.lower()
    for month, number in MONTHS.items():
        if key == month or (len(key) >= 3 and month.startswith(key)):
            return number
    return None


def _meeting(row: TableRow) -> str:
    match = re.search(r"S/PV\.\d+", row.meeting)
    return match.group() if match else ""


def _codes(names: Iterable[str], source: str, row: object) -> list[str]:
    codes = []
    for name in names:
        code = find(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        if code is None:
            raise BuildError(source, row, f"{name!r} is no state unsc knows")
        codes.append(code)
    return codes


def fix_rows(rows: list[TableRow], corrections: Sequence[Correction], path: str) -> list[TableRow]:
    """Rows of one year's table with the row corrections applied, and a row without a
    meeting and a date of its own read as part of the meeting above it."""
    year = rows[0].year if rows else 0
    fixes = {
        (int(fix.target.split()[1]), fix.field): fix
        for fix in corrections
        if fix.field in ROW_FIXES and fix.year == year
    }
    out: list[TableRow] = []
    for row in rows:
        if (row.row, "skip") in fixes:
            continue
        for field in ("outcome", "date", "meeting"):
            fix = fixes.get((row.row, f"cell:{field}"))
            if fix is not None:
                row = attrs.evolve(row, **{field: fix.value})
        if not row.meeting and not row.date and out:
            row = attrs.evolve(row, meeting=out[-1].meeting, date=out[-1].date)
        out.append(row)
    return out


def decisions_of(row: TableRow, procedural: dict[str, str]) -> list[Decision]:
    """The decisions in one table row."""
    found, stray = items(row.outcome)
    where = f"{row.source}"
    if stray:
        raise BuildError(where, row.row, f"cannot place {stray} in {row.outcome!r}")
    out = []
    for item in found:
        fields = dict.fromkeys(COLUMNS, "")
        day = _date(row)
        fields["date"] = day.isoformat()
        fields["meeting"] = _meeting(row)
        fields["topic"] = "; ".join(part.strip() for part in row.topic.split("|") if part.strip())
        fields["source"] = PAGE.format(year=row.year)
        fields["sureness"] = "V"
        fields["matter"] = "substantive"
        notes = [item.note] if item.note else []
        if item.kind == "resolution":
            fields["kind"] = "draft resolution"
            fields["number"] = str(item.number)
            fields["id"] = f"S/RES/{item.number} ({day.year})"
            if item.symbol_year != day.year:
                notes.append(f"the table writes S/RES/{item.number} ({item.symbol_year})")
            fields["outcome"] = "adopted"
            if item.without_vote:
                fields["modality"] = "without vote"
            elif item.unanimous and item.tally is None:
                fields["modality"] = "unanimous"
            elif item.untallied:
                notes.append("the tally is not on record here")
            elif item.tally is None:
                raise BuildError(where, row.row, f"{fields['id']}: no tally in {row.outcome!r}")
            key = "".join(fields["id"].split()).casefold()
            fields["permanent_against"] = procedural.get(key, "")
            if key in procedural:
                fields["matter"] = "procedural"
        else:
            if item.outcome is None:
                raise BuildError(
                    where, row.row, f"draft {' '.join(item.symbols)}: no outcome in "
                    f"{row.outcome!r}"
                )  # fmt: skip
            fields["kind"] = (
                "preliminary question" if "preliminary" in item.qualifier.lower()
                else "draft resolution"
            )  # fmt: skip
            symbol = item.symbols[0]
            label = item.qualifier if item.qualifier and symbol.startswith("S/PV.") else ""
            if fields["kind"] == "preliminary question":
                label = "preliminary question"
            fields["id"] = f"{symbol} ({label})" if label else symbol
            if len(item.symbols) > 1:
                fields["draft"] = " and ".join(item.symbols)
            if item.qualifier and not label:
                notes.append(item.qualifier)
            if item.outcome == "vetoed":
                fields["outcome"] = "vetoed"
                codes = _codes(item.vetoers, where, row.row)
                fields["vetoed_by"] = " ".join(codes)
                fields["permanent_against"] = " ".join(codes)
            else:
                fields["outcome"] = "insufficient votes"
                fields["permanent_against"] = "?"
        if item.tally is not None:
            fields["yes"], fields["no"], fields["abstain"] = (str(n) for n in item.tally)
            if item.absent:
                notes.append(f"{item.absent} absent")
        fields["note"] = "; ".join(notes)
        out.append(Decision(fields, where, row.row))
    # Drafts the table names only by their meeting (early years): number those that share
    # a name within the row, in the table's order.
    names = [d.fields["id"] for d in out]
    for name in set(names):
        if names.count(name) > 1:
            same = [d for d in out if d.fields["id"] == name]
            for n, d in enumerate(same, start=1):
                d.fields["id"] = f"{name} (draft {n})"
    return out


def _correct(target: Decision, fix: Correction) -> None:
    """One correction applied, and said in the note (sureness V2: no longer one source's word)."""
    if fix.field == "tally":
        yes, no, abstain = (part for part in fix.value.split("-"))
        target.fields.update(yes=yes, no=no, abstain=abstain)
    else:
        target.fields[fix.field] = fix.value
    mark = f"corrected: {fix.field} {fix.value!r} ({fix.evidence})"
    target.fields["note"] = "; ".join(p for p in (target.fields["note"], mark) if p)
    target.fields["sureness"] = "V2"


def _apply(decisions: list[Decision], corrections: Sequence[Correction], path: str) -> None:
    """Apply the corrections, each to exactly the entry it names."""
    for fix in corrections:
        if fix.field == "add" or fix.field in ROW_FIXES or fix.field in NOT_VOTING_FIXES:
            continue
        hits = [
            d for d in decisions
            if d.fields["id"] == fix.target
            and d.fields["date"][:4] == str(fix.year)
            and (not fix.meeting or d.fields["meeting"] == fix.meeting)
        ]  # fmt: skip
        if len(hits) != 1:
            raise BuildError(
                path, fix.line,
                f"{fix.target} ({fix.year}, {fix.meeting or 'any meeting'}) matches "
                f"{len(hits)} entries; a correction must name exactly one",
            )  # fmt: skip
        target = hits[0]
        if fix.field == "drop":
            decisions.remove(target)
            continue
        _correct(target, fix)
    for fix in corrections:
        if fix.field != "add":
            continue
        fields = dict.fromkeys(COLUMNS, "")
        for part in re.split(r";(?=\s*\w+=)", fix.value):
            key, _, value = part.partition("=")
            if key.strip() not in fields:
                raise BuildError(path, fix.line, f"{key.strip()!r} is not a column")
            fields[key.strip()] = value.strip()
        fields["id"] = fix.target
        fields["source"] = fields["source"] or fix.evidence
        fields["sureness"] = fields["sureness"] or "V2"
        decisions.append(Decision(fields, path, fix.line))


def _later(
    path: Path, members: _Members, corrections: Sequence[Correction] = ()
) -> list[Decision]:
    """Decisions from a facts file (``recent.csv``, ``later.csv``), each corrected where a
    correction names it, then given its members."""
    out = []
    for line, row in facts.read_rows(path, BuildError):
        fields = facts.fields_of(row, COLUMNS, (str(path), line), BuildError)
        if not facts.counts_known(row) and row["modality"] == "vote":
            fields["note"] = "; ".join((fields["note"], facts.partial_tally_note(row)))
        decision = Decision(fields, str(path), line)
        for fix in corrections:
            if fix.target == fields["id"] and fields["date"][:4] == str(fix.year):
                _correct(decision, fix)
        members.add(decision, row)
        out.append(decision)
    return out


@attrs.frozen
class _Members:
    """The member step, shared by every facts file: who voted how, checked against the
    counts and the Council of the day; incomplete names only where declared."""

    incomplete: dict[str, str]
    kinds: dict[tuple[str, str], str]  # (record id, code) -> "absent" / "not participating"
    partial: dict[str, tuple[Decision, str]] = attrs.Factory(dict)  # id -> (row, names given)

    def add(self, decision: Decision, row: dict[str, str]) -> None:
        f = decision.fields
        where = (decision.source, decision.row)
        rid = f["id"]
        council = Council.of_date(datetime.date.fromisoformat(f["date"]))
        named = facts.named_members(row, council, self.kinds, where, BuildError)
        for source in row["sources"].split(" ; "):
            if source and source not in f["source"].split(" ; "):
                f["source"] = " ; ".join(p for p in (f["source"], source) if p)
        if f["modality"] in ("unanimous", "without vote"):
            if named:
                raise BuildError(*where, f"{rid}: {f['modality']}, yet members are named")
            return
        no_named = named.get("no", [])
        if f["yes"]:
            yes, no, abstain = int(f["yes"]), int(f["no"]), int(f["abstain"])
            others = council.size - yes - no - abstain
            counts = (no, abstain, others)
            given = (
                len(no_named),
                len(named.get("abstain", [])),
                len(named.get("absent", [])) + len(named.get("not participating", [])),
            )
            if any(g > c for g, c in zip(given, counts)):
                raise BuildError(
                    *where,
                    f"{rid}: the names ({given[0]} no, {given[1]} abstaining, {given[2]} "
                    f"not voting) do not fit the counts {yes}-{no}-{abstain} of a Council of "
                    f"{council.size}",
                )
            complete = given == counts
        else:
            no, complete = -1, False
        holders = {m.code for m in council.veto_holders}
        if len(no_named) == no or (f["outcome"] == "vetoed" and no_named):
            # every no is named, or at least the vetoes are: "as far as the record says"
            f["permanent_against"] = " ".join(c for c in no_named if c in holders)
        elif not (f["outcome"] == "adopted" and f["matter"] == "substantive"):
            f["permanent_against"] = f["permanent_against"] or "?"
        for code in f["vetoed_by"].split():
            if (no_named or complete) and code not in no_named:
                raise BuildError(*where, f"{rid}: vetoed by {code}, who is not named as voting no")
        if complete:
            f["members"] = facts.members_text(named)
            if row["sureness"] != "V":
                mark = row["sureness"] or "U"
                f["note"] = _join(f["note"], f"Members named from secondary sources ({mark})")
        else:
            self.partial[rid] = (decision, facts.members_text(named))

    def ballots(self, decisions: Sequence[Decision], path: Path) -> None:
        """Member votes from the curated ballots (``unsc/data/ballots.json``): each must
        agree with the counts and with any names the facts files give."""
        entries = json.loads(path.read_text(encoding="utf-8"))
        index = {d.fields["id"]: d for d in decisions}
        for key, entry in entries.items():
            d = index.get(key)
            if d is None:
                raise BuildError(str(path), key, "no such decision in the record")
            f = d.fields
            council = Council.of_date(datetime.date.fromisoformat(f["date"]))
            votes = {kind: entry["votes"].get(kind, "").split() for kind in BALLOT_KINDS}
            given = [code for codes in votes.values() for code in codes]
            if sorted(given) != sorted(m.code for m in council.members):
                raise BuildError(str(path), key, "a ballot names every member of the Council once")
            named = {kind: votes[key_] for key_, kind in BALLOT_KINDS.items() if key_ != "yes"}
            text = facts.members_text(named)
            tally = tuple(str(len(votes[k])) for k in ("yes", "no", "abstain"))
            if f["yes"] and (f["yes"], f["no"], f["abstain"]) != tally:
                raise BuildError(
                    str(path),
                    key,
                    f"the ballot counts {'-'.join(tally)}, the record "
                    f"{f['yes']}-{f['no']}-{f['abstain']}",
                )
            if f["members"] and f["members"] != text:
                raise BuildError(
                    str(path), key, f"the ballot ({text}) and the facts ({f['members']}) disagree"
                )
            partial = self.partial.pop(key, None)
            if partial is not None:
                for kind, codes in facts.parse_members(partial[1]).items():
                    if not set(codes) <= set(named.get(kind, ())):
                        raise BuildError(
                            str(path),
                            key,
                            f"the ballot disagrees with the facts' {kind}: {' '.join(codes)}",
                        )
            if not f["yes"] and f["modality"] == "":
                f["yes"], f["no"], f["abstain"] = tally
            f["members"] = text
            holders = {m.code for m in council.veto_holders}
            f["permanent_against"] = " ".join(c for c in named.get("no", ()) if c in holders)

    def finish(self, path: Path | None) -> None:
        """What is still incomplete must be declared, with what is missing, and nothing else."""
        for rid, (decision, known) in sorted(self.partial.items()):
            if rid not in self.incomplete:
                raise BuildError(
                    decision.source,
                    decision.row,
                    f"{rid}: the names do not give every "
                    "member's vote; name them all, or declare what is missing in "
                    "tools/record/incomplete.csv",
                )
            f = decision.fields
            f["note"] = _join(
                f["note"],
                f"Member votes incomplete: {self.incomplete[rid]}"
                + (f" (named: {known})" if known else ""),
            )
        unused = sorted(set(self.incomplete) - set(self.partial))
        if unused:
            raise BuildError(
                str(path),
                unused[0],
                "declared incomplete, but every member's vote "
                f"is on record ({len(unused)} such: {', '.join(unused[:5])})",
            )


#: A ballot's keys -> the kinds of the members column ("yes" is everyone else).
BALLOT_KINDS = {
    "yes": "yes",
    "no": "no",
    "abstain": "abstain",
    "absent": "absent",
    "not_participating": "not participating",
}


def _join(note: str, more: str) -> str:
    return note if more in note else "; ".join(p for p in (note, more) if p)


def apply_members(decisions: list[Decision], path: Path, members: _Members) -> None:
    """Give the decisions of ``members.csv`` their members (and a tally the record lacked)."""
    index: dict[str, Decision] = {}
    for d in decisions:
        index[d.fields["id"]] = d
        for part in d.fields["draft"].split(" and "):
            index.setdefault(part, d)
    for line, row in facts.read_rows(path, BuildError):
        where = (str(path), line)
        target = next((index[k] for k in facts.keys_of(row) if k in index), None)
        if target is None:
            raise BuildError(*where, f"{facts.record_id(row)} is not in the record")
        f = target.fields
        if f["date"] != row["date"]:
            raise BuildError(
                *where, f"{f['id']}: dated {row['date']}, the record says {f['date']}"
            )
        if row["modality"] in ("unanimous", "without vote") and not f["yes"] and not f["modality"]:
            # the table gives no tally; the row's sources say how it was adopted
            f["modality"] = row["modality"]
            f["note"] = _join(f["note"], f"{row['modality']}: {row['evidence']}")
        elif facts.counts_known(row) and f["modality"] not in ("unanimous", "without vote"):
            given = (row["yes"], row["no"], row["abstain"])
            if not f["yes"]:
                f["yes"], f["no"], f["abstain"] = given
                f["note"] = _join(f["note"], f"counts from {row['sources']}")
            elif (f["yes"], f["no"], f["abstain"]) != given:
                raise BuildError(
                    *where,
                    f"{f['id']}: the record counts {f['yes']}-{f['no']}-{f['abstain']}, "
                    f"this row {'-'.join(given)}; correct one, with evidence",
                )
        members.add(Decision(f, str(path), line), row)


def read_members_step(corrections: Sequence[Correction], incomplete: Path | None) -> _Members:
    kinds = {
        (fix.target, code): NOT_VOTING_FIXES[fix.field]
        for fix in corrections
        if fix.field in NOT_VOTING_FIXES
        for code in fix.value.split()
    }
    return _Members(facts.read_incomplete(incomplete, BuildError), kinds)


def _procedural() -> dict[str, str]:
    path = ROOT / "unsc" / "data" / "procedural.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {
            "".join(row["resolution"].split()).casefold(): row["permanent_against"]
            for row in csv.DictReader(f)
        }


# -- checks -------------------------------------------------------------------------------


def read_missing(path: Path | None) -> list[tuple[int, int, str]]:
    """Resolution numbers declared not yet compiled: (first, last, why)."""
    if path is None or not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(int(r["first"]), int(r["last"]), r["reason"]) for r in csv.DictReader(f)]
    for line, (first, last, reason) in enumerate(rows, start=2):
        if first > last or not reason.strip():
            raise BuildError(str(path), line, "a gap needs first <= last and a reason")
    return rows


def finish(
    decisions: list[Decision], missing: Sequence[tuple[int, int, str]] = ()
) -> list[dict[str, str]]:
    """Check every decision against its Council and each other; derive the not-voting
    count and the unanimous tallies; return the rows in order of date."""
    seen: dict[str, Decision] = {}
    numbers: dict[int, Decision] = {}
    for d in decisions:
        f = d.fields
        where = (d.source, d.row)
        if f["id"] in seen:
            first = seen[f["id"]]
            raise BuildError(
                *where, f"duplicate symbol {f['id']} (first at {first.source}, row {first.row})"
            )
        seen[f["id"]] = d
        try:
            day = datetime.date.fromisoformat(f["date"])
        except ValueError:
            raise BuildError(*where, f"{f['id']}: {f['date']!r} is not a date") from None
        council = Council.of_date(day)
        if f["number"]:
            number = int(f["number"])
            if number in numbers:
                other = numbers[number]
                raise BuildError(
                    *where, f"resolution {number} twice (also {other.source}, row {other.row})"
                )
            numbers[number] = d
        if f["modality"] == "unanimous":
            f["yes"], f["no"], f["abstain"] = str(council.size), "0", "0"
        if f["yes"]:
            yes, no, abstain = int(f["yes"]), int(f["no"]), int(f["abstain"])
            total = yes + no + abstain
            if total > council.size:
                raise BuildError(
                    *where, f"{f['id']}: tally {yes}-{no}-{abstain} exceeds the {council.size} "
                    f"members of the Council on {day}",
                )  # fmt: skip
            f["not_voting"] = str(council.size - total)
        if f["members"]:
            _check_members(f, council, where)
        holders = {m.code for m in council.veto_holders}
        for column in ("vetoed_by", "permanent_against"):
            for code in f[column].split():
                if code != "?" and code not in holders:
                    raise BuildError(
                        *where, f"{f['id']}: {code} ({column}) was not a permanent member on "
                        f"{day} (they were {' '.join(sorted(holders))})",
                    )  # fmt: skip
        if f["outcome"] == "vetoed":
            if not f["vetoed_by"]:
                raise BuildError(*where, f"{f['id']}: vetoed, but by whom is not given")
            if f["no"] and int(f["no"]) < len(f["vetoed_by"].split()):
                raise BuildError(
                    *where, f"{f['id']}: vetoed by {f['vetoed_by']} but only {f['no']} voted no"
                )
    declared = {n for first, last, _ in missing for n in range(first, last + 1)}
    both = sorted(declared & set(numbers))
    if both:
        d = numbers[both[0]]
        raise BuildError(d.source, d.row, f"resolution {both[0]} is declared missing but is here")
    if numbers:
        gaps = sorted(set(range(1, max(numbers) + 1)) - set(numbers) - declared)
        if gaps:
            first = gaps[0]
            after = numbers.get(first - 1)
            near = f" (after {after.source}, row {after.row})" if after else ""
            raise BuildError(
                "resolutions", first, f"no entry for resolution {first}{near}; "
                f"{len(gaps)} missing in all: {_ranges(gaps)}",
            )  # fmt: skip
    ordered = sorted(
        decisions,
        key=lambda d: (
            d.fields["date"],
            int(d.fields["meeting"][5:]) if d.fields["meeting"][5:].isdigit() else 0,
            int(d.fields["number"]) if d.fields["number"] else 0,
        ),
    )
    return [d.fields for d in ordered]


def _check_members(f: dict[str, str], council: Council, where: tuple[str, object]) -> None:
    """A row's members column against its counts and its Council (every row, also those
    taken from the bundle as they are)."""
    try:
        named = facts.parse_members(f["members"])
    except ValueError as exc:
        raise BuildError(*where, f"{f['id']}: members {f['members']!r}: {exc}") from None
    codes = [code for group in named.values() for code in group]
    strangers = [code for code in codes if code not in {m.code for m in council.members}]
    if strangers or len(set(codes)) != len(codes) or not f["yes"]:
        raise BuildError(
            *where,
            f"{f['id']}: members {f['members']!r} do not fit the Council "
            f"of {f['date']} and the counts",
        )
    given = (
        len(named.get("no", ())),
        len(named.get("abstain", ())),
        len(named.get("absent", ())) + len(named.get("not participating", ())),
    )
    if given != (int(f["no"]), int(f["abstain"]), int(f["not_voting"])):
        raise BuildError(
            *where,
            f"{f['id']}: members {f['members']!r} do not fit the counts "
            f"{f['yes']}-{f['no']}-{f['abstain']}",
        )
    holders = {m.code for m in council.veto_holders}
    against = " ".join(code for code in named.get("no", ()) if code in holders)
    if sorted(against.split()) != sorted(f["permanent_against"].split()):
        raise BuildError(
            *where,
            f"{f['id']}: the permanent members voting no are {against or 'none'}, "
            f"not {f['permanent_against'] or 'none'}",
        )


def _ranges(numbers: list[int]) -> str:
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    text = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:12])
    return text + (", …" if len(spans) > 12 else "")


# -- the command --------------------------------------------------------------------------


def tables(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.glob("scact[12][0-9][0-9][0-9]*_table_en.html"))
        elif path.exists():
            yield path
        else:
            raise BuildError(name, 0, "no such file or folder")


def build(
    paths: Sequence[str],
    corrections: Path | None,
    later: Sequence[Path] = (),
    missing: Path | None = None,
    *,
    members: Path | None = None,
    incomplete: Path | None = None,
    ballots: Path | None = None,
    bundle: Path | None = None,
) -> list[dict[str, str]]:
    """Every decision, from the tables (or, with ``bundle``, the bundle's own rows that
    did not come from the facts files), the corrections, the facts files and the member
    names, checked."""
    fixes = read_corrections(corrections) if corrections is not None else []
    step = read_members_step(fixes, incomplete)
    # a correction whose target is a facts row's id is applied to that row when it is read
    given = {
        facts.record_id(row) for path in later for _, row in facts.read_rows(path, BuildError)
    }
    of_facts = [
        f for f in fixes
        if f.target in given and f.field in CORRECTABLE and f.field not in NOT_VOTING_FIXES
    ]  # fmt: skip
    decisions: list[Decision] = []
    if bundle is not None:
        decisions = _from_bundle(bundle, later, of_facts)
    else:
        procedural = _procedural()
        for path in tables(paths):
            for row in fix_rows(read_table(path), fixes, str(corrections)):
                decisions.extend(decisions_of(row, procedural))
        _apply(decisions, [f for f in fixes if f not in of_facts], str(corrections))
    for path in later:
        decisions.extend(_later(path, step, of_facts))
    if members is not None:
        apply_members(decisions, members, step)
    if ballots is not None:
        step.ballots(decisions, ballots)
    step.finish(incomplete)
    return finish(decisions, read_missing(missing))


def _from_bundle(
    bundle: Path, later: Sequence[Path], corrections: Sequence[Correction] = ()
) -> list[Decision]:
    """The bundle's rows that the facts files do not give: the tables' part, corrected."""
    given = {
        facts.record_id(row) for path in later for _, row in facts.read_rows(path, BuildError)
    }
    given |= {fix.value for fix in corrections if fix.field == "id"}  # ids facts rows take
    with bundle.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise BuildError(str(bundle), 1, f"the columns must be {', '.join(COLUMNS)}")
        return [
            Decision(dict(row), str(bundle), line)
            for line, row in enumerate(reader, start=2)
            if row["id"] not in given
        ]


def write(rows: Iterable[dict[str, str]], out: str | os.PathLike[str]) -> int:
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", nargs="*", help="the yearly tables, or a folder of them")
    parser.add_argument(
        "--from-bundle",
        nargs="?",
        const=str(ROOT / "unsc" / "data" / "decisions.csv"),
        metavar="CSV",
        help="start from the bundle's own rows (by default "
        "unsc/data/decisions.csv) instead of the tables",
    )
    record = HERE / "record"
    parser.add_argument("--corrections", default=str(record / "corrections.csv"))
    parser.add_argument(
        "--later", nargs="*", default=[str(record / "recent.csv"), str(record / "later.csv")]
    )
    parser.add_argument("--members", default=str(record / "members.csv"))
    parser.add_argument("--incomplete", default=str(record / "incomplete.csv"))
    parser.add_argument("--ballots", default=str(ROOT / "unsc" / "data" / "ballots.json"))
    parser.add_argument("--missing", default=str(record / "missing.csv"))
    parser.add_argument("--out", default=str(ROOT / "unsc" / "data" / "decisions.csv"))
    args = parser.parse_args(argv)
    if bool(args.tables) == bool(args.from_bundle):
        parser.error("give the tables, or --from-bundle")
    missing = Path(args.missing) if args.missing else None
    try:
        rows = build(
            args.tables,
            Path(args.corrections) if args.corrections else None,
            [Path(p) for p in args.later],
            missing,
            members=Path(args.members) if args.members else None,
            incomplete=Path(args.incomplete) if args.incomplete else None,
            ballots=Path(args.ballots) if args.ballots else None,
            bundle=Path(args.from_bundle) if args.from_bundle else None,
        )
        gaps = read_missing(missing)
    except BuildError as exc:
        print(f"build_record: {exc}", file=sys.stderr)
        return 1
    count = write(rows, args.out)
    gaps_out = Path(args.out).with_name("missing.csv")
    with gaps_out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("first", "last", "reason"))
        writer.writerows(gaps)
    print(f"{args.out}: {count} decisions; {gaps_out}: {len(gaps)} declared gaps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

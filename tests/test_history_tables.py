"""The history results as tables (issue 20, part 1): each says once how it becomes a Table;
its text, HTML, CSV, JSON and DataFrame all come from that one value. And the closed
vocabularies of these files as Enums (part 5): the replay status, the veto convention."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import unsc
from unsc import history
from unsc._prose import wrap
from unsc._table import Table, Tabular
from unsc.errors import InvalidFieldError, InvalidTypeError, UnknownChoiceError, UNSCError

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "undl_sample.csv"
LITERAL = unsc.Rules.preset("literal-1965")


@pytest.fixture(name="bad_report", scope="module")
def _bad_report(tmp_path_factory: pytest.TempPathFactory) -> history.UndlReport:
    """A UN file with a disagreement (the USA's abstention on 2712 made a no), a totals
    mismatch and a bad vote code, read leniently."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace(",12,0,3,0,15,Vote,", ",13,0,2,0,15,Vote,")
    text = text.replace(
        "True,A,2023-11-15,S/RES/2712 (2023)", "True,N,2023-11-15,S/RES/2712 (2023)", 1
    )
    lines = text.splitlines(keepends=True)
    lines[3] = lines[3].replace(",X,", ",Q,", 1)
    path = tmp_path_factory.mktemp("undl") / "bad.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return history.replay_undl(path, strict=False)


def _results(bad_report: history.UndlReport) -> dict[str, tuple[Tabular, int]]:
    """Each history result, with how many rows its data has."""
    year = history.records(year=2023)
    report = history.replay_all(year, rules=LITERAL)
    return {
        "records": (year, len(year)),
        "no records": (history.records(year=2030), 0),
        "replay": (history.replay("S/2023/772"), 1),
        "replay that disagrees": (history.replay("S/RES/2712 (2023)", LITERAL), 1),
        "replay report": (report, len(report)),
        "summary": (history.summary("decade"), len(history.summary("decade"))),
        "coverage": (history.coverage(), len(history.coverage())),
        "vetoes": (history.vetoes(), len(history.vetoes())),
        "no vetoes": (history.vetoes().between(2030, 2040), 0),
        "UN file report": (bad_report, len(bad_report.disagreements)),
    }


NAMES = ("records", "no records", "replay", "replay that disagrees", "replay report",
         "summary", "coverage", "vetoes", "no vetoes", "UN file report")  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_every_face_comes_from_the_one_table(name: str, bad_report: history.UndlReport) -> None:
    """str(), table(fmt), the HTML and the DataFrame are the Table's, rendered."""
    result, _ = _results(bad_report)[name]
    table = result.as_table()

    assert isinstance(result, Tabular)
    assert isinstance(table, Table)
    assert str(result) == result.table() == table.render("simple")
    assert result.table("github") == table.render("github")
    html = result._repr_html_()
    assert "<pre>" not in html
    assert "<br>" not in html
    if not isinstance(result, (history.Replay, history.RecordList)):
        assert html == table.html()  # a replay adds its chamber; a long listing is cut


@pytest.mark.parametrize("name", NAMES)
def test_csv_and_json_give_the_data_one_row_each(
    name: str, bad_report: history.UndlReport
) -> None:
    """JSON and CSV are the data, one row per record, replay, period, veto or
    disagreement: never a rendered table, never a caption. The UN file report's JSON is
    the whole report, its disagreements the rows, with its problems and mismatches."""
    result, count = _results(bad_report)[name]

    rows = json.loads(result.table("json"))
    if isinstance(result, history.UndlReport):
        assert rows["problems"] == [str(p) for p in bad_report.problems] != []
        assert rows["mismatches"] == [str(m) for m in bad_report.mismatches] != []
        rows = rows["disagreements"]
    read = list(csv.DictReader(io.StringIO(result.table("csv"))))

    assert isinstance(rows, list)
    assert len(rows) == len(read) == count
    assert all(isinstance(row, dict) for row in rows)
    assert len(result.to_dataframe()) == count


def test_replay_text_is_its_row_then_the_explanation_then_the_disagreement() -> None:
    """The text as before the table value: the row, the engine's words, why they differ."""
    agrees = history.replay("S/2023/772")
    differs = history.replay("S/RES/2712 (2023)", LITERAL)

    said = wrap(agrees.decision.explain())
    assert str(agrees) == "\n\n".join([agrees.as_table().body(), said])
    assert str(differs) == "\n\n".join(
        [differs.as_table().body(), wrap(differs.decision.explain()),
         f"Disagreement: {differs.reason}"]
    )  # fmt: skip
    assert json.loads(differs.table("json")) == [
        {
            "symbol": "S/RES/2712 (2023)",
            "date": "2023-11-15",
            "vote": "12–0–3",
            "recorded": "adopted",
            "engine": "vetoed",
            "agrees": False,
            "reason": differs.reason,
        }
    ]
    assert "<svg" in differs._repr_html_()  # the chamber, after the table


def test_replay_report_puts_its_summary_above_the_rows() -> None:
    """The summary, then the records that disagree or could not be checked."""
    report = history.replay_all(records=history.records(year=1946))
    text = str(report)

    assert text.startswith(report.summary() + "\n\nsymbol")
    assert text.count("unchecked") == len(report.unchecked)  # one status per row
    statuses = {row["status"] for row in json.loads(report.table("json"))}
    assert statuses == {"agrees", "unchecked"}


def test_undl_report_text_is_unchanged(bad_report: history.UndlReport) -> None:
    """Summary, the disagreement and its reason, the mismatch, each problem: apart."""
    parts = str(bad_report).split("\n\n")

    assert parts[0] == bad_report.summary()
    assert parts[1].splitlines()[0].split() == [
        "symbol", "date", "vote", "recorded", "engine", "agrees"
    ]  # fmt: skip
    assert parts[2].startswith("S/RES/2712 (2023): recorded adopted, engine says vetoed")
    assert parts[3].splitlines()[0].split() == ["resolution", "line", "totals", "rows"]
    assert parts[4:] == [str(p) for p in bad_report.problems]
    html = bad_report._repr_html_()
    assert html.count("<table>") == 2
    assert html.count("<p>") == 4


def test_record_list_html_shows_the_first_and_last_rows_of_a_long_listing() -> None:
    """A long listing in a notebook shows 30 and 30 rows; its data has every row."""
    found = history.records(years=(2020, 2023))
    html = found._repr_html_()

    assert html.count("<tr>") == 61  # the header and 60 rows
    assert "the first and last 30 shown" in html
    assert len(found.as_table(limit=30).csv().splitlines()) == len(found) + 1
    assert found.as_table(limit=0).render() == str(found)
    with pytest.raises(InvalidTypeError):
        found.as_table(limit="30")  # type: ignore[arg-type]


def test_an_empty_listing_is_its_sentence() -> None:
    """No rows: the sentence alone, in text and in HTML."""
    assert str(history.records(year=2030)).startswith("No decisions on record after")
    assert str(history.RecordList()) == "No decisions."
    assert history.RecordList()._repr_html_() == "<p>No decisions.</p>"


def test_veto_views_share_the_caption_and_the_data() -> None:
    """Counts, the listing and the decades: each with the caption beneath; the data one
    row per vetoed proposal whichever is shown."""
    listing = history.vetoes("vote").between(2023, 2026)
    caption = listing.caption()

    for text in (listing.table(), listing.listing(), listing.decade_table()):
        assert text.endswith(caption)
    assert listing.decade_table().startswith("decade")
    assert listing.listing().startswith("date")
    assert (
        listing.as_table(listing=True).json()
        == listing.as_table(by_decade=True).json()
        == listing.table("json")
    )
    with pytest.raises(InvalidFieldError, match="one view at a time"):
        listing.as_table(listing=True, by_decade=True)
    with pytest.raises(InvalidTypeError, match="True or False"):
        listing.as_table(listing="yes")  # type: ignore[arg-type]


def test_summary_caption_is_the_tables_words() -> None:
    """The caption the command line prints is the words under the table."""
    summary = history.summary("decade")

    assert summary.caption() == summary.as_table().words()
    assert str(summary).endswith(summary.caption())


# -- the vocabularies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (history.Convention, ("draft", "vote")),
        (history.ReplayStatus, ("agrees", "disagrees", "unchecked")),
    ],
)
def test_vocabularies_parse_their_values_and_refuse_others(enum: Any, values: Any) -> None:
    """Each value (in any case, with spaces around) and each member reads as the member;
    other text is refused naming the valid values; other types are refused as types."""
    assert tuple(member.value for member in enum) == values
    for member in enum:
        assert enum.parse(member) is member
        assert enum.parse(member.value) is member
        assert enum.parse(f" {member.value.upper()} ") is member
        assert enum(member.value) is member
    with pytest.raises(UnknownChoiceError, match=", ".join(values)) as error:
        enum.parse("ballot")
    assert isinstance(error.value, UNSCError)
    assert error.value.valid == values
    with pytest.raises(UnknownChoiceError):
        enum("ballot")
    for junk in (None, 1, b"draft", ["vote"]):
        with pytest.raises(InvalidTypeError):
            enum.parse(junk)


def test_conventions_as_strings_or_members() -> None:
    """vetoes() takes the convention as before, or as the Enum; the list keeps the Enum."""
    assert history.vetoes("vote") == history.vetoes(history.Convention.VOTE)
    assert history.vetoes().convention is history.Convention.DRAFT
    assert history.VetoList((), "vote").convention is history.Convention.VOTE
    assert history.CONVENTIONS["vote"] == history.Convention.VOTE.words
    with pytest.raises(UnknownChoiceError, match="counting convention"):
        history.VetoList((), "ballot")


def test_replay_statuses_as_strings_or_members() -> None:
    """A ReplayResult is given its status as before (a string) or as the Enum."""
    record = history.get("S/PV.23")
    given = history.ReplayResult(record, None, "unchecked", "no tally")

    assert given.status is history.ReplayStatus.UNCHECKED
    assert not given.agrees
    assert history.ReplayResult(record, None, history.ReplayStatus.AGREES).agrees
    report = history.replay_all(records=[record])
    assert report.unchecked[0].status is history.ReplayStatus.UNCHECKED
    with pytest.raises(UnknownChoiceError, match="agrees, disagrees, unchecked"):
        history.ReplayResult(record, None, "fine")


def test_an_empty_summary_says_why() -> None:
    """A summary of no decisions is a sentence: the listing's, after the record's end."""
    after = history.summary("year", history.records(year=2030))
    none = history.summary("decade", [])

    assert str(after) == "No decisions on record after 7 April 2026: the record ends there."
    assert str(none).startswith("No decisions. ")
    assert after.table("csv").splitlines() == [",".join(after.columns)]

"""The record builder: a small table in the library's shape, built and checked.

The fixture table (tests/fixtures/record/) is written by us in the shape of the UN
library's yearly tables, with their quirks: a rowspan, cells and rows left unclosed, a
communiqué, two resolutions sharing a cell, a veto named in the cell and one named only by
a correction. Its votes are real (1962, from the library's table and veto list).
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "record"
TABLE = FIXTURES / "scact1962_table_en.html"


def _load_builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "build_record", ROOT / "tools" / "build_record.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_record"] = module
    spec.loader.exec_module(module)
    return module


br = _load_builder()


def build(
    tmp_path: Path,
    *,
    corrections: str | None = None,
    later: str | None = None,
    missing: str | None = None,
    table: str | None = None,
) -> list[dict[str, str]]:
    """Build from the fixtures, any of them replaced by the text given."""

    def file(name: str, text: str | None) -> Path:
        if text is None:
            return FIXTURES / name
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return br.build(
        [str(file(TABLE.name, table))],
        file("corrections.csv", corrections),
        file("later.csv", later),
        file("missing.csv", missing),
    )


def by_id(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows}


# -- what the table gives -----------------------------------------------------------------


def test_every_decision_in_the_table_is_read_in_order_of_date(tmp_path: Path) -> None:
    rows = build(tmp_path)
    assert [row["id"] for row in rows] == [
        "S/5086", "S/RES/173 (1962)", "S/5134", "S/RES/174 (1962)", "S/RES/175 (1962)",
        "S/RES/176 (1962)", "S/RES/177 (1962)", "S/RES/178 (1963)",
    ]  # fmt: skip


def test_a_rowspan_carries_meeting_and_date_to_the_next_row(tmp_path: Path) -> None:
    # S/PV.1020 spans two rows; the second holds only a communiqué, which is no decision.
    rows = by_id(build(tmp_path))
    assert rows["S/RES/176 (1962)"]["meeting"] == "S/PV.1020"
    assert rows["S/RES/176 (1962)"]["date"] == "1962-10-04"
    assert not any("Communiqu" in row["id"] for row in rows.values())


def test_tallies_unanimity_and_without_vote(tmp_path: Path) -> None:
    rows = by_id(build(tmp_path))
    tally = {key: rows["S/RES/176 (1962)"][key] for key in ("yes", "no", "abstain", "not_voting")}
    assert tally == {"yes": "10", "no": "0", "abstain": "1", "not_voting": "0"}
    # "adopted unanimously" becomes the full Council of the day: 11 before 1966
    assert (rows["S/RES/175 (1962)"]["modality"], rows["S/RES/175 (1962)"]["yes"]) == (
        "unanimous",
        "11",
    )
    assert rows["S/RES/173 (1962)"]["modality"] == "without vote"
    assert rows["S/RES/173 (1962)"]["yes"] == ""


def test_a_veto_named_in_the_cell(tmp_path: Path) -> None:
    row = by_id(build(tmp_path))["S/5086"]
    assert (row["outcome"], row["vetoed_by"], row["permanent_against"]) == ("vetoed", "SUN", "SUN")
    assert (row["yes"], row["no"], row["abstain"]) == ("7", "1", "3")
    assert row["sureness"] == "V"


def test_a_correction_is_applied_with_its_evidence(tmp_path: Path) -> None:
    row = by_id(build(tmp_path))["S/5134"]
    assert (row["outcome"], row["vetoed_by"]) == ("vetoed", "SUN")
    assert "The library's veto list" in row["note"]
    assert row["sureness"] == "V2"  # no longer the table's word alone


def test_without_the_correction_the_table_says_not_adopted(tmp_path: Path) -> None:
    header = "year,meeting,target,field,value,evidence\n"
    row = by_id(build(tmp_path, corrections=header))["S/5134"]
    assert (row["outcome"], row["permanent_against"]) == ("insufficient votes", "?")


def test_later_rows_keep_their_own_source(tmp_path: Path) -> None:
    row = by_id(build(tmp_path))["S/RES/178 (1963)"]
    assert row["source"] == "https://example.org/a-source"
    assert row["not_voting"] == "0"  # derived from the Council of the day


def test_the_command_writes_the_record_and_its_declared_gaps(tmp_path: Path) -> None:
    out = tmp_path / "decisions.csv"
    code = br.main([
        str(TABLE), "--corrections", str(FIXTURES / "corrections.csv"),
        "--later", str(FIXTURES / "later.csv"), "--missing", str(FIXTURES / "missing.csv"),
        "--out", str(out),
    ])  # fmt: skip
    assert code == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 8
    assert tuple(rows[0]) == br.COLUMNS
    gaps = (tmp_path / "missing.csv").read_text(encoding="utf-8").splitlines()
    assert gaps == ["first,last,reason", "1,172,before this small table"]


# -- bad data stops the build, naming where -----------------------------------------------


def test_a_duplicate_symbol_is_named(tmp_path: Path) -> None:
    later = (FIXTURES / "later.csv").read_text(encoding="utf-8")
    twice = later + later.splitlines()[1] + "\n"
    with pytest.raises(br.BuildError, match=r"duplicate symbol S/RES/178 \(1963\)"):
        build(tmp_path, later=twice)


def test_a_tally_larger_than_the_council_is_named(tmp_path: Path) -> None:
    table = TABLE.read_text(encoding="utf-8").replace("10-0-1", "10-1-1")
    with pytest.raises(br.BuildError, match=r"S/RES/176 \(1962\): tally 10-1-1 exceeds the 11"):
        build(tmp_path, table=table)


def test_a_vetoer_who_was_not_permanent_that_day_is_named(tmp_path: Path) -> None:
    # The Russian Federation held the USSR's seat only from December 1991.
    table = TABLE.read_text(encoding="utf-8").replace(
        "vetoed by USSR", "vetoed by Russian Federation"
    )
    with pytest.raises(
        br.BuildError, match=r"S/5086: RUS \(vetoed_by\) was not a permanent member"
    ):
        build(tmp_path, table=table)


def test_a_veto_by_a_state_unknown_is_named(tmp_path: Path) -> None:
    corrections = (
        (FIXTURES / "corrections.csv")
        .read_text(encoding="utf-8")
        .replace("vetoed_by,SUN", "vetoed_by,ZZZ")
    )
    with pytest.raises(br.BuildError, match=r"ZZZ \(vetoed_by\) was not a permanent member"):
        build(tmp_path, corrections=corrections)


def test_a_gap_in_the_resolution_numbers_is_named(tmp_path: Path) -> None:
    table = TABLE.read_text(encoding="utf-8").replace("S/RES/174 (1962)", "S/RES/184 (1962)")
    with pytest.raises(br.BuildError, match=r"no entry for resolution 174 .*after .*row"):
        build(tmp_path, table=table)


def test_a_declared_gap_that_is_filled_is_named(tmp_path: Path) -> None:
    with pytest.raises(br.BuildError, match="resolution 173 is declared missing but is here"):
        build(tmp_path, missing="first,last,reason\n1,173,too far\n")


def test_a_draft_without_an_outcome_is_named(tmp_path: Path) -> None:
    table = TABLE.read_text(encoding="utf-8").replace("vetoed by USSR", "")
    with pytest.raises(br.BuildError, match=r"row 7: draft S/5086: no outcome"):
        build(tmp_path, table=table)


def test_a_tally_with_nothing_to_count_is_named(tmp_path: Path) -> None:
    table = TABLE.read_text(encoding="utf-8").replace("<td>--</td>", "<td>9-0-2</td>")
    with pytest.raises(br.BuildError, match=r"row 6: cannot place \['9-0-2'\]"):
        build(tmp_path, table=table)


def test_a_correction_must_name_exactly_one_entry(tmp_path: Path) -> None:
    corrections = (
        (FIXTURES / "corrections.csv")
        .read_text(encoding="utf-8")
        .replace("S/5134,outcome", "S/9999,outcome")
    )
    with pytest.raises(br.BuildError, match=r"corrections.csv, row 2: S/9999 .* matches 0"):
        build(tmp_path, corrections=corrections)


def test_a_correction_needs_its_evidence(tmp_path: Path) -> None:
    corrections = "year,meeting,target,field,value,evidence\n1962,,S/5134,outcome,vetoed,\n"
    with pytest.raises(br.BuildError, match="row 2: a correction needs its evidence"):
        build(tmp_path, corrections=corrections)


def test_a_later_row_needs_its_source(tmp_path: Path) -> None:
    later = (FIXTURES / "later.csv").read_text(encoding="utf-8")
    with pytest.raises(br.BuildError, match="row 2: every later row needs its source"):
        build(tmp_path, later=later.replace("https://example.org/a-source", ""))


def test_the_command_prints_one_line_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "later.csv"
    bad.write_text(
        (FIXTURES / "later.csv").read_text(encoding="utf-8").replace("1963-04-24", "1963-02-30")
    )
    code = br.main([str(TABLE), "--corrections", str(FIXTURES / "corrections.csv"),
                    "--later", str(bad), "--missing", str(FIXTURES / "missing.csv"),
                    "--out", str(tmp_path / "out.csv")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "'1963-02-30' is not a date" in err
    assert not (tmp_path / "out.csv").exists()  # nothing half-written

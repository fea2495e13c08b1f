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
    **paths: Path,
) -> list[dict[str, str]]:
    """Build from the fixtures, any of them replaced by the text given (members,
    incomplete, ballots: paths to those inputs)."""

    def file(name: str, text: str | None) -> Path:
        if text is None:
            return FIXTURES / name
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return br.build(
        [str(file(TABLE.name, table))],
        file("corrections.csv", corrections),
        [file("later.csv", later)],
        file("missing.csv", missing),
        **paths,
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
        "--members", "", "--incomplete", "", "--ballots", "", "--out", str(out),
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
    with pytest.raises(br.BuildError, match="row 2: every row needs its sources"):
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
                    "--members", "", "--out", str(tmp_path / "out.csv")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "'1963-02-30' is not a date" in err
    assert not (tmp_path / "out.csv").exists()  # nothing half-written


# -- members: every vote from the names, or declared incomplete ----------------------------


def test_the_named_members_give_every_vote(tmp_path: Path) -> None:
    row = by_id(build(tmp_path))["S/RES/178 (1963)"]
    assert row["members"] == "abstain: SUN"
    assert row["permanent_against"] == ""
    assert row["sureness"] == "V2"


def _later(text: str, tmp_path: Path) -> str:
    return (FIXTURES / "later.csv").read_text(encoding="utf-8").replace(",,SUN,,,", text)


def test_a_member_not_on_the_council_is_named(tmp_path: Path) -> None:
    wanted = r"later.csv, row 2: S/RES/178 \(1963\): RUS \(abstain\) was not on the Council"
    with pytest.raises(br.BuildError, match=wanted + " on 1963-04-24"):
        build(tmp_path, later=_later(",,RUS,,,", tmp_path))


def test_names_that_do_not_fit_the_counts_are_named(tmp_path: Path) -> None:
    with pytest.raises(br.BuildError, match=r"the names \(0 no, 2 abstaining, 0 not voting\) do "
                       r"not fit the counts 10-0-1"):  # fmt: skip
        build(tmp_path, later=_later(",,SUN FRA,,,", tmp_path))


def test_incomplete_names_must_be_declared(tmp_path: Path) -> None:
    later = _later(",,,,,", tmp_path)
    with pytest.raises(br.BuildError, match=r"S/RES/178 \(1963\): the names do not give every "
                       r"member's vote; .*incomplete.csv"):  # fmt: skip
        build(tmp_path, later=later)
    declared = tmp_path / "incomplete.csv"
    declared.write_text('id,missing\nS/RES/178 (1963),"the abstainer is not named"\n')
    row = by_id(build(tmp_path, later=later, incomplete=declared))["S/RES/178 (1963)"]
    assert row["members"] == ""
    assert "Member votes incomplete: the abstainer is not named" in row["note"]
    # a declaration that no row needs is refused too
    with pytest.raises(br.BuildError, match="declared incomplete, but every member's vote"):
        build(tmp_path, incomplete=declared)


def test_a_vetoer_must_be_named_voting_no(tmp_path: Path) -> None:
    facts = (FIXTURES / "later.csv").read_text(encoding="utf-8").splitlines()
    header = facts[0]
    vetoed = (
        "S/9999,,S/9999,1963-05-01,,vetoed,vote,9,1,1,0,FRA,SUN,,SUN,,Test,"
        "https://example.org/a-source,written for the tests,V2"
    )
    with pytest.raises(
        br.BuildError, match=r"S/9999: vetoed by SUN, who is not named as voting no"
    ):
        build(tmp_path, later="\n".join((*facts, vetoed)) + "\n")
    del header


def test_a_member_not_voting_must_be_said_absent_or_not_participating(tmp_path: Path) -> None:
    later = _later(",,,SUN,,", tmp_path).replace(",10,0,1,0,", ",10,0,0,1,")
    with pytest.raises(br.BuildError, match="SUN did not vote; a correction must say whether"):
        build(tmp_path, later=later)
    corrections = (FIXTURES / "corrections.csv").read_text(encoding="utf-8") + (
        "1963,,S/RES/178 (1963),absent,SUN,written for the tests\n"
    )
    row = by_id(build(tmp_path, later=later, corrections=corrections))["S/RES/178 (1963)"]
    assert row["members"] == "absent: SUN"


def test_the_bundle_is_what_the_builder_makes_of_it(tmp_path: Path) -> None:
    """Rebuilt from its own rows and the facts files, the shipped record is unchanged: every
    check of the builder holds on it, and the facts files are all in it."""
    out = tmp_path / "decisions.csv"
    assert br.main(["--from-bundle", "--out", str(out)]) == 0
    shipped = ROOT / "unsc" / "data" / "decisions.csv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_a_decision_is_added_from_a_press_release(tmp_path: Path) -> None:
    """The way docs/history.md gives to add a decision: a row in later.csv, then the builder
    from the bundle. Here the last decision of recent.csv is taken out and added again."""
    recent = (ROOT / "tools" / "record" / "recent.csv").read_text(encoding="utf-8").splitlines()
    last = max(recent[1:], key=lambda line: next(csv.reader([line]))[3])
    shipped = ROOT / "unsc" / "data" / "decisions.csv"
    (tmp_path / "recent.csv").write_text("\n".join(line for line in recent if line != last) + "\n")
    (tmp_path / "later.csv").write_text(recent[0] + "\n" + last + "\n")
    out = tmp_path / "decisions.csv"
    assert br.main(["--from-bundle", str(shipped), "--later", str(tmp_path / "recent.csv"),
                    str(tmp_path / "later.csv"), "--out", str(out)]) == 0  # fmt: skip
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    # and a bad row added there is refused like any other
    (tmp_path / "later.csv").write_text(
        recent[0] + "\n" + last.replace("CHN RUS", "CHN XXX") + "\n"
    )
    args = ["--from-bundle", str(shipped), "--later", str(tmp_path / "recent.csv")]
    assert br.main([*args, str(tmp_path / "later.csv"), "--out", str(tmp_path / "bad.csv")]) == 1

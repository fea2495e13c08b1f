"""Reading the UN Digital Library's voting data: the format, its quirks and bad files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import unsc
from unsc import Vote, history
from unsc.errors import DataError
from unsc.history.undl import HEADER, write_undl

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "undl_sample.csv"
# The header of the UN's file, as its data description and published excerpt show it.
UN_HEADER = (
    "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,"
    "description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,"
    "total_non_voting,total_ms,modality,undl_link"
)


@pytest.fixture(name="sample_text")
def _sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str | bytes, name: str = "votes.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_header_is_the_uns() -> None:
    """unsc writes and expects the UN's columns, in the UN's order."""
    assert UN_HEADER.split(",") == HEADER


def test_sample_replays_cleanly() -> None:
    """Every resolution in the sample is read and decided as recorded (adopted)."""
    report = history.replay_undl(SAMPLE)

    assert (report.resolutions, report.agreed) == (16, 16)
    assert report.clean
    assert "16 resolutions, engine agrees on 16, disagrees on 0" in report.summary()


def test_x_read_with_the_note() -> None:
    """X is absent when the note says so, otherwise not participating."""
    by_symbol = {r.symbol: r for r in history.load_undl(SAMPLE)}
    res83 = by_symbol["S/RES/83 (1950)"]

    assert Vote.ABSENT is res83.vote_of("SUN")
    assert Vote.NOT_PARTICIPATING is res83.vote_of("EGY")
    assert Vote.NOT_PARTICIPATING is by_symbol["S/RES/472(1980)"].vote_of("CHN")


def test_without_vote_is_adopted() -> None:
    """Modality 'Without Vote': adopted, all members non-voting."""
    res11 = next(r for r in history.load_undl(SAMPLE) if r.symbol == "S/RES/11(1946)")

    assert res11.without_vote
    assert unsc.Outcome.ADOPTED is res11.decide().outcome


def test_procedural_resolutions_are_read_as_procedural() -> None:
    """Resolution 2623 (2022), Russia against, is on the procedural list and replays adopted."""
    res2623 = next(r for r in history.load_undl(SAMPLE) if r.symbol == "S/RES/2623 (2022)")

    assert "S/RES/2623(2022)" in history.PROCEDURAL
    assert unsc.Matter.PROCEDURAL is res2623.matter
    assert "SC/14809" in history.PROCEDURAL.source("S/RES/2623 (2022)")


def test_round_trip_keeps_every_vote(tmp_path: Path) -> None:
    """Records written in the UN format read back with the same votes."""
    records = [history.get(s) for s in ("S/RES/83 (1950)", "S/RES/2712 (2023)", "S/2023/772")]
    buffer = io.StringIO()
    write_undl(records, buffer)
    path_text = buffer.getvalue()

    back = list(history.load_undl(_tmp(path_text, tmp_path)))

    assert [r.ballot for r in records] == [r.ballot for r in back]


def _tmp(text: str, folder: Path) -> Path:
    return _write(folder, text, "round-trip.csv")


def test_successor_code_on_the_predecessors_seat(tmp_path: Path, sample_text: str) -> None:
    """A file that writes RUS for the USSR's seat in 1950 is read onto that seat."""
    text = sample_text.replace(",SUN,USSR,", ",RUS,USSR,")

    report = history.replay_undl(_write(tmp_path, text))

    assert report.clean


# -- bad files ----------------------------------------------------------------------------


def test_missing_column(tmp_path: Path, sample_text: str) -> None:
    """A missing column is named, on line 1."""
    path = _write(tmp_path, sample_text.replace("ms_vote", "vote", 1))

    with pytest.raises(DataError, match=r"votes\.csv, line 1, column 'ms_vote': missing column"):
        list(history.load_undl(path))


def test_unknown_vote_code(tmp_path: Path, sample_text: str) -> None:
    """An unknown vote code names its line and column."""
    lines = sample_text.splitlines(keepends=True)
    lines[3] = lines[3].replace(",X,", ",Q,")

    with pytest.raises(DataError, match=r"line 4, column 'ms_vote': 'Q' is not a vote code"):
        list(history.load_undl(_write(tmp_path, "".join(lines))))


def test_member_twice(tmp_path: Path, sample_text: str) -> None:
    """A member twice in one resolution is named, with both lines."""
    lines = sample_text.splitlines(keepends=True)
    lines.insert(3, lines[2])

    with pytest.raises(DataError, match=r"line 4, column 'ms_code': .* appears twice .*line 3"):
        list(history.load_undl(_write(tmp_path, "".join(lines))))


def test_member_not_on_the_council(tmp_path: Path, sample_text: str) -> None:
    """A state that was not on the Council that year is named."""
    text = sample_text.replace(",JPN,JAPAN,", ",DEU,GERMANY,", 1)

    with pytest.raises(
        DataError, match=r"column 'ms_code': DEU \(GERMANY\) was not on the Council"
    ):
        list(history.load_undl(_write(tmp_path, text)))


def test_not_utf8(tmp_path: Path, sample_text: str) -> None:
    """Bytes that are not UTF-8 are located by line and column."""
    lines = sample_text.encode("utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(b"CHINA", b"CH\xffNA")

    with pytest.raises(DataError, match=r"line 4, column 'ms_name': bytes that are not UTF-8"):
        list(history.load_undl(_write(tmp_path, b"".join(lines))))


def test_empty_file(tmp_path: Path) -> None:
    """An empty file says what it should have held."""
    with pytest.raises(DataError, match="the file is empty; expected a header row"):
        list(history.load_undl(_write(tmp_path, "")))


def test_truncated_last_line(tmp_path: Path, sample_text: str) -> None:
    """A last row cut short is reported with its line."""
    text = sample_text.rstrip("\n")
    text = text[: text.rfind(",2024-06-10,")]
    last = text.count("\n") + 1

    with pytest.raises(DataError, match=rf"line {last}: row has 5 of 20 columns \(truncated"):
        list(history.load_undl(_write(tmp_path, text)))


def test_missing_file(tmp_path: Path) -> None:
    """A file that is not there is a DataError naming it."""
    with pytest.raises(DataError, match=r"nowhere\.csv: no such file"):
        list(history.load_undl(tmp_path / "nowhere.csv"))


def test_totals_mismatch_reported_not_fixed(tmp_path: Path, sample_text: str) -> None:
    """Totals that disagree with the member rows are reported; the rows are what counts."""
    text = sample_text.replace(",12,0,3,0,15,Vote,", ",13,0,2,0,15,Vote,")

    report = history.replay_undl(_write(tmp_path, text))

    assert len(report.mismatches) == 1
    mismatch = report.mismatches[0]
    assert (
        mismatch.symbol,
        mismatch.stated,
        mismatch.counted,
    ) == ("S/RES/2712 (2023)", (13, 0, 2, 0), (12, 0, 3, 0))
    assert report.agreed == 16
    assert "totals say 13-0-2-0, member rows give 12-0-3-0" in str(mismatch)


def test_not_strict_collects_and_goes_on(tmp_path: Path, sample_text: str) -> None:
    """strict=False reports every problem and reads everything else."""
    lines = sample_text.encode("utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(b",X,", b",Q,", 1)  # bad vote in resolution 11 (1946)
    lines[20] = lines[20].replace(b"PHILIPPINES", b"PHIL\xffPPINES")  # bad bytes, res. 472
    path = _write(tmp_path, b"".join(lines))

    reader = history.load_undl(path, strict=False)
    read = list(reader)
    report = history.replay_undl(path, strict=False)

    problems = [str(p) for p in reader.problems]
    assert len(problems) == 3
    assert "line 4, column 'ms_vote': 'Q' is not a vote code" in problems[0]
    # resolution 11 lost its row for China, so it is reported incomplete, not guessed at
    assert "S/RES/11(1946) has no row for CHN" in problems[1]
    assert "line 21, column 'ms_name': bytes that are not UTF-8" in problems[2]
    assert len(read) == 15
    assert len(report.problems) == 3
    assert "15 resolutions, engine agrees on 15" in report.summary()
    assert "3 problems" in report.summary()


def test_records_read_from_file_equal_records_built_normally() -> None:
    """The reader's fast construction yields records equal to the checked constructor's."""
    for record in history.load_undl(SAMPLE):
        rebuilt = unsc.Resolution(
            record.symbol,
            council=record.council,
            date=record.date,
            title=record.title,
            matter=record.matter,
            ballot=record.ballot,
            without_vote=record.without_vote,
            meeting=record.meeting,
            topic=record.topic,
            recorded=record.recorded,
            sources=record.sources,
            note=record.note,
            number=record.number,
            draft=record.draft,
        )

        assert rebuilt == record
        assert rebuilt.complete is record.complete
        assert hash(rebuilt) == hash(record)


def test_reading_twice_reads_once(tmp_path: Path, sample_text: str) -> None:
    """A reader holds no state between readings: the second pass counts the same."""
    lines = sample_text.splitlines(keepends=True)
    lines[3] = lines[3].replace(",X,", ",Q,", 1)
    reader = history.load_undl(_write(tmp_path, "".join(lines)), strict=False)

    first = list(reader)
    counts = (reader.rows, len(reader.problems), len(reader.mismatches))
    second = list(reader)

    assert first == second
    assert (reader.rows, len(reader.problems), len(reader.mismatches)) == counts
    assert reader.rows == sample_text.count("\n") - 1


def test_byte_order_mark(tmp_path: Path, sample_text: str) -> None:
    """A UTF-8 byte-order mark, as Excel writes, is not part of the first column's name."""
    path = _write(tmp_path, "\ufeff" + sample_text)

    assert len(list(history.load_undl(path))) == 16


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_two_stray_quotes_do_not_hide_rows(tmp_path: Path, sample_text: str) -> None:
    """Two stray quotes would fold the rows between them into one field: the first is
    named at its line, and a lenient reading reads every row, the one with the quote too
    (the quote read as a character); the second quote, inside a field, is a character."""
    lines = sample_text.splitlines(keepends=True)
    opening, closing = 30, 60  # 1-based lines of the quotes
    lines[opening - 1] = lines[opening - 1].replace(",S/PV.", ',"S/PV.', 1)
    lines[closing - 1] = lines[closing - 1].replace(",S/PV.", ',S/P"V.', 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=rf"line {opening}, column 'meeting': a stray quote"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    read = list(reader)

    assert [p.line for p in reader.problems] == [opening]
    assert "the row is read with the quote as a character" in str(reader.problems[0])
    assert reader.rows == sample_text.count("\n") - 1
    assert len(read) == 16


def test_a_stray_quote_in_long_rows_swallows_nothing(tmp_path: Path, sample_text: str) -> None:
    """With rows as long as the UN's, a quote that never closes would run past the csv
    module's field limit and take every row up to it: each is read, and the quote named
    at its own line."""
    rows = sample_text.splitlines(keepends=True)
    long = [rows[0]] + [r.replace(",S/PV.", ",S/PV." + "x" * 1000, 1) for r in rows[1:]]
    long[20] = long[20].replace(",S/PV.", ',"S/PV.', 1)
    path = _write(tmp_path, "".join(long))

    with pytest.raises(DataError, match=r"line 21, column 'meeting': a stray quote"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)

    assert len(list(reader)) == 16
    assert [p.line for p in reader.problems] == [21]


def test_a_row_over_two_lines_is_named(tmp_path: Path, sample_text: str) -> None:
    """A quoted field holding a line break is not the UN's format: the line where it
    opens is named, and the rest of the row, on the next line, too."""
    lines = sample_text.splitlines(keepends=True)
    lines[4] = lines[4].replace(",S/PV.80,", ',"S/PV.80\nmore",', 1)
    reader = history.load_undl(_write(tmp_path, "".join(lines)), strict=False)

    read = list(reader)

    assert [p.line for p in reader.problems][:2] == [5, 6]
    assert "row is not read" in str(reader.problems[0])
    assert "S/RES/11(1946) has no row for" in str(reader.problems[-1])
    assert len(read) == 15


def test_one_stray_quote_is_blamed_on_its_own_line(tmp_path: Path, sample_text: str) -> None:
    """A quote that never closes is named where it is, not at the end of the file."""
    lines = sample_text.splitlines(keepends=True)
    lines[49] = lines[49].replace(",S/PV.", ',"S/PV.', 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 50, column 'meeting': a stray quote"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    assert len(list(reader)) >= 14


def test_rows_must_agree_with_the_first_row(tmp_path: Path, sample_text: str) -> None:
    """A member's row that gives its resolution another date is named, line and column."""
    needle = "1000,MEX,MEXICO,False,X,1946-11-15"
    line = _line_of(sample_text, needle)
    text = sample_text.replace(needle, "1000,MEX,MEXICO,False,X,1946-11-16")

    with pytest.raises(
        DataError, match=rf"line {line}, column 'date': says '1946-11-16' where line 2"
    ):
        list(history.load_undl(_write(tmp_path, text)))


def test_a_field_too_long_for_csv(tmp_path: Path, sample_text: str) -> None:
    """A field beyond the csv module's limit is a DataError at its line, not a csv.Error."""
    lines = sample_text.splitlines(keepends=True)
    lines[5] = lines[5].replace(",S/PV.", ',"' + "x" * 200_000 + '"S/PV.', 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 6: cannot be read as CSV: field larger"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    assert len(list(reader)) == 15
    assert [p.line for p in reader.problems][:1] == [6]


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    """Code that catches OSError for a missing file keeps working."""
    with pytest.raises(FileNotFoundError):
        list(history.load_undl(tmp_path / "nowhere.csv"))
    with pytest.raises(OSError, match="is a directory"):
        list(history.load_undl(tmp_path))


# -- repeats, second headers, blank symbols, modalities, the bundle ------------------------


def _block_of(lines: list[str], symbol: str) -> list[str]:
    return [line for line in lines if f",{symbol}," in line]


def test_two_downloads_joined_read_once(tmp_path: Path, sample_text: str) -> None:
    """A file followed by itself: the second header is named as such, each resolution it
    repeats is named once, and the replay counts each resolution once."""
    path = _write(tmp_path, sample_text + sample_text)
    second = sample_text.count("\n") + 1

    with pytest.raises(DataError, match=rf"line {second}: a second header row"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    read = list(reader)
    report = history.replay_undl(path, strict=False)

    assert len(read) == len({r.symbol for r in read}) == 16
    assert report.resolutions == 16
    assert len(reader.problems) == 1 + 16
    assert "identical to its rows from line 2; read once" in str(reader.problems[1])
    assert reader.problems[1].line == second + 1


def test_a_repeat_with_other_votes_is_a_conflict(tmp_path: Path, sample_text: str) -> None:
    """A resolution given again with a vote changed: named, with the change, at the line
    where the repeat begins; the first reading is kept and replayed once."""
    lines = sample_text.splitlines(keepends=True)
    again = _block_of(lines, "S/RES/2712 (2023)")
    again[2] = again[2].replace(",CHN,CHINA,True,Y,", ",CHN,CHINA,True,N,")
    path = _write(tmp_path, "".join(lines + again))
    repeat = len(lines) + 1

    with pytest.raises(DataError, match=rf"line {repeat}, column 'resolution': S/RES/2712"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    read = [r for r in reader if r.symbol == "S/RES/2712 (2023)"]
    report = history.replay_undl(path, strict=False)

    assert len(read) == 1
    assert read[0].vote_of("CHN") is Vote.YES
    conflict = str(reader.problems[-1])
    assert "in conflict with its rows from line 158 (CHN yes there, no here)" in conflict
    assert "the first is kept" in conflict
    assert report.resolutions == 16


def test_blank_resolution_is_named(tmp_path: Path, sample_text: str) -> None:
    """A blank symbol is a problem at its line, not a record with an empty symbol."""
    lines = sample_text.splitlines(keepends=True)
    block = [i for i, line in enumerate(lines) if ",S/RES/2712 (2023)," in line]
    for i in block:
        lines[i] = lines[i].replace(",S/RES/2712 (2023),", ",,")
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 158, column 'resolution': the resolution is blank"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    assert "" not in {r.symbol for r in reader}
    assert [p.line for p in reader.problems] == [158]


def test_a_symbol_that_is_not_a_resolution(tmp_path: Path, sample_text: str) -> None:
    """A symbol without a resolution number is named with what would be valid."""
    text = sample_text.replace(",S/RES/2712 (2023),", ",S/RES/two thousand,")

    with pytest.raises(DataError, match=r"'S/RES/two thousand' is not a resolution symbol; exp"):
        list(history.load_undl(_write(tmp_path, text)))


def test_without_vote_with_votes_is_named(tmp_path: Path, sample_text: str) -> None:
    """Modality 'Without Vote' on rows that carry Y/N/A is named at the first such row."""
    text = sample_text.replace(",12,0,3,0,15,Vote,", ",12,0,3,0,15,Without Vote,")

    with pytest.raises(
        DataError, match=r"line 158, column 'ms_vote': S/RES/2712 \(2023\) was adopted without"
    ):
        list(history.load_undl(_write(tmp_path, text)))


def test_vote_without_a_yes_is_named(tmp_path: Path, sample_text: str) -> None:
    """Modality 'Vote' on a resolution no member voted for: named, not read as a failed vote."""
    text = sample_text.replace("Without Vote", "Vote")

    with pytest.raises(
        DataError, match=r"line 2, column 'modality': S/RES/11\(1946\) was adopted"
    ):
        list(history.load_undl(_write(tmp_path, text)))


def test_unknown_modality_is_named(tmp_path: Path, sample_text: str) -> None:
    """A modality that is neither 'Vote' nor 'Without Vote' says what is valid."""
    text = sample_text.replace(",12,0,3,0,15,Vote,", ",12,0,3,0,15,Voted,")

    with pytest.raises(DataError, match=r"'Voted' is not a modality; use 'Vote' or"):
        list(history.load_undl(_write(tmp_path, text)))


def test_load_keeps_the_bundles_sourced_votes(tmp_path: Path, sample_text: str) -> None:
    """Same tally, other members: a conflict naming the members, and the bundle's votes kept."""
    text = sample_text.replace(",CHN,CHINA,True,Y,2023-11-15,", ",CHN,CHINA,True,A,2023-11-15,")
    text = text.replace(
        ",USA,UNITED STATES,True,A,2023-11-15,", ",USA,UNITED STATES,True,Y,2023-11-15,"
    )
    bundled = history.get("S/RES/2712 (2023)")

    merged = history.load(undl=_write(tmp_path, text))

    kept = merged.get("S/RES/2712 (2023)")
    assert kept.ballot == bundled.ballot
    conflict = next(c for c in merged.conflicts if c.field == "votes")
    assert (conflict.symbol, conflict.bundled, conflict.file) == (
        "S/RES/2712 (2023)",
        "CHN yes, USA abstain",
        "CHN abstain, USA yes",
    )
    assert conflict.line == 158
    assert "(line 158)" in str(conflict)


def test_load_takes_the_files_votes_where_the_bundle_has_none() -> None:
    """A resolution the bundle holds as a tally only takes the file's member votes."""
    merged = history.load(undl=SAMPLE)

    assert not history.get("S/RES/472 (1980)").has_ballot
    assert merged.get("S/RES/472 (1980)").vote_of("CHN") is Vote.NOT_PARTICIPATING


def test_a_quote_after_a_closing_quote_is_named(tmp_path: Path, sample_text: str) -> None:
    """A quoted field followed by more text breaks the CSV rules: named at its line, and
    read leniently with the quotes as characters."""
    lines = sample_text.splitlines(keepends=True)
    lines[6] = lines[6].replace(",S/PV.80,", ',"S/PV"80,', 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 7, column 'meeting': a stray quote \(\"\): ','"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    assert len(list(reader)) == 16
    assert [p.line for p in reader.problems] == [7]


def test_a_repeat_whose_first_rows_cannot_be_read_again(tmp_path: Path, sample_text: str) -> None:
    """A repeat whose first copy read only with a lenient repair is still named, once."""
    lines = sample_text.splitlines(keepends=True)
    again = _block_of(lines, "S/RES/2712 (2023)")
    first = lines.index(again[0])
    lines[first] = lines[first].replace(",S/PV.", ',"S/PV.', 1)
    path = _write(tmp_path, "".join(lines + again))

    reader = history.load_undl(path, strict=False)
    read = [r for r in reader if r.symbol == "S/RES/2712 (2023)"]

    assert len(read) == 1
    assert "S/RES/2712 (2023) again" in str(reader.problems[-1])


def test_totals_that_are_not_numbers(tmp_path: Path, sample_text: str) -> None:
    """Totals that are not whole numbers are named at the resolution's first line."""
    text = sample_text.replace(",12,0,3,0,15,Vote,", ",twelve,0,3,0,15,Vote,")

    with pytest.raises(DataError, match=r"line 158, column 'total_yes': the totals are not whole"):
        list(history.load_undl(_write(tmp_path, text)))


def test_the_first_rows_text_must_agree_with_the_others(tmp_path: Path, sample_text: str) -> None:
    """The record takes its title from its first row: a first row whose description the
    other rows do not give is named, at each row that disagrees."""
    lines = sample_text.splitlines(keepends=True)
    lines[157] = lines[157].replace(",Resolution 2712 (2023) on", ",Resolution 2713 (2023) on", 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 159, column 'description': says 'Resolution 2712"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    list(reader)
    assert [p.line for p in reader.problems] == list(range(159, 173))


def test_a_repeat_under_the_same_id_is_named_once(tmp_path: Path, sample_text: str) -> None:
    """A resolution's rows given twice in a row, under its one undl_id: one problem, not
    one for each member, and the resolution read once."""
    lines = sample_text.splitlines(keepends=True)
    block = _block_of(lines, "S/RES/83 (1950)")
    end = lines.index(block[-1]) + 1
    path = _write(tmp_path, "".join(lines[:end] + block + lines[end:]))

    reader = history.load_undl(path, strict=False)
    read = [r.symbol for r in reader]

    assert read.count("S/RES/83 (1950)") == 1
    assert len(read) == 16
    assert [p.line for p in reader.problems] == [end + 1]
    assert "S/RES/83 (1950) again, identical to its rows from line 54" in str(reader.problems[0])


def test_a_stray_quote_beside_a_quoted_field_is_read_without_it(
    tmp_path: Path, sample_text: str
) -> None:
    """In a row whose description is quoted (it holds commas), a stray quote is named at
    its line, and a lenient reading still reads the row."""
    lines = sample_text.splitlines(keepends=True)
    for i in range(1, 12):  # every row of resolution 11 (1946): a description with commas
        lines[i] = lines[i].replace(
            ",Security Council resolution 11 (1946) [on", ',"Security, on', 1
        )
        lines[i] = lines[i].replace("Statute of the ICJ],", 'Statute of the ICJ]",', 1)
    lines[3] = lines[3].replace(",S/PV.80,", ',"S/PV.80,', 1)
    path = _write(tmp_path, "".join(lines))

    with pytest.raises(DataError, match=r"line 4, column '\w+': a stray quote"):
        list(history.load_undl(path))
    reader = history.load_undl(path, strict=False)
    read = list(reader)

    assert len(read) == 16
    assert [p.line for p in reader.problems] == [4]
    assert "; the row is read" in str(reader.problems[0])


def test_bad_bytes_named_in_the_files_order_wherever_they_are(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are named at their row's turn, in the header and in a row
    set aside too; strict reading raises at the first problem in the file's order, as
    lenient reading lists them."""
    lines = SAMPLE.read_bytes().splitlines(keepends=True)
    header = lines[0].replace(b"subjects", b"subj\xffects")
    assert header != lines[0]
    in_header = _write(tmp_path, b"".join([header, *lines[1:]]), "header.csv")
    reader = history.load_undl(in_header, strict=False)
    read = list(reader)
    assert len(read) == 16
    assert [(p.line, p.problem) for p in reader.problems] == [(1, "bytes that are not UTF-8")]

    cut = lines[2].rsplit(b",", 3)[0] + b"\n"  # line 3 cut short
    late = lines[150].replace(b",Y,", b",Y\xff,", 1)  # a bad byte on line 151
    assert late != lines[150]
    both = _write(tmp_path, b"".join([*lines[:2], cut, *lines[3:150], late, *lines[151:]]))
    reader = history.load_undl(both, strict=False)
    list(reader)
    named = [(p.line, p.problem) for p in reader.problems]
    assert named[0][0] == 3
    assert (151, "bytes that are not UTF-8") in named
    with pytest.raises(DataError, match="line 3: row has"):
        list(history.load_undl(both))

    rejected = _write(tmp_path, b"".join([lines[0], b"1,\xff\n", *lines[1:]]), "rejected.csv")
    reader = history.load_undl(rejected, strict=False)
    assert len(list(reader)) == 16
    assert [(p.line, p.problem) for p in reader.problems] == [
        (2, "row has 2 of 20 columns (truncated or malformed)"),
        (2, "bytes that are not UTF-8"),
    ]


def test_line_of_a_resolution_read() -> None:
    """The reader says where a resolution it read begins, whatever the symbol's spacing."""
    reader = history.load_undl(SAMPLE)
    list(reader)
    assert reader.line_of("S/RES/11 (1946)") == reader.line_of("s/res/11(1946)") == 2
    assert reader.line_of("S/RES/1 (1900)") is None
    with pytest.raises(unsc.errors.InvalidTypeError):
        reader.line_of(11)  # type: ignore[arg-type]

"""The UN voting file that ``unsc data update`` downloaded is merged into the record of
every new process: ``history.records()``, ``history.get()`` and every note say so, its
differences from the bundle are conflicts, and a file that cannot be read leaves the
bundle alone with a sentence that says why (issue 18, part 5)."""

from __future__ import annotations

import datetime
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import unsc
from unsc import history
from unsc.history.undl import write_undl
from unsc.votes import Vote

SAMPLE = Path(__file__).parent / "fixtures" / "undl_sample.csv"
NAME = "2026_02_06_sc_voting.csv"
store = importlib.import_module("unsc.history._store")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory; the record read afresh from it, and afresh after."""
    monkeypatch.setenv("UNSC_DATA_DIR", str(tmp_path))
    store.session.cache_clear()
    yield tmp_path
    store.session.cache_clear()


def test_without_a_file_the_record_is_the_bundle(cache: Path) -> None:
    assert history.extent().undl == ""
    assert "UN's voting file" not in history.records(year=1980).note
    assert not history.get("S/RES/472 (1980)").has_ballot


def test_a_downloaded_file_fills_the_member_votes(cache: Path) -> None:
    shutil.copy(SAMPLE, cache / NAME)

    merged = history.get("S/RES/472 (1980)")

    assert merged.vote_of("CHN") is Vote.NOT_PARTICIPATING
    assert merged in history.records(year=1980)
    assert history.extent().undl == NAME
    assert f"Member votes also from the UN's voting file {NAME};" in history.records().note
    # the sample's one difference from the bundle (resolution 11 adopted without a vote)
    assert history.records().conflicts == history.load(undl=SAMPLE).conflicts
    # history.load() without a file stays the bundle alone
    assert not history.load().get("S/RES/472 (1980)").has_ballot


def test_differences_are_conflicts_and_the_bundle_is_kept(cache: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace(",CHN,CHINA,True,Y,2023-11-15,", ",CHN,CHINA,True,A,2023-11-15,")
    usa = ",USA,UNITED STATES,True,{},2023-11-15,"
    text = text.replace(usa.format("A"), usa.format("Y"))
    (cache / NAME).write_text(text, encoding="utf-8")

    found = history.records(year=2023)

    assert history.get("S/RES/2712 (2023)").vote_of("USA") is Vote.ABSTAIN
    conflict = next(c for c in found.conflicts if c.field == "votes")
    assert conflict.symbol == "S/RES/2712 (2023)"
    assert f"{len(found.conflicts)} conflicts with it, the bundled record kept" in found.note
    assert history.extent().conflicts == len(found.conflicts)


def test_a_resolution_after_the_bundle_is_added(cache: Path) -> None:
    day = datetime.date(2026, 5, 14)
    council = unsc.Council.of_date(day)
    adopted = unsc.Resolution("S/RES/2830 (2026)", council=council, date=day).with_votes(
        yes=[m.code for m in council.members]
    )
    write_undl([adopted], cache / NAME)

    found = history.get(2830)

    assert found.date == day
    assert found.vote_of("USA") is Vote.YES
    assert history.get("S/RES/2830 (2026)") == found
    assert found in history.records(year=2026)
    assert history.extent().last == day
    note = history.records(year=2026).note
    assert "The record ends on 14 May 2026. Decisions not adopted are on record to 7 April" in note


def test_a_file_that_cannot_be_read_leaves_the_bundle_and_says_so(cache: Path) -> None:
    (cache / NAME).write_bytes(b"\xff\xfe not the UN's file at all\n")

    listing = history.records(year=1980)

    assert not history.get("S/RES/472 (1980)").has_ballot
    assert f"The UN's voting file {NAME} could not be read" in listing.note
    assert listing.problems


def test_a_new_process_merges_the_file_by_itself(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / NAME)
    env = {**os.environ, "UNSC_DATA_DIR": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "history", "--year", "1980"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert f"Member votes also from the UN's voting file {NAME}" in " ".join(run.stdout.split())

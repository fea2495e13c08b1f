"""pandas DataFrames, and a clear error without pandas."""

from __future__ import annotations

import sys

import pytest

import unsc
from unsc import history
from unsc.errors import MissingDependencyError


def test_dataframes() -> None:
    """Records, listings and reports become DataFrames with one row per item."""
    pytest.importorskip("pandas")
    record = history.get("S/2023/772")

    votes = record.to_dataframe()
    assert list(votes.columns) == ["symbol", "date", "code", "name", "permanent", "vote"]
    assert votes["vote"].value_counts().to_dict() == {"abstain": 6, "yes": 5, "no": 4}
    assert len(unsc.decide(record).to_dataframe()) == 15
    assert len(unsc.Council.of_year(1950).to_dataframe()) == 11
    gaza = history.records(year=2023, topic="Gaza").to_dataframe()
    assert list(gaza["symbol"])[:2] == [
        "S/2023/772", "Russian amendment (first) to S/2023/773, 18 October 2023",
    ]  # fmt: skip
    assert gaza["yes"].iloc[0] == 5
    assert gaza["yes"].isna().iloc[1]  # the amendment's counts are not on record
    assert len(history.vetoes().to_dataframe()) == len(history.vetoes())
    assert len(history.replay_undl("tests/fixtures/undl_sample.csv").to_dataframe()) == 0
    power = unsc.analysis.power(unsc.Council.of_year(2023)).to_dataframe()
    assert power.loc[power["seat"] == "USA", "shapley_shubik"].item() == pytest.approx(421 / 2145)
    assert len(unsc.reform.compare(("status-quo", "g4")).to_dataframe()) == 2


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, asking for a DataFrame says how to install it."""
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(MissingDependencyError, match=r"pip install 'unsc\[pandas\]'"):
        history.get("S/2023/772").to_dataframe()


def test_pandas_is_not_imported_by_unsc() -> None:
    """import unsc never imports pandas."""
    import subprocess

    code = "import sys, unsc, unsc.history; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout.strip() == "False"

"""Reform models and their comparison."""

from __future__ import annotations

import pytest

from unsc import reform
from unsc.errors import UnknownPresetError


def test_models_as_proposed() -> None:
    """Seats, permanent members and veto holders as FACTS §6.3 gives them."""
    g4, au, ufc = (
        reform.model("g4").council,
        reform.model("au").council,
        reform.model("ufc").council,
    )

    assert (g4.size, len(g4.permanent), len(g4.veto), g4.rules.quota) == (25, 11, 5, 14)
    assert (au.size, len(au.permanent), len(au.veto), au.rules.quota) == (26, 11, 11, 15)
    assert (ufc.size, len(ufc.permanent), len(ufc.veto), ufc.rules.quota) == (25, 5, 5, 15)
    assert "assumed" in reform.model("g4").assumptions
    assert sorted(m.group for m in g4.permanent if m.code.startswith("NP")) == [
        "AFR", "AFR", "APG", "APG", "GRULAC", "WEOG",
    ]  # fmt: skip


def test_comparison_table() -> None:
    """The side-by-side table has a row per model with power and the odds of passing."""
    comparison = reform.compare()
    text = comparison.table("github")

    assert [m.key for m in comparison.models] == list(reform.MODELS)
    for key in reform.MODELS:
        assert f"| {key}" in text
    assert "0.19627" in text  # a permanent member's Shapley–Shubik index today
    literal = comparison.odds[reform.MODELS.index("literal")]
    today = comparison.odds[reform.MODELS.index("status-quo")]
    assert literal.adopted < today.adopted


def test_unknown_model() -> None:
    """An unknown key lists the models."""
    with pytest.raises(
        UnknownPresetError, match="'g5' is not a reform model; use one of: status-quo, g4"
    ):
        reform.model("g5")

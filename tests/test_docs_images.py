"""The pictures in docs/img are what unsc draws today (regenerate: tools/make_docs_images.py)."""

from __future__ import annotations

import pytest
from _docs_images import ROOT, tool


@pytest.mark.parametrize("name", sorted(tool.PICTURES))
def test_picture_is_current(name: str) -> None:
    """The committed SVG equals a fresh drawing."""
    assert (ROOT / "docs" / "img" / name).read_text(encoding="utf-8") == tool.PICTURES[
        name
    ]() + "\n"

"""The pictures in docs/img are what unsc draws today (regenerate: tools/make_docs_images.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "make_docs_images", ROOT / "tools" / "make_docs_images.py"
)
assert spec is not None
assert spec.loader is not None
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


@pytest.mark.parametrize("name", sorted(tool.PICTURES))
def test_picture_is_current(name: str) -> None:
    """The committed SVG equals a fresh drawing."""
    assert (ROOT / "docs" / "img" / name).read_text(encoding="utf-8") == tool.PICTURES[
        name
    ]() + "\n"

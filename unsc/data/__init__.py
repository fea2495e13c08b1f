"""The bundled data files (see README.md in this folder for where each comes from)."""

from __future__ import annotations

import os

__all__ = ["path", "read_text"]

_HERE = os.path.dirname(os.path.abspath(__file__))


def path(name: str) -> str:
    """The path of the bundled data file ``name``."""
    return os.path.join(_HERE, name)


def read_text(name: str) -> str:
    """The text of the bundled data file ``name`` (UTF-8).

    Plain file reading rather than ``importlib.resources``: the package is installed as
    files, and importing ``importlib.resources`` would cost more than reading the data.
    """
    with open(path(name), encoding="utf-8") as f:
        return f.read()

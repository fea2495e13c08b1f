"""pandas DataFrames for those who have pandas (the ``pandas`` extra); not imported otherwise."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from unsc.errors import MissingDependencyError


def frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A ``pandas.DataFrame`` of ``rows`` with ``columns``, importing pandas only now."""
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    return pandas.DataFrame(list(rows), columns=list(columns))

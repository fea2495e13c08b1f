"""One table value for every result: headers, rows, a caption and notes, rendered to every
tabulate format, HTML, CSV, JSON and a pandas DataFrame.

A result says once how it becomes a [`Table`][unsc._table.Table] (its ``as_table()``); the
[`Tabular`][unsc._table.Tabular] base gives it ``table(fmt)``, ``__str__``,
``_repr_html_`` and ``to_dataframe()`` from that, and the command line prints the same
table. Nothing parses a table's text back: the parts are kept apart until rendered.

Examples:
    >>> from unsc._table import Table
    >>> t = Table(("member", "votes"), (("USA", 3), ("FRA", 1)), caption="Two members.")
    >>> print(t.render("simple"))
    member      votes
    --------  -------
    USA             3
    FRA             1
    <BLANKLINE>
    Two members.
    >>> print(t.render("csv"))
    member,votes
    USA,3
    FRA,1
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs
from tabulate import tabulate

from unsc._args import choice
from unsc._frames import frame

__all__ = ["FORMATS", "MACHINE_FORMATS", "Table", "Tabular"]

#: Formats that carry the data only: no caption, no notes, one row per row.
MACHINE_FORMATS = ("csv", "json")


def _formats() -> tuple[str, ...]:
    from tabulate import tabulate_formats  # read when a format is checked

    return (*tabulate_formats, *MACHINE_FORMATS)


#: Every format a table renders to (tabulate's, then ``csv`` and ``json``).
FORMATS: tuple[str, ...] = _formats()


def _rows(rows: Iterable[Iterable[Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(row) for row in rows)


def _texts(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(texts)


def _tables(tables: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(tables)


@attrs.frozen(repr=False)
class Table:
    """A table of a result: what it shows, and the words that go with it.

    Attributes:
        headers: The column names.
        rows: One tuple of values per row, in the columns' order.
        caption: What the table shows and what it rests on, in sentences.
        notes: Further sentences printed under the caption (sources, the record's extent).
        paragraphs: Paragraphs after the caption and notes, each set apart (a blank line
            before it in text, a paragraph of its own in HTML): findings listed one by one,
            such as each disagreement's reason or each problem in a file.
        floatfmt: How text formats print numbers that are not whole (tabulate's
            ``floatfmt``: one format, or one per column).
        sections: Tables shown before this one's rows (a result of several parts, e.g. the
            outcomes of a forecast before its members); each keeps its own caption.
        data: What JSON and the DataFrame give instead of the rows, when the result has a
            richer form than its printed columns: a list of mappings (one per row, with
            ``data_columns`` as the DataFrame's columns), or for JSON any JSON value.
        data_columns: The columns of ``data``'s rows, in order.
        data_rows: When ``data`` is a document (a mapping, for JSON), the key under which
            it holds its rows as mappings, for CSV and the DataFrame.
        numparse: Whether text formats align text that reads as a number as numbers
            (tabulate's default); off for tables of values that are text.
    """

    headers: tuple[str, ...] = attrs.field(converter=_texts)
    rows: tuple[tuple[Any, ...], ...] = attrs.field(converter=_rows)
    caption: str = ""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    floatfmt: str | tuple[str, ...] = "g"
    sections: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    data: Any = None
    data_columns: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    numparse: bool = True
    data_rows: str = ""

    def __repr__(self) -> str:
        return f"<Table: {len(self.rows)} rows × {len(self.headers)} columns>"

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """One mapping per row, column name to value."""
        return [dict(zip(self.headers, row)) for row in self.rows]

    def words(self) -> str:
        """The caption and the notes, as printed under the table."""
        return "\n".join(part for part in (self.caption, *self.notes) if part)

    def body(self, fmt: str = "simple") -> str:
        """The rows alone in a tabulate format (no caption): empty for a table of no rows;
        no header line for a table without headers."""
        if not self.rows:
            return ""
        return tabulate(
            self.rows,
            headers=self.headers,
            tablefmt=fmt,
            floatfmt=self.floatfmt,
            disable_numparse=not self.numparse,
        )

    def render(self, fmt: str = "simple") -> str:
        """The table as text in ``fmt``: a tabulate format with the caption and notes
        under it, ``html``, or ``csv`` or ``json`` (the data only).

        Raises:
            InvalidTypeError: For a format that is not text.
            UnknownChoiceError: For a format that is none of these, naming them.
        """
        fmt = choice("fmt", fmt, FORMATS)
        if fmt == "csv":
            return self.csv()
        if fmt == "json":
            return self.json()
        if fmt == "html":
            return self.html()
        parts = [section.render(fmt) for section in self.sections]
        parts += [self.body(fmt), self.words(), *self.paragraphs]
        return "\n\n".join(part for part in parts if part)

    def html(self) -> str:
        """The table as HTML: each section's and this table's rows, each caption, note and
        paragraph in a paragraph under its rows (escaped)."""
        parts = [section.html() for section in self.sections]
        if self.rows:
            parts.append(self.body("html"))
        words = (self.caption, *self.notes, *self.paragraphs)
        parts += [f"<p>{html.escape(line)}</p>" for line in words if line]
        return "\n".join(part for part in parts if part)  # a section of no rows nor words: nothing

    def csv(self) -> str:
        """The data as CSV with a header row, no words: ``data``'s rows if the result gave
        them as mappings, else this table's rows."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        data = self._data_rows()
        if isinstance(data, list):
            columns = self.data_columns or self.headers
            writer.writerow(columns)
            writer.writerows([row.get(c) for c in columns] for row in data)
        else:
            if self.headers:
                writer.writerow(self.headers)
            writer.writerows(self.rows)
        return buffer.getvalue().rstrip("\n")

    def json(self) -> str:
        """The data as JSON: ``data`` if the result gave it, else one object per row."""
        data = self.data if self.data is not None else self.records()
        return json.dumps(data, indent=2, ensure_ascii=False, default=str)

    def _data_rows(self) -> Any:
        """``data``'s rows: ``data`` itself, or its ``data_rows`` entry."""
        return self.data[self.data_rows] if self.data_rows else self.data

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (needs the ``pandas`` extra); the caption and
        notes in its ``attrs["caption"]``. Exact fractions in ``data`` become floats there
        (columns of numbers), as CSV and JSON keep them exact, as text (``"421/2145"``)."""
        data = self._data_rows()
        if isinstance(data, list):
            rows = [
                {k: float(v) if isinstance(v, Fraction) else v for k, v in row.items()}
                for row in data
            ]
            found = frame(rows, self.data_columns or self.headers)
        else:
            found = frame(self.records(), self.headers)
        found.attrs["caption"] = self.words()
        return found


class Tabular:
    """A result shown as a table. A subclass defines ``as_table()``; it gets ``table(fmt)``,
    ``str()``, the notebook's HTML and ``to_dataframe()`` from it."""

    __slots__ = ()

    def as_table(self) -> Table:
        """The result as a [`Table`][unsc._table.Table]."""
        raise NotImplementedError

    def table(self, fmt: str = "simple") -> str:
        """The result as text: a tabulate format (``"simple"``, ``"github"``, ``"latex"``…)
        with its caption, or ``"html"``, ``"csv"``, ``"json"``.

        Raises:
            UnknownChoiceError: For a format that is none of these, naming them.
        """
        return self.as_table().render(fmt)

    def __str__(self) -> str:
        return self.as_table().render("simple")

    def _repr_html_(self) -> str:
        return self.as_table().html()

    def to_dataframe(self) -> Any:
        """The result's rows as a ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        return self.as_table().to_dataframe()

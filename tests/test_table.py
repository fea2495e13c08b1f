"""The one table value every result renders through (unsc._table)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from unsc._table import FORMATS, Table, Tabular
from unsc.errors import InvalidTypeError, UnknownChoiceError

T = Table(
    ("member", "share"),
    [("USA", 0.25), ("FRA", 0.125)],
    caption="Shares of two members.",
    notes=["Source: a test."],
    floatfmt=".3f",
)


def test_text_has_rows_then_caption_then_notes() -> None:
    text = T.render("simple")
    assert text.splitlines()[2].split() == ["USA", "0.250"]
    assert text.endswith("\n\nShares of two members.\nSource: a test.")


def test_machine_formats_carry_the_data_only() -> None:
    assert T.render("csv") == "member,share\nUSA,0.25\nFRA,0.125"
    assert json.loads(T.render("json")) == [
        {"member": "USA", "share": 0.25},
        {"member": "FRA", "share": 0.125},
    ]
    given = Table(("a",), [(1,)], data={"whole": True})
    assert json.loads(given.render("json")) == {"whole": True}


def test_html_keeps_rows_and_words_apart_and_escapes_them() -> None:
    page = Table(("a",), [("<b>",)], caption="x < y").html()
    assert "&lt;b&gt;" in page
    assert page.endswith("<p>x &lt; y</p>")
    assert "<br" not in page


def test_sections_come_before_the_rows_each_with_its_caption() -> None:
    first = Table(("outcome", "p"), [("adopted", 0.5)], caption="Outcomes.")
    whole = Table(("member", "yes"), [("USA", 1)], caption="Members.", sections=[first])
    text = whole.render("plain")
    assert text.index("Outcomes.") < text.index("USA") < text.index("Members.")
    assert whole.render("csv") == "member,yes\nUSA,1"


def test_an_empty_table_says_its_words_only() -> None:
    assert Table(("a", "b"), [], caption="Nothing on record.").render() == "Nothing on record."


@pytest.mark.parametrize("fmt", ["Simple", "xlsx", ""])
def test_an_unknown_format_is_refused_naming_the_formats(fmt: str) -> None:
    with pytest.raises(UnknownChoiceError, match="github"):
        T.render(fmt)


def test_a_format_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidTypeError):
        T.render(3)  # type: ignore[arg-type]


def test_every_format_renders() -> None:
    for fmt in FORMATS:
        assert T.render(fmt)


def test_a_tabular_result_gets_its_faces_from_its_table() -> None:
    class Shares(Tabular):
        def as_table(self) -> Table:
            return T

    shares = Shares()
    assert str(shares) == T.render()
    assert shares.table("github") == T.render("github")
    assert shares._repr_html_() == T.html()
    pandas = pytest.importorskip("pandas")
    found = shares.to_dataframe()
    assert isinstance(found, pandas.DataFrame)
    assert list(found.columns) == ["member", "share"]
    assert found.attrs["caption"] == "Shares of two members.\nSource: a test."


def test_repr_and_len_are_short() -> None:
    assert repr(T) == "<Table: 2 rows × 2 columns>"
    assert len(T) == 2


def test_exact_fractions_are_text_in_csv_and_json_and_floats_in_the_frame() -> None:
    """A result's exact values stay exact where text carries them, and become numbers a
    DataFrame can compute with."""
    pytest.importorskip("pandas")
    t = Table(("seat", "share"), (), data=[{"seat": "A", "share": Fraction(1, 3)}])

    assert t.csv() == "seat,share\nA,1/3"
    assert '"share": "1/3"' in t.json()
    assert t.to_dataframe()["share"].tolist() == [pytest.approx(1 / 3)]


def test_a_document_gives_its_rows_to_csv_and_the_dataframe() -> None:
    """A table whose data is a document (JSON) names where its rows are (CSV)."""
    document = {"file": "f.csv", "rows": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]}
    table = Table(("a", "b"), [(1, 2), (3, 4)], data=document, data_rows="rows")

    assert json.loads(table.render("json")) == document
    assert table.render("csv") == "a,b\n1,2\n3,4"

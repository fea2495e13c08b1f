"""Write the example notebooks (outputs cleared): python tools/make_notebooks.py"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

REPLAY = [
    new_markdown_cell(
        "# The vote of 16 October 2023 on S/2023/772\n\n"
        "The Russian draft on Gaza received five votes in favour, four against and six "
        "abstentions. Three permanent members voted no — and the UN records no veto: the "
        "draft failed for lack of votes. This notebook replays it."
    ),
    new_code_cell(
        "import unsc\nfrom unsc import history\n\nrecord = history.get('S/2023/772')\nrecord"
    ),
    new_markdown_cell("The engine's decision, with the picture of the chamber:"),
    new_code_cell("decision = unsc.decide(record)\ndecision"),
    new_code_cell("print(decision.explain())"),
    new_markdown_cell("Beside the record, and what it would have taken to adopt it:"),
    new_code_cell("history.replay('S/2023/772')"),
    new_code_cell("from unsc.analysis import path_to_adoption\n\nprint(path_to_adoption(record))"),
    new_markdown_cell(
        "Two days later the Brazilian draft had twelve votes: then one no was a veto."
    ),
    new_code_cell("unsc.decide(history.get('S/2023/773'))"),
    new_code_cell("record.to_dataframe()"),
]

ANALYSIS = [
    new_markdown_cell(
        "# Power and the odds of passing\n\n"
        "Exact voting power of today's Council, the abstention-aware measure, and the "
        "reform models of 2005 compared."
    ),
    new_code_cell(
        "import unsc\nfrom unsc.analysis import pass_probability, power, ternary_power\n\n"
        "council = unsc.Council.of_year(2026)\npower(council)"
    ),
    new_code_cell("ternary_power(council)"),
    new_code_cell("pass_probability(council, {'USA': (0.2, 0.6, 0.2)})"),
    new_code_cell("from unsc import reform\n\nreform.compare()"),
    new_code_cell("reform.compare().to_dataframe()"),
]


def main() -> None:
    for name, cells in (("replay_oct16.ipynb", REPLAY), ("analysis.ipynb", ANALYSIS)):
        notebook = new_notebook(cells=cells)
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(notebook, EXAMPLES / name)
        print(f"wrote examples/{name}")


if __name__ == "__main__":
    main()

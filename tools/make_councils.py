"""Build unsc/data/councils.csv from the project's facts base.

Run from the repository root with the facts folder beside it:

    python tools/make_councils.py ../shared/facts/membership_by_year_1946_2026.csv

Each council is written with the codes the UN's voting data uses (SUN for the USSR
until 1991, ZAR for Zaire), the quota, and the source of the row. Names members bore
at the time live in unsc/data/names.csv, with their dates. The facts file is the authority; this
script only translates names into codes and fails loudly on any name it cannot place.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "unsc" / "data"

# Names in the facts file that are not a state's name or alias in states.csv.
SPECIAL = {
    "China (Republic of China)": "CHN",
    "China (People's Republic of China)": "CHN",
    "China (ROC until 25 Oct 1971, then PRC)": "CHN",
    "USSR, Russian Federation from 24-25 Dec 1991": "SUN",
}
# Zaire was the name (and the UN's code) of the Democratic Republic of the Congo
# from 1971 to 1997; it sat on the Council in 1982-83 and 1990-91.
ZAIRE_YEARS = {1982, 1983, 1990, 1991}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def main(facts_csv: str) -> None:
    index: dict[str, str] = {}
    with (DATA / "states.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
                index[fold(name)] = row["code"]

    def code(name: str, year: int) -> str:
        name = name.strip()
        found = SPECIAL.get(name) or index.get(fold(name))
        if found is None:
            raise SystemExit(f"{year}: cannot place {name!r}")
        if found == "COD" and year in ZAIRE_YEARS:
            return "ZAR"
        return found

    out = []
    with open(facts_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            permanent = [code(n, year) for n in row["permanent"].split(";")]
            elected = [code(n, year) for n in row["elected"].split(";")]
            out.append(
                {
                    "year": year,
                    "seats": int(row["council_size"]),
                    "quota": int(row["affirmative_votes_required"]),
                    "permanent": " ".join(permanent),
                    "elected": " ".join(sorted(elected)),
                    "source": row["source"],
                }
            )
    with (DATA / "councils.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"wrote {len(out)} councils")


if __name__ == "__main__":
    main(sys.argv[1])

"""The list of vetoes cast in the Council, 1946 to 8 July 2022.

Source: "List of UN Security Council Vetoes (1946-2022)", Carlos L. Yordan / The World
Politics Data Lab, scraped from the UN Dag Hammarskjöld Library's veto list; MIT
licence (``unsc/data/vetoes-LICENSE.txt``). The list ends on 8 July 2022.

Counting convention: one veto per permanent member per vetoed proposal, as in the
Library's list. Vetoed proposals include votes on a "preliminary question" (whether
a matter is procedural), so the double veto of 24 May 1948 counts twice. Other
compilers count differently (some count amendments, or list the USSR and the Russian
Federation together); compare like with like.
"""

from __future__ import annotations

import collections
import csv
import datetime
import functools
import io
from typing import Any

import attrs
from tabulate import tabulate

from unsc import data
from unsc._frames import frame

__all__ = ["CONVENTION", "SOURCE", "Veto", "VetoList", "vetoes"]

#: How vetoes are counted here.
CONVENTION = "one veto per permanent member per vetoed proposal (the UN library's list)"
#: Where the list comes from.
SOURCE = (
    "List of UN Security Council Vetoes (1946-2022), Carlos L. Yordan / The World Politics "
    "Data Lab (MIT licence), scraped from the UN Dag Hammarskjöld Library's veto list "
    "(https://research.un.org/en/docs/sc/quick/veto); last entry 8 July 2022"
)

# The list names members as it finds them; unsc names them by the UN's codes.
_CODES = {
    "USSR": "SUN",
    "Russia": "RUS",
    "China": "CHN",
    "USA": "USA",
    "UK": "GBR",
    "France": "FRA",
}


@attrs.frozen
class Veto:
    """One vetoed proposal.

    Attributes:
        date: The day of the vote.
        draft: The draft's symbol (or, for early years, the meeting record).
        meeting: The meeting record.
        agenda: The agenda item, as the UN library gives it.
        topic: A short topic ("Syria", "Admission").
        region: The region concerned.
        members: Codes of the permanent members that cast the veto.
    """

    date: datetime.date
    draft: str
    meeting: str
    agenda: str
    topic: str
    region: str
    members: tuple[str, ...]


@attrs.frozen
class VetoList:
    """Every veto on the list, with counts per member.

    >>> from unsc import history
    >>> listing = history.vetoes()
    >>> listing.counts()["SUN"], listing.counts()["USA"], listing.counts()["GBR"]
    (90, 82, 29)
    """

    vetoes: tuple[Veto, ...]
    convention: str = CONVENTION
    source: str = SOURCE

    def counts(self) -> dict[str, int]:
        """Vetoes cast per permanent member (by code), most first."""
        counter = collections.Counter(code for veto in self.vetoes for code in veto.members)
        return dict(counter.most_common())

    def by(self, member: str) -> tuple[Veto, ...]:
        """The vetoes cast by ``member`` (a code: ``"SUN"``, ``"RUS"``, ``"USA"``…)."""
        return tuple(v for v in self.vetoes if member in v.members)

    def between(self, first: int, last: int) -> VetoList:
        """The vetoes cast from year ``first`` to year ``last``, inclusive."""
        return attrs.evolve(
            self, vetoes=tuple(v for v in self.vetoes if first <= v.date.year <= last)
        )

    def table(self, fmt: str = "simple") -> str:
        """Counts per member as a table, with the convention and the source beneath."""
        rows = list(self.counts().items())
        body = tabulate(rows, headers=("member", "vetoes"), tablefmt=fmt)
        return f"{body}\n\nCounted as {self.convention}.\nSource: {self.source}"

    def to_dataframe(self) -> Any:
        """One row per vetoed proposal (needs the ``pandas`` extra)."""
        columns = ("date", "draft", "meeting", "agenda", "topic", "region", "members")
        rows = [
            {"date": v.date, "draft": v.draft, "meeting": v.meeting, "agenda": v.agenda,
             "topic": v.topic, "region": v.region, "members": " ".join(v.members)}
            for v in self.vetoes
        ]  # fmt: skip
        return frame(rows, columns)

    def _repr_html_(self) -> str:
        return self.table("html").replace("\n", "<br>")

    def __len__(self) -> int:
        return len(self.vetoes)


@functools.cache
def vetoes() -> VetoList:
    """The list of vetoes, 1946 to 8 July 2022, loaded once."""
    text = data.read_text("vetoes.csv")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        month, day, year = (int(p) for p in row["date"].split("/"))
        members = tuple(
            _CODES[row[column]]
            for column in ("member_veto1", "member_veto2", "member_veto3")
            if row[column]
        )
        rows.append(
            Veto(
                date=datetime.date(year, month, day),
                draft=row["draft"],
                meeting=row["meeting_record"],
                agenda=row["agenda_item"],
                topic=row["crisis_topic"],
                region=row["region"],
                members=members,
            )
        )
    return VetoList(tuple(rows))

"""Replay the Security Council vote of 16 October 2023 on the Russian draft S/2023/772.

Five members voted in favour, four against (among them three permanent members)
and six abstained. The draft was not adopted for lack of votes, and the UN does
not record it as a veto: a permanent member's "no" is a veto only when the draft
otherwise had the nine votes it needs.

Run:  python examples/replay_oct16.py
"""

import datetime

import unsc

council = unsc.Council.of_year(2023)
draft = unsc.Resolution(
    "S/2023/772",
    council=council,
    date=datetime.date(2023, 10, 16),
    title="Russian draft on the situation in Gaza",
    sponsors="Russia",
).with_votes(
    yes="China, Gabon, Mozambique, Russia, United Arab Emirates",
    no="France, Japan, United Kingdom, United States",
    abstain="Albania, Brazil, Ecuador, Ghana, Malta, Switzerland",
    complete=True,
)
decision = unsc.decide(draft)

print(f"{draft.symbol}, {draft.date:%d %B %Y}: {draft.title}\n")
print(decision)  # the votes, the verdict, and why, filled to 80 columns

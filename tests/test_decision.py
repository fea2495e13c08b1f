"""The Decision record, the engine that makes it, and the sentences it says (unsc.decision,
unsc._prose)."""

from __future__ import annotations

import textwrap

import attrs
import pytest

import unsc
from unsc import Outcome, history
from unsc.decision import Decision, decide
from unsc.rules import CHARTER_1965, LITERAL_1965, TWO_VETOES


@pytest.mark.parametrize("symbol", ["S/2023/772", "S/2023/773", "S/2023/792", "S/RES/2712 (2023)"])
@pytest.mark.parametrize("rules", [None, CHARTER_1965, LITERAL_1965, TWO_VETOES])
def test_every_way_in_gives_the_same_decision(symbol: str, rules: unsc.Rules | None) -> None:
    """unsc.decide, Rules.decide and Resolution.decide are one engine; Rules.count gives
    what the decision records."""
    record = history.get(symbol)
    by = rules or record.council.rules
    decision = decide(record, rules)
    assert decision == by.decide(record) == record.decide(rules) == unsc.decide(record, rules)
    assert by.count(record) == (decision.outcome, decision.vetoed_by, decision.permanent_against)
    assert by.outcome_of(record) is decision.outcome


def test_a_decision_by_counts_is_counted_from_them() -> None:
    """A record known only by its counts takes the counting path, not the hot path."""
    record = history.get(678)  # 12–2–1 (1990), no member named
    assert record.counts is not None
    assert decide(record).outcome is Outcome.ADOPTED
    assert CHARTER_1965.count(record) == (Outcome.ADOPTED, (), ())


def test_explain_returns_sentences_unwrapped(s_2023_772: unsc.Resolution) -> None:
    """explain() is the sentences on one line; printing the decision fills them to 80
    columns, word for word the same."""
    decision = decide(s_2023_772)
    text = decision.explain()
    assert "\n" not in text
    assert text.startswith("Not adopted: 5 votes in favour where 9 are required")
    printed = str(decision).split(decision.verdict + "\n", 1)[1]
    assert printed == textwrap.fill(text, 80)
    assert max(len(line) for line in printed.splitlines()) <= 80
    assert text in decision._repr_html_()  # no apostrophes or ampersands to escape here


def test_replay_prints_the_explanation_filled() -> None:
    replay = history.replay("S/2023/772")
    assert textwrap.fill(replay.decision.explain(), 80) in str(replay)


def test_a_callers_decision_must_be_what_the_rules_say(s_2023_772: unsc.Resolution) -> None:
    with pytest.raises(unsc.errors.InvalidFieldError, match="these votes give insufficient"):
        Decision(s_2023_772, CHARTER_1965, "adopted")
    made = Decision(
        s_2023_772, CHARTER_1965, "insufficient votes", (), decide(s_2023_772).permanent_against
    )
    assert made == decide(s_2023_772)
    assert attrs.evolve(made, rules=CHARTER_1965) == made


def test_decide_refuses_what_is_not_a_record_or_rules(s_2023_772: unsc.Resolution) -> None:
    with pytest.raises(unsc.errors.InvalidTypeError, match=r"decide\(resolution\)"):
        decide("S/2023/772")  # type: ignore[arg-type]
    with pytest.raises(unsc.errors.InvalidTypeError, match=r"decide\(rules\)"):
        decide(s_2023_772, "charter-1965")  # type: ignore[arg-type]
    with pytest.raises(unsc.errors.InvalidTypeError, match=r"decide\(resolution\)"):
        CHARTER_1965.decide(42)  # type: ignore[arg-type]


def test_the_public_names_stay_where_users_find_them() -> None:
    assert unsc.Decision is Decision
    assert unsc.decide is decide
    assert "Decision" in unsc.__all__
    assert "decide" in unsc.__all__


def test_a_decision_is_one_table_in_every_format() -> None:
    """The votes, the verdict and the explanation: text, CSV of the votes, JSON of the
    decision, the notebook's HTML under the picture; print() fills the explanation."""
    import json

    from unsc import serial
    from unsc.errors import InvalidFieldError, InvalidTypeError

    decision = unsc.decide(history.get("S/2023/772"))
    text = decision.table()

    assert text.splitlines()[0].split() == ["member", "code", "seat", "vote"]
    assert decision.verdict + "\n" + decision.explain() in text
    assert decision.table("csv").splitlines()[1] == "Albania,ALB,elected,abstain"
    assert json.loads(decision.table("json")) == json.loads(serial.to_json(decision))
    assert str(decision) == decision.as_table(width=80).render("simple")
    assert decision._repr_html_().startswith("<svg")
    assert decision.explain() in decision._repr_html_()
    with pytest.raises(InvalidTypeError):
        decision.as_table(width="80")  # type: ignore[arg-type]
    with pytest.raises(InvalidFieldError):
        decision.as_table(width=-1)

"""What a hostile caller passes, and everything public there is to pass it to.

Shared by tests/test_fuzz_api.py (bounded by hypothesis settings) and
tools/fuzz_survey.py (the figures in docs/robustness.md).
"""

from __future__ import annotations

import datetime
import decimal
import enum
import fractions
import inspect
import math
from collections.abc import Callable
from typing import Any

import unsc
from unsc import analysis, batch, history, members, procedure, reform, rules, serial, teaching
from unsc import council as council_module
from unsc import resolution as resolution_module
from unsc import votes as votes_module

#: The namespaces whose ``__all__`` is the public surface (strategies is for tests, cli
#: for tests/test_fuzz.py's command lines).
MODULES = [unsc, analysis, batch, council_module, history, members, procedure, reform,
           resolution_module, rules, serial, teaching, votes_module]  # fmt: skip

#: Names not called: they print or read a terminal, or are the error classes themselves.
SKIP = {"run_quiz", "errors", "UNSCError"}


def hostile_values() -> list[Any]:
    """Values of every kind a caller might pass by mistake or on purpose."""
    c2023 = unsc.Council.of_year(2023)
    record = history.get("S/2023/772")
    return [
        None, True, False, 0, 1, -1, 2, 3, 9, 15, 16, 80, 1800, 1945, 1946, 1965, 1966, 2023,
        2026, 2030, 10**8, 2**31, 2**63, -(2**63), 10**400, 0.5, 1.5, -0.25, math.nan, math.inf,
        -math.inf, 1e308, decimal.Decimal("NaN"), decimal.Decimal("1e999999"),
        fractions.Fraction(1, 3), complex(1, 1), "", " ", "   ", "\x00", "2023", "1800",
        "2023-10-16", "16/10/2023", "2023-W42-1", "20231016", "2023-02-30", "USA", "usa",
        "United States", "Freedonia", "S/2023/772", "S/RES/2712 (2023)", "Y", "yes", "veto",
        "adopted", "banzhaf", "identical", "decade", "year", "g4", "outcome", "swing", "VI",
        "CHN GAB", "x" * 300, b"USA", ["USA", "RUS"], ("USA", "RUS"), ("USA",), (1900, 1901),
        (2030, 2040), (2023, 2023), (2025, 2000), [], (), {}, {"USA": (1, 0, 0)},
        {"USA": (0.5, 0.5, 0), "United States": (1, 0, 0)}, {"USA": "x"}, {None: 1},
        {"yes": 1}, range(10**9), iter(()), [record, None], [None], [record], {"a": [None]},
        datetime.date(2023, 10, 16), datetime.date(1900, 1, 1), datetime.date(9999, 12, 31),
        datetime.datetime(1971, 10, 25, 12), c2023, record, unsc.decide(record),
        unsc.Rules("x", 20), unsc.Rules("x", 9, vetoes_needed=10**8), unsc.Vote.YES,
        unsc.Outcome.ADOPTED, unsc.Matter.PROCEDURAL, object(), print, type,
    ]  # fmt: skip


def _build(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except Exception:
        return None


def samples() -> dict[str, Any]:
    """One instance of each public result, to call its methods."""
    c2023 = unsc.Council.of_year(2023)
    record = history.get("S/2023/772")
    found = history.records(year=2023)
    together = analysis.agreement(found)
    makers: dict[str, Callable[[], Any]] = {
        "Council": lambda: c2023,
        "Resolution": lambda: record,
        "Decision": lambda: unsc.decide(record),
        "Tally": lambda: unsc.decide(record).tally,
        "Rules": lambda: rules.CHARTER_1965,
        "Member": lambda: c2023["USA"],
        "Outcomes": lambda: unsc.decide_many([record, history.get("S/RES/2712 (2023)")]),
        "RecordList": lambda: found,
        "Summary": lambda: history.summary(),
        "VetoList": lambda: history.vetoes(),
        "Replay": lambda: history.replay("S/2023/772"),
        "ReplayReport": lambda: history.replay_all(records=found),
        "PowerIndices": lambda: analysis.power(c2023),
        "PassProbability": lambda: analysis.pass_probability(c2023),
        "Agreement": lambda: together,
        "Blocs": lambda: analysis.blocs(together),
        "Trend": lambda: analysis.agreement_trend(history.records(years=(2020, 2023))),
        "Learned": lambda: analysis.vote_probabilities(["USA", "RUS"], found),
        "VoteProbabilities": lambda: analysis.vote_probabilities("USA", found),
        "Forecast": lambda: analysis.forecast(record, found),
        "Backtest": lambda: analysis.backtest(years=(2022, 2023)),
        "Simulation": lambda: analysis.simulate(c2023, n=50, seed=1),
        "Swing": lambda: analysis.swing(record),
        "AdoptionPath": lambda: analysis.path_to_adoption(record),
        "Meeting": lambda: procedure.Meeting.on("2023-10-16"),
        "ReformModel": lambda: reform.model("g4"),
        "Exercise": lambda: teaching.exercises(seed=1, count=1)[0],
    }
    return {name: value for name, make in makers.items() if (value := _build(make)) is not None}


def _public(owner: Any) -> list[str]:
    return [n for n in dir(owner) if not n.startswith("_") or n == "__getitem__"]


def targets(objects: dict[str, Any]) -> list[tuple[str, Callable[..., Any]]]:
    """Every public function, class (its constructor and class methods) and method of the
    sample results, by name."""
    found: dict[str, Callable[..., Any]] = {}
    for module in MODULES:
        for name in getattr(module, "__all__", ()):
            if name in SKIP:
                continue
            value = getattr(module, name)
            if inspect.isfunction(value):
                found.setdefault(f"{value.__module__}.{name}", value)
            elif inspect.isclass(value) and not issubclass(value, BaseException):
                found.setdefault(f"{value.__module__}.{name}", _constructor(value))
                for attribute in _public(value):
                    member = inspect.getattr_static(value, attribute, None)
                    if isinstance(member, (classmethod, staticmethod)):
                        found.setdefault(
                            f"{value.__module__}.{name}.{attribute}", getattr(value, attribute)
                        )
    for kind, instance in objects.items():
        for attribute in _public(type(instance)):
            try:
                member = getattr(instance, attribute)
            except Exception:
                continue
            if callable(member) and not inspect.isclass(member) and _ours(member):
                found.setdefault(f"{type(instance).__module__}.{kind}.{attribute}", member)
    return sorted(found.items())


def _constructor(cls: type) -> Callable[..., Any]:
    """The class itself, or for an Enum, a lookup by value (its functional API of many
    arguments is Python's, not unsc's)."""
    if issubclass(cls, enum.Enum):

        def lookup(value: Any) -> Any:
            return cls(value)

        lookup.__name__ = cls.__name__
        return lookup
    return cls


def _ours(method: Any) -> bool:
    """A method unsc defines (not one inherited from a builtin or collections.abc)."""
    function = getattr(method, "__func__", method)
    return (getattr(function, "__module__", None) or "").startswith("unsc")

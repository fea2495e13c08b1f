"""The import graph, read from the source: imports flow one way, and drawing sits outside
the core (issue 20). Read with ``ast``, so that nothing here depends on import order."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "unsc"
#: The records and the rule: what a picture must not need.
CORE = ("unsc.rules", "unsc.council", "unsc.resolution", "unsc.decision")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> Iterator[tuple[str, str | None, bool]]:
    """(module, name imported from it or None, whether it runs when the module loads)."""

    def walk(nodes: list[ast.stmt], at_load: bool) -> Iterator[tuple[str, str | None, bool]]:
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, None, at_load
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    if _is_module(sub):  # `from unsc import _svg` imports a module
                        yield sub, None, at_load
                    else:
                        yield node.module, alias.name, at_load
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from walk(node.body, False)
            elif isinstance(node, ast.If) and _type_checking(node):
                yield from walk(node.body, False)
                yield from walk(node.orelse, at_load)
            else:
                for field in ("body", "orelse", "finalbody"):
                    inner = getattr(node, field, None)
                    if isinstance(inner, list):
                        yield from walk([n for n in inner if isinstance(n, ast.stmt)], at_load)
                for handler in getattr(node, "handlers", []):
                    yield from walk(handler.body, at_load)

    tree = ast.parse(path.read_text(encoding="utf-8"))
    yield from walk(tree.body, True)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _loads(module: str) -> set[str]:
    """The unsc modules ``module`` imports as it loads (the package's __init__ aside)."""
    return {
        target
        for target, _, at_load in _imports(MODULES[module])
        if at_load and target.startswith("unsc.") and target in MODULES
    }


def test_drawing_imports_nothing_of_the_records() -> None:
    """`_svg` draws from seats and words: no import of the rule or the records, anywhere in
    it, not even for an annotation."""
    named = {target for target, _, _ in _imports(MODULES["unsc._svg"])}
    assert named.isdisjoint(CORE), sorted(named & set(CORE))


@pytest.mark.parametrize("module", CORE)
def test_the_core_loads_no_picture_code(module: str) -> None:
    """The rule and the records reach the picture only on demand, inside a method."""
    assert not {m for m in _loads(module) if m in ("unsc._svg", "unsc._plot")}


def test_the_core_imports_flow_one_way() -> None:
    """No cycle among the modules as they load: each builds only on those below it."""
    graph = {module: _loads(module) for module in MODULES if module != "unsc"}
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        if module in trail:
            cycle = (*trail[trail.index(module) :], module)
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            visit(target, (*trail, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


#: The teaching modules: the exercise record, its makers, the misconceptions, the series,
#: the quiz and the worksheet (issue 20 part 5).
TEACHING = tuple(sorted(m for m in MODULES if m.startswith("unsc.teaching")))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_crosses_a_module(module: str) -> None:
    """A shared helper has a public name (in a private module if it is not for users):
    no module of the package imports another's private name (issue 20 part 5)."""
    private = [
        f"{source}.{name}"
        for source, name, _ in _imports(MODULES[module])
        if name and name.startswith("_") and not name.startswith("__")
    ]
    assert not private, private


def test_the_teaching_modules_build_one_on_another() -> None:
    """The record below its makers, the makers below the series; the quiz and the sheet
    take exercises, whoever made them."""
    assert len(TEACHING) >= 7, TEACHING
    assert not {m for m in _loads("unsc.teaching.exercise") if m.startswith("unsc.teaching")}
    assert "unsc.teaching.exercises" not in _loads("unsc.teaching.makers")
    assert "unsc.teaching.exercise" in _loads("unsc.teaching.makers")
    assert "unsc.teaching.makers" not in _loads("unsc.teaching.quiz")


def test_the_decision_module_is_below_the_records() -> None:
    """The engine builds on the rule; the rule reaches the engine only when it decides."""
    assert "unsc.decision" not in _loads("unsc.rules")
    assert "unsc.rules" in _loads("unsc.decision")
    assert "unsc.decision" in _loads("unsc.resolution")

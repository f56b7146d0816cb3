"""The shape of the code (issue 13): modules a reader can hold in their head, imports that point one way, thin handlers.
(That the library never imports the tools is the layer check: tests/support/layer.py, FORBIDDEN.)

Import cycles are judged on module-level imports (an import inside a function runs late, on the path that needs it,
and cannot deadlock a cold start); the layer and the tools are one graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.layer import modules, names_of

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS = ROOT / "functions"
MAX_MODULE_LINES = 450
MAX_HANDLER_LINES = 25
MODULES = modules(ROOT / "layers" / "optledger") | modules(ROOT / "tools", "optledger_tools")


def top_level_imports(name: str, path: Path) -> set[str]:
    """Modules of ours imported when ``name`` is imported (not inside functions, not under TYPE_CHECKING)."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            else:
                found.update(names_of(node, path, name))

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return {m for m in found if m in MODULES and m != name}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := walk(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := walk(node)):
            return cycle
    return None


def test_no_import_cycle():
    graph = {name: top_level_imports(name, path) for name, path in MODULES.items()}
    # A package's __init__ importing its own submodules is how packages re-export; only real cycles count.
    for name in graph:
        graph[name] = {m for m in graph[name] if not (MODULES[name].name == "__init__.py" and m.startswith(name + "."))}
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_at_most_450_lines(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines"


def handler_bodies():
    for app in sorted(FUNCTIONS.glob("*/app.py")):
        for node in ast.parse(app.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and (node.decorator_list or node.name == "lambda_handler"):
                first = node.body[0]
                start = (
                    first.end_lineno + 1
                    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    else first.lineno
                )
                yield f"{app.parent.name}.{node.name}", node.end_lineno - start + 1


@pytest.mark.parametrize(("handler", "lines"), list(handler_bodies()))
def test_every_handler_and_route_body_is_under_25_lines(handler, lines):
    assert lines < MAX_HANDLER_LINES, f"{handler}: {lines} lines"


def test_handlers_were_found():
    names = [name for name, _ in handler_bodies()]
    assert len(names) >= 15 and "webhooks.lambda_handler" in names and "consents.post_evidence" in names

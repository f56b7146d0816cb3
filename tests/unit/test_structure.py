"""The shape of the code (issue 13): modules a reader can hold in their head, imports that point one way, thin handlers.

Import cycles are judged on module-level imports (an import inside a function runs late, on the path that needs it,
and cannot deadlock a cold start); the layer and the tools are one graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {
    "optledger": ROOT / "layers" / "optledger" / "optledger",
    "optledger_tools": ROOT / "tools" / "optledger_tools",
}
FUNCTIONS = ROOT / "functions"
MAX_MODULE_LINES = 450
MAX_HANDLER_LINES = 25


def modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((package, *parts))] = path
    return found


MODULES = modules()


def top_level_imports(name: str, path: Path) -> set[str]:
    """Modules of ours imported when ``name`` is imported (not inside functions, not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
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
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)

    visit(tree.body)
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


def test_the_domain_library_never_imports_the_tools():
    offenders = []
    for name, path in MODULES.items():
        if name.startswith("optledger."):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                offenders += [f"{name} imports {n}" for n in names if n.split(".")[0] == "optledger_tools"]
    assert not offenders


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

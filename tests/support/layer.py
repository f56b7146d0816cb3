"""What the Lambda layer may hold: only the code Lambda runs (DESIGN section 2).

One check for two places: the layer's source (``layers/optledger``, what ``sam build`` packages) and the output of
``make build`` (``.aws-sam/build/OptLedgerLayer/python``, beside the built functions). Imports are read with ``ast``,
nothing is imported. Used by tests/unit/test_layer_contents.py and by .ci/artifact_test.py after CI's build.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

# The local server, emulator and operator CLI, and what only they use, live in tools/optledger_tools.
MOVED_OUT = ("local", "cli", "imports", "dayrun", "replay", "serve", "sign", "connect")
# Nothing in the layer may import these: local-only dependencies, and the tools package itself.
FORBIDDEN = ("moto", "werkzeug", "yaml", "optledger_tools")
# Modules the code names as text and imports at run time (the provider registry's plugin table).
LOADED_BY_NAME = ("optledger.providers.",)


def modules(root: Path, package: str = "optledger") -> dict[str, Path]:
    """Every module of ``package`` under ``root``, by dotted name."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_names(path: Path, module: str) -> set[str]:
    """Every module a file imports, anywhere in it (lazy imports inside functions too), as dotted names: for
    ``from a import b`` both ``a`` and ``a.b`` (b may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names |= names_of(node, path, module)
    return names


def names_of(node: ast.AST, path: Path, module: str) -> set[str]:
    """The dotted names one import statement of ``module`` (in file ``path``) brings in; empty for other nodes."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if not isinstance(node, ast.ImportFrom):
        return set()
    base = node.module or ""
    if node.level:
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    return {base} | {f"{base}.{alias.name}" for alias in node.names}


def reachable(layer: dict[str, Path], entry_points: Iterable[Path]) -> set[str]:
    """The layer's modules that the functions import, directly or through each other (with their packages)."""
    stack = [name for entry in entry_points for name in imported_names(entry, "app")]
    seen: set[str] = set()
    while stack:
        name = stack.pop()
        if name not in layer or name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        stack += [".".join(parts[:n]) for n in range(1, len(parts))]  # importing a.b.c runs a and a.b
        stack += imported_names(layer[name], name)
        if any(f"{name}.".startswith(prefix) for prefix in LOADED_BY_NAME):
            stack += [other for other in layer if any(other.startswith(prefix) for prefix in LOADED_BY_NAME)]
    return seen


def layer_problems(root: Path, entry_points: Iterable[Path]) -> list[str]:
    """What in the layer rooted at ``root`` (the directory that holds ``optledger/``) is not runtime code; each
    problem one line. ``entry_points``: the functions' ``app.py`` files."""
    entries = list(entry_points)
    if not (root / "optledger" / "__init__.py").is_file() or not entries:
        return [f"{root} holds no optledger package, or there is no function to start from"]
    layer = modules(root)
    problems = [
        f"optledger/{name} is local-only code in the layer (it belongs in tools/optledger_tools)"
        for name in MOVED_OUT
        if (root / "optledger" / name).is_dir() or (root / "optledger" / f"{name}.py").is_file()
    ]
    problems += [f"{name} is in the layer" for name in FORBIDDEN if (root / name).exists()]
    for name, path in layer.items():
        bad = sorted({i.split(".")[0] for i in imported_names(path, name)} & set(FORBIDDEN))
        problems += [f"{name} imports {', '.join(bad)}"] if bad else []
    used = reachable(layer, entries)
    problems += [
        f"{name} is imported by no function: not runtime code (tools/optledger_tools, or delete it)"
        for name in sorted(set(layer) - used)
    ]
    return problems

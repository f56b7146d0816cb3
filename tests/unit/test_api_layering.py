"""The HTTP plumbing (optledger.api) sits above the domain: no domain module imports it, and the functions reach
the resolver, bodies and authentication only through it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "layers" / "optledger" / "optledger"
# Not domain: the HTTP package itself, and the local server and CLI (moving out of the layer, issue 13).
OUTSIDE_DOMAIN = ("api/", "local/", "cli.py")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


DOMAIN = sorted(p for p in LIBRARY.rglob("*.py") if not p.relative_to(LIBRARY).as_posix().startswith(OUTSIDE_DOMAIN))


@pytest.mark.parametrize("module", DOMAIN, ids=lambda p: p.relative_to(LIBRARY).as_posix())
def test_no_domain_module_imports_the_http_plumbing(module):
    http = {
        m
        for m in imported_modules(module)
        if m == "optledger.api" or m.startswith(("optledger.api.", "optledger.http"))
    }
    assert not http, f"{module.name} imports {sorted(http)}"


def test_the_domain_list_is_not_empty_and_the_old_http_module_is_gone():
    assert len(DOMAIN) > 30
    assert not (LIBRARY / "http.py").exists()
    assert (LIBRARY / "api" / "resolver.py").is_file()


def test_no_route_authenticates_by_hand():
    # One mechanism: optledger.api.auth.caller_middleware, installed on the resolver of each authenticated function.
    for app in sorted((ROOT / "functions").glob("*/app.py")):
        text = app.read_text(encoding="utf-8")
        assert "require_caller" not in text and "authenticate(" not in text, app.parent.name

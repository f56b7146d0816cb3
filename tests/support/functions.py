"""Importing the Lambda functions the way the Lambda runtime does (each is a module called ``app``)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from optledger_tools.local.server import load_function

ROOT = Path(__file__).resolve().parents[2]


def function(name: str) -> ModuleType:
    return load_function(ROOT, f"functions/{name}")

"""What each function's cold import must not load: modules of routes and steps the function's usual invocation never
takes (they are imported on their own paths), and the X-Ray SDK when tracing by the SDK is off (the default).

Timings are measured by ``bench/cold_imports.py`` and ``bench/cold_invocations.py``, never asserted here: these tests
only catch an import that brings a rare path's modules back into every cold start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYER = ROOT / "layers" / "optledger"

# Never imported by any function's cold import.
NOWHERE = (
    "aws_xray_sdk",  # only with POWERTOOLS_TRACE_DISABLED=false (XRaySdkTracing=true)
    "optledger.openapi",  # GET /openapi.json builds it
    "optledger.classify_phrases",  # the first reply in words loads the phrase reader
    "optledger.reply_reader",  # and the learned second opinion with it
    "optledger.reply_model",
    "optledger_tools",
    "moto",
)
# The modules each function's usual invocation does not use, with the path that imports them instead.
NOT_IMPORTED: dict[str, tuple[str, ...]] = {
    # A STOP or a reply: no evidence objects, no bus (the publisher reads the stream), no bundle writer.
    "webhooks": ("optledger.bucket", "optledger.bus", "optledger.evidence", "optledger.bundles", "optledger.views"),
    # The send gate: the state and history views, campaign administration (and its disclosure checker), consent from
    # other channels, reviews, the console's listing, the evidence writer and bucket, the chain writer, the provider
    # registry.
    "consents": (
        "optledger.views",
        "optledger.review_deadlines",
        "optledger.campaign_admin",
        "optledger.disclosures",
        "optledger.offline",
        "optledger.reviews",
        "optledger.console_data",
        "optledger.evidence",
        "optledger.bundles",
        "optledger.bucket",
        "optledger.ledger",
        "optledger.chain",
        "optledger.providers",
    ),
    # An opt-in: no provider registry, no evidence objects, no bus.
    "optins": ("optledger.providers", "optledger.bucket", "optledger.bus", "optledger.evidence", "optledger.sendgate"),
    # Reads a state and calls End User Messaging: no chain writer, no registry, no bucket, no bus.
    "optoutsync": (
        "optledger.ledger",
        "optledger.chain",
        "optledger.providers",
        "optledger.bucket",
        "optledger.bus",
        "optledger.sendgate",
    ),
    # The daily run reads the ledger and writes bundles: not the consent views, the gate or the chain writer.
    "bundler": ("optledger.views", "optledger.sendgate", "optledger.ledger", "optledger.providers", "optledger.bus"),
    # Stream records to the bus: no phone numbers parsed, no campaigns, no storage.
    "publisher": ("phonenumbers", "optledger.store", "optledger.campaigns", "optledger.runtime"),
    # Static files: no AWS SDK at all.
    "console": ("boto3", "phonenumbers", "optledger.store"),
}


def imported_by(function: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``functions/<function>/app.py`` with the defaults."""
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('app', {str(ROOT / 'functions' / function / 'app.py')!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    env = {"PYTHONPATH": str(LAYER), "AWS_DEFAULT_REGION": "us-east-1", "POWERTOOLS_TRACE_DISABLED": "true"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return set(done.stdout.split())


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("function", sorted(NOT_IMPORTED))
def test_a_cold_import_loads_only_what_the_usual_invocation_uses(function: str) -> None:
    # Given a fresh interpreter, when it imports the function as Lambda does
    modules = imported_by(function)
    # Then the function itself was imported (the check below means something) ...
    assert "optledger.observability" in modules
    # ... and nothing of the paths it rarely or never takes
    assert [m for m in (*NOWHERE, *NOT_IMPORTED[function]) if loaded(modules, m)] == []


def test_every_function_is_listed() -> None:
    functions = {p.parent.name for p in (ROOT / "functions").glob("*/app.py")}
    # linkrotation runs once a month and imports only its rotation module and boto3.
    assert functions - {"linkrotation"} == set(NOT_IMPORTED)

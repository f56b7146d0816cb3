"""The local API serves the template's routes whose function code is in the checkout, and says which are not."""

from __future__ import annotations

import shutil
from pathlib import Path

from optledger_tools.local.server import LocalApi

ROOT = Path(__file__).resolve().parents[2]


def test_a_function_without_code_is_not_served_and_is_named(tmp_path):
    shutil.copy(ROOT / "template.yaml", tmp_path / "template.yaml")
    (tmp_path / "functions" / "webhooks").mkdir(parents=True)
    shutil.copy(ROOT / "functions" / "webhooks" / "app.py", tmp_path / "functions" / "webhooks" / "app.py")

    api = LocalApi(tmp_path)

    assert "functions/consents" in api.missing and "functions/optins" in api.missing
    assert "functions/webhooks" not in api.missing
    assert api.route("GET", "/health") is not None
    assert api.route("POST", "/webhooks/twilio") is not None
    assert api.route("GET", "/consents/+14155550123") is None


def test_literal_routes_win_over_parameterised_ones():
    api = LocalApi(ROOT)
    assert api.route("POST", "/consents/check").path == "/consents/check"
    assert api.route("GET", "/consents/+14155550123").path == "/consents/{phone}"

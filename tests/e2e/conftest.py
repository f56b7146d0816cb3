"""``optledger serve`` started as a user starts it, on free ports, for tests over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.serve import ROOT, Served, ServeFailed, serve

TWILIO_TOKEN = "e2e-twilio-token"
API_KEY = "e2e-api-key"

__all__ = ["API_KEY", "ROOT", "TWILIO_TOKEN", "Served"]


@pytest.fixture(scope="session")
def served() -> Iterator[Served]:
    try:
        with serve({"TWILIO_AUTH_TOKEN": TWILIO_TOKEN, "API_KEY": API_KEY}) as instance:
            yield instance
    except ServeFailed as error:
        pytest.fail(str(error))

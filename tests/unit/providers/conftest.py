"""Helpers for the provider adapter tests: the recorded samples in ``events/webhooks`` and ways to spoil them."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from optledger.providers import WebhookRequest

SAMPLES = Path(__file__).resolve().parents[3] / "events" / "webhooks"


def load_sample(provider: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{provider}.json").read_text(encoding="utf-8"))


def sample_request(sample: dict[str, Any]) -> WebhookRequest:
    return WebhookRequest(sample["method"], sample["url"], sample["headers"], sample["body"].encode("utf-8"))


def sample_now(sample: dict[str, Any], *, later: float = 0) -> datetime:
    return datetime.fromisoformat(sample["now"].replace("Z", "+00:00")) + timedelta(seconds=later)


def with_body(request: WebhookRequest, body: bytes) -> WebhookRequest:
    return replace(request, body=body)


def tampered(request: WebhookRequest, old: bytes, new: bytes) -> WebhookRequest:
    assert old in request.body, "the tamper target must be in the body"
    return with_body(request, request.body.replace(old, new, 1))


def without_header(request: WebhookRequest, name: str) -> WebhookRequest:
    assert request.header(name) is not None, f"{name} must be in the sample"
    return replace(request, headers={k: v for k, v in request.headers.items() if k != name.lower()})


def with_header(request: WebhookRequest, name: str, value: str) -> WebhookRequest:
    return replace(request, headers={**request.headers, name.lower(): value})


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Unit tests run with sockets off: any connection attempt fails the test loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("unit tests must not open network connections")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield

"""Turning the recorded provider samples of ``events/webhooks`` into API Gateway events and configured secrets."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SAMPLES = Path(__file__).resolve().parents[2] / "events" / "webhooks"
HTTP_PROVIDERS = ("telnyx", "bandwidth", "vonage", "plivo", "sinch", "bird", "ringcentral")


def load_sample(provider: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{provider}.json").read_text(encoding="utf-8"))


def sample_now(sample: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(sample["now"].replace("Z", "+00:00"))


def http_event(method: str, url: str, headers: dict[str, str], body: str) -> dict[str, Any]:
    """An API Gateway HTTP API (payload 2.0) event for a call to ``url``."""
    parts = urlsplit(url)
    lowered = {k.lower(): v for k, v in headers.items()}
    return {
        "version": "2.0",
        "routeKey": f"{method} {parts.path}",
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "headers": {"host": parts.hostname or "", **lowered},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abcdef1234",
            "domainName": parts.hostname,
            "http": {
                "method": method,
                "path": parts.path,
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": lowered.get("user-agent", ""),
            },
            "requestId": "req",
            "routeKey": f"{method} {parts.path}",
            "stage": "$default",
            "timeEpoch": 0,
        },
        "body": body or None,
        "isBase64Encoded": False,
    }


def sample_event(sample: dict[str, Any]) -> dict[str, Any]:
    return http_event(sample["method"], sample["url"], sample["headers"], sample["body"])


def sns_event(sample: dict[str, Any]) -> dict[str, Any]:
    """The Lambda event SNS delivers for the recorded SNS message (Lambda spells the URL key SigningCertUrl)."""
    message = json.loads(sample["body"])
    message["SigningCertUrl"] = message.pop("SigningCertURL")
    return {
        "Records": [
            {
                "EventSource": "aws:sns",
                "EventVersion": "1.0",
                "EventSubscriptionArn": message["TopicArn"] + ":sub",
                "Sns": message,
            }
        ]
    }

"""Building signed Twilio webhook calls the way Twilio makes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from optledger.providers.twilio import compute_signature

EVENTS = Path(__file__).resolve().parents[2] / "events"
TOKEN = "test-twilio-auth-token"  # the token events/api/*.json were signed with
PUBLIC_URL = "https://sms.example.com"


def load_event(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def form(
    body: str,
    *,
    sid: str = "SM00000000000000000000000000000001",
    sender: str = "+14155550123",
    to: str = "+18885550100",
) -> dict[str, str]:
    return {
        "ToCountry": "US",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "SmsSid": sid,
        "SmsStatus": "received",
        "Body": body,
        "To": to,
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": "AC00000000000000000000000000000000",
        "From": sender,
        "ApiVersion": "2010-04-01",
    }


def signed(fields: dict[str, str], url: str, token: str = TOKEN) -> tuple[bytes, str]:
    """The form body and its X-Twilio-Signature."""
    signature = compute_signature(token, url, {name: [value] for name, value in fields.items()})
    return urlencode(fields).encode("utf-8"), signature


def http_api_event(fields: dict[str, str], *, token: str = TOKEN, base: str = PUBLIC_URL) -> dict[str, Any]:
    """An API Gateway HTTP API (payload 2.0) event of a signed Twilio webhook."""
    body, signature = signed(fields, base + "/webhooks/twilio", token)
    event = load_event("api/twilio_stop.json")
    event["body"] = body.decode("utf-8")
    event["headers"]["x-twilio-signature"] = signature
    event["headers"]["content-length"] = str(len(body))
    return event

"""Building opt-in requests (API Gateway HTTP API events) from the sample events."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tests.support.twilio import EVENTS, load_event

DEMO = json.loads((EVENTS / "campaigns.demo.json").read_text(encoding="utf-8"))
ALERTS_DISCLOSURE = next(c for c in DEMO if c["id"] == "C7ALERTS")["disclosures"][0]
DEALS_DISCLOSURE = next(c for c in DEMO if c["id"] == "C7DEALS")["disclosures"][0]


def json_optin(**changes: Any) -> dict[str, Any]:
    """The sample JSON opt-in with fields changed (a value of None removes the field)."""
    event = load_event("api/optin_json.json")
    fields = json.loads(event["body"])
    for name, value in changes.items():
        if value is None:
            fields.pop(name, None)
        else:
            fields[name] = value
    return with_body(event, json.dumps(fields))


def form_optin(**changes: Any) -> dict[str, Any]:
    event = load_event("api/optin_form.json")
    fields = dict(parse_qsl(event["body"], keep_blank_values=True))
    for name, value in changes.items():
        if value is None:
            fields.pop(name, None)
        else:
            fields[name] = value
    return with_body(event, urlencode(fields))


def with_body(event: dict[str, Any], body: str) -> dict[str, Any]:
    event["body"] = body
    event["headers"]["content-length"] = str(len(body.encode("utf-8")))
    return event

"""Attacks through the Lambda handlers against the embedded DynamoDB/S3: replayed and forged webhooks, oversize opt-ins,
CSV/HTML injection carried end to end into the hosted page and an evidence bundle, path traversal in campaign ids,
missing or wrong API keys. Every refused request leaves the table and the bucket as they were."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from optledger import inbound, runtime
from optledger.chain import sha256_hex
from optledger.evidence import compile_day
from optledger.providers import sinch
from optledger.providers import sns as sns_provider
from tests.support import REPLY_TEXTS
from tests.support.functions import function
from tests.support.optins import json_optin, with_body
from tests.support.twilio import form as twilio_form
from tests.support.twilio import http_api_event, load_event
from tests.support.webhooks import HTTP_PROVIDERS, http_event, load_sample, sample_event, sample_now, sns_event

webhooks = function("webhooks")
optins = function("optins")
consents = function("consents")

SENT_AT = datetime(2026, 11, 28, 10, 0, 0, tzinfo=UTC)


def snapshot(env) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Every table item and every S3 object (key, ETag): what a refused request must leave unchanged."""
    listed = env.s3.list_objects_v2(Bucket=env.bucket).get("Contents", [])
    return sorted(env.items(), key=lambda i: (i["pk"]["S"], i["sk"]["S"])), sorted(
        (o["Key"], o["ETag"]) for o in listed
    )


# ---------------------------------------------------------------------------------------------------------- replays


def telnyx_event(key: Ed25519PrivateKey, message_id: str, timestamp: int) -> dict[str, Any]:
    body = json.dumps(
        {
            "data": {
                "event_type": "message.received",
                "id": f"evt-{timestamp}",
                "occurred_at": "2026-11-28T10:00:00.000+00:00",
                "payload": {
                    "id": message_id,
                    "from": {"phone_number": "+14155550123"},
                    "to": [{"phone_number": "+18885550100"}],
                    "text": "STOP",
                    "received_at": "2026-11-28T10:00:00.000+00:00",
                },
                "record_type": "event",
            }
        }
    )
    signature = base64.b64encode(key.sign(f"{timestamp}|{body}".encode())).decode()
    headers = {
        "content-type": "application/json",
        "telnyx-signature-ed25519": signature,
        "telnyx-timestamp": str(timestamp),
    }
    return http_event("POST", "https://sms.example.com/webhooks/telnyx", headers, body)


def sinch_event(secret: str, message_id: str, timestamp: int, nonce: str) -> dict[str, Any]:
    body = json.dumps(
        {
            "id": message_id,
            "from": "14155550123",
            "to": "18885550100",
            "body": "STOP",
            "type": "mo_text",
            "received_at": "2026-11-28T10:00:00.000Z",
        }
    )
    headers = {
        "content-type": "application/json",
        "x-sinch-webhook-signature": sinch.compute_signature(secret, body.encode(), nonce, str(timestamp)),
        "x-sinch-webhook-signature-nonce": nonce,
        "x-sinch-webhook-signature-timestamp": str(timestamp),
    }
    return http_event("POST", "https://sms.example.com/webhooks/sinch", headers, body)


@pytest.fixture
def replayable(env, monkeypatch):
    """Telnyx (a key made here) and Sinch configured; returns (make_event(message_id, timestamp), set_clock)."""
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    monkeypatch.setenv("OPTLEDGER_TELNYX_PUBLIC_KEY", public)
    monkeypatch.setenv("OPTLEDGER_SINCH_WEBHOOK_SECRET", "sinch-secret-attacks")

    def make(provider: str, message_id: str, timestamp: int, nonce: str = "nonce-1") -> dict[str, Any]:
        if provider == "telnyx":
            return telnyx_event(key, message_id, timestamp)
        return sinch_event("sinch-secret-attacks", message_id, timestamp, nonce)

    def set_clock(seconds_after: float) -> None:
        monkeypatch.setattr(inbound, "clock", lambda: SENT_AT + timedelta(seconds=seconds_after))

    return make, set_clock


@pytest.mark.parametrize("provider", ["telnyx", "sinch"])
def test_a_signed_webhook_replayed_301_seconds_later_is_refused(replayable, env, lambda_context, provider):
    make, set_clock = replayable
    sent = int(SENT_AT.timestamp())
    # Given a validly signed STOP delivered one second after it was signed
    set_clock(1)
    first = webhooks.lambda_handler(make(provider, "MSG-replay-1", sent), lambda_context)
    assert first["statusCode"] == 200, first["body"]
    before = snapshot(env)
    # When an attacker who captured it replays the same bytes 301 s after the signature
    set_clock(301)
    replay = webhooks.lambda_handler(make(provider, "MSG-replay-1", sent), lambda_context)
    # Then it is refused as stale and nothing is written
    assert replay["statusCode"] == 403
    assert "300 s" in json.loads(replay["body"])["message"]
    assert snapshot(env) == before
    # And a copy made with a never-recorded message id is refused too (the window, not deduplication, stops it)
    fresh_id = webhooks.lambda_handler(make(provider, "MSG-replay-2", sent), lambda_context)
    assert fresh_id["statusCode"] == 403
    assert snapshot(env) == before


@pytest.mark.parametrize("provider", ["telnyx", "sinch"])
def test_a_replay_inside_the_window_with_the_same_message_id_records_nothing_new(
    replayable, env, lambda_context, provider
):
    make, set_clock = replayable
    sent = int(SENT_AT.timestamp())
    set_clock(1)
    first = webhooks.lambda_handler(make(provider, "MSG-dup-1", sent), lambda_context)
    assert first["statusCode"] == 200
    [event] = env.events("acme", "+14155550123")
    before = snapshot(env)
    # The same bytes 299 s later, and the same message re-signed with a new timestamp and nonce (a provider retry)
    set_clock(299)
    again = webhooks.lambda_handler(make(provider, "MSG-dup-1", sent), lambda_context)
    resigned = webhooks.lambda_handler(make(provider, "MSG-dup-1", sent + 250, nonce="nonce-2"), lambda_context)
    assert again["statusCode"] == resigned["statusCode"] == 200
    # The same answer, marked as a redelivery (DESIGN section 3)
    assert json.loads(again["body"]) == json.loads(resigned["body"]) == {**json.loads(first["body"]), "duplicate": True}
    assert json.loads(first["body"])["event_id"] == event["event_id"]
    assert snapshot(env) == before


# ------------------------------------------------------------------------------------------------ forged signatures

WRONG_SECRETS = {
    "telnyx": {
        "TELNYX_PUBLIC_KEY": base64.b64encode(
            Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        ).decode()
    },
    "bandwidth": {"BANDWIDTH_PASSWORD": "not-the-password"},
    "vonage": {"VONAGE_SIGNATURE_SECRET": "not-the-secret"},
    "plivo": {"PLIVO_AUTH_TOKEN": "not-the-token"},
    "sinch": {"SINCH_WEBHOOK_SECRET": "not-the-secret"},
    "bird": {"BIRD_SIGNING_KEY": "not-the-key"},
    "ringcentral": {"RINGCENTRAL_VERIFICATION_TOKEN": "not-the-token"},
}


@pytest.mark.parametrize("provider", HTTP_PROVIDERS)
def test_a_webhook_signed_with_another_key_is_refused(env, lambda_context, monkeypatch, provider):
    # Given the provider configured with our secret, and a request signed with someone else's (the recorded sample
    # was signed with its own secret, which is not the one configured here)
    sample = load_sample(provider)
    assert set(WRONG_SECRETS) == set(HTTP_PROVIDERS)
    for name, value in {**sample["secrets"], **WRONG_SECRETS[provider]}.items():
        monkeypatch.setenv(f"OPTLEDGER_{name}", value)
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(sample))
    before = snapshot(env)
    response = webhooks.lambda_handler(sample_event(sample), lambda_context)
    assert response["statusCode"] == 403, response["body"]
    assert snapshot(env) == before
    # And with the right secret the same request is accepted (the refusal was the key, nothing else)
    for name, value in sample["secrets"].items():
        monkeypatch.setenv(f"OPTLEDGER_{name}", value)
    accepted = webhooks.lambda_handler(sample_event(sample), lambda_context)
    assert accepted["statusCode"] != 403, accepted["body"]  # (404 for a sample whose number no campaign sends from)


@pytest.mark.parametrize(
    "forge",
    [
        lambda e: e["headers"].__setitem__("x-twilio-signature", base64.b64encode(b"\0" * 20).decode()),
        lambda e: e["headers"].__setitem__(
            "x-twilio-signature", http_api_event(twilio_form("STOP"), token="guess")["headers"]["x-twilio-signature"]
        ),
        lambda e: e["headers"].pop("x-twilio-signature"),
        lambda e: e.__setitem__("body", e["body"].replace("Body=STOP", "Body=START")),
    ],
    ids=["zero-signature", "other-token", "no-signature", "body-changed"],
)
def test_a_forged_twilio_webhook_is_refused(env, lambda_context, forge):
    event = http_api_event(twilio_form("STOP", sid="SMforged"))
    forge(event)
    before = snapshot(env)
    response = webhooks.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 403
    assert snapshot(env) == before


@pytest.mark.parametrize("forge", ["signature", "certificate-url"])
def test_a_forged_end_user_messaging_record_is_dropped(env, lambda_context, monkeypatch, forge):
    sample = load_sample("sns")
    monkeypatch.setattr(sns_provider, "CERTIFICATES", dict(sample["certificates"]))
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(sample))
    fetched: list[str] = []
    monkeypatch.setattr(sns_provider, "fetch_certificate", lambda url: fetched.append(url) or "")
    event = sns_event(sample)
    record = event["Records"][0]["Sns"]
    if forge == "signature":
        record["Signature"] = base64.b64encode(bytes(256)).decode()
    else:  # the attacker's own certificate, signing the attacker's own message
        record["SigningCertUrl"] = "https://evil.example.com/SimpleNotificationService-x.pem"
    before = snapshot(env)
    assert webhooks.lambda_handler(event, lambda_context) == {"recorded": 0, "rejected": 1}
    assert snapshot(env) == before
    assert fetched == []  # a certificate outside sns.<region>.amazonaws.com is never even fetched


# --------------------------------------------------------------------------------------------------- oversize opt-in


@pytest.mark.parametrize("kind", ["json", "form", "base64"])
def test_an_oversize_opt_in_body_is_413_and_writes_nothing(env, lambda_context, kind):
    if kind == "json":
        event = json_optin(subject="x" * (17 * 1024))
    elif kind == "form":
        event = load_event("api/optin_form.json")
        with_body(event, event["body"] + "&pad=" + "y" * (17 * 1024))
    else:
        event = json_optin(note="z" * (17 * 1024))
        event["body"] = base64.b64encode(event["body"].encode()).decode()
        event["isBase64Encoded"] = True
    before = snapshot(env)
    response = optins.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 413
    assert json.loads(response["body"])["error"]
    assert snapshot(env) == before


# ------------------------------------------------------------------------------------------ CSV and HTML injection

SCRIPT = '<script>alert("name")</script>'
FORMULA = '=HYPERLINK("http://evil.example/x","click")'
INJECTED_DISCLOSURE = (
    'By checking this box, I agree to receive recurring text messages (SMS) from Acme <img src=x onerror="alert(1)">'
    " at the number provided. Up to 4 msgs/month. Msg & data rates may apply. Reply STOP to cancel, HELP for help."
    " Terms: https://acme.example/terms Privacy: https://acme.example/privacy </pre><script>alert(2)</script>"
)


def authed(method: str, path: str, body: Any = None, *, key: str | None = "Bearer test-api-key") -> dict[str, Any]:
    event = load_event("api/consents_check.json")
    event["requestContext"]["http"]["method"] = method
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["routeKey"] = event["requestContext"]["routeKey"] = f"{method} {path}"
    event["headers"].pop("authorization")
    if key is not None:
        event["headers"]["authorization"] = key
    event["body"] = None if body is None else (body if isinstance(body, str) else json.dumps(body))
    return event


def test_injection_in_campaign_subject_and_disclosure_comes_out_escaped_in_page_csv_and_report(
    env, lambda_context, tmp_path
):
    # Given a campaign whose name and disclosure carry HTML, and an opt-in whose identity fields carry formulas
    campaign = {
        "id": "CINJECT",
        "brand": "acme",
        "name": f"{FORMULA} {SCRIPT}",
        "purpose": "informational",
        **REPLY_TEXTS,
        "senders": ["+18885550177"],
        "disclosures": [INJECTED_DISCLOSURE],
        "allowed_origins": ["https://acme.example"],
    }
    put = consents.lambda_handler(authed("PUT", "/campaigns/CINJECT", campaign), lambda_context)
    assert put["statusCode"] == 201, put["body"]

    page = optins.lambda_handler({**load_event("api/optin_page.json"), "rawPath": "/optin/CINJECT"}, lambda_context)
    assert page["statusCode"] == 200
    assert "<script>alert" not in page["body"] and "<img src=x" not in page["body"]
    assert html.escape(SCRIPT, quote=True) in page["body"]
    assert html.escape("<img src=x onerror=", quote=True) in page["body"]

    event = json_optin(
        campaign="CINJECT",
        disclosure=None,
        disclosure_sha256=sha256_hex(INJECTED_DISCLOSURE),
        subject=FORMULA,
        session_id="@SUM(1+1)*cmd|' /C calc'!A0",
        page_url="https://acme.example/signup?<script>x</script>",
    )
    event["headers"]["user-agent"] = "=cmd|' /C calc'!A0"
    event["requestContext"]["http"]["userAgent"] = event["headers"]["user-agent"]
    created = optins.lambda_handler(event, lambda_context)
    assert created["statusCode"] == 201, created["body"]

    # When the day's evidence bundle is written
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    [result] = compile_day(
        today,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
        now=datetime.now(UTC) + timedelta(days=1),  # a day is bundled once it has ended
    )
    key = result.bundles["CINJECT"]["key"]
    bundle = zipfile.ZipFile(io.BytesIO(env.s3.get_object(Bucket=env.bucket, Key=key)["Body"].read()))

    # Then no CSV cell can start a formula, yet the values are all there
    rows = list(csv.reader(io.StringIO(bundle.read("consents.csv").decode("utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert rows[1:] and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells
    assert any(FORMULA in c for c in cells) and any("@SUM(1+1)" in c for c in cells)
    # And the report shows the disclosure as text, never as markup
    report = bundle.read("report.html").decode("utf-8")
    assert "<script>alert" not in report and "<img src=x" not in report and "</pre><script>" not in report
    assert html.escape('<img src=x onerror="alert(1)">', quote=True) in report
    # And the disclosure file keeps the exact bytes shown to the consumer
    assert bundle.read(f"disclosures/{sha256_hex(INJECTED_DISCLOSURE)}.txt").decode() == INJECTED_DISCLOSURE


# ------------------------------------------------------------------------------------------------- path traversal


@pytest.mark.parametrize(
    "path", ["/campaigns/..%2F..", "/campaigns/..%2F..%2Fetc%2Fpasswd", "/campaigns/%2e%2e", "/campaigns/C7DEALS%2F.."]
)
def test_path_traversal_in_a_put_campaign_id_is_refused(env, lambda_context, path):
    body = json.loads(load_event("api/campaign_put.json")["body"])
    body.pop("id")
    before = snapshot(env)
    response = consents.lambda_handler(authed("PUT", path, body), lambda_context)
    assert response["statusCode"] in (404, 422), response["body"]
    assert "passwd" not in response["body"]
    assert snapshot(env) == before
    listed = json.loads(consents.lambda_handler(authed("GET", "/campaigns"), lambda_context)["body"])
    assert [c["id"] for c in listed["campaigns"]] == ["C7ALERTS", "C7CHAT", "C7DEALS"]


@pytest.mark.parametrize("path", ["/optin/%2e%2e", "/optin/..%2F..%2Fetc%2Fpasswd", "/optin/%2e%2e%2fC7ALERTS"])
def test_path_traversal_in_the_hosted_page_is_404(env, lambda_context, path):
    event = load_event("api/optin_page.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    response = optins.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 404
    assert "passwd" not in response["body"] and "Acme" not in response["body"]


@pytest.mark.parametrize("path", ["/campaigns/%2e%2e", "/campaigns/..%2FC7DEALS"])
def test_path_traversal_in_get_campaign_is_404(env, lambda_context, path):
    response = consents.lambda_handler(authed("GET", path), lambda_context)
    assert response["statusCode"] == 404


# ------------------------------------------------------------------------------------------------------- API keys

AUTHENTICATED = [
    ("GET", "/consents/+14155550123", None),
    ("POST", "/consents/check", {"phone": "+14155550123", "campaign": "C7DEALS", "purpose": "promotional"}),
    ("POST", "/consents/events", json.loads(load_event("api/consents_event.json")["body"])),
    ("POST", "/evidence", {"phone": "+14155550123"}),
    ("PUT", "/campaigns/C7NEWS", json.loads(load_event("api/campaign_put.json")["body"])),
    ("GET", "/campaigns/C7DEALS", None),
    ("GET", "/campaigns", None),
    ("GET", "/reviews", None),
]
BAD_KEYS = [None, "", "Bearer", "Bearer wrong", "Bearer test-api-ke", "Basic dGVzdC1hcGkta2V5", "test-api-key"]


@pytest.mark.parametrize(("method", "path", "body"), AUTHENTICATED, ids=[f"{m} {p}" for m, p, _ in AUTHENTICATED])
def test_every_authenticated_route_refuses_missing_or_wrong_keys(env, lambda_context, method, path, body):
    before = snapshot(env)
    for key in BAD_KEYS:
        response = consents.lambda_handler(authed(method, path, body, key=key), lambda_context)
        assert response["statusCode"] in (401, 403), (key, response["body"])
        assert "test-api-key" not in response["body"]
    assert snapshot(env) == before
    # The same request with the right key gets past authentication
    response = consents.lambda_handler(authed(method, path, body), lambda_context)
    assert response["statusCode"] not in (401, 403), response["body"]


@pytest.mark.parametrize("provider", ["telnyx", "sinch"])
def test_a_signed_webhook_with_an_oversize_message_id_is_400_not_a_retried_503(
    replayable, env, lambda_context, provider
):
    # Found by tests/integration/test_bad_input.py: the id is part of a DynamoDB key (at most 2048 bytes), so the
    # write failed with a ValidationException, answered 503 "retry": the provider would have retried it for ever.
    make, set_clock = replayable
    set_clock(1)
    before = snapshot(env)
    response = webhooks.lambda_handler(make(provider, "A" * 20_000, int(SENT_AT.timestamp())), lambda_context)
    assert response["statusCode"] == 400, response["body"]
    assert json.loads(response["body"])["fields"] == {"message_id": "too long"}
    assert snapshot(env) == before

"""POST /optins, its preflight and the hosted page, through lambda_handler against moto."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from optledger import runtime
from optledger.chain import sha256_hex
from tests.support import REPLY_TEXTS
from tests.support.functions import function
from tests.support.optins import ALERTS_DISCLOSURE, DEALS_DISCLOSURE, form_optin, json_optin, with_body
from tests.support.twilio import load_event

optins = function("optins")
PHONE = "+14155550123"


def call(event: dict[str, Any], context: Any) -> tuple[int, dict[str, str], Any]:
    response = optins.lambda_handler(event, context)
    headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    body = response.get("body") or ""
    if headers.get("content-type", "").startswith("application/json"):
        body = json.loads(body)
    return response["statusCode"], headers, body


def test_json_opt_in_records_the_seven_fields_and_the_evidence(env, lambda_context):
    code, headers, body = call(json_optin(), lambda_context)

    assert code == 201
    assert body == {"event_id": body["event_id"], "status": "opted_in", "tier": "express"}
    assert headers["access-control-allow-origin"] == "https://acme.example"
    [event] = env.events("acme", PHONE)
    assert event["event_id"] == body["event_id"]
    assert event["type"] == "opt_in" and event["campaigns"] == ["C7ALERTS"] and event["tier"] == "express"
    assert event["channel"] == "web_form"  # medium
    assert event["occurred_at"]  # timestamp, from the server's clock
    assert event["phone"] == PHONE
    assert event["source"] == {
        "ip": "203.0.113.9",
        "user_agent": load_event("api/optin_json.json")["headers"]["user-agent"],
        "page_url": "https://acme.example/signup",
    }
    sha = sha256_hex(ALERTS_DISCLOSURE)
    assert event["evidence"]["disclosure_sha256"] == sha
    assert event["evidence"]["subject"] == "jane@example.com" and event["evidence"]["session_id"] == "sess-0001"
    stored = env.s3.get_object(Bucket=env.bucket, Key=f"disclosures/{sha}.txt")["Body"].read().decode()
    assert stored == ALERTS_DISCLOSURE


def test_form_opt_in_with_a_registered_disclosure_hash_is_pending_on_a_double_opt_in_campaign(env, lambda_context):
    code, _, body = call(form_optin(), lambda_context)

    assert code == 201 and body["status"] == "pending" and body["tier"] == "express_written"
    [event] = env.events("acme", "+14155550124")
    assert event["type"] == "pending" and event["campaigns"] == ["C7DEALS"]
    assert event["evidence"]["disclosure_sha256"] == sha256_hex(DEALS_DISCLOSURE)
    assert event["evidence"]["reply"].startswith("Acme Deals: reply YES to confirm")
    assert event["evidence"]["reply_from"] == "+18885550100"
    assert event["evidence"]["expires_at"] == body["expires_at"]
    state = runtime.store().get_head("acme", "+14155550124").state
    from optledger.consent import effective

    assert effective(state, "C7DEALS")["status"] == "pending"


def test_a_forged_x_forwarded_for_is_ignored_the_request_context_ip_is_recorded(env, lambda_context):
    event = json_optin()
    event["headers"]["x-forwarded-for"] = "198.51.100.66"
    event["headers"]["x-real-ip"] = "198.51.100.67"
    event["headers"]["forwarded"] = "for=198.51.100.68"
    event["requestContext"]["http"]["sourceIp"] = "192.0.2.10"

    assert call(event, lambda_context)[0] == 201

    [recorded] = env.events("acme", PHONE)
    assert recorded["source"]["ip"] == "192.0.2.10"
    assert "198.51.100" not in json.dumps(recorded)


@pytest.mark.parametrize("value", [True, 1, "true", "on", "yes", "1", "YES", " On "])
def test_affirmative_consent_values(env, lambda_context, value):
    assert call(json_optin(consent=value), lambda_context)[0] == 201


@pytest.mark.parametrize("value", [None, False, 0, "false", "off", "no", "0", "", "y", 2, "checked"])
def test_missing_or_false_consent_is_422_and_writes_nothing(env, lambda_context, value):
    code, _, body = call(json_optin(consent=value), lambda_context)

    assert code == 422 and "consent" in body["fields"]
    assert env.ledger_items() == []


def test_every_invalid_field_is_named_in_one_422(env, lambda_context):
    event = json_optin(phone="12345", consent="no", page_url="javascript:alert(1)", subject="x" * 300)

    code, _, body = call(event, lambda_context)

    assert code == 422 and body["error"] == "invalid"
    assert set(body["fields"]) == {"phone", "consent", "page_url", "subject"}
    assert "12345" not in json.dumps(body)  # never echo the number


def test_a_disclosure_missing_elements_is_422_naming_them(env, lambda_context):
    text = "I agree to receive communications from Acme Order Alerts. Reply STOP to cancel."

    code, _, body = call(json_optin(disclosure=text), lambda_context)

    assert code == 422
    assert set(body["fields"]) == {
        "disclosure.sms",
        "disclosure.frequency",
        "disclosure.rates",
        "disclosure.help",
        "disclosure.terms",
        "disclosure.privacy",
    }
    assert env.ledger_items() == []
    assert env.s3.list_objects_v2(Bucket=env.bucket, Prefix="disclosures/").get("KeyCount") == 0


def test_disclosure_hash_must_be_registered_on_the_campaign(env, lambda_context):
    other = sha256_hex(DEALS_DISCLOSURE)  # registered, but on another campaign
    code, _, body = call(json_optin(disclosure=None, disclosure_sha256=other), lambda_context)
    assert code == 422 and body["fields"] == {"disclosure_sha256": "not a disclosure registered on this campaign"}
    code, _, body = call(json_optin(disclosure=None, disclosure_sha256="abc"), lambda_context)
    assert code == 422 and "disclosure_sha256" in body["fields"]
    code, _, body = call(json_optin(disclosure=None), lambda_context)
    assert code == 422 and "disclosure" in body["fields"]
    assert env.ledger_items() == []


def test_text_and_hash_must_agree(env, lambda_context):
    event = json_optin(disclosure_sha256=sha256_hex(ALERTS_DISCLOSURE + " "))
    assert call(event, lambda_context)[0] == 422
    event = json_optin(disclosure_sha256=sha256_hex(ALERTS_DISCLOSURE))
    assert call(event, lambda_context)[0] == 201


def test_unknown_campaign_is_404(env, lambda_context):
    code, _, body = call(json_optin(campaign="NOPE"), lambda_context)
    assert code == 404 and body["error"] == "not_found"
    assert env.ledger_items() == []


def test_an_origin_the_campaign_does_not_allow_is_403_without_cors_headers(env, lambda_context):
    event = json_optin()
    event["headers"]["origin"] = "https://evil.example"

    code, headers, body = call(event, lambda_context)

    assert code == 403 and body["error"] == "forbidden"
    assert "access-control-allow-origin" not in headers
    assert env.ledger_items() == []


def test_a_request_without_origin_is_not_a_cross_site_browser_request(env, lambda_context):
    event = json_optin()
    del event["headers"]["origin"]
    code, headers, _ = call(event, lambda_context)
    assert code == 201 and "access-control-allow-origin" not in headers


def test_errors_for_an_allowed_origin_carry_cors_headers_so_the_page_can_read_them(env, lambda_context):
    code, headers, _ = call(json_optin(consent=False), lambda_context)
    assert code == 422 and headers["access-control-allow-origin"] == "https://acme.example"


def test_malformed_bodies_are_400(env, lambda_context):
    assert call(with_body(json_optin(), "{not json"), lambda_context)[0] == 400
    assert call(with_body(json_optin(), "[1, 2]"), lambda_context)[0] == 400
    event = form_optin()
    event["body"] += "&phone=%2B14155550199"  # a field given twice
    assert call(event, lambda_context)[0] == 400
    event = json_optin()
    event["headers"]["content-type"] = "text/plain"
    assert call(event, lambda_context)[0] == 400
    assert env.ledger_items() == []


def test_a_body_over_16_kib_is_413(env, lambda_context):
    event = json_optin(subject="x" * (16 * 1024))
    code, _, body = call(event, lambda_context)
    assert code == 413 and body["error"] == "payload_too_large"
    event = json_optin()
    event["body"] = base64.b64encode(b"x" * (16 * 1024 + 1)).decode()
    event["isBase64Encoded"] = True
    assert call(event, lambda_context)[0] == 413
    assert env.ledger_items() == []


class _Failing:
    """A client whose named operations fail the way an unavailable service does; the rest pass through."""

    def __init__(self, client: Any, *operations: str) -> None:
        self._client = client
        self._operations = operations

    def __getattr__(self, name: str) -> Any:
        if name in self._operations:

            def fail(**_: Any) -> Any:
                raise ClientError({"Error": {"Code": "ServiceUnavailable", "Message": "down"}}, name)

            return fail
        return getattr(self._client, name)


def test_ledger_write_failure_is_503_and_writes_nothing(env, lambda_context):
    store = runtime.store()
    store._dynamodb = _Failing(store.dynamodb, "transact_write_items")

    code, _, body = call(json_optin(), lambda_context)

    assert code == 503 and body["error"] == "storage_unavailable"
    assert env.ledger_items() == []


def test_disclosure_store_failure_is_503_and_writes_no_event(env, lambda_context):
    store = runtime.store()
    store._s3 = _Failing(store.s3, "head_object", "put_object")

    code, _, body = call(json_optin(), lambda_context)

    assert code == 503 and body["error"] == "storage_unavailable"
    assert env.ledger_items() == []


def test_preflight_allows_a_campaign_origin_and_refuses_others(env, lambda_context):
    code, headers, _ = call(load_event("api/optin_preflight.json"), lambda_context)
    assert code == 204
    assert headers["access-control-allow-origin"] == "https://acme.example"
    assert "POST" in headers["access-control-allow-methods"]
    assert headers["access-control-allow-headers"] == "content-type"

    event = load_event("api/optin_preflight.json")
    event["headers"]["origin"] = "https://evil.example"
    code, headers, _ = call(event, lambda_context)
    assert code == 403 and "access-control-allow-origin" not in headers


def test_1000_opt_ins_sharing_one_disclosure_store_its_text_once(env, lambda_context):
    # Given every tenth request served by a new container that remembers nothing it stored
    # When a thousand people opt in on a page showing the same disclosure
    for number in range(1000):
        if number % 10 == 0:
            runtime.store()._stored_disclosures.clear()
        event = json_optin(phone=f"+1415555{number:04d}", session_id=f"s{number}")
        assert call(event, lambda_context)[0] == 201

    # Then the text is stored once, and every event references it
    listed = env.s3.list_objects_v2(Bucket=env.bucket, Prefix="disclosures/")
    versions = env.s3.list_object_versions(Bucket=env.bucket, Prefix="disclosures/")
    sha = sha256_hex(ALERTS_DISCLOSURE)
    assert listed["KeyCount"] == 1
    assert len(versions.get("Versions", [])) == 1  # not a thousand versions of the same text either
    assert listed["Contents"][0]["Key"] == f"disclosures/{sha}.txt"
    events = [json.loads(i["event"]["S"]) for i in env.ledger_items() if i["sk"]["S"].startswith("EVENT#")]
    assert len(events) == 1000 and {e["evidence"]["disclosure_sha256"] for e in events} == {sha}


def test_a_cold_container_does_not_write_a_stored_disclosure_again(env, lambda_context):
    assert call(json_optin(), lambda_context)[0] == 201
    runtime.reset()  # a new container: its memory of stored disclosures is empty
    assert call(json_optin(phone="+14155550100"), lambda_context)[0] == 201
    versions = env.s3.list_object_versions(Bucket=env.bucket, Prefix="disclosures/")
    assert len(versions.get("Versions", [])) == 1


# -- the hosted page --------------------------------------------------------------------------------------------------


def test_hosted_page_shows_the_registered_disclosure_and_an_unchecked_box(env, lambda_context):
    code, headers, page = call(load_event("api/optin_page.json"), lambda_context)

    assert code == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in headers["content-security-policy"]
    assert '<html lang="en">' in page
    assert '<input id="consent" name="consent" type="checkbox" value="yes" required>' in page  # not "checked"
    assert "checked" not in page.replace('type="checkbox"', "")
    assert '<label for="phone">' in page and '<label for="consent">' in page
    assert f'name="disclosure_sha256" value="{sha256_hex(ALERTS_DISCLOSURE)}"' in page
    assert 'name="form" value="hosted"' in page and 'action="../optins"' in page
    assert '<a href="https://acme.example/terms"' in page


def test_hosted_page_of_an_unknown_campaign_or_one_without_disclosure_is_404(env, lambda_context):
    for campaign in ("NOPE", "C7CHAT"):  # C7CHAT has no disclosure registered
        event = load_event("api/optin_page.json")
        event["rawPath"] = f"/optin/{campaign}"
        event["pathParameters"] = {"campaign": campaign}
        code, headers, page = call(event, lambda_context)
        assert code == 404 and headers["content-type"].startswith("text/html") and "No such sign-up page" in page


def test_hosted_form_post_gets_an_html_result_and_records_channel_hosted_page(env, lambda_context):
    sha = sha256_hex(ALERTS_DISCLOSURE)
    event = form_optin(campaign="C7ALERTS", disclosure_sha256=sha, consent="yes", form="hosted")
    event["headers"]["accept"] = "text/html,application/xhtml+xml"

    code, headers, page = call(event, lambda_context)

    assert code == 201 and headers["content-type"].startswith("text/html")
    assert "You are signed up" in page
    [recorded] = env.events("acme", "+14155550124")
    assert recorded["channel"] == "hosted_page" and recorded["event_id"] in page


def test_hosted_form_errors_are_pages_that_never_echo_the_number(env, lambda_context):
    event = form_optin(campaign="C7ALERTS", disclosure_sha256=sha256_hex(ALERTS_DISCLOSURE), form="hosted")
    del_consent = form_optin(campaign="C7ALERTS", disclosure_sha256=sha256_hex(ALERTS_DISCLOSURE), form="hosted")
    del_consent["body"] = del_consent["body"].replace("consent=on&", "")

    code, headers, page = call(del_consent, lambda_context)

    assert code == 422 and headers["content-type"].startswith("text/html")
    assert "Tick the box" in page and 'role="alert"' in page and 'href="optin/C7ALERTS"' in page
    assert "555-0124" not in page and "5550124" not in page
    assert call(event, lambda_context)[0] == 201  # the same form with the box ticked


def test_campaign_text_is_html_escaped_on_the_page(env, lambda_context):
    name = 'Acme <script>alert("x")</script> & Co'
    campaign = {
        "id": "C7XSS",
        "brand": "acme",
        "name": name,
        "purpose": "informational",
        **REPLY_TEXTS,
        "disclosures": [
            f"I agree to receive recurring text messages (SMS) from {name}. Msg frequency varies. "
            "Msg & data rates may apply. Reply STOP to cancel, HELP for help. "
            'Terms: https://acme.example/terms"onmouseover="x Privacy: https://acme.example/privacy<b>'
        ],
    }
    from optledger.models import Campaign

    runtime.campaigns().put(Campaign.from_dict(campaign))
    event = load_event("api/optin_page.json")
    event["rawPath"], event["pathParameters"] = "/optin/C7XSS", {"campaign": "C7XSS"}

    code, _, page = call(event, lambda_context)

    assert code == 200
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
    assert '"onmouseover' not in page and "<b>" not in page

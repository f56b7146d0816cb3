"""End to end over HTTP against ``optledger serve``: opt-ins, campaigns and consent events."""

from __future__ import annotations

import json

from optledger.chain import sha256_hex
from tests.e2e.conftest import API_KEY
from tests.support.optins import ALERTS_DISCLOSURE
from tests.support.twilio import load_event

AUTH = {"Authorization": f"Bearer {API_KEY}"}


def record(served, phone: str) -> dict:
    status, _, body = served.request("GET", f"/consents/{phone}", headers=AUTH)
    assert status == 200
    return json.loads(body)


def test_json_opt_in_with_a_forged_x_forwarded_for_records_the_socket_address(served):
    body = json.dumps(
        {"phone": "+14155550181", "campaign": "C7ALERTS", "consent": True, "disclosure": ALERTS_DISCLOSURE}
    ).encode()
    headers = {
        "Content-Type": "application/json",
        "Origin": "https://acme.example",
        "X-Forwarded-For": "198.51.100.66",
        "User-Agent": "e2e-test/1.0",
    }

    status, response_headers, reply = served.request("POST", "/optins", body=body, headers=headers)

    assert status == 201 and json.loads(reply)["status"] == "opted_in"
    assert response_headers["Access-Control-Allow-Origin"] == "https://acme.example"
    [event] = record(served, "+14155550181")["events"]
    assert event["source"] == {"ip": "127.0.0.1", "user_agent": "e2e-test/1.0", "page_url": None}


def test_preflight_over_http(served):
    headers = {"Origin": "https://acme.example", "Access-Control-Request-Method": "POST"}
    status, response_headers, _ = served.request("OPTIONS", "/optins", headers=headers)
    assert status == 204 and response_headers["Access-Control-Allow-Origin"] == "https://acme.example"
    status, _, _ = served.request("OPTIONS", "/optins", headers={"Origin": "https://evil.example"})
    assert status == 403


def test_a_new_campaign_gets_a_hosted_page_and_takes_form_opt_ins(served):
    campaign = json.loads(load_event("api/campaign_put.json")["body"])
    status, _, body = served.request(
        "PUT",
        "/campaigns/C7NEWS",
        body=json.dumps(campaign).encode(),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert status in (200, 201), body
    sha = sha256_hex(campaign["disclosures"][0])

    status, headers, page = served.request("GET", "/optin/C7NEWS")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert sha.encode() in page

    form = f"phone=%2B14155550182&campaign=C7NEWS&consent=on&disclosure_sha256={sha}".encode()
    status, _, reply = served.request(
        "POST", "/optins", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 201 and json.loads(reply)["tier"] == "express"
    assert record(served, "+14155550182")["campaigns"]["C7NEWS"]["status"] == "opted_in"


def test_a_verbal_opt_in_recorded_by_the_business(served):
    body = json.loads(load_event("api/consents_event.json")["body"])
    body["phone"] = "+14155550183"
    status, _, reply = served.request(
        "POST", "/consents/events", body=json.dumps(body).encode(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert status == 201
    assert record(served, "+14155550183")["events"][0]["event_id"] == json.loads(reply)["event_id"]


def test_errors_over_http(served):
    status, _, _ = served.request(
        "POST", "/optins", body=b"x" * (17 * 1024), headers={"Content-Type": "application/json"}
    )
    assert status == 413
    status, _, _ = served.request("POST", "/consents/events", body=b"{}", headers={"Content-Type": "application/json"})
    assert status == 401
    status, _, _ = served.request("GET", "/campaigns", headers={"Authorization": "Bearer wrong"})
    assert status == 403

"""End to end over HTTP: a signed Twilio STOP to ``optledger serve``, then the state read back."""

from __future__ import annotations

import json

from tests.e2e.conftest import API_KEY, TWILIO_TOKEN
from tests.support.twilio import form, signed


def test_health(served):
    status, _, body = served.request("GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_serve_prints_the_api_key_and_the_aws_endpoint(served):
    text = "".join(served.output)
    assert API_KEY in text and "loaded 3 demo campaigns" in text
    assert served.aws_endpoint.startswith("http://127.0.0.1:")


def post_twilio(served, text: str, *, sid: str, sender: str):
    """A text signed as Twilio signs it, posted to the server's Twilio webhook: (status, headers, body)."""
    body, signature = signed(form(text, sid=sid, sender=sender), served.url + "/webhooks/twilio", TWILIO_TOKEN)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return served.request("POST", "/webhooks/twilio", body=body, headers=headers)


def test_signed_twilio_stop_changes_the_state(served):
    status, response_headers, reply = post_twilio(
        served, "Stop.", sid="SMe2e00000000000000000000000000001", sender="+14155550177"
    )

    assert status == 200 and response_headers["Content-Type"] == "text/xml"
    assert b"<Message>Acme Support: you are unsubscribed" in reply
    status, _, record = served.api("GET", "/consents/+14155550177")
    record = json.loads(record)
    assert status == 200
    assert record["campaigns"]["C7DEALS"]["status"] == "opted_out"
    assert record["events"][0]["source"]["provider_message_id"] == "SMe2e00000000000000000000000000001"


def test_a_stop_beside_the_brand_name_over_http(served):
    # the demo campaigns' brand is "Acme": a STOP that names it is the keyword, recorded as one
    status, _, reply = post_twilio(
        served, "STOP Acme, thank you", sid="SMe2e00000000000000000000000000003", sender="+14155550178"
    )

    assert status == 200 and b"you are unsubscribed" in reply
    record = json.loads(served.api("GET", "/consents/+14155550178")[2])
    assert record["campaigns"]["C7DEALS"]["status"] == "opted_out"
    assert record["events"][0]["evidence"]["detected_by"] == "keyword"


def test_a_stop_above_a_phones_footer_over_http(served):
    # the footer on a line of its own, in Spanish: the stop word is read without it
    status, _, reply = post_twilio(
        served,
        "Cancelar\nEnviado desde mi Samsung Galaxy",
        sid="SMe2e00000000000000000000000000004",
        sender="+14155550179",
    )

    assert status == 200 and b"you are unsubscribed" in reply
    record = json.loads(served.api("GET", "/consents/+14155550179")[2])
    assert record["campaigns"]["C7DEALS"]["status"] == "opted_out"


def test_forged_signature_is_refused_over_http(served):
    body, _ = signed(
        form("START", sid="SMe2e00000000000000000000000000002"), served.url + "/webhooks/twilio", TWILIO_TOKEN
    )
    status, _, reply = served.request(
        "POST",
        "/webhooks/twilio",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "Zm9yZ2VkIHNpZ25hdHVyZQ=="},
    )
    assert status == 403 and json.loads(reply)["error"] == "invalid_signature"


def test_consents_need_the_api_key(served):
    assert served.request("GET", "/consents/+14155550177")[0] == 401


def test_unknown_route_is_a_json_404(served):
    status, _, body = served.request("GET", "/nowhere")
    assert status == 404 and json.loads(body)["error"] == "not_found"

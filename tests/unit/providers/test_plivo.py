"""Plivo: V3 signatures (both token headers, GET and POST), the V2 fallback (Plivo SDK vector), Plivo XML replies."""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import urlencode

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, InboundMessage, WebhookRequest
from optledger.providers.plivo import compute_v3_signature, v3_signed_string

from .conftest import load_sample, sample_request, tampered, with_header, without_header

SAMPLE = load_sample("plivo")
ADAPTER = PROVIDERS["plivo"]
SECRETS = SAMPLE["secrets"]
TOKEN = SECRETS["PLIVO_AUTH_TOKEN"]
URL = "https://sms.example.com/webhooks/plivo"


def hmac_b64(token: str, text: str) -> str:
    return base64.b64encode(hmac.new(token.encode(), text.encode(), hashlib.sha256).digest()).decode()


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SECRETS)
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("14155550123", "18885550100", "UNSUBSCRIBE")
    assert message.message_id == "2a2e5d1c-8c7e-11ee-9b7c-0242ac110003"
    assert message.occurred_at is None  # Plivo sends no time of receipt


@pytest.mark.parametrize(
    ("method", "url", "params", "expected"),
    [
        # GET: the sorted query string is the signed URL.
        ("GET", URL + "?To=2&From=1", {}, URL + "?From=1&To=2.N"),
        # POST without a query string: "?" then name+value pairs, sorted by name.
        ("POST", URL, {"To": ["2"], "From": ["1"]}, URL + "?From1To2.N"),
        # POST with a query string: query, ".", then the parameters.
        ("POST", URL + "?b=9&a=8", {"Text": ["hi"]}, URL + "?a=8&b=9.Texthi.N"),
        # POST without parameters: the bare URL.
        ("POST", URL, {}, URL + ".N"),
        # Repeated names: each value, sorted.
        ("POST", URL, {"M": ["b", "a"]}, URL + "?MaMb.N"),
    ],
)
def test_v3_signed_string_follows_plivos_construction(method, url, params, expected):
    assert v3_signed_string(method, url, params, "N") == expected
    assert compute_v3_signature(TOKEN, method, url, params, "N") == hmac_b64(TOKEN, expected)


def test_get_request_with_v3_signature_verifies():
    url = URL + "?" + urlencode({"From": "14155550123", "To": "18885550100", "Text": "STOP", "MessageUUID": "u-1"})
    signature = compute_v3_signature(TOKEN, "GET", url, {}, "777")
    request = WebhookRequest("GET", url, {"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": "777"})
    ADAPTER.verify(request, SECRETS)
    assert ADAPTER.parse(request)[0].text == "STOP"


def test_main_account_header_and_signature_lists_are_accepted():
    # Given a subaccount application: V3 signed with another token, Ma-V3 with ours, inside a rotation list
    request = sample_request(SAMPLE)
    ours = request.header("x-plivo-signature-v3")
    request = with_header(request, "X-Plivo-Signature-V3", "c29tZW9uZSBlbHNl")
    request = with_header(request, "X-Plivo-Signature-Ma-V3", f"b2xkLXRva2Vu,{ours}")
    ADAPTER.verify(request, SECRETS)


def test_tampered_body_is_rejected():
    with pytest.raises(SignatureError, match="V3 does not match"):
        ADAPTER.verify(tampered(sample_request(SAMPLE), b"UNSUBSCRIBE", b"SUBSCRIBE"), SECRETS)


def test_wrong_token_is_rejected():
    with pytest.raises(SignatureError):
        ADAPTER.verify(sample_request(SAMPLE), {"PLIVO_AUTH_TOKEN": "another-token"})


def test_changed_nonce_is_rejected():
    with pytest.raises(SignatureError):
        ADAPTER.verify(with_header(sample_request(SAMPLE), "X-Plivo-Signature-V3-Nonce", "1"), SECRETS)


def test_v3_without_its_nonce_is_rejected():
    with pytest.raises(SignatureError, match="Nonce"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), "X-Plivo-Signature-V3-Nonce"), SECRETS)


def test_missing_signature_headers_are_rejected():
    request = sample_request(SAMPLE)
    for header in ("X-Plivo-Signature-V3", "X-Plivo-Signature-V2"):
        request = without_header(request, header)
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(request, SECRETS)


def test_v2_fallback_matches_the_plivo_sdk_vector():
    # plivo-python tests: validate_signature('https://answer.url', '12345', 'ehV3IK...', 'my_auth_token')
    headers = {
        "X-Plivo-Signature-V2": "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=",
        "X-Plivo-Signature-V2-Nonce": "12345",
    }
    request = WebhookRequest("POST", "https://answer.url", headers, b"From=1&To=2&Text=x&MessageUUID=u")
    ADAPTER.verify(request, {"PLIVO_AUTH_TOKEN": "my_auth_token"})
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, {"PLIVO_AUTH_TOKEN": "my_auth_tokens"})
    with pytest.raises(SignatureError, match="Nonce"):
        ADAPTER.verify(without_header(request, "X-Plivo-Signature-V2-Nonce"), {"PLIVO_AUTH_TOKEN": "my_auth_token"})


def test_v2_is_not_consulted_when_v3_is_present():
    # A bad V3 fails even though the V2 header of the same request is valid.
    request = with_header(sample_request(SAMPLE), "X-Plivo-Signature-V3", "AAAA")
    with pytest.raises(SignatureError, match="V3"):
        ADAPTER.verify(request, SECRETS)


def test_unconfigured_provider_is_disabled():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {})


def test_reply_is_plivo_xml_addressed_back_to_the_consumer():
    inbound = InboundMessage("14155550123", "18885550100", "STOP", "plivo", "uuid-1")
    reply = ADAPTER.reply("You are unsubscribed & won't get more <msgs>.", {}, inbound=inbound)
    assert reply.content_type == "application/xml"
    assert reply.body == (
        '<?xml version="1.0" encoding="UTF-8"?><Response><Message src="18885550100" dst="14155550123">'
        "You are unsubscribed &amp; won't get more &lt;msgs&gt;.</Message></Response>"
    )
    assert ADAPTER.reply(None, {}, inbound=inbound).body == '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    assert ADAPTER.reply("text", {}).body == '<?xml version="1.0" encoding="UTF-8"?><Response/>'  # nobody to address


def test_mms_inbound_parses_to_nothing():
    body = urlencode({"From": "1", "To": "2", "Type": "mms", "MessageUUID": "u"}).encode()
    assert ADAPTER.parse(WebhookRequest("POST", URL, {}, body)) == []


@pytest.mark.parametrize(
    "body",
    [b"From=1&To=2", b"To=2&MessageUUID=u", b"From=1&MessageUUID=u", b"\xff\xfe=\xfd"],
)
def test_missing_fields_are_400s(body):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", URL, {}, body))

"""Twilio signatures, checked against the test vectors of Twilio's own SDK."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from optledger.errors import ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers.twilio import compute_signature

SECRETS = {"TWILIO_AUTH_TOKEN": "12345"}
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
JSON_BODY = b'{"property": "value", "boolean": true}'
JSON_URL = URL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"


def form_request(url: str, signature: str, params=PARAMS) -> WebhookRequest:
    return WebhookRequest(
        "POST",
        url,
        {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
        urlencode(params).encode(),
    )


def test_published_form_vector():
    assert compute_signature("12345", URL, {k: [v] for k, v in PARAMS.items()}) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    PROVIDERS["twilio"].verify(form_request(URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), SECRETS)


def test_published_json_body_vector():
    request = WebhookRequest(
        "POST",
        JSON_URL,
        {"Content-Type": "application/json", "X-Twilio-Signature": "a9nBmqA0ju/hNViExpshrM61xv4="},
        JSON_BODY,
    )
    PROVIDERS["twilio"].verify(request, SECRETS)


def test_json_body_tampered_after_signing_is_rejected():
    request = WebhookRequest(
        "POST",
        JSON_URL,
        {"Content-Type": "application/json", "X-Twilio-Signature": "a9nBmqA0ju/hNViExpshrM61xv4="},
        JSON_BODY.replace(b"value", b"evil!"),
    )
    with pytest.raises(SignatureError):
        PROVIDERS["twilio"].verify(request, SECRETS)


@pytest.mark.parametrize(
    ("signed_url", "called_url"),
    [
        ("https://mycompany.com:443/myapp.php?foo=1&bar=2", URL),
        (URL, "https://mycompany.com:443/myapp.php?foo=1&bar=2"),
    ],
)
def test_default_port_present_or_absent(signed_url, called_url):
    signature = compute_signature("12345", signed_url, {k: [v] for k, v in PARAMS.items()})
    PROVIDERS["twilio"].verify(form_request(called_url, signature), SECRETS)


def test_repeated_parameters_are_signed_sorted():
    params = [("To", "+18005551212"), ("MediaUrl", "b"), ("MediaUrl", "a")]
    signature = compute_signature("12345", URL, {"To": ["+18005551212"], "MediaUrl": ["b", "a"]})
    request = WebhookRequest("POST", URL, {"X-Twilio-Signature": signature}, urlencode(params).encode())
    PROVIDERS["twilio"].verify(request, SECRETS)


@pytest.mark.parametrize("change", ["param", "url", "token", "missing"])
def test_tampering_is_rejected(change):
    signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    url, params, secrets = URL, dict(PARAMS), SECRETS
    if change == "param":
        params["Digits"] = "9999"
    elif change == "url":
        url = URL.replace("foo=1", "foo=2")
    elif change == "token":
        secrets = {"TWILIO_AUTH_TOKEN": "54321"}
    else:
        signature = ""
    request = form_request(url, signature, params)
    with pytest.raises(SignatureError):
        PROVIDERS["twilio"].verify(request, secrets)


def test_unconfigured_twilio_is_disabled_not_accepted():
    with pytest.raises(ProviderDisabled):
        PROVIDERS["twilio"].verify(form_request(URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), {})


def test_parse_reads_the_message():
    [message] = PROVIDERS["twilio"].parse(
        form_request(URL, "x", {"MessageSid": "SM1", "From": "+14155550123", "To": "+18885550100", "Body": "STOP"})
    )
    assert (message.sender, message.recipient, message.text, message.message_id) == (
        "+14155550123",
        "+18885550100",
        "STOP",
        "SM1",
    )


def test_reply_is_escaped_twiml():
    reply = PROVIDERS["twilio"].reply("Acme <Deals> & more", {})
    assert reply.body.endswith("<Response><Message>Acme &lt;Deals&gt; &amp; more</Message></Response>")
    assert PROVIDERS["twilio"].reply(None, {}).body.endswith("<Response/>")

"""Signatures as the providers' own SDKs check them: the published validation tests of each SDK, restated as
vectors (their inputs and expected signatures) and run through our adapters. Each SDK accepts these; so must we.

Twilio: twilio-python tests/unit/test_request_validator.py (token "12345").
Vonage: vonage-python-sdk http_client/tests/test_auth.py (secret "signature_secret"; the SMS API ``sig``; that SDK's
default method is HMAC-MD5, ``md5``, not the dashboard's default MD5 hash, ``md5hash``).
Sinch: sinch-sdk-python tests/unit/domains/conversation (callback secret "foo_secret1234").
Plivo, MessageBird and the older Vonage/Sinch SDK vectors are in test_plivo.py, test_bird.py (all 44 cases of the
MessageBird SDK), test_vonage.py and test_sinch.py. Telnyx's SDK tests sign with keys generated at run time (no
published vector): test_telnyx.py checks Ed25519 over ``timestamp|body`` with the same construction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest

from optledger.errors import SignatureError
from optledger.providers import PROVIDERS, WebhookRequest

# -- Twilio --------------------------------------------------------------------------------------------------------

TWILIO = {"TWILIO_AUTH_TOKEN": "12345"}
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
    ("Caller", "+14158675309"),
]


def twilio_form(url: str, signature: str, params=TWILIO_PARAMS) -> WebhookRequest:
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return WebhookRequest("POST", url, headers, urlencode(params).encode())


@pytest.mark.parametrize(
    ("case", "url", "signature"),
    [
        ("validation", TWILIO_URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        # Called on https://mycompany.com:1234/..., signed without the port: the SDK removes any port on https.
        ("removes_port_on_https", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        # Signed with the port it was called on (http, :1234).
        ("removes_port_on_http", "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="),
        # Called without a port, signed with the default one.
        ("adds_port_on_https", TWILIO_URL, "kvajT1Ptam85bY51eRf/AJRuM3w="),
        ("adds_port_on_http", "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4="),
    ],
)
def test_twilio_sdk_validation_vectors(case, url, signature):
    PROVIDERS["twilio"].verify(twilio_form(url, signature), TWILIO)


def test_twilio_sdk_repeated_parameter_vector():
    params = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
    PROVIDERS["twilio"].verify(twilio_form(TWILIO_URL, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", params), TWILIO)


def test_twilio_sdk_body_vector():
    body = b'{"property": "value", "boolean": true}'
    url = TWILIO_URL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
    headers = {"Content-Type": "application/json", "X-Twilio-Signature": "a9nBmqA0ju/hNViExpshrM61xv4="}
    PROVIDERS["twilio"].verify(WebhookRequest("POST", url, headers, body), TWILIO)


def test_twilio_a_port_changes_nothing_but_the_port():
    # The port is the only thing a variant drops: another host, path or scheme still fails.
    for url in (
        "https://mycompany.org:1234/myapp.php?foo=1&bar=2",
        "https://mycompany.com:1234/other.php?foo=1&bar=2",
        "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
    ):
        with pytest.raises(SignatureError):
            PROVIDERS["twilio"].verify(twilio_form(url, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), TWILIO)


# -- Vonage (SMS API sig) ------------------------------------------------------------------------------------------

VONAGE_AT = datetime.fromtimestamp(1234567890, UTC)


def vonage_get(params: dict[str, str]) -> WebhookRequest:
    return WebhookRequest("GET", "https://sms.example.com/webhooks/vonage?" + urlencode(params), {})


@pytest.mark.parametrize(
    ("case", "method", "params", "sig"),
    [
        (
            "sign_params",
            "sha256",
            {"param1": "value1", "param2": "value2"},
            "280c4320703dbc98bfa22db676655ed2acfbfe8792b062ff7622e67f1183c287",
        ),
        (
            "sign_params_default_sig_method",
            "md5",
            {"param1": "value1", "param2": "value2"},
            "724c2bf6ca423c36e20631b11d1c5753",
        ),
        (
            "sign_params_with_special_characters",
            "md5",
            {"param1": "value&1", "param2": "value=2"},
            "2bbf0abafb2c55e5af6231513896a2ac",
        ),
        ("check_signature_valid_signature", "md5", {"param": "value"}, "655a4d0b7f064dff438defc52b012cf5"),
    ],
)
def test_vonage_sdk_vectors(case, method, params, sig):
    secrets = {"VONAGE_SIGNATURE_SECRET": "signature_secret"}
    if method:
        secrets["VONAGE_SIGNATURE_METHOD"] = method
    request = vonage_get({**params, "timestamp": "1234567890", "sig": sig})
    PROVIDERS["vonage"].verify(request, secrets, now=VONAGE_AT)


def test_vonage_sdk_invalid_signature_vector():
    request = vonage_get({"param": "value", "timestamp": "1234567890", "sig": "invalid_signature"})
    secrets = {"VONAGE_SIGNATURE_SECRET": "signature_secret", "VONAGE_SIGNATURE_METHOD": "md5"}
    with pytest.raises(SignatureError):
        PROVIDERS["vonage"].verify(request, secrets, now=VONAGE_AT)


# -- Sinch (Conversation API webhook signature) --------------------------------------------------------------------

SINCH_BODY = (
    '{"app_id":"01EB37HMH1M6SV18BSNS3G135H","accepted_time":"2020-11-17T15:09:11.659Z",'
    '"project_id":"c36f3d3d-1513-2edd-ae42-11995557ff61",'
    '"message_delivery_report":{"message_id":"01EQBC1A3BEK731GY4YXEN0C2R",'
    '"conversation_id":"01EPYATA64TMNZ1FV02JKF12JF","status":"QUEUED_ON_CHANNEL",'
    '"contact_id":"01EXA07N79THJ20WSN6AS30TMW"}}'
)
SINCH_HEADERS = {
    "x-sinch-webhook-signature": "Yc+3R1pIS78xLASybulhs8BsSo9BPB3Pr92QCUoczfk=",
    "x-sinch-webhook-signature-nonce": "01FJA8B4A7BM43YGWSG9GBV067",
    "x-sinch-webhook-signature-timestamp": "1634579353",
}
SINCH = {"SINCH_WEBHOOK_SECRET": "foo_secret1234"}
SINCH_AT = datetime.fromtimestamp(1634579353, UTC)


def sinch(headers: dict[str, str]) -> WebhookRequest:
    return WebhookRequest("POST", "https://sms.example.com/webhooks/sinch", headers, SINCH_BODY.encode())


def test_sinch_sdk_valid_signature_vector():
    PROVIDERS["sinch"].verify(sinch(SINCH_HEADERS), SINCH, now=SINCH_AT)


@pytest.mark.parametrize(
    "headers",
    [{}, {**SINCH_HEADERS, "x-sinch-webhook-signature": "invalid"}],
    ids=["missing_headers", "invalid_signature"],
)
def test_sinch_sdk_refused_vectors(headers):
    with pytest.raises(SignatureError):
        PROVIDERS["sinch"].verify(sinch(headers), SINCH, now=SINCH_AT)

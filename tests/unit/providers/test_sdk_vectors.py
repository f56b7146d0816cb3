"""Signatures as the providers' own SDKs check them: the published validation tests of each SDK, restated as
vectors (their inputs and expected signatures) and run through our adapters. Each SDK accepts these; so must we.

Twilio: twilio-python tests/unit/test_request_validator.py (token "12345").
"""

from __future__ import annotations

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

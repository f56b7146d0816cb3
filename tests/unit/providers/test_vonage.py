"""Vonage: SMS API ``sig`` in every hash method (Vonage SDK test vectors), GET/POST form/POST JSON, the 300 s window,
Messages API JWTs, and reassembly of concatenated messages."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, InboundMessage, WebhookRequest
from optledger.providers._jwt import sign_hs_jwt
from optledger.providers.vonage import ConcatPart, compute_signature, concat_key, reassemble

from .conftest import load_sample, sample_now, sample_request

SAMPLE = load_sample("vonage")
ADAPTER = PROVIDERS["vonage"]
URL = "https://sms.example.com/webhooks/vonage"
SECRET = "my_secret_key_for_testing"
SIGNED_AT = datetime.fromtimestamp(1385047698, UTC)

# Vonage Ruby SDK signature tests: an inbound SMS signed with each method.
PARAMS = {
    "message-timestamp": "2013-11-21 15:27:30",
    "messageId": "020000001B0FE827",
    "msisdn": "14843472194",
    "text": "Test again",
    "timestamp": "1385047698",
    "to": "13239877404",
    "type": "text",
}
SDK_SIGNATURES = {
    "md5hash": "d2e7b1dc968737c5998ad624e02f90b7",
    "md5": "DDEBD46008C2D4E93CCE578A332A52D5",
    "sha1": "27D0D05C2876C7CB1720DBCDBA4D492E1E55C09A",
    "sha256": "DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330",
    "sha512": "E0D3C650F8C9D1A5C174D10DDDBFB003E561F59B265616208B0487C5D819481CD3C311D59CF6165ECD1139622D5BA3A256C0D763"
    "AC4A9AD9144B5A426B94FE82",
}


def secrets(method: str | None = None, secret: str = SECRET) -> dict[str, str]:
    values = {"VONAGE_SIGNATURE_SECRET": secret}
    if method:
        values["VONAGE_SIGNATURE_METHOD"] = method
    return values


def get_request(params: dict[str, str]) -> WebhookRequest:
    return WebhookRequest("GET", URL + "?" + urlencode(params), {})


@pytest.mark.parametrize("method", sorted(SDK_SIGNATURES))
def test_sdk_vectors_verify_for_every_method(method):
    # Given the SDK's inbound SMS signed with the method configured in the dashboard
    request = get_request({**PARAMS, "sig": SDK_SIGNATURES[method]})
    # Then it verifies at the time it was signed (md5hash is the default when no method is configured)
    ADAPTER.verify(request, secrets(None if method == "md5hash" else method), now=SIGNED_AT)


def test_python_sdk_vector_and_disallowed_characters():
    # Vonage Python SDK: {"a": "1", "b": "2", "timestamp": "1461605396"} with secret "secret" (md5hash).
    assert compute_signature({"a": "1", "b": "2", "timestamp": "1461605396"}, "secret") == (
        "6af838ef94998832dbfc29020b564830"
    )
    # Ruby SDK: "&" and "=" inside values are replaced by "_" before signing.
    for value in ("_", "&", "="):
        assert compute_signature({"k": value}, SECRET) == "c3d6a686ab9c7e7408bb1c0506e9629a"


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SAMPLE["secrets"], now=sample_now(SAMPLE))
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("14843472194", "13239877404", "Test again")
    assert message.message_id == "020000001B0FE827"
    assert message.occurred_at == datetime(2013, 11, 21, 15, 27, 30, tzinfo=UTC)
    assert message.concat is None


def test_post_form_and_post_json_carry_the_same_signature():
    params = {**PARAMS, "sig": SDK_SIGNATURES["sha256"]}
    form = WebhookRequest(
        "POST", URL, {"Content-Type": "application/x-www-form-urlencoded"}, urlencode(params).encode()
    )
    as_json = WebhookRequest("POST", URL, {"Content-Type": "application/json"}, json.dumps(params).encode())
    for request in (form, as_json):
        ADAPTER.verify(request, secrets("sha256"), now=SIGNED_AT)
        assert ADAPTER.parse(request)[0].text == "Test again"


def test_tampered_text_is_rejected():
    request = get_request({**PARAMS, "text": "START", "sig": SDK_SIGNATURES["sha256"]})
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request, secrets("sha256"), now=SIGNED_AT)


def test_wrong_secret_and_wrong_method_are_rejected():
    request = get_request({**PARAMS, "sig": SDK_SIGNATURES["sha256"]})
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, secrets("sha256", secret="another-secret"), now=SIGNED_AT)
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, secrets("sha512"), now=SIGNED_AT)


@pytest.mark.parametrize("later", [301, -301, 86400])
def test_signed_timestamp_outside_the_window_is_rejected(later):
    request = get_request({**PARAMS, "sig": SDK_SIGNATURES["sha256"]})
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, secrets("sha256"), now=SIGNED_AT + timedelta(seconds=later))


def test_missing_sig_and_missing_timestamp_are_rejected():
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(get_request(PARAMS), secrets("sha256"), now=SIGNED_AT)
    unstamped = {k: v for k, v in PARAMS.items() if k != "timestamp"}
    request = get_request({**unstamped, "sig": compute_signature(unstamped, SECRET, "sha256")})
    with pytest.raises(SignatureError, match="timestamp is missing"):
        ADAPTER.verify(request, secrets("sha256"), now=SIGNED_AT)


def test_unconfigured_provider_and_unknown_method_are_disabled():
    request = get_request({**PARAMS, "sig": SDK_SIGNATURES["sha256"]})
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(request, {}, now=SIGNED_AT)
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(request, secrets("crc32"), now=SIGNED_AT)


# Messages API ------------------------------------------------------------------------------------------------------

MESSAGES_BODY = json.dumps(
    {
        "channel": "sms",
        "message_uuid": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        "to": "18885550100",
        "from": "14155550123",
        "timestamp": "2026-11-28T10:00:00Z",
        "text": "STOP",
        "sms": {"num_messages": "1", "keyword": "STOP"},
        "message_type": "text",
    }
).encode()
ISSUED = 1795860000


def jwt_request(body: bytes = MESSAGES_BODY, *, secret: str = SECRET, **claims) -> WebhookRequest:
    payload = {
        "iat": ISSUED,
        "jti": "c5ba8f24-1a14-4c10-bfdf-3fbe8ce511b5",
        "iss": "Vonage",
        "payload_hash": hashlib.sha256(body).hexdigest(),
        "api_key": "a1b2c3d",
        "application_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        **claims,
    }
    payload = {k: v for k, v in payload.items() if v is not None}
    token = sign_hs_jwt(payload, secret.encode())
    return WebhookRequest("POST", URL, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, body)


def at(seconds_after_issue: int) -> datetime:
    return datetime.fromtimestamp(ISSUED + seconds_after_issue, UTC)


def test_messages_api_jwt_verifies_and_parses():
    request = jwt_request()
    ADAPTER.verify(request, secrets("md5hash"), now=at(2))  # the dashboard method does not apply to JWTs
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("14155550123", "18885550100", "STOP")
    assert message.message_id == "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def test_messages_api_tampered_body_is_rejected():
    signed = jwt_request()
    forged = WebhookRequest("POST", URL, signed.headers, MESSAGES_BODY.replace(b"STOP", b"JOIN"))
    with pytest.raises(SignatureError, match="payload_hash"):
        ADAPTER.verify(forged, secrets(), now=at(2))


def test_messages_api_wrong_secret_stale_iat_and_missing_hash_are_rejected():
    with pytest.raises(SignatureError, match="signature"):
        ADAPTER.verify(jwt_request(secret="not-the-secret"), secrets(), now=at(2))
    with pytest.raises(SignatureError, match="older"):
        ADAPTER.verify(jwt_request(), secrets(), now=at(301))
    with pytest.raises(SignatureError, match="payload_hash"):
        ADAPTER.verify(jwt_request(payload_hash=None), secrets(), now=at(2))
    with pytest.raises(SignatureError, match="iat"):
        ADAPTER.verify(jwt_request(iat=None), secrets(), now=at(2))


def test_messages_api_alg_none_and_hs512_are_refused():
    body = MESSAGES_BODY
    claims = {"iat": ISSUED, "payload_hash": hashlib.sha256(body).hexdigest()}
    unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + sign_hs_jwt(claims, b"k").split(".")[1] + "."
    for token in (unsigned, sign_hs_jwt(claims, SECRET.encode(), algorithm="HS512")):
        request = WebhookRequest("POST", URL, {"Authorization": f"Bearer {token}"}, body)
        with pytest.raises(SignatureError):
            ADAPTER.verify(request, secrets(), now=at(2))


def test_non_sms_messages_api_channels_parse_to_nothing():
    body = json.loads(MESSAGES_BODY)
    body["channel"] = "whatsapp"
    assert ADAPTER.parse(jwt_request(json.dumps(body).encode())) == []


# Concatenated messages ---------------------------------------------------------------------------------------------


def part(number: int, text: str, *, ref: str = "08B5", total: int = 3, sender: str = "14155550123") -> WebhookRequest:
    params = {
        **PARAMS,
        "msisdn": sender,
        "messageId": f"0A00000012345{number}",
        "text": text,
        "concat": "true",
        "concat-ref": ref,
        "concat-total": str(total),
        "concat-part": str(number),
        "message-timestamp": f"2013-11-21 15:27:3{number}",
    }
    params["sig"] = compute_signature(params, SECRET, "sha256")
    return get_request(params)


def test_concatenated_parts_expose_their_part_info_and_reassemble():
    # Given the three parts of a long message, arriving out of order and one of them twice
    requests = [part(2, "please stop "), part(3, "texting me"), part(1, "Hello, "), part(2, "please stop ")]
    parts = []
    for request in requests:
        ADAPTER.verify(request, secrets("sha256"), now=SIGNED_AT)
        [message] = ADAPTER.parse(request)
        parts.append(message)
    assert parts[0].concat == ConcatPart(ref="08B5", total=3, part=2)
    assert len({concat_key(message) for message in parts}) == 1
    # When reassembled before the last part arrived, nothing is complete yet
    assert reassemble(parts[:2]) is None
    # Then with every part the whole message takes part 1's id and the earliest time
    whole = reassemble(parts)
    assert isinstance(whole, InboundMessage)
    assert whole.text == "Hello, please stop texting me"
    assert whole.message_id == "0A000000123451"
    assert whole.occurred_at == datetime(2013, 11, 21, 15, 27, 31, tzinfo=UTC)


def test_parts_of_different_messages_do_not_mix():
    [first] = ADAPTER.parse(part(1, "a", ref="01"))
    [other] = ADAPTER.parse(part(2, "b", ref="02"))
    [stranger] = ADAPTER.parse(part(2, "b", ref="01", sender="14155550999"))
    assert concat_key(first) != concat_key(stranger)
    for mixed in ([first, other], [first, stranger]):
        with pytest.raises(MalformedRequest):
            reassemble(mixed)
    assert concat_key(ADAPTER.parse(sample_request(SAMPLE))[0]) is None
    assert reassemble([]) is None


@pytest.mark.parametrize(
    "concat",
    [
        {"concat-ref": "1", "concat-total": "2"},
        {"concat-ref": "1", "concat-total": "x", "concat-part": "1"},
        {"concat-ref": "1", "concat-total": "2", "concat-part": "3"},
        {"concat-ref": "", "concat-total": "2", "concat-part": "1"},
    ],
)
def test_bad_concat_fields_are_400s(concat):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(get_request({**PARAMS, "concat": "true", **concat}))


@pytest.mark.parametrize(
    "params",
    [
        {"to": "1", "messageId": "x"},
        {"msisdn": "1", "messageId": "x"},
        {"msisdn": "1", "to": "2"},
        {**PARAMS, "message-timestamp": "tomorrow"},
    ],
)
def test_missing_fields_are_400s(params):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(get_request(params))

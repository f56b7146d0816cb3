"""Fuzz every adapter: whatever the body, headers, URL or method, verify/parse/handshake raise only OptLedgerError.

A provider-shaped request (a recorded sample with one JSON node replaced or removed) reaches deep into parse; random
bytes, random JSON and random form bodies cover the rest. Secrets are the sample's, so verification code runs in full.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
from typing import Any
from unittest import mock
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optledger.errors import OptLedgerError, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers import sns as sns_module

from .conftest import load_sample, sample_now

PROVIDER_NAMES = ["telnyx", "bandwidth", "vonage", "plivo", "sinch", "bird", "ringcentral", "sns"]
HEADER_NAMES = [
    "content-type",
    "authorization",
    "telnyx-signature-ed25519",
    "telnyx-timestamp",
    "x-plivo-signature-v3",
    "x-plivo-signature-v3-nonce",
    "x-plivo-signature-ma-v3",
    "x-plivo-signature-v2",
    "x-plivo-signature-v2-nonce",
    "x-sinch-webhook-signature",
    "x-sinch-webhook-signature-nonce",
    "x-sinch-webhook-signature-timestamp",
    "x-sinch-webhook-signature-algorithm",
    "messagebird-signature-jwt",
    "messagebird-signature",
    "messagebird-request-timestamp",
    "x-bird-signature",
    "x-bird-timestamp",
    "validation-token",
    "verification-token",
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
HEADER_VALUES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["1795860001", "-1", "99999999999999", "Basic Og==", "Bearer a.b.c", "Bearer e30.e30.", "=", ","]),
    st.binary(max_size=40).map(lambda raw: base64.b64encode(raw).decode()),
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


@st.composite
def mutated_json(draw: st.DrawFn, document: Any) -> bytes:
    """The document with one node replaced by random JSON, or removed."""
    document = json.loads(json.dumps(document))
    path = draw(st.sampled_from(paths(document)))
    if not path:
        return json.dumps(draw(JSON_VALUES)).encode()
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return json.dumps(document).encode()


def body_strategy(sample: dict[str, Any]) -> st.SearchStrategy[bytes]:
    strategies = [
        st.binary(max_size=200),
        JSON_VALUES.map(lambda value: json.dumps(value).encode()),
        st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=6).map(lambda d: urlencode(d).encode()),
    ]
    try:
        document = json.loads(sample["body"])
    except ValueError:
        document = None
    if document is not None:
        strategies += [mutated_json(document)] * 3  # provider-shaped bodies reach furthest: draw them most
        inner = document.get("Message") if isinstance(document, dict) else None
        if isinstance(inner, str):  # SNS: mutate the End User Messaging message inside the envelope too
            strategies.append(
                mutated_json(json.loads(inner)).map(
                    lambda raw: json.dumps({**document, "Message": raw.decode()}).encode()
                )
            )
    return st.one_of(strategies)


def request_strategy(sample: dict[str, Any]) -> st.SearchStrategy[WebhookRequest]:
    headers = st.fixed_dictionaries({}, optional=dict.fromkeys(HEADER_NAMES, HEADER_VALUES)).map(
        lambda extra: {**sample["headers"], **extra}
    ) | st.dictionaries(st.sampled_from(HEADER_NAMES), HEADER_VALUES, max_size=6)
    urls = st.one_of(
        st.just(sample["url"]),
        st.text(max_size=60).map(lambda query: sample["url"].split("?")[0] + "?" + query),
        st.text(max_size=60),
    )
    return st.builds(WebhookRequest, st.sampled_from(["POST", "GET", "PUT"]), urls, headers, body_strategy(sample))


def exercise(adapter: Any, request: WebhookRequest, secrets: dict, now: Any, *, handshake: bool = False) -> None:
    """Verify, parse (and handshake): an OptLedgerError is an answer; any other exception fails the test."""
    with contextlib.suppress(OptLedgerError):
        adapter.verify(request, secrets, now=now)
    with contextlib.suppress(OptLedgerError):
        adapter.parse(request)
    if handshake:
        with contextlib.suppress(OptLedgerError):
            adapter.handshake(request, secrets)


def refuse_fetch(url: str) -> str:
    raise SignatureError("fuzz tests do not fetch certificates")


@pytest.mark.parametrize("provider", PROVIDER_NAMES)
def test_adapters_raise_only_optledger_errors(provider):
    sample = load_sample(provider)
    adapter = PROVIDERS[provider]
    secrets = {**sample["secrets"], "SNS_TOPIC_ARNS": "arn:aws:sns:us-east-1:111122223333:optledger-inbound-sms"}
    now = sample_now(sample)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(request=request_strategy(sample))
    def check(request: WebhookRequest) -> None:
        exercise(adapter, request, secrets, now, handshake=True)

    with (
        mock.patch.object(sns_module, "fetch_certificate", refuse_fetch),
        mock.patch.dict(sns_module.CERTIFICATES, sample.get("certificates", {})),
    ):
        check()


REPLACEMENTS = [None, 0, 1.5, True, "", "x", [], [None], {}, {"x": None}]


def single_mutations(document: Any) -> list[Any]:
    """Every document obtained by removing one node or replacing it with a value of another type."""
    variants = []
    for path in paths(document)[1:]:
        for replacement in [*REPLACEMENTS, "__delete__"]:
            copy = json.loads(json.dumps(document))
            parent = copy
            for step in path[:-1]:
                parent = parent[step]
            if replacement == "__delete__":
                if not isinstance(parent, dict):
                    continue
                del parent[path[-1]]
            else:
                parent[path[-1]] = replacement
            variants.append(copy)
    return variants


@pytest.mark.parametrize("provider", ["telnyx", "bandwidth", "sinch", "bird", "ringcentral", "sns"])
def test_every_single_node_mutation_of_the_json_sample_is_handled(provider):
    # Given every way of breaking one node of the recorded provider JSON (and, for SNS, of the inner message)
    sample = load_sample(provider)
    document = json.loads(sample["body"])
    bodies = [json.dumps(variant) for variant in single_mutations(document)]
    if provider == "sns":
        inner = json.loads(document["Message"])
        bodies += [json.dumps({**document, "Message": json.dumps(v)}) for v in single_mutations(inner)]
    adapter = PROVIDERS[provider]
    with (
        mock.patch.object(sns_module, "fetch_certificate", refuse_fetch),
        mock.patch.dict(sns_module.CERTIFICATES, sample.get("certificates", {})),
    ):
        for body in bodies:
            request = WebhookRequest(sample["method"], sample["url"], sample["headers"], body.encode())
            # When verified and parsed, then only OptLedgerError subclasses come out
            exercise(adapter, request, sample["secrets"], sample_now(sample))


@pytest.mark.parametrize("provider", ["vonage", "plivo"])
def test_every_single_field_mutation_of_the_form_sample_is_handled(provider):
    from urllib.parse import parse_qsl, urlsplit

    sample = load_sample(provider)
    adapter = PROVIDERS[provider]
    in_query = sample["method"] == "GET"
    fields = dict(parse_qsl(urlsplit(sample["url"]).query if in_query else sample["body"]))
    for name in fields:
        for value in ["", "x", "0", "true", "\x00", "9" * 40, "2013-13-45 99:99:99", None]:
            variant = {k: v for k, v in fields.items() if k != name}
            if value is not None:
                variant[name] = value
            encoded = urlencode(variant)
            url = sample["url"].split("?")[0] + "?" + encoded if in_query else sample["url"]
            request = WebhookRequest(sample["method"], url, sample["headers"], b"" if in_query else encoded.encode())
            exercise(adapter, request, sample["secrets"], sample_now(sample))


@pytest.mark.parametrize("provider", PROVIDER_NAMES)
def test_deeply_nested_json_is_a_malformed_request_not_a_recursion_error(provider):
    request = WebhookRequest("POST", "https://x/webhooks", {"Content-Type": "application/json"}, b"[" * 100_000)
    adapter = PROVIDERS[provider]
    with pytest.raises(OptLedgerError):
        adapter.parse(request)


def test_deeply_nested_json_inside_tokens_and_envelopes_is_refused_cleanly():
    # A correctly signed token whose claims are 5000 nested arrays: decoding them must not escape as RecursionError.
    signing_input = "eyJhbGciOiJIUzI1NiJ9." + base64.urlsafe_b64encode(b"[" * 5000).rstrip(b"=").decode()
    mac = hmac.new(b"k", signing_input.encode(), hashlib.sha256).digest()
    token = signing_input + "." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
    bird = WebhookRequest("POST", "https://x", {"MessageBird-Signature-JWT": token}, b"")
    with pytest.raises(SignatureError, match="claims"):
        PROVIDERS["bird"].verify(bird, {"BIRD_SIGNING_KEY": "k"})
    envelope = json.dumps({"Type": "Notification", "Message": "[" * 100_000}).encode()
    with pytest.raises(OptLedgerError):
        PROVIDERS["sns"].parse(WebhookRequest("POST", "https://x", {}, envelope))

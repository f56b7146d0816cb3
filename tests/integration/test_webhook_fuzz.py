"""Fuzzed webhooks through the handler: never a 5xx, and a refused request never writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optledger import inbound
from tests.support.functions import function
from tests.support.twilio import form, http_api_event
from tests.support.webhooks import HTTP_PROVIDERS, load_sample, sample_event, sample_now

webhooks = function("webhooks")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

texts = st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@pytest.fixture
def all_providers(env, monkeypatch):
    for provider in HTTP_PROVIDERS:
        for name, value in load_sample(provider).get("secrets", {}).items():
            monkeypatch.setenv(f"OPTLEDGER_{name}", value)
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(load_sample("telnyx")))
    return env


@pytest.mark.parametrize("provider", HTTP_PROVIDERS)
@FUZZ
@given(
    body=texts,
    json_body=json_values,
    mode=st.sampled_from(["text", "json", "headers"]),
    header_value=st.text(max_size=80),
)
def test_fuzzed_webhook_is_refused_cleanly(
    all_providers, lambda_context, provider, body, json_body, mode, header_value
):
    event = sample_event(load_sample(provider))
    if mode == "text":
        event["body"] = body
    elif mode == "json":
        event["body"] = json.dumps(json_body)
    else:  # the real body with every header the provider sent replaced by noise
        event["headers"] = dict.fromkeys(event["headers"], header_value)

    response = webhooks.lambda_handler(event, lambda_context)

    assert response["statusCode"] < 500, response["body"]
    if response["statusCode"] >= 400:
        assert json.loads(response["body"])["error"]
    assert all_providers.ledger_items() == []


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["From", "To", "Body", "MessageSid", "SmsSid", "NumMedia", "X"]), texts, max_size=7
    )
)
def test_validly_signed_fuzzed_twilio_fields_never_5xx(env, lambda_context, fields):
    before = len(env.ledger_items())
    response = webhooks.lambda_handler(http_api_event(fields), lambda_context)
    assert response["statusCode"] < 500, response["body"]
    if response["statusCode"] >= 400:
        assert len(env.ledger_items()) == before


@FUZZ
@given(text=texts)
def test_any_signed_twilio_text_is_recorded_or_refused_cleanly(env, lambda_context, text):
    response = webhooks.lambda_handler(http_api_event(form(text, sid="SMfuzz" + str(abs(hash(text))))), lambda_context)
    assert response["statusCode"] in (200, 400)

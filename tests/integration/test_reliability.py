"""Reliability: duplicates, arrival order, injected faults, hostile input. Nothing accepted is lost, nothing refused is
written."""

from __future__ import annotations

import itertools
import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from optledger import consent, runtime
from optledger.chain import verify_chain
from optledger.ledger import Draft
from tests.support.functions import function
from tests.support.twilio import form, http_api_event, load_event

PHONE = "+14155550123"
webhooks = function("webhooks")
consents = function("consents")


def test_50_concurrent_deliveries_of_one_message_record_one_event(env, lambda_context):
    event = http_api_event(form("STOP", sid="SMdup50"))
    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(
            pool.map(lambda _: webhooks.lambda_handler(json.loads(json.dumps(event)), lambda_context), range(50))
        )
    assert {r["statusCode"] for r in responses} == {200}
    assert len({r["body"] for r in responses}) == 1
    assert len(env.events("acme", PHONE)) == 1


SEQUENCE = [
    ("opt_in", "2026-11-28T10:00:00.000Z"),
    ("opt_out", "2026-11-28T10:01:00.000Z"),
    ("help", "2026-11-28T10:02:00.000Z"),
    ("opt_in", "2026-11-28T10:03:00.000Z"),
    ("opt_out", "2026-11-28T10:03:00.000Z"),
]


def draft(kind: str, at: str, phone: str) -> Draft:
    return Draft(
        brand="acme",
        phone=phone,
        type=kind,
        campaigns=("C7DEALS",),
        channel="sms",
        occurred_at=at,
        source={"provider": "test", "provider_message_id": f"{kind}-{at}"},
        tiers={"C7DEALS": "express_written"},
    )


def expected_status(events) -> str:
    """What occurred_at order gives: the last opt-in/opt-out, an opt-out winning a tie."""
    decisive = [(at, kind == "opt_out", kind) for kind, at in events if kind in ("opt_in", "opt_out")]
    return "none" if not decisive else ("opted_out" if max(decisive)[2] == "opt_out" else "opted_in")


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5])
def test_every_arrival_order_of_up_to_5_events_gives_the_occurred_at_state(env, length):
    events = SEQUENCE[:length]
    for number, order in enumerate(itertools.permutations(events)):
        phone = f"+1415555{length}{number:03d}"
        for kind, at in order:
            runtime.ledger().append(draft(kind, at, phone))
        head = runtime.store().get_head("acme", phone)
        assert consent.effective(head.state, "C7DEALS")["status"] == expected_status(events), order
        assert verify_chain(env.events("acme", phone)) is None


def conflict_error(operation: str = "TransactWriteItems") -> ClientError:
    return ClientError(
        {
            "Error": {"Code": "TransactionCanceledException", "Message": "conflict"},
            "CancellationReasons": [{"Code": "TransactionConflict"}, {"Code": "None"}],
        },
        operation,
    )


def test_transaction_conflicts_are_retried_until_the_append_succeeds(env, lambda_context, monkeypatch):
    client = runtime.store().dynamodb
    real = client.transact_write_items
    failures = iter([conflict_error(), conflict_error(), conflict_error()])

    def flaky(**kwargs):
        error = next(failures, None)
        if error is not None:
            raise error
        return real(**kwargs)

    monkeypatch.setattr(client, "transact_write_items", flaky)
    response = webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    assert response["statusCode"] == 200
    assert len(env.events("acme", PHONE)) == 1


@pytest.mark.parametrize(
    ("operation", "error"),
    [
        ("get_item", ClientError({"Error": {"Code": "ThrottlingException", "Message": "slow down"}}, "GetItem")),
        ("get_item", EndpointConnectionError(endpoint_url="http://dynamodb")),
        (
            "transact_write_items",
            ClientError(
                {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "x"}}, "TransactWriteItems"
            ),
        ),
        ("transact_write_items", EndpointConnectionError(endpoint_url="http://dynamodb")),
    ],
)
def test_storage_faults_answer_503_and_write_nothing(env, lambda_context, monkeypatch, operation, error):
    def fail(**_):
        raise error

    monkeypatch.setattr(runtime.store().dynamodb, operation, fail)
    response = webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    assert response["statusCode"] == 503
    monkeypatch.undo()
    assert env.ledger_items() == []


def test_provider_retry_after_a_503_records_exactly_once(env, lambda_context, monkeypatch):
    def fail(**_):
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "TransactWriteItems")

    with monkeypatch.context() as patch:
        patch.setattr(runtime.store().dynamodb, "transact_write_items", fail)
        assert webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)["statusCode"] == 503
    assert webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)["statusCode"] == 200
    assert webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)["statusCode"] == 200
    assert len(env.events("acme", PHONE)) == 1


def test_oversize_webhook_body_is_413_and_writes_nothing(env, lambda_context):
    event = load_event("api/twilio_stop.json")
    event["body"] += "&Pad=" + "x" * (70 * 1024)
    response = webhooks.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 413
    assert env.ledger_items() == []


@pytest.mark.parametrize(
    "path",
    ["/consents/..%2F..%2Fetc%2Fpasswd", "/consents/%2B1415%00", "/consents/../campaigns", "/consents/" + "9" * 500],
)
def test_hostile_phone_parameters_are_refused(env, lambda_context, path):
    event = load_event("api/consents_get.json")
    event["rawPath"] = path
    response = consents.lambda_handler(event, lambda_context)
    assert response["statusCode"] in (404, 422)
    assert "passwd" not in response["body"] and "9" * 20 not in response["body"]


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic dGVzdDp0ZXN0",
        "Bearer test-api-ke",
        "Bearer test-api-key-longer",
        "bearer  wrong",
    ],
)
def test_missing_or_wrong_api_keys_are_refused(env, lambda_context, authorization):
    event = load_event("api/consents_check.json")
    event["headers"].pop("authorization")
    if authorization is not None:
        event["headers"]["authorization"] = authorization
    assert consents.lambda_handler(event, lambda_context)["statusCode"] in (401, 403)


class Collect(logging.Handler):
    """Every record the optledger loggers emit, with all its extra fields, as text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.dumps(record.__dict__, default=str))


def test_logs_never_carry_a_full_number_or_message_text(env, lambda_context):
    collect = Collect()
    logging.getLogger("optledger").addHandler(collect)
    secret_text = "please stop texting me about the blue sofa"
    webhooks.lambda_handler(http_api_event(form(secret_text, sid="SMlog1")), lambda_context)
    webhooks.lambda_handler(http_api_event(form("STOP", sid="SMlog2", sender="+1555000")), lambda_context)
    bad = http_api_event(form(secret_text, sid="SMlog3"))
    bad["headers"]["x-twilio-signature"] = "AAAA"
    webhooks.lambda_handler(bad, lambda_context)
    event = load_event("api/consents_get.json")
    event["rawPath"] = "/consents/+14155550123"
    consents.lambda_handler(event, lambda_context)
    logging.getLogger("optledger").removeHandler(collect)
    logs = "\n".join(collect.lines)
    assert "request refused" in logs and "invalid_signature" in logs  # the handlers did log
    for secret in ("4155550123", "+1555000", "blue sofa"):
        assert secret not in logs

"""End User Messaging opt-out sync: from a STOP through the webhooks handler, the ledger stream, the publisher and
EventBridge (moto) to the optoutsync function, whose pinpoint-sms-voice-v2 calls botocore's Stubber checks against
AWS's own service model (moto has no model of that service)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from optledger import eum_sync, runtime
from optledger.ledger import Draft
from optledger.smsvoice import OptOutLists, SyncFailed
from optledger.store import Head
from tests.support.functions import function
from tests.support.stream import stream_event, write_order
from tests.support.twilio import form, http_api_event

webhooks = function("webhooks")
publisher = function("publisher")
optoutsync = function("optoutsync")

CONSUMER = "+14155550123"
LIST_ARN = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/acme-optouts"
_sids = iter(range(1, 10_000))


class Flow:
    """A consumer texting the demo senders, and everything downstream of the ledger up to the stubbed AWS calls."""

    def __init__(self, env: Any, queue_url: str, stubber: Stubber, lambda_context: Any) -> None:
        self.env, self.queue_url, self.stubber, self.context = env, queue_url, stubber, lambda_context
        self.published: set[tuple[str, str]] = set()

    def text(self, body: str, *, to: str) -> None:
        time.sleep(0.002)  # each message its own millisecond: the ledger orders by occurred_at
        sid = f"SM{next(_sids):032d}"
        answer = webhooks.lambda_handler(http_api_event(form(body, sid=sid, to=to)), self.context)
        assert answer["statusCode"] == 200

    def consent_changed(self) -> list[dict[str, Any]]:
        """Publish the ledger items written since the last call; the ConsentChanged events the bus delivered."""
        items = [i for i in self.env.ledger_items() if (i["pk"]["S"], i["sk"]["S"]) not in self.published]
        self.published |= {(i["pk"]["S"], i["sk"]["S"]) for i in items}
        assert publisher.lambda_handler(stream_event(write_order(items)), self.context) == {"batchItemFailures": []}
        sqs = boto3.client("sqs")
        delivered: list[dict[str, Any]] = []
        while batch := sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", []):
            delivered += [json.loads(m["Body"]) for m in batch]
            for message in batch:
                sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
        return [e for e in delivered if e["detail-type"] == "ConsentChanged"]

    def sync(self) -> list[dict[str, Any]]:
        """Run the sync function on every ConsentChanged the bus delivered (as EventBridge invokes it)."""
        return [optoutsync.lambda_handler(event, self.context) for event in self.consent_changed()]

    def expect(self, operation: str, list_name: str = LIST_ARN, phone: str = CONSUMER) -> None:
        response = {
            "OptOutListArn": LIST_ARN,
            "OptOutListName": "acme-optouts",
            "OptedOutNumber": phone,
            "OptedOutTimestamp": datetime(2026, 11, 28, tzinfo=UTC),
            "EndUserOptedOut": False,
        }
        self.stubber.add_response(operation, response, {"OptOutListName": list_name, "OptedOutNumber": phone})


@pytest.fixture
def stubbed(monkeypatch) -> Iterator[Stubber]:
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    with Stubber(client) as stubber:
        monkeypatch.setattr(optoutsync, "opt_out_lists", lambda: OptOutLists(client))
        yield stubber
        stubber.assert_no_pending_responses()


@pytest.fixture
def lists(monkeypatch):
    def configure(value: Any) -> None:
        monkeypatch.setenv(eum_sync.ENV_LISTS, json.dumps(value))
        optoutsync.lists.cache_clear()

    configure({"acme": LIST_ARN})
    yield configure
    optoutsync.lists.cache_clear()


@pytest.fixture
def flow(env, lists, stubbed, lambda_context, monkeypatch) -> Iterator[Flow]:
    """An EventBridge bus (moto) whose ConsentChanged events reach a queue this test reads for the function."""
    name = f"optledger-{env.table}"
    events, sqs = boto3.client("events"), boto3.client("sqs")
    events.create_event_bus(Name=name)
    queue_url = sqs.create_queue(QueueName=name)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    # The template's rule pattern: consent changes of type opt_in or opt_out only.
    pattern = {"source": ["optledger"], "detail-type": ["ConsentChanged"], "detail": {"type": ["opt_in", "opt_out"]}}
    events.put_rule(Name="optoutsync", EventBusName=name, EventPattern=json.dumps(pattern))
    events.put_targets(Rule="optoutsync", EventBusName=name, Targets=[{"Id": "queue", "Arn": queue_arn}])
    monkeypatch.setenv("OPTLEDGER_EVENT_BUS", name)
    runtime.reset()
    yield Flow(env, queue_url, stubbed, lambda_context)
    events.remove_targets(Rule="optoutsync", EventBusName=name, Ids=["queue"])
    events.delete_rule(Name="optoutsync", EventBusName=name)
    events.delete_event_bus(Name=name)
    sqs.delete_queue(QueueUrl=queue_url)


def test_a_stop_puts_the_number_into_the_brands_opt_out_list(flow):
    flow.text("STOP", to="+18885550100")
    flow.expect("put_opted_out_number")

    [result] = flow.sync()

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "put"}]


def test_a_later_start_removes_it_once_every_campaign_of_the_list_is_sendable_again(flow):
    flow.text("STOP", to="+18885550100")  # C7CHAT and C7DEALS (sender scope)
    flow.expect("put_opted_out_number")
    flow.sync()

    flow.text("START", to="+18885550100")
    flow.expect("delete_opted_out_number")

    [result] = flow.sync()

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "delete"}]


def test_an_opt_in_to_one_campaign_keeps_the_number_listed_while_another_campaign_of_the_list_is_opted_out(flow):
    flow.text("STOP", to="+18885550100")  # C7CHAT, C7DEALS
    flow.text("STOP", to="+18885550101")  # C7ALERTS
    flow.expect("put_opted_out_number")
    flow.expect("put_opted_out_number")
    flow.sync()

    flow.text("START", to="+18885550100")
    flow.expect("put_opted_out_number")  # still opted out of C7ALERTS: it stays (the call is idempotent)

    [result] = flow.sync()

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "put"}]


def test_lists_cover_the_campaigns_they_name(flow, lists):
    deals = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/acme-deals"
    lists({"acme": [{"list": deals, "campaigns": ["C7DEALS"]}, {"list": LIST_ARN}]})
    flow.text("STOP", to="+18885550100")
    flow.text("STOP", to="+18885550101")
    for _ in range(2):
        flow.expect("put_opted_out_number", deals)
        flow.expect("put_opted_out_number")
    flow.sync()

    flow.text("START", to="+18885550100")
    flow.expect("delete_opted_out_number", deals)  # C7DEALS is sendable again
    flow.expect("put_opted_out_number")  # the brand-wide list still holds the number (C7ALERTS)

    [result] = flow.sync()

    assert [a["action"] for a in result["actions"]] == ["delete", "put"]


def test_an_opt_in_of_a_number_that_never_opted_out_here_leaves_the_aws_list_alone(flow):
    flow.text("START", to="+18885550100")

    [result] = flow.sync()  # no response queued: a call would fail

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "left"}]


def test_a_number_not_in_the_list_counts_as_removed(flow):
    flow.text("STOP", to="+18885550100")
    flow.expect("put_opted_out_number")
    flow.sync()
    flow.text("START", to="+18885550100")
    flow.stubber.add_client_error(
        "delete_opted_out_number",
        service_error_code="ResourceNotFoundException",
        service_message="not found",
        http_status_code=404,
        modeled_fields={"Message": "not found", "ResourceType": "opted-out-number", "ResourceId": CONSUMER},
        expected_params={"OptOutListName": LIST_ARN, "OptedOutNumber": CONSUMER},
    )

    [result] = flow.sync()

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "absent"}]


def test_a_missing_list_or_a_refused_call_fails_the_invocation_so_lambda_retries_it(flow):
    flow.text("STOP", to="+18885550100")
    [event] = flow.consent_changed()
    flow.stubber.add_client_error(
        "put_opted_out_number",
        service_error_code="ThrottlingException",
        service_message="slow down",
        http_status_code=400,
        expected_params={"OptOutListName": LIST_ARN, "OptedOutNumber": CONSUMER},
    )

    with pytest.raises(SyncFailed, match="ThrottlingException"):
        optoutsync.lambda_handler(event, flow.context)

    event["detail"]["type"] = "opt_in"  # whatever the event says, the state decides: still opted out -> put
    flow.stubber.add_client_error(
        "put_opted_out_number",
        service_error_code="ResourceNotFoundException",
        service_message="no such list",
        http_status_code=404,
        modeled_fields={"Message": "no such list", "ResourceType": "opt-out-list", "ResourceId": "acme-optouts"},
    )
    with pytest.raises(SyncFailed, match="ResourceNotFoundException"):
        optoutsync.lambda_handler(event, flow.context)


def test_an_opt_out_delivered_after_a_later_opt_in_removes_rather_than_adds(flow):
    flow.text("STOP", to="+18885550100")
    flow.text("START", to="+18885550100")
    stop, start = flow.consent_changed()
    flow.expect("delete_opted_out_number")
    flow.expect("delete_opted_out_number")

    results = [optoutsync.lambda_handler(e, flow.context) for e in (start, stop)]  # out of order

    assert [r["actions"][0]["action"] for r in results] == ["delete", "delete"]


def test_messages_and_brands_without_a_list_make_no_call(flow, lists):
    lists({"other-brand": LIST_ARN})
    flow.text("STOP", to="+18885550100")

    assert [r["actions"] for r in flow.sync()] == [[]]  # the stubber has no response queued: any call would fail
    flow.text("hello there", to="+18885550100")
    assert flow.consent_changed() == []  # the rule passes only opt-ins and opt-outs


# -- the decision, without AWS -----------------------------------------------------------------------------------------


class MovingStore:
    """A store whose chain head moves between two reads (another event landed while we called AWS)."""

    def __init__(self, *heads: Head) -> None:
        self.heads = list(heads)

    def get_head(self, brand: str, phone: str) -> Head:
        return self.heads.pop(0) if len(self.heads) > 1 else self.heads[0]

    def iter_events(self, brand: str, phone: str) -> list[dict[str, Any]]:
        return [{"type": "opt_out", "campaigns": ["C7DEALS"]}, {"type": "opt_in", "campaigns": ["C7DEALS"]}]


class Recorder(OptOutLists):
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def put(self, list_name: str, phone: str) -> None:
        self.calls.append(("put", list_name))

    def delete(self, list_name: str, phone: str) -> bool:
        self.calls.append(("delete", list_name))
        return True


def _state(status: str, at: str = "2026-11-28T10:00:00.000Z", pending: bool = False) -> dict[str, Any]:
    base = {"status": status, "tier": None, "event_id": "01A", "decided_at": at}
    entry: dict[str, Any] = {"base": base}
    if pending:
        entry["pending"] = {
            "event_id": "01B",
            "at": "2026-11-28T11:00:00.000Z",
            "expires_at": "2026-12-01T11:00:00.000Z",
        }
    return {"v": 1, "campaigns": {"C7DEALS": entry}, "brand": {}}


def test_a_head_that_moved_during_the_calls_is_decided_again(env):
    opted_out = Head(1, "a" * 64, _state("opted_out"))
    opted_in = Head(2, "b" * 64, _state("opted_in", at="2026-11-28T10:05:00.000Z"))
    recorder = Recorder()
    lists = {"acme": [eum_sync.OptOutList("acme-deals", ("C7DEALS",))]}

    actions = eum_sync.sync(
        {"type": "opt_out", "brand": "acme", "phone": CONSUMER},
        lists=lists,
        store=MovingStore(opted_out, opted_in),
        directory=runtime.campaigns().directory(),
        eum=recorder,
    )

    assert recorder.calls == [("put", "acme-deals"), ("delete", "acme-deals")]
    assert [a.action for a in actions] == ["put", "delete"]


def test_a_pending_double_opt_in_after_an_opt_out_keeps_the_number_listed():
    assert eum_sync.blocked(_state("opted_out", pending=True), ["C7DEALS"])
    assert not eum_sync.blocked(_state("opted_in"), ["C7DEALS"])
    assert not eum_sync.blocked(None, ["C7DEALS"])


def test_the_configuration_is_checked():
    assert eum_sync.parse_lists('{"acme": "a", "beta": [{"list": "b", "campaigns": ["X"]}]}') == {
        "acme": [eum_sync.OptOutList("a")],
        "beta": [eum_sync.OptOutList("b", ("X",))],
    }
    assert eum_sync.parse_lists("") == {}
    for bad in ("[]", '{"acme": 3}', '{"acme": {"list": "a", "campaigns": "X"}}', "{"):
        with pytest.raises(ValueError, match=eum_sync.ENV_LISTS):
            eum_sync.parse_lists(bad)


def test_a_brand_wide_draft_opt_out_reaches_every_list_of_the_brand(flow, lists):
    runtime.ledger().append(
        Draft(
            brand="acme",
            phone=CONSUMER,
            type="opt_out",
            campaigns=("C7ALERTS", "C7CHAT", "C7DEALS"),
            channel="api",
            occurred_at="2026-11-28T10:00:00.000Z",
            source={"recorded_by": "test"},
            brand_scope=True,
        )
    )
    flow.expect("put_opted_out_number")

    [result] = flow.sync()

    assert result["actions"] == [{"list_name": LIST_ARN, "action": "put"}]

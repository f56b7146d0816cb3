"""GET /consents/{phone}?limit=&cursor=: a long history a page at a time, one DynamoDB Query per page, the state per
campaign on every page."""

from __future__ import annotations

import json

import pytest

from optledger import runtime
from optledger.chain import canonical_json
from optledger.views import DEFAULT_PAGE, MAX_PAGE, consent_pages
from tests.support.functions import function
from tests.support.ledger_events import chain_events
from tests.support.twilio import load_event

consents = function("consents")
webhooks = function("webhooks")
PHONE = "+14155550123"
EVENTS = 10_000


@pytest.fixture
def long_history(env, lambda_context):
    """A support line's number: one STOP through the webhook (a real head and state), then 9,999 more events
    written in bulk straight into the table (appending them one by one would only slow the test)."""
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    requests = [
        {
            "PutRequest": {
                "Item": {
                    "pk": {"S": f"PHONE#acme#{PHONE}"},
                    "sk": {"S": f"EVENT#{event['seq']:010d}"},
                    "event": {"S": canonical_json(event)},
                    "event_id": {"S": event["event_id"]},
                }
            }
        }
        for event in chain_events(PHONE, EVENTS)[1:]
    ]
    for start in range(0, len(requests), 25):
        env.dynamodb.batch_write_item(RequestItems={env.table: requests[start : start + 25]})
    env.dynamodb.update_item(
        TableName=env.table,
        Key={"pk": {"S": f"PHONE#acme#{PHONE}"}, "sk": {"S": "HEAD"}},
        UpdateExpression="SET seq = :seq",
        ExpressionAttributeValues={":seq": {"N": str(EVENTS)}},
    )
    return env


@pytest.fixture
def chain_queries(monkeypatch):
    """Counts the Query calls that read a number's chain."""
    calls: list[dict] = []
    client = runtime.store().dynamodb

    def count(params, **_):
        if params.get("ExpressionAttributeValues", {}).get(":pk", {}).get("S", "").startswith("PHONE#"):
            calls.append(params)

    client.meta.events.register("provide-client-params.dynamodb.Query", count)
    yield calls
    client.meta.events.unregister("provide-client-params.dynamodb.Query", count)


def get(context, query: str = "") -> tuple[int, dict]:
    event = load_event("api/consents_get.json")
    event["rawQueryString"] = query
    event["queryStringParameters"] = dict(part.split("=", 1) for part in query.split("&") if part)
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def test_first_page_of_ten_thousand_events_is_one_query(long_history, chain_queries, lambda_context):
    code, body = get(lambda_context)
    assert code == 200
    assert len(chain_queries) == 1 and chain_queries[0]["Limit"] == DEFAULT_PAGE
    assert [e["seq"] for e in body["events"]] == list(range(1, DEFAULT_PAGE + 1))
    assert body["next_cursor"] == str(DEFAULT_PAGE) and body["seq"] == EVENTS
    assert body["campaigns"]["C7DEALS"]["status"] == "opted_out"


def test_every_page_in_one_query_carries_the_state_and_the_last_has_no_cursor(
    long_history, chain_queries, lambda_context
):
    seqs, cursor, pages = [], None, 0
    while True:
        code, body = get(lambda_context, f"limit={MAX_PAGE}" + (f"&cursor={cursor}" if cursor else ""))
        assert code == 200 and body["campaigns"]["C7DEALS"]["status"] == "opted_out"
        pages += 1
        assert len(chain_queries) == pages
        seqs += [e["seq"] for e in body["events"]]
        cursor = body.get("next_cursor")
        if cursor is None:
            break
    assert pages == EVENTS // MAX_PAGE and seqs == list(range(1, EVENTS + 1))
    # The library function a command line pages with (optledger consents) reads the same pages.
    directory = runtime.campaigns().directory()
    listed = list(consent_pages(PHONE, brand=None, store=runtime.store(), directory=directory))
    assert [len(p["events"]) for p in listed] == [MAX_PAGE] * (EVENTS // MAX_PAGE)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        (f"limit={MAX_PAGE + 1}", "limit"),
        ("limit=ten", "limit"),
        ("cursor=-3", "cursor"),
        ("cursor=abc", "cursor"),
    ],
)
def test_a_bad_limit_or_cursor_is_a_422(env, lambda_context, query, field):
    code, body = get(lambda_context, query)
    assert code == 422 and body["error"] == "invalid" and field in body["fields"]

"""The emulator's fast TransactWriteItems against moto's own: same answers, same cancellation reasons, same table.

``optledger serve`` (and every test) runs DynamoDB in moto with a fast path for transactions that reaches into moto's
internals (``optledger_tools.local.emulator``). Given: two embedded endpoints in this process, one with the fast path
and one leaving every transaction to moto. When: the same writes (conditional puts that pass and fail, transactions
shaped like a ledger append with a stale head, condition checks, duplicate keys, ...) go to both. Then: every answer,
every cancellation reason and the table after every step are the same, and the fast path really decided the cases it
is meant to decide (a spy on its dry run).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import boto3
import moto
import pytest
from botocore.exceptions import ClientError

from optledger_tools.local import emulator

_tables = itertools.count(1)


def test_moto_is_the_version_the_fast_path_was_written_against():
    assert moto.__version__ == emulator.MOTO_VERSION, (
        f"moto is {moto.__version__}, the emulator's fast transactions were written against {emulator.MOTO_VERSION}: "
        "re-check DynamoDBBackend.transact_write_items (its deepcopy of the tables through the module's `copy`), "
        "moto.dynamodb.comparisons.get_filter_expression and TransactionCanceledException's reasons in the new "
        "version, run this file, then update MOTO_VERSION"
    )


@pytest.fixture(scope="module")
def endpoints() -> Iterator[dict[str, Any]]:
    fast = emulator.start_embedded_aws(fast_transactions=True)
    reference = emulator.start_embedded_aws(fast_transactions=False)
    options = {"region_name": "us-east-1", "aws_access_key_id": "diff", "aws_secret_access_key": "diff"}
    try:
        yield {
            "fast": boto3.client("dynamodb", endpoint_url=fast.endpoint_url, **options),
            "moto": boto3.client("dynamodb", endpoint_url=reference.endpoint_url, **options),
        }
    finally:
        fast.stop()
        reference.stop()


def _key(pk: str, sk: str) -> dict[str, Any]:
    return {"pk": {"S": pk}, "sk": {"S": sk}}


def _event(seq: int, phone: str = "+14155550123") -> dict[str, Any]:
    return {
        "Put": {
            "Item": {**_key(f"PHONE#acme#{phone}", f"EVENT#{seq:010d}"), "type": {"S": "opt_out"}},
            "ConditionExpression": "attribute_not_exists(pk)",
        }
    }


def _head(seq: int, expected: int | None, phone: str = "+14155550123") -> dict[str, Any]:
    update: dict[str, Any] = {
        "Key": _key(f"PHONE#acme#{phone}", "HEAD"),
        "UpdateExpression": "SET seq = :seq",
        "ExpressionAttributeValues": {":seq": {"N": str(seq)}},
    }
    if expected is None:
        update["ConditionExpression"] = "attribute_not_exists(pk)"
    else:
        update["ConditionExpression"] = "seq = :expected"
        update["ExpressionAttributeValues"][":expected"] = {"N": str(expected)}
    return {"Update": update}


def _delivery(message_id: str) -> dict[str, Any]:
    return {
        "Put": {
            "Item": _key(f"DELIVERY#twilio#{message_id}", "DELIVERY"),
            "ConditionExpression": "attribute_not_exists(pk)",
        }
    }


# (name, operation, request, whether the fast path decides it) in order: each step sees the table the last one left.
STEPS: list[tuple[str, str, list[dict[str, Any]] | dict[str, Any], bool]] = [
    ("first append: event, new head, delivery", "transact", [_event(1), _head(1, None), _delivery("SM1")], True),
    ("second append on the head it read", "transact", [_event(2), _head(2, 1), _delivery("SM2")], True),
    ("a stale head (seq moved on)", "transact", [_event(3), _head(3, 1), _delivery("SM3")], True),
    ("a redelivery (delivery exists)", "transact", [_event(3), _head(3, 2), _delivery("SM2")], True),
    ("every condition fails", "transact", [_event(1), _head(9, 7), _delivery("SM1")], True),
    (
        "a condition check that fails beside a put that would pass",
        "transact",
        [
            {
                "ConditionCheck": {
                    "Key": _key("PHONE#acme#+14155550123", "HEAD"),
                    "ConditionExpression": "seq = :s",
                    "ExpressionAttributeValues": {":s": {"N": "5"}},
                }
            },
            _event(1, phone="+14155550124"),
        ],
        True,
    ),
    (
        "a condition check that holds, a delete with a condition that holds",
        "transact",
        [
            {
                "ConditionCheck": {
                    "Key": _key("PHONE#acme#+14155550123", "HEAD"),
                    "ConditionExpression": "seq = :s",
                    "ExpressionAttributeValues": {":s": {"N": "2"}},
                }
            },
            {"Delete": {"Key": _key("DELIVERY#twilio#SM1", "DELIVERY"), "ConditionExpression": "attribute_exists(pk)"}},
        ],
        True,
    ),
    ("the same item twice in one transaction", "transact", [_event(3), _event(3)], False),
    ("a head and its update twice", "transact", [_head(3, 2), _head(4, 2)], False),
    (
        "ReturnValuesOnConditionCheckFailure (moto answers with the old item)",
        "transact",
        [{"Put": {**_event(1)["Put"], "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}],
        False,
    ),
    ("a table that does not exist", "transact", [{"Put": {**_event(9)["Put"], "TableName": "missing"}}], False),
    ("no condition at all", "transact", [{"Put": {"Item": _key("CAMPAIGN", "C7DEALS")}}], True),
    ("a conditional put that passes", "put", _delivery("SM9")["Put"], False),
    ("a conditional put that fails", "put", _delivery("SM9")["Put"], False),
]


def _send(client: Any, table: str, operation: str, request: Any) -> tuple[Any, ...]:
    try:
        if operation == "transact":
            items = [{kind: {"TableName": table, **body}} for item in request for kind, body in item.items()]
            answer = client.transact_write_items(TransactItems=items)
        else:
            answer = client.put_item(TableName=table, **request)
    except ClientError as error:
        response = error.response
        return (
            "error",
            response["Error"]["Code"],
            response["Error"].get("Message"),
            response.get("CancellationReasons"),
        )
    answer.pop("ResponseMetadata", None)
    return ("ok", answer)


def _table(client: Any, table: str) -> list[dict[str, Any]]:
    items = client.scan(TableName=table, ConsistentRead=True)["Items"]
    return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


def _create(client: Any, table: str) -> None:
    client.create_table(
        TableName=table,
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        BillingMode="PAY_PER_REQUEST",
    )


def test_the_fast_path_answers_every_transaction_as_moto_does(endpoints, monkeypatch):
    decided: list[list[bool] | None] = []
    dry_run = emulator.condition_results

    def spy(backend: Any, items: list[dict[str, Any]]) -> list[bool] | None:
        decided.append(dry_run(backend, items))
        return decided[-1]

    monkeypatch.setattr(emulator, "condition_results", spy)
    # moto's backends are shared in the process: each endpoint gets its own table (the same schema).
    number = next(_tables)
    tables = {"fast": f"diff-fast-{number}", "moto": f"diff-moto-{number}"}
    for path, client in endpoints.items():
        _create(client, tables[path])

    outcomes = []
    for name, operation, request, fast_decides in STEPS:
        decided.clear()
        fast = _send(endpoints["fast"], tables["fast"], operation, request)
        fast_decisions = list(decided)
        decided.clear()
        reference = _send(endpoints["moto"], tables["moto"], operation, request)

        assert fast == reference, name
        assert _table(endpoints["fast"], tables["fast"]) == _table(endpoints["moto"], tables["moto"]), name
        assert decided == [], f"{name}: moto's own path must not run the dry run"
        if operation == "transact":
            # moto refuses some requests before its backend (and so the fast path) sees them at all.
            decision = fast_decisions[0] if fast_decisions else None
            assert (decision is not None) == fast_decides, f"{name}: decided by {fast_decisions}"
        outcomes.append(fast[0] if fast[0] == "ok" else fast[1])

    # The scenarios cover what they say: successes, cancellations with reasons, validation errors.
    assert outcomes.count("ok") >= 4 and "TransactionCanceledException" in outcomes
    assert "ValidationException" in outcomes and "ConditionalCheckFailedException" in outcomes
    reasons = _send(endpoints["fast"], tables["fast"], "transact", [_event(1), _head(9, 7), _delivery("SM2")])[3]
    assert [reason["Code"] for reason in reasons] == ["ConditionalCheckFailed"] * 3

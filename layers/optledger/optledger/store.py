"""The data-access module: the only code that talks to DynamoDB and S3.

One table, keys ``pk``/``sk`` and a GSI ``by_day`` (``gsi1pk``/``gsi1sk``):

- ledger event  pk=``PHONE#<brand>#<e164>`` sk=``EVENT#<seq:010>``; ``event`` holds the canonical JSON of the event, so
  the bytes that were hashed are the bytes that are stored. ``gsi1pk=DAY#<brand>#<date>``, ``gsi1sk=<e164>#<seq:010>``
  lets a day be read back grouped by number, in chain order.
- chain head    pk=``PHONE#<brand>#<e164>`` sk=``HEAD``; ``seq``, ``hash`` and ``state`` (JSON: the consent state of
  every campaign of the brand for that number). Appends are conditional on ``seq``, so two writers can
  never fork a chain.
- delivery      pk=``MSG#<provider>#<message id>`` sk=``MSG``; the answer given, so a redelivery gets it again.
- campaign      pk=``CAMPAIGN`` sk=``<id>``; ``campaign`` holds its JSON.
- disclosure    S3 ``disclosures/<sha256>.txt``: the exact text shown to consumers, stored once (content-addressed).

Every failure of the services is raised as ``StorageUnavailable`` (HTTP 503, so providers retry).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from optledger.errors import StorageUnavailable

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_CLIENT_CONFIG = Config(
    retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10, tcp_keepalive=True
)
CAMPAIGN_PK = "CAMPAIGN"


def chain_pk(brand: str, phone: str) -> str:
    return f"PHONE#{brand}#{phone}"


def event_sk(seq: int) -> str:
    return f"EVENT#{seq:010d}"


class ChainRaceLost(Exception):
    """Another writer appended to the chain between our read of the head and our transaction: read again and retry."""


class AlreadyDelivered(Exception):
    """The provider message id was recorded before; ``answer`` is what was answered then."""

    def __init__(self, answer: dict[str, Any]) -> None:
        super().__init__("delivery already recorded")
        self.answer = answer


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    state: dict[str, Any]


def _storage_error(exc: Exception) -> StorageUnavailable:
    code = exc.response.get("Error", {}).get("Code", "") if isinstance(exc, ClientError) else type(exc).__name__
    return StorageUnavailable(f"storage unavailable ({code})", fields={"retry": True})


class Store:
    def __init__(self, table: str, bucket: str, *, dynamodb: Any = None, s3: Any = None) -> None:
        self.table = table
        self.bucket = bucket
        self._dynamodb = dynamodb
        self._s3 = s3
        self._stored_disclosures: set[str] = set()

    # Clients are created on first use so tests choose the backend and cold starts skip what a path does not need.
    @property
    def dynamodb(self) -> DynamoDBClient:
        if self._dynamodb is None:
            self._dynamodb = boto3.client("dynamodb", config=_CLIENT_CONFIG)
        return self._dynamodb

    @property
    def s3(self) -> Any:
        if self._s3 is None:
            self._s3 = boto3.client("s3", config=_CLIENT_CONFIG)
        return self._s3

    # -- chains -----------------------------------------------------------------------------------------------------

    def get_head(self, brand: str, phone: str) -> Head | None:
        try:
            item = self.dynamodb.get_item(
                TableName=self.table,
                Key={"pk": {"S": chain_pk(brand, phone)}, "sk": {"S": "HEAD"}},
                ConsistentRead=True,
            ).get("Item")
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        return _head(item) if item else None

    def get_heads(self, brands: list[str], phone: str) -> dict[str, Head]:
        """The heads of one number in several brands, one BatchGetItem per 100 brands."""
        heads: dict[str, Head] = {}
        for start in range(0, len(brands), 100):
            keys = [{"pk": {"S": chain_pk(b, phone)}, "sk": {"S": "HEAD"}} for b in brands[start : start + 100]]
            request: dict[str, Any] = {self.table: {"Keys": keys, "ConsistentRead": True}}
            try:
                while request:
                    response = self.dynamodb.batch_get_item(RequestItems=request)
                    for item in response.get("Responses", {}).get(self.table, []):
                        heads[item["pk"]["S"].split("#", 2)[1]] = _head(item)
                    request = response.get("UnprocessedKeys") or {}
            except (ClientError, BotoCoreError) as exc:
                raise _storage_error(exc) from exc
        return heads

    def append(
        self,
        event: Mapping[str, Any],
        event_json: str,
        state: Mapping[str, Any],
        *,
        expected_seq: int,
        delivery: tuple[str, str] | None = None,
        answer: Mapping[str, Any] | None = None,
    ) -> None:
        """Write the event, move the head and record the delivery in one transaction.

        Raises ChainRaceLost when the head moved since ``expected_seq`` was read, AlreadyDelivered when the delivery
        was recorded before (that wins: the caller must not retry).
        """
        brand, phone, seq = event["brand"], event["phone"], event["seq"]
        pk = chain_pk(brand, phone)
        head_condition: dict[str, Any]
        if expected_seq == 0:
            head_condition = {"ConditionExpression": "attribute_not_exists(pk)"}
        else:
            head_condition = {
                "ConditionExpression": "#seq = :expected",
                "ExpressionAttributeNames": {"#seq": "seq"},
                "ExpressionAttributeValues": {":expected": {"N": str(expected_seq)}},
            }
        items: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self.table,
                    "Item": {
                        "pk": {"S": pk},
                        "sk": {"S": event_sk(seq)},
                        "event": {"S": event_json},
                        "event_id": {"S": event["event_id"]},
                        "gsi1pk": {"S": f"DAY#{brand}#{event['recorded_at'][:10]}"},
                        "gsi1sk": {"S": f"{phone}#{seq:010d}"},
                    },
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
            {
                "Put": {
                    "TableName": self.table,
                    "Item": {
                        "pk": {"S": pk},
                        "sk": {"S": "HEAD"},
                        "seq": {"N": str(seq)},
                        "hash": {"S": event["hash"]},
                        "state": {"S": json.dumps(state, sort_keys=True, separators=(",", ":"))},
                        "updated_at": {"S": event["recorded_at"]},
                    },
                    **head_condition,
                }
            },
        ]
        if delivery is not None:
            provider, message_id = delivery
            items.append(
                {
                    "Put": {
                        "TableName": self.table,
                        "Item": {
                            "pk": {"S": f"MSG#{provider}#{message_id}"},
                            "sk": {"S": "MSG"},
                            "event_id": {"S": event["event_id"]},
                            "answer": {"S": json.dumps(dict(answer or {}), separators=(",", ":"))},
                        },
                        "ConditionExpression": "attribute_not_exists(pk)",
                    }
                }
            )
        try:
            self.dynamodb.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                raise _storage_error(exc) from exc
            reasons = [r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])]
            if delivery is not None and len(reasons) > 2 and reasons[2] == "ConditionalCheckFailed":
                previous = self.get_delivery(*delivery)
                if previous is not None:
                    raise AlreadyDelivered(previous) from exc
            if "ConditionalCheckFailed" in reasons[:2] or "TransactionConflict" in reasons:
                raise ChainRaceLost from exc
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc

    def get_delivery(self, provider: str, message_id: str) -> dict[str, Any] | None:
        try:
            item = self.dynamodb.get_item(
                TableName=self.table,
                Key={"pk": {"S": f"MSG#{provider}#{message_id}"}, "sk": {"S": "MSG"}},
                ConsistentRead=True,
            ).get("Item")
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        return json.loads(item["answer"]["S"]) if item else None

    def iter_events(self, brand: str, phone: str) -> Iterator[dict[str, Any]]:
        """Every event of one chain, in seq order."""
        yield from self._query_events(
            KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues={":pk": {"S": chain_pk(brand, phone)}, ":prefix": {"S": "EVENT#"}},
            ConsistentRead=True,
        )

    def iter_day_events(self, brand: str, day: str) -> Iterator[dict[str, Any]]:
        """Every event recorded on ``day`` (YYYY-MM-DD) for a brand, grouped by number in chain order."""
        yield from self._query_events(
            IndexName="by_day",
            KeyConditionExpression="gsi1pk = :day",
            ExpressionAttributeValues={":day": {"S": f"DAY#{brand}#{day}"}},
        )

    def _query_events(self, **query: Any) -> Iterator[dict[str, Any]]:
        try:
            paginator = self.dynamodb.get_paginator("query")
            for page in paginator.paginate(TableName=self.table, **query):
                for item in page.get("Items", []):
                    yield json.loads(item["event"]["S"])
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    # -- campaigns --------------------------------------------------------------------------------------------------

    def put_campaign(self, campaign_id: str, document: Mapping[str, Any]) -> None:
        try:
            self.dynamodb.put_item(
                TableName=self.table,
                Item={
                    "pk": {"S": CAMPAIGN_PK},
                    "sk": {"S": campaign_id},
                    "campaign": {"S": json.dumps(dict(document), sort_keys=True)},
                },
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def list_campaigns(self) -> list[dict[str, Any]]:
        try:
            paginator = self.dynamodb.get_paginator("query")
            pages = paginator.paginate(
                TableName=self.table,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": {"S": CAMPAIGN_PK}},
                ConsistentRead=True,
            )
            return [json.loads(item["campaign"]["S"]) for page in pages for item in page.get("Items", [])]
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    # -- disclosures (S3) ---------------------------------------------------------------------------------------------

    def put_disclosure(self, sha256: str, text: str) -> bool:
        """Store a disclosure text once under its SHA-256; returns True when this call created it.

        The evidence bucket is versioned (Object Lock), so writing the same key again would add a version each time:
        a warm container remembers what it stored, otherwise HEAD first, and the write itself is conditional.
        """
        if sha256 in self._stored_disclosures:
            return False
        key = disclosure_key(sha256)
        try:
            try:
                self.s3.head_object(Bucket=self.bucket, Key=key)
                created = False
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey", "NotFound"):
                    raise
                try:
                    self.s3.put_object(
                        Bucket=self.bucket,
                        Key=key,
                        Body=text.encode("utf-8"),
                        ContentType="text/plain; charset=utf-8",
                        IfNoneMatch="*",
                    )
                    created = True
                except ClientError as put_exc:
                    if put_exc.response.get("Error", {}).get("Code") not in ("PreconditionFailed", "412"):
                        raise
                    created = False  # a concurrent writer stored the same text first
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        self._stored_disclosures.add(sha256)
        return created

    def get_disclosure(self, sha256: str) -> str | None:
        try:
            body = self.s3.get_object(Bucket=self.bucket, Key=disclosure_key(sha256))["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc
        return body.decode("utf-8")


def disclosure_key(sha256: str) -> str:
    return f"disclosures/{sha256}.txt"


def _head(item: Mapping[str, Any]) -> Head:
    return Head(seq=int(item["seq"]["N"]), hash=item["hash"]["S"], state=json.loads(item["state"]["S"]))

"""The data-access module: the only code that talks to DynamoDB (and S3 for disclosures).

The table's layout (keys and items) is described and built in ``optledger.keys``.

Every failure of the services is raised as ``StorageUnavailable`` (HTTP 503, so providers retry): see
``optledger.service_errors``. The evidence bucket's other objects are ``optledger.bucket.Evidence``.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from optledger import keys
from optledger.keys import CAMPAIGN_PK, Append, append_items, chain_pk, day_key, day_shard, disclosure_key, event_sk
from optledger.service_errors import (
    CONDITION_FAILED,
    NOT_FOUND,
    PRECONDITION_FAILED,
    TRANSACTION_CANCELLED,
    storage_errors,
    unavailable,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# Names other modules import from here (the key builders moved to optledger.keys). The bucket is optledger.bucket,
# imported only by the functions that write or read evidence objects.
__all__ = [
    "CAMPAIGN_PK",
    "DEFAULT_DAY_SHARDS",
    "MAX_DAY_SHARDS",
    "MAX_TRANSACTION_ITEMS",
    "AlreadyDelivered",
    "BatchNotWritten",
    "ChainRaceLost",
    "Head",
    "Store",
    "chain_pk",
    "day_key",
    "day_shard",
    "disclosure_key",
    "event_sk",
]

_CLIENT_CONFIG = Config(
    retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10, tcp_keepalive=True
)
MAX_TRANSACTION_ITEMS = 100  # DynamoDB's limit for TransactWriteItems
BATCH_GET_KEYS = 100  # DynamoDB's limit for BatchGetItem
DEFAULT_DAY_SHARDS = 16
MAX_DAY_SHARDS = 256


class ChainRaceLost(Exception):
    """Another writer appended to the chain between our read of the head and our transaction: read again and retry."""


class AlreadyDelivered(Exception):
    """The provider message id was recorded before; ``answer`` is what was answered then."""

    def __init__(self, answer: dict[str, Any]) -> None:
        super().__init__("delivery already recorded")
        self.answer = answer


class BatchNotWritten(Exception):
    """A batch of appends was cancelled as a whole: append its members one by one."""


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    state: dict[str, Any]


class Store:
    def __init__(
        self,
        table: str,
        bucket: str,
        *,
        dynamodb: Any = None,
        s3: Any = None,
        day_shards: int = DEFAULT_DAY_SHARDS,
    ) -> None:
        if not 1 <= day_shards <= MAX_DAY_SHARDS:
            raise ValueError(f"day_shards must be between 1 and {MAX_DAY_SHARDS}")
        self.table = table
        self.bucket = bucket
        self.day_shards = day_shards
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

    def _get_item(self, pk: str, sk: str) -> dict[str, Any] | None:
        """One item by key, read consistently (a write just made is always seen); None when there is none."""
        with storage_errors():
            response = self.dynamodb.get_item(TableName=self.table, Key=keys.key(pk, sk), ConsistentRead=True)
        return response.get("Item")

    def _batch_get(self, pairs: list[tuple[str, str]], **options: Any) -> Iterator[dict[str, Any]]:
        """The items of many keys, BATCH_GET_KEYS to a BatchGetItem call (unprocessed keys asked again)."""
        for start in range(0, len(pairs), BATCH_GET_KEYS):
            request: dict[str, Any] = {
                self.table: {"Keys": [keys.key(pk, sk) for pk, sk in pairs[start : start + BATCH_GET_KEYS]], **options}
            }
            with storage_errors():
                while request:
                    response = self.dynamodb.batch_get_item(RequestItems=request)
                    yield from response.get("Responses", {}).get(self.table, [])
                    request = response.get("UnprocessedKeys") or {}

    def get_head(self, brand: str, phone: str) -> Head | None:
        item = self._get_item(chain_pk(brand, phone), keys.HEAD_SK)
        return _head(item) if item else None

    def get_heads(self, brands: list[str], phone: str) -> dict[str, Head]:
        """The heads of one number in several brands, one BatchGetItem per 100 brands."""
        heads = self.get_chain_heads([(brand, phone) for brand in brands])
        return {brand: head for (brand, _), head in heads.items()}

    def get_chain_heads(self, chains: list[tuple[str, str]]) -> dict[tuple[str, str], Head]:
        """The heads of many (brand, phone) chains, one BatchGetItem per 100 (a bulk import's first reads)."""
        pairs = [(chain_pk(brand, phone), keys.HEAD_SK) for brand, phone in chains]
        return {keys.chain_of(item["pk"]["S"]): _head(item) for item in self._batch_get(pairs, ConsistentRead=True)}

    def append(
        self,
        event: Mapping[str, Any],
        event_json: str,
        state: Mapping[str, Any],
        *,
        expected_seq: int,
        delivery: tuple[str, str] | None = None,
        answer: Mapping[str, Any] | None = None,
        review: Mapping[str, Any] | None = None,
    ) -> None:
        """Write the event, move the head and record the delivery in one transaction.

        Raises ChainRaceLost when the head moved since ``expected_seq`` was read, AlreadyDelivered when the delivery
        was recorded before (that wins: the caller must not retry).
        """
        items = append_items(
            self.table,
            Append(event, event_json, state, expected_seq, delivery=delivery, answer=answer, review=review),
            day_index_key=self.day_index_key(event),
        )
        with storage_errors(tolerate=TRANSACTION_CANCELLED) as cancelled:
            self.dynamodb.transact_write_items(TransactItems=items)
        error = cancelled.error
        if error is None:
            return
        reasons = [r.get("Code", "None") for r in error.response.get("CancellationReasons", [])]
        if delivery is not None and len(reasons) > 2 and reasons[2] == "ConditionalCheckFailed":
            previous = self.get_delivery(*delivery)
            if previous is not None:
                raise AlreadyDelivered(previous) from error
        if "ConditionalCheckFailed" in reasons[:2] or "TransactionConflict" in reasons:
            raise ChainRaceLost from error
        raise unavailable(error) from error

    def append_batch(self, appends: Sequence[Mapping[str, Any] | Append]) -> None:
        """Several appends to different chains (``append``'s keyword arguments each) in one transaction: all or none.

        Raises BatchNotWritten when any condition fails (a lost race, a delivery recorded before); the caller then
        appends them one by one, and ``append`` tells which failed and why. The items are built by the same
        ``keys.append_items`` as ``append``'s, so the two can never disagree about the table's layout.
        """
        items: list[dict[str, Any]] = []
        for arguments in appends:
            append = arguments if isinstance(arguments, Append) else Append(**arguments)
            items += append_items(self.table, append, day_index_key=self.day_index_key(append.event))
        if len(items) > MAX_TRANSACTION_ITEMS:
            raise ValueError(f"a transaction takes at most {MAX_TRANSACTION_ITEMS} items")
        with storage_errors(tolerate=TRANSACTION_CANCELLED) as cancelled:
            self.dynamodb.transact_write_items(TransactItems=items)
        if cancelled:
            raise BatchNotWritten from cancelled.error

    def day_index_key(self, event: Mapping[str, Any]) -> str:
        """The ``by_day`` partition an event is written to (one of ``day_shards`` per brand and day)."""
        return day_key(event["brand"], event["recorded_at"][:10], day_shard(event["phone"], self.day_shards))

    def get_delivery(self, provider: str, message_id: str) -> dict[str, Any] | None:
        item = self._get_item(keys.delivery_pk(provider, message_id), keys.DELIVERY_SK)
        return json.loads(item["answer"]["S"]) if item else None

    def delivered(self, provider: str, message_ids: list[str]) -> set[str]:
        """Which of ``message_ids`` were recorded before (BatchGetItem, 100 keys a call): an import's re-run check."""
        pairs = [(keys.delivery_pk(provider, message_id), keys.DELIVERY_SK) for message_id in message_ids]
        return {keys.delivery_of(item["pk"]["S"])[1] for item in self._batch_get(pairs, ProjectionExpression="pk")}

    def iter_events(self, brand: str, phone: str) -> Iterator[dict[str, Any]]:
        """Every event of one chain, in seq order."""
        for item in self._query_items(
            KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues={":pk": {"S": chain_pk(brand, phone)}, ":prefix": {"S": keys.EVENT_PREFIX}},
            ConsistentRead=True,
        ):
            yield json.loads(item["event"]["S"])

    def iter_day_events(self, brand: str, day: str) -> Iterator[dict[str, Any]]:
        """Every event recorded on ``day`` (YYYY-MM-DD) for a brand, grouped by number in chain order: the shards and
        the unsharded key of older days merged on the index sort key (one paginated Query each, read side by side)."""
        return self.iter_day_shards(brand, day, [None, *range(self.day_shards)])

    def iter_day_shards(self, brand: str, day: str, shards: list[int | None]) -> Iterator[dict[str, Any]]:
        """The events of some shards of a brand's day (``None``: the unsharded key), merged into chain order."""
        streams = [self._query_day_key(day_key(brand, day, shard)) for shard in shards]
        for _, event in heapq.merge(*streams, key=lambda pair: pair[0]):
            yield event

    def day_has_unsharded_events(self, brand: str, day: str) -> bool:
        """Whether any event of the day was written under the unsharded key (before sharding was deployed)."""
        with storage_errors():
            response = self.dynamodb.query(
                TableName=self.table,
                IndexName="by_day",
                KeyConditionExpression="gsi1pk = :day",
                ExpressionAttributeValues={":day": {"S": day_key(brand, day, None)}},
                Limit=1,
            )
        return bool(response.get("Items"))

    def day_shard_holds(self, brand: str, day: str, shard: int, count: int) -> bool:
        """Whether one shard of a brand's day holds at least ``count`` events (reads at most about that many keys)."""
        query: dict[str, Any] = {
            "TableName": self.table,
            "IndexName": "by_day",
            "KeyConditionExpression": "gsi1pk = :day",
            "ExpressionAttributeValues": {":day": {"S": day_key(brand, day, shard)}},
            "Select": "COUNT",
        }
        seen = 0
        with storage_errors():
            while seen < count:
                response = self.dynamodb.query(**query, Limit=count - seen)
                seen += response.get("Count", 0)
                if "LastEvaluatedKey" not in response:
                    break
                query["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        return seen >= count

    def _query_day_key(self, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(gsi1sk, event) of one ``by_day`` partition, in index order."""
        for item in self._query_items(
            IndexName="by_day",
            KeyConditionExpression="gsi1pk = :day",
            ExpressionAttributeValues={":day": {"S": key}},
        ):
            yield item["gsi1sk"]["S"], json.loads(item["event"]["S"])

    def events_page(
        self, brand: str, phone: str, *, limit: int, after_seq: int = 0
    ) -> tuple[list[dict[str, Any]], int | None]:
        """One page of a chain: at most ``limit`` events after ``after_seq``, in seq order, in one Query; and the seq
        to continue after (None at the end)."""
        with storage_errors():
            response = self.dynamodb.query(
                TableName=self.table,
                KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
                ExpressionAttributeValues={
                    ":pk": {"S": chain_pk(brand, phone)},
                    ":first": {"S": event_sk(after_seq + 1)},
                    ":last": {"S": event_sk(keys.LAST_SEQ)},
                },
                ConsistentRead=True,
                Limit=limit,
            )
        events = [json.loads(item["event"]["S"]) for item in response.get("Items", [])]
        following = response.get("LastEvaluatedKey")
        return events, (events[-1]["seq"] if following and events else None)

    def _query_items(self, **query: Any) -> Iterator[dict[str, Any]]:
        with storage_errors():
            paginator = self.dynamodb.get_paginator("query")
            for page in paginator.paginate(TableName=self.table, **query):
                yield from page.get("Items", [])

    def put_part(self, provider: str, key: str, part: int, document: Mapping[str, Any], *, ttl: int) -> None:
        attributes = keys.item(
            pk=keys.part_pk(provider, key),
            sk=keys.part_sk(part),
            part=json.dumps(dict(document), separators=(",", ":")),
            ttl=ttl,
        )
        with storage_errors():
            self.dynamodb.put_item(TableName=self.table, Item=attributes)

    def get_parts(self, provider: str, key: str) -> list[dict[str, Any]]:
        with storage_errors():
            items = self.dynamodb.query(
                TableName=self.table,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": {"S": keys.part_pk(provider, key)}},
                ConsistentRead=True,
            ).get("Items", [])
        return [json.loads(item["part"]["S"]) for item in items]

    # -- the review queue -------------------------------------------------------------------------------------------

    def list_reviews(
        self, brand: str, *, limit: int = 100, after: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Undecided replies, oldest first, and the cursor of the next page (None at the end)."""
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "pk = :pk",
            "FilterExpression": "attribute_not_exists(resolved)",
            "ExpressionAttributeValues": {":pk": {"S": keys.review_pk(brand)}},
            "Limit": limit,
        }
        if after:
            query["ExclusiveStartKey"] = keys.key(keys.review_pk(brand), after)
        with storage_errors():
            response = self.dynamodb.query(**query)
        following = response.get("LastEvaluatedKey")
        reviews = [json.loads(item["review"]["S"]) for item in response.get("Items", [])]
        return reviews, following["sk"]["S"] if following else None

    def get_review(self, brand: str, event_id: str) -> dict[str, Any] | None:
        item = self._get_item(keys.review_pk(brand), event_id)
        if not item:
            return None
        review = json.loads(item["review"]["S"])
        if "resolved" in item:
            review["resolved"] = json.loads(item["resolved"]["S"])
        return review

    def review_brand(self, event_id: str) -> str | None:
        """The brand whose queue holds the reply ``event_id`` (None when no reply of that id was queued)."""
        item = self._get_item(keys.review_ref_pk(event_id), keys.REVIEW_REF_SK)
        return item["brand"]["S"] if item else None

    def resolve_review(self, brand: str, event_id: str, decision: Mapping[str, Any]) -> bool:
        """Record the decision on a queued reply; False when it was already decided (the first decision stands)."""
        with storage_errors(tolerate=CONDITION_FAILED) as decided_before:
            self.dynamodb.update_item(
                TableName=self.table,
                Key=keys.key(keys.review_pk(brand), event_id),
                UpdateExpression="SET resolved = :decision",
                ConditionExpression="attribute_exists(pk) AND attribute_not_exists(resolved)",
                ExpressionAttributeValues={":decision": {"S": json.dumps(dict(decision), separators=(",", ":"))}},
            )
        return not decided_before

    # -- campaigns --------------------------------------------------------------------------------------------------

    def put_campaign(self, campaign_id: str, document: Mapping[str, Any]) -> bool:
        """Store a campaign; False (nothing written) when a campaign of that id exists with another brand.

        The brand is a key attribute of the condition, so two writers with stale caches can never move a campaign.
        """
        brand = str(document["brand"])
        with storage_errors(tolerate=CONDITION_FAILED) as other_brand:
            self.dynamodb.put_item(
                TableName=self.table,
                Item=keys.item(
                    pk=CAMPAIGN_PK, sk=campaign_id, brand=brand, campaign=json.dumps(dict(document), sort_keys=True)
                ),
                ConditionExpression="attribute_not_exists(pk) OR attribute_not_exists(#brand) OR #brand = :brand",
                ExpressionAttributeNames={"#brand": "brand"},
                ExpressionAttributeValues={":brand": {"S": brand}},
            )
        return not other_brand

    def list_campaigns(self) -> list[dict[str, Any]]:
        items = self._query_items(
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": {"S": CAMPAIGN_PK}},
            ConsistentRead=True,
        )
        return [json.loads(item["campaign"]["S"]) for item in items]

    # -- disclosures (S3) ---------------------------------------------------------------------------------------------

    def put_disclosure(self, sha256: str, text: str) -> bool:
        """Store a disclosure text once under its SHA-256; returns True when this call created it.

        The evidence bucket is versioned (Object Lock), so writing the same key again would add a version each time:
        a warm container remembers what it stored, otherwise HEAD first, and the write itself is conditional.
        """
        if sha256 in self._stored_disclosures:
            return False
        key = disclosure_key(sha256)
        with storage_errors(tolerate=NOT_FOUND) as missing:
            self.s3.head_object(Bucket=self.bucket, Key=key)
        created = False
        if missing:
            with storage_errors(tolerate=PRECONDITION_FAILED) as stored_meanwhile:
                self.s3.put_object(
                    Bucket=self.bucket,
                    Key=key,
                    Body=text.encode("utf-8"),
                    ContentType="text/plain; charset=utf-8",
                    IfNoneMatch="*",
                )
            created = not stored_meanwhile  # else a concurrent writer stored the same text first
        self._stored_disclosures.add(sha256)
        return created

    def get_disclosure(self, sha256: str) -> str | None:
        with storage_errors(tolerate=NOT_FOUND) as missing:
            body = self.s3.get_object(Bucket=self.bucket, Key=disclosure_key(sha256))["Body"].read()
        return None if missing else body.decode("utf-8")


def _head(item: Mapping[str, Any]) -> Head:
    return Head(seq=int(item["seq"]["N"]), hash=item["hash"]["S"], state=json.loads(item["state"]["S"]))

"""The data-access module: the only code that talks to DynamoDB and S3.

One table, keys ``pk``/``sk`` and a GSI ``by_day`` (``gsi1pk``/``gsi1sk``):

- ledger event  pk=``PHONE#<brand>#<e164>`` sk=``EVENT#<seq:010>``; ``event`` holds the canonical JSON of the event, so
  the bytes that were hashed are the bytes that are stored. ``gsi1pk=DAY#<brand>#<date>#<shard:02>``,
  ``gsi1sk=<e164>#<seq:010>`` lets a day be read back shard by shard, grouped by number, in chain order. The shard is a
  stable hash of the number (``day_shard``), so a chain's events stay together and a STOP storm after a big send is
  spread over ``OPTLEDGER_DAY_SHARDS`` partitions instead of one. Days written before sharding have
  ``gsi1pk=DAY#<brand>#<date>`` (no shard); the readers merge that key in.
- chain head    pk=``PHONE#<brand>#<e164>`` sk=``HEAD``; ``seq``, ``hash`` and ``state`` (JSON: the consent state of
  every campaign of the brand for that number). Appends are conditional on ``seq``, so two writers can
  never fork a chain.
- delivery      pk=``MSG#<provider>#<message id>`` sk=``MSG``; the answer given, so a redelivery gets it again, and
  ``brand``/``phone``/``to`` so that a reply in the answer can be routed (ReplyRequested).
- campaign      pk=``CAMPAIGN`` sk=``<id>``; ``campaign`` holds its JSON.
- message part  pk=``PART#<provider>#<concat key>`` sk=``<part:03>``; one part of a long SMS until all have arrived
  (``ttl`` lets DynamoDB drop them after a week: they are not ledger events, the reassembled message is).
- review        pk=``REVIEW#<brand>`` sk=``<event_id>`` (ULIDs sort by time); a reply queued for a person to read,
  and once decided the ``resolved`` decision (the queue is not the ledger: a decision is written onto its item).
- review ref    pk=``REVIEWREF#<event_id>`` sk=``REVIEWREF``; the brand of a queued reply (decisions name only the id).
- disclosure    S3 ``disclosures/<sha256>.txt``: the exact text shown to consumers, stored once (content-addressed).

Every failure of the services is raised as ``StorageUnavailable`` (HTTP 503, so providers retry).
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from optledger.errors import StorageUnavailable
from optledger.s3stream import S3MultipartWriter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_CLIENT_CONFIG = Config(
    retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10, tcp_keepalive=True
)
CAMPAIGN_PK = "CAMPAIGN"
MAX_TRANSACTION_ITEMS = 100  # DynamoDB's limit for TransactWriteItems
DEFAULT_DAY_SHARDS = 16
MAX_DAY_SHARDS = 256


def day_shard(phone: str, shards: int) -> int:
    """The day-index shard of a number: a stable hash (not Python's per-process ``hash``), the same in every run."""
    return int.from_bytes(hashlib.sha256(phone.encode("utf-8")).digest()[:8], "big") % shards


def day_key(brand: str, day: str, shard: int | None) -> str:
    """The ``by_day`` partition of one shard of a brand's day; ``None`` is the unsharded key of older days."""
    return f"DAY#{brand}#{day}" if shard is None else f"DAY#{brand}#{day}#{shard:02d}"


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


class BatchNotWritten(Exception):
    """A batch of appends was cancelled as a whole: append its members one by one."""


class _CapturedTransaction:
    """Stands in for the DynamoDB client: keeps the TransactItems that ``Store.append`` would send."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def transact_write_items(self, *, TransactItems: list[dict[str, Any]]) -> dict[str, Any]:
        self.items = TransactItems
        return {}


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    state: dict[str, Any]


def _storage_error(exc: Exception) -> StorageUnavailable:
    code = exc.response.get("Error", {}).get("Code", "") if isinstance(exc, ClientError) else type(exc).__name__
    return StorageUnavailable(f"storage unavailable ({code})", fields={"retry": True})


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
        try:
            return self.dynamodb.get_item(
                TableName=self.table, Key={"pk": {"S": pk}, "sk": {"S": sk}}, ConsistentRead=True
            ).get("Item")
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def get_head(self, brand: str, phone: str) -> Head | None:
        item = self._get_item(chain_pk(brand, phone), "HEAD")
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

    def get_chain_heads(self, chains: list[tuple[str, str]]) -> dict[tuple[str, str], Head]:
        """The heads of many (brand, phone) chains, one BatchGetItem per 100 (a bulk import's first reads)."""
        heads: dict[tuple[str, str], Head] = {}
        for start in range(0, len(chains), 100):
            keys = [{"pk": {"S": chain_pk(b, p)}, "sk": {"S": "HEAD"}} for b, p in chains[start : start + 100]]
            request: dict[str, Any] = {self.table: {"Keys": keys, "ConsistentRead": True}}
            try:
                while request:
                    response = self.dynamodb.batch_get_item(RequestItems=request)
                    for item in response.get("Responses", {}).get(self.table, []):
                        _, brand, phone = item["pk"]["S"].split("#", 2)
                        heads[(brand, phone)] = _head(item)
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
        review: Mapping[str, Any] | None = None,
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
                        "gsi1pk": {"S": self.day_index_key(event)},
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
                            # Where a reply goes (the publisher turns a reply into ReplyRequested): the consumer,
                            # and the number they wrote to.
                            **_reply_route(event),
                        },
                        "ConditionExpression": "attribute_not_exists(pk)",
                    }
                }
            )
        if review is not None:
            items.append(
                {
                    "Put": {
                        "TableName": self.table,
                        "Item": {
                            "pk": {"S": f"REVIEW#{brand}"},
                            "sk": {"S": event["event_id"]},
                            "review": {"S": json.dumps(dict(review), separators=(",", ":"))},
                        },
                    }
                }
            )
            # Event ids are unique across brands: this pointer lets a decision name the reply by its id alone.
            items.append(
                {
                    "Put": {
                        "TableName": self.table,
                        "Item": {
                            "pk": {"S": f"REVIEWREF#{event['event_id']}"},
                            "sk": {"S": "REVIEWREF"},
                            "brand": {"S": brand},
                        },
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

    def append_batch(self, appends: list[Mapping[str, Any]]) -> None:
        """Several appends to different chains (``append``'s keyword arguments each) in one transaction: all or none.

        Raises BatchNotWritten when any condition fails (a lost race, a delivery recorded before); the caller then
        appends them one by one, and ``append`` tells which failed and why. The items are the ones ``append`` itself
        would write (captured, not rebuilt), so the two can never disagree about the table's layout.
        """
        items: list[dict[str, Any]] = []
        for append in appends:
            capture = _CapturedTransaction()
            Store(self.table, self.bucket, dynamodb=capture).append(**append)
            items.extend(capture.items)
        if len(items) > MAX_TRANSACTION_ITEMS:
            raise ValueError(f"a transaction takes at most {MAX_TRANSACTION_ITEMS} items")
        try:
            self.dynamodb.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "TransactionCanceledException":
                raise BatchNotWritten from exc
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc

    def day_index_key(self, event: Mapping[str, Any]) -> str:
        """The ``by_day`` partition an event is written to (one of ``day_shards`` per brand and day)."""
        return day_key(event["brand"], event["recorded_at"][:10], day_shard(event["phone"], self.day_shards))

    def get_delivery(self, provider: str, message_id: str) -> dict[str, Any] | None:
        item = self._get_item(f"MSG#{provider}#{message_id}", "MSG")
        return json.loads(item["answer"]["S"]) if item else None

    def delivered(self, provider: str, message_ids: list[str]) -> set[str]:
        """Which of ``message_ids`` were recorded before (BatchGetItem, 100 keys a call): an import's re-run check."""
        seen: set[str] = set()
        for start in range(0, len(message_ids), 100):
            chunk = message_ids[start : start + 100]
            keys = [{"pk": {"S": f"MSG#{provider}#{message_id}"}, "sk": {"S": "MSG"}} for message_id in chunk]
            request: dict[str, Any] = {self.table: {"Keys": keys, "ProjectionExpression": "pk"}}
            try:
                while request:
                    response = self.dynamodb.batch_get_item(RequestItems=request)
                    for item in response.get("Responses", {}).get(self.table, []):
                        seen.add(item["pk"]["S"].split("#", 2)[2])
                    request = response.get("UnprocessedKeys") or {}
            except (ClientError, BotoCoreError) as exc:
                raise _storage_error(exc) from exc
        return seen

    def iter_events(self, brand: str, phone: str) -> Iterator[dict[str, Any]]:
        """Every event of one chain, in seq order."""
        yield from self._query_events(
            KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues={":pk": {"S": chain_pk(brand, phone)}, ":prefix": {"S": "EVENT#"}},
            ConsistentRead=True,
        )

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
        try:
            response = self.dynamodb.query(
                TableName=self.table,
                IndexName="by_day",
                KeyConditionExpression="gsi1pk = :day",
                ExpressionAttributeValues={":day": {"S": day_key(brand, day, None)}},
                Limit=1,
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
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
        try:
            while seen < count:
                response = self.dynamodb.query(**query, Limit=count - seen)
                seen += response.get("Count", 0)
                if "LastEvaluatedKey" not in response:
                    break
                query["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
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
        try:
            response = self.dynamodb.query(
                TableName=self.table,
                KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
                ExpressionAttributeValues={
                    ":pk": {"S": chain_pk(brand, phone)},
                    ":first": {"S": event_sk(after_seq + 1)},
                    ":last": {"S": event_sk(10**10 - 1)},
                },
                ConsistentRead=True,
                Limit=limit,
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        events = [json.loads(item["event"]["S"]) for item in response.get("Items", [])]
        following = response.get("LastEvaluatedKey")
        return events, (events[-1]["seq"] if following and events else None)

    def _query_events(self, **query: Any) -> Iterator[dict[str, Any]]:
        for item in self._query_items(**query):
            yield json.loads(item["event"]["S"])

    def _query_items(self, **query: Any) -> Iterator[dict[str, Any]]:
        try:
            paginator = self.dynamodb.get_paginator("query")
            for page in paginator.paginate(TableName=self.table, **query):
                yield from page.get("Items", [])
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def put_part(self, provider: str, key: str, part: int, document: Mapping[str, Any], *, ttl: int) -> None:
        try:
            self.dynamodb.put_item(
                TableName=self.table,
                Item={
                    "pk": {"S": f"PART#{provider}#{key}"},
                    "sk": {"S": f"{part:03d}"},
                    "part": {"S": json.dumps(dict(document), separators=(",", ":"))},
                    "ttl": {"N": str(ttl)},
                },
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def get_parts(self, provider: str, key: str) -> list[dict[str, Any]]:
        try:
            items = self.dynamodb.query(
                TableName=self.table,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": {"S": f"PART#{provider}#{key}"}},
                ConsistentRead=True,
            ).get("Items", [])
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        return [json.loads(item["part"]["S"]) for item in items]

    def list_reviews(
        self, brand: str, *, limit: int = 100, after: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Undecided replies, oldest first, and the cursor of the next page (None at the end)."""
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "pk = :pk",
            "FilterExpression": "attribute_not_exists(resolved)",
            "ExpressionAttributeValues": {":pk": {"S": f"REVIEW#{brand}"}},
            "Limit": limit,
        }
        if after:
            query["ExclusiveStartKey"] = {"pk": {"S": f"REVIEW#{brand}"}, "sk": {"S": after}}
        try:
            response = self.dynamodb.query(**query)
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        following = response.get("LastEvaluatedKey")
        reviews = [json.loads(item["review"]["S"]) for item in response.get("Items", [])]
        return reviews, following["sk"]["S"] if following else None

    def get_review(self, brand: str, event_id: str) -> dict[str, Any] | None:
        item = self._get_item(f"REVIEW#{brand}", event_id)
        if not item:
            return None
        review = json.loads(item["review"]["S"])
        if "resolved" in item:
            review["resolved"] = json.loads(item["resolved"]["S"])
        return review

    def review_brand(self, event_id: str) -> str | None:
        """The brand whose queue holds the reply ``event_id`` (None when no reply of that id was queued)."""
        item = self._get_item(f"REVIEWREF#{event_id}", "REVIEWREF")
        return item["brand"]["S"] if item else None

    def resolve_review(self, brand: str, event_id: str, decision: Mapping[str, Any]) -> bool:
        """Record the decision on a queued reply; False when it was already decided (the first decision stands)."""
        try:
            self.dynamodb.update_item(
                TableName=self.table,
                Key={"pk": {"S": f"REVIEW#{brand}"}, "sk": {"S": event_id}},
                UpdateExpression="SET resolved = :decision",
                ConditionExpression="attribute_exists(pk) AND attribute_not_exists(resolved)",
                ExpressionAttributeValues={":decision": {"S": json.dumps(dict(decision), separators=(",", ":"))}},
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc
        return True

    # -- campaigns --------------------------------------------------------------------------------------------------

    def put_campaign(self, campaign_id: str, document: Mapping[str, Any]) -> bool:
        """Store a campaign; False (nothing written) when a campaign of that id exists with another brand.

        The brand is a key attribute of the condition, so two writers with stale caches can never move a campaign.
        """
        try:
            self.dynamodb.put_item(
                TableName=self.table,
                Item={
                    "pk": {"S": CAMPAIGN_PK},
                    "sk": {"S": campaign_id},
                    "brand": {"S": str(document["brand"])},
                    "campaign": {"S": json.dumps(dict(document), sort_keys=True)},
                },
                ConditionExpression="attribute_not_exists(pk) OR attribute_not_exists(#brand) OR #brand = :brand",
                ExpressionAttributeNames={"#brand": "brand"},
                ExpressionAttributeValues={":brand": {"S": str(document["brand"])}},
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc
        return True

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


def _reply_route(event: Mapping[str, Any]) -> dict[str, Any]:
    route = {"brand": {"S": event["brand"]}, "phone": {"S": event["phone"]}}
    recipient = (event.get("source") or {}).get("to")
    if recipient:
        route["to"] = {"S": str(recipient)}
    return route


def _head(item: Mapping[str, Any]) -> Head:
    return Head(seq=int(item["seq"]["N"]), hash=item["hash"]["S"], state=json.loads(item["state"]["S"]))


class Evidence:
    """The evidence bucket: disclosures, bundles and anchors, written under Object Lock retention (S3 only)."""

    def __init__(
        self,
        store: Store,
        *,
        kms_key_id: str | None = None,
        lock_mode: str = "COMPLIANCE",
        link_credentials: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self.store = store
        self.kms_key_id = kms_key_id
        self.lock_mode = lock_mode
        # ``{"access_key_id", "secret_access_key"}`` of a key that may only read number bundles: a URL signed with a
        # Lambda role's session credentials dies with the session, long before the 24 hours an audit needs.
        self._link_credentials = link_credentials
        self._link_clients: dict[str, Any] = {}

    @property
    def bucket(self) -> str:
        return self.store.bucket

    def _write_args(self, retain_until: datetime | None) -> dict[str, Any]:
        args: dict[str, Any] = {}
        if self.kms_key_id:
            args.update(ServerSideEncryption="aws:kms", SSEKMSKeyId=self.kms_key_id)
        if retain_until is not None:
            args.update(ObjectLockMode=self.lock_mode, ObjectLockRetainUntilDate=retain_until)
        return args

    def disclosure_text(self, sha256: str) -> str | None:
        return self.store.get_disclosure(sha256)

    def open_upload(self, key: str, *, retain_until: datetime | None) -> S3MultipartWriter:
        """A streaming upload that becomes visible only when closed whole."""
        return S3MultipartWriter(self.store.s3, self.bucket, key, **self._write_args(retain_until))

    def extend_retention(self, key: str, retain_until: datetime) -> None:
        """Lengthen an object's retention (always allowed, also in COMPLIANCE mode)."""
        try:
            self.store.s3.put_object_retention(
                Bucket=self.bucket, Key=key, Retention={"Mode": self.lock_mode, "RetainUntilDate": retain_until}
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def put_json(self, key: str, document: Mapping[str, Any] | list[Any], *, retain_until: datetime | None) -> None:
        value = list(document) if isinstance(document, list) else dict(document)
        body = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
        try:
            self.store.s3.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentType="application/json",
                ChecksumAlgorithm="SHA256",
                **self._write_args(retain_until),
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def get_json(self, key: str) -> Any:
        """A JSON document of the bucket, or None when there is no such object."""
        try:
            body = self.store.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc
        return json.loads(body)

    def get_bytes(self, key: str) -> bytes:
        try:
            return self.store.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc

    def presigned_url(self, key: str, *, seconds: int) -> str:
        return self._link_client().generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds
        )

    def _link_client(self) -> Any:
        if self._link_credentials is None:
            return self.store.s3
        credentials = self._link_credentials()
        access_key = credentials["access_key_id"]
        if access_key not in self._link_clients:  # a rotated key gets a client of its own
            self._link_clients[access_key] = boto3.client(
                "s3",
                aws_access_key_id=access_key,
                aws_secret_access_key=credentials["secret_access_key"],
                aws_session_token=None,
                config=Config(signature_version="s3v4"),
            )
        return self._link_clients[access_key]

    # -- browsing the bucket (the console's evidence screen) ---------------------------------------------------------

    def list_objects(self, prefix: str, *, limit: int = 1000) -> tuple[list[dict[str, Any]], bool]:
        """Keys under ``prefix`` with size and time (at most ``limit``), and whether there were more."""
        try:
            response = self.store.s3.list_objects_v2(Bucket=self.bucket, Prefix=prefix, MaxKeys=limit)
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error(exc) from exc
        objects = [
            {"key": o["Key"], "bytes": o["Size"], "last_modified": o["LastModified"].isoformat()}
            for o in response.get("Contents", [])
        ]
        return objects, bool(response.get("IsTruncated"))

    def exists(self, key: str) -> bool:
        try:
            self.store.s3.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise _storage_error(exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(exc) from exc
        return True

    def session_url(self, key: str, *, seconds: int) -> str:
        """A short download link signed by the function's own credentials (daily bundles and anchors, which the
        24-hour link key may not read); it lives at most as long as the session that signed it."""
        return self.store.s3.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds
        )

"""The ledger table's keys and items, in one place: the store writes and reads them, the publisher recognises stream
items by them. Everything here is pure (no AWS), so any module may use it.

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
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from optledger.digest import sha256_hex

CAMPAIGN_PK = "CAMPAIGN"
HEAD_SK = "HEAD"
DELIVERY_SK = "MSG"
REVIEW_REF_SK = "REVIEWREF"
EVENT_PREFIX = "EVENT#"
CHAIN_PREFIX = "PHONE#"
DELIVERY_PREFIX = "MSG#"
LAST_SEQ = 10**10 - 1  # event sort keys have ten digits


def chain_pk(brand: str, phone: str) -> str:
    return f"{CHAIN_PREFIX}{brand}#{phone}"


def chain_of(pk: str) -> tuple[str, str]:
    """(brand, phone) of a chain's partition key."""
    _, brand, phone = pk.split("#", 2)
    return brand, phone


def event_sk(seq: int) -> str:
    return f"{EVENT_PREFIX}{seq:010d}"


def is_ledger_event(pk: str, sk: str) -> bool:
    return pk.startswith(CHAIN_PREFIX) and sk.startswith(EVENT_PREFIX)


def day_shard(phone: str, shards: int) -> int:
    """The day-index shard of a number: a stable hash (not Python's per-process ``hash``), the same in every run."""
    return int(sha256_hex(phone)[:16], 16) % shards


def day_key(brand: str, day: str, shard: int | None) -> str:
    """The ``by_day`` partition of one shard of a brand's day; ``None`` is the unsharded key of older days."""
    return f"DAY#{brand}#{day}" if shard is None else f"DAY#{brand}#{day}#{shard:02d}"


def day_sort_key(phone: str, seq: int) -> str:
    """The ``by_day`` sort key: grouped by number, in chain order."""
    return f"{phone}#{seq:010d}"


def delivery_pk(provider: str, message_id: str) -> str:
    return f"{DELIVERY_PREFIX}{provider}#{message_id}"


def delivery_of(pk: str) -> tuple[str, str]:
    """(provider, message id) of a delivery's partition key."""
    _, provider, message_id = pk.split("#", 2)
    return provider, message_id


def is_delivery(pk: str, sk: str) -> bool:
    return pk.startswith(DELIVERY_PREFIX) and sk == DELIVERY_SK


def review_pk(brand: str) -> str:
    return f"REVIEW#{brand}"


def review_ref_pk(event_id: str) -> str:
    return f"REVIEWREF#{event_id}"


def part_pk(provider: str, key: str) -> str:
    return f"PART#{provider}#{key}"


def part_sk(part: int) -> str:
    return f"{part:03d}"


def disclosure_key(sha256: str) -> str:
    """The S3 key of a disclosure text (content-addressed)."""
    return f"disclosures/{sha256}.txt"


def item(**attributes: str | int) -> dict[str, dict[str, str]]:
    """A DynamoDB item (or key) from plain values: text is ``S``, a whole number ``N``."""
    return {name: {"N": str(value)} if isinstance(value, int) else {"S": value} for name, value in attributes.items()}


def key(pk: str, sk: str) -> dict[str, dict[str, str]]:
    return {"pk": {"S": pk}, "sk": {"S": sk}}


def put(
    table: str, attributes: dict[str, dict[str, str]], *, condition: str | None = None, **extra: Any
) -> dict[str, Any]:
    """One ``Put`` of a TransactWriteItems request (``extra``: expression names and values of the condition)."""
    request: dict[str, Any] = {"TableName": table, "Item": attributes}
    if condition is not None:
        request["ConditionExpression"] = condition
    return {"Put": {**request, **extra}}


@dataclass(frozen=True)
class Append:
    """One append to a chain: the sealed event (and its canonical JSON), the chain's new state, the head's ``seq`` it
    was sealed after (0 for a new chain), and optionally the provider delivery it answers and a review to queue."""

    event: Mapping[str, Any]
    event_json: str
    state: Mapping[str, Any]
    expected_seq: int
    delivery: tuple[str, str] | None = None
    answer: Mapping[str, Any] | None = None
    review: Mapping[str, Any] | None = None


def append_items(table: str, append: Append, *, day_index_key: str) -> list[dict[str, Any]]:
    """The TransactItems of one append: the event, the head (conditional on ``expected_seq``), the delivery and the
    review queue entry with its pointer."""
    event = append.event
    brand, phone, seq, event_id = event["brand"], event["phone"], event["seq"], event["event_id"]
    pk = chain_pk(brand, phone)
    head_condition: dict[str, Any] = {"condition": "attribute_not_exists(pk)"}
    if append.expected_seq != 0:
        head_condition = {
            "condition": "#seq = :expected",
            "ExpressionAttributeNames": {"#seq": "seq"},
            "ExpressionAttributeValues": {":expected": {"N": str(append.expected_seq)}},
        }
    new_event = item(
        pk=pk,
        sk=event_sk(seq),
        event=append.event_json,
        event_id=event_id,
        gsi1pk=day_index_key,
        gsi1sk=day_sort_key(phone, seq),
    )
    head = item(
        pk=pk,
        sk=HEAD_SK,
        seq=seq,
        hash=event["hash"],
        state=json.dumps(append.state, sort_keys=True, separators=(",", ":")),
        updated_at=event["recorded_at"],
    )
    items = [put(table, new_event, condition="attribute_not_exists(pk)"), put(table, head, **head_condition)]
    if append.delivery is not None:
        # Where a reply goes (the publisher turns a reply into ReplyRequested): the consumer, and the number they
        # wrote to.
        recipient = (event.get("source") or {}).get("to")
        route = {"brand": brand, "phone": phone, **({"to": str(recipient)} if recipient else {})}
        answer = json.dumps(dict(append.answer or {}), separators=(",", ":"))
        record = item(pk=delivery_pk(*append.delivery), sk=DELIVERY_SK, event_id=event_id, answer=answer, **route)
        items.append(put(table, record, condition="attribute_not_exists(pk)"))
    if append.review is not None:
        review = json.dumps(dict(append.review), separators=(",", ":"))
        # Event ids are unique across brands: the pointer lets a decision name the reply by its id alone.
        pointer = item(pk=review_ref_pk(event_id), sk=REVIEW_REF_SK, brand=brand)
        items += [put(table, item(pk=review_pk(brand), sk=event_id, review=review)), put(table, pointer)]
    return items

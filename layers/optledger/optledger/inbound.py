"""Inbound SMS: from a verified provider webhook to a ledger event and the reply the consumer gets."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from optledger import consent
from optledger.campaigns import Directory
from optledger.classify import classify
from optledger.errors import MalformedRequest, NotFound, OptLedgerError, StorageUnavailable
from optledger.ledger import Draft, Ledger
from optledger.models import TIER_RANK, Campaign
from optledger.phone import normalize, normalize_sender
from optledger.providers import PROVIDERS, InboundMessage, WebhookReply, WebhookRequest
from optledger.store import Head
from optledger.timeutil import CLOCK_SKEW, format_ts, in_range, parse_ts, utcnow
from optledger.types import LedgerEvent

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.data_classes.sns_event import SNSEventRecord

logger = logging.getLogger(__name__)
MAX_STORED_TEXT = 1600  # ten SMS segments: longer texts are cut in the evidence, never in classification
PART_TTL_SECONDS = 7 * 24 * 3600
MAX_KEY_FIELD_CHARS = 256  # provider message ids are at most a few dozen characters; keys allow 2048 bytes
HTTP_PROVIDERS_EXCLUDED = frozenset({"sns"})  # End User Messaging arrives as an SNS event, never over HTTP

clock = utcnow  # the time webhooks are checked and stamped against (tests replay recorded requests)


def receive_webhook(
    provider: str,
    request: WebhookRequest,
    *,
    secrets: Mapping[str, str],
    ledger: Ledger,
    directory: Directory,
    brand_scope: bool = False,
    now: datetime | None = None,
    over_http: bool = True,
) -> WebhookReply:
    """Verify, parse and record one webhook call; return what the provider should get back."""
    adapter = PROVIDERS.get(provider)
    if adapter is None or (over_http and provider in HTTP_PROVIDERS_EXCLUDED):
        raise NotFound("unknown provider", fields={"provider": "unknown"})
    now = now or clock()
    adapter.require_configured(secrets)
    handshake = adapter.handshake(request, secrets)
    if handshake is not None:
        return handshake
    adapter.verify(request, secrets, now=now)
    received_at = format_ts(now)
    answered: list[tuple[InboundMessage, dict[str, Any]]] = []
    parts = adapter.parse(request)
    for part in parts:
        _check_key_sizes(part)
    for part in parts:
        message = adapter.reassemble(part, ledger.store, ttl=int(now.timestamp()) + PART_TTL_SECONDS)
        if message is None:
            continue  # a part of a long message: kept until the rest arrives
        answer = record_message(
            message, ledger=ledger, directory=directory, brand_scope=brand_scope, received_at=received_at
        )
        answered.append((message, answer))
    if not answered:
        return adapter.reply(None, {"recorded": False, "action": "ignored"})
    first_message, first = answered[0]
    reply_to = next(((m, a["reply"]) for m, a in answered if a.get("reply")), (first_message, None))
    summary: dict[str, Any] = {"recorded": True, "action": first["action"], "event_id": first["event_id"]}
    if all(a.get("duplicate") for _, a in answered):
        summary["duplicate"] = True
    if len(answered) > 1:
        summary["events"] = [{"action": a["action"], "event_id": a["event_id"]} for _, a in answered]
    return adapter.reply(reply_to[1], summary, inbound=reply_to[0])


def _check_key_sizes(message: InboundMessage) -> None:
    """Message id, numbers and concat ref end up in DynamoDB keys (at most 2048 bytes): an oversize one is a 400, not a
    storage error the provider would retry for ever."""
    concat = getattr(message, "concat", None)
    values = {
        "message_id": message.message_id,
        "sender": message.sender,
        "recipient": message.recipient,
        "concat.ref": getattr(concat, "ref", ""),
    }
    long = sorted(name for name, value in values.items() if len(str(value)) > MAX_KEY_FIELD_CHARS)
    if long:
        raise MalformedRequest(
            f"{message.provider} fields are longer than {MAX_KEY_FIELD_CHARS} characters",
            fields=dict.fromkeys(long, "too long"),
        )


def record_message(
    message: InboundMessage,
    *,
    ledger: Ledger,
    directory: Directory,
    brand_scope: bool = False,
    received_at: str,
) -> dict[str, Any]:
    """Classify one inbound text and append it to the sender's chain; returns the (possibly earlier) answer."""
    phone = normalize(message.sender)
    recipient = normalize_sender(message.recipient)
    on_number = sorted(directory.for_sender(recipient), key=lambda c: c.id)
    if not on_number:
        # A redelivery of a message recorded before its sender number moved still gets the answer given then.
        previous = ledger.store.get_delivery(message.provider, message.message_id)
        if previous is not None:
            return {**previous, "duplicate": True}
        raise NotFound("no campaign sends from the recipient number", fields={"recipient": "unknown"})
    brand = on_number[0].brand
    join_keywords = {k for c in on_number for k in c.join_keywords}
    names = tuple(sorted({name for c in on_number for name in (c.brand_name, c.name) if name}))
    verdict = classify(message.text, join_keywords=join_keywords, names=names)

    targets = on_number
    scope_is_brand = False
    tier: str | None = None
    if verdict.action == "opt_out":
        scope_is_brand = brand_scope or verdict.scope == "brand"
        if scope_is_brand:
            targets = sorted(directory.of_brand(brand), key=lambda c: c.id)
    elif verdict.action == "opt_in":
        if verdict.matched in join_keywords:
            targets = [c for c in on_number if verdict.matched in c.join_keywords]
        tier = max((c.tier for c in targets), key=TIER_RANK.__getitem__)
    elif verdict.action == "message":
        tier = "implied"

    evidence: dict[str, Any] = {"text": message.text[:MAX_STORED_TEXT]}
    if verdict.matched:
        # the phrase is a piece of the text: cut like it ("x x … stop" may match 20,000 characters of it)
        evidence.update(matched=verdict.matched[:MAX_STORED_TEXT], detected_by=verdict.detected_by)
    if verdict.review:
        evidence["review"] = True
    occurred_at = source_time(message.occurred_at, received_at, evidence)
    action: str = verdict.action  # a confirmation may turn it into another event type
    override_reply: str | None = None
    keyword = verdict.matched if verdict.detected_by == "keyword" else None
    answering = confirmation_answer(keyword, verdict.action, on_number, ledger, brand, phone, occurred_at)
    if answering is not None:
        action, targets, tier, override_reply, extra = answering
        evidence.update(extra)
    draft = Draft(
        brand=brand,
        phone=phone,
        type=action,
        campaigns=tuple(c.id for c in targets),
        channel="sms",
        occurred_at=occurred_at,
        source={"provider": message.provider, "provider_message_id": message.message_id, "to": recipient},
        evidence=evidence,
        tier=tier,
        brand_scope=scope_is_brand,
        tiers={c.id: c.tier for c in targets},
        review=verdict.review,
    )

    def answer(head: Head | None, event: LedgerEvent, state: consent.ChainState) -> dict[str, Any]:
        return {
            "recorded": True,
            "action": event["type"],
            "event_id": event["event_id"],
            "reply": override_reply or reply_text(action, targets, head),
        }

    appended = ledger.append(draft, delivery=(message.provider, message.message_id), answer=answer)
    # A redelivery gets the answer given the first time, marked so the provider's logs can tell (DESIGN section 3).
    return {**appended.answer, "duplicate": True} if appended.duplicate else appended.answer


def source_time(provider_time: datetime | None, received_at: str, evidence: dict[str, Any]) -> str:
    """The provider's own send time when it is plausible; otherwise the receipt time, the provider's value kept.

    A provider clock far in the past or ahead would otherwise decide the order of consent events (DESIGN section 1).
    """
    if provider_time is None:
        return received_at
    if in_range(provider_time, latest=parse_ts(received_at) + CLOCK_SKEW):
        return format_ts(provider_time)
    evidence["provider_occurred_at"] = provider_time.isoformat()
    return received_at


CONFIRM_WORDS = frozenset({"YES", "Y", "START"})
LATE_WORDS = frozenset({"YES", "Y"})  # START keeps its meaning (a keyword opt-in) even after a request expired


def confirmation_answer(
    word: str | None,
    action: str,
    on_number: list[Campaign],
    ledger: Ledger,
    brand: str,
    phone: str,
    occurred_at: str,
) -> tuple[str, list[Campaign], str | None, str | None, dict[str, Any]] | None:
    """YES/Y/START (``word``: the keyword the detector read, courtesy words and emoji dropped, so "Yes please" and
    "y 👍" count) from a number with a double opt-in awaiting confirmation on this sender.

    Within the window the reply confirms it: an ``opt_in`` of the pending campaigns whose ``evidence.confirms`` is the
    pending event. After the window a YES/Y confirms nothing: it is recorded as an ordinary ``message`` (implied
    consent for conversational replies only) with ``evidence.expired_pending`` naming the expired request, and the
    consumer is told to sign up again. Returns (type, campaigns, tier, reply, evidence) or None when this text is
    no answer to a double opt-in.
    """
    if word not in CONFIRM_WORDS or action not in ("opt_in", "message"):
        return None
    if word in {k for c in on_number for k in c.join_keywords}:
        return None
    head = ledger.store.get_head(brand, phone)
    state = head.state if head else None
    awaiting = {c.id: p for c in on_number if (p := consent.open_pending(state, c.id)) is not None}
    if not awaiting:
        return None
    live = {cid: p for cid, p in awaiting.items() if p.at <= occurred_at and not consent.is_expired(p, occurred_at)}
    if live:
        targets = [c for c in on_number if c.id in live]
        ids = sorted({p.event_id for p in live.values()}, key=lambda i: (live_at(live, i), i))
        evidence: dict[str, Any] = {"matched": word, "detected_by": "keyword", "confirms": ids[-1]}
        if len(ids) > 1:
            evidence["also_confirms"] = ids[:-1]
        tier = max((c.tier for c in targets), key=TIER_RANK.__getitem__)
        return "opt_in", targets, tier, None, evidence
    if word not in LATE_WORDS:
        return None
    latest_id, latest = max(awaiting.items(), key=lambda item: (item[1].at, item[1].event_id))
    campaign = next(c for c in on_number if c.id == latest_id)
    reply = (
        f"{campaign.name}: that confirmation request has expired, so you are not subscribed. "
        "Please sign up again to receive messages."
    )
    evidence = {"matched": word, "detected_by": "keyword", "expired_pending": latest.event_id}
    return "message", on_number, "implied", reply, evidence


def live_at(live: dict[str, consent.Pending], event_id: str) -> str:
    return max(p.at for p in live.values() if p.event_id == event_id)


def reply_text(action: str, targets: list[Campaign], head: Head | None) -> str | None:
    """The one reply the consumer gets: confirmation or help text, never marketing; nothing for ordinary messages."""
    if not targets:
        return None
    first = targets[0]
    if action == "opt_out":
        before = head.state if head else None
        if all(consent.effective(before, c.id)["status"] == "opted_out" for c in targets):
            return None  # one confirmation at most per opt-out: this number was already opted out of all of them
        return first.opt_out_text or None
    if action == "opt_in":
        return first.opt_in_text or None
    if action == "help":
        return first.help_text or None
    return None


def receive_sns_records(
    records: Iterable[SNSEventRecord],
    *,
    secrets: Mapping[str, str],
    ledger: Ledger,
    directory: Directory,
    brand_scope: bool = False,
) -> dict[str, int]:
    """AWS End User Messaging two-way SMS, delivered to the function by SNS.

    A record that can never be accepted (bad signature, malformed, unknown number) is counted and dropped: SNS retrying
    it would not change the answer. A storage failure raises, so Lambda retries the whole event (deliveries dedupe).
    """
    recorded = rejected = 0
    for record in records:
        if record.get("EventSource") != "aws:sns" or not isinstance(record.get("Sns"), Mapping):
            rejected += 1
            continue
        request = WebhookRequest("POST", "sns:", {}, json.dumps(record.sns.raw_event).encode("utf-8"))
        try:
            receive_webhook(
                "sns",
                request,
                secrets=secrets,
                ledger=ledger,
                directory=directory,
                brand_scope=brand_scope,
                over_http=False,
            )
        except StorageUnavailable:
            raise
        except OptLedgerError as error:
            logger.warning("sns record refused", extra={"error": error.code, "status": error.status})
            rejected += 1
        else:
            recorded += 1
    return {"recorded": recorded, "rejected": rejected}

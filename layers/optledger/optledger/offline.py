"""Consent recorded by a business from other channels: verbal, paper, point of sale, IVR, email, API.

``POST /consents/events`` (DESIGN section 3). Each channel names the evidence it needs (data, below): a verbal consent
or revocation names the agent who took it, a paper form the SHA-256 of its scanned copy, an email the address it came
from. An opt-in also records the words read or shown (``disclosure`` text, stored once in S3, or ``disclosure_sha256``
of one registered on the campaign). A channel also caps the tier it can give: TCPA express written consent needs a
written or electronically signed agreement, so a verbal opt-in records at most ``express`` whatever the campaign.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from optledger import disclosures
from optledger.campaigns import Directory
from optledger.consent import ChainState
from optledger.errors import ValidationError, collect, raise_problems
from optledger.ledger import UNREAD, Draft, Ledger
from optledger.models import TIER_RANK, Campaign
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import format_ts, parse_occurred_at
from optledger.types import LedgerEvent


@dataclass(frozen=True)
class ChannelRule:
    requires: tuple[str, ...]  # fields every event of the channel must carry
    max_tier: str  # the highest tier an opt-in through this channel can give


CHANNEL_RULES: dict[str, ChannelRule] = {
    "verbal": ChannelRule(("agent_id",), "express"),
    "paper": ChannelRule(("document_sha256",), "express_written"),
    "pos": ChannelRule((), "express_written"),
    "ivr": ChannelRule((), "express_written"),
    "email": ChannelRule(("subject",), "express_written"),
    "api": ChannelRule((), "express_written"),
}
FIELDS = frozenset(
    {
        "phone",
        "campaign",
        "type",
        "channel",
        "occurred_at",
        "subject",
        "agent_id",
        "document_sha256",
        "disclosure",
        "disclosure_sha256",
        "note",
        "scope",
    }
)
LIMITS = {"subject": 256, "agent_id": 128, "note": 1000}
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
MAX_DISCLOSURE_CHARS = disclosures.MAX_DISCLOSURE_CHARS


@dataclass(frozen=True)
class ConsentEvent:
    phone: str
    campaign: Campaign
    type: str
    channel: str
    occurred_at: str
    evidence: dict[str, Any]
    disclosure: str | None
    brand_scope: bool
    tier_cap: str | None = None  # the highest tier the evidence supports (imports); None: the channel's rule
    source: Mapping[str, Any] | None = None  # where it came from (imports); None: the caller and their IP


def validate(body: Mapping[str, Any], directory: Directory, *, now: datetime | None = None) -> ConsentEvent:
    """Every rule at once: unknown fields, the type, the channel and what it requires, the time, the disclosure."""
    problems: dict[str, Any] = {name: "unknown field" for name in body if name not in FIELDS}
    campaign_id = body.get("campaign")
    if not isinstance(campaign_id, str) or not campaign_id:
        raise ValidationError("campaign is required", fields={"campaign": "required string", **problems})
    campaign = directory.get(campaign_id)

    phone, phone_error = collect(problems, lambda: normalize(body.get("phone")), "")
    kind = body.get("type")
    if kind not in ("opt_in", "opt_out"):
        problems["type"] = "must be opt_in or opt_out"
    channel = body.get("channel")
    rule = CHANNEL_RULES.get(channel) if isinstance(channel, str) else None
    if rule is None:
        problems["channel"] = f"must be one of {', '.join(CHANNEL_RULES)}"

    texts: dict[str, str] = {}
    for name, limit in LIMITS.items():
        value = body.get(name)
        if value in (None, ""):
            continue
        if not isinstance(value, str) or len(value.strip()) > limit or not value.strip():
            problems[name] = f"must be a non-empty string of at most {limit} characters"
        else:
            texts[name] = value.strip()
    document = body.get("document_sha256")
    if document not in (None, ""):
        if isinstance(document, str) and SHA256_HEX.match(document.strip().lower()):
            texts["document_sha256"] = document.strip().lower()
        else:
            problems["document_sha256"] = "must be the SHA-256 (64 hex digits) of the scanned form"
    if rule is not None:
        for name in rule.requires:
            if name not in texts and name not in problems:
                problems[name] = f"required for channel {channel}"

    occurred_at = ""
    try:
        occurred_at = format_ts(parse_occurred_at(body.get("occurred_at"), now=now))
    except ValidationError as error:
        problems.update(error.fields)

    scope = body.get("scope", "campaign")
    if scope not in ("campaign", "brand") or (scope == "brand" and kind != "opt_out"):
        problems["scope"] = "must be campaign, or brand for an opt_out"

    disclosure, disclosure_sha = _disclosure(body, campaign, problems, required=kind == "opt_in")
    raise_problems("consent event is invalid", problems, alone=phone_error)
    evidence: dict[str, Any] = dict(texts)
    if disclosure_sha:
        evidence["disclosure_sha256"] = disclosure_sha
    return ConsentEvent(phone, campaign, str(kind), str(channel), occurred_at, evidence, disclosure, scope == "brand")


def _disclosure(
    body: Mapping[str, Any], campaign: Campaign, problems: dict[str, Any], *, required: bool
) -> tuple[str | None, str | None]:
    text, sha = body.get("disclosure"), body.get("disclosure_sha256")
    if text not in (None, ""):
        if not isinstance(text, str) or len(text) > MAX_DISCLOSURE_CHARS:
            problems["disclosure"] = f"must be the words read or shown, at most {MAX_DISCLOSURE_CHARS} characters"
            return None, None
        return text, disclosures.disclosure_sha256(text)
    if sha not in (None, ""):
        registered = disclosures.registered(campaign)
        if not isinstance(sha, str) or sha.strip().lower() not in registered:
            problems["disclosure_sha256"] = "not a disclosure registered on this campaign"
            return None, None
        sha = sha.strip().lower()
        return registered[sha], sha
    if required:
        problems["disclosure"] = "required for an opt_in: the words read or shown (or disclosure_sha256)"
    return None, None


def record(
    event: ConsentEvent,
    *,
    caller: str,
    source_ip: str,
    directory: Directory,
    ledger: Ledger,
    store: Store,
    delivery: tuple[str, str] | None = None,
    head: Any = UNREAD,
) -> dict[str, Any]:
    """Store the disclosure (once) and append the event; returns the 201 answer.

    ``delivery`` makes the append idempotent (``optledger import`` passes the file hash and row): a delivery recorded
    before records nothing and answers ``duplicate``.
    """
    store_disclosure(event, store)
    appended = ledger.append(
        draft_of(event, caller=caller, source_ip=source_ip, directory=directory),
        delivery=delivery,
        answer=answer_of,
        head=head,
    )
    if appended.duplicate:
        return {**appended.answer, "duplicate": True}
    return appended.answer


def store_disclosure(event: ConsentEvent, store: Store) -> None:
    if event.disclosure is not None:
        store.put_disclosure(event.evidence["disclosure_sha256"], event.disclosure)


def draft_of(event: ConsentEvent, *, caller: str, source_ip: str, directory: Directory) -> Draft:
    """The ledger draft of a validated event: its campaigns (all of the brand's for a brand-wide opt-out) and tier."""
    campaign = event.campaign
    targets = [campaign]
    if event.brand_scope:
        targets = sorted(directory.of_brand(campaign.brand), key=lambda c: c.id)
    tier = None
    if event.type == "opt_in":
        cap = event.tier_cap or CHANNEL_RULES[event.channel].max_tier
        tier = min(campaign.tier, cap, key=TIER_RANK.__getitem__)
    return Draft(
        brand=campaign.brand,
        phone=event.phone,
        type=event.type,
        campaigns=tuple(c.id for c in targets),
        channel=event.channel,
        occurred_at=event.occurred_at,
        source=dict(event.source) if event.source is not None else {"recorded_by": caller, "ip": source_ip},
        evidence=event.evidence,
        tier=tier,
        brand_scope=event.brand_scope,
        tiers={campaign.id: tier} if tier else {},
    )


def answer_of(head: Any, event: LedgerEvent, state: ChainState) -> dict[str, Any]:
    return {"event_id": event["event_id"], "type": event["type"], "tier": event["tier"]}

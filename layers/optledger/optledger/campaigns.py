"""Campaign configuration: validated on write, cached in the warm container on read."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from optledger import disclosures
from optledger.errors import Conflict, NotFound, ValidationError
from optledger.models import Campaign
from optledger.store import Store

CACHE_SECONDS = 60.0


@dataclass(frozen=True)
class Directory:
    """Every campaign, indexed the ways the handlers look them up."""

    by_id: dict[str, Campaign]

    def get(self, campaign_id: str) -> Campaign:
        try:
            return self.by_id[campaign_id]
        except KeyError:
            raise NotFound("unknown campaign", fields={"campaign": "unknown"}) from None

    def for_sender(self, number: str) -> list[Campaign]:
        """The campaigns that send from ``number`` (one brand: a number is never shared between brands)."""
        return [c for c in self.by_id.values() if number in c.senders]

    def of_brand(self, brand: str) -> list[Campaign]:
        return [c for c in self.by_id.values() if c.brand == brand]

    @property
    def brands(self) -> list[str]:
        return sorted({c.brand for c in self.by_id.values()})


def check_senders(campaign: Campaign, others: Iterable[Campaign]) -> None:
    """A sender number belongs to one brand, so an inbound STOP always has one ledger to land in."""
    for other in others:
        if other.id != campaign.id and other.brand != campaign.brand:
            shared = set(other.senders) & set(campaign.senders)
            if shared:
                raise Conflict(
                    "a sender number is already used by a campaign of another brand",
                    fields={"senders": f"in use by campaign {other.id}"},
                )


class CampaignCache:
    def __init__(self, store: Store, *, ttl: float = CACHE_SECONDS) -> None:
        self.store = store
        self.ttl = ttl
        self._directory: Directory | None = None
        self._loaded_at = 0.0

    def directory(self) -> Directory:
        now = time.monotonic()
        if self._directory is None or now - self._loaded_at > self.ttl:
            campaigns = [Campaign.from_dict(doc) for doc in self.store.list_campaigns()]
            self._directory = Directory({c.id: c for c in campaigns})
            self._loaded_at = now
        return self._directory

    def invalidate(self) -> None:
        self._directory = None

    def put(self, campaign: Campaign) -> None:
        """Store a validated campaign (replacing one with the same id)."""
        check_senders(campaign, self.directory().by_id.values())
        self.store.put_campaign(campaign.id, campaign.to_dict())
        self.invalidate()


def check_origins(campaign: Campaign) -> None:
    """``allowed_origins`` are browser origins (scheme://host[:port]) compared exactly with the Origin header."""
    bad = [
        origin
        for origin in campaign.allowed_origins
        if (parts := urlsplit(origin)).scheme not in ("http", "https")
        or not parts.netloc
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ]
    if bad:
        raise ValidationError(
            "allowed_origins must be origins like https://www.example.com",
            fields={"allowed_origins": "scheme://host[:port] only, no path"},
        )


READ_ONLY_FIELDS = ("disclosure_sha256",)


def register(document: Any, campaign_id: str, cache: CampaignCache) -> tuple[Campaign, bool]:
    """``PUT /campaigns/{id}``: validate the campaign and every disclosure on it, store the disclosures (once, by
    SHA-256) and then the campaign. Returns the campaign and whether it is new."""
    if isinstance(document, dict):
        # What GET adds for convenience may come back unchanged in a PUT.
        document = {k: v for k, v in document.items() if k not in READ_ONLY_FIELDS}
    campaign = Campaign.from_dict(document, campaign_id=campaign_id)
    check_origins(campaign)
    disclosures.check_all(campaign.disclosures, campaign)
    check_senders(campaign, cache.directory().by_id.values())
    is_new = campaign.id not in cache.directory().by_id
    for sha, text in disclosures.registered(campaign).items():
        cache.store.put_disclosure(sha, text)
    cache.put(campaign)
    return campaign, is_new


def describe(campaign: Campaign) -> dict[str, Any]:
    """The campaign JSON of DESIGN section 5a plus the SHA-256 of each disclosure (what forms send back)."""
    return {**campaign.to_dict(), "disclosure_sha256": list(disclosures.registered(campaign))}

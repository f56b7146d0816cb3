"""Campaign configuration: validated on write, cached in the warm container on read."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from optledger.errors import Conflict, NotFound
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


def check_brand_unchanged(campaign: Campaign, existing: Campaign | None) -> None:
    """A campaign's brand never changes: its consent lives in that brand's chains, so moving it would orphan every
    opt-out recorded for it (DESIGN section 1). Moving a program means a new campaign."""
    if existing is not None and existing.brand != campaign.brand:
        raise Conflict(
            "a campaign's brand never changes: create a new campaign for the other brand",
            fields={"brand": f"is {existing.brand}"},
        )


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
            campaigns = [Campaign.from_stored(doc) for doc in self.store.list_campaigns()]
            self._directory = Directory({c.id: c for c in campaigns})
            self._loaded_at = now
        return self._directory

    def invalidate(self) -> None:
        self._directory = None

    def put(self, campaign: Campaign) -> bool:
        """Store a validated campaign (replacing one with the same id, of the same brand); True when it is new."""
        is_new = self.check(campaign)
        self.store_checked(campaign)
        return is_new

    def check(self, campaign: Campaign) -> bool:
        """Refuse what may not be stored, against the stored campaigns rather than a warm container's copy of them;
        True when the campaign is new. A caller that writes anything else first (disclosures) calls this before."""
        self.invalidate()
        known = self.directory().by_id
        check_brand_unchanged(campaign, known.get(campaign.id))
        check_senders(campaign, known.values())
        return campaign.id not in known

    def store_checked(self, campaign: Campaign) -> None:
        """The write itself, conditional on the brand: a writer racing this one still cannot move the campaign."""
        stored = self.store.put_campaign(campaign.id, campaign.to_dict())
        self.invalidate()
        if not stored:
            raise Conflict(
                "a campaign's brand never changes: create a new campaign for the other brand",
                fields={"brand": "differs from the stored campaign's"},
            )

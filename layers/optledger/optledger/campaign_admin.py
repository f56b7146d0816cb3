"""Campaign administration (``PUT/GET /campaigns``): validation of a whole campaign, its disclosures stored once.

Kept apart from ``optledger.campaigns`` (the read side every function uses) so that a function that only reads
campaigns does not carry the code that writes disclosures and campaigns.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from optledger import disclosures
from optledger.campaigns import CampaignCache
from optledger.errors import ValidationError
from optledger.models import Campaign


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
    is_new = cache.check(campaign)  # every refusal before the first write: a refused PUT stores nothing
    for sha, text in disclosures.registered(campaign).items():
        cache.store.put_disclosure(sha, text)
    cache.store_checked(campaign)
    return campaign, is_new


def describe(campaign: Campaign) -> dict[str, Any]:
    """The campaign JSON of DESIGN section 5a plus the SHA-256 of each disclosure (what forms send back)."""
    return {**campaign.to_dict(), "disclosure_sha256": list(disclosures.registered(campaign))}

"""What a warm container keeps between invocations: store, ledger and campaign cache, built once from settings."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from optledger import config
from optledger.campaigns import CampaignCache
from optledger.config import settings
from optledger.store import Store

if TYPE_CHECKING:
    from optledger.bucket import Evidence
    from optledger.ledger import Ledger


@cache
def store() -> Store:
    current = settings()
    return Store(current.table, current.bucket, day_shards=current.day_shards)


@cache
def evidence() -> Evidence:
    from optledger.bucket import Evidence  # bundles, anchors and links: the bundler's and the evidence routes'

    current = settings()
    arn = current.link_signer_secret_arn
    return Evidence(
        store(),
        kms_key_id=current.kms_key_id,
        lock_mode=current.object_lock_mode,
        link_credentials=(lambda: config.secret_json(arn)) if arn else None,
    )


@cache
def ledger() -> Ledger:
    # The chain writer is imported by the functions that append (their domain modules import it); the send gate,
    # the opt-out sync and the bundler only read, and do not pay for it.
    from optledger.ledger import Ledger

    return Ledger(store())


@cache
def campaigns() -> CampaignCache:
    return CampaignCache(store(), ttl=settings().campaign_cache_seconds)


def reset() -> None:
    """Forget every cached object (tests switch tables and backends between cases)."""
    from optledger import bus  # the publisher's: only it builds a bus

    config.reset()
    for factory in (store, evidence, ledger, campaigns, bus.default):
        factory.cache_clear()

"""Every opt-out mirrored into the brand's AWS End User Messaging SMS opt-out list, so AWS itself refuses the send.

The ``optoutsync`` function receives each ``ConsentChanged`` event (DESIGN section 9). For an opt-in or opt-out of a
brand that has opt-out lists configured, it reads the number's consent state (the chain head, which already follows
``occurred_at`` whatever the order events arrive in) and, for each list:

- a number opted out of any campaign the list covers is put into the list (``PutOptedOutNumber``): AWS applies a
  list to every send through the phone numbers and pools it is attached to, it cannot tell campaigns apart;
- a number no longer opted out of any of them (a later opt-in made it sendable again for every campaign the list
  covers) is removed (``DeleteOptedOutNumber``); "not in the list" counts as done. Only a number the ledger has seen
  opt out of one of those campaigns: a STOP that reached AWS but never the ledger (before the switch to OptLedger) is
  not lifted by an opt-in the ledger knows of, so import the AWS opt-out list first (``--preset aws-eum``).

Both calls are idempotent, so redelivered, retried and out-of-order events are harmless. Two events of one number
handled at the same time cannot leave a stale answer behind: after its calls a handler reads the head again and,
if the chain moved meanwhile, decides again. A pending double opt-in after an opt-out keeps the number in the list
until the consumer confirms (a lapsed confirmation is not an event, so removing it early could never be undone).

Configuration (``OPTLEDGER_EUM_OPT_OUT_LISTS``), a JSON object by brand:
``{"acme": "acme-optouts"}`` (one list covering every campaign of the brand), or
``{"acme": [{"list": "acme-promo", "campaigns": ["C7DEALS"]}, {"list": "acme-all"}]}``. A list is a name or an ARN.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from optledger import consent
from optledger.campaigns import Directory
from optledger.smsvoice import OptOutLists
from optledger.store import Store

ENV_LISTS = "OPTLEDGER_EUM_OPT_OUT_LISTS"
SYNCED_TYPES = frozenset({"opt_in", "opt_out"})
MAX_ROUNDS = 3
# A moment after every pending double opt-in has lapsed: what the state falls back to if nobody confirms.
_AFTER_ANY_PENDING = "9999-12-31T23:59:59.999Z"


@dataclass(frozen=True)
class OptOutList:
    name: str  # name or ARN
    campaigns: tuple[str, ...] = ()  # empty: every campaign of the brand


def parse_lists(text: str | None) -> dict[str, list[OptOutList]]:
    """The configuration's JSON -> brand -> its lists; a malformed value is an error at start, never a silent no-op."""
    if not text or not text.strip():
        return {}
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{ENV_LISTS} must be a JSON object") from exc
    if not isinstance(document, dict):
        raise ValueError(f"{ENV_LISTS} must be a JSON object of brand -> list")
    lists: dict[str, list[OptOutList]] = {}
    for brand, value in document.items():
        entries = value if isinstance(value, list) else [value]
        for entry in entries:
            if isinstance(entry, str) and entry:
                lists.setdefault(brand, []).append(OptOutList(entry))
            elif isinstance(entry, dict) and isinstance(entry.get("list"), str) and entry["list"]:
                campaigns = entry.get("campaigns", [])
                if not isinstance(campaigns, list) or not all(isinstance(c, str) for c in campaigns):
                    raise ValueError(f"{ENV_LISTS}: campaigns of {brand} must be a list of campaign ids")
                lists.setdefault(brand, []).append(OptOutList(entry["list"], tuple(campaigns)))
            else:
                raise ValueError(f"{ENV_LISTS}: each list of {brand} is a name, or {{'list': name, 'campaigns': []}}")
    return lists


def lists_from_env(env: Mapping[str, str] | None = None) -> dict[str, list[OptOutList]]:
    return parse_lists((os.environ if env is None else env).get(ENV_LISTS))


def blocked(state: Mapping[str, Any] | None, campaign_ids: Iterable[str]) -> bool:
    """Is the number opted out of any of the campaigns (a pending re-opt-in not yet confirmed still counts)?"""
    for campaign_id in campaign_ids:
        view = consent.effective(state, campaign_id, now=_AFTER_ANY_PENDING)
        if view["status"] == "opted_out" or (view["status"] == "pending" and view.get("decided_at")):
            return True
    return False


@dataclass(frozen=True)
class Action:
    list_name: str
    action: str  # "put", "delete" (removed), "absent" (delete: it was not there), "left" (never opted out here)


def _ever_opted_out(store: Store, brand: str, phone: str, campaigns: set[str]) -> bool:
    """Has the ledger recorded an opt-out of one of ``campaigns`` (or a brand-wide one) for this number?"""
    return any(
        event.get("type") == "opt_out"
        and (event.get("scope") == "brand" or campaigns & set(event.get("campaigns", [])))
        for event in store.iter_events(brand, phone)
    )


def sync(
    detail: Mapping[str, Any],
    *,
    lists: Mapping[str, list[OptOutList]],
    store: Store,
    directory: Directory,
    eum: OptOutLists,
) -> list[Action]:
    """Bring the brand's opt-out lists in line with the number's consent state; returns the calls made."""
    if detail.get("type") not in SYNCED_TYPES:
        return []
    brand, phone = detail.get("brand"), detail.get("phone")
    targets = lists.get(brand or "", [])
    if not targets or not isinstance(phone, str):
        return []
    actions: list[Action] = []
    for _ in range(MAX_ROUNDS):
        head = store.get_head(str(brand), phone)
        state = head.state if head else None
        for target in targets:
            campaigns = target.campaigns or tuple(c.id for c in directory.of_brand(str(brand)))
            if blocked(state, campaigns):
                eum.put(target.name, phone)
                actions.append(Action(target.name, "put"))
            elif not _ever_opted_out(store, str(brand), phone, set(campaigns)):
                # Never opted out here: if AWS lists the number, the STOP was not ours to lift (one the ledger never
                # saw, sent before the switch to OptLedger): leave it.
                actions.append(Action(target.name, "left"))
            else:
                removed = eum.delete(target.name, phone)
                actions.append(Action(target.name, "delete" if removed else "absent"))
        after = store.get_head(str(brand), phone)
        if (after.seq if after else 0) == (head.seq if head else 0):
            break
    return actions

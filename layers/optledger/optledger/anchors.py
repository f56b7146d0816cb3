"""The daily anchor of DESIGN section 6: what the Object Lock bucket keeps so a later edit of the table shows.

An anchor for (brand, day) is a small JSON document written to ``anchors/<brand>/<YYYY-MM-DD>.json``::

    {"anchor_version": 1, "brand": "acme", "date": "2026-11-27", "generator": "optledger 0.1.0",
     "merkle": {"algorithm": "sha256-pairs-promote-odd", "root": "<hex>", "count": 1234},
     "campaigns": {"C7DEALS": {"root": "<hex>", "count": 200}, ...},
     "heads": {"+14155550123": {"seq": 7, "hash": "<hex>"}, ...}}

- ``merkle`` is the Merkle root (see ``optledger.merkle``) of every event hash recorded that UTC day for the brand,
  in ``by_day`` order: phone ascending, then seq ascending (the GSI sort key ``<e164>#<seq 10 digits>``).
- ``campaigns[C]`` is the Merkle root, in the same order, of the hashes of that day's events whose ``campaigns``
  list holds ``C``. This is exactly the event list of the daily bundle of campaign ``C``, so a daily bundle is
  checked against the anchor by recomputing one root: any edited, re-sealed, dropped, added or reordered event
  changes it. (Storing per-campaign roots costs a few lines per campaign; the alternative, a Merkle proof per
  event into the whole-day root, needs the whole day's tree while writing each bundle.)
- ``heads[phone]`` is the chain head of each phone at the end of the day: seq and hash of its last event that day
  (or the heads the caller passes). A number bundle, which holds a phone's whole chain, is checked against it: the
  bundle must hold that seq with that hash, and because every event links to the previous one, this pins every
  earlier event of the chain too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from optledger import __version__
from optledger.merkle import MerkleAccumulator

ANCHOR_VERSION = 1
PARTS_ANCHOR_VERSION = 2
PART_VERSION = 1
MERKLE_ALGORITHM = "sha256-pairs-promote-odd"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def anchor_key(brand: str, date: str) -> str:
    return f"anchors/{brand}/{date}.json"


def part_key(brand: str, date: str, shard: int, shards: int) -> str:
    """The summary one part task writes of its (brand, day, shard): roots, counts, bundle keys, chain heads."""
    return f"bundles/daily/{brand}/{date}/part-{shard:02d}-of-{shards:02d}.json"


class AnchorBuilder:
    """Push-style builder: ``add(event)`` in by_day order, then ``build()``. Memory: O(campaigns x log n) for the
    roots, plus one small entry per phone seen (the heads are part of the anchor itself)."""

    def __init__(self, brand: str, date: str) -> None:
        if not _DATE.match(date):
            raise ValueError("date must be YYYY-MM-DD")
        self.brand, self.date = brand, date
        self._day = MerkleAccumulator()
        self._campaigns: dict[str, MerkleAccumulator] = {}
        self._heads: dict[str, dict[str, Any]] = {}
        self._last_key: tuple[str, int] | None = None

    def add(self, event: Mapping[str, Any] | str) -> None:
        """An event dict (hash, campaigns, phone and seq are used) or a bare event hash (day root only)."""
        if isinstance(event, str):
            self._day.add(event)
            return
        if event.get("brand") != self.brand:
            raise ValueError("event of another brand given to the anchor")
        key = (event["phone"], event["seq"])
        if self._last_key is not None and key <= self._last_key:
            raise ValueError("events must come in by_day order: phone, then seq ascending")
        self._last_key = key
        self._day.add(event["hash"])
        for campaign in sorted(set(event.get("campaigns") or ())):
            self._campaigns.setdefault(campaign, MerkleAccumulator()).add(event["hash"])
        self._heads[event["phone"]] = {"seq": event["seq"], "hash": event["hash"]}

    def part(self, shard: int, shards: int, bundle_keys: Mapping[str, str | None]) -> dict[str, Any]:
        """The part summary of one shard of the day: like an anchor, plus the key of each campaign's bundle part.
        Every campaign in ``bundle_keys`` is listed, with a count of 0 when the shard had none of its events."""
        campaigns = {name: acc.summary() for name, acc in self._campaigns.items()}
        for name in bundle_keys:
            campaigns.setdefault(name, MerkleAccumulator().summary())
        return {
            "part_version": PART_VERSION,
            "brand": self.brand,
            "date": self.date,
            "shard": shard,
            "shards": shards,
            "generator": f"optledger {__version__}",
            "merkle": {"algorithm": MERKLE_ALGORITHM, **self._day.summary()},
            "campaigns": {name: {**campaigns[name], "key": bundle_keys.get(name)} for name in sorted(campaigns)},
            "heads": {phone: self._heads[phone] for phone in sorted(self._heads)},
        }

    def build(self, chain_heads: Mapping[str, Any] | Iterable[tuple[str, int, str]] | None = None) -> dict[str, Any]:
        heads = self._heads if chain_heads is None else _normalise_heads(chain_heads)
        return {
            "anchor_version": ANCHOR_VERSION,
            "brand": self.brand,
            "date": self.date,
            "generator": f"optledger {__version__}",
            "merkle": {"algorithm": MERKLE_ALGORITHM, **self._day.summary()},
            "campaigns": {name: acc.summary() for name, acc in sorted(self._campaigns.items())},
            "heads": {phone: heads[phone] for phone in sorted(heads)},
        }


def build_anchor(
    brand: str,
    date: str,
    events: Iterable[Mapping[str, Any] | str],
    chain_heads: Mapping[str, Any] | Iterable[tuple[str, int, str]] | None = None,
) -> dict[str, Any]:
    """The anchor of one brand's UTC day from its events streamed in by_day order (see the module docstring).

    ``events`` yields event dicts (needed for the per-campaign roots and the derived heads) or bare hex hashes.
    ``chain_heads`` (``{phone: {"seq", "hash"}}``, ``{phone: (seq, hash)}`` or ``(phone, seq, hash)`` tuples)
    replaces the heads derived from the day's events when given.
    """
    builder = AnchorBuilder(brand, date)
    for event in events:
        builder.add(event)
    return builder.build(chain_heads)


def _normalise_heads(chain_heads: Mapping[str, Any] | Iterable[tuple[str, int, str]]) -> dict[str, dict[str, Any]]:
    heads: dict[str, dict[str, Any]] = {}
    items = chain_heads.items() if isinstance(chain_heads, Mapping) else ((p, (s, h)) for p, s, h in chain_heads)
    for phone, head in items:
        if isinstance(head, Mapping):
            seq, hash_ = head["seq"], head["hash"]
        else:
            seq, hash_ = head
        heads[phone] = {"seq": int(seq), "hash": str(hash_)}
    return heads


def build_parts_anchor(brand: str, date: str, parts: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The anchor of a day written in parts (anchor_version 2), from every part's summary in shard order.

    ``merkle`` is the Merkle root whose leaves are the parts' roots in shard order (an empty part's root is SHA-256
    of the empty string), ``count`` the day's events; ``campaigns[C]`` likewise over the parts' roots of C; ``parts``
    keeps each part's roots, counts and bundle keys, which is what a part bundle is checked against; ``heads``
    merges the parts' chain heads (the shards hold disjoint sets of numbers).
    """
    shards = len(parts)
    day = MerkleAccumulator()
    campaign_names = sorted({name for part in parts for name in part["campaigns"]})
    campaigns = {name: MerkleAccumulator() for name in campaign_names}
    counts = dict.fromkeys(campaign_names, 0)
    heads: dict[str, Any] = {}
    total = 0
    for shard, part in enumerate(parts):
        if (part["brand"], part["date"], part["shard"], part["shards"]) != (brand, date, shard, shards):
            raise ValueError(f"part {shard} of {shards} is not the part of {brand} {date} it should be")
        day.add(part["merkle"]["root"])
        total += part["merkle"]["count"]
        for name in campaign_names:
            entry = part["campaigns"].get(name) or MerkleAccumulator().summary()
            campaigns[name].add(entry["root"])
            counts[name] += entry["count"]
        for phone, head in part["heads"].items():
            # A number is in one shard, unless the shard count was raised during the day: then the later seq wins.
            if phone not in heads or head["seq"] > heads[phone]["seq"]:
                heads[phone] = head
    return {
        "anchor_version": PARTS_ANCHOR_VERSION,
        "brand": brand,
        "date": date,
        "generator": f"optledger {__version__}",
        "shards": shards,
        "merkle": {"algorithm": MERKLE_ALGORITHM, "leaves": "part roots", "root": day.root(), "count": total},
        "campaigns": {
            name: {"leaves": "part roots", "root": campaigns[name].root(), "count": counts[name]}
            for name in campaign_names
        },
        "parts": [
            {
                "shard": part["shard"],
                "merkle": {"root": part["merkle"]["root"], "count": part["merkle"]["count"]},
                "campaigns": {name: dict(entry) for name, entry in part["campaigns"].items()},
            }
            for part in parts
        ],
        "heads": {phone: heads[phone] for phone in sorted(heads)},
    }


def check_parts_anchor(anchor: Mapping[str, Any]) -> list[str]:
    """Problems of an anchor of parts with itself: the day and campaign roots and counts recomputed from its parts."""
    try:
        return _parts_anchor_problems(anchor)
    except (AttributeError, KeyError, TypeError, ValueError):
        return ["anchor: malformed (a part, root or count is not what an anchor of parts holds)"]


def _parts_anchor_problems(anchor: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    parts = anchor.get("parts")
    if not isinstance(parts, list) or len(parts) != anchor.get("shards"):
        return ["anchor: parts missing or not one per shard"]
    day = MerkleAccumulator()
    for shard, part in enumerate(parts):
        if part.get("shard") != shard:
            problems.append(f"anchor: part {shard} is out of place")
        day.add((part.get("merkle") or {}).get("root", ""))
    if day.root() != anchor["merkle"].get("root"):
        problems.append("anchor: the day root is not the Merkle root of the parts' roots")
    if sum((p.get("merkle") or {}).get("count", 0) for p in parts) != anchor["merkle"].get("count"):
        problems.append("anchor: the day count is not the sum of the parts' counts")
    for name, entry in (anchor.get("campaigns") or {}).items():
        acc, count = MerkleAccumulator(), 0
        for part in parts:
            of_part = (part.get("campaigns") or {}).get(name) or MerkleAccumulator().summary()
            acc.add(of_part["root"])
            count += of_part["count"]
        if (acc.root(), count) != (entry.get("root"), entry.get("count")):
            problems.append(f"anchor: campaign {name}'s root or count is not the parts'")
    return problems

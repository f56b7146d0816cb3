"""The anchor pass of the verifier: a bundle's events against the day's anchor (DESIGN section 6).

The anchor is a file the user hands over, so every field is read defensively: a wrong type is a failed check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from optledger.bundles.results import AnchorResult, EventsResult, Log

if TYPE_CHECKING:
    from optledger.bundles.manifest import Manifest


def mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _anchored_campaign(m: Manifest, a: Mapping[str, Any], log: Log) -> Mapping[str, Any] | None:
    """The anchored root and count this daily bundle must match: the campaign's (anchor 1, a whole-day bundle)
    or the campaign's in this bundle's part (anchor 2, a day written in parts)."""
    empty = {"root": None, "count": 0}
    part, campaign = m.part, m.campaign or ""
    if a.get("anchor_version", 1) == 1:
        if part is not None:
            log.fail("anchor: a bundle part checked against a whole-day anchor (anchor_version 1)")
            return None
        return mapping(mapping(a.get("campaigns")).get(campaign, empty))
    if part is None:
        log.fail("anchor: a whole-day bundle checked against an anchor of parts (anchor_version 2)")
        return None
    listed = a.get("parts")
    parts: list[Any] = listed if isinstance(listed, list) else []
    if a.get("shards") != part[1] or part[0] >= len(parts) or not isinstance(parts[part[0]], Mapping):
        log.fail(f"anchor: it has no part {part[0]} of {part[1]}")
        return None
    return mapping(mapping(parts[part[0]].get("campaigns")).get(campaign, empty))


def check_anchor(m: Manifest, a: Mapping[str, Any], events: EventsResult, *, problems_before: bool) -> AnchorResult:
    log = Log()
    if not isinstance(a, Mapping) or a.get("brand") != m.brand:
        log.fail("anchor: it is the anchor of another brand")
        return AnchorResult(**log.freeze())
    if m.kind == "daily":
        day = str(m.period.get("from"))[:10]
        if a.get("date") != day:
            log.fail(f"anchor: it is the anchor of {a.get('date')}, the bundle covers {day}")
            return AnchorResult(**log.freeze())
        anchored = _anchored_campaign(m, a, log)
        if anchored is None:
            return AnchorResult(**log.freeze())
        ours = {"root": events.merkle_root, "count": events.merkle_count}
        if ours["count"] == 0 and anchored.get("count") == 0:
            log.check("anchor: no events of the campaign that day, none in the bundle")
        elif anchored.get("root") != ours["root"] or anchored.get("count") != ours["count"]:
            log.fail(
                f"anchor: the events do not match the campaign's anchored Merkle root ({ours['count']} events"
                f" here, {anchored.get('count')} anchored): an event was edited, added, dropped or reordered"
            )
        else:
            log.check(f"anchor {a.get('date')}: campaign Merkle root and count match")
        return AnchorResult(**log.freeze())
    head = mapping(a.get("heads")).get(m.phone or "")
    if not isinstance(head, Mapping):
        log.check(f"anchor {a.get('date')}: the number had no events that day (nothing to compare)")
        return AnchorResult(**log.freeze())
    last = events.heads[-1] if events.heads else None
    if last is None or not isinstance(head.get("seq"), int) or last.seq < head["seq"]:
        log.fail(f"anchor: the bundle ends before the anchored chain head (seq {head.get('seq')})")
    elif not problems_before:
        log.check(f"anchor {a.get('date')}: chain head seq {head['seq']} present with the anchored hash")
    return AnchorResult(**log.freeze())

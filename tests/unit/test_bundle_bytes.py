"""The bundle format is frozen (DESIGN section 7): fixed events, a fixed clock, the same bytes member by member.

``tests/data/bundle_bytes.json`` was recorded from the single-module ``bundles.py`` before it became a package; a change
of any member's bytes (manifest layout, CSV quoting, report, VERIFY.md, zip headers) fails here. Regenerate it only on a
deliberate format change: ``python tests/unit/test_bundle_bytes.py > tests/data/bundle_bytes.json``.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from optledger import __version__
from optledger.bundles import daily_bundle_info, number_bundle_info, write_bundle
from optledger.chain import GENESIS_HASH, seal, sha256_hex

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "bundle_bytes.json"
AT = "2026-11-28T00:05:00.000Z"
SHOWN = "Join Acme Deals: recurring texts. Msg & data rates may apply. Reply STOP to cancel. Café ✓"
ABSENT = "a disclosure text the writer cannot find"
TEXTS = {sha256_hex(SHOWN): SHOWN}


def chain(phone: str, length: int, campaigns_of: Any) -> list[dict[str, Any]]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, length + 1):
        kind = ("opt_in", "opt_out", "message")[seq % 3]
        disclosure = SHOWN if seq % 2 else ABSENT
        event = {
            "event_id": f"01J{phone[-4:]}{seq:06d}",
            "brand": "acme",
            "phone": phone,
            "seq": seq,
            "type": kind,
            "campaigns": campaigns_of(seq),
            "tier": "express_written" if kind == "opt_in" else None,
            "channel": "web_form" if kind == "opt_in" else "sms",
            "occurred_at": f"2026-11-27T10:{seq:02d}:00.000Z",
            "recorded_at": f"2026-11-27T10:{seq:02d}:00.250Z",
            "source": {"ip": "203.0.113.7", "user_agent": "=cmd|' /C calc'!A0", "page_url": "https://acme.example/j"},
            "evidence": {"disclosure_sha256": sha256_hex(disclosure), "subject": "-Zoë", "session_id": "@s-1"},
        }
        events.append(seal(event, prev))
        prev = event["hash"]
    return events


def day() -> list[dict[str, Any]]:
    def campaigns_of(seq: int) -> list[str]:
        return ["C9OTHER"] if seq == 3 else ["C7DEALS", "C9OTHER"] if seq == 4 else ["C7DEALS"]

    return [e for i in range(5) for e in chain(f"+1415555{i:04d}", 6, campaigns_of)]


def bundles() -> dict[str, bytes]:
    events = day()
    deals = [e for e in events if "C7DEALS" in e["campaigns"]]
    broken = [dict(e) for e in events if e["phone"] == "+14155550002"]
    broken[3]["type"] = "opt_in"  # edited without resealing: the manifest records the broken chain
    made = {
        "daily": (deals, daily_bundle_info("acme", "C7DEALS", "2026-11-27", AT)),
        "part": (deals[:9], daily_bundle_info("acme", "C7DEALS", "2026-11-27", AT, part=(1, 4))),
        "empty": ([], daily_bundle_info("acme", "C9OTHER", "2026-11-27", AT)),
        "number": (broken, number_bundle_info("acme", "+14155550002", AT)),
    }
    out: dict[str, bytes] = {}
    for name, (selected, info) in made.items():
        sink = io.BytesIO()
        write_bundle(selected, sink, info, TEXTS.get, max_report_numbers=3, max_report_disclosures=1)
        out[name] = sink.getvalue()
    return out


def fingerprint(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: hashlib.sha256(zf.read(name)).hexdigest() for name in zf.namelist()}
    # The generator string names the version; the zip's own hash holds only while the version is the recorded one.
    return {"members": members, "zip": hashlib.sha256(data).hexdigest(), "version": __version__}


def test_every_member_of_every_bundle_has_the_recorded_bytes():
    recorded = json.loads(FIXTURE.read_text())
    for name, data in bundles().items():
        now = fingerprint(data)
        assert now["version"] == recorded[name]["version"], "a version bump changes the generator: re-record"
        assert list(now["members"]) == list(recorded[name]["members"]), name
        for member, digest in recorded[name]["members"].items():
            assert now["members"][member] == digest, f"{name} bundle: {member} changed"
        assert now["zip"] == recorded[name]["zip"], f"{name} bundle: zip headers or layout changed"


if __name__ == "__main__":
    json.dump({name: fingerprint(data) for name, data in bundles().items()}, sys.stdout, indent=1)
    print()

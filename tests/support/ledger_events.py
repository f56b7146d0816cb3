"""Generated ledger events with valid hash chains (``optledger.chain.seal``) for bundle and anchor tests and benches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from optledger.chain import GENESIS_HASH, seal, sha256_hex

DISCLOSURE = (
    "By checking this box I agree to receive recurring marketing texts from Acme Deals at the number provided. "
    "Consent is not a condition of purchase. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, "
    "STOP to cancel."
)
DISCLOSURE_SHA = sha256_hex(DISCLOSURE)


def phone_of(index: int) -> str:
    return f"+1415555{index:04d}"


def chain_events(
    phone: str,
    length: int,
    *,
    brand: str = "acme",
    campaigns_of: Any = None,
    day: str = "2026-11-27",
    disclosure_sha: str | None = DISCLOSURE_SHA,
    subject: str = "Jane Doe",
) -> list[dict[str, Any]]:
    """One phone's chain from seq 1; ``campaigns_of(seq)`` gives each event's campaigns (default: C7DEALS)."""
    events, prev = [], GENESIS_HASH
    for seq in range(1, length + 1):
        kind = "opt_in" if seq % 3 == 1 else ("opt_out" if seq % 3 == 2 else "message")
        minute = seq % 60
        event = {
            "event_id": f"01J{phone[-4:]}{seq:06d}",
            "brand": brand,
            "phone": phone,
            "seq": seq,
            "type": kind,
            "campaigns": campaigns_of(seq) if campaigns_of else ["C7DEALS"],
            "tier": "express_written" if kind == "opt_in" else None,
            "channel": "web_form" if kind == "opt_in" else "sms",
            "occurred_at": f"{day}T10:{minute:02d}:00.000Z",
            "recorded_at": f"{day}T10:{minute:02d}:00.250Z",
            "source": (
                {"ip": "203.0.113.7", "user_agent": "Mozilla/5.0", "page_url": "https://acme.example/join"}
                if kind == "opt_in"
                else {"provider": "twilio", "provider_message_id": f"SM{seq:030d}"}
            ),
            "evidence": (
                {"disclosure_sha256": disclosure_sha, "subject": subject, "session_id": "s-1"}
                if kind == "opt_in" and disclosure_sha
                else {"matched": "STOP", "detected_by": "keyword"}
            ),
        }
        seal(event, prev)
        prev = event["hash"]
        events.append(event)
    return events


def day_events(phones: int, per_phone: int, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Events of several phones in by_day order (phone ascending, then seq), generated lazily."""
    for index in range(phones):
        yield from chain_events(phone_of(index), per_phone, **kwargs)


def reseal(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Recompute every hash and link of one phone's chain, as a forger who edited an event would."""
    prev = GENESIS_HASH
    for event in events:
        seal(event, prev)
        prev = event["hash"]
    return events


def append_opt_ins(ledger: Any, day: str, count: int = 3, *, tag: str, evidence: dict[str, Any] | None = None) -> None:
    """``count`` keyword opt-ins to C7DEALS (numbers ``phone_of(0..)``) appended through the production path, as
    received at 10:0n on ``day``; ``tag`` makes the provider message ids unique to the caller."""
    from optledger.ledger import Draft

    for n in range(count):
        ledger.append(
            Draft(
                brand="acme",
                phone=phone_of(n),
                type="opt_in",
                campaigns=("C7DEALS",),
                channel="sms",
                occurred_at=f"{day}T10:0{n}:00.000Z",
                source={"provider": "twilio", "provider_message_id": f"SM{tag}{n}"},
                evidence=evidence or {},
                tier="express_written",
                tiers={"C7DEALS": "express_written"},
            )
        )


def append_sms(phone: str, kind: str, at: str, campaigns=("C7DEALS",), *, subject: str = "Jane") -> dict[str, Any]:
    """Append one acme text event (an opt-in at express written) through the runtime ledger; the stored event."""
    from optledger import runtime
    from optledger.ledger import Draft

    draft = Draft(
        brand="acme",
        phone=phone,
        type=kind,
        campaigns=campaigns,
        channel="sms",
        occurred_at=at,
        source={"provider": "twilio", "provider_message_id": f"SM{phone[-4:]}{at}"},
        evidence={"text": kind, "subject": subject},
        tier="express_written" if kind == "opt_in" else None,
        tiers=dict.fromkeys(campaigns, "express_written"),
    )
    return runtime.ledger().append(draft).event

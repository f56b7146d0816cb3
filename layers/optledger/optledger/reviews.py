"""Deciding the replies queued for review (``POST /reviews/{event_id}``).

A reply the classifier could not decide ("not interested", "I never signed up") was recorded as a ``message`` and
queued. A person reads it and decides: ``revocation`` records an opt-out for the campaigns the reply reached, dated
when the consumer wrote it (a revocation takes effect when it is made, not when someone reads it), referencing the
reviewed event; ``not_revocation`` records nothing in the ledger. Either way the decision and who made it are kept on
the queue item, and the first decision stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from optledger.campaigns import Directory
from optledger.errors import Conflict, NotFound, raise_problems
from optledger.ledger import Draft, Ledger
from optledger.store import Store
from optledger.timeutil import format_ts, utcnow

DECISIONS = ("revocation", "not_revocation")
MAX_TEXT = 500


UNKNOWN_REPLY = "no such reply in the review queue"


class ReviewDecision(TypedDict):
    """The answer of ``POST /reviews/{event_id}``; a revocation names the opt-out it recorded."""

    event_id: str
    decision: str
    opt_out_event_id: NotRequired[str]


def _brand(event_id: str, brand: str | None, store: Store, directory: Directory) -> str:
    """The brand whose queue holds the reply: event ids are unique, so the id alone finds it."""
    owner = store.review_brand(event_id)
    if owner is None:
        # Replies queued before the id pointer existed: look in each brand's queue.
        owner = next((b for b in directory.brands if store.get_review(b, event_id) is not None), None)
    if owner is None or (brand and brand != owner):
        raise NotFound(UNKNOWN_REPLY, fields={"event_id": "unknown"})
    return owner


def _validate(body: Mapping[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    unknown = set(body) - {"decision", "agent_id", "note"}
    problems.update(dict.fromkeys(sorted(unknown), "unknown field"))
    if body.get("decision") not in DECISIONS:
        problems["decision"] = "must be revocation or not_revocation"
    for name, required in (("agent_id", True), ("note", False)):
        value = body.get(name)
        if value is None and not required:
            continue
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            problems[name] = f"must be a non-empty string of at most {MAX_TEXT} characters"
    raise_problems("the review decision is invalid", problems)
    return {k: str(v).strip() for k, v in body.items() if v is not None}


def decide(
    event_id: str,
    body: Mapping[str, Any],
    *,
    brand: str | None,
    caller: str,
    store: Store,
    ledger: Ledger,
    directory: Directory,
) -> ReviewDecision:
    decision = _validate(body)
    brand = _brand(event_id, brand, store, directory)
    review = store.get_review(brand, event_id)
    if review is None:
        raise NotFound(UNKNOWN_REPLY, fields={"event_id": "unknown"})
    if "resolved" in review:
        raise Conflict("this reply was already decided", fields={"decision": review["resolved"]["decision"]})
    answer: ReviewDecision = {"event_id": event_id, "decision": decision["decision"]}
    if decision["decision"] == "revocation":
        evidence: dict[str, Any] = {
            "review_of": event_id,
            "matched": review.get("matched"),
            "detected_by": "review",
            "agent_id": decision["agent_id"],
        }
        if decision.get("note"):
            evidence["note"] = decision["note"]
        appended = ledger.append(
            Draft(
                brand=brand,
                phone=review["phone"],
                type="opt_out",
                campaigns=tuple(review["campaigns"]),
                channel="api",
                occurred_at=review["occurred_at"],
                source={"api": caller, "review_of": event_id},
                evidence=evidence,
            ),
            # Keyed by the reviewed event: a retried decision never records a second opt-out.
            delivery=("review", event_id),
            answer=lambda head, event, state: {"opt_out_event_id": event["event_id"]},
        )
        answer["opt_out_event_id"] = appended.answer["opt_out_event_id"]
    resolution = {**decision, "decided_by": caller, "decided_at": format_ts(utcnow()), **answer}
    if not store.resolve_review(brand, event_id, resolution):
        raise Conflict("this reply was already decided", fields={"event_id": "decided"})
    return answer

"""The send gate: may this purpose be sent to this phone for this campaign now? (DESIGN sections 1 and 3).

:func:`check` is pure: it reads the chain head of (brand, phone) that the caller fetched (one GetItem) and decides.
The order of the answers, strongest first:

1. ``opted_out`` - an opt-out in scope always denies: the campaign's own, or a brand-scope opt-out (STOPALL) decided
   at or after the campaign's own state (``decided_at`` compared; a tie goes to the opt-out).
1a. ``review_pending`` - an unclear reply to this campaign waits for a person, and no opt-in or opt-out has occurred
   since: informational and promotional sends wait for the decision (conversational replies stay allowed).
2. ``pending_confirmation`` - a double opt-in still awaiting YES.
3. ``no_consent`` - never seen, no opt-in, or implied consent outside its conversation.
4. ``insufficient_tier`` - consent never extends upward: implied covers conversational only, express adds
   informational, express_written adds promotional.
5. ``quiet_hours`` - promotional messages only, in the recipient's local time (:mod:`optledger.quiet_hours`).
6. ``ok``.

Implied consent exists only inside the conversation: from the consumer's last inbound message (``last_inbound_at``) for
``campaign.conversation_window_hours``. An express or express_written opt-in also allows conversational messages at any
time. A brand-scope state only ever removes consent: a brand-level state that is not an opt-out (say a START after a
STOPALL) lifts the brand opt-out and lets the campaign's own state speak again, but never grants a campaign consent it
did not have. The head is the current state: ``at`` places the send in time (quiet hours, conversation window), it does
not replay history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypedDict

from optledger.consent import NEVER_SEEN, CampaignView, State, campaign_view
from optledger.errors import ValidationError, raise_problems
from optledger.models import TIER_RANK, tier_allows
from optledger.phone import normalize
from optledger.timeutil import parse_planned, parse_ts, utcnow

if TYPE_CHECKING:
    from optledger.campaigns import Directory
    from optledger.models import Campaign
    from optledger.store import Store

PURPOSES = ("conversational", "informational", "promotional")
REASONS = (
    "ok",
    "opted_out",
    "review_pending",
    "no_consent",
    "insufficient_tier",
    "quiet_hours",
    "pending_confirmation",
)
# A provider's clock may run a little ahead of ours: an inbound message stamped up to this far after ``at`` still
# counts as having started the conversation.
CLOCK_SKEW = timedelta(minutes=5)


class CheckAnswer(TypedDict):
    """The JSON answer of ``POST /consents/check`` (DESIGN section 3)."""

    allowed: bool
    reason: str
    tier: str | None
    event_id: str | None
    local_time: str | None
    next_allowed_at: str | None


@dataclass(frozen=True)
class CheckResult:
    allowed: bool
    reason: str
    tier: str | None = None
    event_id: str | None = None
    local_time: str | None = None
    next_allowed_at: str | None = None

    def to_dict(self) -> CheckAnswer:
        return {
            "allowed": self.allowed,
            "reason": self.reason,
            "tier": self.tier,
            "event_id": self.event_id,
            "local_time": self.local_time,
            "next_allowed_at": self.next_allowed_at,
        }


def in_conversation(last_inbound_at: str | None, campaign: Campaign, at: datetime) -> bool:
    """Is ``at`` inside the conversation the consumer opened with their last inbound message?"""
    if not last_inbound_at:
        return False
    try:
        last = parse_ts(last_inbound_at, field="last_inbound_at")
    except ValidationError:
        return False  # an unreadable stored time opens no conversation: when in doubt, no
    window = timedelta(hours=campaign.conversation_window_hours)
    return -CLOCK_SKEW <= at - last < window


def require_purpose(purpose: object) -> None:
    if purpose not in PURPOSES:
        raise ValidationError(
            "purpose must be conversational, informational or promotional",
            fields={"purpose": "must be conversational, informational or promotional"},
        )


def check(
    view: CampaignView | Mapping[str, Any] | None,
    campaign: Campaign,
    purpose: str,
    at: datetime,
    phone: str,
    *,
    review_pending: str | None = None,
) -> CheckResult:
    """Decide whether ``purpose`` may be sent to ``phone`` for ``campaign`` at ``at``.

    ``view`` is the campaign's consent as :func:`optledger.consent.campaign_view` derives it from the chain head of
    (campaign.brand, phone) — a brand-scope opt-out already merged in — or its JSON form (a library caller's), or
    None for a number never seen. ``review_pending`` is the id of an undecided unclear reply that holds this
    campaign's informational and promotional sends (see :func:`undecided_review`). Raises ValidationError (422) for
    an unknown purpose or a naive ``at``.
    """
    require_purpose(purpose)
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise ValidationError("at must be a timestamp with a time zone", fields={"at": "naive"})
    at = at.astimezone(UTC)
    if view is None or isinstance(view, CampaignView):
        known = view or NEVER_SEEN
        status, tier, event_id = known.status, known.tier, known.event_id
        pending_id, last_inbound_at = known.pending_event_id, known.last_inbound_at
    else:  # a view as JSON: the facts the gate reads, without building a CampaignView for every check
        get = view.get
        status, tier, event_id = get("status", "none"), get("tier"), get("event_id")
        pending_id, last_inbound_at = get("pending_event_id"), get("last_inbound_at")

    if status == "opted_out":
        return CheckResult(False, "opted_out", None, event_id)
    if review_pending and purpose != "conversational":
        return CheckResult(False, "review_pending", tier, review_pending)
    if status == "pending":
        return CheckResult(False, "pending_confirmation", tier, pending_id or event_id)
    if status != "opted_in":
        if purpose == "conversational" and in_conversation(last_inbound_at, campaign, at):
            return CheckResult(True, "ok", "implied", event_id)
        return CheckResult(False, "no_consent", None, event_id)

    if purpose == "conversational" and TIER_RANK.get(tier or "", 0) < TIER_RANK["express"]:
        if in_conversation(last_inbound_at, campaign, at):
            return CheckResult(True, "ok", tier or "implied", event_id)
        return CheckResult(False, "no_consent", tier, event_id)
    if not tier_allows(tier, purpose):
        if pending_id and tier_allows(campaign.tier, purpose):
            # A higher-tier opt-in to this campaign is waiting for its YES.
            return CheckResult(False, "pending_confirmation", tier, pending_id)
        return CheckResult(False, "insufficient_tier", tier, event_id)
    if purpose != "promotional":
        return CheckResult(True, "ok", tier, event_id)

    from optledger import quiet_hours  # promotional sends only: its tables and time zones stay unloaded until then

    decision = quiet_hours.evaluate(phone, at)
    if not decision.allowed:
        return CheckResult(False, "quiet_hours", tier, event_id, decision.local_time, decision.next_allowed_at)
    return CheckResult(True, "ok", tier, event_id, decision.local_time)


def check_send(
    body: Mapping[str, Any], *, store: Store, directory: Directory, now: datetime | None = None
) -> CheckResult:
    """``POST /consents/check``: one GetItem of the number's chain head, then :func:`check`."""
    problems = {name: "required" for name in ("phone", "campaign", "purpose") if not body.get(name)}
    raise_problems("phone, campaign and purpose are required", problems)
    unknown = set(body) - {"phone", "campaign", "purpose", "at"}
    if unknown:
        raise ValidationError("unknown fields", fields=dict.fromkeys(sorted(unknown), "unknown field"))
    phone = normalize(body["phone"])
    if not isinstance(body["campaign"], str):
        raise ValidationError("campaign must be a campaign id", fields={"campaign": "invalid"})
    campaign = directory.get(body["campaign"])
    at = parse_planned(body["at"], now=now) if body.get("at") is not None else (now or utcnow())
    require_purpose(body["purpose"])  # before the read: a refused check costs nothing
    head = store.get_head(campaign.brand, phone)
    state = head.state if head else None
    return answer(state, campaign, str(body["purpose"]), at, phone, store=store, now=now)


def undecided_review(view: CampaignView, brand: str, store: Store, known: dict[str, bool] | None = None) -> str | None:
    """The first unclear reply of the view's campaign that nobody has decided yet (one read per open reply, which
    is none for nearly every number; ``known`` keeps what was read, since one reply reaches every campaign of its
    sender). A reply whose queue item cannot be found holds too: when in doubt, no."""
    known = {} if known is None else known
    for event_id in view.review_event_ids:
        if event_id not in known:
            review = store.get_review(brand, event_id)
            known[event_id] = review is None or "resolved" not in review
        if known[event_id]:
            return event_id
    return None


def answer(
    state: State,
    campaign: Campaign,
    purpose: str,
    at: datetime,
    phone: str,
    *,
    store: Store,
    now: datetime | None = None,
) -> CheckResult:
    """What the send gate answers for one campaign and purpose, given the chain head's state: the one code path
    behind ``POST /consents/check`` and the ``allowed``/``reason`` of ``GET /consents/{phone}``. Consent is the
    state ``now``; ``at`` places the send in time (quiet hours, conversation window)."""
    view = campaign_view(state, campaign.id, now=now) if state else None
    return answer_view(view, campaign, purpose, at, phone, store=store)


def answer_view(
    view: CampaignView | None,
    campaign: Campaign,
    purpose: str,
    at: datetime,
    phone: str,
    *,
    store: Store,
    known_reviews: dict[str, bool] | None = None,
) -> CheckResult:
    """:func:`answer` for a campaign view already derived (``consent.campaign_view``) by the caller."""
    hold = None
    if view is not None and purpose != "conversational":
        hold = undecided_review(view, campaign.brand, store, known_reviews)
    return check(view, campaign, purpose, at, phone, review_pending=hold)


def may_send(phone: str, campaign: str, purpose: str, at: datetime | None = None) -> CheckResult:
    """The send gate as a library call, for senders that run in AWS with the layer (configured from the environment).

    >>> may_send("+14155550123", "C7DEALS", "promotional").allowed  # doctest: +SKIP
    """
    from optledger import runtime

    body: dict[str, Any] = {"phone": phone, "campaign": campaign, "purpose": purpose}
    if at is not None:
        body["at"] = at.isoformat()
    return check_send(body, store=runtime.store(), directory=runtime.campaigns().directory())

"""Web opt-ins: a consumer ticks a consent box on a form (the business's own site or the hosted page).

An opt-in is recorded with what carriers ask for: the time, the medium, the exact disclosure shown (stored once in
S3, content-addressed, referenced by ``evidence.disclosure_sha256``), the campaign, the IP address (from the API
Gateway request context only: client headers such as X-Forwarded-For are never trusted), the phone number and the
identity of the person (``subject``, ``session_id``), plus user agent and page URL. A campaign with double opt-in
records ``pending`` and asks the consumer to confirm by text; the consumer's YES within ``CONFIRM_WINDOW`` turns it
into an opt-in (see ``optledger.inbound``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from optledger import disclosures
from optledger.campaigns import Directory
from optledger.errors import Forbidden, ValidationError, collect, raise_problems
from optledger.ledger import Draft, Ledger
from optledger.models import Campaign
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import format_ts, utcnow

MAX_OPTIN_BYTES = 16 * 1024
CONFIRM_WINDOW = timedelta(hours=72)
AFFIRMATIVE = frozenset({"true", "on", "yes", "1"})
MAX_IDENTITY_CHARS = 256
MAX_URL_CHARS = 2048
MAX_USER_AGENT_CHARS = 512
HOSTED_MARKER = ("form", "hosted")  # hidden field of the hosted page: answer with HTML, record channel hosted_page
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


# -- the origin a form was posted from -------------------------------------------------------------------------------


def is_hosted(fields: Mapping[str, Any]) -> bool:
    return fields.get(HOSTED_MARKER[0]) == HOSTED_MARKER[1]


def origin_allowed(origin: str | None, campaign: Campaign, *, own_origin: str) -> bool:
    """A browser's Origin must be one the campaign allows (or the hosted page's own); a request without one is not a
    browser's cross-site request, so CORS does not apply to it."""
    if origin is None:
        return True
    origin = origin.strip().lower()
    return origin == own_origin or origin in {o.rstrip("/").lower() for o in campaign.allowed_origins}


# -- validation -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptinRequest:
    phone: str
    campaign: Campaign
    disclosure: str
    disclosure_sha256: str
    consent: str
    page_url: str | None
    subject: str | None
    session_id: str | None


def _consent_value(raw: Any) -> str | None:
    if raw is True or (isinstance(raw, int) and not isinstance(raw, bool) and raw == 1):
        return "true" if raw is True else "1"
    if isinstance(raw, str) and raw.strip().lower() in AFFIRMATIVE:
        return raw.strip().lower()
    return None


def _optional_text(fields: Mapping[str, Any], name: str, limit: int, problems: dict[str, str]) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems[name] = "must be a string"
        return None
    value = value.strip()
    if len(value) > limit:
        problems[name] = f"at most {limit} characters"
        return None
    return value or None


def validate(fields: Mapping[str, Any], campaign: Campaign) -> OptinRequest:
    """Every rule of DESIGN section 3 for ``POST /optins``; one 422 names every field that breaks one."""
    problems: dict[str, Any] = {}
    phone, phone_error = collect(problems, lambda: normalize(fields.get("phone")), "")

    consent = _consent_value(fields.get("consent"))
    if consent is None:
        given = fields.get("consent") not in (None, "")
        problems["consent"] = "not given: must be true/on/yes/1" if given else "required: the consumer must agree"

    page_url = _optional_text(fields, "page_url", MAX_URL_CHARS, problems)
    if page_url and urlsplit(page_url).scheme not in ("http", "https"):
        problems["page_url"] = "must be an http(s) URL"
    subject = _optional_text(fields, "subject", MAX_IDENTITY_CHARS, problems)
    session_id = _optional_text(fields, "session_id", MAX_IDENTITY_CHARS, problems)

    text, sha = _disclosure(fields, campaign, problems)
    raise_problems("opt-in is invalid", problems, alone=phone_error)
    return OptinRequest(phone, campaign, text, sha, consent or "", page_url, subject, session_id)


def _disclosure(fields: Mapping[str, Any], campaign: Campaign, problems: dict[str, Any]) -> tuple[str, str]:
    text, sha = fields.get("disclosure"), fields.get("disclosure_sha256")
    if text in (None, "") and sha in (None, ""):
        problems["disclosure"] = "required: the exact disclosure text shown, or disclosure_sha256 of a registered one"
        return "", ""
    if sha not in (None, ""):
        if not isinstance(sha, str) or not SHA256_HEX.match(sha.strip().lower()):
            problems["disclosure_sha256"] = "must be 64 hex digits"
            return "", ""
        sha = sha.strip().lower()
        known = disclosures.registered(campaign)
        if text not in (None, ""):
            if not isinstance(text, str) or disclosures.disclosure_sha256(text) != sha:
                problems["disclosure_sha256"] = "does not match the disclosure text"
                return "", ""
        elif sha not in known:
            problems["disclosure_sha256"] = "not a disclosure registered on this campaign"
            return "", ""
        text = known.get(sha, text)
    checked, error = collect(problems, lambda: disclosures.check(text, campaign), "")
    return ("", "") if error else (checked, disclosures.disclosure_sha256(checked))


# -- recording --------------------------------------------------------------------------------------------------------


def confirmation_text(campaign: Campaign) -> str:
    """The double opt-in request: no marketing content, only what the consumer needs to answer it."""
    return (
        f"{campaign.name}: reply YES to confirm you want to receive text messages. "
        "Msg & data rates may apply. Reply HELP for help, STOP to cancel."
    )


def record_optin(
    request: OptinRequest,
    *,
    channel: str,
    source_ip: str,
    user_agent: str,
    ledger: Ledger,
    store: Store,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Store the disclosure (once) and append the opt-in, or the pending double opt-in; return the 201 answer."""
    campaign = request.campaign
    moment = now or utcnow()
    occurred_at = format_ts(moment)
    # Content-addressed: storing it before the event is harmless if the append then fails.
    store.put_disclosure(request.disclosure_sha256, request.disclosure)
    evidence: dict[str, Any] = {
        "disclosure_sha256": request.disclosure_sha256,
        "consent": request.consent,
        "detected_by": "form",
    }
    if request.subject:
        evidence["subject"] = request.subject
    if request.session_id:
        evidence["session_id"] = request.session_id
    kind = "opt_in"
    if campaign.double_opt_in:
        kind = "pending"
        evidence["expires_at"] = format_ts(moment + CONFIRM_WINDOW)
        evidence["reply"] = confirmation_text(campaign)
        if campaign.senders:
            evidence["reply_from"] = campaign.senders[0]
    draft = Draft(
        brand=campaign.brand,
        phone=request.phone,
        type=kind,
        campaigns=(campaign.id,),
        channel=channel,
        occurred_at=occurred_at,
        source={"ip": source_ip, "user_agent": user_agent[:MAX_USER_AGENT_CHARS], "page_url": request.page_url},
        evidence=evidence,
        tier=campaign.tier,
        tiers={campaign.id: campaign.tier},
    )
    event = ledger.append(draft).event
    assert event is not None  # no delivery id: an append is never a redelivery
    answer: dict[str, Any] = {
        "event_id": event["event_id"],
        "status": "pending" if kind == "pending" else "opted_in",
        "tier": campaign.tier,
    }
    if kind == "pending":
        answer.update(expires_at=evidence["expires_at"], reply=evidence["reply"])
    return answer


def submit(
    fields: Mapping[str, Any],
    *,
    directory: Directory,
    origin: str | None,
    own_origin: str,
    source_ip: str,
    user_agent: str,
    ledger: Ledger,
    store: Store,
    now: datetime | None = None,
) -> tuple[Campaign, dict[str, Any]]:
    """``POST /optins``: campaign (404), origin (403), fields (422), then the disclosure and the event are written."""
    campaign_id = fields.get("campaign")
    if not isinstance(campaign_id, str) or not campaign_id.strip():
        raise ValidationError("campaign is required", fields={"campaign": "required string"})
    campaign = directory.get(campaign_id.strip())
    if not origin_allowed(origin, campaign, own_origin=own_origin):
        raise Forbidden("origin not allowed for this campaign", fields={"origin": "not in allowed_origins"})
    request = validate(fields, campaign)
    channel = "hosted_page" if is_hosted(fields) else "web_form"
    answer = record_optin(
        request, channel=channel, source_ip=source_ip, user_agent=user_agent, ledger=ledger, store=store, now=now
    )
    return campaign, answer

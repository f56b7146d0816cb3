"""The consent disclosure checker: what the words shown to a consumer must say before an opt-in counts.

The requirements are data (CTIA Messaging Principles and Best Practices, TCR campaign review, TCPA express written
consent): each is a name, what it asks for, and the patterns of which at least one must occur. ``{program}`` in a
pattern stands for the campaign's name or brand. A check returns every missing element, so a form author fixes them
in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from optledger.digest import sha256_hex
from optledger.errors import ValidationError, collect, raise_problems
from optledger.models import Campaign

MAX_DISCLOSURE_CHARS = 4000

_URL = r"(?:https?://|www\.)\S+"


@dataclass(frozen=True)
class Requirement:
    name: str
    asks: str  # what the disclosure must say, as shown in the 422 ``fields``
    patterns: tuple[str, ...]
    case_sensitive: bool = False
    outside_links: bool = False  # match only the words, not URLs (a brand in a domain name does not name it)
    tiers: tuple[str, ...] = ("implied", "express", "express_written")  # the campaign tiers it applies to


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "program",
        "name the brand or program sending the messages",
        (r"\b{program}\b",),
        outside_links=True,
    ),
    Requirement(
        "sms",
        "say explicitly that the messages are text messages (SMS/MMS), not just 'communications'",
        (
            r"\b(?:sms|mms)\b",
            r"\btext(?:ed)?[- ]?messag\w*",
            r"\btexts\b",
            r"\btext (?:alerts?|notifications?|updates?|reminders?|offers?|msgs?)\b",
            r"\btxt msgs?\b",
        ),
    ),
    Requirement(
        "frequency",
        "state the message frequency (e.g. 'Msg frequency varies' or 'up to 4 msgs/month')",
        (
            r"\b(?:msg|message|messaging|text)s? frequency\b",
            r"\bfrequency (?:varies|may vary|will vary)\b",
            r"\b(?:up to )?\d+\s*(?:msgs?|messages?|texts?)\s*(?:/|per|a|an|each)\s*\w+",
            r"\bup to \d+\b",
            r"\bone[- ]time\b",
            r"\b(?:daily|weekly|monthly) (?:msgs?|messages?|texts?)\b",
            r"\brecurring (?:msgs?|messages?)? ?(?:frequency )?varies\b",
        ),
    ),
    Requirement(
        "rates",
        "say 'Msg & data rates may apply' (or equivalent)",
        (
            r"\b(?:msg|message)s?\s*(?:&|and|\+)\s*data\s+rates\b",
            r"\bdata rates may apply\b",
            r"\bcarrier (?:charges|rates|fees) may apply\b",
        ),
    ),
    Requirement(
        "stop",
        "tell how to opt out with the keyword STOP (e.g. 'Reply STOP to cancel')",
        (r"\bSTOP\b", r"(?i:\b(?:reply|text|txt|send)\s+['\"]?stop\b)"),
        case_sensitive=True,
    ),
    Requirement(
        "help",
        "tell how to get help with the keyword HELP (e.g. 'Reply HELP for help')",
        (r"\bHELP\b", r"(?i:\b(?:reply|text|txt|send)\s+['\"]?help\b)"),
        case_sensitive=True,
    ),
    Requirement(
        "terms",
        "link the terms and conditions (e.g. 'Terms: https://example.com/terms')",
        (rf"\bterms\b[^\n]{{0,60}}?{_URL}", rf"{_URL}terms"),
    ),
    Requirement(
        "privacy",
        "link the privacy policy (e.g. 'Privacy: https://example.com/privacy')",
        (rf"\bprivacy\b[^\n]{{0,60}}?{_URL}", rf"{_URL}privacy"),
    ),
    Requirement(
        "not_a_condition",
        "state that consent is not a condition of purchase (required for express written consent)",
        (
            r"\bnot (?:a )?(?:condition|requirement|required) (?:of|for|to) (?:any )?(?:purchas\w*|buy\w*)",
            r"\b(?:consent|agreement|agreeing) is not required\b",
            r"\bno purchase (?:is )?(?:necessary|required)\b",
        ),
        tiers=("express_written",),
    ),
)


def _program_pattern(campaign: Campaign) -> str:
    # The program is named by the campaign's name, the brand as consumers know it, or the brand id written as words.
    brand_words = campaign.brand.replace("-", " ").replace("_", " ").strip()
    names = {campaign.name.strip(), campaign.brand_name.strip(), brand_words}
    alternatives = sorted((re.escape(name).replace(r"\ ", r"\s+") for name in names if name), key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")"


def missing_elements(text: str, campaign: Campaign) -> dict[str, str]:
    """Every requirement ``text`` fails for ``campaign``, as {element: what it must say}."""
    normalized = " ".join(text.split())
    words_only = re.sub(_URL, " ", normalized, flags=re.IGNORECASE)
    program = _program_pattern(campaign)
    missing: dict[str, str] = {}
    for requirement in REQUIREMENTS:
        if campaign.tier not in requirement.tiers:
            continue
        flags = 0 if requirement.case_sensitive else re.IGNORECASE
        patterns = (p.replace("{program}", program) for p in requirement.patterns)
        subject = words_only if requirement.outside_links else normalized
        if not any(re.search(pattern, subject, flags) for pattern in patterns):
            missing[requirement.name] = requirement.asks
    return missing


def check(text: object, campaign: Campaign, *, field: str = "disclosure") -> str:
    """Return ``text`` if it is a complete disclosure for ``campaign``; otherwise a 422 naming each missing element."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(f"{field} must be the exact disclosure text shown", fields={field: "required string"})
    if len(text) > MAX_DISCLOSURE_CHARS:
        raise ValidationError(f"{field} is too long", fields={field: f"at most {MAX_DISCLOSURE_CHARS} characters"})
    missing = missing_elements(text, campaign)
    if missing:
        raise ValidationError(
            f"{field} is missing required elements: {', '.join(missing)}",
            fields={f"{field}.{name}": asks for name, asks in missing.items()},
        )
    return text


def check_all(texts: Iterable[str], campaign: Campaign) -> None:
    """Check every disclosure registered on a campaign; one 422 names the missing elements of each."""
    problems: dict[str, str] = {}
    for index, text in enumerate(texts):
        collect(problems, partial(check, text, campaign, field=f"disclosures[{index}]"), "")
    raise_problems("a disclosure is missing required elements", problems)


def disclosure_sha256(text: str) -> str:
    """Disclosures are content-addressed by the SHA-256 of their exact UTF-8 text."""
    return sha256_hex(text)


def registered(campaign: Campaign) -> dict[str, str]:
    """The campaign's registered disclosures by SHA-256."""
    return {disclosure_sha256(text): text for text in campaign.disclosures}

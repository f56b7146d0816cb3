"""Domain models: consent tiers and campaigns (the consent state is in ``optledger.consent``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from optledger.errors import ValidationError, raise_problems
from optledger.phone import normalize_sender

TIER_RANK: dict[str, int] = {"implied": 1, "express": 2, "express_written": 3}
PURPOSE_TIER: dict[str, str] = {
    "conversational": "implied",
    "informational": "express",
    "promotional": "express_written",
}
CHANNELS = ("sms", "web_form", "hosted_page", "verbal", "paper", "pos", "ivr", "email", "api", "import")

MAX_REPLY_CHARS = 1600  # ten SMS segments: a reply longer than that is a mistake, not a message

CAMPAIGN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
BRAND_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def tier_allows(tier: str | None, purpose: str) -> bool:
    """Consent never extends upward: the tier must be at least the one the purpose needs."""
    return tier is not None and TIER_RANK.get(tier, 0) >= TIER_RANK[PURPOSE_TIER[purpose]]


@dataclass(frozen=True)
class Campaign:
    id: str
    brand: str
    name: str
    purpose: str
    brand_name: str = ""  # the brand as consumers know it (TCR brand or DBA name)
    senders: tuple[str, ...] = ()
    join_keywords: tuple[str, ...] = ()
    double_opt_in: bool = False
    help_text: str = ""
    opt_out_text: str = ""
    opt_in_text: str = ""
    disclosures: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    conversation_window_hours: int = 24

    @property
    def tier(self) -> str:
        return PURPOSE_TIER[self.purpose]

    @classmethod
    def from_dict(cls, data: Any, *, campaign_id: str | None = None) -> Campaign:
        """Validate the campaign JSON of DESIGN section 5a; unknown fields and bad values are a 422 naming each."""
        if not isinstance(data, Mapping):
            raise ValidationError("campaign must be a JSON object")
        data = dict(data)
        if campaign_id is not None:
            data.setdefault("id", campaign_id)
        known = set(cls.__dataclass_fields__)
        problems: dict[str, str] = {name: "unknown field" for name in data if name not in known}
        if campaign_id is not None and data.get("id") != campaign_id:
            problems["id"] = "does not match the campaign id in the path"
        for name in ("id", "brand", "name", "purpose"):
            if not isinstance(data.get(name), str) or not data.get(name):
                problems.setdefault(name, "required string")
        if isinstance(data.get("id"), str) and not CAMPAIGN_ID.match(data["id"]):
            problems.setdefault("id", "letters, digits, '-' and '_' only, at most 64")
        if isinstance(data.get("brand"), str) and not BRAND_ID.match(data["brand"]):
            problems.setdefault("brand", "lower-case letters, digits, '-' and '_' only, at most 64")
        if "purpose" not in problems and data["purpose"] not in PURPOSE_TIER:  # a string by now: hashable
            problems["purpose"] = "must be conversational, informational or promotional"
        lists: dict[str, tuple[str, ...]] = {}
        for name in ("senders", "join_keywords", "disclosures", "allowed_origins"):
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
                problems[name] = "must be a list of non-empty strings"
            else:
                lists[name] = tuple(value)
        senders: list[str] = []
        for raw in lists.get("senders", ()):
            try:
                senders.append(normalize_sender(raw))
            except ValidationError:
                problems["senders"] = "every sender must be a valid phone number or short code"
        # CTIA: HELP and STOP always get an answer, and so does a keyword opt-in.
        for name in ("help_text", "opt_out_text", "opt_in_text"):
            value = data.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                problems[name] = "required: the reply sent to the consumer"
            elif not isinstance(value, str) or len(value) > MAX_REPLY_CHARS:
                problems[name] = f"must be a string of at most {MAX_REPLY_CHARS} characters"
        brand_name = data.get("brand_name", "")
        if not isinstance(brand_name, str) or len(brand_name) > 128:
            problems["brand_name"] = "must be a string of at most 128 characters"
        if not isinstance(data.get("double_opt_in", False), bool):
            problems["double_opt_in"] = "must be true or false"
        window = data.get("conversation_window_hours", 24)
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 24 * 30:
            problems["conversation_window_hours"] = "must be an integer number of hours, 1 to 720"
        raise_problems("campaign is invalid", problems)
        return cls(
            id=data["id"],
            brand=data["brand"],
            name=data["name"],
            purpose=data["purpose"],
            senders=tuple(senders),
            join_keywords=tuple(k.strip().upper() for k in lists["join_keywords"]),
            double_opt_in=data.get("double_opt_in", False),
            brand_name=brand_name.strip(),
            help_text=data["help_text"],
            opt_out_text=data["opt_out_text"],
            opt_in_text=data["opt_in_text"],
            disclosures=lists["disclosures"],
            allowed_origins=lists["allowed_origins"],
            conversation_window_hours=window,
        )

    @classmethod
    def from_stored(cls, data: Mapping[str, Any]) -> Campaign:
        """A campaign as stored. One saved before the reply texts were required gets plain compliant defaults, so
        HELP and STOP are still answered (CTIA) and one old document never stops every route from loading."""
        name = str(data.get("name") or data.get("id") or "")
        defaults = {
            "help_text": f"{name}: for help reply HELP or contact us. Msg&data rates may apply. Reply STOP to cancel.",
            "opt_out_text": f"{name}: you are unsubscribed and will receive no more messages.",
            "opt_in_text": f"{name}: you are subscribed. Msg&data rates may apply. Reply HELP for help, STOP to end.",
        }
        filled = {key: value for key, value in defaults.items() if not str(data.get(key) or "").strip()}
        return cls.from_dict({**data, **filled})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}

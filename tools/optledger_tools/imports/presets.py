"""How real exports map onto the generic columns of ``optledger import`` (README "Moving to OptLedger")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

FIELDS = (
    "phone",
    "type",
    "occurred_at",
    "campaign",
    "brand",
    "channel",
    "subject",
    "ip",
    "user_agent",
    "page_url",
    "disclosure",
)
TYPE_WORDS = {
    "opt_in": "opt_in",
    "optin": "opt_in",
    "opt-in": "opt_in",
    "subscribed": "opt_in",
    "opt_out": "opt_out",
    "optout": "opt_out",
    "opt-out": "opt_out",
    "unsubscribed": "opt_out",
}


@dataclass(frozen=True)
class Preset:
    """How one real export maps onto the generic columns."""

    name: str
    description: str
    source: str  # the documentation the mapping follows
    columns: Mapping[str, tuple[str, ...]]  # generic field -> header names it may have (case and _/space-insensitive)
    types: Mapping[str, str | None] = field(default_factory=dict)  # source type value -> opt_in/opt_out; None: skip
    fixed_type: str | None = None  # every row has this type (an opt-out list)
    channels: Mapping[str, str] = field(default_factory=dict)  # source channel value -> OptLedger channel
    skip_without_phone: bool = False  # rows without a number are another channel's (email), not errors
    json_rows: str | None = None  # the key of the rows when the export is JSON (the AWS CLI's output)


GENERIC = Preset(
    name="generic",
    description="OptLedger's own header: phone, type, occurred_at, campaign or brand, channel, subject, ip, ...",
    source="OptLedger (README: Moving to OptLedger)",
    columns={name: (name,) for name in FIELDS},
)
AWS_EUM = Preset(
    name="aws-eum",
    description="AWS End User Messaging SMS opt-out list: DescribeOptedOutNumbers output (JSON) or its fields as CSV",
    source=(
        "AWS End User Messaging SMS API Reference: DescribeOptedOutNumbers and the OptedOutNumberInformation data "
        "type (OptedOutNumber, OptedOutTimestamp in UNIX epoch time, EndUserOptedOut)"
    ),
    columns={"phone": ("OptedOutNumber",), "occurred_at": ("OptedOutTimestamp",)},
    fixed_type="opt_out",
    json_rows="OptedOutNumbers",
)
ATTENTIVE = Preset(
    name="attentive",
    description="Attentive SFTP General Events data feed ({client}_attentive_email_SMS_{date}.csv)",
    source=(
        "Attentive developer docs: 'Attentive SFTP data feeds' (General Events event types) and 'Event data field "
        "definitions' (join_source, subscription_type values)"
    ),
    columns={
        "phone": ("phone", "phone_number"),
        "type": ("type", "event_type"),
        "occurred_at": ("timestamp", "event_timestamp", "created_at"),
        "subject": ("email", "user_id"),
        "channel": ("join_source",),
    },
    types={
        "subscription_opt_in_completed": "opt_in",
        "join": "opt_in",
        "subscription_opted_out": "opt_out",
        "opt_out": "opt_out",
        # Sign-up funnel and message events are not consent: skipped, not failed.
        **dict.fromkeys(
            (
                "impression",
                "click",
                "email_save",
                "custom_attributes",
                "message_receipt",
                "message_link_click",
                "purchase",
                "conversion",
            )
        ),
    },
    channels={
        "code": "sms",  # Text-to-Join keyword
        "checkout": "web_form",
        "direct": "web_form",  # mobile on-site sign-up unit
        "double_opt_in": "web_form",  # desktop on-site sign-up unit
        "double_opt_in_affiliate": "api",  # Add Subscribers API
        "manual": "import",  # a manual upload: Attentive itself only had a list
    },
    skip_without_phone=True,
)
PRESETS: dict[str, Preset] = {p.name: p for p in (GENERIC, AWS_EUM, ATTENTIVE)}


def header_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())

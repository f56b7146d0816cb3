"""Reading and validating the rows of an export: each row becomes the consent event it records, or the reason it
cannot (never the number itself).

Tier: an opt-in imports at most the tier its evidence supports. Express written consent (TCPA, 47 CFR 64.1200(f)(9))
is a written or electronically signed agreement that discloses what the consumer agrees to: without the disclosure
text shown, the row proves at most that the consumer agreed (``express``). Never above the campaign's own tier, and
never above what the original channel can give (a verbal opt-in is ``express`` whatever the disclosure).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from optledger import disclosures, offline
from optledger.campaigns import Directory
from optledger.errors import NotFound, ValidationError
from optledger.models import CHANNELS, TIER_RANK, Campaign
from optledger.phone import normalize
from optledger.timeutil import CLOCK_SKEW, format_ts, in_range
from optledger_tools.imports.presets import FIELDS, GENERIC, TYPE_WORDS, Preset, header_key

DELIVERY_PROVIDER = "import"
MAX_CELL_CHARS = 2000
MAX_ROW_CHARS = 16_000  # well under DynamoDB's 400 KB item, with the event's other fields and the head
LIMITS = {"subject": 256, "ip": 64, "user_agent": 512, "page_url": 2048}
US_DATE_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y")


# -- results ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: int  # line of the file where the row starts (the header is line 1)
    row: int  # 1-based data row
    reason: str  # never the number itself


@dataclass(frozen=True)
class ImportRow:
    line: int
    row: int
    event: offline.ConsentEvent


# -- reading ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    preset: Preset = GENERIC
    mapping: Mapping[str, str] = field(default_factory=dict)  # source header -> generic field (--map)
    campaign: str | None = None  # for rows without one
    brand: str | None = None  # for rows without a campaign: a brand-wide opt-out
    timezone: str | None = None  # for timestamps without a zone (IANA name)
    file_name: str = ""
    caller: str = "cli"


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """``["Mobile=phone", "Date=occurred_at"]`` -> ``{"Mobile": "phone", ...}``; the target must be a generic field."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source.strip() or target.strip() not in FIELDS:
            raise ValidationError(
                f"--map takes SOURCE=FIELD with FIELD one of {', '.join(FIELDS)}", fields={"map": "invalid"}
            )
        mapping[source.strip()] = target.strip()
    return mapping


def read_rows(data: bytes, preset: Preset) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and ``(line, row)`` pairs of a CSV (or, for a preset that has one, JSON) export."""
    text = data.decode("utf-8-sig")
    if preset.json_rows and text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError("the file is not valid JSON", fields={"file": "invalid JSON"}) from exc
        items = document.get(preset.json_rows) if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise ValidationError(f"the JSON has no {preset.json_rows} list", fields={"file": "unexpected JSON"})
        headers = sorted({str(k) for item in items if isinstance(item, dict) for k in item})
        # JSON has no lines: the row's position stands in (row n is "line" n + 1, as if under a header).
        numbered = [
            (n + 2, {str(k): "" if v is None else str(v) for k, v in item.items()} if isinstance(item, dict) else {})
            for n, item in enumerate(items)
        ]
        return headers, numbered
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ValidationError("the file has no header row", fields={"file": "empty"})
    headers = [h or "" for h in reader.fieldnames]
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1
    for record in reader:
        extra = record.pop(None, None)
        values = {k: (v or "") for k, v in record.items() if k is not None}
        if extra:
            values["\x00extra"] = "more cells than the header has"
        rows.append((start, values))
        start = reader.line_num + 1
    return headers, rows


def resolve_columns(headers: Sequence[str], options: Options) -> dict[str, str]:
    """generic field -> the header that holds it; --map wins over the preset, the preset over the generic names."""
    by_key = {header_key(h): h for h in headers}
    resolved: dict[str, str] = {}
    for name in FIELDS:
        for candidate in (*options.preset.columns.get(name, ()), name):
            if header_key(candidate) in by_key:
                resolved[name] = by_key[header_key(candidate)]
                break
    for source, target in options.mapping.items():
        if source not in headers and header_key(source) not in by_key:
            raise ValidationError(f"--map names a column the file does not have: {source}", fields={"map": source})
        resolved[target] = source if source in headers else by_key[header_key(source)]
    missing = [name for name in ("phone", "occurred_at") if name not in resolved]
    if "type" not in resolved and options.preset.fixed_type is None:
        missing.append("type")
    if missing:
        raise ValidationError(
            f"no column for {', '.join(missing)} (the header has: {', '.join(_shown(h) for h in headers)}); "
            "use --map SOURCE=FIELD",
            fields={"columns": missing},
        )
    if "campaign" not in resolved and "brand" not in resolved and not (options.campaign or options.brand):
        raise ValidationError(
            "rows name no campaign or brand: add a campaign or brand column, --campaign ID or --brand BRAND",
            fields={"campaign": "required"},
        )
    return resolved


def _shown(header: str) -> str:
    """A header cell as it may appear in a message: a file without a header row has a phone number there."""
    return "<data, not a header?>" if re.search(r"\d{5}", header) else header[:64]


def parse_when(text: str, *, timezone: str | None, now: datetime) -> datetime:
    """An ISO-8601 timestamp, UNIX epoch seconds or milliseconds, or a US m/d/Y date; naive ones need ``timezone``."""
    value = text.strip()
    if not value:
        raise ValueError("occurred_at is empty")
    moment: datetime | None = None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", value):
        seconds = float(value)
        moment = datetime.fromtimestamp(seconds / 1000 if seconds > 1e11 else seconds, UTC)
    else:
        try:
            moment = datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            for pattern in US_DATE_FORMATS:
                try:
                    moment = datetime.strptime(value, pattern)
                    break
                except ValueError:
                    continue
        if moment is None:
            raise ValueError("occurred_at is not a date (ISO-8601, epoch seconds or m/d/Y)")
        if moment.tzinfo is None:
            if not timezone:
                raise ValueError("occurred_at has no time zone (give --timezone, e.g. UTC or America/New_York)")
            from zoneinfo import ZoneInfo

            moment = moment.replace(tzinfo=ZoneInfo(timezone))
    moment = moment.astimezone(UTC)
    if not in_range(moment, latest=now + CLOCK_SKEW):
        raise ValueError("occurred_at is outside 2000-01-01 .. now + 5 minutes")
    return moment


class Skip(Exception):
    """A row that is not consent (a funnel event, an email-only row): counted, not failed."""


class Invalid(Exception):
    pass


def _cell(row: Mapping[str, str], columns: Mapping[str, str], name: str) -> str:
    column = columns.get(name)
    return (row.get(column) or "").strip() if column else ""


def _campaign_for(
    row: Mapping[str, str], columns: Mapping[str, str], kind: str, options: Options, directory: Directory
) -> tuple[Campaign, bool]:
    """The campaign of a row and whether it is a brand-wide opt-out."""
    campaign_id = _cell(row, columns, "campaign") or (options.campaign or "")
    brand = _cell(row, columns, "brand") or (options.brand or "")
    if campaign_id:
        try:
            campaign = directory.get(campaign_id)
        except NotFound:
            raise Invalid("unknown campaign") from None
        if brand and brand != campaign.brand:
            raise Invalid("the campaign belongs to another brand")
        return campaign, False
    if not brand:
        raise Invalid("no campaign (or brand, for a brand-wide opt-out)")
    if kind != "opt_out":
        raise Invalid("an opt-in names its campaign (a brand alone is a brand-wide opt-out)")
    campaigns = sorted(directory.of_brand(brand), key=lambda c: c.id)
    if not campaigns:
        raise Invalid("unknown brand")
    return campaigns[0], True


@dataclass(frozen=True)
class FileContext:
    """What every row of one file is validated against."""

    columns: Mapping[str, str]  # generic field -> the file's header (resolve_columns)
    options: Options
    directory: Directory
    file_sha256: str
    now: datetime


def validate_row(row: Mapping[str, str], *, line: int, number: int, context: FileContext) -> ImportRow:
    """One row -> the consent event it records; raises Invalid (reason) or Skip."""
    columns, options, directory = context.columns, context.options, context.directory
    file_sha256, now = context.file_sha256, context.now
    preset = options.preset
    if "\x00extra" in row:
        raise Invalid(row["\x00extra"])
    if sum(len(v) for v in row.values()) > MAX_ROW_CHARS:
        raise Invalid(f"row longer than {MAX_ROW_CHARS} characters")
    raw_phone = _cell(row, columns, "phone")
    if not raw_phone and preset.skip_without_phone:
        raise Skip
    raw_type = _cell(row, columns, "type")
    kind: str | None
    if preset.fixed_type and not raw_type:
        kind = preset.fixed_type
    elif header_key(raw_type) in {header_key(k) for k in preset.types}:
        kind = {header_key(k): v for k, v in preset.types.items()}[header_key(raw_type)]
        if kind is None:
            raise Skip
    else:
        kind = TYPE_WORDS.get(raw_type.lower())
    if kind is None:
        raise Invalid("type must be opt_in or opt_out")
    try:
        phone = normalize(raw_phone)
    except ValidationError:
        raise Invalid("invalid phone number") from None
    try:
        occurred_at = format_ts(parse_when(_cell(row, columns, "occurred_at"), timezone=options.timezone, now=now))
    except ValueError as exc:
        raise Invalid(str(exc)) from None
    campaign, brand_scope = _campaign_for(row, columns, kind, options, directory)

    texts: dict[str, str] = {}
    for name, limit in LIMITS.items():
        value = _cell(row, columns, name)
        if len(value) > limit:
            raise Invalid(f"{name} longer than {limit} characters")
        if value:
            texts[name] = value
    raw_channel = _cell(row, columns, "channel")
    channel = preset.channels.get(raw_channel.lower(), raw_channel).lower()
    if channel and channel not in CHANNELS:
        raise Invalid(f"channel must be one of {', '.join(CHANNELS)}")
    disclosure = _cell(row, columns, "disclosure") or None
    if disclosure is not None and len(disclosure) > disclosures.MAX_DISCLOSURE_CHARS:
        raise Invalid(f"disclosure longer than {disclosures.MAX_DISCLOSURE_CHARS} characters")

    # The tier the evidence supports: the disclosure shown makes a written agreement possible; the original channel's
    # own rule (offline.CHANNEL_RULES: verbal gives express) still applies.
    cap = "express_written" if disclosure else "express"
    channel_rule = offline.CHANNEL_RULES.get(channel)
    if channel_rule is not None:
        cap = min(cap, channel_rule.max_tier, key=TIER_RANK.__getitem__)

    evidence: dict[str, Any] = {
        "import": {"file_sha256": file_sha256, "row": number, "line": line, "preset": preset.name},
        "original": {k: v for k, v in row.items() if k and not k.startswith("\x00")},
    }
    if options.file_name:
        evidence["import"]["file"] = options.file_name
    if channel:
        evidence["original_channel"] = channel
    if "subject" in texts:
        evidence["subject"] = texts["subject"]
    if disclosure is not None:
        evidence["disclosure_sha256"] = disclosures.disclosure_sha256(disclosure)
    if kind == "opt_in":
        evidence["tier_cap"] = cap
    source: dict[str, Any] = {
        "provider": DELIVERY_PROVIDER,
        "provider_message_id": delivery_id(file_sha256, number),
        "recorded_by": options.caller,
    }
    source.update({k: texts[k] for k in ("ip", "user_agent", "page_url") if k in texts})
    event = offline.ConsentEvent(
        phone=phone,
        campaign=campaign,
        type=kind,
        channel="import",
        occurred_at=occurred_at,
        evidence=evidence,
        disclosure=disclosure,
        brand_scope=brand_scope,
        tier_cap=cap,
        source=source,
    )
    return ImportRow(line=line, row=number, event=event)


def delivery_id(file_sha256: str, row: int) -> str:
    return f"{file_sha256}:{row}"

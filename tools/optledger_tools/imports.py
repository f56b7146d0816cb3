"""Importing existing consent: opt-in and opt-out lists exported from another system become ``import`` events.

``optledger import FILE.csv`` (DESIGN sections 8 and 9). The file is read whole, hashed (SHA-256 of its bytes) and
each data row is validated on its own: a row that fails (invalid number, unknown campaign, bad date, ...) is reported
with its line number and reason and nothing is written for it; the others are appended through the same path as
``POST /consents/events`` (``optledger.offline.record``) with the delivery key ``(import, <file sha256>:<row>)``, so
importing the same file again records nothing new, and an import cut short resumes where it stopped.

Tier: an opt-in imports at most the tier its evidence supports. Express written consent (TCPA, 47 CFR 64.1200(f)(9))
is a written or electronically signed agreement that discloses what the consumer agrees to: without the disclosure
text shown, the row proves at most that the consumer agreed (``express``). Never above the campaign's own tier, and
never above what the original channel can give (a verbal opt-in is ``express`` whatever the disclosure).

Presets map real export formats (see ``PRESETS`` and README "Moving to OptLedger"); ``--map src=dst`` maps any other.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from optledger import disclosures, offline
from optledger.campaigns import Directory
from optledger.errors import NotFound, OptLedgerError, StorageUnavailable, ValidationError
from optledger.ledger import UNREAD, Ledger
from optledger.models import CHANNELS, TIER_RANK, Campaign
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import CLOCK_SKEW, format_ts, in_range, utcnow

DELIVERY_PROVIDER = "import"
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
MAX_CELL_CHARS = 2000
MAX_ROW_CHARS = 16_000  # well under DynamoDB's 400 KB item, with the event's other fields and the head
MAX_FILE_BYTES = 512 * 1024 * 1024
CHUNK = 100  # chains per unit of work: one BatchGetItem of their heads
BATCH = 33  # chains per transaction: 3 items each (event, head, delivery), DynamoDB takes 100
LIMITS = {"subject": 256, "ip": 64, "user_agent": 512, "page_url": 2048}
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
US_DATE_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y")


# -- presets ----------------------------------------------------------------------------------------------------------


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


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())


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


@dataclass
class Report:
    file_sha256: str
    rows: int = 0
    recorded: int = 0
    already: int = 0  # imported before (same file, same row)
    skipped: int = 0  # rows that are not consent (funnel events, email-only rows)
    failed: list[RowError] = field(default_factory=list)
    by_type: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_sha256": self.file_sha256,
            "rows": self.rows,
            "recorded" if not self.dry_run else "would_record": self.recorded,
            "already_imported": self.already,
            "skipped": self.skipped,
            "failed": [{"line": e.line, "row": e.row, "reason": e.reason} for e in self.failed],
            "by_type": dict(sorted(self.by_type.items())),
        }


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
        rows = [
            (n + 2, {str(k): "" if v is None else str(v) for k, v in item.items()} if isinstance(item, dict) else {})
            for n, item in enumerate(items)
        ]
        return headers, rows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ValidationError("the file has no header row", fields={"file": "empty"})
    headers = [h or "" for h in reader.fieldnames]
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1
    for record in reader:
        extra = record.pop(None, None)  # type: ignore[call-overload]
        values = {k: (v or "") for k, v in record.items() if k is not None}
        if extra:
            values["\x00extra"] = "more cells than the header has"
        rows.append((start, values))
        start = reader.line_num + 1
    return headers, rows


def resolve_columns(headers: Sequence[str], options: Options) -> dict[str, str]:
    """generic field -> the header that holds it; --map wins over the preset, the preset over the generic names."""
    by_key = {_key(h): h for h in headers}
    resolved: dict[str, str] = {}
    for name in FIELDS:
        for candidate in (*options.preset.columns.get(name, ()), name):
            if _key(candidate) in by_key:
                resolved[name] = by_key[_key(candidate)]
                break
    for source, target in options.mapping.items():
        if source not in headers and _key(source) not in by_key:
            raise ValidationError(f"--map names a column the file does not have: {source}", fields={"map": source})
        resolved[target] = source if source in headers else by_key[_key(source)]
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


class _Skip(Exception):
    """A row that is not consent (a funnel event, an email-only row): counted, not failed."""


class _Invalid(Exception):
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
            raise _Invalid("unknown campaign") from None
        if brand and brand != campaign.brand:
            raise _Invalid("the campaign belongs to another brand")
        return campaign, False
    if not brand:
        raise _Invalid("no campaign (or brand, for a brand-wide opt-out)")
    if kind != "opt_out":
        raise _Invalid("an opt-in names its campaign (a brand alone is a brand-wide opt-out)")
    campaigns = sorted(directory.of_brand(brand), key=lambda c: c.id)
    if not campaigns:
        raise _Invalid("unknown brand")
    return campaigns[0], True


def validate_row(
    row: Mapping[str, str],
    *,
    line: int,
    number: int,
    columns: Mapping[str, str],
    options: Options,
    directory: Directory,
    file_sha256: str,
    now: datetime,
) -> ImportRow:
    """One row -> the consent event it records; raises _Invalid (reason) or _Skip."""
    preset = options.preset
    if "\x00extra" in row:
        raise _Invalid(row["\x00extra"])
    if sum(len(v) for v in row.values()) > MAX_ROW_CHARS:
        raise _Invalid(f"row longer than {MAX_ROW_CHARS} characters")
    raw_phone = _cell(row, columns, "phone")
    if not raw_phone and preset.skip_without_phone:
        raise _Skip
    raw_type = _cell(row, columns, "type")
    kind: str | None
    if preset.fixed_type and not raw_type:
        kind = preset.fixed_type
    elif _key(raw_type) in {_key(k) for k in preset.types}:
        kind = {_key(k): v for k, v in preset.types.items()}[_key(raw_type)]
        if kind is None:
            raise _Skip
    else:
        kind = TYPE_WORDS.get(raw_type.lower())
    if kind is None:
        raise _Invalid("type must be opt_in or opt_out")
    try:
        phone = normalize(raw_phone)
    except ValidationError:
        raise _Invalid("invalid phone number") from None
    try:
        occurred_at = format_ts(parse_when(_cell(row, columns, "occurred_at"), timezone=options.timezone, now=now))
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    campaign, brand_scope = _campaign_for(row, columns, kind, options, directory)

    texts: dict[str, str] = {}
    for name, limit in LIMITS.items():
        value = _cell(row, columns, name)
        if len(value) > limit:
            raise _Invalid(f"{name} longer than {limit} characters")
        if value:
            texts[name] = value
    raw_channel = _cell(row, columns, "channel")
    channel = preset.channels.get(raw_channel.lower(), raw_channel).lower()
    if channel and channel not in CHANNELS:
        raise _Invalid(f"channel must be one of {', '.join(CHANNELS)}")
    disclosure = _cell(row, columns, "disclosure") or None
    if disclosure is not None and len(disclosure) > disclosures.MAX_DISCLOSURE_CHARS:
        raise _Invalid(f"disclosure longer than {disclosures.MAX_DISCLOSURE_CHARS} characters")

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


# -- running ----------------------------------------------------------------------------------------------------------


Progress = Callable[[int, int], None]  # (rows done, rows in all)


def run(
    data: bytes,
    options: Options,
    *,
    directory: Directory,
    ledger: Ledger,
    store: Store,
    dry_run: bool = False,
    workers: int = 8,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Report:
    """Validate every row, then append the valid ones in parallel (one worker per number at a time: a chain's events
    land in file order). Rows imported before (same file, same row) are counted, not written again."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("file too large", fields={"file": f"at most {MAX_FILE_BYTES} bytes"})
    try:
        text_ok = data.decode("utf-8-sig") is not None
    except UnicodeDecodeError:
        text_ok = False
    if not text_ok:
        raise ValidationError("the file is not UTF-8 text", fields={"file": "encoding"})
    if options.timezone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(options.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError("--timezone is not an IANA time zone", fields={"timezone": "unknown"}) from None
    file_sha256 = hashlib.sha256(data).hexdigest()
    report = Report(file_sha256=file_sha256, dry_run=dry_run)
    headers, rows = read_rows(data, options.preset)
    columns = resolve_columns(headers, options)
    moment = now or utcnow()
    valid: list[ImportRow] = []
    for number, (line, row) in enumerate(rows, start=1):
        report.rows += 1
        try:
            item = validate_row(
                row,
                line=line,
                number=number,
                columns=columns,
                options=options,
                directory=directory,
                file_sha256=file_sha256,
                now=moment,
            )
        except _Skip:
            report.skipped += 1
            continue
        except _Invalid as problem:
            report.failed.append(RowError(line, number, str(problem)))
            continue
        valid.append(item)

    done = report.rows - len(valid)
    total = report.rows
    if progress:
        progress(done, total)
    seen = store.delivered(DELIVERY_PROVIDER, [delivery_id(file_sha256, item.row) for item in valid])
    pending = [item for item in valid if delivery_id(file_sha256, item.row) not in seen]
    report.already = len(valid) - len(pending)
    done += report.already
    if progress:
        progress(done, total)
    if dry_run:
        for item in pending:
            report.recorded += 1
            report.by_type[item.event.type] = report.by_type.get(item.event.type, 0) + 1
        if progress:
            progress(total, total)
        return report

    groups: dict[tuple[str, str], list[ImportRow]] = {}
    for item in pending:
        groups.setdefault((item.event.campaign.brand, item.event.phone), []).append(item)
    chains = list(groups)
    lock = threading.Lock()

    def append_one(item: ImportRow, head: Any) -> tuple[ImportRow, bool]:
        answer = offline.record(
            item.event,
            caller=options.caller,
            source_ip="",
            directory=directory,
            ledger=ledger,
            store=store,
            delivery=(DELIVERY_PROVIDER, delivery_id(file_sha256, item.row)),
            head=head,
        )
        return item, bool(answer.get("duplicate"))

    def append_chunk(keys: list[tuple[str, str]]) -> list[tuple[ImportRow, bool]]:
        # One BatchGetItem for the heads of 100 chains; then the first row of each chain goes in transactions of up
        # to BATCH chains (all or nothing: a cancelled one is appended row by row), the chain's later rows after it.
        heads = store.get_chain_heads(keys)
        outcomes: list[tuple[ImportRow, bool]] = []
        for start in range(0, len(keys), BATCH):
            firsts = [groups[key][0] for key in keys[start : start + BATCH]]
            for item in firsts:
                offline.store_disclosure(item.event, store)
            drafts = [
                (
                    offline.draft_of(item.event, caller=options.caller, source_ip="", directory=directory),
                    heads.get((item.event.campaign.brand, item.event.phone)),
                    (DELIVERY_PROVIDER, delivery_id(file_sha256, item.row)),
                )
                for item in firsts
            ]
            if ledger.append_batch(drafts, answer=offline.answer_of) is not None:
                outcomes += [(item, False) for item in firsts]
            else:
                outcomes += [
                    append_one(item, heads.get((item.event.campaign.brand, item.event.phone))) for item in firsts
                ]
        for key in keys:
            outcomes += [append_one(item, UNREAD) for item in groups[key][1:]]
        return outcomes

    first_error: OptLedgerError | None = None
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(append_chunk, chains[i : i + CHUNK]) for i in range(0, len(chains), CHUNK)]
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except OptLedgerError as error:
                first_error = first_error or error
                continue
            with lock:
                for item, duplicate in outcomes:
                    if duplicate:
                        report.already += 1
                    else:
                        report.recorded += 1
                        report.by_type[item.event.type] = report.by_type.get(item.event.type, 0) + 1
                done += len(outcomes)
                if progress:
                    progress(done, total)
    if first_error is not None:
        # What was written stays written (and is skipped next time): run the same file again to finish.
        raise StorageUnavailable(
            f"import stopped after {report.recorded} new rows: {first_error.message}; run it again to resume",
            fields={"recorded": report.recorded, "retry": True},
        )
    return report


def import_file(path: Path, options: Options, **kwargs: Any) -> Report:
    """Import one file (``run`` on its bytes, the file's name kept in each event's evidence)."""
    return run(path.read_bytes(), replace(options, file_name=options.file_name or path.name), **kwargs)

"""report.html of an evidence bundle: bounded aggregates gathered while streaming, rendered once at the end.

The report is self-contained (inline CSS and SVG, a Content-Security-Policy that forbids every fetch) and every value
that comes from the ledger goes through ``html.escape``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from optledger.errors import ValidationError
from optledger.timeutil import parse_ts

EVENT_TYPES = ("opt_in", "opt_out", "pending", "help", "message")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SHA = re.compile(r"^[0-9a-f]{64}$")
MAX_REPORT_EVENTS = 2000  # rows of the event table; events.jsonl and consents.csv always hold every event
MAX_CELL_CHARS = 400  # a consumer's text or a user agent is cut here in the report (the bundle keeps it whole)
BACKDATED_AFTER = timedelta(minutes=15)
# Events whose disclosure a consumer was shown: web and offline opt-ins (and pending double opt-ins). A disclosure
# attached to anything else (an agent's opt-out, say) is kept in the bundle but never called "shown".
SHOWN_AT = ("opt_in", "pending")
BACKDATED = "backdated"  # a per-day counter beside the event types (not a type)
BACKDATED_COLOUR = "#e0a126"


@dataclass(frozen=True)
class EventRow:
    """What the report prints of one event: short strings only, so the table's memory is bounded by its cap."""

    seq: str
    phone: str
    occurred_at: str
    recorded_at: str
    backdated: bool
    type: str
    tier: str
    channel: str
    campaigns: str
    ip: str
    user_agent: str
    page_url: str
    provider: str
    identity: str
    text: str
    matched: str
    disclosure_sha256: str
    event_id: str
    hash: str

    @classmethod
    def of(cls, event: Mapping[str, Any], *, backdated: bool) -> EventRow:
        source = _mapping(event.get("source"))
        evidence = _mapping(event.get("evidence"))
        campaigns = event.get("campaigns")
        identity = " / ".join(
            f"{key}: {_cut(evidence[key])}"
            for key in ("subject", "session_id", "agent_id")
            if evidence.get(key) not in (None, "")
        )
        provider = " ".join(_cut(source.get(k)) for k in ("provider", "provider_message_id") if source.get(k))
        matched = ""
        if evidence.get("matched"):
            how = f" ({_cut(evidence.get('detected_by'))})" if evidence.get("detected_by") else ""
            matched = f"matched {_cut(evidence.get('matched'))}{how}"
        elif evidence.get("detected_by") and event.get("channel") == "sms":
            matched = f"detected by {_cut(evidence.get('detected_by'))}"
        sha = evidence.get("disclosure_sha256")
        return cls(
            seq=_cut(event.get("seq")),
            phone=_cut(event.get("phone")),
            occurred_at=_cut(event.get("occurred_at")),
            recorded_at=_cut(event.get("recorded_at")),
            backdated=backdated,
            type=_cut(event.get("type")),
            tier=_cut(event.get("tier")),
            channel=_cut(event.get("channel")),
            campaigns=", ".join(_cut(c) for c in campaigns[:20]) if isinstance(campaigns, list) else _cut(campaigns),
            ip=_cut(source.get("ip")),
            user_agent=_cut(source.get("user_agent")),
            page_url=_cut(source.get("page_url")),
            provider=provider,
            identity=identity,
            text=_cut(evidence.get("text")),
            matched=matched,
            disclosure_sha256=sha if isinstance(sha, str) and _SHA.match(sha) else "",
            event_id=_cut(event.get("event_id")),
            hash=_cut(event.get("hash")),
        )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _cut(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS] + "…"


def is_backdated(event: Mapping[str, Any]) -> bool:
    """Recorded well after it happened (an offline consent entered later, an import): worth an auditor's look."""
    try:  # the one timestamp reader: anything but two zoned ISO-8601 texts is not evidence of back-dating
        return parse_ts(event.get("recorded_at")) - parse_ts(event.get("occurred_at")) > BACKDATED_AFTER
    except ValidationError:
        return False


@dataclass
class NumberRow:
    phone: str
    events: int = 0
    first_seq: int = 0
    last_seq: int = 0
    opt_ins: int = 0
    opt_outs: int = 0
    last_type: str = ""
    last_occurred_at: str = ""
    campaigns: set[str] = field(default_factory=set)


class ReportAggregates:
    """Counts per day and type, and a per-number table capped at ``max_numbers`` rows (events come grouped by phone)."""

    def __init__(self, *, max_numbers: int = 500, max_events: int = MAX_REPORT_EVENTS) -> None:
        self.max_numbers = max_numbers
        self.max_events = max_events
        self.events: list[EventRow] = []
        self.backdated = 0
        self.shown_disclosures: set[str] = set()  # referenced by an opt-in a consumer saw (see SHOWN_AT)
        self.per_day: dict[str, Counter[str]] = {}
        self.per_type: Counter[str] = Counter()
        self.per_channel: Counter[str] = Counter()
        self.numbers: list[NumberRow] = []
        self.number_count = 0
        self.event_count = 0
        self.first_occurred_at: str | None = None
        self.last_occurred_at: str | None = None
        self._current: NumberRow | None = None

    def add(self, event: Mapping[str, Any]) -> None:
        self.event_count += 1
        kind = str(event.get("type"))
        occurred = str(event.get("occurred_at") or "")
        day = occurred[:10] if _DAY.match(occurred) else "unknown"
        counts = self.per_day.get(day)
        if counts is None:
            counts = self.per_day[day] = Counter()
        counts[kind] += 1
        backdated = is_backdated(event)
        if backdated:
            counts[BACKDATED] += 1
            self.backdated += 1
        if len(self.events) < self.max_events:
            self.events.append(EventRow.of(event, backdated=backdated))
        sha = _mapping(event.get("evidence")).get("disclosure_sha256")
        if kind in SHOWN_AT and isinstance(sha, str) and _SHA.match(sha):
            self.shown_disclosures.add(sha)
        self.per_type[kind] += 1
        self.per_channel[str(event.get("channel"))] += 1
        if occurred:
            if self.first_occurred_at is None or occurred < self.first_occurred_at:
                self.first_occurred_at = occurred
            if self.last_occurred_at is None or occurred > self.last_occurred_at:
                self.last_occurred_at = occurred
        phone = str(event.get("phone"))
        if self._current is None or self._current.phone != phone:
            self.number_count += 1
            self._current = NumberRow(phone=phone, first_seq=_as_int(event.get("seq")))
            if len(self.numbers) < self.max_numbers:
                self.numbers.append(self._current)
        row = self._current
        row.events += 1
        row.last_seq = _as_int(event.get("seq"))
        row.opt_ins += kind == "opt_in"
        row.opt_outs += kind == "opt_out"
        row.last_type = kind
        row.last_occurred_at = occurred
        campaigns = event.get("campaigns") or ()
        if len(row.campaigns) < 20 and isinstance(campaigns, (list, str)):  # events.jsonl given to verify is input
            row.campaigns.update(str(c) for c in campaigns[:20])


def _as_int(value: Any) -> int:
    return value if isinstance(value, int) else 0


@cache
def _css() -> str:
    """The report's inline style sheet (optledger/data/report.css)."""
    return resources.files("optledger").joinpath("data", "report.css").read_text(encoding="utf-8")


def render_report(
    *,
    summary: Mapping[str, Any],
    aggregates: ReportAggregates,
    chain: Mapping[str, Any],
    disclosures: Sequence[tuple[str, str | None]],
    disclosure_total: int,
    max_disclosures: int,
) -> str:
    """The whole report as a string (its size is bounded by the caps, not by the number of events)."""
    e = _e
    title = f"Consent evidence — {summary.get('brand')} — {summary.get('campaign') or summary.get('phone') or ''}"
    verified = bool(chain.get("verified"))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_css()}</style></head><body><main>",
        f"<h1>{e(title)}</h1>",
        f'<p class="sub">{e(summary.get("kind"))} bundle <span class="mono">{e(summary.get("bundle_id"))}</span>'
        f" · generated {e(summary.get('generated_at'))} by {e(summary.get('generator'))}</p>",
        '<div class="cards">',
        _card("events", aggregates.event_count),
        _card("numbers", aggregates.number_count),
        _card("opt-ins", aggregates.per_type.get("opt_in", 0)),
        _card("opt-outs", aggregates.per_type.get("opt_out", 0)),
        _card("back-dated", aggregates.backdated, "warn" if aggregates.backdated else ""),
        _card("hash chain", "verified" if verified else "NOT verified", "ok" if verified else "bad"),
        "</div>",
        '<h2>Scope</h2><table class="kv">',
        _kv("brand", summary.get("brand")),
        _kv("kind", summary.get("kind")),
    ]
    if summary.get("campaign") is not None:
        parts.append(_kv("campaign", summary.get("campaign")))
    if summary.get("phone") is not None:
        parts.append(_kv("phone", summary.get("phone")))
    period = summary.get("period") or {}
    if isinstance(period, Mapping):
        parts.append(_kv("period", f"{period.get('from') or '(chain start)'} → {period.get('to') or ''}"))
    parts += [
        _kv("first event (occurred_at)", aggregates.first_occurred_at or "—"),
        _kv("last event (occurred_at)", aggregates.last_occurred_at or "—"),
        _kv("channels", ", ".join(f"{k}: {v}" for k, v in sorted(aggregates.per_channel.items())) or "—"),
    ]
    if not verified and chain.get("problem"):
        parts.append(_kv("chain problem", chain.get("problem")))
    parts += ["</table>", "<h2>Opt-ins and opt-outs per day</h2>", _chart(aggregates)]
    parts += ["<h2>Events per day and type</h2>", _day_table(aggregates)]
    parts += ["<h2>Numbers</h2>", _number_table(aggregates)]
    parts += [
        f"<h2>Every event ({aggregates.event_count:,})</h2>",
        _event_table(aggregates, with_phone=summary.get("kind") != "number"),
    ]
    shown = [(sha, text) for sha, text in disclosures if sha in aggregates.shown_disclosures]
    other = [(sha, text) for sha, text in disclosures if sha not in aggregates.shown_disclosures]
    parts += ["<h2>Disclosures shown to consumers</h2>"]
    parts.append(
        '<p class="note">The exact texts that web, hosted-page and offline opt-ins recorded as shown to the'
        " consumer.</p>"
    )
    if not shown:
        parts.append('<p class="note">No opt-in in this bundle references a disclosure.</p>')
    parts += _disclosure_texts(shown)
    if other:
        parts += [
            "<h2>Other texts referenced by events</h2>",
            '<p class="note">Attached to events that are not opt-ins (for example an agent-recorded opt-out): kept'
            " as evidence, but no consumer agreed to them.</p>",
            *_disclosure_texts(other),
        ]
    parts.append(f'<p class="note">This report shows up to {max_disclosures} disclosure texts.')
    if disclosure_total > len(disclosures):
        parts.append(f" {disclosure_total - len(disclosures)} more are in the disclosures/ folder.")
    parts.append("</p>")
    parts += [
        "<h2>Verifying this bundle</h2>",
        '<p class="note">events.jsonl holds every event with its SHA-256 hash chain; manifest.json lists the SHA-256 of'
        " every file. VERIFY.md explains how to check both without OptLedger.</p>",
        "</main></body></html>",
        "",
    ]
    return "\n".join(parts)


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _card(label: str, value: Any, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<div class="card"><span>{_e(label)}</span><b{cls}>{_e(value)}</b></div>'


def _kv(key: str, value: Any) -> str:
    return f"<tr><th>{_e(key)}</th><td>{_e(value)}</td></tr>"


def _chart(agg: ReportAggregates) -> str:
    days = sorted(agg.per_day)
    if not days:
        return '<p class="note">No events.</p>'
    width, height, left, bottom, top = 960, 260, 48, 40, 16
    plot_w, plot_h = width - left - 12, height - bottom - top
    series = (
        ("opt_in", "#2e9d6a", "opt-ins"),
        ("opt_out", "#c8463d", "opt-outs"),
        (BACKDATED, BACKDATED_COLOUR, "back-dated"),
    )
    peak = max(max(c.get(kind, 0) for kind, _, _ in series) for c in agg.per_day.values()) or 1
    slot = plot_w / len(days)
    bar = max(slot * 0.26, 0.5)
    out = [
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%"'
        ' role="img" aria-label="opt-ins and opt-outs per day">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 12}" y2="{top + plot_h}" stroke="#8a96a3"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#8a96a3"/>',
        f'<text x="{left - 6}" y="{top + 4}" font-size="11" text-anchor="end" fill="#5b6878">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="11" text-anchor="end" fill="#5b6878">0</text>',
    ]
    for i, day in enumerate(days):
        counts = agg.per_day[day]
        x = left + i * slot + slot * 0.1
        for j, (kind, colour, label) in enumerate(series):
            value = counts.get(kind, 0)
            h = plot_h * value / peak
            out.append(
                f'<rect x="{x + j * bar:.2f}" y="{top + plot_h - h:.2f}" width="{bar:.2f}" height="{h:.2f}"'
                f' fill="{colour}"><title>{_e(day)} {label}: {value}</title></rect>'
            )
    label_every = max(1, len(days) // 8)
    for i in range(0, len(days), label_every):
        x = left + i * slot + slot / 2
        out.append(
            f'<text x="{x:.2f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle" fill="#5b6878">'
            f"{_e(days[i])}</text>"
        )
    legend_y, minutes = height - 8, int(BACKDATED_AFTER.total_seconds() // 60)
    for j, (kind, colour, label) in enumerate(series):
        note = f" (recorded more than {minutes} min after it occurred; any type)" if kind == BACKDATED else ""
        out.append(
            f'<rect x="{left + 80 * j}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{left + 80 * j + 14}" y="{legend_y}" font-size="11" fill="#1d2733">{label}{note}</text>'
        )
    return "".join([*out, "</svg></div>"])


def _day_table(agg: ReportAggregates) -> str:
    kinds = [k for k in EVENT_TYPES if agg.per_type.get(k)] + sorted(set(agg.per_type) - set(EVENT_TYPES))
    if agg.backdated:
        kinds.append(BACKDATED)
    heads = (f'<th class="n">{"back-dated" if k == BACKDATED else _e(k)}</th>' for k in kinds)
    rows = ["<table><tr><th>day (occurred_at, UTC)</th>", *heads, "</tr>"]
    for day in sorted(agg.per_day):
        counts = agg.per_day[day]
        rows.append(f"<tr><td>{_e(day)}</td>" + "".join(f'<td class="n">{counts.get(k, 0)}</td>' for k in kinds))
        rows.append("</tr>")
    rows.append("</table>")
    return "".join(rows)


def _number_table(agg: ReportAggregates) -> str:
    out = [
        '<table><tr><th>phone</th><th>campaigns</th><th class="n">events</th><th class="n">seq</th>'
        '<th class="n">opt-ins</th><th class="n">opt-outs</th><th>last event</th><th>last occurred_at</th></tr>'
    ]
    for row in agg.numbers:
        out.append(
            f'<tr><td class="mono">{_e(row.phone)}</td><td>{_e(", ".join(sorted(row.campaigns)))}</td>'
            f'<td class="n">{row.events}</td><td class="n">{row.first_seq}–{row.last_seq}</td>'
            f'<td class="n">{row.opt_ins}</td><td class="n">{row.opt_outs}</td><td>{_e(row.last_type)}</td>'
            f"<td>{_e(row.last_occurred_at)}</td></tr>"
        )
    out.append(f'</table><p class="note">This table lists up to {agg.max_numbers} numbers.</p>')
    if agg.number_count > len(agg.numbers):
        out.append(
            f'<p class="note">Showing the first {len(agg.numbers)} of {agg.number_count} numbers;'
            " consents.csv and events.jsonl hold every event.</p>"
        )
    return "".join(out)


def _disclosure_texts(texts: Sequence[tuple[str, str | None]]) -> list[str]:
    out = []
    for sha, text in texts:
        name = f"disclosures/{_e(sha)}.txt"
        out.append(f'<p class="mono" id="disclosure-{_e(sha)}"><a href="{name}">{name}</a></p>')
        out.append(f"<pre>{_e(text)}</pre>" if text is not None else '<p class="bad">text missing from storage</p>')
    return out


def _event_table(agg: ReportAggregates, *, with_phone: bool) -> str:
    """Every event (up to the cap) with what an auditor asks for: when, what, where from, who, the consumer's words,
    the disclosure shown, and the ids that tie the row to events.jsonl."""
    if not agg.events:
        return '<p class="note">No events.</p>'
    e = _e
    out = [
        '<table class="events"><tr><th class="n">seq</th><th>time (UTC)</th><th>event</th><th>campaigns</th>'
        "<th>source: IP · user agent · page</th><th>identity</th><th>consumer's text</th><th>disclosure</th>"
        "<th>event id · hash</th></tr>"
    ]
    for row in agg.events:
        css = row.type if row.type in ("opt_in", "opt_out") else "other"
        time = f'<span class="mono">{e(row.occurred_at)}</span>'
        if row.backdated:
            time += (
                f'<br><span class="tag back">back-dated</span><br><span class="k">recorded {e(row.recorded_at)}</span>'
            )
        event = f'<span class="tag {css}">{e(row.type)}</span> {e(row.channel)}'
        if row.tier:
            event += f'<br><span class="k">{e(row.tier)}</span>'
        if with_phone and row.phone:
            event += f'<br><span class="mono nw">{e(row.phone)}</span>'
        source = "<br>".join(
            f'<span class="k">{label}</span> {e(value)}'
            for label, value in (
                ("IP", row.ip),
                ("UA", row.user_agent),
                ("page", row.page_url),
                ("provider", row.provider),
            )
            if value
        )
        text = f'<span class="quote">{e(row.text)}</span>' if row.text else ""
        if row.matched:
            text += f'<br><span class="k">{e(row.matched)}</span>'
        disclosure = ""
        if row.disclosure_sha256:
            sha = e(row.disclosure_sha256)
            shown = "shown at opt-in" if row.disclosure_sha256 in agg.shown_disclosures and row.type in SHOWN_AT else ""
            disclosure = (
                f'<a class="mono" href="disclosures/{sha}.txt" title="{sha}">{sha[:12]}…</a>'
                f' <a href="#disclosure-{sha}">text</a>' + (f'<br><span class="k">{shown}</span>' if shown else "")
            )
        out.append(
            f'<tr><td class="n">{e(row.seq)}</td><td class="t">{time}</td><td>{event}</td><td>{e(row.campaigns)}</td>'
            f"<td>{source}</td><td>{e(row.identity)}</td><td>{text}</td><td>{disclosure}</td>"
            f'<td class="mono">{e(row.event_id)}<br><span class="k">{e(row.hash)}</span></td></tr>'
        )
    out.append("</table>")
    if agg.event_count > len(agg.events):
        out.append(
            f'<p class="note">Showing the first {len(agg.events):,} of {agg.event_count:,} events (the report is'
            " bounded); events.jsonl and consents.csv hold every event.</p>"
        )
    return "".join(out)

"""consents.csv: one spreadsheet-safe row per event, rendered the same way by the writer and the verifier."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from optledger.chain import canonical_json

CSV_COLUMNS = (
    "timestamp",
    "medium",
    "disclosure_sha256",
    "campaign",
    "ip",
    "phone",
    "identity",
    "event_id",
    "type",
    "tier",
    "user_agent",
    "page_url",
    "provider",
    "provider_message_id",
)
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A CSV cell safe to open in a spreadsheet: a leading ``= + - @ TAB CR`` gets a ``'`` in front (OWASP), so
    ``+14155550123`` is written ``'+14155550123``; strip one leading ``'`` before such a character to read it back."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else canonical_json(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def consent_row(event: Mapping[str, Any]) -> list[str]:
    source = event.get("source")
    source = source if isinstance(source, Mapping) else {}
    evidence = event.get("evidence")
    evidence = evidence if isinstance(evidence, Mapping) else {}
    campaigns = event.get("campaigns")
    campaign = " ".join(str(c) for c in campaigns) if isinstance(campaigns, list) else campaigns
    identity = " / ".join(
        f"{key}: {evidence[key]}"
        for key in ("subject", "session_id", "agent_id")
        if evidence.get(key) not in (None, "")
    )
    values = (
        event.get("occurred_at"),
        event.get("channel"),
        evidence.get("disclosure_sha256"),
        campaign,
        source.get("ip"),
        event.get("phone"),
        identity,
        event.get("event_id"),
        event.get("type"),
        event.get("tier"),
        source.get("user_agent"),
        source.get("page_url"),
        source.get("provider"),
        source.get("provider_message_id"),
    )
    return [csv_cell(v) for v in values]


class CsvEncoder:
    """Renders one CSV row to bytes (RFC 4180: CRLF, minimal quoting)."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def row(self, cells: Iterable[str]) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue().encode("utf-8")

    def header(self) -> bytes:
        return self.row(CSV_COLUMNS)

    def event(self, event: Mapping[str, Any]) -> bytes:
        return self.row(consent_row(event))

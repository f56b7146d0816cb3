"""Evidence bundles (DESIGN section 7): a streaming zip writer and an independent verifier.

Writing is push-style so the caller owns the I/O: ``BundleWriter(out, info, disclosure_text)``, then ``add(event)`` for
each event in chain order (phone ascending, then seq ascending: what a ``by_day`` Query returns page by page), then
``close()``. ``write_bundle(events, out, info, disclosure_text)`` does the three steps. ``out`` is any binary writer
with ``write()`` (``optledger.s3stream.S3MultipartWriter`` streams it to S3); it needs neither ``seek`` nor ``tell``
and it is not closed here.

Memory stays flat as the input grows: ``events.jsonl`` is written into the zip while iterating; ``consents.csv`` and
the per-phone chain heads of the manifest go to compressed temporary files on disk and are copied in at the end;
the report keeps bounded aggregates only. What grows is the set of distinct disclosure hashes (a few per campaign).

The zip is a pure function of its inputs: members in a fixed order with timestamps taken from ``generated_at``, so
writing the same events with the same info twice gives identical bytes. (For a daily re-run to be byte-identical the
caller passes the same ``generated_at``, e.g. the scheduler's scheduled time rather than the wall clock.)

``verify_bundle`` re-checks a bundle from its bytes alone (plus, optionally, the daily anchor); ``verify_main`` is the
``optledger verify`` command.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import tempfile
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from html import escape
from pathlib import Path
from typing import IO, Any, BinaryIO

from optledger import __version__
from optledger.anchors import MERKLE_ALGORITHM
from optledger.chain import GENESIS_HASH, canonical_json, event_hash
from optledger.errors import ValidationError
from optledger.merkle import MerkleAccumulator
from optledger.report import ReportAggregates, render_report
from optledger.timeutil import format_ts, parse_ts

MANIFEST_VERSION = 1
EVENTS = "events.jsonl"
CONSENTS = "consents.csv"
REPORT = "report.html"
VERIFY_DOC = "VERIFY.md"
MANIFEST = "manifest.json"
DISCLOSURE_DIR = "disclosures/"

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

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DISCLOSURE_NAME = re.compile(r"^disclosures/([0-9a-f]{64})\.txt$")
_CHUNK = 1 << 16


# ---------------------------------------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle is about. ``period`` is ``{"from": ts|None, "to": ts}`` (UTC, ms, ``Z``)."""

    kind: str
    brand: str
    generated_at: str
    period: Mapping[str, str | None]
    campaign: str | None = None
    phone: str | None = None
    generator: str = f"optledger {__version__}"
    bundle_id: str | None = None
    # (shard, shards) of a daily bundle part: the campaign's events of the numbers in one shard of the day index
    part: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.kind == "daily" and not self.campaign:
            raise ValueError("a daily bundle needs a campaign")
        if self.kind == "number" and not self.phone:
            raise ValueError("a number bundle needs a phone")
        if self.kind not in ("daily", "number"):
            raise ValueError("kind is daily or number")
        parse_ts(self.generated_at, field="generated_at")
        if self.part is not None and (self.kind != "daily" or not 0 <= self.part[0] < self.part[1]):
            raise ValueError("a part is a shard of a daily bundle")

    @property
    def id(self) -> str:
        if self.bundle_id:
            return self.bundle_id
        if self.kind == "daily" and self.part is not None:
            day = str(self.period.get("from"))[:10]
            return f"daily/{self.brand}/{day}/{self.campaign}/{part_name(*self.part)}"
        if self.kind == "daily":
            return f"daily/{self.brand}/{str(self.period.get('from'))[:10]}/{self.campaign}"
        return f"number/{self.brand}/{self.phone}/{self.generated_at}"


def daily_bundle_info(
    brand: str, campaign: str, date: str, generated_at: str, *, part: tuple[int, int] | None = None
) -> BundleInfo:
    start = parse_ts(f"{date}T00:00:00Z", field="date")
    return BundleInfo(
        kind="daily",
        brand=brand,
        campaign=campaign,
        generated_at=generated_at,
        period={"from": format_ts(start), "to": format_ts(start + timedelta(days=1))},
        part=part,
    )


def number_bundle_info(brand: str, phone: str, generated_at: str) -> BundleInfo:
    return BundleInfo(
        kind="number", brand=brand, phone=phone, generated_at=generated_at, period={"from": None, "to": generated_at}
    )


def daily_bundle_key(brand: str, date: str, campaign: str) -> str:
    return f"bundles/daily/{brand}/{date}/{campaign}.zip"


def part_name(shard: int, shards: int) -> str:
    return f"part-{shard:02d}-of-{shards:02d}"


def daily_part_key(brand: str, date: str, campaign: str, shard: int, shards: int) -> str:
    """One part of a campaign's daily bundle: the campaign's events of the numbers in one shard of the day."""
    return f"bundles/daily/{brand}/{date}/{campaign}/{part_name(shard, shards)}.zip"


def number_bundle_key(brand: str, phone: str, generated_at: str) -> str:
    return f"bundles/numbers/{brand}/{phone}/{generated_at}.zip"


# --------------------------------------------------------------------------------------------------------------- CSV


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


class _CsvEncoder:
    """Renders one CSV row to bytes (RFC 4180: CRLF, minimal quoting); shared by the writer and the verifier."""

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


# ------------------------------------------------------------------------------------------------------------- chain


@dataclass(frozen=True)
class Problem:
    reason: str
    order: bool = False


class ChainChecker:
    """Streaming check of events in chain order. Every event hash is recomputed; ``prev_hash`` is checked against
    genesis for seq 1 and against the previous event when both seqs are present. ``complete=True`` (number bundles)
    also requires every chain to start at seq 1 with no gap. ``on_head(phone, seq, hash)`` is called when a phone's
    last event has gone by."""

    def __init__(self, *, complete: bool, on_head: Callable[[str, int, str], None] | None = None) -> None:
        self.complete = complete
        self.on_head = on_head
        self._last: tuple[str, int, str] | None = None

    def check(self, event: Mapping[str, Any]) -> Problem | None:
        phone, seq, hash_, prev = event.get("phone"), event.get("seq"), event.get("hash"), event.get("prev_hash")
        if not isinstance(phone, str) or not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            return Problem("phone or seq missing or malformed", order=True)
        if not isinstance(hash_, str) or not _HEX64.match(hash_) or not isinstance(prev, str):
            return Problem("hash or prev_hash missing or malformed", order=True)
        last = self._last
        if last is not None and (phone, seq) <= last[:2]:
            return Problem("out of chain order (phone, then seq ascending)", order=True)
        same_phone = last is not None and last[0] == phone
        if last is not None and not same_phone and self.on_head:
            self.on_head(*last)
        self._last = (phone, seq, hash_)
        if hash_ != event_hash(event):
            return Problem("hash does not match the event's content")
        if self.complete and seq != (last[1] + 1 if same_phone and last else 1):
            return Problem("the chain is not complete from seq 1: a seq is missing")
        if seq == 1 and prev != GENESIS_HASH:
            return Problem("seq 1 does not link to the genesis hash")
        if same_phone and last and seq == last[1] + 1 and prev != last[2]:
            return Problem("prev_hash does not match the previous event's hash")
        return None

    def finish(self) -> None:
        if self._last is not None and self.on_head:
            self.on_head(*self._last)
            self._last = None


# ----------------------------------------------------------------------------------------------------------- writing


class _Batched(ABC):
    """Gathers many small writes into blocks of about ``_CHUNK`` bytes for ``_emit``."""

    def __init__(self) -> None:
        self._pending: list[bytes] = []
        self._pending_size = 0

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._emit(b"".join(self._pending))
            self._pending, self._pending_size = [], 0

    @abstractmethod
    def _emit(self, block: bytes) -> None:
        """Where a gathered block goes."""


class _Spool(_Batched):
    """An append-only temporary file on disk, zlib-compressed (fast level) to spare Lambda's /tmp."""

    def __init__(self, directory: str | None) -> None:
        super().__init__()
        self._file = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - closed in chunks()/close()
        self._zip = zlib.compressobj(1)

    def _emit(self, block: bytes) -> None:
        self._file.write(self._zip.compress(block))

    def chunks(self) -> Iterator[bytes]:
        self._flush()
        self._file.write(self._zip.flush())
        self._file.seek(0)
        unzip = zlib.decompressobj()
        while block := self._file.read(_CHUNK):
            while block:  # bounded output: repetitive CSV inflates a hundredfold
                if data := unzip.decompress(block, _CHUNK):
                    yield data
                block = unzip.unconsumed_tail
        if tail := unzip.flush():
            yield tail
        self.close()

    def close(self) -> None:
        self._file.close()


class _Sink:
    """What zipfile sees of ``out``: write, flush and tell, never seek. So the zip is always written in streaming form
    (data descriptors after each member) and the bytes do not depend on whether ``out`` happens to be seekable."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._position = 0

    def write(self, data: bytes) -> int:
        self._out.write(data)
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        flush = getattr(self._out, "flush", None)
        if flush is not None:
            flush()


class _Member(_Batched):
    """One zip member being written: buffers small writes and keeps its size and SHA-256."""

    def __init__(self, zf: zipfile.ZipFile, name: str, date_time: tuple[int, ...]) -> None:
        super().__init__()
        info = zipfile.ZipInfo(name, date_time=date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.name = name
        self._handle = zf.open(info, "w", force_zip64=True)
        self._sha = hashlib.sha256()
        self.size = 0

    def _emit(self, block: bytes) -> None:
        self._sha.update(block)
        self._handle.write(block)
        self.size += len(block)

    def close(self) -> dict[str, Any]:
        self._flush()
        self._handle.close()
        return {"name": self.name, "bytes": self.size, "sha256": self._sha.hexdigest()}


@dataclass(frozen=True)
class BundleSummary:
    bundle_id: str
    event_count: int
    verified: bool
    problem: Mapping[str, Any] | None
    merkle_root: str
    files: list[dict[str, Any]] = field(default_factory=list)
    disclosures_missing: list[str] = field(default_factory=list)


class BundleWriter:
    """Streams one bundle into ``out``. Not thread-safe; one writer per bundle."""

    def __init__(
        self,
        out: IO[bytes],
        info: BundleInfo,
        disclosure_text: Callable[[str], str | None],
        *,
        max_report_numbers: int = 500,
        max_report_disclosures: int = 20,
        spool_dir: str | None = None,
    ) -> None:
        self.info = info
        self._disclosure_text = disclosure_text
        self._max_report_disclosures = max_report_disclosures
        self._max_report_numbers = max_report_numbers
        stamp = parse_ts(info.generated_at, field="generated_at")
        self._date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
        self._zip = zipfile.ZipFile(_Sink(out), mode="w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self._events = _Member(self._zip, EVENTS, self._date_time)
        self._csv = _Spool(spool_dir)
        self._heads = _Spool(spool_dir)
        self._encoder = _CsvEncoder()
        self._csv.write(self._encoder.header())
        self._checker = ChainChecker(complete=info.kind == "number", on_head=self._head)
        self._merkle = MerkleAccumulator()
        self._report = ReportAggregates(max_numbers=max_report_numbers)
        self._disclosures: set[str] = set()
        self._problem: dict[str, Any] | None = None
        self.event_count = 0
        self._closed = False

    def _head(self, phone: str, seq: int, hash_: str) -> None:
        self._heads.write(canonical_json({"phone": phone, "seq": seq, "hash": hash_}).encode() + b"\n")

    def add(self, event: Mapping[str, Any]) -> None:
        if self._closed:
            raise ValueError("bundle already closed")
        self._check_scope(event)
        problem = self._checker.check(event)
        if problem is not None and problem.order:
            raise ValueError(f"event {event.get('event_id')}: {problem.reason}")
        self.event_count += 1
        if problem is not None and self._problem is None:
            self._problem = {
                "event_id": event.get("event_id"),
                "line": self.event_count,
                "seq": event.get("seq"),
                "reason": problem.reason,
            }
        self._events.write(canonical_json(event).encode("utf-8") + b"\n")
        self._csv.write(self._encoder.event(event))
        self._merkle.add(event["hash"])
        self._report.add(event)
        evidence = event.get("evidence")
        sha = evidence.get("disclosure_sha256") if isinstance(evidence, Mapping) else None
        if isinstance(sha, str) and _HEX64.match(sha):
            self._disclosures.add(sha)

    def _check_scope(self, event: Mapping[str, Any]) -> None:
        if event.get("brand") != self.info.brand:
            raise ValueError(f"event {event.get('event_id')} belongs to another brand")
        if self.info.kind == "daily" and self.info.campaign not in (event.get("campaigns") or ()):
            raise ValueError(f"event {event.get('event_id')} is not an event of campaign {self.info.campaign}")
        if self.info.kind == "number" and event.get("phone") != self.info.phone:
            raise ValueError(f"event {event.get('event_id')} belongs to another number")

    def close(self) -> BundleSummary:
        if self._closed:
            raise ValueError("bundle already closed")
        self._closed = True
        self._checker.finish()
        files = [self._events.close()]
        member = _Member(self._zip, CONSENTS, self._date_time)
        for chunk in self._csv.chunks():
            member.write(chunk)
        files.append(member.close())

        missing: list[str] = []
        shown: list[tuple[str, str | None]] = []
        for sha in sorted(self._disclosures):
            text = self._disclosure_text(sha)
            data = text.encode("utf-8") if isinstance(text, str) else None
            if data is None or hashlib.sha256(data).hexdigest() != sha:
                missing.append(sha)
                text = None
            else:
                files.append(self._write_small(f"{DISCLOSURE_DIR}{sha}.txt", data))
            if len(shown) < self._max_report_disclosures:
                shown.append((sha, text))

        chain = {"verified": self._problem is None, "problem": self._problem}
        summary = _summary(self.info)
        html = render_report(
            summary=summary,
            aggregates=self._report,
            chain=chain,
            disclosures=shown,
            disclosure_total=len(self._disclosures),
            max_disclosures=self._max_report_disclosures,
        )
        files.append(self._write_small(REPORT, html.encode("utf-8")))
        files.append(self._write_small(VERIFY_DOC, verify_doc(self.info).encode("utf-8")))
        self._write_manifest(summary, chain, files, missing)
        self._zip.close()
        return BundleSummary(
            bundle_id=self.info.id,
            event_count=self.event_count,
            verified=self._problem is None,
            problem=self._problem,
            merkle_root=self._merkle.root(),
            files=files,
            disclosures_missing=missing,
        )

    def abort(self) -> None:
        """Drop the temporary files after a failure; the output is unusable and the caller discards it."""
        self._closed = True
        self._csv.close()
        self._heads.close()
        try:
            self._events.close()
            self._zip.close()
        except (ValueError, OSError):  # the output is being discarded; only release the zip's handles
            pass

    def _write_small(self, name: str, data: bytes) -> dict[str, Any]:
        member = _Member(self._zip, name, self._date_time)
        member.write(data)
        return member.close()

    def _write_manifest(
        self, summary: dict[str, Any], chain: dict[str, Any], files: list[dict[str, Any]], missing: list[str]
    ) -> None:
        """Sorted keys, a line per key, head and file: readable, deterministic and streamed (heads may be many)."""
        top = {key: value for key, value in summary.items() if not (key in ("campaign", "phone") and value is None)}
        top |= {
            "manifest_version": MANIFEST_VERSION,
            "event_count": self.event_count,
            "disclosures_missing": missing,
            "merkle": {"algorithm": MERKLE_ALGORITHM, **self._merkle.summary()},
            "report_limits": {"max_numbers": self._max_report_numbers, "max_disclosures": self._max_report_disclosures},
            "chain": None,
            "files": None,
        }
        if self.info.part is not None:
            top["part"] = {"shard": self.info.part[0], "shards": self.info.part[1]}
        member = _Member(self._zip, MANIFEST, self._date_time)
        member.write(b"{\n")
        keys = sorted(top)
        for index, key in enumerate(keys):
            member.write(json.dumps(key).encode() + b": ")
            if key == "chain":
                member.write(b'{"heads": [')
                first = True
                for chunk in _lines(self._heads.chunks()):
                    member.write((b"\n" if first else b",\n") + chunk)
                    first = False
                member.write(b"\n], " if not first else b"], ")
                member.write(b'"problem": ' + canonical_json(chain["problem"]).encode() + b", ")
                member.write(b'"verified": ' + canonical_json(chain["verified"]).encode() + b"}")
            elif key == "files":
                member.write(b"[\n" + b",\n".join(canonical_json(f).encode() for f in files) + b"\n]")
            else:
                member.write(canonical_json(top[key]).encode("utf-8"))
            member.write(b",\n" if index < len(keys) - 1 else b"\n}\n")
        member.close()


def _summary(info: BundleInfo) -> dict[str, Any]:
    return {
        "bundle_id": info.id,
        "kind": info.kind,
        "brand": info.brand,
        "campaign": info.campaign,
        "phone": info.phone,
        "period": dict(info.period),
        "generated_at": info.generated_at,
        "generator": info.generator,
    }


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    rest = b""
    for chunk in chunks:
        rest += chunk
        *complete, rest = rest.split(b"\n")
        yield from complete
    if rest:
        yield rest


def write_bundle(
    events: Iterable[Mapping[str, Any]],
    out: IO[bytes],
    info: BundleInfo,
    disclosure_text: Callable[[str], str | None],
    **options: Any,
) -> BundleSummary:
    """Write the bundle of ``events`` (chain order) to ``out``; ``out`` is left open for the caller to close."""
    writer = BundleWriter(out, info, disclosure_text, **options)
    try:
        for event in events:
            writer.add(event)
        return writer.close()
    except BaseException:
        writer.abort()
        raise


# ---------------------------------------------------------------------------------------------------------- VERIFY.md

VERIFY_SCRIPT = r"""import hashlib, json, sys
from pathlib import Path

d = Path(sys.argv[1])  # the folder the bundle was unzipped into
H = lambda b: hashlib.sha256(b).digest()
m = json.loads((d / "manifest.json").read_bytes())
for f in m["files"]:
    data = (d / f["name"]).read_bytes()
    assert len(data) == f["bytes"] and H(data).hex() == f["sha256"], "bad file " + f["name"]
last, heads, leaves = None, {}, []
for n, line in enumerate((d / "events.jsonl").read_bytes().split(b"\n")[:-1], 1):
    e = json.loads(line)
    body = {k: v for k, v in e.items() if k != "hash"}
    canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert H(canon).hex() == e["hash"], f"line {n}: event {e['event_id']}: hash does not match its content"
    same = last is not None and last["phone"] == e["phone"]
    assert last is None or (e["phone"], e["seq"]) > (last["phone"], last["seq"]), f"line {n}: out of order"
    if e["seq"] == 1 or (same and e["seq"] == last["seq"] + 1):
        assert e["prev_hash"] == (last["hash"] if e["seq"] > 1 else "0" * 64), f"line {n}: broken link"
    if m["kind"] == "number":
        assert e["seq"] == (last["seq"] + 1 if same else 1), f"line {n}: chain not complete from seq 1"
    heads[e["phone"]] = {"phone": e["phone"], "seq": e["seq"], "hash": e["hash"]}
    leaves.append(bytes.fromhex(e["hash"]))
    last = e
assert len(leaves) == m["event_count"] and list(heads.values()) == m["chain"]["heads"], "count or heads differ"
while len(leaves) > 1:  # Merkle: pair left to right, a last odd node is promoted unchanged
    leaves = [H(leaves[i] + leaves[i + 1]) if i + 1 < len(leaves) else leaves[i] for i in range(0, len(leaves), 2)]
root = leaves[0].hex() if leaves else H(b"").hex()
assert root == m["merkle"]["root"], "merkle root differs from the manifest"
print("OK:", m["event_count"], "events,", len(heads), "chains, merkle root", root)
"""


def verify_doc(info: BundleInfo) -> str:
    scope = (
        f"all events of campaign `{info.campaign}` recorded on {str(info.period.get('from'))[:10]} (UTC)"
        if info.kind == "daily"
        else "the whole hash chain of one phone number, from seq 1"
    )
    if info.part is not None:
        scope += (
            f", of the numbers in shard {info.part[0]} of {info.part[1]} of the day index (manifest `part`: the day"
            f" is written in {info.part[1]} parts; the anchor holds this part's root and count under"
            f" `parts[{info.part[0]}].campaigns.{info.campaign}`)"
        )
    return f"""# Verifying this evidence bundle

This is a `{info.kind}` bundle of brand `{info.brand}`: {scope}. You need nothing from OptLedger to check it: only
`sha256sum` and Python 3.

## Files

- `manifest.json`: what the bundle is, the event count, the chain heads (last seq and hash of every phone in the
  bundle), the Merkle root of the event hashes, and the size and SHA-256 of every other file.
- `events.jsonl`: one ledger event a line, canonical JSON (keys sorted, separators `,` and `:`, UTF-8, no ASCII
  escaping), phone ascending then seq ascending.
- `consents.csv`: the same events, one row each. First the seven fields carriers ask for: `timestamp` (when consent
  happened, `occurred_at`), `medium` (channel), `disclosure_sha256`, `campaign` (space separated ids), `ip`, `phone`,
  `identity` (`subject`, `session_id`, `agent_id` as given); then `event_id, type, tier, user_agent, page_url, provider,
  provider_message_id`. **Spreadsheet safety:** a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
  is written with a single quote `'` in front (OWASP CSV-injection guidance), so no cell can run as a formula. Phone
  numbers start with `+`, so they read `'+14155550123`: remove that one leading `'` to get the value back.
- `disclosures/<sha256>.txt`: the exact consent language shown, named by the SHA-256 of its UTF-8 bytes.
- `report.html`: a human-readable summary (no scripts, no external requests).
- `VERIFY.md`: this file.

## 1. File hashes

Unzip the bundle, then compare `sha256sum` with the `files` list of `manifest.json`:

```sh
unzip bundle.zip -d bundle && cd bundle
sha256sum events.jsonl consents.csv report.html VERIFY.md disclosures/*.txt
python3 -c 'import json; [print(f["sha256"], f["name"]) for f in json.load(open("manifest.json"))["files"]]'
sha256sum disclosures/*.txt   # each file name is its own hash
```

## 2. Event hashes and chain links

Each event's `hash` is the lowercase hex SHA-256 of the canonical JSON of the event without its `hash` field.
`prev_hash` is the hash of the event with the previous `seq` of the same phone, or 64 zeros for `seq` 1.
A daily bundle holds only that day's events of one campaign, so a phone's events may skip seqs: every event hash is
checked, and every link between two consecutive seqs that are both present. A number bundle holds the whole chain
and must link from seq 1 with no gap.

## 3. Merkle root

`manifest.merkle.root` is the Merkle root of the event hashes in file order: each leaf is the 32 raw bytes of an
event hash; a parent is SHA-256 of the concatenated raw bytes of its two children; leaves are paired left to right,
level by level, and a node left alone at the end of a level is promoted unchanged (not duplicated). The root of no
events is SHA-256 of the empty string. OptLedger writes a daily anchor to write-once storage
(`anchors/<brand>/<YYYY-MM-DD>.json`); its `campaigns.<campaign>.root` and `count` must equal this bundle's Merkle root
and event count for a daily bundle, and its `heads.<phone>` (seq, hash) must appear in a number bundle's events. The
anchor is what makes a rewritten and re-hashed chain detectable: the manifest itself is not signed.

## 4. A script that checks all of the above

Save as `verify.py` and run `python3 verify.py bundle` (the unzipped folder). It prints `OK` or stops at the first
bad file or event.

```python
{VERIFY_SCRIPT}```

Then, with the day's anchor (the script above has shown that the manifest's Merkle root and heads are the events'):

```python
import json
m, a = json.load(open("bundle/manifest.json")), json.load(open("anchor.json"))
if m["kind"] == "daily":  # the campaign's anchored root and count are this bundle's (or neither has events)
    ours = {{"root": m["merkle"]["root"], "count": m["event_count"]}}
    # A day written in parts (manifest "part", anchor_version 2): the campaign's entry in this bundle's part.
    where = a["parts"][m["part"]["shard"]]["campaigns"] if "part" in m else a["campaigns"]
    entry = where.get(m["campaign"])
    anchored = {{"root": entry["root"], "count": entry["count"]}} if entry else None
    assert anchored == ours or (anchored is None and m["event_count"] == 0)
else:  # the anchored head of the number (if it had events that day) is in the bundle
    head = a["heads"].get(m["phone"])
    events = (json.loads(line) for line in open("bundle/events.jsonl", encoding="utf-8"))
    assert head is None or any(e["seq"] == head["seq"] and e["hash"] == head["hash"] for e in events)
print("anchor OK")
```

`optledger verify bundle.zip [--anchor anchor.json]` does the same, plus the anchor check and a check that
`consents.csv` is exactly derived from `events.jsonl`.
"""


# ------------------------------------------------------------------------------------------------------------ verify


@dataclass
class VerifyResult:
    ok: bool = True
    kind: str | None = None
    event_count: int = 0
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    bad_file: str | None = None
    bad_event: str | None = None
    bad_line: int | None = None

    def fail_file(self, name: str, reason: str) -> None:
        self.ok = False
        self.problems.append(f"{name}: {reason}")
        if self.bad_file is None:
            self.bad_file = name

    def fail_event(self, line: int, event: Mapping[str, Any] | None, reason: str) -> None:
        self.ok = False
        event_id = event.get("event_id") if isinstance(event, Mapping) else None
        label = f"event {event_id} (line {line})" if event_id else f"line {line}"
        if isinstance(event, Mapping) and isinstance(event.get("phone"), str):
            from optledger.phone import mask  # phonenumbers is heavy: imported only to word a failure

            label += f" of {mask(event['phone'])}"
        self.problems.append(f"{EVENTS} {label}: {reason}")
        if self.bad_event is None:
            self.bad_event, self.bad_line = str(event_id or f"line {line}"), line

    def fail(self, reason: str) -> None:
        self.ok = False
        self.problems.append(reason)


class _Verifier:
    def __init__(self, zf: zipfile.ZipFile, manifest: Mapping[str, Any], anchor: Mapping[str, Any] | None) -> None:
        self.zf, self.manifest, self.anchor = zf, manifest, anchor
        self.result = VerifyResult(kind=manifest.get("kind"))
        self.kind = manifest.get("kind")
        heads = manifest.get("chain", {}).get("heads") or []
        self.manifest_heads = {h.get("phone"): (h.get("seq"), h.get("hash")) for h in heads if isinstance(h, Mapping)}
        self.seen_heads: list[tuple[str, int, str]] = []
        self.anchor_heads: Mapping[str, Any] = (anchor or {}).get("heads") or {}

    def run(self) -> VerifyResult:
        self.check_manifest_shape()
        self.check_files()
        self.check_events()
        self.check_disclosures()
        self.check_derived_documents()
        if self.anchor is not None:
            self.check_anchor()
        return self.result

    def check_manifest_shape(self) -> None:
        m, r = self.manifest, self.result
        expected = _MANIFEST_KEYS | {"campaign" if self.kind == "daily" else "phone"}
        if self.kind == "daily" and "part" in m:
            expected |= {"part"}
            if _part_of(m) is None:
                r.fail_file(MANIFEST, "part must hold exactly shard and shards (0 <= shard < shards)")
        if set(m) != expected:
            r.fail_file(MANIFEST, f"unexpected or missing keys: {sorted(set(m) ^ expected)}")
        if set(m.get("chain") or {}) != {"heads", "problem", "verified"}:
            r.fail_file(MANIFEST, "chain must hold exactly heads, problem and verified")
        if m.get("manifest_version") != MANIFEST_VERSION:
            r.fail_file(MANIFEST, f"manifest_version {m.get('manifest_version')} is not {MANIFEST_VERSION}")
        if (m.get("merkle") or {}).get("algorithm") != MERKLE_ALGORITHM:
            r.fail_file(MANIFEST, "unknown Merkle algorithm")
        limits = m.get("report_limits")
        if not isinstance(limits, Mapping) or set(limits) != {"max_numbers", "max_disclosures"}:
            r.fail_file(MANIFEST, "report_limits must hold exactly max_numbers and max_disclosures")

    def check_files(self) -> None:
        r, listed = self.result, self.manifest.get("files")
        names = self.zf.namelist()
        if len(names) != len(set(names)):
            r.fail_file(MANIFEST, "the zip holds two members with the same name")
        if not isinstance(listed, list) or not all(isinstance(f, Mapping) for f in listed):
            r.fail_file(MANIFEST, "files list missing or malformed")
            return
        for entry in listed:
            name = entry.get("name")
            if name not in names or name == MANIFEST:
                r.fail_file(str(name), "listed in the manifest but not in the zip")
                continue
            try:
                size, digest = _hash_member(self.zf, name)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
                r.fail_file(name, f"unreadable ({exc})")
                continue
            if size != entry.get("bytes") or digest != entry.get("sha256"):
                r.fail_file(name, "size or SHA-256 differs from the manifest")
        extra = set(names) - {f.get("name") for f in listed} - {MANIFEST}
        for name in sorted(extra):
            r.fail_file(name, "in the zip but not listed in the manifest")
        r.checks.append(f"{len(listed)} file hashes against manifest.json")

    def check_events(self) -> None:
        r, m = self.result, self.manifest
        checker = ChainChecker(complete=self.kind == "number", on_head=lambda *h: self.seen_heads.append(h))
        merkle = self.merkle = MerkleAccumulator()
        encoder = _CsvEncoder()
        limits = m.get("report_limits") if isinstance(m.get("report_limits"), Mapping) else {}
        self.report = ReportAggregates(max_numbers=_as_count(limits.get("max_numbers"), 500))
        self.disclosures: set[str] = set()
        for name in (EVENTS, CONSENTS):
            if name not in self.zf.namelist():
                r.fail_file(name, "missing from the zip")
                return
        events, rows = self.zf.open(EVENTS), self.zf.open(CONSENTS)
        csv_line: int | None = None  # the first consents.csv line that is not derived from the events

        def csv_matches(expected: bytes, *, at_end: bool = False) -> bool:
            try:
                return rows.read(1) == b"" if at_end else rows.read(len(expected)) == expected
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
                r.fail_file(CONSENTS, f"unreadable ({exc})")
                return False

        if not csv_matches(encoder.header()):
            csv_line = 1
        count = 0
        try:
            with events, rows:
                for count, raw in enumerate(events, 1):
                    event = self._event(count, raw, checker, merkle)
                    if event is not None and csv_line is None and not csv_matches(encoder.event(event)):
                        csv_line = count + 1
                if csv_line is None and not csv_matches(b"", at_end=True):
                    csv_line = count + 2
        except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
            r.fail_file(EVENTS, f"unreadable ({exc})")
        checker.finish()
        r.event_count = count
        if csv_line is not None:
            r.fail_file(CONSENTS, f"line {csv_line} is not the row derived from the events")
        if count != m.get("event_count"):
            r.fail_file(MANIFEST, f"event_count {m.get('event_count')} but {EVENTS} holds {count}")
        merkle_info = m.get("merkle") or {}
        if merkle.root() != merkle_info.get("root") or merkle.count != merkle_info.get("count"):
            r.fail_file(MANIFEST, "merkle root or count differs from the events")
        seen = [{"phone": p, "seq": s, "hash": h} for p, s, h in self.seen_heads]
        if seen != (m.get("chain") or {}).get("heads"):
            r.fail_file(MANIFEST, "chain heads differ from the events")
        chain = m.get("chain") or {}
        if chain.get("verified") is not True:
            r.fail(f"the generator found a broken chain: {chain.get('problem')}")
        what = "complete chains from seq 1" if self.kind == "number" else "links between consecutive seqs present"
        r.checks.append(f"{count} event hashes, {what}, chain order, {len(seen)} chain heads, merkle root")
        r.checks.append(f"{CONSENTS} derived row by row from {EVENTS}")

    def _event(self, line: int, raw: bytes, checker: ChainChecker, merkle: MerkleAccumulator) -> dict[str, Any] | None:
        r = self.result
        text = raw.rstrip(b"\n")
        try:
            event = json.loads(text)
        except ValueError:
            r.fail_event(line, None, "not valid JSON")
            return None
        if not isinstance(event, dict):
            r.fail_event(line, None, "not a JSON object")
            return None
        if canonical_json(event).encode("utf-8") != text:
            r.fail_event(line, event, "not in canonical JSON form (the line was edited)")
        if event.get("brand") != self.manifest.get("brand"):
            r.fail_event(line, event, "belongs to another brand")
        if self.kind == "daily" and self.manifest.get("campaign") not in (event.get("campaigns") or ()):
            r.fail_event(line, event, "is not an event of the bundle's campaign")
        if self.kind == "number" and event.get("phone") != self.manifest.get("phone"):
            r.fail_event(line, event, "belongs to another number")
        problem = checker.check(event)
        if problem is not None:
            r.fail_event(line, event, problem.reason)
        if isinstance(event.get("hash"), str) and _HEX64.match(event["hash"]):
            merkle.add(event["hash"])
        self.report.add(event)
        evidence = event.get("evidence")
        sha = evidence.get("disclosure_sha256") if isinstance(evidence, Mapping) else None
        if isinstance(sha, str) and _HEX64.match(sha):
            self.disclosures.add(sha)
        head = self.anchor_heads.get(event.get("phone")) if self.anchor is not None else None
        if isinstance(head, Mapping) and isinstance(event.get("seq"), int):
            if event["seq"] == head.get("seq") and event.get("hash") != head.get("hash"):
                r.fail_event(line, event, "hash differs from the chain head in the anchor")
            elif isinstance(head.get("seq"), int) and event["seq"] > head["seq"] and self.kind == "daily":
                r.fail_event(line, event, "seq is past the anchored chain head of that day")
        return event

    def check_disclosures(self) -> None:
        r = self.result
        present = set()
        for name in self.zf.namelist():
            if not name.startswith(DISCLOSURE_DIR):
                continue
            match = _DISCLOSURE_NAME.match(name)
            if not match:
                r.fail_file(name, "not named disclosures/<sha256>.txt")
                continue
            try:
                _, digest = _hash_member(self.zf, name)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
                r.fail_file(name, f"unreadable ({exc})")
                continue
            if digest != match.group(1):
                r.fail_file(name, "content does not hash to its name")
            present.add(match.group(1))
        referenced = getattr(self, "disclosures", set())
        for sha in sorted(referenced - present):
            if sha not in (self.manifest.get("disclosures_missing") or ()):
                r.fail_file(f"{DISCLOSURE_DIR}{sha}.txt", "referenced by an event but missing")
        if self.manifest.get("disclosures_missing") != sorted(referenced - present):
            r.fail_file(MANIFEST, "disclosures_missing is not the list of referenced texts absent from the bundle")
        self.present_disclosures = present
        r.checks.append(f"{len(present)} disclosure texts hash to their names")

    def check_derived_documents(self) -> None:
        """report.html and VERIFY.md are rebuilt from the events and the manifest and compared byte for byte, which
        binds the manifest's descriptive fields (bundle_id, period, generated_at, generator) and the report's
        figures."""
        r, m = self.result, self.manifest
        if m.get("generator") != f"optledger {__version__}":
            # Another version's layout cannot be rebuilt; still require the report to name this very bundle.
            try:
                html = self.zf.read(REPORT).decode("utf-8", "replace")
            except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
                return
            for key in ("bundle_id", "generated_at", "generator"):
                if escape(str(m.get(key))) not in html:
                    r.fail_file(MANIFEST, f"{key} is not the one {REPORT} names")
            r.checks.append(f"{REPORT} names this bundle (made by {m.get('generator')!r}: layout not rebuilt)")
            return
        if not hasattr(self, "report"):
            return
        try:
            info = BundleInfo(
                kind=m["kind"],
                brand=m["brand"],
                generated_at=m["generated_at"],
                period=m["period"],
                campaign=m.get("campaign"),
                phone=m.get("phone"),
                generator=m["generator"],
                bundle_id=m["bundle_id"],
                part=_part_of(m),
            )
        except (KeyError, TypeError, ValueError, AttributeError, ValidationError) as exc:
            r.fail_file(MANIFEST, f"descriptive fields malformed ({exc.__class__.__name__})")
            return
        limits = m.get("report_limits") if isinstance(m.get("report_limits"), Mapping) else {}
        shown: list[tuple[str, str | None]] = []
        for sha in sorted(self.disclosures)[: _as_count(limits.get("max_disclosures"), 20)]:
            name = f"{DISCLOSURE_DIR}{sha}.txt"
            text = self.zf.read(name).decode("utf-8", "replace") if sha in self.present_disclosures else None
            shown.append((sha, text))
        html = render_report(
            summary=_summary(info),
            aggregates=self.report,
            chain={
                "verified": (m.get("chain") or {}).get("verified"),
                "problem": (m.get("chain") or {}).get("problem"),
            },
            disclosures=shown,
            disclosure_total=len(self.disclosures),
            max_disclosures=_as_count(limits.get("max_disclosures"), 20),
        )
        for name, expected in ((REPORT, html), (VERIFY_DOC, verify_doc(info))):
            try:
                actual = self.zf.read(name)
            except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
                continue  # already reported by check_files
            if actual != expected.encode("utf-8"):
                r.fail_file(name, "is not the document these events and this manifest produce")
        r.checks.append(f"{REPORT} and {VERIFY_DOC} rebuilt from the events and the manifest")

    def _anchored_campaign(self, a: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """The anchored root and count this daily bundle must match: the campaign's (anchor 1, a whole-day bundle)
        or the campaign's in this bundle's part (anchor 2, a day written in parts)."""
        r, m = self.result, self.manifest
        empty = {"root": None, "count": 0}
        part = _part_of(m)
        if a.get("anchor_version", 1) == 1:
            if part is not None:
                r.fail("anchor: a bundle part checked against a whole-day anchor (anchor_version 1)")
                return None
            return (a.get("campaigns") or {}).get(m.get("campaign"), empty)
        if part is None:
            r.fail("anchor: a whole-day bundle checked against an anchor of parts (anchor_version 2)")
            return None
        parts = a.get("parts") if isinstance(a.get("parts"), list) else []
        if a.get("shards") != part[1] or part[0] >= len(parts) or not isinstance(parts[part[0]], Mapping):
            r.fail(f"anchor: it has no part {part[0]} of {part[1]}")
            return None
        return (parts[part[0]].get("campaigns") or {}).get(m.get("campaign"), empty)

    def check_anchor(self) -> None:
        r, m, a = self.result, self.manifest, self.anchor or {}
        if a.get("brand") != m.get("brand"):
            r.fail("anchor: it is the anchor of another brand")
            return
        if self.kind == "daily":
            day = str((m.get("period") or {}).get("from"))[:10]
            if a.get("date") != day:
                r.fail(f"anchor: it is the anchor of {a.get('date')}, the bundle covers {day}")
                return
            anchored = self._anchored_campaign(a)
            if anchored is None:
                return
            ours = {"root": self.merkle.root(), "count": self.merkle.count}
            if ours["count"] == 0 and anchored.get("count") == 0:
                r.checks.append("anchor: no events of the campaign that day, none in the bundle")
            elif anchored.get("root") != ours["root"] or anchored.get("count") != ours["count"]:
                r.fail(
                    f"anchor: the events do not match the campaign's anchored Merkle root ({ours['count']} events"
                    f" here, {anchored.get('count')} anchored): an event was edited, added, dropped or reordered"
                )
            else:
                r.checks.append(f"anchor {a.get('date')}: campaign Merkle root and count match")
            return
        head = (a.get("heads") or {}).get(m.get("phone"))
        if not isinstance(head, Mapping):
            r.checks.append(f"anchor {a.get('date')}: the number had no events that day (nothing to compare)")
            return
        last = self.seen_heads[-1] if self.seen_heads else None
        if last is None or not isinstance(head.get("seq"), int) or last[1] < head["seq"]:
            r.fail(f"anchor: the bundle ends before the anchored chain head (seq {head.get('seq')})")
        elif not r.problems:
            r.checks.append(f"anchor {a.get('date')}: chain head seq {head['seq']} present with the anchored hash")


def _part_of(manifest: Mapping[str, Any]) -> tuple[int, int] | None:
    part = manifest.get("part")
    if not isinstance(part, Mapping) or set(part) != {"shard", "shards"}:
        return None
    shard, shards = part["shard"], part["shards"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (shard, shards)) or not 0 <= shard < shards:
        return None
    return shard, shards


_MANIFEST_KEYS = {
    "brand",
    "bundle_id",
    "chain",
    "disclosures_missing",
    "event_count",
    "files",
    "generated_at",
    "generator",
    "kind",
    "manifest_version",
    "merkle",
    "period",
    "report_limits",
}


def _as_count(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def _hash_member(zf: zipfile.ZipFile, name: str) -> tuple[int, str]:
    sha, size = hashlib.sha256(), 0
    with zf.open(name) as member:
        while block := member.read(_CHUNK):
            sha.update(block)
            size += len(block)
    return size, sha.hexdigest()


def verify_bundle(source: str | Path | BinaryIO, anchor: Mapping[str, Any] | None = None) -> VerifyResult:
    """Recheck a bundle: every file hash in the manifest, every event hash, every chain link present, chain order,
    heads, Merkle root, the CSV against the events, disclosure names and, given the day's anchor, the events against
    it. ``result.bad_file`` / ``result.bad_event`` name the first culprit."""
    result = VerifyResult()
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        result.fail_file(str(source) if isinstance(source, (str, Path)) else "<bundle>", f"not a readable zip ({exc})")
        return result
    with zf:
        try:
            manifest = json.loads(zf.read(MANIFEST))
        except KeyError:
            result.fail_file(MANIFEST, "missing")
            return result
        except (ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            result.fail_file(MANIFEST, f"unreadable or not JSON ({exc})")
            return result
        if not isinstance(manifest, dict) or manifest.get("kind") not in ("daily", "number"):
            result.fail_file(MANIFEST, "not a bundle manifest")
            return result
        if not isinstance(manifest.get("chain"), Mapping):
            result.fail_file(MANIFEST, "chain missing")
            return result
        return _Verifier(zf, manifest, anchor).run()


def verify_day(directory: str | Path, anchor: Mapping[str, Any]) -> VerifyResult:
    """Check a day written in parts: the anchor's day and campaign roots recomputed from its parts' roots, every
    ``*.zip`` under ``directory`` verified against its part of the anchor, and every part that the anchor says holds
    events of a campaign present."""
    from optledger.anchors import PARTS_ANCHOR_VERSION, check_parts_anchor

    result = VerifyResult(kind="daily")
    if anchor.get("anchor_version") != PARTS_ANCHOR_VERSION:
        result.fail("anchor: a day is checked from its parts against an anchor of parts (anchor_version 2)")
        return result
    for problem in check_parts_anchor(anchor):
        result.fail(problem)
    if result.ok:
        result.checks.append(
            f"anchor: day and campaign roots are the Merkle roots of the {anchor['shards']} parts' roots"
        )
    seen: set[tuple[int, str]] = set()
    for path in sorted(Path(directory).rglob("*.zip")):
        verdict = verify_bundle(path, anchor)
        name = str(path.relative_to(directory))
        if not verdict.ok:
            result.fail_file(name, "; ".join(verdict.problems[:3]) or "does not verify")
            continue
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
        part = _part_of(manifest)
        if part is None or manifest.get("brand") != anchor.get("brand"):
            result.fail_file(name, "not a part of this brand's day")
            continue
        if (part[0], manifest["campaign"]) in seen:
            result.fail_file(name, "a second copy of the same part")
        seen.add((part[0], manifest["campaign"]))
        result.event_count += verdict.event_count
    for shard, part in enumerate(anchor.get("parts") or []):
        for campaign, entry in sorted((part.get("campaigns") or {}).items()):
            if entry.get("count") and (shard, campaign) not in seen:
                result.fail_file(
                    entry.get("key") or f"{campaign} part {shard}", f"missing: the anchor holds {entry['count']} events"
                )
    anchored = sum(entry.get("count", 0) for entry in (anchor.get("campaigns") or {}).values())
    if result.event_count != anchored:  # an event of several campaigns is in each of their bundles
        result.fail(f"the parts hold {result.event_count} campaign events, the anchor {anchored}")
    result.checks.append(f"{len(seen)} bundle parts verified against the anchor, none missing")
    return result


def verify_main(argv: list[str] | None = None) -> int:
    """``optledger verify FILE.zip [--anchor anchor.json]``: exit 0 only when every check holds."""
    parser = argparse.ArgumentParser(prog="optledger verify", description="Verify an OptLedger evidence bundle.")
    parser.add_argument("bundle", help="the bundle zip file, or a folder holding the parts of a day (with --anchor)")
    parser.add_argument("--anchor", help="the daily anchor JSON (anchors/<brand>/<YYYY-MM-DD>.json)")
    args = parser.parse_args(argv)
    anchor = None
    if args.anchor:
        try:
            anchor = json.loads(Path(args.anchor).read_bytes())
        except (OSError, ValueError) as exc:
            print(f"cannot read the anchor: {exc}", file=sys.stderr)
            return 2
    if Path(args.bundle).is_dir():
        if anchor is None:
            print("a day's folder of parts is checked against its anchor: give --anchor", file=sys.stderr)
            return 2
        result = verify_day(args.bundle, anchor)
    else:
        result = verify_bundle(args.bundle, anchor)
    for check in result.checks:
        print(f"checked: {check}")
    if result.ok:
        print(f"OK: {args.bundle} ({result.kind} bundle, {result.event_count} events) verifies")
        return 0
    if result.bad_file:
        print(f"FIRST BAD FILE: {result.bad_file}")
    if result.bad_event:
        print(f"FIRST BAD EVENT: {result.bad_event} (events.jsonl line {result.bad_line})")
    for problem in result.problems[:20]:
        print(f"problem: {problem}")
    if len(result.problems) > 20:
        print(f"... and {len(result.problems) - 20} more problems")
    print(f"FAILED: {args.bundle} does not verify")
    return 1

"""``verify_bundle``: a bundle re-checked from its bytes alone (plus, optionally, the day's anchor), pass by pass.

Passes, in order: the manifest read and typed (nothing else runs when it cannot be), files against the manifest,
events and consents.csv, disclosure texts, report.html and VERIFY.md rebuilt, and the anchor. Each returns a frozen
result; ``VerifyReport`` joins them.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Mapping
from html import escape
from pathlib import Path, PurePosixPath
from typing import IO, Any

from optledger import __version__
from optledger.bundles.anchor_check import check_anchor
from optledger.bundles.info import CONSENTS, DISCLOSURE_DIR, EVENTS, MANIFEST, REPORT, VERIFY_DOC, BundleInfo
from optledger.bundles.manifest import Manifest, read_manifest
from optledger.bundles.results import (
    DisclosuresResult,
    DocumentsResult,
    EventsResult,
    FilesResult,
    Head,
    Log,
    PassResult,
    VerifyReport,
)
from optledger.bundles.rows import CsvEncoder
from optledger.bundles.verify_doc import verify_doc
from optledger.bundles.writer import HEX64, disclosure_of
from optledger.bundles.zipstream import ZIP_ERRORS, hash_member
from optledger.chain import ChainChecker, canonical_json
from optledger.errors import ValidationError
from optledger.merkle import MerkleAccumulator
from optledger.report import ReportAggregates, render_report

_DISCLOSURE_NAME = re.compile(r"^disclosures/([0-9a-f]{64})\.txt$")
_LAYOUT = {EVENTS, CONSENTS, REPORT, VERIFY_DOC, MANIFEST}


def verify_bundle(source: str | Path | IO[bytes], anchor: Mapping[str, Any] | None = None) -> VerifyReport:
    """Recheck a bundle: every file hash in the manifest, every event hash, every chain link present, chain order,
    heads, Merkle root, the CSV against the events, disclosure names and, given the day's anchor, the events against
    it. ``report.first_bad_file`` / ``report.first_bad_event`` name the first culprit."""
    try:
        zf = zipfile.ZipFile(source)
    except (ValueError, *ZIP_ERRORS) as exc:
        log = Log()
        log.fail_file(str(source) if isinstance(source, (str, Path)) else "<bundle>", f"not a readable zip ({exc})")
        return VerifyReport(kind=None, event_count=0, passes=(PassResult(**log.freeze()),))
    with zf:
        read = read_manifest(zf)
        manifest = read.manifest
        if manifest is None:
            return VerifyReport(kind=None, event_count=0, passes=(read,))
        files = check_files(zf, manifest)
        events = check_events(zf, manifest, anchor)
        disclosures = check_disclosures(zf, manifest, events.disclosures)
        documents = check_documents(zf, manifest, events, disclosures.present)
        passes: tuple[PassResult, ...] = (read, files, events, disclosures, documents)
        if anchor is not None:
            so_far = any(not result.ok for result in passes)
            passes += (check_anchor(manifest, anchor, events, problems_before=so_far),)
        return VerifyReport(kind=manifest.kind, event_count=events.event_count, passes=passes, manifest=manifest)


def _unsafe(name: str) -> bool:
    """A name that would land outside the folder it is unzipped into, or that no bundle writes."""
    path = PurePosixPath(name)
    if "\\" in name or path.is_absolute() or ".." in path.parts or ":" in name:
        return True
    return name not in _LAYOUT and not _DISCLOSURE_NAME.match(name)


def check_files(zf: zipfile.ZipFile, manifest: Manifest) -> FilesResult:
    log, listed = Log(), manifest.files
    names = zf.namelist()
    if len(names) != len(set(names)):
        log.fail_file(MANIFEST, "the zip holds two members with the same name")
    for entry in listed:
        if entry.name not in names or entry.name == MANIFEST:
            log.fail_file(entry.name, "listed in the manifest but not in the zip")
            continue
        digest = _digest(zf, entry.name, log)
        if digest is not None and digest != (entry.bytes, entry.sha256):
            log.fail_file(entry.name, "size or SHA-256 differs from the manifest")
    extra = set(names) - {entry.name for entry in listed} - {MANIFEST}
    for name in sorted(extra):
        log.fail_file(name, "in the zip but not listed in the manifest")
    for name in names:
        if _unsafe(name) and not name.startswith(DISCLOSURE_DIR):
            log.fail_file(name, "not a member of a bundle (unsafe or unknown path)")
    log.check(f"{len(listed)} file hashes against manifest.json")
    return FilesResult(**log.freeze())


def _digest(zf: zipfile.ZipFile, name: str, log: Log) -> tuple[int, str] | None:
    try:
        return hash_member(zf, name)
    except ZIP_ERRORS as exc:
        log.fail_file(name, f"unreadable ({exc})")
        return None


class _Events:
    """One pass over events.jsonl with consents.csv read alongside."""

    def __init__(self, manifest: Manifest, anchor: Mapping[str, Any] | None) -> None:
        self.m, self.log = manifest, Log()
        self.heads: list[Head] = []
        self.checker = ChainChecker(complete=manifest.kind == "number", on_head=lambda *h: self.heads.append(Head(*h)))
        self.merkle = MerkleAccumulator()
        self.aggregates = ReportAggregates(max_numbers=manifest.max_numbers)
        self.disclosures: set[str] = set()
        heads = anchor.get("heads") if isinstance(anchor, Mapping) else None
        self.anchor_heads: Mapping[str, Any] = heads if isinstance(heads, Mapping) else {}

    def event(self, line: int, raw: bytes) -> dict[str, Any] | None:
        log, m = self.log, self.m
        text = raw.rstrip(b"\n")
        try:
            event = json.loads(text)
        except ValueError:
            log.fail_event(line, None, "not valid JSON")
            return None
        if not isinstance(event, dict):
            log.fail_event(line, None, "not a JSON object")
            return None
        try:
            canonical = canonical_json(event).encode("utf-8")
        except ValueError:  # NaN or an infinity (json reads 1e999 as one): no hash can be computed
            log.fail_event(line, event, "holds a number JSON cannot carry (NaN or infinity)")
            return None
        if canonical != text:
            log.fail_event(line, event, "not in canonical JSON form (the line was edited)")
        if event.get("brand") != m.brand:
            log.fail_event(line, event, "belongs to another brand")
        campaigns = event.get("campaigns")
        # As the writer scopes events (a string is searched, not split), minus the TypeError of other types.
        if m.kind == "daily" and not (isinstance(campaigns, (list, str)) and m.campaign in campaigns):
            log.fail_event(line, event, "is not an event of the bundle's campaign")
        if m.kind == "number" and event.get("phone") != m.phone:
            log.fail_event(line, event, "belongs to another number")
        problem = self.checker.check(event)
        if problem is not None:
            log.fail_event(line, event, problem.reason)
        if isinstance(event.get("hash"), str) and HEX64.match(event["hash"]):
            self.merkle.add(event["hash"])
        self.aggregates.add(event)
        if (sha := disclosure_of(event)) is not None:
            self.disclosures.add(sha)
        phone, seq = event.get("phone"), event.get("seq")
        head = self.anchor_heads.get(phone) if isinstance(phone, str) else None
        if isinstance(head, Mapping) and isinstance(seq, int):
            if seq == head.get("seq") and event.get("hash") != head.get("hash"):
                log.fail_event(line, event, "hash differs from the chain head in the anchor")
            elif isinstance(head.get("seq"), int) and seq > head["seq"] and m.kind == "daily":
                log.fail_event(line, event, "seq is past the anchored chain head of that day")
        return event

    def result(self, count: int) -> EventsResult:
        return EventsResult(
            event_count=count,
            merkle_root=self.merkle.root(),
            merkle_count=self.merkle.count,
            heads=tuple(self.heads),
            disclosures=frozenset(self.disclosures),
            aggregates=self.aggregates,
            **self.log.freeze(),
        )


def check_events(zf: zipfile.ZipFile, m: Manifest, anchor: Mapping[str, Any] | None) -> EventsResult:
    state = _Events(m, anchor)
    log, encoder = state.log, CsvEncoder()
    for name in (EVENTS, CONSENTS):
        if name not in zf.namelist():
            log.fail_file(name, "missing from the zip")
            return EventsResult(**log.freeze())
    csv_line: int | None = None  # the first consents.csv line that is not derived from the events
    count = 0
    try:
        events, rows = _open(zf, EVENTS), _open(zf, CONSENTS)
    except _Unreadable as exc:
        log.fail_file(exc.name, f"unreadable ({exc.__cause__})")
        return EventsResult(**log.freeze())
    try:
        with events, rows:

            def csv_matches(expected: bytes, *, at_end: bool = False) -> bool:
                try:
                    return rows.read(1) == b"" if at_end else rows.read(len(expected)) == expected
                except ZIP_ERRORS as exc:
                    log.fail_file(CONSENTS, f"unreadable ({exc})")
                    return False

            if not csv_matches(encoder.header()):
                csv_line = 1
            for count, raw in enumerate(events, 1):
                event = state.event(count, raw)
                if event is not None and csv_line is None and not csv_matches(encoder.event(event)):
                    csv_line = count + 1
            if csv_line is None and not csv_matches(b"", at_end=True):
                csv_line = count + 2
    except ZIP_ERRORS as exc:
        log.fail_file(EVENTS, f"unreadable ({exc})")
    state.checker.finish()
    if csv_line is not None:
        log.fail_file(CONSENTS, f"line {csv_line} is not the row derived from the events")
    if count != m.event_count:
        log.fail_file(MANIFEST, f"event_count {m.event_count} but {EVENTS} holds {count}")
    if state.merkle.root() != m.merkle_root or state.merkle.count != m.merkle_count:
        log.fail_file(MANIFEST, "merkle root or count differs from the events")
    if tuple(state.heads) != m.heads:
        log.fail_file(MANIFEST, "chain heads differ from the events")
    if not m.chain_verified:
        log.fail(f"the generator found a broken chain: {m.chain_problem}")
    what = "complete chains from seq 1" if m.kind == "number" else "links between consecutive seqs present"
    log.check(f"{count} event hashes, {what}, chain order, {len(state.heads)} chain heads, merkle root")
    log.check(f"{CONSENTS} derived row by row from {EVENTS}")
    return state.result(count)


class _Unreadable(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _open(zf: zipfile.ZipFile, name: str) -> IO[bytes]:
    try:
        return zf.open(name)
    except ZIP_ERRORS as exc:
        raise _Unreadable(name) from exc


def check_disclosures(zf: zipfile.ZipFile, m: Manifest, referenced: frozenset[str]) -> DisclosuresResult:
    log, present = Log(), set()
    for name in zf.namelist():
        if not name.startswith(DISCLOSURE_DIR):
            continue
        match = _DISCLOSURE_NAME.match(name)
        if not match:
            log.fail_file(name, "not named disclosures/<sha256>.txt")
            continue
        digest = _digest(zf, name, log)
        if digest is None:
            continue
        if digest[1] != match.group(1):
            log.fail_file(name, "content does not hash to its name")
        present.add(match.group(1))
    absent = sorted(referenced - present)
    for sha in absent:
        if sha not in m.disclosures_missing:
            log.fail_file(f"{DISCLOSURE_DIR}{sha}.txt", "referenced by an event but missing")
    if list(m.disclosures_missing) != absent:
        log.fail_file(MANIFEST, "disclosures_missing is not the list of referenced texts absent from the bundle")
    log.check(f"{len(present)} disclosure texts hash to their names")
    return DisclosuresResult(present=frozenset(present), **log.freeze())


def check_documents(zf: zipfile.ZipFile, m: Manifest, events: EventsResult, present: frozenset[str]) -> DocumentsResult:
    """report.html and VERIFY.md are rebuilt from the events and the manifest and compared byte for byte, which
    binds the manifest's descriptive fields (bundle_id, period, generated_at, generator) and the report's figures."""
    log = Log()
    if m.generator != f"optledger {__version__}":
        # Another version's layout cannot be rebuilt; still require the report to name this very bundle.
        try:
            html = zf.read(REPORT).decode("utf-8", "replace")
        except (KeyError, *ZIP_ERRORS):
            return DocumentsResult(**log.freeze())
        # each value where the report's heading shows it, not anywhere (a generator "0" is a digit of any page)
        heading = (
            ("bundle_id", m.bundle_id, ">{}<"),
            ("generated_at", m.generated_at, "generated {} "),
            ("generator", m.generator, "by {}<"),
        )
        for key, value, where in heading:
            if not value or where.format(escape(value)) not in html:
                log.fail_file(MANIFEST, f"{key} is not the one {REPORT} names")
        log.check(f"{REPORT} names this bundle (made by {m.generator!r}: layout not rebuilt)")
        return DocumentsResult(**log.freeze())
    if events.aggregates is None:
        return DocumentsResult(**log.freeze())
    try:
        info = BundleInfo(
            kind=m.kind,
            brand=m.brand,
            generated_at=m.generated_at,
            period=m.period,
            campaign=m.campaign,
            phone=m.phone,
            generator=m.generator,
            bundle_id=m.bundle_id,
            part=m.part,
        )
    except (ValueError, ValidationError) as exc:
        log.fail_file(MANIFEST, f"descriptive fields malformed ({exc.__class__.__name__})")
        return DocumentsResult(**log.freeze())
    if info.id != m.bundle_id:  # an empty bundle_id would fall back to the derived one
        log.fail_file(MANIFEST, "bundle_id is empty")
    shown: list[tuple[str, str | None]] = []
    for sha in sorted(events.disclosures)[: m.max_disclosures]:
        text = zf.read(f"{DISCLOSURE_DIR}{sha}.txt").decode("utf-8", "replace") if sha in present else None
        shown.append((sha, text))
    html = render_report(
        summary=info.summary(),
        aggregates=events.aggregates,
        chain={"verified": m.chain_verified, "problem": m.chain_problem},
        disclosures=shown,
        disclosure_total=len(events.disclosures),
        max_disclosures=m.max_disclosures,
    )
    for name, expected in ((REPORT, html), (VERIFY_DOC, verify_doc(info))):
        try:
            actual = zf.read(name)
        except (KeyError, *ZIP_ERRORS):
            continue  # already reported by check_files
        if actual != expected.encode("utf-8"):
            log.fail_file(name, "is not the document these events and this manifest produce")
    log.check(f"{REPORT} and {VERIFY_DOC} rebuilt from the events and the manifest")
    return DocumentsResult(**log.freeze())

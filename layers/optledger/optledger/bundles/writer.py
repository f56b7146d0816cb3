"""Writing a bundle: ``BundleWriter(out, info, disclosure_text)``, ``add(event)`` in chain order, ``close()``.

Memory stays flat as the input grows: ``events.jsonl`` is written into the zip while iterating; ``consents.csv`` and
the per-phone chain heads of the manifest go to compressed temporary files on disk and are copied in at the end;
the report keeps bounded aggregates only. What grows is the set of distinct disclosure hashes (a few per campaign).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from optledger.anchors import MERKLE_ALGORITHM
from optledger.bundles.info import (
    CONSENTS,
    DISCLOSURE_DIR,
    EVENTS,
    MANIFEST,
    MANIFEST_VERSION,
    REPORT,
    VERIFY_DOC,
    BundleInfo,
)
from optledger.bundles.rows import CsvEncoder
from optledger.bundles.verify_doc import verify_doc
from optledger.bundles.zipstream import DateTime, Member, Sink, Spool, Writable, lines
from optledger.chain import ChainChecker, canonical_json
from optledger.digest import sha256_hex
from optledger.merkle import MerkleAccumulator
from optledger.report import ReportAggregates, render_report
from optledger.timeutil import parse_ts

HEX64 = re.compile(r"^[0-9a-f]{64}$")


def disclosure_of(event: Mapping[str, Any]) -> str | None:
    """The disclosure hash an event references, if it is a well-formed one."""
    evidence = event.get("evidence")
    sha = evidence.get("disclosure_sha256") if isinstance(evidence, Mapping) else None
    return sha if isinstance(sha, str) and HEX64.match(sha) else None


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
        out: Writable,
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
        self._date_time: DateTime = (
            max(stamp.year, 1980),
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second,
        )
        self._zip = zipfile.ZipFile(Sink(out), mode="w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self._events = Member(self._zip, EVENTS, self._date_time)
        self._csv = Spool(spool_dir)
        self._heads = Spool(spool_dir)
        self._encoder = CsvEncoder()
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
        if (sha := disclosure_of(event)) is not None:
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
        member = Member(self._zip, CONSENTS, self._date_time)
        for chunk in self._csv.chunks():
            member.write(chunk)
        files.append(member.close())

        missing: list[str] = []
        shown: list[tuple[str, str | None]] = []
        for sha in sorted(self._disclosures):
            text = self._disclosure_text(sha)
            data = text.encode("utf-8") if isinstance(text, str) else None
            if data is None or sha256_hex(data) != sha:
                missing.append(sha)
                text = None
            else:
                files.append(self._write_small(f"{DISCLOSURE_DIR}{sha}.txt", data))
            if len(shown) < self._max_report_disclosures:
                shown.append((sha, text))

        chain = {"verified": self._problem is None, "problem": self._problem}
        summary = self.info.summary()
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
        member = Member(self._zip, name, self._date_time)
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
        member = Member(self._zip, MANIFEST, self._date_time)
        member.write(b"{\n")
        keys = sorted(top)
        for index, key in enumerate(keys):
            member.write(json.dumps(key).encode() + b": ")
            if key == "chain":
                member.write(b'{"heads": [')
                first = True
                for chunk in lines(self._heads.chunks()):
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


def write_bundle(
    events: Iterable[Mapping[str, Any]],
    out: Writable,
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

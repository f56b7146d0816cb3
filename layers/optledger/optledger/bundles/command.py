"""A day written in parts checked against its anchor, and ``verify_path``: what ``optledger verify`` runs."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from optledger.bundles.anchor_check import mapping
from optledger.bundles.results import AnchorResult, FilesResult, Log, VerifyReport
from optledger.bundles.verifier import verify_bundle


class VerifyInputError(ValueError):
    """What to verify cannot be read (no such file, an anchor that is not JSON, a folder without its anchor)."""


def verify_day(directory: str | Path, anchor: Mapping[str, Any]) -> VerifyReport:
    """Check a day written in parts: the anchor's day and campaign roots recomputed from its parts' roots, every
    ``*.zip`` under ``directory`` verified against its part of the anchor, and every part that the anchor says holds
    events of a campaign present."""
    from optledger.anchors import PARTS_ANCHOR_VERSION, check_parts_anchor

    anchored, parts = Log(), Log()
    if not isinstance(anchor, Mapping) or anchor.get("anchor_version") != PARTS_ANCHOR_VERSION:
        anchored.fail("anchor: a day is checked from its parts against an anchor of parts (anchor_version 2)")
        return VerifyReport(kind="daily", event_count=0, passes=(AnchorResult(**anchored.freeze()),))
    for problem in check_parts_anchor(anchor):
        anchored.fail(problem)
    if not anchored.problems:
        anchored.check(f"anchor: day and campaign roots are the Merkle roots of the {anchor['shards']} parts' roots")
    seen: set[tuple[int, str]] = set()
    event_count = 0
    for path in sorted(Path(directory).rglob("*.zip")):
        verdict = verify_bundle(path, anchor)
        name = str(path.relative_to(directory))
        if not verdict.ok:
            parts.fail_file(name, "; ".join(verdict.problems[:3]) or "does not verify")
            continue
        manifest = verdict.manifest
        if manifest is None or manifest.part is None or manifest.brand != anchor.get("brand"):
            parts.fail_file(name, "not a part of this brand's day")
            continue
        key = (manifest.part[0], str(manifest.campaign))
        if key in seen:
            parts.fail_file(name, "a second copy of the same part")
        seen.add(key)
        event_count += verdict.event_count
    for shard, part in enumerate(anchor.get("parts") or []):
        for campaign, entry in sorted(mapping(mapping(part).get("campaigns")).items()):
            entry = mapping(entry)
            if entry.get("count") and (shard, campaign) not in seen:
                where = entry.get("key") or f"{campaign} part {shard}"
                parts.fail_file(str(where), f"missing: the anchor holds {entry['count']} events")
    total = sum(mapping(entry).get("count", 0) for entry in mapping(anchor.get("campaigns")).values())
    if event_count != total:  # an event of several campaigns is in each of their bundles
        parts.fail(f"the parts hold {event_count} campaign events, the anchor {total}")
    parts.check(f"{len(seen)} bundle parts verified against the anchor, none missing")
    passes = (AnchorResult(**anchored.freeze()), FilesResult(**parts.freeze()))
    return VerifyReport(kind="daily", event_count=event_count, passes=passes)


def verify_path(bundle: str | Path, anchor_file: str | Path | None = None) -> VerifyReport:
    """``optledger verify``: a bundle zip (optionally against its day's anchor), or a folder holding the parts of a
    day (against the anchor of parts). Raises ``VerifyInputError`` when the input itself cannot be read."""
    anchor = None
    if anchor_file is not None:
        try:
            anchor = json.loads(Path(anchor_file).read_bytes())
        except FileNotFoundError:
            raise VerifyInputError(f"{anchor_file}: no such file") from None
        except (OSError, ValueError) as exc:
            raise VerifyInputError(f"cannot read the anchor: {exc}") from None
        if not isinstance(anchor, dict):
            raise VerifyInputError(f"{anchor_file}: not an anchor (a JSON object)")
    path = Path(bundle)
    if path.is_dir():
        if anchor is None:
            raise VerifyInputError("a day's folder of parts is checked against its anchor: give --anchor")
        return verify_day(path, anchor)
    if not path.is_file():
        raise VerifyInputError(f"{bundle}: no such file")
    return verify_bundle(path, anchor)


def report_lines(report: VerifyReport, name: str) -> list[str]:
    """What ``optledger verify`` prints: the checks that held, then OK; or the first culprit, the problems, and one
    FAILED line naming the first problem. A bundle that cannot be read as one (not a zip, no usable manifest) prints
    that FAILED line alone."""
    if report.ok:
        lines = [f"checked: {check}" for check in report.checks]
        return [*lines, f"OK: {name} ({report.kind} bundle, {report.event_count} events) verifies"]
    problems = report.problems
    if report.manifest is None and len(problems) == 1:
        return [f"FAILED: {name} does not verify: {problems[0]}"]
    lines = [f"checked: {check}" for check in report.checks]
    if report.first_bad_file:
        lines.append(f"FIRST BAD FILE: {report.first_bad_file}")
    if report.first_bad_event:
        lines.append(f"FIRST BAD EVENT: {report.first_bad_event} (events.jsonl line {report.first_bad_line})")
    lines += [f"problem: {problem}" for problem in problems[:20]]
    if len(problems) > 20:
        lines.append(f"... and {len(problems) - 20} more problems")
    return [*lines, f"FAILED: {name} does not verify: {problems[0]}"]

"""What each pass of the verifier found (frozen), and the report that joins the passes in the order they ran."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from optledger.bundles.info import EVENTS

if TYPE_CHECKING:
    from optledger.bundles.manifest import Manifest
    from optledger.report import ReportAggregates


@dataclass(frozen=True)
class Head:
    """A chain head: the last seq and hash of a phone in the bundle."""

    phone: str
    seq: int
    hash: str


@dataclass(frozen=True, kw_only=True)
class PassResult:
    """``checks`` held, ``problems`` found (in order), and the first file and event a problem named."""

    checks: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    bad_file: str | None = None
    bad_event: str | None = None
    bad_line: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, kw_only=True)
class ManifestResult(PassResult):
    """Reading manifest.json: ``manifest`` is None when it is no readable bundle manifest (then nothing else runs)."""

    manifest: Manifest | None = None


@dataclass(frozen=True, kw_only=True)
class FilesResult(PassResult):
    """Every member against the manifest's size and SHA-256, and every member name against the bundle's layout."""


@dataclass(frozen=True, kw_only=True)
class EventsResult(PassResult):
    """events.jsonl line by line (hashes, links, order, scope), consents.csv derived from it, the manifest's count,
    heads and Merkle root. ``aggregates`` is None when the events could not be read at all."""

    event_count: int = 0
    merkle_root: str = ""
    merkle_count: int = 0
    heads: tuple[Head, ...] = ()
    disclosures: frozenset[str] = frozenset()
    aggregates: ReportAggregates | None = None


@dataclass(frozen=True, kw_only=True)
class DisclosuresResult(PassResult):
    """disclosures/<sha256>.txt: named by their hash, every referenced text present or listed as missing."""

    present: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class DocumentsResult(PassResult):
    """report.html and VERIFY.md rebuilt from the events and the manifest."""


@dataclass(frozen=True, kw_only=True)
class AnchorResult(PassResult):
    """The events against the day's anchor (or, for a folder of parts, the parts against it)."""


@dataclass(frozen=True)
class VerifyReport:
    """The verdict on a bundle (or a day of parts): ``ok`` only when every pass holds."""

    kind: str | None
    event_count: int
    passes: tuple[PassResult, ...] = field(default=())
    manifest: Manifest | None = None  # the bundle's manifest, when it could be read

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.passes)

    @property
    def checks(self) -> list[str]:
        return [check for result in self.passes for check in result.checks]

    @property
    def problems(self) -> list[str]:
        return [problem for result in self.passes for problem in result.problems]

    @property
    def first_bad_file(self) -> str | None:
        return next((r.bad_file for r in self.passes if r.bad_file is not None), None)

    @property
    def first_bad_event(self) -> str | None:
        return next((r.bad_event for r in self.passes if r.bad_event is not None), None)

    @property
    def first_bad_line(self) -> int | None:
        return next((r.bad_line for r in self.passes if r.bad_event is not None), None)


class Log:
    """Collects one pass's findings in order; ``freeze()`` gives the keyword arguments of its result."""

    def __init__(self) -> None:
        self.checks: list[str] = []
        self.problems: list[str] = []
        self.bad_file: str | None = None
        self.bad_event: str | None = None
        self.bad_line: int | None = None

    def check(self, text: str) -> None:
        self.checks.append(text)

    def fail(self, reason: str) -> None:
        self.problems.append(reason)

    def fail_file(self, name: str, reason: str) -> None:
        self.problems.append(f"{name}: {reason}")
        if self.bad_file is None:
            self.bad_file = name

    def fail_event(self, line: int, event: Mapping[str, Any] | None, reason: str) -> None:
        event_id = event.get("event_id") if isinstance(event, Mapping) else None
        label = f"event {event_id} (line {line})" if event_id else f"line {line}"
        if isinstance(event, Mapping) and isinstance(event.get("phone"), str):
            from optledger.phone import mask  # phonenumbers is heavy: imported only to word a failure

            label += f" of {mask(event['phone'])}"
        self.problems.append(f"{EVENTS} {label}: {reason}")
        if self.bad_event is None:
            self.bad_event, self.bad_line = str(event_id or f"line {line}"), line

    def freeze(self) -> dict[str, Any]:
        return {
            "checks": tuple(self.checks),
            "problems": tuple(self.problems),
            "bad_file": self.bad_file,
            "bad_event": self.bad_event,
            "bad_line": self.bad_line,
        }

"""manifest.json read back for the verifier: every field's type checked once, into a frozen ``Manifest``.

A field of the wrong type or a missing key makes the manifest unreadable (``ManifestResult.manifest`` is None, one
problem names the field); values that are well-typed but wrong (an unknown Merkle algorithm, an extra key) are
problems the other passes run alongside.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar, get_type_hints

from optledger.anchors import MERKLE_ALGORITHM
from optledger.bundles.info import MANIFEST, MANIFEST_VERSION
from optledger.bundles.results import Head, Log, ManifestResult
from optledger.bundles.zipstream import ZIP_ERRORS

MANIFEST_KEYS = frozenset(
    {
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
)


class FileEntry(NamedTuple):
    """A member the manifest lists, with its size and SHA-256."""

    name: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """manifest.json with every field of the type the writer gives it (DESIGN section 7)."""

    kind: str
    brand: str
    campaign: str | None
    phone: str | None
    bundle_id: str
    generated_at: str
    generator: str
    period: Mapping[str, str | None]
    part: tuple[int, int] | None
    event_count: int
    files: tuple[FileEntry, ...]
    merkle_algorithm: str
    merkle_root: str
    merkle_count: int
    heads: tuple[Head, ...]
    chain_verified: bool
    chain_problem: Mapping[str, Any] | None
    disclosures_missing: tuple[str, ...]
    max_numbers: int
    max_disclosures: int


class _Malformed(Exception):
    pass


def _object(value: Any, where: str, keys: tuple[str, ...], *, exact: bool = True) -> Mapping[str, Any]:
    shape = "{" + ", ".join(keys) + "}"
    if not isinstance(value, dict) or (set(value) != set(keys) if exact else not set(keys) <= set(value)):
        raise _Malformed(f"{where} must be an object {shape}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _Malformed(f"{where} must be a string")
    return value


def _count(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Malformed(f"{where} must be a whole number")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Malformed(f"{where} must be a list")
    return value


_Record = TypeVar("_Record", FileEntry, Head)
_FIELD_TYPES: dict[type, Callable[[Any, str], Any]] = {str: _str, int: _count}


def _records(value: Any, where: str, kind: type[_Record]) -> tuple[_Record, ...]:
    """A list of objects holding exactly the fields of ``kind`` (strings and whole numbers)."""
    types = get_type_hints(kind)
    records = []
    for i, item in enumerate(_list(value, where)):
        obj = _object(item, f"{where}[{i}]", tuple(types))
        values: list[Any] = [_FIELD_TYPES[hint](obj[name], f"{where}[{i}].{name}") for name, hint in types.items()]
        records.append(kind(*values))
    return tuple(records)


def _part(m: Mapping[str, Any]) -> tuple[int, int] | None:
    if "part" not in m:
        return None
    part = _object(m["part"], "part", ("shard", "shards"))
    shard, shards = _count(part["shard"], "part.shard"), _count(part["shards"], "part.shards")
    if not shard < shards:
        raise _Malformed("part must hold shard < shards")
    return shard, shards


def _parse(m: Mapping[str, Any]) -> Manifest:
    kind = m.get("kind")
    if kind not in ("daily", "number"):
        raise _Malformed("not a bundle manifest (kind is daily or number)")
    scope = "campaign" if kind == "daily" else "phone"
    if missing := sorted((MANIFEST_KEYS | {scope}) - set(m)):
        raise _Malformed(f"missing keys: {missing}")
    period = _object(m["period"], "period", ("from", "to"))
    for end in ("from", "to"):
        if period[end] is not None:
            _str(period[end], f"period.{end}")
    merkle = _object(m["merkle"], "merkle", ("algorithm", "root", "count"), exact=False)
    chain = _object(m["chain"], "chain", ("heads", "problem", "verified"), exact=False)
    if not isinstance(chain["verified"], bool):
        raise _Malformed("chain.verified must be true or false")
    if chain["problem"] is not None and not isinstance(chain["problem"], dict):
        raise _Malformed("chain.problem must be an object or null")
    limits = _object(m["report_limits"], "report_limits", ("max_numbers", "max_disclosures"), exact=False)
    return Manifest(
        kind=kind,
        brand=_str(m["brand"], "brand"),
        campaign=_str(m["campaign"], "campaign") if kind == "daily" else None,
        phone=_str(m["phone"], "phone") if kind == "number" else None,
        bundle_id=_str(m["bundle_id"], "bundle_id"),
        generated_at=_str(m["generated_at"], "generated_at"),
        generator=_str(m["generator"], "generator"),
        period=period,
        part=_part(m) if kind == "daily" else None,
        event_count=_count(m["event_count"], "event_count"),
        files=_records(m["files"], "files", FileEntry),
        merkle_algorithm=_str(merkle["algorithm"], "merkle.algorithm"),
        merkle_root=_str(merkle["root"], "merkle.root"),
        merkle_count=_count(merkle["count"], "merkle.count"),
        heads=_records(chain["heads"], "chain.heads", Head),
        chain_verified=chain["verified"],
        chain_problem=chain["problem"],
        disclosures_missing=tuple(
            _str(sha, f"disclosures_missing[{i}]")
            for i, sha in enumerate(_list(m["disclosures_missing"], "disclosures_missing"))
        ),
        max_numbers=_count(limits["max_numbers"], "report_limits.max_numbers"),
        max_disclosures=_count(limits["max_disclosures"], "report_limits.max_disclosures"),
    )


def read_manifest(zf: zipfile.ZipFile) -> ManifestResult:
    """manifest.json parsed and typed, plus the problems of a well-typed manifest that the other passes do not see."""
    log = Log()
    try:
        raw = json.loads(zf.read(MANIFEST))
    except KeyError:
        log.fail_file(MANIFEST, "missing")
        return ManifestResult(**log.freeze())
    except (ValueError, *ZIP_ERRORS) as exc:
        log.fail_file(MANIFEST, f"unreadable or not JSON ({exc.__class__.__name__}: {exc})")
        return ManifestResult(**log.freeze())
    if not isinstance(raw, dict):
        log.fail_file(MANIFEST, "not a bundle manifest (not a JSON object)")
        return ManifestResult(**log.freeze())
    try:
        manifest = _parse(raw)
    except _Malformed as exc:
        log.fail_file(MANIFEST, str(exc))
        return ManifestResult(**log.freeze())
    _check_shape(raw, manifest, log)
    return ManifestResult(manifest=manifest, **log.freeze())


def _check_shape(m: Mapping[str, Any], manifest: Manifest, log: Log) -> None:
    expected = MANIFEST_KEYS | {"campaign" if manifest.kind == "daily" else "phone"}
    if manifest.part is not None:
        expected |= {"part"}
    if set(m) != expected:
        log.fail_file(MANIFEST, f"unexpected or missing keys: {sorted(set(m) ^ expected)}")
    if set(m["chain"]) != {"heads", "problem", "verified"}:
        log.fail_file(MANIFEST, "chain must hold exactly heads, problem and verified")
    if manifest.chain_verified != (manifest.chain_problem is None):
        log.fail_file(MANIFEST, "chain.problem must be null when chain.verified is true, and only then")
    if type(m["manifest_version"]) is not int or m["manifest_version"] != MANIFEST_VERSION:
        log.fail_file(MANIFEST, f"manifest_version {m['manifest_version']} is not {MANIFEST_VERSION}")
    if manifest.merkle_algorithm != MERKLE_ALGORITHM or set(m["merkle"]) != {"algorithm", "root", "count"}:
        log.fail_file(MANIFEST, "unknown Merkle algorithm")
    if set(m["report_limits"]) != {"max_numbers", "max_disclosures"}:
        log.fail_file(MANIFEST, "report_limits must hold exactly max_numbers and max_disclosures")

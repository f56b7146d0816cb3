"""A malformed bundle is a FAILED report that names the problem, never a traceback: ``optledger verify FILE.zip``
exits 1 with exactly one FAILED line saying what is wrong."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optledger.anchors import build_anchor
from optledger.bundles import daily_bundle_info, report_lines, verify_bundle, write_bundle
from optledger.chain import sha256_hex
from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA, chain_events, phone_of
from tests.support.verify_cli import verify_cli

AT = "2026-11-28T00:05:00.000Z"


def events() -> list[dict[str, Any]]:
    return [e for i in range(3) for e in chain_events(phone_of(i), 4)]


def bundle() -> bytes:
    out = io.BytesIO()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", AT)
    write_bundle(events(), out, info, {DISCLOSURE_SHA: DISCLOSURE}.get)
    return out.getvalue()


BUNDLE = bundle()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


def with_manifest(change: Any) -> bytes:
    files = members(BUNDLE)
    manifest = json.loads(files["manifest.json"])
    change(manifest)
    files["manifest.json"] = json.dumps(manifest).encode()
    return zipped(files)


def relisted(files: dict[str, bytes]) -> bytes:
    """What a forger does: the manifest's file list recomputed for the members as they now are."""
    manifest = json.loads(files["manifest.json"])
    manifest["files"] = [
        {"name": name, "bytes": len(data), "sha256": sha256_hex(data)}
        for name, data in files.items()
        if name != "manifest.json"
    ]
    return zipped({**files, "manifest.json": json.dumps(manifest).encode()})


def with_member(name: str, data: bytes) -> bytes:
    return relisted({**members(BUNDLE), name: data})


def failed_line(capsys: Any, path: Any) -> str:
    """Runs ``optledger verify PATH``: exit 1, one FAILED line, no traceback; returns that line."""
    assert verify_cli([str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err and not captured.err
    failed = [line for line in captured.out.splitlines() if line.startswith("FAILED:")]
    assert len(failed) == 1, captured.out
    return failed[0]


def set_key(key: str, value: Any) -> Any:
    return lambda m: m.__setitem__(key, value)


CASES = {
    "merkle a list": (set_key("merkle", [1]), "merkle must be an object"),
    "files a string": (set_key("files", "x"), "files must be a list"),
    "chain null": (set_key("chain", None), "chain must be an object"),
    "event_count a string": (set_key("event_count", "a"), "event_count must be a whole number"),
    "event_count negative": (set_key("event_count", -1), "event_count must be a whole number"),
    "brand missing": (lambda m: m.pop("brand"), "missing keys: ['brand']"),
    "campaign missing": (lambda m: m.pop("campaign"), "missing keys: ['campaign']"),
    "period a list": (set_key("period", []), "period must be an object"),
    "a head's seq a string": (lambda m: m["chain"]["heads"][0].update(seq="4"), "chain.heads[0].seq"),
    "a file's name a list": (lambda m: m["files"][0].update(name=["x"]), "files[0].name must be a string"),
    "a file entry a number": (lambda m: m["files"].__setitem__(1, 7), "files[1] must be an object"),
    "disclosures_missing a number": (set_key("disclosures_missing", 5), "disclosures_missing must be a list"),
    "report_limits null": (set_key("report_limits", None), "report_limits must be an object"),
    "chain.verified a string": (lambda m: m["chain"].update(verified="yes"), "chain.verified must be true or false"),
    "part out of range": (set_key("part", {"shard": 3, "shards": 2}), "part must hold shard < shards"),
    "kind unknown": (set_key("kind", "weekly"), "not a bundle manifest"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_manifest_field_is_one_failed_line_naming_it(tmp_path, capsys, case):
    change, expected = CASES[case]
    path = tmp_path / "bundle.zip"
    path.write_bytes(with_manifest(change))
    line = failed_line(capsys, path)
    assert "manifest.json" in line and expected in line, line


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b"{not json", "manifest.json: unreadable or not JSON"),
        (b'\xff\xfe{"kind": "daily"}', "manifest.json: unreadable or not JSON"),
        (b"[1, 2]", "manifest.json: not a bundle manifest"),
        (None, "manifest.json: missing"),
    ],
)
def test_a_manifest_that_is_not_a_json_object_is_one_failed_line(tmp_path, capsys, manifest, expected):
    files = members(BUNDLE)
    if manifest is None:
        del files["manifest.json"]
    else:
        files["manifest.json"] = manifest
    path = tmp_path / "bundle.zip"
    path.write_bytes(zipped(files))
    assert expected in failed_line(capsys, path)


def test_events_that_are_not_utf8_name_the_line(tmp_path, capsys):
    lines = members(BUNDLE)["events.jsonl"].split(b"\n")
    lines[2] = b'{"brand": "acme", "note": "\xff\xfe"}'
    path = tmp_path / "bundle.zip"
    path.write_bytes(with_member("events.jsonl", b"\n".join(lines)))
    assert "events.jsonl line 3: not valid JSON" in failed_line(capsys, path)
    report = verify_bundle(path)
    assert report.first_bad_event == "line 3" and report.first_bad_line == 3


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello", "not a readable zip"),
        (b"", "not a readable zip"),
        (BUNDLE[: len(BUNDLE) // 2], "not a readable zip"),
        (b"PK\x05\x06" + b"\0" * 18, "manifest.json: missing"),  # an empty zip
    ],
)
def test_a_file_that_is_not_a_bundle_zip_is_one_failed_line(tmp_path, capsys, data, expected):
    path = tmp_path / "bundle.zip"
    path.write_bytes(data)
    assert expected in failed_line(capsys, path)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "sub/../../evil.txt", "disclosures/../../evil.txt"])
def test_a_member_path_outside_the_bundle_fails_naming_it(tmp_path, capsys, name):
    path = tmp_path / "bundle.zip"
    path.write_bytes(with_member(name, b"escape"))
    line = failed_line(capsys, path)
    assert name in line, line


def test_an_anchor_that_is_not_an_anchor_is_a_failed_check(tmp_path, capsys):
    path, anchor = tmp_path / "bundle.zip", tmp_path / "anchor.json"
    path.write_bytes(BUNDLE)
    for value in ([1], {"brand": "acme", "date": "2026-11-27", "campaigns": [1]}, {"brand": "acme", "heads": 3}):
        anchor.write_text(json.dumps(value))
        assert verify_cli([str(path), "--anchor", str(anchor)]) in (1, 2)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.out + captured.err
    anchor.write_text(json.dumps(build_anchor("acme", "2026-11-27", events())))
    assert verify_cli([str(path), "--anchor", str(anchor)]) == 0


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
MANIFEST = json.loads(members(BUNDLE)["manifest.json"])
PATHS = [(key,) for key in sorted(MANIFEST)] + [
    ("chain", "heads"),
    ("chain", "verified"),
    ("chain", "problem"),
    ("merkle", "root"),
    ("merkle", "count"),
    ("period", "from"),
    ("report_limits", "max_numbers"),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=JSON)
def test_any_manifest_field_of_any_json_value_is_a_verdict_never_an_exception(path, value):
    def change(m: dict[str, Any]) -> None:
        target = m
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    original = MANIFEST
    for key in path:
        original = original[key]
    report = verify_bundle(io.BytesIO(with_manifest(change)))
    lines = report_lines(report, "bundle.zip")
    assert report.ok == (value == original and type(value) is type(original)), report.problems
    if not report.ok:
        assert sum(line.startswith("FAILED: bundle.zip does not verify: ") for line in lines) == 1


EVENT = events()[5]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(EVENT)), value=JSON)
def test_any_event_field_of_any_json_value_is_a_verdict_never_an_exception(key, value):
    lines = members(BUNDLE)["events.jsonl"].split(b"\n")
    lines[5] = json.dumps({**EVENT, key: value}, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    report = verify_bundle(io.BytesIO(with_member("events.jsonl", b"\n".join(lines))))
    if value != EVENT[key] or type(value) is not type(EVENT[key]):
        assert not report.ok and report.first_bad_event is not None


def with_headers(data: bytes, *, flags: int = 0, method: int | None = None) -> bytes:
    """Every member's local and central header rewritten: flag bits added (1: encrypted), the compression method set."""
    out = bytearray(data)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = out.find(signature)
        while at != -1:
            old = int.from_bytes(out[at + flag_at : at + flag_at + 2], "little")
            out[at + flag_at : at + flag_at + 2] = (old | flags).to_bytes(2, "little")
            if method is not None:
                out[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


@pytest.mark.parametrize(
    ("change", "raised"),
    [({"flags": 1}, RuntimeError), ({"method": 99}, NotImplementedError)],
    ids=["encrypted members", "unknown compression method"],
)
def test_members_zipfile_cannot_read_are_one_failed_line(tmp_path, capsys, change, raised):
    """An encrypted member (zipfile raises RuntimeError) or an unknown compression method (NotImplementedError)."""
    damaged = with_headers(BUNDLE, **change)
    with zipfile.ZipFile(io.BytesIO(damaged)) as zf, pytest.raises(raised):
        zf.read("manifest.json")  # what the verifier meets, so the case is the one ZIP_ERRORS names
    path = tmp_path / "bundle.zip"
    path.write_bytes(damaged)
    assert "manifest.json" in failed_line(capsys, path)


@pytest.mark.parametrize("generator", ["0", "1", "optledger", "by", "a"])
def test_a_generator_of_another_version_must_be_the_one_the_report_names(generator):
    # another version's report is not rebuilt, only read for the generator it names: a digit or a word that appears
    # anywhere on the page is not that (hypothesis found "0" passing when any occurrence was enough)
    report = verify_bundle(io.BytesIO(with_manifest(lambda m: m.update(generator=generator))))
    assert not report.ok
    assert any("generator is not the one" in problem for problem in report.problems), report.problems

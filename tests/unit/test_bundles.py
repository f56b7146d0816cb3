from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from optledger.anchors import build_anchor
from optledger.bundles import (
    CSV_COLUMNS,
    FORMULA_PREFIXES,
    BundleWriter,
    csv_cell,
    daily_bundle_info,
    number_bundle_info,
    verify_bundle,
    write_bundle,
)
from optledger.bundles.zipstream import Spool
from optledger.chain import GENESIS_HASH, seal, sha256_hex
from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA, chain_events, phone_of, reseal
from tests.support.verify_cli import verify_cli

GENERATED_AT = "2026-11-28T00:05:00.000Z"
TEXTS = {DISCLOSURE_SHA: DISCLOSURE}


def campaigns_of(seq: int) -> list[str]:
    # seq 4 belongs to another campaign, so C7DEALS's daily bundle skips it: chains there are not contiguous.
    return ["C9OTHER"] if seq == 4 else ["C7DEALS", "C9OTHER"] if seq == 5 else ["C7DEALS"]


def all_day_events(phones: int = 4, length: int = 7) -> list[dict[str, Any]]:
    return [e for i in range(phones) for e in chain_events(phone_of(i), length, campaigns_of=campaigns_of)]


def campaign_events(events: list[dict[str, Any]], campaign: str = "C7DEALS") -> list[dict[str, Any]]:
    return [e for e in events if campaign in e["campaigns"]]


def daily_bundle(events: list[dict[str, Any]], texts: dict[str, str] | None = None, **options: Any) -> bytes:
    out = io.BytesIO()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT)
    write_bundle(campaign_events(events), out, info, (TEXTS if texts is None else texts).get, **options)
    return out.getvalue()


def number_bundle(events: list[dict[str, Any]], phone: str | None = None) -> bytes:
    out = io.BytesIO()
    info = number_bundle_info("acme", phone or events[0]["phone"], GENERATED_AT)
    write_bundle(events, out, info, TEXTS.get)
    return out.getvalue()


def rewrite_member(bundle: bytes, name: str, change: Any) -> bytes:
    """The bundle with one member's bytes replaced by ``change(bytes)``, the other members untouched."""
    src, out = zipfile.ZipFile(io.BytesIO(bundle)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == name else data)
    return out.getvalue()


def flip_middle_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def with_files_rehashed(bundle: bytes) -> bytes:
    """What a forger does after editing members: recompute the manifest's file list so the file hashes agree."""
    src = zipfile.ZipFile(io.BytesIO(bundle))
    manifest = json.loads(src.read("manifest.json"))
    for entry in manifest["files"]:
        data = src.read(entry["name"])
        entry["bytes"], entry["sha256"] = len(data), sha256_hex(data)
    return rewrite_member(bundle, "manifest.json", lambda _: json.dumps(manifest).encode())


# ------------------------------------------------------------------------------------------------------ happy paths


def test_daily_bundle_with_gaps_in_chains_verifies_and_lists_every_member():
    # Given a day where each phone's C7DEALS events skip seq 4 (another campaign)
    events = all_day_events()
    # When the C7DEALS daily bundle is written and verified
    bundle = daily_bundle(events)
    result = verify_bundle(io.BytesIO(bundle))
    # Then every check holds and the manifest describes every other member, last in the zip
    assert result.ok, result.problems
    assert result.kind == "daily" and result.event_count == 4 * 6
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert names[-1] == "manifest.json"
    assert names[:2] == ["events.jsonl", "consents.csv"]
    assert f"disclosures/{DISCLOSURE_SHA}.txt" in names and "report.html" in names and "VERIFY.md" in names
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(bundle)).read("manifest.json"))
    assert sorted(f["name"] for f in manifest["files"]) == sorted(n for n in names if n != "manifest.json")
    assert manifest["chain"]["verified"] is True and manifest["event_count"] == 24
    assert manifest["chain"]["heads"][0] == {"phone": phone_of(0), "seq": 7, "hash": events[6]["hash"]}
    assert manifest["campaign"] == "C7DEALS" and "phone" not in manifest
    assert manifest["generator"].startswith("optledger ")


def test_number_bundle_verifies_the_whole_chain_from_genesis():
    events = chain_events(phone_of(3), 10, campaigns_of=campaigns_of)
    result = verify_bundle(io.BytesIO(number_bundle(events)))
    assert result.ok, result.problems
    assert result.event_count == 10
    assert any("complete chains from seq 1" in check for check in result.checks)


def test_number_bundle_missing_seq_1_is_recorded_as_unverified_and_fails_verification():
    events = chain_events(phone_of(3), 5)[1:]
    out = io.BytesIO()
    summary = write_bundle(events, out, number_bundle_info("acme", phone_of(3), GENERATED_AT), TEXTS.get)
    assert summary.verified is False and summary.problem["seq"] == 2
    result = verify_bundle(io.BytesIO(out.getvalue()))
    assert not result.ok and result.first_bad_event == events[0]["event_id"]


def test_bundle_streams_into_a_write_only_sink_and_is_byte_identical_on_rerun():
    class WriteOnly:
        def __init__(self) -> None:
            self.chunks: list[bytes] = []

        def write(self, data: bytes) -> int:
            self.chunks.append(bytes(data))
            return len(data)

    # Given the same events and metadata, written twice from fresh generators, once into a sink with no seek/tell
    sink = WriteOnly()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT)
    write_bundle(iter(campaign_events(all_day_events())), sink, info, TEXTS.get)
    first = b"".join(sink.chunks)
    second = daily_bundle(all_day_events())
    # Then both are the same bytes, and a valid bundle
    assert first == second
    assert verify_bundle(io.BytesIO(first)).ok
    # And every member carries the timestamp of generated_at
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2026, 11, 28, 0, 5, 0)}


def test_an_event_with_a_broken_link_is_written_but_marked_and_named():
    events = chain_events(phone_of(1), 4)
    seal(events[2], GENESIS_HASH)  # seq 3 now links to genesis: its own hash is right, the link is not
    out = io.BytesIO()
    summary = write_bundle(events, out, number_bundle_info("acme", phone_of(1), GENERATED_AT), TEXTS.get)
    assert summary.verified is False and summary.problem["event_id"] == events[2]["event_id"]
    result = verify_bundle(io.BytesIO(out.getvalue()))
    assert not result.ok and result.first_bad_event == events[2]["event_id"] and result.first_bad_line == 3


def test_writer_refuses_events_out_of_chain_order_or_out_of_scope():
    events = campaign_events(all_day_events(2, 3))
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT)
    writer = BundleWriter(io.BytesIO(), info, TEXTS.get)
    writer.add(events[1])
    with pytest.raises(ValueError, match="order"):
        writer.add(events[0])
    other = chain_events(phone_of(7), 4, campaigns_of=lambda seq: ["C9OTHER"])
    with pytest.raises(ValueError, match="campaign"):
        writer.add(other[3])
    writer.abort()


def test_missing_or_corrupt_disclosure_text_is_listed_not_invented():
    # Given a disclosure store that lost one text and returns the wrong text for another
    events = all_day_events(2, 3)
    other = chain_events(phone_of(5), 1, disclosure_sha=sha256_hex("another text"))
    texts = {sha256_hex("another text"): "tampered text"}
    out = io.BytesIO()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT)
    summary = write_bundle(campaign_events(events) + other, out, info, texts.get)
    # Then neither is in the zip, both are listed as missing, and the bundle still verifies
    assert summary.disclosures_missing == sorted([DISCLOSURE_SHA, sha256_hex("another text")])
    assert not [n for n in zipfile.ZipFile(io.BytesIO(out.getvalue())).namelist() if n.startswith("disclosures/")]
    assert verify_bundle(io.BytesIO(out.getvalue())).ok


# ------------------------------------------------------------------------------------------------------- tampering


@pytest.mark.parametrize(
    "member", ["events.jsonl", "consents.csv", f"disclosures/{DISCLOSURE_SHA}.txt", "report.html", "VERIFY.md"]
)
def test_a_flipped_byte_in_any_member_fails_naming_that_member(member):
    bundle = rewrite_member(daily_bundle(all_day_events()), member, flip_middle_byte)
    result = verify_bundle(io.BytesIO(bundle))
    assert not result.ok
    assert result.first_bad_file == member


def test_a_flipped_byte_in_the_manifest_fails():
    bundle = daily_bundle(all_day_events())
    manifest = zipfile.ZipFile(io.BytesIO(bundle)).read("manifest.json")
    for position in range(0, len(manifest), max(1, len(manifest) // 40)):
        changed = manifest[:position] + bytes([manifest[position] ^ 0x04]) + manifest[position + 1 :]
        result = verify_bundle(io.BytesIO(rewrite_member(bundle, "manifest.json", lambda _, c=changed: c)))
        assert not result.ok, f"byte {position} of manifest.json flipped and still verified"


def test_a_flipped_byte_in_the_compressed_zip_data_fails_naming_the_member():
    bundle = daily_bundle(all_day_events())
    info = zipfile.ZipFile(io.BytesIO(bundle)).getinfo("events.jsonl")
    header = info.header_offset
    name_len, extra_len = (
        int.from_bytes(bundle[header + 26 : header + 28], "little"),
        int.from_bytes(bundle[header + 28 : header + 30], "little"),
    )
    start = header + 30 + name_len + extra_len
    for position in (start + 10, start + info.compress_size // 2, start + info.compress_size - 3):
        broken = bundle[:position] + bytes([bundle[position] ^ 0x10]) + bundle[position + 1 :]
        result = verify_bundle(io.BytesIO(broken))
        assert not result.ok and result.first_bad_file == "events.jsonl"


def test_an_edited_event_is_named_even_when_the_forger_fixes_the_file_hashes():
    # Given a bundle whose third event was edited (opt_out turned into opt_in) and whose manifest was updated
    events = campaign_events(all_day_events())
    lines = [json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for e in events]
    edited = dict(events[2], type="opt_in")
    lines[2] = json.dumps(edited, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    bundle = rewrite_member(
        daily_bundle(all_day_events()), "events.jsonl", lambda _: ("\n".join(lines) + "\n").encode()
    )
    result = verify_bundle(io.BytesIO(with_files_rehashed(bundle)))
    # Then the event is named, with its line, and the CSV no longer matches the events either
    assert not result.ok
    assert result.first_bad_event == events[2]["event_id"] and result.first_bad_line == 3
    assert any("hash does not match" in p for p in result.problems)
    assert any(p.startswith("consents.csv") for p in result.problems)


def test_a_dropped_event_in_a_complete_chain_is_named():
    events = chain_events(phone_of(2), 6)
    lines = io.BytesIO(zipfile.ZipFile(io.BytesIO(number_bundle(events))).read("events.jsonl")).readlines()
    del lines[3]
    bundle = rewrite_member(number_bundle(events), "events.jsonl", lambda _: b"".join(lines))
    result = verify_bundle(io.BytesIO(with_files_rehashed(bundle)))
    assert not result.ok and result.first_bad_event == events[4]["event_id"]


# ---------------------------------------------------------------------------------------------------------- anchors


def test_a_resealed_forgery_passes_on_its_own_but_fails_against_the_anchor():
    # Given the day's anchor, written before anyone touched the table
    events = all_day_events()
    anchor = build_anchor("acme", "2026-11-27", events)
    assert verify_bundle(io.BytesIO(daily_bundle(events)), anchor).ok
    # When a forger turns phone 1's opt-out (seq 2) into an opt-in and re-hashes the whole chain
    forged = [dict(e) for e in events]
    chain = [e for e in forged if e["phone"] == phone_of(1)]
    chain[1]["type"] = "opt_in"
    reseal(chain)
    bundle = daily_bundle(forged)
    # Then the bundle is internally consistent, yet the anchor check fails
    assert verify_bundle(io.BytesIO(bundle)).ok
    result = verify_bundle(io.BytesIO(bundle), anchor)
    assert not result.ok
    assert any("anchored Merkle root" in p for p in result.problems)
    assert result.first_bad_event == chain[-1]["event_id"]  # the last event of the day meets the anchored head


def test_a_dropped_event_fails_the_daily_anchor_check():
    events = all_day_events()
    anchor = build_anchor("acme", "2026-11-27", events)
    fewer = [e for e in events if not (e["phone"] == phone_of(2) and e["seq"] == 3)]
    result = verify_bundle(io.BytesIO(daily_bundle(fewer)), anchor)
    assert not result.ok and any("anchored Merkle root" in p for p in result.problems)


def test_a_number_bundle_is_checked_against_the_anchored_chain_head():
    events = chain_events(phone_of(0), 6)
    anchor = build_anchor("acme", "2026-11-27", events)
    assert verify_bundle(io.BytesIO(number_bundle(events)), anchor).ok
    # A re-hashed forgery differs at the anchored head...
    forged = reseal([dict(e, type="opt_in") if e["seq"] == 2 else dict(e) for e in events])
    result = verify_bundle(io.BytesIO(number_bundle(forged)), anchor)
    assert not result.ok and result.first_bad_event == forged[-1]["event_id"]
    # ...and a bundle cut short of the anchored head fails too
    result = verify_bundle(io.BytesIO(number_bundle(events[:4])), anchor)
    assert not result.ok and any("ends before the anchored chain head" in p for p in result.problems)


def test_the_anchor_of_another_day_or_brand_is_refused():
    events = all_day_events()
    bundle = io.BytesIO(daily_bundle(events))
    assert not verify_bundle(bundle, build_anchor("acme", "2026-11-26", events)).ok
    other = [dict(e, brand="globex") for e in events]
    assert not verify_bundle(bundle, build_anchor("globex", "2026-11-27", other, chain_heads={})).ok


# ------------------------------------------------------------------------------------------------------ CSV and HTML


def test_csv_cells_that_could_run_as_formulas_are_quoted_and_phones_stay_readable():
    events = chain_events(phone_of(4), 1)
    events[0]["source"] = {"ip": "@1.2.3.4", "user_agent": "=cmd|' /C calc'!A0", "page_url": "-1+2", "provider": "\tx"}
    events[0]["event_id"] = "+SUM(A1)"
    events[0]["tier"] = "\r=1"
    reseal(events)
    rows = list(
        csv.reader(io.StringIO(zipfile.ZipFile(io.BytesIO(number_bundle(events))).read("consents.csv").decode()))
    )
    header, row = rows
    assert tuple(header) == CSV_COLUMNS and header[:7] == [
        "timestamp",
        "medium",
        "disclosure_sha256",
        "campaign",
        "ip",
        "phone",
        "identity",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["phone"] == "'" + phone_of(4)
    assert cells["ip"] == "'@1.2.3.4"
    assert cells["user_agent"] == "'=cmd|' /C calc'!A0"
    assert cells["page_url"] == "'-1+2"
    assert cells["provider"] == "'\tx"
    assert cells["event_id"] == "'+SUM(A1)"
    assert cells["tier"] == "'\r=1"
    assert cells["identity"] == "subject: Jane Doe / session_id: s-1"
    assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row)
    assert csv_cell("plain") == "plain" and csv_cell(None) == ""


def test_report_escapes_every_value_and_makes_no_external_request():
    # Given a brand, campaign, subject and disclosure crafted to inject markup
    evil = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    text = f"Reply STOP to cancel. {evil}"
    events = chain_events(phone_of(1), 3, brand=evil, campaigns_of=lambda s: [evil], disclosure_sha=sha256_hex(text))
    out = io.BytesIO()
    info = daily_bundle_info(evil, evil, "2026-11-27", GENERATED_AT)
    write_bundle(events, out, info, {sha256_hex(text): text}.get)
    html = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("report.html").decode()
    # Then no injected tag survives, the texts appear escaped, and nothing is fetched from elsewhere
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Reply STOP to cancel." in html
    assert not re.search(r"<[a-z]+[^>]*\ssrc\s*=", html, re.IGNORECASE)
    # The only links are to the bundle's own disclosure files and to the report's own sections
    links = re.findall(r"\shref\s*=\s*\"([^\"]*)\"", html, re.IGNORECASE)
    assert links and all(re.fullmatch(r"(#disclosure-|disclosures/)[0-9a-f]{64}(\.txt)?", link) for link in links)
    assert len(links) == len(re.findall(r"\shref\s*=", html, re.IGNORECASE))
    assert "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html


def test_report_shows_a_bounded_number_table_and_says_so():
    events = campaign_events(all_day_events(5, 3))
    out = io.BytesIO()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT)
    write_bundle(events, out, info, TEXTS.get, max_report_numbers=2)
    html = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("report.html").decode()
    assert "Showing the first 2 of 5 numbers" in html
    numbers = html.split("<h2>Numbers</h2>", 1)[1].split("<h2>", 1)[0]
    assert phone_of(1) in numbers and phone_of(2) not in numbers
    assert "<svg" in html and "opt-ins" in html


# ------------------------------------------------------------------------------------- VERIFY.md and the CLI entry


def extract(bundle: bytes, folder: Path) -> Path:
    zipfile.ZipFile(io.BytesIO(bundle)).extractall(folder)
    return folder


def verify_script(folder: Path) -> Path:
    doc = (folder / "VERIFY.md").read_text("utf-8")
    script = doc.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(script.strip().splitlines()) <= 32
    path = folder.parent / f"{folder.name}-verify.py"
    path.write_text(script, "utf-8")
    return path


@pytest.mark.parametrize("kind", ["daily", "number"])
def test_the_script_in_verify_md_checks_a_bundle_without_optledger(tmp_path, kind):
    bundle = daily_bundle(all_day_events(3, 7)) if kind == "daily" else number_bundle(chain_events(phone_of(1), 7))
    folder = extract(bundle, tmp_path / "bundle")
    run = subprocess.run([sys.executable, "-I", verify_script(folder), folder], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("OK:")


def test_the_script_in_verify_md_stops_at_an_edited_event(tmp_path):
    events = chain_events(phone_of(1), 5)
    folder = extract(number_bundle(events), tmp_path / "bundle")
    lines = (folder / "events.jsonl").read_text("utf-8").split("\n")
    lines[3] = lines[3].replace('"type":"opt_in"', '"type":"opt_out"')
    (folder / "events.jsonl").write_text("\n".join(lines), "utf-8")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    data = (folder / "events.jsonl").read_bytes()
    manifest["files"][0].update(bytes=len(data), sha256=sha256_hex(data))
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    run = subprocess.run([sys.executable, "-I", verify_script(folder), folder], capture_output=True, text=True)
    assert run.returncode != 0
    assert f"line 4: event {events[3]['event_id']}: hash does not match" in run.stderr


def test_optledger_verify_exits_0_and_prints_what_was_checked(tmp_path, capsys):
    events = all_day_events()
    path = tmp_path / "C7DEALS.zip"
    path.write_bytes(daily_bundle(events))
    anchor = tmp_path / "anchor.json"
    anchor.write_text(json.dumps(build_anchor("acme", "2026-11-27", events)))
    assert verify_cli([str(path), "--anchor", str(anchor)]) == 0
    out = capsys.readouterr().out
    assert "checked: 5 file hashes" in out and "campaign Merkle root and count match" in out and "OK:" in out


def test_optledger_verify_exits_1_naming_the_first_bad_event_without_the_phone(tmp_path, capsys):
    events = campaign_events(all_day_events())
    lines = [json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for e in events]
    lines[5] = json.dumps(dict(events[5], channel="paper"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    bundle = rewrite_member(
        daily_bundle(all_day_events()), "events.jsonl", lambda _: ("\n".join(lines) + "\n").encode()
    )
    path = tmp_path / "bad.zip"
    path.write_bytes(bundle)
    assert verify_cli([str(path)]) == 1
    out = capsys.readouterr().out
    assert "FIRST BAD FILE: events.jsonl" in out
    assert f"FIRST BAD EVENT: {events[5]['event_id']} (events.jsonl line 6)" in out
    assert events[5]["phone"] not in out and "FAILED" in out


def test_optledger_verify_reports_a_file_that_is_not_a_zip(tmp_path, capsys):
    path = tmp_path / "not.zip"
    path.write_bytes(b"hello")
    assert verify_cli([str(path)]) == 1
    assert "not a readable zip" in capsys.readouterr().out


def test_a_member_removed_from_the_zip_is_named():
    bundle = daily_bundle(all_day_events())
    src, out = zipfile.ZipFile(io.BytesIO(bundle)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "consents.csv":
                dst.writestr(info.filename, src.read(info.filename))
    result = verify_bundle(io.BytesIO(out.getvalue()))
    assert not result.ok and result.first_bad_file == "consents.csv"


def test_the_disk_spool_hands_back_bounded_chunks_however_well_the_data_compresses():
    # Given a very repetitive CSV (it deflates a thousandfold) spooled to disk
    spool = Spool(None)
    row = b"2026-11-27T10:00:00.000Z,web_form,abc,C7DEALS,203.0.113.7,'+14155550100,subject: x\r\n"
    for _ in range(100_000):
        spool.write(row)
    # Then reading it back never materialises more than one chunk at a time, and loses nothing
    sizes = [len(chunk) for chunk in spool.chunks()]
    assert max(sizes) <= 1 << 16
    assert sum(sizes) == len(row) * 100_000


def part_bundle(events: list[dict[str, Any]]) -> bytes:
    out = io.BytesIO()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT, part=(1, 2))
    write_bundle(campaign_events(events), out, info, TEXTS.get)
    return out.getvalue()


def parts_anchor(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The anchor of a day in 2 parts whose part 1 holds ``events`` (part 0 is empty)."""
    from optledger.anchors import AnchorBuilder, build_parts_anchor

    parts = []
    for shard, chosen in ((0, []), (1, events)):
        builder = AnchorBuilder("acme", "2026-11-27")
        for event in chosen:
            builder.add(event)
        parts.append(builder.part(shard, 2, {"C7DEALS": None}))
    return build_parts_anchor("acme", "2026-11-27", parts)


def test_a_part_bundle_verifies_against_its_part_of_the_anchor_only():
    events = all_day_events(3, 7)
    bundle = part_bundle(events)
    assert verify_bundle(io.BytesIO(bundle), parts_anchor(events)).ok
    assert not verify_bundle(io.BytesIO(bundle), build_anchor("acme", "2026-11-27", events)).ok  # a whole-day anchor
    assert not verify_bundle(io.BytesIO(daily_bundle(events)), parts_anchor(events)).ok  # a whole-day bundle


@pytest.mark.parametrize("kind", ["daily", "number", "part"])
def test_the_anchor_snippet_in_verify_md_accepts_the_real_bundle_and_refuses_a_resealed_forgery(tmp_path, kind):
    events = chain_events(phone_of(1), 7) if kind == "number" else all_day_events(3, 7)
    anchor = parts_anchor(events) if kind == "part" else build_anchor("acme", "2026-11-27", events)
    (tmp_path / "anchor.json").write_text(json.dumps(anchor))
    forged = [dict(e) for e in events if e["phone"] == phone_of(1)]
    forged[2]["type"] = "opt_out"
    forged = [e for e in events if e["phone"] < phone_of(1)] + reseal(forged)
    forged += [e for e in events if e["phone"] > phone_of(1)]
    outcomes = []
    for name, chosen in (("real", events), ("forged", forged)):
        bundle = {"daily": daily_bundle, "number": number_bundle, "part": part_bundle}[kind](chosen)
        folder = extract(bundle, tmp_path / name / "bundle")
        snippet = (folder / "VERIFY.md").read_text("utf-8").split("```python\n")[2].split("```", 1)[0]
        (folder.parent / "anchor.json").write_text((tmp_path / "anchor.json").read_text())
        run = subprocess.run([sys.executable, "-I", "-c", snippet], cwd=folder.parent, capture_output=True, text=True)
        outcomes.append((run.returncode, run.stdout.strip()))
    assert outcomes[0] == (0, "anchor OK")
    assert outcomes[1][0] != 0


def test_an_extra_row_at_the_end_of_the_csv_is_named():
    bundle = rewrite_member(daily_bundle(all_day_events()), "consents.csv", lambda data: data + b"x,y\r\n")
    result = verify_bundle(io.BytesIO(with_files_rehashed(bundle)))
    assert not result.ok and result.first_bad_file == "consents.csv"
    assert any("line 26 is not the row derived" in p for p in result.problems)


def test_a_flipped_byte_in_the_compressed_csv_is_blamed_on_the_csv():
    bundle = daily_bundle(all_day_events())
    info = zipfile.ZipFile(io.BytesIO(bundle)).getinfo("consents.csv")
    start = (
        info.header_offset
        + 30
        + len(info.filename)
        + int.from_bytes(bundle[info.header_offset + 28 : info.header_offset + 30], "little")
    )
    position = start + info.compress_size // 2
    result = verify_bundle(io.BytesIO(bundle[:position] + bytes([bundle[position] ^ 0x10]) + bundle[position + 1 :]))
    assert not result.ok and result.first_bad_file == "consents.csv"
    assert not any(p.startswith("events.jsonl") for p in result.problems)

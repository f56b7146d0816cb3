"""report.html: every event with its proof, only shown disclosures called shown, back-dated events marked, bounded."""

from __future__ import annotations

import io
import zipfile

from optledger.bundles import daily_bundle_info, number_bundle_info, verify_bundle, write_bundle
from optledger.chain import GENESIS_HASH, seal, sha256_hex
from optledger.report import ReportAggregates, is_backdated
from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA, chain_events, day_events, phone_of

GENERATED_AT = "2026-11-28T00:05:00.000Z"
JUNK = "junk attached to an opt-out"


def sealed(events: list[dict]) -> list[dict]:
    prev = GENESIS_HASH
    for event in events:
        event.pop("hash", None)
        seal(event, prev)
        prev = event["hash"]
    return events


def report_of(events, info, texts) -> str:
    out = io.BytesIO()
    write_bundle(events, out, info, texts.get)
    return zipfile.ZipFile(io.BytesIO(out.getvalue())).read("report.html").decode()


def test_every_event_is_listed_with_its_ids_and_source():
    events = chain_events(phone_of(1), 6)
    html = report_of(events, number_bundle_info("acme", phone_of(1), GENERATED_AT), {DISCLOSURE_SHA: DISCLOSURE})
    listed = html.split("<h2>Every event (6)</h2>", 1)[1]
    for event in events:
        assert event["event_id"] in listed and event["hash"] in listed
    assert "203.0.113.7" in listed and "Mozilla/5.0" in listed and "https://acme.example/join" in listed
    assert "subject: Jane Doe / session_id: s-1" in listed
    assert f'href="disclosures/{DISCLOSURE_SHA}.txt"' in listed


def test_a_disclosure_on_an_opt_out_is_not_called_shown():
    events = chain_events(phone_of(1), 2)
    events[1]["evidence"] = {"disclosure_sha256": sha256_hex(JUNK), "agent_id": "a-1"}
    events = sealed(events)
    texts = {DISCLOSURE_SHA: DISCLOSURE, sha256_hex(JUNK): JUNK}
    html = report_of(events, number_bundle_info("acme", phone_of(1), GENERATED_AT), texts)
    shown = html.split("<h2>Disclosures shown to consumers</h2>", 1)[1].split("<h2>", 1)[0]
    assert DISCLOSURE.split(".")[0] in shown and JUNK not in shown
    assert JUNK in html.split("<h2>Other texts referenced by events</h2>", 1)[1]


def test_back_dated_events_are_counted_and_marked():
    assert is_backdated({"occurred_at": "2026-11-20T10:00:00.000Z", "recorded_at": "2026-11-27T10:00:00.000Z"})
    assert not is_backdated({"occurred_at": "2026-11-27T10:00:00.000Z", "recorded_at": "2026-11-27T10:00:02.000Z"})
    assert not is_backdated({"occurred_at": "garbage", "recorded_at": "2026-11-27T10:00:02.000Z"})
    events = chain_events(phone_of(1), 3)
    events[0]["occurred_at"] = "2026-11-20T10:00:00.000Z"
    html = report_of(
        sealed(events), number_bundle_info("acme", phone_of(1), GENERATED_AT), {DISCLOSURE_SHA: DISCLOSURE}
    )
    assert "back-dated</span><br>" in html and "2026-11-20 back-dated: 1" in html


def test_a_large_daily_bundle_lists_a_bounded_number_of_events_says_so_and_still_verifies(tmp_path):
    aggregates = ReportAggregates(max_events=50)
    for event in day_events(30, 4):
        aggregates.add(event)
    assert len(aggregates.events) == 50 and aggregates.event_count == 120

    events = [e for e in day_events(700, 3) if "C7DEALS" in e["campaigns"]]
    path = tmp_path / "day.zip"
    with path.open("wb") as out:
        write_bundle(events, out, daily_bundle_info("acme", "C7DEALS", "2026-11-27", GENERATED_AT), {}.get)
    html = zipfile.ZipFile(path).read("report.html").decode()
    assert f"Showing the first 2,000 of {len(events):,} events" in html
    assert verify_bundle(path).ok

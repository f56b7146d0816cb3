"""optledger import: exports from other systems become import events (embedded DynamoDB/S3, moto)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from optledger import consent, runtime
from optledger.errors import ValidationError
from optledger_tools import cli, imports

DEALS_DISCLOSURE = (
    "By checking this box, I agree to receive recurring automated marketing text messages (SMS) from Acme Deals at the "
    "number provided. Consent is not a condition of purchase. Up to 4 msgs/month. Msg & data rates may apply. Reply "
    "STOP to cancel, HELP for help. Terms: https://acme.example/terms Privacy: https://acme.example/privacy"
)
GENERIC = (
    "phone,type,occurred_at,campaign,brand,channel,subject,ip,user_agent,page_url,disclosure\n"
    f'+14155550101,opt_in,2024-03-01T12:00:00Z,C7DEALS,,web_form,ann@example.com,203.0.113.7,Mozilla/5.0,https://acme.example/join,"{DEALS_DISCLOSURE}"\n'
    "(415) 555-0102,opt_in,2024-03-02T12:00:00-05:00,C7DEALS,,,,,,,\n"
    "4155550103,opt_in,2024-03-03T12:00:00Z,C7CHAT,,,,,,,\n"
    "+14155550104,opt_out,2024-03-04T12:00:00Z,,acme,,,,,,\n"
    "+14155550105,opt_in,2024-03-05T12:00:00Z,C7ALERTS,,verbal,,,,,some words read on the phone\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path, **options) -> imports.Report:
    dry_run = options.pop("dry_run", False)
    return imports.import_file(
        path,
        imports.Options(**options),
        directory=runtime.campaigns().directory(),
        ledger=runtime.ledger(),
        store=runtime.store(),
        dry_run=dry_run,
        workers=4,
    )


def state(phone: str, campaign: str, brand: str = "acme") -> dict:
    head = runtime.store().get_head(brand, phone)
    return consent.effective(head.state if head else None, campaign)


def test_every_row_becomes_an_import_event_with_its_file_row_and_original_fields(env, tmp_path):
    path = write(tmp_path, "subscribers.csv", GENERIC)

    report = run(path)

    assert report.failed == [] and report.recorded == 5 and report.by_type == {"opt_in": 4, "opt_out": 1}
    [event] = env.events("acme", "+14155550101")
    assert event["channel"] == "import" and event["type"] == "opt_in"
    assert event["occurred_at"] == "2024-03-01T12:00:00.000Z"
    assert event["evidence"]["import"] == {
        "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "row": 1,
        "line": 2,
        "preset": "generic",
        "file": "subscribers.csv",
    }
    assert event["evidence"]["original"]["phone"] == "+14155550101"
    assert event["evidence"]["original"]["page_url"] == "https://acme.example/join"
    assert event["evidence"]["subject"] == "ann@example.com"
    assert event["source"]["ip"] == "203.0.113.7" and event["source"]["provider"] == "import"
    assert runtime.store().get_disclosure(event["evidence"]["disclosure_sha256"]) == DEALS_DISCLOSURE
    [second] = env.events("acme", "+14155550102")
    assert second["occurred_at"] == "2024-03-02T17:00:00.000Z"  # the row's own offset, stored in UTC


def test_an_opt_in_imports_at_most_the_tier_its_evidence_supports(env, tmp_path):
    run(write(tmp_path, "subscribers.csv", GENERIC))

    # Disclosure shown: express written (the promotional campaign's own tier).
    assert state("+14155550101", "C7DEALS")["tier"] == "express_written"
    # No disclosure: at most express, which does not allow the promotional campaign's messages.
    assert state("+14155550102", "C7DEALS")["tier"] == "express"
    # Never above the campaign's tier: a conversational campaign records implied.
    assert state("+14155550103", "C7CHAT")["tier"] == "implied"
    # A verbal opt-in gives express whatever was read.
    assert state("+14155550105", "C7ALERTS")["tier"] == "express"


def test_a_brand_row_is_a_brand_wide_opt_out(env, tmp_path):
    run(write(tmp_path, "subscribers.csv", GENERIC))

    [event] = env.events("acme", "+14155550104")
    assert event["scope"] == "brand" and event["campaigns"] == ["C7ALERTS", "C7CHAT", "C7DEALS"]
    assert {state("+14155550104", c)["status"] for c in ("C7ALERTS", "C7CHAT", "C7DEALS")} == {"opted_out"}


def test_the_same_file_twice_records_nothing_new(env, tmp_path):
    path = write(tmp_path, "subscribers.csv", GENERIC)
    run(path)
    before = env.ledger_items()

    again = run(path)

    assert again.recorded == 0 and again.already == 5
    assert env.ledger_items() == before


def test_the_delivery_key_holds_even_when_the_pre_check_misses(env, tmp_path, monkeypatch):
    path = write(tmp_path, "subscribers.csv", GENERIC)
    run(path)
    before = len(env.ledger_items())
    # Two imports of one file racing each other both pass the pre-check; the ledger's delivery record still wins.
    monkeypatch.setattr(type(runtime.store()), "delivered", lambda self, provider, ids: set())

    again = run(path)

    assert again.recorded == 0 and again.already == 5
    assert len(env.ledger_items()) == before


def test_failed_rows_are_reported_with_their_lines_and_write_nothing(env, tmp_path):
    text = (
        "phone,type,occurred_at,campaign\n"
        "+14155550111,opt_in,2024-03-01T12:00:00Z,C7ALERTS\n"
        "+1415555,opt_in,2024-03-01T12:00:00Z,C7ALERTS\n"
        "+14155550113,opt_in,2024-03-01T12:00:00Z,NOPE\n"
        "+14155550114,opt_in,1999-12-31T23:59:59Z,C7ALERTS\n"
        "+14155550115,opt_in,2999-01-01T00:00:00Z,C7ALERTS\n"
        "+14155550116,opt_in,2024-03-01 12:00:00,C7ALERTS\n"
        "+14155550117,maybe,2024-03-01T12:00:00Z,C7ALERTS\n"
        '+14155550118,opt_in,"not a\ndate",C7ALERTS\n'
        "+14155550119,opt_in,2024-03-01T12:00:00Z,C7ALERTS\n"
    )

    report = run(write(tmp_path, "mixed.csv", text))

    assert [(e.line, e.row) for e in report.failed] == [(3, 2), (4, 3), (5, 4), (6, 5), (7, 6), (8, 7), (9, 8)]
    reasons = [e.reason for e in report.failed]
    assert reasons[0] == "invalid phone number" and reasons[1] == "unknown campaign"
    assert "outside 2000-01-01" in reasons[2] and "outside 2000-01-01" in reasons[3]
    assert "no time zone" in reasons[4] and reasons[5] == "type must be opt_in or opt_out"
    assert "not a date" in reasons[6]
    assert not any("555" in reason for reason in reasons)  # never the number
    assert report.recorded == 2  # lines 2 and 11 (the quoted field spans lines 9-10)
    assert [e["evidence"]["import"]["line"] for e in env.events("acme", "+14155550119")] == [11]
    for phone in ("+14155550113", "+14155550114", "+14155550115", "+14155550116", "+14155550117"):
        assert env.events("acme", phone) == []


def test_a_naive_timestamp_takes_the_given_zone(env, tmp_path):
    text = "phone,type,occurred_at,campaign\n+14155550121,opt_in,03/01/2024 09:30,C7ALERTS\n"

    run(write(tmp_path, "naive.csv", text), timezone="America/New_York")

    [event] = env.events("acme", "+14155550121")
    assert event["occurred_at"] == "2024-03-01T14:30:00.000Z"


def test_an_unknown_time_zone_is_refused_before_any_row(env, tmp_path):
    text = "phone,type,occurred_at,campaign\n+14155550122,opt_in,03/01/2024 09:30,C7ALERTS\n"

    with pytest.raises(ValidationError, match="IANA"):
        run(write(tmp_path, "naive.csv", text), timezone="Mars/Olympus_Mons")


def test_dry_run_reports_and_writes_nothing(env, tmp_path):
    path = write(tmp_path, "subscribers.csv", GENERIC)
    before = env.ledger_items()

    report = run(path, dry_run=True)

    assert report.to_dict()["would_record"] == 5 and report.by_type == {"opt_in": 4, "opt_out": 1}
    assert env.ledger_items() == before
    run(path)
    assert run(path, dry_run=True).to_dict()["already_imported"] == 5


def test_a_column_map_reads_other_headers(env, tmp_path):
    text = "Mobile,Status,Date,Program\n+14155550131,OPT_OUT,1709294400,C7DEALS\n"

    report = run(
        write(tmp_path, "other.csv", text),
        mapping=imports.parse_mapping(["Mobile=phone", "Status=type", "Date=occurred_at", "Program=campaign"]),
    )

    assert report.recorded == 1
    [event] = env.events("acme", "+14155550131")
    assert event["type"] == "opt_out" and event["occurred_at"] == "2024-03-01T12:00:00.000Z"
    assert event["campaigns"] == ["C7DEALS"]


def test_a_file_without_the_needed_columns_is_refused_before_any_row(env, tmp_path):
    with pytest.raises(ValidationError, match="no column for phone"):
        run(write(tmp_path, "bad.csv", "Mobile,type,occurred_at,campaign\n+14155550141,opt_in,2024-03-01T12:00Z,X\n"))
    with pytest.raises(ValidationError, match="campaign or brand"):
        run(write(tmp_path, "bad.csv", "phone,type,occurred_at\n+14155550141,opt_in,2024-03-01T12:00:00Z\n"))
    with pytest.raises(ValidationError) as refused:
        run(write(tmp_path, "bad.csv", "+14155550142,opt_in,2024-03-01T12:00:00Z,C7ALERTS\n"))
    assert "5550142" not in refused.value.message and "<data, not a header?>" in refused.value.message
    assert env.ledger_items() == []


def test_aws_end_user_messaging_opt_out_list_json(env, tmp_path):
    document = {
        "OptOutListArn": "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/acme",
        "OptOutListName": "acme",
        "OptedOutNumbers": [
            {"OptedOutNumber": "+14155550151", "OptedOutTimestamp": 1709294400.5, "EndUserOptedOut": True},
            {
                "OptedOutNumber": "+14155550152",
                "OptedOutTimestamp": "2024-03-02T10:00:00+00:00",
                "EndUserOptedOut": False,
            },
        ],
    }
    path = write(tmp_path, "optouts.json", json.dumps(document))

    report = run(path, preset=imports.PRESETS["aws-eum"], brand="acme")

    assert report.recorded == 2 and report.by_type == {"opt_out": 2}
    [event] = env.events("acme", "+14155550151")
    assert event["scope"] == "brand" and event["occurred_at"] == "2024-03-01T12:00:00.500Z"
    assert event["evidence"]["original"]["EndUserOptedOut"] == "True"
    assert state("+14155550152", "C7ALERTS")["status"] == "opted_out"


def test_attentive_events_feed_keeps_consent_and_skips_the_funnel(env, tmp_path):
    text = (
        "type,timestamp,phone,email,join_source,subscription_type\n"
        "SUBSCRIPTION_OPT_IN_COMPLETED,2024-03-01T12:00:00Z,+14155550161,a@example.com,CODE,\n"
        "IMPRESSION,2024-03-01T12:00:00Z,,,,\n"
        "SUBSCRIPTION_OPTED_OUT,2024-03-05T12:00:00Z,+14155550162,,,MARKETING\n"
        "SUBSCRIPTION_OPTED_OUT,2024-03-05T12:00:00Z,,b@example.com,,MARKETING\n"
    )

    report = run(
        write(tmp_path, "acme_attentive_email_SMS_20240305.csv", text),
        preset=imports.PRESETS["attentive"],
        campaign="C7DEALS",
    )

    assert report.recorded == 2 and report.skipped == 2 and report.failed == []
    [joined] = env.events("acme", "+14155550161")
    assert joined["evidence"]["original_channel"] == "sms" and joined["tier"] == "express"
    assert state("+14155550162", "C7DEALS")["status"] == "opted_out"


def test_the_command_prints_a_report_and_fails_on_failed_rows(env, tmp_path, capsys):
    text = GENERIC + "+1415555,opt_in,2024-03-01T12:00:00Z,C7ALERTS,,,,,,,\n"
    path = write(tmp_path, "subscribers.csv", text)

    status = cli.main(["import", str(path), "--json"])

    out = capsys.readouterr()
    assert status == 1
    report = json.loads(out.out)
    assert report["recorded"] == 5 and report["failed"] == [{"line": 7, "row": 6, "reason": "invalid phone number"}]
    assert "importing [" in out.err
    assert cli.main(["import", str(path), "--dry-run", "--quiet"]) == 1
    assert "would record 0" in capsys.readouterr().out


def test_the_range_rule_uses_the_clock_it_is_given():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert imports.parse_when("2026-01-01T00:04:59Z", timezone=None, now=now)
    with pytest.raises(ValueError, match="outside"):
        imports.parse_when("2026-01-01T00:05:01Z", timezone=None, now=now)


def test_a_batch_cancelled_by_a_stale_head_is_appended_row_by_row(env, tmp_path, monkeypatch):
    first = "phone,type,occurred_at,campaign\n" + "".join(
        f"+1415555{n:04d},opt_in,2024-03-01T12:00:00Z,C7ALERTS\n" for n in range(200, 240)
    )
    run(write(tmp_path, "first.csv", first))
    # The heads read in bulk are stale (they claim new chains): the batch transaction is cancelled as a whole.
    monkeypatch.setattr(type(runtime.store()), "get_chain_heads", lambda self, chains: {})
    second = first.replace("opt_in,2024-03-01", "opt_out,2024-03-02")

    report = run(write(tmp_path, "second.csv", second))

    assert report.recorded == 40 and report.failed == []
    for n in range(200, 240):
        one, two = env.events("acme", f"+1415555{n:04d}")
        assert (one["seq"], two["seq"]) == (1, 2) and two["prev_hash"] == one["hash"]
        assert state(f"+1415555{n:04d}", "C7ALERTS")["status"] == "opted_out"


def test_rows_of_one_number_land_in_file_order_and_the_latest_occurred_at_decides(env, tmp_path):
    text = (
        "phone,type,occurred_at,campaign\n"
        "+14155550171,opt_in,2024-03-01T12:00:00Z,C7ALERTS\n"
        "+14155550171,opt_out,2024-03-03T12:00:00Z,C7ALERTS\n"
        "+14155550171,opt_in,2024-03-02T12:00:00Z,C7ALERTS\n"
    )

    run(write(tmp_path, "one.csv", text))

    events = env.events("acme", "+14155550171")
    assert [e["evidence"]["import"]["row"] for e in events] == [1, 2, 3]
    assert state("+14155550171", "C7ALERTS")["status"] == "opted_out"


def test_an_imported_number_has_an_evidence_bundle_that_verifies_with_its_disclosure(env, tmp_path):
    import zipfile

    from optledger.bundles import verify_bundle
    from optledger.evidence import number_bundle

    run(write(tmp_path, "subscribers.csv", GENERIC))

    created = number_bundle(
        "+14155550101",
        campaign=None,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
    )

    path = tmp_path / "number.zip"
    path.write_bytes(runtime.evidence().get_bytes(created["key"]))
    verdict = verify_bundle(path)
    assert verdict.ok and verdict.event_count == 1
    with zipfile.ZipFile(path) as bundle:
        [event] = [json.loads(line) for line in bundle.read("events.jsonl").decode().splitlines()]
        assert bundle.read(f"disclosures/{event['evidence']['disclosure_sha256']}.txt").decode() == DEALS_DISCLOSURE
        assert "import" in bundle.read("consents.csv").decode()

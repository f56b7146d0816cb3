"""The daily evidence run in parts, through the bundler function's steps against the embedded DynamoDB and S3:
plan -> one part per (brand, shard) -> the brand's anchor over the parts' roots; a day checked from its parts."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from optledger import evidence, runtime
from optledger.bundles import verify_day
from optledger.chain import canonical_json, event_hash
from optledger.evidence import PartsMissing
from optledger.store import day_key
from optledger_tools import dayrun
from tests.support.functions import function
from tests.support.ledger_events import append_sms, chain_events
from tests.support.verify_cli import verify_cli

DAY = "2026-11-27"
bundler = function("bundler")


def record(phone: str, kind: str, at: str, campaigns=("C7DEALS",)) -> dict:
    return append_sms(phone, kind, at, campaigns)


@pytest.fixture
def day_of_events(env, monkeypatch):
    """20 numbers (so most of the 16 shards hold some), 3 campaigns, recorded on DAY; planned a part per shard (a
    day this small is one part by default)."""
    monkeypatch.setattr(evidence, "PART_EVENTS", 16)
    monkeypatch.setattr(runtime.ledger(), "clock", lambda: datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    for n in range(20):
        phone = f"+1415555{n:04d}"
        record(phone, "opt_in", f"{DAY}T10:00:{n:02d}.000Z", campaigns=("C7DEALS", "C7ALERTS"))
        record(phone, "message", f"{DAY}T11:00:{n:02d}.000Z", campaigns=("C7CHAT",))
        if n % 2:
            record(phone, "opt_out", f"{DAY}T12:00:{n:02d}.000Z", campaigns=("C7DEALS",))
    return env


def day_objects(env) -> dict[str, bytes]:
    listed = env.s3.list_objects_v2(Bucket=env.bucket, Prefix=f"bundles/daily/acme/{DAY}/").get("Contents", [])
    keys = [o["Key"] for o in listed] + [f"anchors/acme/{DAY}.json"]
    return {key: env.s3.get_object(Bucket=env.bucket, Key=key)["Body"].read() for key in keys}


def run_state_machine_steps(lambda_context, **given) -> dict:
    """What the state machine does, step by step, through the handler: plan, every part item, every brand."""
    planned = bundler.lambda_handler({"step": "plan", "input": {"date": DAY, **given}}, lambda_context)
    # The plan's files, read as the Map states' ItemReader reads them.
    for item in runtime.evidence().get_json(planned["parts_key"]):
        bundler.lambda_handler({"step": "part", **item}, lambda_context)
    for brand in runtime.evidence().get_json(planned["brands_key"]):
        bundler.lambda_handler({"step": "finish", **brand}, lambda_context)
    return planned


def download_day(env, folder: Path) -> dict:
    for key, body in day_objects(env).items():
        path = folder / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    return json.loads((folder / f"anchors/acme/{DAY}.json").read_bytes())


def test_plan_parts_and_anchor_through_the_handlers_and_the_day_verifies(day_of_events, lambda_context, tmp_path):
    planned = run_state_machine_steps(lambda_context, brands=["acme"])

    items = runtime.evidence().get_json(planned["parts_key"])
    assert len(items) == 16 and {i["shard"] for i in items} == set(range(16))
    anchor = download_day(day_of_events, tmp_path)
    assert anchor["anchor_version"] == 2 and anchor["shards"] == 16
    assert anchor["merkle"]["count"] == 50  # 20 opt-ins, 20 messages, 10 opt-outs
    assert sum(1 for p in anchor["parts"] if p["merkle"]["count"]) > 8  # the numbers are spread over the shards
    assert anchor["campaigns"]["C7DEALS"]["count"] == 30 and len(anchor["heads"]) == 20
    result = verify_day(tmp_path / "bundles", anchor)
    assert result.ok, result.problems
    assert result.event_count == 70  # C7DEALS 30 + C7ALERTS 20 + C7CHAT 20: an event is in each of its campaigns
    assert verify_cli([str(tmp_path / "bundles"), "--anchor", str(tmp_path / f"anchors/acme/{DAY}.json")]) == 0


def test_re_running_a_day_writes_the_same_bytes(day_of_events, lambda_context):
    run_state_machine_steps(lambda_context, brands=["acme"])
    first = day_objects(day_of_events)
    run_state_machine_steps(lambda_context, brands=["acme"])
    assert day_objects(day_of_events) == first


def test_the_anchor_waits_for_every_part(day_of_events, lambda_context):
    planned = bundler.lambda_handler({"step": "plan", "input": {"date": DAY, "brands": ["acme"]}}, lambda_context)
    for item in runtime.evidence().get_json(planned["parts_key"])[:-1]:  # the last part never ran
        bundler.lambda_handler({"step": "part", **item}, lambda_context)
    with pytest.raises(PartsMissing) as missing:
        bundler.lambda_handler({"step": "finish", "brand": "acme", "day": DAY, "shards": 16}, lambda_context)
    assert missing.value.missing == [15]
    assert runtime.evidence().get_json(f"anchors/acme/{DAY}.json") is None


def test_a_failed_part_is_retried_alone(day_of_events, monkeypatch):
    monkeypatch.setattr(dayrun, "BACKOFF_SECONDS", 0)
    calls: Counter[int] = Counter()

    def flaky(item):
        calls[item["shard"]] += 1
        if item["shard"] == 5 and calls[5] == 1:
            raise RuntimeError("injected")
        return dayrun._compile_item(item)

    run = dayrun.run_day(DAY, brands=["acme"], compile_item=flaky)
    assert run.ok and set(run.anchors) == {"acme"}
    assert calls[5] == 2 and all(calls[s] == 1 for s in range(16) if s != 5)


def test_a_part_that_keeps_failing_leaves_the_brand_without_an_anchor(day_of_events, monkeypatch):
    monkeypatch.setattr(dayrun, "BACKOFF_SECONDS", 0)

    def broken(item):
        if item["shard"] == 3:
            raise RuntimeError("injected")
        return dayrun._compile_item(item)

    run = dayrun.run_day(DAY, brands=["acme"], compile_item=broken)
    assert not run.ok and list(run.failed) == [("acme", 3)]
    assert "acme" not in run.anchors and runtime.evidence().get_json(f"anchors/acme/{DAY}.json") is None


def test_a_brand_with_no_events_gets_an_anchor_and_an_empty_bundle_per_campaign(env, lambda_context, tmp_path):
    run_state_machine_steps(lambda_context, brands=["acme"])
    anchor = download_day(env, tmp_path)
    assert anchor["merkle"]["count"] == 0 and anchor["heads"] == {}
    campaigns = {c.id for c in runtime.campaigns().directory().of_brand("acme")}
    zips = sorted(p.relative_to(tmp_path / f"bundles/daily/acme/{DAY}") for p in tmp_path.rglob("*.zip"))
    assert [str(z) for z in zips] == [f"{c}/part-00-of-01.zip" for c in sorted(campaigns)]  # a small day: one part
    assert verify_day(tmp_path / "bundles", anchor).ok


def test_a_day_written_before_sharding_is_read_as_one_merged_part(env, lambda_context, tmp_path):
    # Items as the unsharded writer stored them (gsi1pk without a shard), plus one number under the sharded key.
    for index, phone in enumerate(("+14155550100", "+14155550101", "+14155550102")):
        for event in chain_events(phone, 4, day=DAY):
            key = day_key("acme", DAY, None) if index < 2 else runtime.store().day_index_key(event)
            env.dynamodb.put_item(
                TableName=env.table,
                Item={
                    "pk": {"S": f"PHONE#acme#{phone}"},
                    "sk": {"S": f"EVENT#{event['seq']:010d}"},
                    "event": {"S": canonical_json(event)},
                    "event_id": {"S": event["event_id"]},
                    "gsi1pk": {"S": key},
                    "gsi1sk": {"S": f"{phone}#{event['seq']:010d}"},
                },
            )
    planned = run_state_machine_steps(lambda_context, brands=["acme"])
    assert runtime.evidence().get_json(planned["parts_key"]) == [
        {"brand": "acme", "day": DAY, "shard": 0, "shards": 1, "merged": True}
    ]
    anchor = download_day(env, tmp_path)
    assert anchor["shards"] == 1 and anchor["merkle"]["count"] == 12
    assert verify_day(tmp_path / "bundles", anchor).ok


def test_an_edited_event_or_a_dropped_part_fails_the_day(day_of_events, lambda_context, tmp_path):
    run_state_machine_steps(lambda_context, brands=["acme"])
    anchor = download_day(day_of_events, tmp_path)
    # Someone with table access rewrites an opt-out, re-hashes it, and the day is compiled again.
    key = {"pk": {"S": "PHONE#acme#+14155550001"}, "sk": {"S": "EVENT#0000000003"}}
    item = day_of_events.dynamodb.get_item(TableName=day_of_events.table, Key=key)["Item"]
    event = json.loads(item["event"]["S"])
    event["type"] = "opt_in"
    event["hash"] = event_hash(event)
    item["event"] = {"S": canonical_json(event)}
    day_of_events.dynamodb.put_item(TableName=day_of_events.table, Item=item)
    run_state_machine_steps(lambda_context, brands=["acme"])
    edited = tmp_path / "edited"
    download_day(day_of_events, edited)
    assert not verify_day(edited / "bundles", anchor).ok  # against the anchor written before the edit

    parts = sorted((tmp_path / "bundles").rglob("*.zip"))
    biggest = max(parts, key=lambda p: p.stat().st_size)
    biggest.unlink()
    verdict = verify_day(tmp_path / "bundles", anchor)
    assert not verdict.ok and any("missing" in p for p in verdict.problems)


def test_a_small_day_is_one_part_reading_every_shard(env, lambda_context, tmp_path, monkeypatch):
    monkeypatch.setattr(runtime.ledger(), "clock", lambda: datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    for n in range(20):
        record(f"+1415555{n:04d}", "opt_in", f"{DAY}T10:00:{n:02d}.000Z")
    planned = run_state_machine_steps(lambda_context, brands=["acme"])
    assert runtime.evidence().get_json(planned["parts_key"]) == [
        {"brand": "acme", "day": DAY, "shard": 0, "shards": 1, "merged": True}
    ]
    anchor = download_day(env, tmp_path)
    assert anchor["merkle"]["count"] == 20 and verify_day(tmp_path / "bundles", anchor).ok


def test_the_whole_day_in_one_invocation_writes_the_same_parts(day_of_events, lambda_context):
    result = bundler.lambda_handler({"time": "2026-11-28T02:00:00Z"}, lambda_context)
    assert result["day"] == DAY and result["brands"]["acme"]["events"] == 50
    first = day_objects(day_of_events)
    dayrun.run_day(DAY, brands=["acme"], workers=2)  # worker processes, spawned
    assert day_objects(day_of_events) == first


def test_optledger_bundle_runs_the_plan_with_a_progress_bar(day_of_events, capsys):
    from optledger_tools.cli import main

    assert main(["bundle", "--date", DAY, "--brand", "acme", "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert "16/16 parts" in err and "50 events" in err  # the bar, redrawn in place
    assert f"acme {DAY}: 50 events, anchor s3://{day_of_events.bucket}/anchors/acme/{DAY}.json" in out
    assert "C7DEALS.part-" in out and "(verified)" in out and "FAILED" not in out

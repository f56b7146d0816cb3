"""A STOP storm after a big send: 10,000 distinct numbers of one brand opt out within minutes. The day index must
spread their writes so that no partition key takes more than 1.5/N of them (N = OPTLEDGER_DAY_SHARDS)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from optledger import runtime
from optledger.ledger import Draft
from optledger.store import DEFAULT_DAY_SHARDS, day_key, day_shard
from tests.support import summary

NUMBERS = 10_000
SAMPLE = 200  # of them through the production append path against the embedded DynamoDB
DAY = "2026-11-27"


def stop(phone: str, second: int) -> Draft:
    return Draft(
        brand="acme",
        phone=phone,
        type="opt_out",
        campaigns=("C7DEALS",),
        channel="sms",
        occurred_at=f"{DAY}T15:{second // 60 % 60:02d}:{second % 60:02d}.000Z",
        source={"provider": "twilio", "provider_message_id": f"SM{phone[1:]}"},
        evidence={"matched": "STOP", "detected_by": "keyword"},
    )


def numbers() -> list[str]:
    # Consecutive numbers, as a sequential send list hands them out: the worst case for a careless hash.
    return [f"+1415{n:07d}" for n in range(NUMBERS)]


def test_a_stop_storm_spreads_over_the_day_shards(env, monkeypatch):
    store = runtime.store()
    assert store.day_shards == DEFAULT_DAY_SHARDS == 16
    monkeypatch.setattr(runtime.ledger(), "clock", lambda: datetime(2026, 11, 27, 15, 4, tzinfo=UTC))

    # The production append path for a sample: every event write goes to the key the key function names.
    written: list[tuple[str, str]] = []
    real = store.dynamodb.transact_write_items

    def recording(**request):
        for item in request["TransactItems"]:
            put = item.get("Put", {}).get("Item", {})
            if "gsi1pk" in put:
                written.append((put["gsi1sk"]["S"].split("#")[0], put["gsi1pk"]["S"]))
        return real(**request)

    monkeypatch.setattr(store.dynamodb, "transact_write_items", recording)
    sample = numbers()[:: NUMBERS // SAMPLE]
    for second, phone in enumerate(sample):
        event = runtime.ledger().append(stop(phone, second)).event
        assert written[-1] == (phone, store.day_index_key(event))
    assert len(written) == len(sample)

    # Every number of the storm: the key the production key function gives its STOP.
    writes = Counter(
        store.day_index_key({"brand": "acme", "phone": phone, "recorded_at": f"{DAY}T15:04:00.000Z"})
        for phone in numbers()
    )
    assert set(writes) == {day_key("acme", DAY, shard) for shard in range(16)}
    hottest = max(writes.values())
    share = hottest / NUMBERS
    assert share <= 1.5 / 16, writes
    summary.LINES.append(
        f"day index STOP storm: {NUMBERS:,} numbers over 16 shards, hottest key {hottest:,} writes"
        f" ({share:.2%}, limit 1.5/16 = {1.5 / 16:.2%}; unsharded it would be 100%)"
    )


def test_the_shard_is_a_stable_function_of_the_number():
    # Fixed values (SHA-256 of the number, not Python's per-process hash): changing them would scatter the days
    # already written away from the shards the reader plans.
    assert [day_shard(f"+1415555{n:04d}", 16) for n in range(8)] == [7, 8, 12, 0, 1, 13, 14, 3]
    assert day_shard("+14155550100", 4) == 2

"""Anchors only for finished days and real brands; campaign changes reach a running server per its cache setting."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from optledger import config, runtime
from optledger.campaigns import CampaignCache
from optledger.errors import NotFound, ValidationError
from optledger.evidence import check_finished_day, compile_day
from optledger.models import Campaign
from optledger.store import Store
from tests.support.functions import function
from tests.support.serve import ROOT

bundler = function("bundler")


def written(env) -> list[str]:
    return [o["Key"] for o in env.s3.list_objects_v2(Bucket=env.bucket).get("Contents", []) if "/" in o["Key"]]


def only_disclosures(keys: list[str]) -> list[str]:
    return [k for k in keys if not k.startswith("disclosures/")]


def test_the_scheduled_run_refuses_a_day_that_has_not_ended_and_writes_nothing(env, lambda_context):
    today = datetime.now(UTC).date().isoformat()
    with pytest.raises(ValidationError, match="has not ended"):
        bundler.lambda_handler({"date": today}, lambda_context)
    assert only_disclosures(written(env)) == []


@pytest.mark.parametrize("days", [0, 1, 400])
def test_today_and_future_days_are_refused(days):
    day = (datetime.now(UTC).date() + timedelta(days=days)).isoformat()
    with pytest.raises(ValidationError) as refused:
        check_finished_day(day)
    assert refused.value.fields == {"date": "not finished"}


@pytest.mark.parametrize("day", ["0026-11-28", "1999-12-31", "0001-01-01"])
def test_a_day_before_2000_is_refused_and_the_scheduled_run_writes_nothing(env, lambda_context, day):
    # A year typed as 0026 would otherwise leave an immutable anchor of an impossible day in the Object Lock bucket.
    with pytest.raises(ValidationError) as refused:
        bundler.lambda_handler({"date": day}, lambda_context)
    assert refused.value.fields == {"date": "out of range"}
    assert only_disclosures(written(env)) == []


def test_the_first_day_of_2000_can_be_bundled():
    assert check_finished_day("2000-01-01") == "2000-01-01"


def test_a_day_is_finished_at_midnight_utc():
    midnight = datetime(2026, 11, 28, tzinfo=UTC)
    assert check_finished_day("2026-11-27", midnight) == "2026-11-27"
    with pytest.raises(ValidationError):
        check_finished_day("2026-11-27", midnight - timedelta(milliseconds=1))


def test_a_brand_without_a_campaign_is_refused_and_nothing_is_written(env):
    with pytest.raises(NotFound, match="no campaign of brand acmee"):
        compile_day(
            "2026-11-27",
            store=runtime.store(),
            evidence=runtime.evidence(),
            directory=runtime.campaigns().directory(),
            brands=["acmee"],
        )
    assert only_disclosures(written(env)) == []


def another_process_stores(env, campaign_id: str) -> None:
    """What `optledger campaigns load` does from another process: its own cache, the same table."""
    document = dict(json.loads((ROOT / "events" / "campaigns.demo.json").read_text())[0], id=campaign_id)
    document["senders"] = ["+18885550177"]
    CampaignCache(Store(env.table, env.bucket)).put(Campaign.from_dict(document))


def test_with_a_zero_cache_a_campaign_stored_elsewhere_is_seen_at_once(env, monkeypatch):
    monkeypatch.setenv("OPTLEDGER_CAMPAIGN_CACHE_SECONDS", "0")
    runtime.reset()
    assert "C7ELSEWHERE" not in runtime.campaigns().directory().by_id
    another_process_stores(env, "C7ELSEWHERE")
    assert "C7ELSEWHERE" in runtime.campaigns().directory().by_id


def test_the_default_cache_keeps_its_copy_for_its_lifetime(env):
    assert config.settings().campaign_cache_seconds == 60
    assert "C7LATER" not in runtime.campaigns().directory().by_id
    another_process_stores(env, "C7LATER")
    assert "C7LATER" not in runtime.campaigns().directory().by_id  # until the 60 s are up


@pytest.mark.parametrize("value", ["soon", "-1", "86400"])
def test_a_bad_cache_setting_is_refused(value):
    with pytest.raises(ValueError, match="OPTLEDGER_CAMPAIGN_CACHE_SECONDS"):
        config.Settings.from_env({"OPTLEDGER_CAMPAIGN_CACHE_SECONDS": value})

"""``optledger campaigns load FILE.json``: the whole file validated first, then each campaign stored with its
disclosures."""

from __future__ import annotations

import json

import pytest

from optledger import runtime
from optledger.errors import ValidationError
from optledger_tools.local.provision import load_campaigns
from tests.conftest import ROOT

DEMO = ROOT / "events" / "campaigns.demo.json"


def test_loading_stores_each_registered_disclosure_once(env):
    load_campaigns(DEMO, runtime.campaigns())
    load_campaigns(DEMO, runtime.campaigns())
    listed = env.s3.list_objects_v2(Bucket=env.bucket, Prefix="disclosures/")
    assert listed["KeyCount"] == 2  # C7ALERTS and C7DEALS each register one disclosure


def test_a_file_with_one_bad_disclosure_stores_nothing(env, tmp_path):
    documents = json.loads(DEMO.read_text())
    for document in documents:
        document["id"] += "X"
        document["senders"] = ["+12125550142"]
    documents[-1]["disclosures"] = ["Get texts from Acme Deals. Reply STOP to cancel."]
    path = tmp_path / "campaigns.json"
    path.write_text(json.dumps(documents))
    before = env.items()

    with pytest.raises(ValidationError) as refused:
        load_campaigns(path, runtime.campaigns())

    assert "disclosures[0].rates" in refused.value.fields
    assert env.items() == before
    assert env.s3.list_objects_v2(Bucket=env.bucket, Prefix="disclosures/")["KeyCount"] == 0

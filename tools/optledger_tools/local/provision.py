"""Creating the table and bucket of the template on an embedded or external endpoint, and loading campaigns."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from optledger import disclosures
from optledger.campaign_admin import check_origins, register
from optledger.campaigns import CampaignCache
from optledger.errors import OptLedgerError, ValidationError
from optledger.models import Campaign
from optledger_tools.local.template import load_template, table_definition


def repo_root() -> Path:
    """The checkout holding template.yaml and functions/ (an editable install points into it)."""
    configured = os.environ.get("OPTLEDGER_ROOT")
    candidates = [Path(configured)] if configured else []
    candidates += [Path(__file__).resolve().parents[3], Path.cwd()]
    for candidate in candidates:
        if (candidate / "template.yaml").is_file() and (candidate / "functions").is_dir():
            return candidate
    raise FileNotFoundError("cannot find template.yaml and functions/: run from the checkout or set OPTLEDGER_ROOT")


def provision(root: Path, *, table: str, bucket: str, dynamodb: Any, s3: Any) -> None:
    """Create the ledger table (key schema from template.yaml) and the evidence bucket, if they are missing."""
    existing = dynamodb.list_tables().get("TableNames", [])
    if table not in existing:
        dynamodb.create_table(**table_definition(load_template(root / "template.yaml"), table))
        dynamodb.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    buckets = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if bucket not in buckets:
        s3.create_bucket(Bucket=bucket, ObjectLockEnabledForBucket=True)


def load_campaigns(path: Path, cache: CampaignCache) -> list[Campaign]:
    """The campaigns of a JSON file, stored as :func:`store_campaigns` does."""
    return store_campaigns(json.loads(path.read_text(encoding="utf-8")), cache)


def store_campaigns(documents: Any, cache: CampaignCache) -> list[Campaign]:
    """Validate every campaign of a JSON list (or one object) first (fields, origins, disclosures), then store each
    as ``PUT /campaigns/{id}`` does: a bad file stores nothing."""
    if isinstance(documents, dict):
        documents = [documents]
    if not isinstance(documents, list) or not documents:
        raise ValidationError("a campaigns file holds a JSON list of campaign objects (or one object)")
    checked = []
    for index, document in enumerate(documents):
        if not isinstance(document, dict):
            raise ValidationError(f"campaign #{index + 1} is not a JSON object")
        try:
            campaign = Campaign.from_dict(document)
            check_origins(campaign)
            disclosures.check_all(campaign.disclosures, campaign)
        except OptLedgerError as exc:
            name = document.get("id") if isinstance(document.get("id"), str) else f"#{index + 1}"
            raise type(exc)(f"campaign {name}: {exc.message}", fields=exc.fields) from None
        checked.append(campaign)
    ids = [c.id for c in checked]
    if len(set(ids)) != len(ids):
        raise ValidationError("the file holds the same campaign id twice", fields={"id": "duplicate"})
    return [register(document, document["id"], cache)[0] for document in documents]

"""Authenticated business API: consent records of a number, consent from other channels, campaign configuration."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import campaigns, offline, runtime
from optledger.http import json_body, json_response, logger, make_resolver, require_caller
from optledger.views import consent_record

app = make_resolver()


@app.get("/consents/<phone>")
def get_consents(phone: str):
    require_caller(app.current_event)
    brand = app.current_event.get_query_string_value("brand")
    record = consent_record(
        unquote(phone), brand=brand, store=runtime.store(), directory=runtime.campaigns().directory()
    )
    return json_response(200, record)


@app.post("/consents/events")
def post_consent_event():
    event = app.current_event
    caller = require_caller(event)
    directory = runtime.campaigns().directory()
    consent_event = offline.validate(json_body(event), directory)
    answer = offline.record(
        consent_event,
        caller=caller,
        source_ip=event.request_context.http.source_ip,
        directory=directory,
        ledger=runtime.ledger(),
        store=runtime.store(),
    )
    logger.info("consent event recorded", extra={"type": answer["type"], "channel": consent_event.channel})
    return json_response(201, answer)


@app.put("/campaigns/<campaign_id>")
def put_campaign(campaign_id: str):
    require_caller(app.current_event)
    campaign, is_new = campaigns.register(json_body(app.current_event), unquote(campaign_id), runtime.campaigns())
    logger.info("campaign stored", extra={"campaign": campaign.id, "new": is_new})
    return json_response(201 if is_new else 200, campaigns.describe(campaign))


@app.get("/campaigns/<campaign_id>")
def get_campaign(campaign_id: str):
    require_caller(app.current_event)
    return json_response(200, campaigns.describe(runtime.campaigns().directory().get(unquote(campaign_id))))


@app.get("/campaigns")
def list_campaigns():
    require_caller(app.current_event)
    directory = runtime.campaigns().directory()
    return json_response(200, {"campaigns": [campaigns.describe(directory.by_id[i]) for i in sorted(directory.by_id)]})


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)

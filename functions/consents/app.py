"""Authenticated business API: consent records of a number, consent from other channels, campaign configuration."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import campaign_admin, offline, reviews, runtime
from optledger.errors import ValidationError
from optledger.evidence import number_bundle
from optledger.http import json_body, json_response, logger, make_resolver, require_caller
from optledger.observability import count, instrumented
from optledger.sendgate import check_send
from optledger.views import consent_record, page_request, review_queue

app = make_resolver()


@app.get("/consents/<phone>")
def get_consents(phone: str):
    require_caller(app.current_event)
    brand = app.current_event.get_query_string_value("brand")
    limit, after = page_request(
        app.current_event.get_query_string_value("limit"), app.current_event.get_query_string_value("cursor")
    )
    record = consent_record(
        unquote(phone),
        brand=brand,
        store=runtime.store(),
        directory=runtime.campaigns().directory(),
        limit=limit,
        after=after,
    )
    return json_response(200, record)


@app.post("/consents/check")
def post_check():
    require_caller(app.current_event)
    body = json_body(app.current_event)
    result = check_send(body, store=runtime.store(), directory=runtime.campaigns().directory())
    count("ConsentChecked" if result.allowed else "ConsentDenied")
    return json_response(200, result.to_dict())


@app.get("/reviews")
def get_reviews():
    require_caller(app.current_event)
    event = app.current_event
    queue = review_queue(
        event.get_query_string_value("brand"),
        after=event.get_query_string_value("after"),
        store=runtime.store(),
        directory=runtime.campaigns().directory(),
    )
    return json_response(200, queue)


@app.post("/reviews/<event_id>")
def post_review_decision(event_id: str):
    caller = require_caller(app.current_event)
    answer = reviews.decide(
        unquote(event_id),
        json_body(app.current_event),
        brand=app.current_event.get_query_string_value("brand"),
        caller=caller,
        store=runtime.store(),
        ledger=runtime.ledger(),
        directory=runtime.campaigns().directory(),
    )
    return json_response(200, answer)


@app.post("/evidence")
def post_evidence():
    require_caller(app.current_event)
    body = json_body(app.current_event)
    if "phone" not in body:
        raise ValidationError("phone is required", fields={"phone": "required"})
    created = number_bundle(
        body["phone"],
        campaign=body.get("campaign"),
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
    )
    return json_response(201, created)


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
    campaign, is_new = campaign_admin.register(json_body(app.current_event), unquote(campaign_id), runtime.campaigns())
    logger.info("campaign stored", extra={"campaign": campaign.id, "new": is_new})
    return json_response(201 if is_new else 200, campaign_admin.describe(campaign))


@app.get("/campaigns/<campaign_id>")
def get_campaign(campaign_id: str):
    require_caller(app.current_event)
    return json_response(200, campaign_admin.describe(runtime.campaigns().directory().get(unquote(campaign_id))))


@app.get("/campaigns")
def list_campaigns():
    require_caller(app.current_event)
    directory = runtime.campaigns().directory()
    return json_response(
        200, {"campaigns": [campaign_admin.describe(directory.by_id[i]) for i in sorted(directory.by_id)]}
    )


@instrumented(correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)

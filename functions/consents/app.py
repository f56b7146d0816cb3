"""Authenticated business API: consent records of a number, consent from other channels, campaign configuration,
reviews and evidence.

Every route runs behind ``optledger.api.auth.caller_middleware``: the caller (IAM principal, console user or API key)
is authenticated once, and everything a route reads goes through ``caller.directory(...)``, the campaigns of the
caller's brands, so a restricted caller never reaches another brand's data. The console calls the same routes under
``/console/api`` (Cognito JWT authorizer in AWS); the prefix is stripped here.

The send gate (``POST /consents/check``, before every outbound message) is what a cold container nearly always
answers first: the modules of the other routes (the state and history views, campaign administration and its
disclosure checker, consent from other channels, reviews, the console's bundle listing, the evidence writer) are
imported by those routes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from aws_lambda_powertools.logging import correlation_paths

from optledger import runtime
from optledger.access import Caller
from optledger.api.auth import caller_middleware
from optledger.api.bodies import json_body
from optledger.api.resolver import CONSOLE_API_PREFIX, make_resolver
from optledger.api.responses import json_response
from optledger.campaigns import Directory
from optledger.errors import Conflict, NotFound, ValidationError
from optledger.logs import logger
from optledger.observability import count, instrumented
from optledger.sendgate import check_send

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from optledger.views import ConsentRecord

app = make_resolver(strip_prefixes=[CONSOLE_API_PREFIX])
app.use(middlewares=[caller_middleware])


def caller() -> Caller:
    who: Caller = app.context["caller"]
    return who


def directory() -> Directory:
    """The campaigns of the caller's brands (every campaign for an unrestricted caller)."""
    return caller().directory(runtime.campaigns().directory())


def requested_brand() -> str | None:
    brand = app.current_event.get_query_string_value("brand")
    caller().require(brand)
    return brand


def _record(phone: object, brand: str | None, limit: str | None = None, cursor: str | None = None) -> ConsentRecord:
    from optledger import views  # the state and history of a number: look-ups, not the send gate

    size, after = views.page_request(limit, cursor)
    if not isinstance(phone, str):
        raise ValidationError("phone is required", fields={"phone": "required"})
    caller().require(brand)
    seen = directory()
    return views.consent_record(phone, brand=brand, store=runtime.store(), directory=seen, limit=size, after=after)


@app.get("/consents/<phone>")
def get_consents(phone: str):
    query = app.current_event.get_query_string_value
    return json_response(200, _record(unquote(phone), query("brand"), query("limit"), query("cursor")))


@app.post("/consents/lookup")
def post_lookup():
    # The same answer as GET /consents/{phone}, with the number in the body: never in a URL, a log or a history.
    body = json_body(app.current_event)
    brand = body.get("brand")
    if brand is not None and not isinstance(brand, str):
        raise ValidationError("brand must be a brand id", fields={"brand": "invalid"})
    return json_response(200, _record(body.get("phone"), brand))


@app.post("/consents/check")
def post_check():
    body = json_body(app.current_event)
    result = check_send(body, store=runtime.store(), directory=directory())
    count("ConsentChecked" if result.allowed else "ConsentDenied")
    return json_response(200, result.to_dict())


@app.get("/reviews")
def get_reviews():
    from optledger.views import review_queue

    event = app.current_event
    queue = review_queue(
        requested_brand(),
        after=event.get_query_string_value("after"),
        store=runtime.store(),
        directory=directory(),
    )
    return json_response(200, queue)


@app.post("/reviews/<event_id>")
def post_review_decision(event_id: str):
    from optledger import reviews

    who, body, brand = caller(), json_body(app.current_event), requested_brand()
    if who.kind == "user":  # a signed-in person decides as themselves, whatever the body says
        body["agent_id"] = who.identity
    answer = reviews.decide(
        unquote(event_id),
        body,
        brand=brand,
        caller=who.identity,
        store=runtime.store(),
        ledger=runtime.ledger(),
        directory=directory(),
    )
    return json_response(200, answer)


@app.post("/evidence")
def post_evidence():
    from optledger.evidence import number_bundle  # only this route pays for the bundle writer's import

    body = json_body(app.current_event)
    if "phone" not in body:
        raise ValidationError("phone is required", fields={"phone": "required"})
    brand = app.current_event.get_query_string_value("brand")
    seen, store, evidence = directory(), runtime.store(), runtime.evidence()
    created = number_bundle(
        body["phone"], campaign=body.get("campaign"), brand=brand, store=store, evidence=evidence, directory=seen
    )
    return json_response(201, created)


@app.get("/evidence/daily")
def get_daily_evidence():
    from optledger import console_data

    brand = requested_brand()
    brands = [brand] if brand else directory().brands
    if brand is not None and brand not in directory().brands:
        raise NotFound("unknown brand", fields={"brand": "unknown"})
    if brand is None and len(brands) != 1:
        raise Conflict("several brands: choose one with ?brand=", fields={"brand": brands})
    return json_response(200, console_data.list_daily(brands[0], evidence=runtime.evidence()))


@app.post("/evidence/links")
def post_evidence_link():
    from optledger import console_data

    return json_response(
        201, console_data.daily_link(json_body(app.current_event), caller=caller(), evidence=runtime.evidence())
    )


@app.post("/consents/events")
def post_consent_event():
    from optledger import offline

    event = app.current_event
    seen = directory()
    consent_event = offline.validate(json_body(event), seen)
    answer = offline.record(
        consent_event,
        caller=caller().identity,
        source_ip=event.request_context.http.source_ip,
        directory=seen,
        ledger=runtime.ledger(),
        store=runtime.store(),
    )
    logger.info("consent event recorded", extra={"type": answer["type"], "channel": consent_event.channel})
    return json_response(201, answer)


@app.put("/campaigns/<campaign_id>")
def put_campaign(campaign_id: str):
    from optledger import campaign_admin

    who = caller()
    document = json_body(app.current_event)
    campaign_id = unquote(campaign_id)
    existing = runtime.campaigns().directory().by_id.get(campaign_id)
    who.require(existing.brand if existing else None)  # the campaign's brand now, and the one asked for
    who.require(str(document.get("brand")))
    with who.discreet():
        campaign, is_new = campaign_admin.register(document, campaign_id, runtime.campaigns())
    logger.info("campaign stored", extra={"campaign": campaign.id, "new": is_new})
    return json_response(201 if is_new else 200, campaign_admin.describe(campaign))


@app.get("/campaigns/<campaign_id>")
def get_campaign(campaign_id: str):
    from optledger import campaign_admin

    return json_response(200, campaign_admin.describe(directory().get(unquote(campaign_id))))


@app.get("/campaigns")
def list_campaigns():
    from optledger import campaign_admin

    seen = directory()
    return json_response(200, {"campaigns": [campaign_admin.describe(seen.by_id[i]) for i in sorted(seen.by_id)]})


@app.get("/caller")
def get_caller():
    """Who the credentials belong to and which brands they reach (the console shows it and picks a brand)."""
    return json_response(200, {**caller().describe(), "known_brands": directory().brands})


@instrumented(correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)

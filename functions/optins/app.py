"""Web opt-ins: POST /optins (JSON or form, CORS allow-list per campaign), its preflight, and the hosted page
GET /optin/{campaign}."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import disclosures, hosted, optins, runtime
from optledger.errors import Forbidden, OptLedgerError
from optledger.http import error_response, json_response, logger, make_resolver, public_url, raw_body
from optledger.observability import count, instrumented

app = make_resolver()


def _own_origin() -> str:
    return optins.origin_of(public_url(app.current_event))


def _html(status: int, page: str) -> Response:
    return Response(status, hosted.HTML, page, headers=dict(hosted.SECURITY_HEADERS))


@app.route("/optins", method="OPTIONS")
def preflight():
    origin = app.current_event.headers.get("origin")
    headers = optins.preflight_headers(origin, runtime.campaigns().directory(), own_origin=_own_origin())
    return Response(204, None, "", headers=headers)


@app.post("/optins")
def post_optin():
    event = app.current_event
    headers = event.headers or {}
    origin = headers.get("origin")
    directory = runtime.campaigns().directory()
    fields: dict[str, Any] = {}
    # The hosted form (and any plain HTML form) gets a page back, scripts get JSON.
    wants_html = "text/html" in headers.get("accept", "")
    try:
        fields = optins.parse_body(headers.get("content-type", ""), raw_body(event, limit=optins.MAX_OPTIN_BYTES))
        wants_html = wants_html or optins.is_hosted(fields)
        campaign, answer = optins.submit(
            fields,
            directory=directory,
            origin=origin,
            own_origin=_own_origin(),
            source_ip=event.request_context.http.source_ip,  # never X-Forwarded-For: the client writes that
            user_agent=headers.get("user-agent", ""),
            ledger=runtime.ledger(),
            store=runtime.store(),
        )
    except OptLedgerError as error:
        logger.info("opt-in refused", extra={"error": error.code, "status": error.status})
        count("StorageUnavailable" if error.status == 503 else "RequestRefused")
        if wants_html and not isinstance(error, Forbidden):
            named = fields.get("campaign")
            known = named if isinstance(named, str) and named in directory.by_id else None
            page = hosted.error_page(status=error.status, message=error.message, fields=error.fields, campaign_id=known)
            return _html(error.status, page)
        response = error_response(error)
        if origin and any(optins.origin_allowed(origin, c, own_origin=_own_origin()) for c in directory.by_id.values()):
            response.headers.update(optins.cors_headers(origin))
        return response
    count("OptinRecorded")
    logger.info("opt-in recorded", extra={"status": answer["status"], "campaign": campaign.id})
    if wants_html:
        return _html(201, hosted.result_page(campaign, answer))
    return json_response(201, answer, headers=optins.cors_headers(origin))


@app.get("/optin/<campaign_id>")
def optin_page(campaign_id: str):
    campaign = runtime.campaigns().directory().by_id.get(unquote(campaign_id))
    registered = disclosures.registered(campaign) if campaign else {}
    # Only a disclosure that passes the checker is offered: the page must never collect a consent that is refused.
    registered = {sha: text for sha, text in registered.items() if not disclosures.missing_elements(text, campaign)}
    if campaign is None or not registered:
        return _html(404, hosted.not_found_page())
    chosen = app.current_event.get_query_string_value("disclosure")
    sha = chosen if chosen in registered else next(iter(registered))
    page = hosted.optin_page(
        campaign,
        disclosure=registered[sha],
        disclosure_sha256=sha,
        page_url=public_url(app.current_event),
        session_id=hosted.new_session_id(),
    )
    return _html(200, page)


@instrumented(correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)

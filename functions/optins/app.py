"""Web opt-ins: POST /optins (JSON or form, CORS allow-list per campaign), its preflight, and the hosted page
GET /optin/{campaign}."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths

from optledger import hosted, optins, runtime
from optledger.api import cors
from optledger.api.bodies import json_or_form, origin_of, public_url
from optledger.api.resolver import make_resolver, note_refusal, refusal
from optledger.api.responses import error_response, json_response, page_response
from optledger.errors import Forbidden, OptLedgerError
from optledger.logs import logger
from optledger.observability import count, instrumented

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

app = make_resolver()


def _own_origin() -> str:
    return origin_of(public_url(app.current_event))


def _html(status: int, page: str) -> Response[str]:
    return page_response(status, hosted.HTML, page, hosted.SECURITY_HEADERS)


def _wants_html() -> bool:
    """The hosted form (and any plain HTML form) gets a page back, scripts get JSON."""
    return "text/html" in app.current_event.headers.get("accept", "") or optins.is_hosted(app.context.get("form", {}))


@app.exception_handler(OptLedgerError)
def refused(error: OptLedgerError) -> Response[str]:
    """A refused ``POST /optins``: a page for a form (never for a refused origin), else JSON that a page of an allowed
    origin may read. Every other route answers as every function does."""
    directory = app.context.get("directory")  # set by post_optin once the campaigns are read
    if directory is None:
        return refusal(error)
    note_refusal(error)
    if _wants_html() and not isinstance(error, Forbidden):
        named = app.context.get("form", {}).get("campaign")
        known = named if isinstance(named, str) and named in directory.by_id else None
        page = hosted.error_page(status=error.status, message=error.message, fields=error.fields, campaign_id=known)
        return _html(error.status, page)
    response = error_response(error)
    origin = app.current_event.headers.get("origin")
    response.headers.update(cors.refusal_headers(origin, directory, own_origin=_own_origin()))
    return response


@app.route("/optins", method="OPTIONS")
def preflight() -> Response[str]:
    origin = app.current_event.headers.get("origin")
    headers = cors.preflight_headers(origin, runtime.campaigns().directory(), own_origin=_own_origin())
    return Response(204, None, "", headers=headers)


@app.post("/optins")
def post_optin() -> Response[str]:
    event = app.current_event
    origin = event.headers.get("origin")
    directory = runtime.campaigns().directory()
    app.append_context(directory=directory)  # from here on, a refusal may be a page (see ``refused``)
    fields = json_or_form(event, limit=optins.MAX_OPTIN_BYTES)
    app.append_context(form=fields)
    campaign, answer = optins.submit(
        fields,
        directory=directory,
        origin=origin,
        own_origin=_own_origin(),
        source_ip=event.request_context.http.source_ip,  # never X-Forwarded-For: the client writes that
        user_agent=event.headers.get("user-agent", ""),
        ledger=runtime.ledger(),
        store=runtime.store(),
    )
    count("OptinRecorded")
    logger.info("opt-in recorded", extra={"status": answer["status"], "campaign": campaign.id})
    if _wants_html():
        return _html(201, hosted.result_page(campaign, answer))
    return json_response(201, answer, headers=cors.cors_headers(origin))


@app.get("/optin/<campaign_id>")
def optin_page(campaign_id: str) -> Response[str]:
    campaign = runtime.campaigns().directory().by_id.get(unquote(campaign_id))
    registered = hosted.offered_disclosures(campaign) if campaign else {}
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

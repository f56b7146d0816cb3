"""HTTP plumbing shared by the functions: the resolver, errors mapped to responses in one place, auth, bodies."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from optledger import config
from optledger.errors import MalformedRequest, OptLedgerError, PayloadTooLarge
from optledger.logs import logger
from optledger.providers import WebhookReply

if TYPE_CHECKING:
    from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
    from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2


JSON = "application/json"
CONSOLE_API_PREFIX = "/console/api"  # the console calls the business routes here (JWT authorizer in AWS)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(status, JSON, json.dumps(body, separators=(",", ":"), ensure_ascii=False), headers=headers)


def error_response(error: OptLedgerError) -> Response:
    body: dict[str, Any] = {"error": error.code, "message": error.message}
    if error.fields:
        body["fields"] = error.fields
    return json_response(error.status, body)


def make_resolver(**options: Any) -> APIGatewayHttpResolver:
    """A resolver whose errors all become the JSON error bodies of DESIGN section 3."""
    app = APIGatewayHttpResolver(**options)

    @app.exception_handler(OptLedgerError)
    def handle_domain_error(error: OptLedgerError) -> Response:
        from optledger.observability import count  # only when a request is refused

        log = logger.warning if error.status >= 500 else logger.info
        log("request refused", extra={"error": error.code, "status": error.status})
        count("StorageUnavailable" if error.status == 503 else "RequestRefused")
        return error_response(error)

    @app.exception_handler(Exception)
    def handle_unexpected(error: Exception) -> Response:
        # Only the type: an exception's message may carry request data (numbers, message text).
        logger.error("unexpected error", extra={"error_type": type(error).__name__})
        return json_response(500, {"error": "internal_error", "message": "internal error"})

    @app.not_found
    def handle_not_found(_: Exception) -> Response:
        return json_response(404, {"error": "not_found", "message": "no such route"})

    return app


def raw_body(event: APIGatewayProxyEventV2, *, limit: int) -> bytes:
    body = event.get("body") or ""
    data = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode("utf-8")
    if len(data) > limit:
        raise PayloadTooLarge(f"body is larger than {limit} bytes")
    return data


def json_object(data: bytes) -> dict[str, Any]:
    """A request body that must be one JSON object (anything else is a 400)."""
    try:
        value = json.loads(data or b"null")
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise MalformedRequest("body is not valid JSON") from exc
    if not isinstance(value, dict):
        raise MalformedRequest("body must be a JSON object")
    return value


def json_body(event: APIGatewayProxyEventV2, *, limit: int = 16 * 1024) -> dict[str, Any]:
    return json_object(raw_body(event, limit=limit))


def public_url(event: APIGatewayProxyEventV2) -> str:
    """The URL the caller used: OPTLEDGER_PUBLIC_URL (API Gateway hides the original host) + path + query."""
    base = config.settings().public_url
    if not base:
        domain = event.get("requestContext", {}).get("domainName") or event.get("headers", {}).get("host", "")
        base = f"https://{domain}"
    query = event.get("rawQueryString") or ""
    return base + (event.get("rawPath") or "/") + (f"?{query}" if query else "")


def require_caller(event: APIGatewayProxyEventV2) -> str:
    """Authenticate a business caller (see ``optledger.access``) and return who it is."""
    from optledger.access import authenticate

    return authenticate(event).identity


def caller_middleware(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response:
    """Every route of an authenticated function: who is calling (``app.context["caller"]``), and for a caller
    restricted to some brands, "not found" answered as the same 403 as another brand's data."""
    from optledger.access import authenticate, scoped

    caller = authenticate(app.current_event.raw_event)
    app.append_context(caller=caller)
    return scoped(caller, lambda: next_middleware(app))


def reply_response(reply: WebhookReply) -> Response:
    return Response(reply.status, reply.content_type, reply.body, headers=dict(reply.headers))

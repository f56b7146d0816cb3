"""The one place where errors become HTTP answers: every function's resolver is made here."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from optledger.api.responses import error_response, json_response
from optledger.errors import OptLedgerError
from optledger.logs import logger

CONSOLE_API_PREFIX = "/console/api"  # the console calls the business routes here (JWT authorizer in AWS)


def note_refusal(error: OptLedgerError) -> None:
    """The log line and metric of a refused request (a 503 is a warning: storage, not the caller, failed)."""
    from optledger.observability import count  # only when a request is refused

    log = logger.warning if error.status >= 500 else logger.info
    log("request refused", extra={"error": error.code, "status": error.status})
    count("StorageUnavailable" if error.status == 503 else "RequestRefused")


def refusal(error: OptLedgerError) -> Response[str]:
    note_refusal(error)
    return error_response(error)


def make_resolver(**options: Any) -> APIGatewayHttpResolver:
    """A resolver whose errors all become the JSON error bodies of DESIGN section 3."""
    app = APIGatewayHttpResolver(**options)
    app.exception_handler(OptLedgerError)(refusal)

    @app.exception_handler(Exception)
    def handle_unexpected(error: Exception) -> Response[str]:
        # Only the type: an exception's message may carry request data (numbers, message text).
        logger.error("unexpected error", extra={"error_type": type(error).__name__})
        return json_response(500, {"error": "internal_error", "message": "internal error"})

    @app.not_found
    def handle_not_found(_: Exception) -> Response[str]:
        return json_response(404, {"error": "not_found", "message": "no such route"})

    return app

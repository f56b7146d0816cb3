"""Responses: JSON bodies, the JSON error body of DESIGN section 3, HTML pages."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aws_lambda_powertools.event_handler import Response

from optledger.errors import OptLedgerError

JSON = "application/json"


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(status, JSON, json.dumps(body, separators=(",", ":"), ensure_ascii=False), headers=headers)


def error_response(error: OptLedgerError) -> Response[str]:
    body: dict[str, Any] = {"error": error.code, "message": error.message}
    if error.fields:
        body["fields"] = error.fields
    return json_response(error.status, body)


def page_response(status: int, content_type: str, page: str, headers: Mapping[str, str]) -> Response[str]:
    return Response(status, content_type, page, headers=dict(headers))

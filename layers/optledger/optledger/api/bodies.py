"""Request bodies (JSON objects and HTML forms, size-limited) and the URL the caller used."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from optledger import config
from optledger.errors import MalformedRequest, PayloadTooLarge

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2

DEFAULT_LIMIT = 16 * 1024
MAX_FORM_FIELDS = 64


def raw_body(event: APIGatewayProxyEventV2, *, limit: int) -> bytes:
    body = event.body or ""
    data = base64.b64decode(body) if event.is_base64_encoded else body.encode("utf-8")
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


def json_body(event: APIGatewayProxyEventV2, *, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    return json_object(raw_body(event, limit=limit))


def form_fields(data: bytes) -> dict[str, Any]:
    """An ``application/x-www-form-urlencoded`` body: each field once (a repeated field is a 400, not a guess)."""
    try:
        parsed = parse_qs(
            data.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(data), max_num_fields=MAX_FORM_FIELDS
        )
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRequest("body is not valid form-urlencoded UTF-8") from exc
    repeated = sorted(name for name, values in parsed.items() if len(values) > 1)
    if repeated:
        raise MalformedRequest("a field is given more than once", fields=dict.fromkeys(repeated, "repeated"))
    return {name: values[0] for name, values in parsed.items()}


def json_or_form(event: APIGatewayProxyEventV2, *, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """The fields of a JSON or form-urlencoded body (what a script or a plain HTML form sends)."""
    data = raw_body(event, limit=limit)
    media = (event.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if media == "application/json" or (not media and data.lstrip().startswith(b"{")):
        return json_object(data)
    if media == "application/x-www-form-urlencoded":
        return form_fields(data)
    raise MalformedRequest(
        "Content-Type must be application/json or application/x-www-form-urlencoded", fields={"content-type": media}
    )


def public_url(event: APIGatewayProxyEventV2) -> str:
    """The URL the caller used: OPTLEDGER_PUBLIC_URL (API Gateway hides the original host) + path + query."""
    base = config.settings().public_url
    if not base:
        context = event.get("requestContext") or {}
        base = f"https://{context.get('domainName') or event.headers.get('host') or ''}"
    query = event.get("rawQueryString") or ""
    return base + (event.get("rawPath") or "/") + (f"?{query}" if query else "")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()

"""The shared pieces of the OpenAPI description: value lists, common schemas and the builders of answers and
parameters that the schemas and the paths both use."""

from __future__ import annotations

from typing import Any

PURPOSES = ["conversational", "informational", "promotional"]
TIERS = ["implied", "express", "express_written"]
EVENT_TYPES = ["opt_in", "opt_out", "help", "message", "pending"]
CHANNELS = ["sms", "web_form", "hosted_page", "verbal", "paper", "pos", "ivr", "email", "api", "import"]
PROVIDERS = ["twilio", "telnyx", "bandwidth", "vonage", "plivo", "sinch", "bird", "ringcentral"]
REASONS = [
    "ok",
    "opted_out",
    "no_consent",
    "insufficient_tier",
    "quiet_hours",
    "pending_confirmation",
    "review_pending",
]
TIMESTAMP = {"type": "string", "description": "UTC, YYYY-MM-DDTHH:MM:SS.mmmZ", "examples": ["2026-11-28T10:00:00.000Z"]}
PHONE = {"type": "string", "description": "E.164 phone number", "examples": ["+14155550123"]}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
CAMPAIGN_ID = {"type": "string", "description": "campaign id", "examples": ["C7DEALS", "C7ALERTS"]}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_answer(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR_DESCRIPTIONS = {
    400: "malformed request (not JSON, not an object)",
    401: "credentials missing",
    403: "bad credentials or signature, or another brand's data",
    404: "unknown route, provider, campaign or number",
    409: "conflict (e.g. several brands: choose one; a review already decided)",
    413: "body too large",
    422: "well-formed but invalid (bad phone number, consent not given, disclosure missing elements)",
    503: "storage unavailable: nothing was written, retry",
}


def errors(*codes: int, html: bool = False) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for code in codes:
        answer = json_answer(ref("Error"), ERROR_DESCRIPTIONS[code])
        if html:
            answer["content"]["text/html"] = {"schema": {"type": "string"}}
        answers[str(code)] = answer
    return answers


AUTH_ERRORS = (400, 401, 403, 404, 409, 413, 422, 503)


def body(schema: dict[str, Any], *, form: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if form:
        content["application/x-www-form-urlencoded"] = {"schema": schema}
    return {"required": True, "content": content}


def path_param(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


def query(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": {"type": "string"}, "description": description}


SECURED: list[dict[str, list[str]]] = [{"bearerApiKey": []}, {"awsIam": []}]


def secured(
    operation_id: str,
    summary: str,
    status: int,
    schema: dict[str, Any],
    description: str,
    *,
    request: dict[str, Any] | None = None,
    parameters: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A business route's operation: bearer API key or IAM, one JSON success answer and the common errors."""
    operation: dict[str, Any] = {"operationId": operation_id, "summary": summary, "security": SECURED}
    if parameters:
        operation["parameters"] = parameters
    if request is not None:
        operation["requestBody"] = body(request)
    operation["responses"] = {str(status): json_answer(schema, description), **errors(*AUTH_ERRORS)}
    return operation

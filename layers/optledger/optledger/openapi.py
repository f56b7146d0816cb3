"""The OpenAPI 3.1 description of every HTTP route (``GET /openapi.json``).

Kept true by tests: every route of template.yaml is described here and every path here is routed, and a schemathesis
run against ``optledger serve`` checks that real answers match these schemas. Built on first use (cold starts of the
other routes do not pay for it).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from optledger import __version__

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


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
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


def _errors(*codes: int, html: bool = False) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for code in codes:
        answer = _json(_ref("Error"), ERROR_DESCRIPTIONS[code])
        if html:
            answer["content"]["text/html"] = {"schema": {"type": "string"}}
        answers[str(code)] = answer
    return answers


AUTH_ERRORS = (400, 401, 403, 404, 409, 413, 422, 503)


def _body(schema: dict[str, Any], *, form: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if form:
        content["application/x-www-form-urlencoded"] = {"schema": schema}
    return {"required": True, "content": content}


def _path_param(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


def _query(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": {"type": "string"}, "description": description}


SECURED = [{"bearerApiKey": []}, {"awsIam": []}]


def _schemas() -> dict[str, Any]:
    nullable_string = {"type": ["string", "null"]}
    return {
        "Error": {
            "type": "object",
            "description": "Every error answer. Never carries a full phone number or message text.",
            "required": ["error", "message"],
            "properties": {
                "error": {"type": "string", "examples": ["invalid"]},
                "message": {"type": "string"},
                "fields": {"type": "object", "description": "per-field problems", "additionalProperties": True},
            },
        },
        "Event": {
            "type": "object",
            "description": "A ledger event (DESIGN section 6); hash = SHA-256 of its canonical JSON without hash.",
            "required": ["event_id", "brand", "phone", "seq", "type", "campaigns", "channel", "occurred_at", "hash"],
            "properties": {
                "event_id": {"type": "string"},
                "brand": {"type": "string"},
                "phone": PHONE,
                "seq": {"type": "integer", "minimum": 1},
                "type": {"type": "string", "enum": EVENT_TYPES},
                "campaigns": {"type": "array", "items": {"type": "string"}},
                "tier": {"type": ["string", "null"]},
                "channel": {"type": "string"},
                "occurred_at": TIMESTAMP,
                "recorded_at": TIMESTAMP,
                "source": {"type": "object"},
                "evidence": {"type": "object"},
                "prev_hash": SHA256,
                "hash": SHA256,
            },
        },
        "CampaignState": {
            "type": "object",
            "required": ["status"],
            "properties": {
                "status": {"type": "string", "enum": ["opted_in", "opted_out", "pending", "none"]},
                "tier": nullable_string,
                "since": nullable_string,
                "event_id": nullable_string,
                "allowed": {"type": "boolean"},
                "reason": {"type": "string"},
            },
        },
        "ConsentRecord": {
            "type": "object",
            "required": ["phone", "brand", "campaigns", "events"],
            "properties": {
                "phone": PHONE,
                "brand": {"type": "string"},
                "campaigns": {"type": "object", "additionalProperties": _ref("CampaignState")},
                "events": {"type": "array", "items": _ref("Event")},
                "next_cursor": {"type": ["string", "null"]},
            },
        },
        "CheckRequest": {
            "type": "object",
            "required": ["phone", "campaign", "purpose"],
            "additionalProperties": False,
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "purpose": {"type": "string", "enum": PURPOSES},
                "at": {"type": "string", "description": "ISO-8601 moment of the planned send (default now)"},
            },
        },
        "CheckResult": {
            "type": "object",
            "required": ["allowed", "reason"],
            "properties": {
                "allowed": {"type": "boolean"},
                "reason": {"type": "string", "examples": REASONS},
                "tier": nullable_string,
                "event_id": nullable_string,
                "local_time": nullable_string,
                "next_allowed_at": nullable_string,
            },
        },
        "ConsentEventRequest": {
            "type": "object",
            "required": ["phone", "campaign", "type", "channel", "occurred_at"],
            "additionalProperties": False,
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "type": {"type": "string", "enum": ["opt_in", "opt_out"]},
                "channel": {"type": "string", "enum": ["verbal", "paper", "pos", "ivr", "email", "api"]},
                "occurred_at": {
                    "type": "string",
                    "description": "ISO-8601, between 2000-01-01 and now + 5 minutes",
                    "examples": ["2026-11-27T15:30:00Z"],
                },
                "subject": {"type": "string", "maxLength": 256},
                "agent_id": {"type": "string", "maxLength": 128},
                "document_sha256": SHA256,
                "disclosure": {"type": "string"},
                "disclosure_sha256": SHA256,
                "note": {"type": "string", "maxLength": 1000},
                "scope": {"type": "string", "enum": ["campaign", "sender", "brand"]},
            },
        },
        "EventCreated": {
            "type": "object",
            "required": ["event_id"],
            "properties": {"event_id": {"type": "string"}, "type": {"type": "string"}, "tier": nullable_string},
        },
        "EvidenceRequest": {
            "type": "object",
            "required": ["phone"],
            "properties": {"phone": PHONE, "campaign": {"type": "string"}},
        },
        "EvidenceCreated": {
            "type": "object",
            "required": ["key", "url", "expires_at"],
            "properties": {
                "key": {"type": "string"},
                "url": {"type": "string", "description": "presigned GET URL, valid 24 hours"},
                "expires_at": TIMESTAMP,
            },
        },
        "Campaign": {
            "type": "object",
            "description": "DESIGN section 5a. Unknown fields are refused (422).",
            "required": ["brand", "name", "purpose", "help_text", "opt_out_text", "opt_in_text"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"},
                "brand": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$"},
                "brand_name": {"type": "string"},
                "name": {"type": "string"},
                "purpose": {"type": "string", "enum": PURPOSES},
                "senders": {"type": "array", "items": PHONE},
                "join_keywords": {"type": "array", "items": {"type": "string"}},
                "double_opt_in": {"type": "boolean"},
                "help_text": {"type": "string"},
                "opt_out_text": {"type": "string"},
                "opt_in_text": {"type": "string"},
                "disclosures": {"type": "array", "items": {"type": "string"}},
                "allowed_origins": {"type": "array", "items": {"type": "string"}},
                "conversation_window_hours": {"type": "integer", "minimum": 1},
            },
        },
        "CampaignDescription": {
            "type": "object",
            "description": "The stored campaign plus the SHA-256 of each registered disclosure.",
            "required": ["id", "brand", "purpose", "disclosure_sha256"],
            "properties": {
                "id": {"type": "string"},
                "brand": {"type": "string"},
                "purpose": {"type": "string", "enum": PURPOSES},
                "disclosure_sha256": {"type": "array", "items": SHA256},
            },
        },
        "CampaignList": {
            "type": "object",
            "required": ["campaigns"],
            "properties": {"campaigns": {"type": "array", "items": _ref("CampaignDescription")}},
        },
        "ReviewQueue": {
            "type": "object",
            "required": ["brand", "reviews"],
            "properties": {
                "brand": {"type": "string"},
                "reviews": {"type": "array", "items": {"type": "object"}},
                "next": {"type": ["string", "null"]},
            },
        },
        "ReviewDecision": {
            "type": "object",
            "required": ["decision", "agent_id"],
            "properties": {
                "decision": {"type": "string", "enum": ["revocation", "not_revocation"]},
                "agent_id": {"type": "string"},
                "note": {"type": "string"},
            },
        },
        "OptinRequest": {
            "type": "object",
            "description": "JSON or form-urlencoded. The IP comes from the connection, never from a header.",
            "required": ["phone", "campaign", "consent"],
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "consent": {
                    "description": "must be true / on / yes / 1",
                    "anyOf": [{"type": "boolean"}, {"type": "string"}],
                },
                "disclosure": {"type": "string", "description": "the exact text shown"},
                "disclosure_sha256": SHA256,
                "page_url": {"type": "string"},
                "subject": {"type": "string"},
                "session_id": {"type": "string"},
            },
        },
        "OptinCreated": {
            "type": "object",
            "required": ["event_id", "status", "tier"],
            "properties": {
                "event_id": {"type": "string"},
                "status": {"type": "string", "enum": ["opted_in", "pending"]},
                "tier": {"type": "string", "enum": TIERS},
                "expires_at": TIMESTAMP,
                "reply": {"type": "string"},
            },
        },
        "WebhookRecorded": {
            "type": "object",
            "description": "JSON answer to providers other than Twilio and Plivo (which get TwiML / Plivo XML).",
            "properties": {
                "recorded": {"type": "boolean"},
                "action": {"type": "string"},
                "event_id": {"type": ["string", "null"]},
                "duplicate": {"type": "boolean"},
            },
        },
    }


def _paths() -> dict[str, Any]:
    phone_param = _path_param("phone", {**PHONE, "type": "string"}, "E.164 number (URL-encode the +)")
    xml = {"schema": {"type": "string"}}
    html = {"content": {"text/html": xml}}
    return {
        "/webhooks/{provider}": {
            "parameters": [_path_param("provider", {"type": "string", "enum": PROVIDERS}, "SMS provider")],
            "post": {
                "operationId": "receiveWebhook",
                "summary": "Inbound SMS from a provider (signed with the provider's scheme)",
                "security": [{"providerSignature": []}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {"schema": {"type": "object"}},
                        "application/json": {"schema": {"type": "object"}},
                    },
                },
                "responses": {
                    "200": {
                        "description": "recorded (or a redelivery: duplicate true, nothing new recorded)",
                        "content": {
                            "application/json": {"schema": _ref("WebhookRecorded")},
                            "text/xml": xml,
                            "application/xml": xml,
                        },
                    },
                    **_errors(400, 403, 404, 413, 422, 503),
                },
            },
            "get": {
                "operationId": "receiveWebhookGet",
                "summary": "Inbound SMS delivered as a GET (Vonage)",
                "security": [{"providerSignature": []}],
                "responses": {
                    "200": _json(_ref("WebhookRecorded"), "recorded"),
                    **_errors(400, 403, 404, 413, 422, 503),
                },
            },
        },
        "/optins": {
            "post": {
                "operationId": "postOptin",
                "summary": "Web form opt-in (CORS allow-list per campaign); HTML answer when the form asks for it",
                "security": [],
                "requestBody": _body(_ref("OptinRequest"), form=True),
                "responses": {
                    "201": {
                        "description": "recorded",
                        "content": {"application/json": {"schema": _ref("OptinCreated")}, "text/html": xml},
                    },
                    **_errors(400, 403, 404, 413, 422, 503, html=True),
                },
            },
            "options": {
                "operationId": "optinPreflight",
                "summary": "CORS preflight",
                "security": [],
                "parameters": [
                    {"name": "Origin", "in": "header", "required": False, "schema": {"type": "string"}},
                ],
                "responses": {
                    "204": {"description": "CORS headers for an origin some campaign allows"},
                    **_errors(403),
                },
            },
        },
        "/optin/{campaign}": {
            "get": {
                "operationId": "hostedOptinPage",
                "summary": "Hosted, compliant opt-in page of a campaign",
                "security": [],
                "parameters": [
                    _path_param("campaign", CAMPAIGN_ID, "campaign id"),
                    _query("disclosure", "SHA-256 of the registered disclosure to show"),
                ],
                "responses": {
                    "200": {"description": "the page", **html},
                    "404": {"description": "unknown campaign, or none of its disclosures passes", **html},
                },
            }
        },
        "/consents/{phone}": {
            "get": {
                "operationId": "getConsents",
                "summary": "Current state per campaign and the event history of a number",
                "security": SECURED,
                "parameters": [phone_param, _query("brand", "the brand, where the number is known to several")],
                "responses": {"200": _json(_ref("ConsentRecord"), "the record"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/consents/check": {
            "post": {
                "operationId": "checkConsent",
                "summary": "Send gate: may this purpose be sent to this number now (or at `at`)?",
                "security": SECURED,
                "requestBody": _body(_ref("CheckRequest")),
                "responses": {"200": _json(_ref("CheckResult"), "the verdict"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/consents/events": {
            "post": {
                "operationId": "recordConsentEvent",
                "summary": "Record consent from other channels (verbal, paper, POS, IVR, email, agent)",
                "security": SECURED,
                "requestBody": _body(_ref("ConsentEventRequest")),
                "responses": {"201": _json(_ref("EventCreated"), "recorded"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/evidence": {
            "post": {
                "operationId": "buildEvidence",
                "summary": "Build the evidence bundle of one number now",
                "security": SECURED,
                "requestBody": _body(_ref("EvidenceRequest")),
                "responses": {"201": _json(_ref("EvidenceCreated"), "bundle stored"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/campaigns/{id}": {
            "parameters": [_path_param("id", CAMPAIGN_ID, "campaign id")],
            "put": {
                "operationId": "putCampaign",
                "summary": "Create or replace a campaign (its brand never changes)",
                "security": SECURED,
                "requestBody": _body(_ref("Campaign")),
                "responses": {
                    "200": _json(_ref("CampaignDescription"), "replaced"),
                    "201": _json(_ref("CampaignDescription"), "created"),
                    **_errors(*AUTH_ERRORS),
                },
            },
            "get": {
                "operationId": "getCampaign",
                "summary": "One campaign",
                "security": SECURED,
                "responses": {"200": _json(_ref("CampaignDescription"), "the campaign"), **_errors(*AUTH_ERRORS)},
            },
        },
        "/campaigns": {
            "get": {
                "operationId": "listCampaigns",
                "summary": "Every campaign the caller may see",
                "security": SECURED,
                "responses": {"200": _json(_ref("CampaignList"), "the campaigns"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/reviews": {
            "get": {
                "operationId": "listReviews",
                "summary": "Unclear replies waiting for a person, oldest first",
                "security": SECURED,
                "parameters": [_query("brand", "the brand"), _query("after", "page cursor (`next` of the last page)")],
                "responses": {"200": _json(_ref("ReviewQueue"), "a page of the queue"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/reviews/{event_id}": {
            "post": {
                "operationId": "decideReview",
                "summary": "Decide an unclear reply (the first decision stands: 409 after)",
                "security": SECURED,
                "parameters": [
                    _path_param("event_id", {"type": "string"}, "the reviewed event"),
                    _query("brand", "the brand"),
                ],
                "requestBody": _body(_ref("ReviewDecision")),
                "responses": {"200": _json({"type": "object"}, "decided"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/consents/lookup": {
            "post": {
                "operationId": "lookUpConsents",
                "summary": "GET /consents/{phone} with the number in the body (never in a URL or a log)",
                "security": SECURED,
                "requestBody": _body(
                    {
                        "type": "object",
                        "required": ["phone"],
                        "properties": {"phone": PHONE, "brand": {"type": "string"}},
                    }
                ),
                "responses": {"200": _json(_ref("ConsentRecord"), "the record"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/evidence/daily": {
            "get": {
                "operationId": "listDailyEvidence",
                "summary": "The daily bundles and anchors of a brand, newest day first",
                "security": SECURED,
                "parameters": [_query("brand", "the brand, where the caller may see several")],
                "responses": {"200": _json({"type": "object"}, "bundles and anchors"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/evidence/links": {
            "post": {
                "operationId": "linkDailyEvidence",
                "summary": "A 15-minute download link for one daily bundle or anchor of an allowed brand",
                "security": SECURED,
                "requestBody": _body(
                    {"type": "object", "required": ["key"], "properties": {"key": {"type": "string"}}}
                ),
                "responses": {"201": _json({"type": "object"}, "the link"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/caller": {
            "get": {
                "operationId": "whoAmI",
                "summary": "Who the credentials belong to and which brands they reach",
                "security": SECURED,
                "responses": {"200": _json({"type": "object"}, "the caller"), **_errors(*AUTH_ERRORS)},
            }
        },
        "/console": {
            "get": {
                "operationId": "console",
                "summary": "The compliance console (a page; it signs in and calls /console/api/...)",
                "security": [],
                "responses": {"200": {"description": "the page", **html}},
            }
        },
        "/console/{asset}": {
            "parameters": [_path_param("asset", {"type": "string"}, "console.js, console.css or favicon.svg")],
            "get": {
                "operationId": "consoleAsset",
                "summary": "The console's script, style and icon",
                "security": [],
                "responses": {"200": {"description": "the file"}, **_errors(404)},
            },
        },
        "/console/api/{proxy+}": {
            "description": (
                "Every business route again, for console users: /console/api/consents/check is POST /consents/check. "
                "In AWS a Cognito access token (JWT authorizer) instead of IAM; locally the bearer API key."
            ),
            "x-amazon-apigateway-any-method": {
                "operationId": "consoleApi",
                "summary": "The business routes under the console's prefix",
                "security": [{"bearerApiKey": []}],
                "responses": {"default": {"description": "as the route without the prefix"}},
            },
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
            }
        },
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "Liveness",
                "security": [],
                "responses": {
                    "200": _json(
                        {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}, "alive"
                    )
                },
            }
        },
    }


@cache
def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "OptLedger",
            "version": __version__,
            "description": "SMS consent ledger for US A2P 10DLC: webhooks, opt-ins, the send gate and evidence "
            "bundles. Errors are JSON {error, message, fields}. Business routes take a bearer API key locally "
            "(optledger serve) and AWS IAM (SigV4) in AWS.",
        },
        "security": SECURED,
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {
                "bearerApiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Locally: Authorization: Bearer $OPTLEDGER_API_KEY (printed by optledger serve)",
                },
                "awsIam": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "In AWS: requests signed with AWS Signature Version 4 (execute-api) by an IAM "
                    "principal allowed the route",
                    "x-amazon-apigateway-authtype": "awsSigv4",
                },
                "providerSignature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Provider-Signature",
                    "description": "Each provider's own signature scheme (X-Twilio-Signature, "
                    "telnyx-signature-ed25519, ...); a provider without a configured secret answers 404",
                },
            },
        },
    }

"""The paths of ``GET /openapi.json``: every route of template.yaml, its operation, security and answers."""

from __future__ import annotations

from typing import Any

from optledger.openapi.parts import (
    AUTH_ERRORS,
    CAMPAIGN_ID,
    PHONE,
    PROVIDERS,
    SECURED,
    body,
    errors,
    json_answer,
    path_param,
    query,
    ref,
    secured,
)


def paths() -> dict[str, Any]:
    phone_param = path_param("phone", {**PHONE, "type": "string"}, "E.164 number (URL-encode the +)")
    xml = {"schema": {"type": "string"}}
    html = {"content": {"text/html": xml}}
    return {
        "/webhooks/{provider}": {
            "parameters": [path_param("provider", {"type": "string", "enum": PROVIDERS}, "SMS provider")],
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
                            "application/json": {"schema": ref("WebhookRecorded")},
                            "text/xml": xml,
                            "application/xml": xml,
                        },
                    },
                    **errors(400, 403, 404, 413, 422, 503),
                },
            },
            "get": {
                "operationId": "receiveWebhookGet",
                "summary": "Inbound SMS delivered as a GET (Vonage)",
                "security": [{"providerSignature": []}],
                "responses": {
                    "200": json_answer(ref("WebhookRecorded"), "recorded"),
                    **errors(400, 403, 404, 413, 422, 503),
                },
            },
        },
        "/optins": {
            "post": {
                "operationId": "postOptin",
                "summary": "Web form opt-in (CORS allow-list per campaign); HTML answer when the form asks for it",
                "security": [],
                "requestBody": body(ref("OptinRequest"), form=True),
                "responses": {
                    "201": {
                        "description": "recorded",
                        "content": {"application/json": {"schema": ref("OptinCreated")}, "text/html": xml},
                    },
                    **errors(400, 403, 404, 413, 422, 503, html=True),
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
                    **errors(403),
                },
            },
        },
        "/optin/{campaign}": {
            "get": {
                "operationId": "hostedOptinPage",
                "summary": "Hosted, compliant opt-in page of a campaign",
                "security": [],
                "parameters": [
                    path_param("campaign", CAMPAIGN_ID, "campaign id"),
                    query("disclosure", "SHA-256 of the registered disclosure to show"),
                ],
                "responses": {
                    "200": {"description": "the page", **html},
                    "404": {"description": "unknown campaign, or none of its disclosures passes", **html},
                },
            }
        },
        "/consents/{phone}": {
            "get": secured(
                "getConsents",
                "Current state per campaign and the event history of a number",
                200,
                ref("ConsentRecord"),
                "the record",
                parameters=[phone_param, query("brand", "the brand, where the number is known to several")],
            )
        },
        "/consents/check": {
            "post": secured(
                "checkConsent",
                "Send gate: may this purpose be sent to this number now (or at `at`)?",
                200,
                ref("CheckResult"),
                "the verdict",
                request=ref("CheckRequest"),
            )
        },
        "/consents/events": {
            "post": secured(
                "recordConsentEvent",
                "Record consent from other channels (verbal, paper, POS, IVR, email, agent)",
                201,
                ref("EventCreated"),
                "recorded",
                request=ref("ConsentEventRequest"),
            )
        },
        "/evidence": {
            "post": secured(
                "buildEvidence",
                "Build the evidence bundle of one number now",
                201,
                ref("EvidenceCreated"),
                "bundle stored",
                request=ref("EvidenceRequest"),
            )
        },
        "/campaigns/{id}": {
            "parameters": [path_param("id", CAMPAIGN_ID, "campaign id")],
            "put": {
                "operationId": "putCampaign",
                "summary": "Create or replace a campaign (its brand never changes)",
                "security": SECURED,
                "requestBody": body(ref("Campaign")),
                "responses": {
                    "200": json_answer(ref("CampaignDescription"), "replaced"),
                    "201": json_answer(ref("CampaignDescription"), "created"),
                    **errors(*AUTH_ERRORS),
                },
            },
            "get": secured("getCampaign", "One campaign", 200, ref("CampaignDescription"), "the campaign"),
        },
        "/campaigns": {
            "get": secured(
                "listCampaigns", "Every campaign the caller may see", 200, ref("CampaignList"), "the campaigns"
            )
        },
        "/reviews": {
            "get": secured(
                "listReviews",
                "Unclear replies waiting for a person, oldest first",
                200,
                ref("ReviewQueue"),
                "a page of the queue",
                parameters=[query("brand", "the brand"), query("after", "page cursor (`next` of the last page)")],
            )
        },
        "/reviews/{event_id}": {
            "post": {
                "operationId": "decideReview",
                "summary": "Decide an unclear reply (the first decision stands: 409 after)",
                "security": SECURED,
                "parameters": [
                    path_param("event_id", {"type": "string"}, "the reviewed event"),
                    query("brand", "the brand"),
                ],
                "requestBody": body(ref("ReviewDecision")),
                "responses": {"200": json_answer({"type": "object"}, "decided"), **errors(*AUTH_ERRORS)},
            }
        },
        "/consents/lookup": {
            "post": {
                "operationId": "lookUpConsents",
                "summary": "GET /consents/{phone} with the number in the body (never in a URL or a log)",
                "security": SECURED,
                "requestBody": body(
                    {
                        "type": "object",
                        "required": ["phone"],
                        "properties": {"phone": PHONE, "brand": {"type": "string"}},
                    }
                ),
                "responses": {"200": json_answer(ref("ConsentRecord"), "the record"), **errors(*AUTH_ERRORS)},
            }
        },
        "/evidence/daily": {
            "get": secured(
                "listDailyEvidence",
                "The daily bundles and anchors of a brand, newest day first",
                200,
                {"type": "object"},
                "bundles and anchors",
                parameters=[query("brand", "the brand, where the caller may see several")],
            )
        },
        "/evidence/links": {
            "post": secured(
                "linkDailyEvidence",
                "A 15-minute download link for one daily bundle or anchor of an allowed brand",
                201,
                {"type": "object"},
                "the link",
                request={"type": "object", "required": ["key"], "properties": {"key": {"type": "string"}}},
            )
        },
        "/caller": {
            "get": secured(
                "whoAmI",
                "Who the credentials belong to and which brands they reach",
                200,
                {"type": "object"},
                "the caller",
            )
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
            "parameters": [path_param("asset", {"type": "string"}, "console.js, console.css or favicon.svg")],
            "get": {
                "operationId": "consoleAsset",
                "summary": "The console's script, style and icon",
                "security": [],
                "responses": {"200": {"description": "the file"}, **errors(404)},
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
                "responses": {"200": json_answer({"type": "object"}, "OpenAPI 3.1")},
            }
        },
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "Liveness",
                "security": [],
                "responses": {
                    "200": json_answer(
                        {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}, "alive"
                    )
                },
            }
        },
    }

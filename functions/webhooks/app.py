"""Inbound SMS webhooks of every provider: POST /webhooks/{provider} (and GET for Vonage); the public GET /health and
GET /openapi.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.data_classes import SNSEvent

from optledger import config, runtime
from optledger.api.bodies import public_url, raw_body
from optledger.api.resolver import make_resolver
from optledger.api.responses import json_response
from optledger.inbound import receive_sns_records, receive_webhook
from optledger.observability import count, instrumented
from optledger.providers import WebhookRequest

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

MAX_WEBHOOK_BYTES = 64 * 1024

app = make_resolver()


@app.route("/webhooks/<provider>", method=["POST", "GET"])
def webhook(provider: str) -> Response[str]:
    event = app.current_event
    request = WebhookRequest(
        method=event.request_context.http.method,
        url=public_url(event),
        headers=event.headers or {},
        body=raw_body(event, limit=MAX_WEBHOOK_BYTES),
    )
    reply = receive_webhook(
        provider,
        request,
        secrets=config.secrets(),
        ledger=runtime.ledger(),
        directory=runtime.campaigns().directory(),
        brand_scope=config.settings().opt_out_scope == "brand",
    )
    count("WebhookAnswered")
    return Response(reply.status, reply.content_type, reply.body, headers=dict(reply.headers))


@app.get("/health")
def health() -> Response[str]:
    return json_response(200, {"status": "ok"})


@app.get("/openapi.json")
def openapi_document() -> Response[str]:
    from optledger import openapi  # only this route pays for building the document

    return json_response(200, openapi.document())


@instrumented(correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if "Records" in event:  # AWS End User Messaging two-way SMS, through its SNS topic
        return receive_sns_records(
            SNSEvent(event).records,
            secrets=config.secrets(),
            ledger=runtime.ledger(),
            directory=runtime.campaigns().directory(),
            brand_scope=config.settings().opt_out_scope == "brand",
        )
    return app.resolve(event, context)

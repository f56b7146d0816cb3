"""The OpenAPI 3.1 description of every HTTP route (``GET /openapi.json``).

Kept true by tests: every route of template.yaml is described here and every path here is routed, and a schemathesis
run against ``optledger serve`` checks that real answers match these schemas. Built on first use (cold starts of the
other routes do not pay for it).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from optledger import __version__
from optledger.openapi.parts import SECURED
from optledger.openapi.paths import paths
from optledger.openapi.schemas import schemas


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
        "paths": paths(),
        "components": {
            "schemas": schemas(),
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

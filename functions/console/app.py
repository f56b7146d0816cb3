"""The compliance console: GET /console (the page) and GET /console/{asset} (script, style, sign-in settings).

Public by design: the files hold no data. Everything the page shows comes from ``/console/api/...`` (the consents
function), which needs the signed-in user's credentials and answers only for the user's brands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths

from optledger import config, console
from optledger.api.resolver import make_resolver
from optledger.errors import NotFound
from optledger.observability import instrumented

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

app = make_resolver()


@app.get("/console")
def page():
    settings = config.settings()
    return Response(200, console.HTML, console.asset(console.PAGE), headers=console.headers(settings))


@app.get("/console/<name>")
def asset(name: str):
    settings = config.settings()
    if name == "config.json":
        return Response(200, "application/json", console.config_document(settings), headers=console.headers(settings))
    if name not in console.ASSETS:
        raise NotFound("no such console file")
    return Response(200, console.ASSETS[name], console.asset(name), headers=console.headers(settings))


@instrumented(correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)

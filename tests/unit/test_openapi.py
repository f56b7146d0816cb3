"""GET /openapi.json is kept true: every route of template.yaml is described and every described path is routed."""

from __future__ import annotations

import json
import re

from optledger import openapi
from optledger_tools.local.template import http_routes, load_template
from tests.support.serve import ROOT

METHODS = {"get", "put", "post", "delete", "patch", "options", "head"}


def template_routes() -> set[tuple[str, str]]:
    return {(r.method.lower(), r.path) for r in http_routes(load_template(ROOT / "template.yaml"))}


def described_routes() -> set[tuple[str, str]]:
    paths = openapi.document()["paths"]
    described = {(method, path) for path, item in paths.items() for method in item if method in METHODS}
    return described | {("any", path) for path, item in paths.items() if "x-amazon-apigateway-any-method" in item}


def matches(route: tuple[str, str], pattern: tuple[str, str]) -> bool:
    """A concrete route (POST /webhooks/twilio, its own throttle) is an instance of a templated one."""
    method, path = route
    regex = re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(pattern[1]))
    return method == pattern[0] and re.fullmatch(regex, path) is not None


def test_every_template_route_is_described():
    described = described_routes()
    assert {r for r in template_routes() if not any(matches(r, d) for d in described)} == set()


def test_every_described_route_is_routed():
    routed = template_routes()
    assert {d for d in described_routes() if not any(matches(r, d) for r in routed)} == set()


def test_the_document_is_openapi_3_1_and_every_reference_resolves():
    document = openapi.document()
    assert document["openapi"].startswith("3.1.")
    text = json.dumps(document)
    for name in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
        assert name in document["components"]["schemas"], name


def test_errors_are_the_error_shape_and_business_routes_say_how_to_authenticate():
    document = openapi.document()
    error = document["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"error", "message", "fields"} and error["required"] == ["error", "message"]
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerApiKey"]["scheme"] == "bearer" and schemes["awsIam"]["x-amazon-apigateway-authtype"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")) and "application/json" in answer.get("content", {}):
                    assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
            if path.startswith(("/consents", "/evidence", "/campaigns", "/reviews", "/caller")):
                assert operation["security"] == [{"bearerApiKey": []}, {"awsIam": []}], (method, path)
                assert {"401", "403"} <= set(operation["responses"]), (method, path)
            else:
                assert operation["security"] != [{"bearerApiKey": []}, {"awsIam": []}], (method, path)


def test_openapi_route_is_public_in_the_template():
    template = load_template(ROOT / "template.yaml")
    events = [
        event
        for resource in template["Resources"].values()
        if resource.get("Type") == "AWS::Serverless::Function"
        for event in (resource["Properties"].get("Events") or {}).values()
        if event.get("Type") == "HttpApi" and event["Properties"].get("Path") == "/openapi.json"
    ]
    assert len(events) == 1 and "Auth" not in events[0]["Properties"]

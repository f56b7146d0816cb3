"""API Gateway (HTTP API, payload 2.0) emulated over the same Lambda handlers that run in AWS."""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from optledger_tools.local.template import Route, http_routes, load_template

MAX_REQUEST_BYTES = 10 * 1024 * 1024  # API Gateway's payload limit


@dataclass
class LambdaContext:
    """The attributes of the Lambda context object that Powertools reads."""

    function_name: str
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:000000000000:function:local"
    aws_request_id: str = ""


def load_function(root: Path, code_uri: str) -> ModuleType:
    """Import ``<root>/<code_uri>/app.py`` under a unique module name (every function's module is called ``app``)."""
    path = root / code_uri / "app.py"
    name = "optledger_fn_" + code_uri.strip("/").replace("/", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class LocalApi:
    def __init__(self, root: Path) -> None:
        self.root = root
        routes = http_routes(load_template(root / "template.yaml"))
        # A function of the template whose code is not in this checkout is not served (its routes answer 404).
        self.missing = sorted({r.function for r in routes if not (root / r.function / "app.py").is_file()})
        self.routes: list[Route] = [r for r in routes if r.function not in self.missing]
        self.functions = {r.function: load_function(root, r.function) for r in self.routes}

    def route(self, method: str, path: str) -> Route | None:
        return next((r for r in self.routes if r.match(method, path)), None)

    def invoke(
        self, method: str, target: str, headers: dict[str, str], body: bytes, source_ip: str, host: str
    ) -> dict[str, Any]:
        parts = urlsplit(target)
        route = self.route(method, parts.path)
        if route is None:
            return {
                "statusCode": 404,
                "headers": {"content-type": "application/json"},
                "body": json.dumps({"error": "not_found", "message": "no such route"}),
            }
        event = build_event(method, parts.path, parts.query, headers, body, source_ip, host, route)
        context = LambdaContext(function_name=route.function.rsplit("/", 1)[-1], aws_request_id=str(uuid.uuid4()))
        return self.functions[route.function].lambda_handler(event, context)


def build_event(
    method: str, path: str, query: str, headers: dict[str, str], body: bytes, source_ip: str, host: str, route: Route
) -> dict[str, Any]:
    now = time.time()
    lowered: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        lowered[key] = f"{lowered[key]},{value}" if key in lowered else value
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        params[name] = f"{params[name]},{value}" if name in params else value
    text_types = ("application/json", "application/x-www-form-urlencoded", "text/", "application/xml")
    is_text = any(lowered.get("content-type", "").startswith(t) for t in text_types)
    try:
        body_text, encoded = (body.decode("utf-8"), False) if is_text else (base64.b64encode(body).decode(), True)
    except UnicodeDecodeError:
        body_text, encoded = base64.b64encode(body).decode(), True
    path_params = _path_params(route.path, path)
    return {
        "version": "2.0",
        "routeKey": f"{route.method} {route.path}",
        "rawPath": path,
        "rawQueryString": query,
        "headers": lowered,
        "queryStringParameters": params or None,
        "pathParameters": path_params or None,
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": host,
            "domainPrefix": host.split(".")[0],
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": lowered.get("user-agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": f"{route.method} {route.path}",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "body": body_text if body else None,
        "isBase64Encoded": encoded and bool(body),
    }


def _path_params(template: str, path: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for t_part, p_part in zip(template.strip("/").split("/"), path.strip("/").split("/"), strict=False):
        if t_part.startswith("{") and t_part.endswith("}"):
            params[t_part.strip("{}+")] = p_part
    return params


def make_handler(api: LocalApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "optledger-local"

        def log_message(self, format: str, *args: Any) -> None:
            # Request lines carry phone numbers in paths (/consents/+1555...): print the method and route only.
            return

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_REQUEST_BYTES:
                self._send(
                    {
                        "statusCode": 413,
                        "headers": {"content-type": "application/json"},
                        "body": json.dumps({"error": "payload_too_large", "message": "request body too large"}),
                    }
                )
                return
            body = self.rfile.read(length) if length else b""
            headers = dict(self.headers.items())
            result = api.invoke(
                self.command, self.path, headers, body, self.client_address[0], self.headers.get("host", "")
            )
            self._send(result)

        def _send(self, result: dict[str, Any]) -> None:
            payload = result.get("body") or ""
            data = base64.b64decode(payload) if result.get("isBase64Encoded") else payload.encode("utf-8")
            self.send_response(int(result.get("statusCode", 200)))
            for name, value in (result.get("headers") or {}).items():
                if name.lower() not in ("content-length", "connection"):
                    self.send_header(name, value)
            for name, values in (result.get("multiValueHeaders") or {}).items():
                for value in values:
                    self.send_header(name, value)
            for cookie in result.get("cookies") or []:
                self.send_header("set-cookie", cookie)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _serve

        def __getattr__(self, name: str) -> Any:
            # Any other method (TRACE, CONNECT, made-up ones) is routed too, and so answered 404 like API Gateway
            # does, not with http.server's HTML 501.
            if name.startswith("do_"):
                return self._serve
            raise AttributeError(name)

    return Handler


def make_server(api: LocalApi | None, host: str, port: int) -> ThreadingHTTPServer:
    """The API's HTTP server; without ``api`` it only holds the port (``serve`` sets the handler once the API loads)."""
    server = ThreadingHTTPServer((host, port), make_handler(api) if api is not None else BaseHTTPRequestHandler)
    server.daemon_threads = True
    return server

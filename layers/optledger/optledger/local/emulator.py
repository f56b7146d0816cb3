"""An embedded DynamoDB and S3: moto's server on loopback, behind one lock.

The lock serialises requests the way DynamoDB serialises conditional writes on an item; without it two threads could
both pass a transaction's condition checks in moto's in-memory backend.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return  # one line per DynamoDB call drowns the API's own output


@dataclass
class EmbeddedAWS:
    endpoint_url: str
    server: BaseWSGIServer
    thread: threading.Thread

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start_embedded_aws(host: str = "127.0.0.1", port: int = 0) -> EmbeddedAWS:
    from moto.server import DomainDispatcherApplication, create_backend_app

    dispatcher = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        with lock:
            return list(dispatcher(environ, start_response))

    server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="embedded-aws", daemon=True)
    thread.start()
    return EmbeddedAWS(f"http://{host}:{server.server_port}", server, thread)

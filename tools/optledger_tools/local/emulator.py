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


_inside_lock = threading.local()

# The fast path below reaches into moto's internals (DynamoDBBackend.transact_write_items, the module's ``copy``,
# get_filter_expression, TransactionCanceledException's reasons) as they are in this version; the tests pin it.
MOTO_VERSION = "5.2.5"


def condition_results(backend: Any, transact_items: list[dict[str, Any]]) -> list[bool] | None:
    """Whether each item's condition holds (a dry run of a TransactWriteItems), or None where only moto itself should
    decide: a duplicate key, ReturnValuesOnConditionCheckFailure, an unknown table, anything unexpected."""
    from moto.dynamodb.comparisons import get_filter_expression

    seen = set()
    results = []
    try:
        for item in transact_items:
            [(op_type, op)] = item.items()
            table = backend.get_table(op["TableName"])
            if op_type == "Put":
                key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = op["Item"][table.range_key_attr]
            else:
                key = op["Key"]
            identity = (op["TableName"], str(sorted(key.items())))
            if identity in seen or op.get("ReturnValuesOnConditionCheckFailure"):
                return None
            seen.add(identity)
            expression = op.get("ConditionExpression")
            if expression is None:
                results.append(True)
                continue
            condition = get_filter_expression(
                expression, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
            )
            results.append(bool(condition.expr(backend.get_item(op["TableName"], key))))
    except Exception:  # anything unusual: let moto handle (and report) it the slow way
        return None
    return results


def _install_fast_transactions() -> None:
    """Make moto's TransactWriteItems cost what DynamoDB's does, not a copy of the whole table.

    moto deep-copies every table a transaction touches so it can roll back on a failed condition: appends get slower as
    the table grows. Under the emulator's lock nothing changes between a dry run of the conditions and the writes, so
    when every condition holds no rollback can be needed and the copy is skipped, and when one fails the transaction
    is cancelled with the same reasons moto gives, before anything is written. Anything unusual (a duplicate key,
    ReturnValuesOnConditionCheckFailure, an unknown table) takes moto's own path.
    """
    import copy as real_copy

    from moto.dynamodb import models
    from moto.dynamodb.exceptions import TransactionCanceledException
    from moto.dynamodb.models.table import Table

    original = models.DynamoDBBackend.transact_write_items
    if getattr(original, "optledger_fast", False):
        return

    class _TablesNotCopied:
        @staticmethod
        def deepcopy(value: Any, memo: Any = None) -> Any:
            return value if isinstance(value, Table) else real_copy.deepcopy(value, memo)

    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
        results = condition_results(self, transact_items) if getattr(_inside_lock, "held", False) else None
        if results is None:
            return original(self, transact_items)
        if not all(results):
            raise TransactionCanceledException(
                [
                    (None, None, None) if ok else ("ConditionalCheckFailed", "The conditional request failed", None)
                    for ok in results
                ]
            )
        models.copy = _TablesNotCopied  # type: ignore[assignment]
        try:
            return original(self, transact_items)
        finally:
            models.copy = real_copy

    transact_write_items.optledger_fast = True  # type: ignore[attr-defined]
    setattr(models.DynamoDBBackend, "transact_write_items", transact_write_items)  # noqa: B010 - patching moto


def start_embedded_aws(host: str = "127.0.0.1", port: int = 0, *, fast_transactions: bool = True) -> EmbeddedAWS:
    """moto's server on loopback, one request at a time; ``fast_transactions=False`` leaves every transaction to
    moto's own code (the reference the fast path is compared with)."""
    from moto.server import DomainDispatcherApplication, create_backend_app

    _install_fast_transactions()
    dispatcher = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        with lock:
            _inside_lock.held = fast_transactions
            try:
                return list(dispatcher(environ, start_response))
            finally:
                _inside_lock.held = False

    server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="embedded-aws", daemon=True)
    thread.start()
    return EmbeddedAWS(f"http://{host}:{server.server_port}", server, thread)

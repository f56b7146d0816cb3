"""Powertools Logger, Tracer and Metrics for every handler, wired the same way.

``@instrumented()`` (or ``@instrumented(correlation_paths.API_GATEWAY_HTTP)`` for HTTP handlers) adds the Lambda
context to log lines, traces the invocation (X-Ray; ``Tracing: Active`` in the template) without recording the
response (it can carry phone numbers), and flushes the metrics of the invocation as CloudWatch EMF, with a cold-start
metric so that every invocation publishes at least one. The namespace is ``POWERTOOLS_METRICS_NAMESPACE``.

The X-Ray SDK is the largest import of a cold start (about 230 ms here: its recorder builds a sampling client at
import). With ``POWERTOOLS_TRACE_DISABLED=true`` (the template's ``XRayTracing=false``; local runs and tests) it is
never imported; Lambda's own active tracing still records each invocation.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Metrics

from optledger.logs import logger

# Pages, preflights and reads publish no metric of their own: an empty flush is expected, not worth a warning each time.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or "OptLedger")

Handler = Callable[[dict[str, Any], Any], Any]


def instrumented(correlation_id_path: str | None = None) -> Callable[[Handler], Handler]:
    def wrap(handler: Handler) -> Handler:
        handler = logger.inject_lambda_context(correlation_id_path=correlation_id_path)(handler)
        if tracing_enabled():
            from aws_lambda_powertools import Tracer

            handler = Tracer().capture_lambda_handler(capture_response=False)(handler)
        return metrics.log_metrics(capture_cold_start_metric=True)(handler)

    return wrap


def count(name: str, value: float = 1) -> None:
    """``value`` more of ``name`` (one by default) in this invocation's metrics (CloudWatch EMF, flushed by
    ``instrumented``)."""
    from aws_lambda_powertools.metrics import MetricUnit

    metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


def gauge(name: str, value: float) -> None:
    """A measured level (say, replies waiting past half their deadline) in this invocation's metrics."""
    from aws_lambda_powertools.metrics import MetricUnit

    metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


def tracing_enabled() -> bool:
    return os.environ.get("POWERTOOLS_TRACE_DISABLED", "").strip().lower() not in ("1", "true", "yes")

"""Handlers in process against the embedded DynamoDB: AWS calls per request and warm latency (cold starts:
cold_imports.py).

Prints one figure a line. Latencies include the embedded DynamoDB's HTTP round trips on loopback, so they measure this
machine, not Lambda; the ratios and call counts are what carry over.
"""

from __future__ import annotations

import json
import time

from _harness import CallCounter, Context, local_stack, percentile

REQUESTS = 200


def measure(name: str, handler, events: list[dict], counter: CallCounter) -> None:
    handler(events[0], Context())  # warm the container: campaign cache, lazy imports
    counter.reset()
    latencies = []
    for event in events[1:]:
        started = time.perf_counter()
        response = handler(event, Context())
        latencies.append(time.perf_counter() - started)
        assert response["statusCode"] < 300, response
    count = len(events) - 1
    print(f"{name}.aws_calls_per_request {counter.total / count:.2f}")
    print(f"{name}.calls_by_operation {json.dumps(dict(counter.calls), sort_keys=True)}")
    print(f"{name}.warm_p50_ms {percentile(latencies, 0.5) * 1000:.2f}")
    print(f"{name}.warm_p99_ms {percentile(latencies, 0.99) * 1000:.2f}")


def main() -> None:
    embedded = local_stack()
    import os

    os.environ["OPTLEDGER_TWILIO_AUTH_TOKEN"] = "test-twilio-auth-token"
    from optledger import runtime
    from tests.support.functions import function
    from tests.support.twilio import form, http_api_event, load_event

    counter = CallCounter(runtime.store().dynamodb, runtime.store().s3)
    webhooks, consents = function("webhooks"), function("consents")
    stops = [http_api_event(form("STOP", sid=f"SM{n:032d}", sender=f"+1415556{n:04d}")) for n in range(REQUESTS + 1)]
    measure("webhook_stop", webhooks.lambda_handler, stops, counter)
    get = load_event("api/consents_get.json")
    reads = []
    for n in range(REQUESTS + 1):
        event = json.loads(json.dumps(get))
        event["rawPath"] = f"/consents/+1415556{n:04d}"
        reads.append(event)
    measure("consents_get", consents.lambda_handler, reads, counter)
    checks = []
    for n in range(REQUESTS + 1):
        event = load_event("api/consents_check.json")
        event["body"] = json.dumps({"phone": f"+1415556{n:04d}", "campaign": "C7DEALS", "purpose": "promotional"})
        checks.append(event)
    measure("consents_check", consents.lambda_handler, checks, counter)
    embedded.stop()


if __name__ == "__main__":
    main()

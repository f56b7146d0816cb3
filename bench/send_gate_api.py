"""POST /consents/check through lambda_handler against the embedded DynamoDB: checks/s and calls per check."""

from __future__ import annotations

import json
import time

from _harness import CallCounter, Context, local_stack, percentile

CHECKS = 400


def main() -> None:
    embedded = local_stack()
    from optledger import runtime
    from optledger.ledger import Draft
    from tests.support.functions import function
    from tests.support.twilio import load_event

    consents = function("consents")
    phones = [f"+1415555{n:04d}" for n in range(100)]
    for phone in phones:
        runtime.ledger().append(
            Draft(
                brand="acme",
                phone=phone,
                type="opt_in",
                campaigns=("C7DEALS", "C7ALERTS"),
                channel="api",
                occurred_at="2026-11-01T12:00:00.000Z",
                source={"api": "bench"},
                tiers={"C7DEALS": "express_written", "C7ALERTS": "express"},
            )
        )
    template = load_event("api/consents_check.json")
    purposes = ["informational", "promotional", "conversational"]
    events = []
    for n in range(CHECKS):
        event = json.loads(json.dumps(template))
        campaign = "C7ALERTS" if n % 3 == 0 else "C7DEALS"
        event["body"] = json.dumps(
            {
                "phone": phones[n % len(phones)],
                "campaign": campaign,
                "purpose": purposes[n % 3],
                "at": "2026-11-28T18:00:00Z",
            }
        )
        events.append(event)
    counter = CallCounter(runtime.store().dynamodb)
    consents.lambda_handler(events[0], Context())  # warm: campaign cache, quiet-hours tables
    counter.reset()
    latencies = []
    started = time.perf_counter()
    for event in events:
        t0 = time.perf_counter()
        response = consents.lambda_handler(event, Context())
        latencies.append(time.perf_counter() - t0)
        assert response["statusCode"] == 200, response
    elapsed = time.perf_counter() - started
    print(f"send_gate.checks_per_second {CHECKS / elapsed:.0f}")
    print(f"send_gate.dynamodb_calls_per_check {counter.total / CHECKS:.2f}")
    print(f"send_gate.calls_by_operation {dict(counter.calls)}")
    print(f"send_gate.latency_p50_ms {percentile(latencies, 0.5) * 1000:.2f}")
    print(f"send_gate.latency_p99_ms {percentile(latencies, 0.99) * 1000:.2f}")
    embedded.stop()


if __name__ == "__main__":
    main()

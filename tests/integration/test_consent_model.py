"""Proof by model: random sequences of everything a deployment sees, through the real handlers against the embedded
DynamoDB, and after every step the send gate must answer what a small reference model of DESIGN section 1 answers.

The reference model below is written from DESIGN section 1 alone: it imports none of the product's rules (no
``optledger.consent``, ``sendgate``, ``classify``, ``quiet_hours`` or ``models``). It knows the meaning of the few
replies the machine sends (its own vocabulary), the tiers, scopes, ordering, double opt-in window, conversation window,
review hold and California's quiet hours, and nothing else.

Steps: campaign puts (including attempted brand and sender moves), inbound texts through Twilio, Telnyx and Sinch
(keywords, YES/Y, free text, unclear replies, redeliveries, back-dated and implausible provider timestamps), web
opt-ins with and without double opt-in, consent events of every channel (with out-of-range times that must be refused),
review decisions, and the clock moving on. ``OPTLEDGER_MODEL_EXAMPLES`` sets the number of examples (CI: 300 of 25
steps; ``make soak``: ten times more).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import boto3
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from optledger import runtime
from optledger_tools.local.provision import provision
from tests.conftest import API_KEY, ROOT
from tests.support.functions import function
from tests.support.optins import DEMO, json_optin
from tests.support.twilio import PUBLIC_URL, form, http_api_event
from tests.support.webhooks import http_event

EXAMPLES = int(os.environ.get("OPTLEDGER_MODEL_EXAMPLES", "300"))
# Shrinking a failure to its shortest sequence can take minutes; OPTLEDGER_MODEL_SHRINK=0 skips it while iterating.
PHASES = [
    p
    for p in Phase
    if p is not Phase.explain and (p is not Phase.shrink or os.environ.get("OPTLEDGER_MODEL_SHRINK") != "0")
]
STEPS = 25
SINCH_SECRET = "model-sinch-secret"
START = datetime(2026, 7, 15, 16, 0, tzinfo=UTC)  # 09:00 in California: the day is ahead
PACIFIC = ZoneInfo("America/Los_Angeles")
DEMO_BY_ID = {c["id"]: c for c in DEMO}
_examples = itertools.count(1)

# ---------------------------------------------------------------------------------------------------------------------
# The reference model: DESIGN section 1, written separately
# ---------------------------------------------------------------------------------------------------------------------

RANK = {"implied": 1, "express": 2, "express_written": 3}
NEEDS = {"conversational": 1, "informational": 2, "promotional": 3}
TIER_OF = {"conversational": "implied", "informational": "express", "promotional": "express_written"}
CHANNEL_CAP = {"verbal": "express"}  # verbal consent is not written consent
CONFIRM_HOURS = 72
SKEW = timedelta(minutes=5)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)

# What each reply the machine sends means (the model's own vocabulary, chosen to be unambiguous).
REPLIES = {
    "STOP": "opt_out",
    "stop please": "opt_out",
    "please stop texting me": "opt_out",
    "STOPALL": "opt_out_brand",
    "START": "start",
    "YES": "yes",
    "Y": "yes",
    "HELP": "help",
    "DEALS": "join",
    "ALERTS": "join",
    "not interested": "review",
    "I'll stop by at 5": "message",
    "thanks, see you then": "message",
}


@dataclass
class Decision:
    status: str  # opted_in | opted_out
    tier: str | None
    at: datetime
    event_id: str


@dataclass
class CampaignFacts:
    decision: Decision | None = None
    pending: tuple[datetime, str] | None = None  # (at, event_id) of the latest double opt-in request
    inbound: datetime | None = None  # the consumer's latest message
    reviews: dict[str, datetime] = field(default_factory=dict)  # unclear replies: event id -> when written


@dataclass
class NumberModel:
    campaigns: dict[str, CampaignFacts] = field(default_factory=dict)
    brand_opt_out: Decision | None = None

    def facts(self, campaign: str) -> CampaignFacts:
        return self.campaigns.setdefault(campaign, CampaignFacts())


def wins(new: Decision, old: Decision | None) -> bool:
    """The latest occurred_at decides; on a tie an opt-out wins; two of a kind at one instant: the later event id."""
    if old is None or new.at != old.at:
        return old is None or new.at > old.at
    if new.status != old.status:
        return new.status == "opted_out"
    return new.event_id > old.event_id


def decide(model: NumberModel, campaigns: list[str], status: str, tier_of: dict[str, str | None], at, event_id):
    for campaign in campaigns:
        facts = model.facts(campaign)
        new = Decision(status, tier_of.get(campaign), at, event_id)
        if wins(new, facts.decision):
            facts.decision = new


def in_effect(model: NumberModel, campaign: str) -> Decision | None:
    """The campaign's decision, unless a brand-wide opt-out came at the same time or later."""
    own, brand = model.facts(campaign).decision, model.brand_opt_out
    if brand and (own is None or brand.at > own.at or (brand.at == own.at and (own.status == "opted_in"))):
        return brand
    return own


def awaiting(model: NumberModel, campaign: str) -> tuple[datetime, str] | None:
    pending, decision = model.facts(campaign).pending, in_effect(model, campaign)
    if pending and (decision is None or pending[0] > decision.at):
        return pending
    return None


def expired(pending: tuple[datetime, str], at: datetime) -> bool:
    return at >= pending[0] + timedelta(hours=CONFIRM_HOURS)


def open_reviews(model: NumberModel, campaign: str, resolved: set[str]) -> list[str]:
    facts = model.facts(campaign)
    own = facts.decision
    return [i for i, at in facts.reviews.items() if (own is None or at > own.at) and i not in resolved]


def quiet(at: datetime) -> bool:
    """Federal quiet hours for a California number: promotional texts only 08:00-21:00 local time."""
    return not 8 <= at.astimezone(PACIFIC).hour < 21


def model_gate(model, campaign, purpose, at, now, resolved, window_hours) -> tuple[bool, set[str]]:
    """(allowed, acceptable reasons) for one campaign's send of ``purpose`` at ``at`` with consent as of ``now``."""
    decision = in_effect(model, campaign["id"])
    if decision and decision.status == "opted_out":
        # A web sign-up after the STOP, still awaiting its YES, is the latest word: either answer denies, and so does
        # an unclear reply since the STOP that still waits for a person (the gate then names the reply).
        pending = awaiting(model, campaign["id"])
        if not pending or expired(pending, now):
            return False, {"opted_out"}
        held = purpose != "conversational" and bool(open_reviews(model, campaign["id"], resolved))
        return False, {"opted_out", "pending_confirmation"} | ({"review_pending"} if held else set())
    if purpose != "conversational" and open_reviews(model, campaign["id"], resolved):
        return False, {"review_pending"}
    inbound = model.facts(campaign["id"]).inbound
    talking = inbound is not None and -SKEW <= at - inbound < timedelta(hours=window_hours)
    if decision is None:
        if (pending := awaiting(model, campaign["id"])) and not expired(pending, now):
            return False, {"pending_confirmation"}
        if purpose == "conversational" and talking:
            return True, {"ok"}
        return False, {"no_consent"}
    tier = decision.tier or "implied"
    if purpose == "conversational" and RANK[tier] < RANK["express"]:
        return (True, {"ok"}) if talking else (False, {"no_consent"})
    if RANK[tier] < NEEDS[purpose]:
        # A higher opt-in may be waiting for its YES: either answer denies.
        return False, {"insufficient_tier", "pending_confirmation"}
    if purpose == "promotional" and quiet(at):
        return False, {"quiet_hours"}
    return True, {"ok"}


# ---------------------------------------------------------------------------------------------------------------------
# The machine
# ---------------------------------------------------------------------------------------------------------------------


def toll_free(k: int) -> str:
    prefix = ("888", "877", "866", "855", "844", "833", "800")[k // 10_000 % 7]
    return f"+1{prefix}555{k % 10_000:04d}"


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Inbound:
    provider: str
    phone: str
    sender: str
    text: str
    message_id: str
    provider_time: datetime | None
    recorded: bool = False


class ConsentMachine(RuleBasedStateMachine):
    inbounds = Bundle("inbounds")

    def __init__(self, clock: Clock, context: Any, telnyx_key: Any) -> None:
        super().__init__()
        self.clock, self.context, self.telnyx_key = clock, context, telnyx_key
        self.consents, self.webhooks, self.optins = function("consents"), function("webhooks"), function("optins")
        n = next(_examples)
        self.brand, self.other_brand = f"m{n}", f"o{n}"
        self.senders = [toll_free(1000 + n * 3 + i) for i in range(3)]  # a sender belongs to one brand for ever
        self.phones = [f"+1415555{(n * 2 + i) % 10_000:04d}" for i in range(2)]
        self.models = {phone: NumberModel() for phone in self.phones}
        self.resolved: set[str] = set()
        self.review_campaigns: dict[str, tuple[str, datetime, list[str]]] = {}  # event id -> phone, at, campaigns
        self.campaigns: dict[str, dict[str, Any]] = {}
        self.message_ids = itertools.count(1)
        self.clock.now = START
        # A table of its own for each example: moto reads a whole table for every query, so one table shared by
        # hundreds of examples would make each step slower than the last.
        self.table = f"model-ledger-{n}"
        dynamodb = boto3.client("dynamodb")
        provision(
            ROOT, table=self.table, bucket=os.environ["OPTLEDGER_BUCKET"], dynamodb=dynamodb, s3=boto3.client("s3")
        )
        os.environ["OPTLEDGER_TABLE"] = self.table
        runtime.reset()

    def teardown(self) -> None:
        boto3.client("dynamodb").delete_table(TableName=self.table)

    # -- plumbing --------------------------------------------------------------------------------------------------

    def call(self, handler: Any, event: dict[str, Any]) -> tuple[int, dict[str, Any] | str]:
        response = handler.lambda_handler(event, self.context)
        body = response.get("body") or ""
        try:
            return response["statusCode"], json.loads(body)
        except ValueError:
            return response["statusCode"], body

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        headers = {"authorization": f"Bearer {API_KEY}", "content-type": "application/json"}
        return self.call(self.consents, http_event(method, PUBLIC_URL + path, headers, json.dumps(body or {})))

    def last_event(self, phone: str) -> dict[str, Any]:
        store = runtime.store()
        head = store.get_head(self.brand, phone)
        assert head is not None
        response = store.dynamodb.get_item(
            TableName=store.table,
            Key={"pk": {"S": f"PHONE#{self.brand}#{phone}"}, "sk": {"S": f"EVENT#{head.seq:010d}"}},
        )
        return json.loads(response["Item"]["event"]["S"])

    def put(self, campaign: dict[str, Any]) -> int:
        status, body = self.api("PUT", f"/campaigns/{campaign['id']}", campaign)
        assert status in (200, 201, 409, 422), (status, body)
        return status

    def on_sender(self, sender: str) -> list[dict[str, Any]]:
        return [c for c in self.campaigns.values() if c["brand"] == self.brand and sender in c["senders"]]

    def ours(self) -> list[dict[str, Any]]:
        return [c for c in self.campaigns.values() if c["brand"] == self.brand]

    # -- set-up --------------------------------------------------------------------------------------------------------

    @initialize(double_opt_in=st.booleans())
    def campaigns_exist(self, double_opt_in: bool) -> None:
        def campaign(demo_id: str, new_id: str, brand: str, senders: list[str], **changes: Any) -> dict[str, Any]:
            document = {**DEMO_BY_ID[demo_id], "id": new_id, "brand": brand, "senders": senders, **changes}
            assert self.put(document) == 201
            self.campaigns[new_id] = document
            return document

        prefix = self.brand.upper()
        self.chat = campaign("C7CHAT", f"{prefix}CHAT", self.brand, [self.senders[0]])
        self.alerts = campaign("C7ALERTS", f"{prefix}ALERTS", self.brand, [self.senders[0]])
        self.deals = campaign("C7DEALS", f"{prefix}DEALS", self.brand, [self.senders[1]], double_opt_in=double_opt_in)
        campaign("C7CHAT", f"{self.other_brand.upper()}X", self.other_brand, [self.senders[2]])

    # -- campaign configuration ----------------------------------------------------------------------------------------

    @rule(which=st.sampled_from(["chat", "alerts", "deals"]))
    def campaign_cannot_move_to_another_brand(self, which: str) -> None:
        campaign = getattr(self, which)
        assert self.put({**campaign, "brand": self.other_brand}) == 409

    @rule(which=st.sampled_from(["chat", "alerts", "deals"]))
    def campaign_cannot_take_another_brands_sender(self, which: str) -> None:
        campaign = getattr(self, which)
        assert self.put({**campaign, "senders": [*campaign["senders"], self.senders[2]]}) == 409

    @rule(sender=st.sampled_from([0, 1]))
    def deals_moves_sender(self, sender: int) -> None:
        document = {**self.deals, "senders": [self.senders[sender]]}
        assert self.put(document) == 200
        self.deals = self.campaigns[document["id"]] = document

    @rule(double_opt_in=st.booleans())
    def deals_double_opt_in_changes(self, double_opt_in: bool) -> None:
        document = {**self.deals, "double_opt_in": double_opt_in}
        assert self.put(document) == 200
        self.deals = self.campaigns[document["id"]] = document

    # -- inbound texts ---------------------------------------------------------------------------------------------

    def deliver(self, message: Inbound, *, again: bool = False) -> dict[str, Any] | str:
        if message.provider == "twilio":
            fields = form(message.text, sid=message.message_id, sender=message.phone, to=message.sender)
            status, body = self.call(self.webhooks, http_api_event(fields))
        elif message.provider == "telnyx":
            stamp = message.provider_time.isoformat() if message.provider_time else None
            payload = {
                "data": {
                    "event_type": "message.received",
                    "id": str(uuid.uuid4()),
                    "occurred_at": stamp,
                    "payload": {
                        "direction": "inbound",
                        "from": {"phone_number": message.phone},
                        "id": message.message_id,
                        "received_at": stamp,
                        "record_type": "message",
                        "text": message.text,
                        "to": [{"phone_number": message.sender}],
                        "type": "SMS",
                    },
                    "record_type": "event",
                }
            }
            raw = json.dumps(payload)
            timestamp = str(int(self.clock.now.timestamp()))
            signature = base64.b64encode(self.telnyx_key.sign(f"{timestamp}|{raw}".encode())).decode()
            headers = {"telnyx-signature-ed25519": signature, "telnyx-timestamp": timestamp}
            status, body = self.call(self.webhooks, http_event("POST", PUBLIC_URL + "/webhooks/telnyx", headers, raw))
        else:
            from optledger.providers.sinch import compute_signature

            raw = json.dumps(
                {
                    "id": message.message_id,
                    "from": message.phone.lstrip("+"),
                    "to": message.sender.lstrip("+"),
                    "body": message.text,
                    "type": "mo_text",
                    "received_at": message.provider_time.isoformat() if message.provider_time else None,
                }
            )
            nonce, timestamp = uuid.uuid4().hex, str(int(self.clock.now.timestamp()))
            headers = {
                "x-sinch-webhook-signature": compute_signature(SINCH_SECRET, raw.encode(), nonce, timestamp),
                "x-sinch-webhook-signature-nonce": nonce,
                "x-sinch-webhook-signature-timestamp": timestamp,
            }
            status, body = self.call(self.webhooks, http_event("POST", PUBLIC_URL + "/webhooks/sinch", headers, raw))
        if not again and not self.on_sender(message.sender):
            # No campaign sends from that number (one moved away): refused, nothing recorded.
            assert status == 404 and body["fields"] == {"recipient": "unknown"}, (status, body)
            return body
        assert status == 200, (status, body)
        return body

    @rule(
        target=inbounds,
        provider=st.sampled_from(["twilio", "telnyx", "sinch"]),
        phone=st.sampled_from([0, 1]),
        sender=st.sampled_from([0, 1]),
        text=st.sampled_from(sorted(REPLIES)),
        shift=st.sampled_from(["none", "now", "-1m", "-3h", "-30h", "-5d", "+2m", "+1h", "0026", "9999", "1999"]),
    )
    def consumer_texts(self, provider: str, phone: int, sender: int, text: str, shift: str) -> Inbound:
        now = self.clock.now
        when: datetime | None = {
            "none": None,
            "now": now,
            "-1m": now - timedelta(minutes=1),
            "-3h": now - timedelta(hours=3),
            "-30h": now - timedelta(hours=30),
            "-5d": now - timedelta(days=5),
            "+2m": now + timedelta(minutes=2),
            "+1h": now + timedelta(hours=1),
            "0026": now.replace(year=26),
            "9999": datetime(9999, 12, 31, 23, 0, tzinfo=UTC),
            "1999": datetime(1999, 12, 31, 23, 59, tzinfo=UTC),
        }[shift]
        if provider == "twilio":
            when = None  # Twilio sends no time: the receipt time is used
        message = Inbound(
            provider, self.phones[phone], self.senders[sender], text, f"MID{next(self.message_ids)}x{id(self)}", when
        )
        message.recorded = bool(self.on_sender(message.sender))
        self.deliver(message)
        self.apply_inbound(message)
        return message

    def apply_inbound(self, message: Inbound) -> None:
        """What the model says one text does."""
        now = self.clock.now
        at = message.provider_time
        if at is None or not EARLIEST <= at <= now + SKEW:
            at = now  # an implausible provider time is replaced by the receipt time
        model = self.models[message.phone]
        on_number = self.on_sender(message.sender)
        if not on_number:
            return
        event = self.last_event(message.phone)
        assert event["occurred_at"] == f"{at:%Y-%m-%dT%H:%M:%S}.{at.microsecond // 1000:03d}Z", event["occurred_at"]
        meaning = REPLIES[message.text]
        if meaning == "join" and not any(message.text in c["join_keywords"] for c in on_number):
            meaning = "message"  # another sender's keyword is an ordinary word here
        if meaning in ("start", "yes"):
            waiting = {c["id"]: p for c in on_number if (p := awaiting(model, c["id"])) is not None}
            live = [cid for cid, p in waiting.items() if p[0] <= at and not expired(p, at)]
            if live:
                decide(
                    model, live, "opted_in", {c["id"]: TIER_OF[c["purpose"]] for c in on_number}, at, event["event_id"]
                )
                return
            if meaning == "yes":
                meaning = "message"  # nothing (live) to confirm: "Y" answers any question, it agrees to nothing
        if meaning in ("opt_out", "opt_out_brand"):
            if meaning == "opt_out_brand":
                decide(model, [c["id"] for c in self.ours()], "opted_out", {}, at, event["event_id"])
                if wins(Decision("opted_out", None, at, event["event_id"]), model.brand_opt_out):
                    model.brand_opt_out = Decision("opted_out", None, at, event["event_id"])
            else:
                decide(model, [c["id"] for c in on_number], "opted_out", {}, at, event["event_id"])
            self.drop_answered_reviews(model)
        elif meaning in ("start", "join"):
            targets = [c for c in on_number if meaning == "start" or message.text in c["join_keywords"]]
            tiers = {c["id"]: TIER_OF[c["purpose"]] for c in targets}
            decide(model, list(tiers), "opted_in", tiers, at, event["event_id"])
            self.drop_answered_reviews(model)
        elif meaning in ("message", "review"):
            for campaign in on_number:
                facts = model.facts(campaign["id"])
                facts.inbound = max(facts.inbound or at, at)
                if meaning == "review":
                    facts.reviews[event["event_id"]] = at
            if meaning == "review":
                self.review_campaigns[event["event_id"]] = (message.phone, at, [c["id"] for c in on_number])
            self.drop_answered_reviews(model)
        # help: recorded, changes no consent

    def drop_answered_reviews(self, model: NumberModel) -> None:
        """An opt-in or opt-out at or after an unclear reply answers it."""
        for facts in model.campaigns.values():
            if facts.decision:
                facts.reviews = {i: at for i, at in facts.reviews.items() if at > facts.decision.at}

    @rule(message=inbounds)
    def provider_redelivers(self, message: Inbound) -> None:
        if not message.recorded:
            return
        body = self.deliver(message, again=True)
        if isinstance(body, dict):
            assert body.get("duplicate") is True, body  # the same answer, marked, and nothing new recorded

    # -- web opt-ins ---------------------------------------------------------------------------------------------------

    @rule(phone=st.sampled_from([0, 1]), which=st.sampled_from(["alerts", "deals"]))
    def web_opt_in(self, phone: int, which: str) -> None:
        campaign = getattr(self, which)
        event = json_optin(
            phone=self.phones[phone], campaign=campaign["id"], disclosure=campaign["disclosures"][0], session_id=None
        )
        status, body = self.call(self.optins, event)
        assert status == 201, (status, body)
        model, now = self.models[self.phones[phone]], self.clock.now
        if campaign["double_opt_in"]:
            assert body["status"] == "pending"
            facts = model.facts(campaign["id"])
            if facts.pending is None or (now, body["event_id"]) > facts.pending:
                facts.pending = (now, body["event_id"])
        else:
            tier = TIER_OF[campaign["purpose"]]
            decide(model, [campaign["id"]], "opted_in", {campaign["id"]: tier}, now, body["event_id"])
            self.drop_answered_reviews(model)

    # -- consent from other channels ----------------------------------------------------------------------------------

    @rule(
        phone=st.sampled_from([0, 1]),
        which=st.sampled_from(["alerts", "deals"]),
        kind=st.sampled_from(["opt_in", "opt_out", "opt_out_brand"]),
        channel=st.sampled_from(["verbal", "paper", "pos", "ivr", "email", "api"]),
        shift=st.sampled_from(["now", "-1s", "-2h", "-30h", "-10d", "+4m", "+6m", "0026", "9999", "1999", "garbage"]),
    )
    def business_records_consent(self, phone: int, which: str, kind: str, channel: str, shift: str) -> None:
        campaign, now = getattr(self, which), self.clock.now
        when = {
            "now": now,
            "-1s": now - timedelta(seconds=1),
            "-2h": now - timedelta(hours=2),
            "-30h": now - timedelta(hours=30),
            "-10d": now - timedelta(days=10),
            "+4m": now + timedelta(minutes=4),
            "+6m": now + timedelta(minutes=6),
            "0026": now.replace(year=26),
            "9999": None,
            "1999": datetime(1999, 12, 31, 23, 59, tzinfo=UTC),
            "garbage": None,
        }[shift]
        text = {"9999": "9999-12-31T23:00:00-12:00", "garbage": "yesterday"}.get(shift) or when.isoformat()
        body: dict[str, Any] = {
            "phone": self.phones[phone],
            "campaign": campaign["id"],
            "type": "opt_out" if kind.startswith("opt_out") else "opt_in",
            "channel": channel,
            "occurred_at": text,
            "agent_id": "agent-7",
            "document_sha256": hashlib.sha256(b"scan").hexdigest(),
            "subject": "jane@example.com",
        }
        if kind == "opt_in":
            body["disclosure"] = campaign["disclosures"][0]
        if kind == "opt_out_brand":
            body["scope"] = "brand"
        status, answer = self.api("POST", "/consents/events", body)
        valid = when is not None and EARLIEST <= when <= now + SKEW
        if not valid:
            assert status == 422 and "occurred_at" in answer["fields"], (status, answer)
            return
        assert status == 201, (status, answer)
        model, event_id = self.models[self.phones[phone]], answer["event_id"]
        if kind == "opt_in":
            tier = TIER_OF[campaign["purpose"]]
            if channel in CHANNEL_CAP and RANK[CHANNEL_CAP[channel]] < RANK[tier]:
                tier = CHANNEL_CAP[channel]
            decide(model, [campaign["id"]], "opted_in", {campaign["id"]: tier}, when, event_id)
        elif kind == "opt_out":
            decide(model, [campaign["id"]], "opted_out", {}, when, event_id)
        else:
            decide(model, [c["id"] for c in self.ours()], "opted_out", {}, when, event_id)
            if wins(Decision("opted_out", None, when, event_id), model.brand_opt_out):
                model.brand_opt_out = Decision("opted_out", None, when, event_id)
        self.drop_answered_reviews(model)

    # -- review decisions ----------------------------------------------------------------------------------------------

    @rule(data=st.data(), decision=st.sampled_from(["revocation", "not_revocation"]))
    def person_decides_a_review(self, data: st.DataObject, decision: str) -> None:
        if not self.review_campaigns:
            return
        event_id = data.draw(st.sampled_from(sorted(self.review_campaigns)))
        status, answer = self.api("POST", f"/reviews/{event_id}", {"decision": decision, "agent_id": "agent-9"})
        if event_id in self.resolved:
            assert status == 409, (status, answer)  # the first decision stands
            return
        assert status == 200, (status, answer)
        self.resolved.add(event_id)
        phone, at, campaigns = self.review_campaigns[event_id]
        if decision == "revocation":
            model = self.models[phone]
            decide(model, campaigns, "opted_out", {}, at, answer["opt_out_event_id"])
            self.drop_answered_reviews(model)

    # -- time ------------------------------------------------------------------------------------------------------

    @rule(step=st.sampled_from([timedelta(minutes=1), timedelta(hours=3), timedelta(hours=25), timedelta(hours=73)]))
    def time_passes(self, step: timedelta) -> None:
        self.clock.now += step

    # -- the invariant -------------------------------------------------------------------------------------------------

    @invariant()
    def send_gate_agrees_with_the_model(self) -> None:
        if not self.campaigns:
            return
        from optledger.sendgate import answer

        store, now = runtime.store(), self.clock.now
        directory = runtime.campaigns().directory()
        for phone in self.phones:
            head = store.get_head(self.brand, phone)
            state = head.state if head else None
            for document in self.ours():
                campaign = directory.get(document["id"])
                for purpose in ("conversational", "informational", "promotional"):
                    got = answer(state, campaign, purpose, now, phone, store=store, now=now)
                    allowed, reasons = model_gate(
                        self.models[phone],
                        document,
                        purpose,
                        now,
                        now,
                        self.resolved,
                        document["conversation_window_hours"],
                    )
                    assert (got.allowed, got.reason in reasons) == (allowed, True), (
                        phone[-4:],
                        document["id"],
                        purpose,
                        got,
                        allowed,
                        reasons,
                    )
        # And the route answers the same as the library call it wraps, for one combination per step.
        phone, document = self.phones[0], self.deals
        status, routed = self.api(
            "POST", "/consents/check", {"phone": phone, "campaign": document["id"], "purpose": "promotional"}
        )
        assert status == 200, routed
        expected, reasons = model_gate(
            self.models[phone], document, "promotional", now, now, self.resolved, document["conversation_window_hours"]
        )
        assert (routed["allowed"], routed["reason"] in reasons) == (expected, True), routed


@pytest.mark.skipif(sys.version_info < (3, 11), reason="needs Python 3.11")
def test_send_gate_agrees_with_the_reference_model(env, lambda_context, monkeypatch) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from optledger import inbound

    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    monkeypatch.setenv("OPTLEDGER_TELNYX_PUBLIC_KEY", public)
    monkeypatch.setenv("OPTLEDGER_SINCH_WEBHOOK_SECRET", SINCH_SECRET)
    clock = Clock()
    # One clock for every module that reads the time, so the model controls windows and expiry.
    for name, module in list(sys.modules.items()):
        if name.startswith("optledger") and callable(getattr(module, "utcnow", None)):
            monkeypatch.setattr(module, "utcnow", clock)
    monkeypatch.setattr(inbound, "clock", clock)
    monkeypatch.setenv("OPTLEDGER_TABLE", os.environ["OPTLEDGER_TABLE"])  # restored after the examples' own tables
    runtime.reset()
    run_state_machine_as_test(
        lambda: ConsentMachine(clock, lambda_context, key),
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=PHASES,
        ),
    )

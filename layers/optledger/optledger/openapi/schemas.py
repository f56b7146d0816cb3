"""The component schemas of ``GET /openapi.json``: the bodies the routes take and answer."""

from __future__ import annotations

from typing import Any

from optledger.openapi.parts import CAMPAIGN_ID, EVENT_TYPES, PHONE, PURPOSES, REASONS, SHA256, TIERS, TIMESTAMP, ref


def schemas() -> dict[str, Any]:
    nullable_string = {"type": ["string", "null"]}
    return {
        "Error": {
            "type": "object",
            "description": "Every error answer. Never carries a full phone number or message text.",
            "required": ["error", "message"],
            "properties": {
                "error": {"type": "string", "examples": ["invalid"]},
                "message": {"type": "string"},
                "fields": {"type": "object", "description": "per-field problems", "additionalProperties": True},
            },
        },
        "Event": {
            "type": "object",
            "description": "A ledger event (DESIGN section 6); hash = SHA-256 of its canonical JSON without hash.",
            "required": ["event_id", "brand", "phone", "seq", "type", "campaigns", "channel", "occurred_at", "hash"],
            "properties": {
                "event_id": {"type": "string"},
                "brand": {"type": "string"},
                "phone": PHONE,
                "seq": {"type": "integer", "minimum": 1},
                "type": {"type": "string", "enum": EVENT_TYPES},
                "campaigns": {"type": "array", "items": {"type": "string"}},
                "tier": {"type": ["string", "null"]},
                "channel": {"type": "string"},
                "occurred_at": TIMESTAMP,
                "recorded_at": TIMESTAMP,
                "source": {"type": "object"},
                "evidence": {"type": "object"},
                "prev_hash": SHA256,
                "hash": SHA256,
            },
        },
        "CampaignState": {
            "type": "object",
            "required": ["status"],
            "properties": {
                "status": {"type": "string", "enum": ["opted_in", "opted_out", "pending", "none"]},
                "tier": nullable_string,
                "since": nullable_string,
                "event_id": nullable_string,
                "allowed": {"type": "boolean"},
                "reason": {"type": "string"},
            },
        },
        "ConsentRecord": {
            "type": "object",
            "required": ["phone", "brand", "campaigns", "events"],
            "properties": {
                "phone": PHONE,
                "brand": {"type": "string"},
                "campaigns": {"type": "object", "additionalProperties": ref("CampaignState")},
                "events": {"type": "array", "items": ref("Event")},
                "next_cursor": {"type": ["string", "null"]},
            },
        },
        "CheckRequest": {
            "type": "object",
            "required": ["phone", "campaign", "purpose"],
            "additionalProperties": False,
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "purpose": {"type": "string", "enum": PURPOSES},
                "at": {"type": "string", "description": "ISO-8601 moment of the planned send (default now)"},
            },
        },
        "CheckResult": {
            "type": "object",
            "required": ["allowed", "reason"],
            "properties": {
                "allowed": {"type": "boolean"},
                "reason": {"type": "string", "examples": REASONS},
                "tier": nullable_string,
                "event_id": nullable_string,
                "local_time": nullable_string,
                "next_allowed_at": nullable_string,
            },
        },
        "ConsentEventRequest": {
            "type": "object",
            "required": ["phone", "campaign", "type", "channel", "occurred_at"],
            "additionalProperties": False,
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "type": {"type": "string", "enum": ["opt_in", "opt_out"]},
                "channel": {"type": "string", "enum": ["verbal", "paper", "pos", "ivr", "email", "api"]},
                "occurred_at": {
                    "type": "string",
                    "description": "ISO-8601, between 2000-01-01 and now + 5 minutes",
                    "examples": ["2026-11-27T15:30:00Z"],
                },
                "subject": {"type": "string", "maxLength": 256},
                "agent_id": {"type": "string", "maxLength": 128},
                "document_sha256": SHA256,
                "disclosure": {"type": "string"},
                "disclosure_sha256": SHA256,
                "note": {"type": "string", "maxLength": 1000},
                "scope": {"type": "string", "enum": ["campaign", "sender", "brand"]},
            },
        },
        "EventCreated": {
            "type": "object",
            "required": ["event_id"],
            "properties": {"event_id": {"type": "string"}, "type": {"type": "string"}, "tier": nullable_string},
        },
        "EvidenceRequest": {
            "type": "object",
            "required": ["phone"],
            "properties": {"phone": PHONE, "campaign": {"type": "string"}},
        },
        "EvidenceCreated": {
            "type": "object",
            "required": ["key", "url", "expires_at"],
            "properties": {
                "key": {"type": "string"},
                "url": {"type": "string", "description": "presigned GET URL, valid 24 hours"},
                "expires_at": TIMESTAMP,
            },
        },
        "Campaign": {
            "type": "object",
            "description": "DESIGN section 5a. Unknown fields are refused (422).",
            "required": ["brand", "name", "purpose", "help_text", "opt_out_text", "opt_in_text"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"},
                "brand": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$"},
                "brand_name": {"type": "string"},
                "name": {"type": "string"},
                "purpose": {"type": "string", "enum": PURPOSES},
                "senders": {"type": "array", "items": PHONE},
                "join_keywords": {"type": "array", "items": {"type": "string"}},
                "double_opt_in": {"type": "boolean"},
                "help_text": {"type": "string"},
                "opt_out_text": {"type": "string"},
                "opt_in_text": {"type": "string"},
                "disclosures": {"type": "array", "items": {"type": "string"}},
                "allowed_origins": {"type": "array", "items": {"type": "string"}},
                "conversation_window_hours": {"type": "integer", "minimum": 1},
            },
        },
        "CampaignDescription": {
            "type": "object",
            "description": "The stored campaign plus the SHA-256 of each registered disclosure.",
            "required": ["id", "brand", "purpose", "disclosure_sha256"],
            "properties": {
                "id": {"type": "string"},
                "brand": {"type": "string"},
                "purpose": {"type": "string", "enum": PURPOSES},
                "disclosure_sha256": {"type": "array", "items": SHA256},
            },
        },
        "CampaignList": {
            "type": "object",
            "required": ["campaigns"],
            "properties": {"campaigns": {"type": "array", "items": ref("CampaignDescription")}},
        },
        "ReviewQueue": {
            "type": "object",
            "required": ["brand", "reviews"],
            "properties": {
                "brand": {"type": "string"},
                "reviews": {"type": "array", "items": {"type": "object"}},
                "next": {"type": ["string", "null"]},
            },
        },
        "ReviewDecision": {
            "type": "object",
            "required": ["decision", "agent_id"],
            "properties": {
                "decision": {"type": "string", "enum": ["revocation", "not_revocation"]},
                "agent_id": {"type": "string"},
                "note": {"type": "string"},
            },
        },
        "OptinRequest": {
            "type": "object",
            "description": "JSON or form-urlencoded. The IP comes from the connection, never from a header.",
            "required": ["phone", "campaign", "consent"],
            "properties": {
                "phone": PHONE,
                "campaign": CAMPAIGN_ID,
                "consent": {
                    "description": "must be true / on / yes / 1",
                    "anyOf": [{"type": "boolean"}, {"type": "string"}],
                },
                "disclosure": {"type": "string", "description": "the exact text shown"},
                "disclosure_sha256": SHA256,
                "page_url": {"type": "string"},
                "subject": {"type": "string"},
                "session_id": {"type": "string"},
            },
        },
        "OptinCreated": {
            "type": "object",
            "required": ["event_id", "status", "tier"],
            "properties": {
                "event_id": {"type": "string"},
                "status": {"type": "string", "enum": ["opted_in", "pending"]},
                "tier": {"type": "string", "enum": TIERS},
                "expires_at": TIMESTAMP,
                "reply": {"type": "string"},
            },
        },
        "WebhookRecorded": {
            "type": "object",
            "description": "JSON answer to providers other than Twilio and Plivo (which get TwiML / Plivo XML).",
            "properties": {
                "recorded": {"type": "boolean"},
                "action": {"type": "string"},
                "event_id": {"type": ["string", "null"]},
                "duplicate": {"type": "boolean"},
            },
        },
    }

"""A second brand beside the demo's acme, for the tests of per-brand access (its campaign and sender)."""

from __future__ import annotations

GLOBEX = {
    "id": "G1CHAT",
    "brand": "globex",
    "name": "Globex Support",
    "purpose": "informational",
    "senders": ["+18885550200"],
    "join_keywords": [],
    "double_opt_in": False,
    "help_text": "Globex Support: help at globex.example/help. Msg&data rates may apply. Reply STOP to cancel.",
    "opt_out_text": "Globex Support: you are unsubscribed and will receive no more messages.",
    "opt_in_text": "Globex Support: you are subscribed. Msg&data rates may apply. Reply HELP for help, STOP to cancel.",
    "disclosures": [],
    "allowed_origins": ["https://globex.example"],
    "conversation_window_hours": 24,
}

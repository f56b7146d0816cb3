"""Provider adapters: a plugin table from provider name to the module that verifies and parses its webhooks.

Adding a provider is one module with an ``adapter`` object and one line in ``_MODULES``. Modules are imported on
first use so a cold start pays only for the provider that called.
"""

from __future__ import annotations

import hmac
import importlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from optledger.errors import MalformedRequest, ProviderDisabled

_MODULES: dict[str, str] = {
    "twilio": "optledger.providers.twilio",
    "telnyx": "optledger.providers.telnyx",
    "bandwidth": "optledger.providers.bandwidth",
    "vonage": "optledger.providers.vonage",
    "plivo": "optledger.providers.plivo",
    "sinch": "optledger.providers.sinch",
    "bird": "optledger.providers.bird",
    "ringcentral": "optledger.providers.ringcentral",
    "sns": "optledger.providers.sns",
}


@dataclass(frozen=True)
class WebhookRequest:
    """One webhook call as the provider made it. ``url`` is the full public URL, query string included."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes = b""

    def __post_init__(self) -> None:
        object.__setattr__(self, "headers", {str(k).lower(): str(v) for k, v in self.headers.items()})

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    def form(self) -> dict[str, list[str]]:
        """The form-urlencoded body as name -> values (a malformed body is a 400)."""
        try:
            pairs = parse_qsl(self.body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError as exc:
            raise MalformedRequest("body is not UTF-8 form data") from exc
        form: dict[str, list[str]] = {}
        for name, value in pairs:
            form.setdefault(name, []).append(value)
        return form

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # deep nesting overflows the decoder
            raise MalformedRequest("body is not valid JSON") from exc


@dataclass(frozen=True)
class InboundMessage:
    """An inbound SMS. ``sender`` is the consumer, ``recipient`` the business number, both as the provider sent them."""

    sender: str
    recipient: str
    text: str
    provider: str
    message_id: str
    occurred_at: datetime | None = None  # time at the source where the provider gives one


@dataclass(frozen=True)
class WebhookReply:
    """What the webhook answers the provider."""

    status: int
    content_type: str
    body: str
    headers: Mapping[str, str] = field(default_factory=dict)


class ProviderAdapter(ABC):
    """Base of every adapter. Subclasses set ``name`` and ``secret_names`` and implement ``verify`` and ``parse``."""

    name: str = ""
    secret_names: tuple[str, ...] = ()  # every one must be configured, or the provider is disabled

    def is_configured(self, secrets: Mapping[str, str]) -> bool:
        return all(secrets.get(key) for key in self.secret_names)

    def require_configured(self, secrets: Mapping[str, str]) -> None:
        if not self.is_configured(secrets):
            raise ProviderDisabled(f"provider {self.name} is not configured")

    def handshake(self, request: WebhookRequest, secrets: Mapping[str, str]) -> WebhookReply | None:
        """A reply for a subscription handshake that carries no message (RingCentral, SNS), else None."""
        return None

    @abstractmethod
    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        """Raise SignatureError unless signed as the provider signs (ProviderDisabled if unconfigured)."""

    @abstractmethod
    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """The inbound messages of a verified request; MalformedRequest for anything else."""

    def reply(
        self, text: str | None, result: Mapping[str, Any], *, inbound: InboundMessage | None = None
    ) -> WebhookReply:
        """JSON acknowledgement; any reply text goes out as a ReplyRequested event, not in this body.

        ``inbound`` is the message being answered, for replies that must address it (Plivo XML).
        """
        return WebhookReply(200, "application/json", json.dumps(dict(result), separators=(",", ":")))


def constant_time_equal(a: str | bytes, b: str | bytes) -> bool:
    if isinstance(a, str):
        a = a.encode("utf-8")
    if isinstance(b, str):
        b = b.encode("utf-8")
    return hmac.compare_digest(a, b)


class _Registry(Mapping[str, ProviderAdapter]):
    def __init__(self, modules: Mapping[str, str]) -> None:
        self._modules = modules
        self._loaded: dict[str, ProviderAdapter] = {}

    def __getitem__(self, name: str) -> ProviderAdapter:
        if name not in self._modules:
            raise KeyError(name)
        if name not in self._loaded:
            self._loaded[name] = importlib.import_module(self._modules[name]).adapter
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


PROVIDERS: Mapping[str, ProviderAdapter] = _Registry(_MODULES)

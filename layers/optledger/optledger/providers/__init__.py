"""Provider adapters: a plugin table from provider name to the module that verifies and parses its webhooks.

Adding a provider is one module ``optledger/providers/<name>.py`` with an ``adapter`` object and one line in
``REGISTRY`` naming the secrets it needs (``optledger.config`` reads exactly those). Modules are imported on first use
so a cold start pays only for the provider that called.
"""

from __future__ import annotations

import hmac
import importlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl

from optledger.errors import MalformedRequest, ProviderDisabled


@dataclass(frozen=True)
class Provider:
    """One line of the registry: the adapter module ``optledger.providers.<name>`` and the names of the settings it
    reads from the secret: every one of ``secrets`` must be configured, or the provider is disabled; ``options`` are
    optional."""

    name: str
    secrets: tuple[str, ...] = ()
    options: tuple[str, ...] = ()


REGISTRY: tuple[Provider, ...] = (
    Provider("twilio", secrets=("TWILIO_AUTH_TOKEN",)),
    Provider("telnyx", secrets=("TELNYX_PUBLIC_KEY",)),
    Provider("bandwidth", secrets=("BANDWIDTH_USERNAME", "BANDWIDTH_PASSWORD")),
    Provider("vonage", secrets=("VONAGE_SIGNATURE_SECRET",), options=("VONAGE_SIGNATURE_METHOD",)),
    Provider("plivo", secrets=("PLIVO_AUTH_TOKEN",)),
    Provider("sinch", secrets=("SINCH_WEBHOOK_SECRET",)),
    Provider("bird", secrets=("BIRD_SIGNING_KEY",)),
    Provider("ringcentral", secrets=("RINGCENTRAL_VERIFICATION_TOKEN",)),
    Provider("sns", options=("SNS_TOPIC_ARNS",)),  # verified with AWS certificates; the option restricts the topics
)
_BY_NAME = {provider.name: provider for provider in REGISTRY}


def setting_names() -> tuple[str, ...]:
    """Every setting a provider reads from the secret, required or optional, in registry order."""
    return tuple(name for provider in REGISTRY for name in (*provider.secrets, *provider.options))


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


class PartStore(Protocol):
    """Where the parts of a long message wait for the rest (``optledger.store.Store``)."""

    def put_part(self, provider: str, key: str, part: int, document: Mapping[str, Any], *, ttl: int) -> None: ...

    def get_parts(self, provider: str, key: str) -> list[dict[str, Any]]: ...


class ProviderAdapter(ABC):
    """Base of every adapter. Subclasses set ``name`` (their registry line names their secrets) and implement
    ``verify`` and ``parse``."""

    name: str = ""

    @property
    def secret_names(self) -> tuple[str, ...]:
        """The secrets that must all be configured, or the provider is disabled (from the registry line)."""
        provider = _BY_NAME.get(self.name)
        return provider.secrets if provider else ()

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

    def reassemble(self, message: InboundMessage, parts: PartStore, *, ttl: int) -> InboundMessage | None:
        """The whole message ``message`` belongs to: itself, unless the provider delivers long messages in parts; then
        the part is kept in ``parts`` (for ``ttl``, epoch seconds) and None returned until every part has arrived."""
        return message

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
    def __init__(self, providers: Mapping[str, Provider]) -> None:
        self._providers = providers
        self._loaded: dict[str, ProviderAdapter] = {}

    def __getitem__(self, name: str) -> ProviderAdapter:
        if name not in self._providers:
            raise KeyError(name)
        if name not in self._loaded:
            adapter: ProviderAdapter = importlib.import_module(f"{__name__}.{name}").adapter
            self._loaded[name] = adapter
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._providers)

    def __len__(self) -> int:
        return len(self._providers)


PROVIDERS: Mapping[str, ProviderAdapter] = _Registry(_BY_NAME)

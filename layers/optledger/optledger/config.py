"""Configuration, read once per container from the environment (DESIGN section 5)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

ENV_PREFIX = "OPTLEDGER_"
CALLER_KEYS = (
    "API_KEY",
    "API_KEYS",  # JSON object: API key -> list of brands or "*" (optledger.access)
)
SECRETS_CACHE_SECONDS = 300


@cache
def secret_names() -> tuple[str, ...]:
    """What each provider reads (its registry line), then the callers' keys."""
    # The provider registry is imported where secrets are read, not with the settings: the functions that only read
    # settings (the send gate behind IAM, the opt-out sync, the daily run, the publisher) never load it.
    from optledger.providers import setting_names

    return (*setting_names(), *CALLER_KEYS)


@dataclass(frozen=True)
class Settings:
    table: str
    bucket: str
    public_url: str | None
    secrets_arn: str | None
    opt_out_scope: str  # "sender" or "brand"
    kms_key_id: str | None = None  # customer key for evidence objects (the bucket default applies otherwise)
    object_lock_mode: str = "COMPLIANCE"
    link_signer_secret_arn: str | None = None  # key that signs 24-hour evidence links (a role's session is shorter)
    cognito_domain: str | None = None  # the console's hosted sign-in (https://<prefix>.auth.<region>.amazoncognito.com)
    cognito_client_id: str | None = None
    campaign_cache_seconds: float = 60.0  # how long a warm container trusts its campaign directory (0: every request)
    day_shards: int = 16  # partitions of a brand's day in the by_day index (fixed per deployment: see README)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        scope = env.get("OPTLEDGER_OPT_OUT_SCOPE", "sender").strip().lower() or "sender"
        if scope not in ("sender", "brand"):
            raise ValueError("OPTLEDGER_OPT_OUT_SCOPE must be 'sender' or 'brand'")
        return cls(
            table=env.get("OPTLEDGER_TABLE", "optledger"),
            bucket=env.get("OPTLEDGER_BUCKET", "optledger-evidence"),
            public_url=(env.get("OPTLEDGER_PUBLIC_URL") or "").rstrip("/") or None,
            secrets_arn=env.get("OPTLEDGER_SECRETS_ARN") or None,
            opt_out_scope=scope,
            kms_key_id=env.get("OPTLEDGER_KMS_KEY_ID") or None,
            object_lock_mode=(env.get("OPTLEDGER_OBJECT_LOCK_MODE") or "COMPLIANCE").upper(),
            link_signer_secret_arn=env.get("OPTLEDGER_LINK_SIGNER_SECRET_ARN") or None,
            cognito_domain=(env.get("OPTLEDGER_COGNITO_DOMAIN") or "").rstrip("/") or None,
            cognito_client_id=env.get("OPTLEDGER_COGNITO_CLIENT_ID") or None,
            campaign_cache_seconds=_seconds(env.get("OPTLEDGER_CAMPAIGN_CACHE_SECONDS"), 60.0),
            day_shards=_day_shards(env.get("OPTLEDGER_DAY_SHARDS")),
        )


def _seconds(value: str | None, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError("OPTLEDGER_CAMPAIGN_CACHE_SECONDS must be a number of seconds") from None
    if not 0 <= seconds <= 3600:
        raise ValueError("OPTLEDGER_CAMPAIGN_CACHE_SECONDS must be between 0 and 3600")
    return seconds


def _day_shards(value: str | None) -> int:
    text = (value or "").strip()
    if not text:
        return 16
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 256:
        raise ValueError("OPTLEDGER_DAY_SHARDS must be a whole number from 1 to 256")
    return int(text)


@cache
def settings() -> Settings:
    return Settings.from_env()


def secrets() -> Mapping[str, str]:
    """Provider secrets and the API key, keyed without the ``OPTLEDGER_`` prefix.

    In AWS they come from one Secrets Manager secret (a JSON object), cached in the warm container by Powertools
    parameters; locally from ``OPTLEDGER_*`` environment variables.
    """
    values = {name: os.environ[ENV_PREFIX + name] for name in secret_names() if os.environ.get(ENV_PREFIX + name)}
    arn = settings().secrets_arn
    if arn:
        # The secret wins; the environment may add non-secret settings (SNS_TOPIC_ARNS from the template).
        values.update(secret_json(arn))
    return values


def secret_json(arn: str) -> dict[str, str]:
    """A Secrets Manager secret holding a JSON object, cached in the warm container by Powertools parameters."""
    from aws_lambda_powertools.utilities import parameters

    value = parameters.get_secret(arn, transform="json", max_age=SECRETS_CACHE_SECONDS)
    return {str(k): str(v) for k, v in dict(value).items() if v is not None}


def reset() -> None:
    """Forget cached configuration (tests change the environment between cases)."""
    settings.cache_clear()

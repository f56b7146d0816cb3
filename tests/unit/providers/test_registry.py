"""The provider registry is the one list of providers and of the secrets each needs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from optledger import config, inbound
from optledger.errors import ProviderDisabled
from optledger.providers import PROVIDERS, REGISTRY, InboundMessage


def test_every_registered_provider_loads_and_its_secrets_come_from_its_registry_line():
    assert [provider.name for provider in REGISTRY] == list(PROVIDERS)
    for provider in REGISTRY:
        adapter = PROVIDERS[provider.name]
        assert adapter.name == provider.name
        assert adapter.secret_names == provider.secrets
        assert set(provider.secrets) | set(provider.options) <= set(config.secret_names())
        if provider.secrets:
            with pytest.raises(ProviderDisabled):
                adapter.require_configured({})
            adapter.require_configured(dict.fromkeys(provider.secrets, "x"))


def test_config_reads_exactly_the_providers_settings_and_the_api_keys():
    settings = {name for provider in REGISTRY for name in (*provider.secrets, *provider.options)}
    assert set(config.secret_names()) == settings | {"API_KEY", "API_KEYS"}
    assert {"TWILIO_AUTH_TOKEN", "VONAGE_SIGNATURE_METHOD", "SNS_TOPIC_ARNS"} <= settings


def test_a_whole_message_passes_reassemble_untouched_and_inbound_names_no_provider():
    message = InboundMessage("+14155550100", "+14155550199", "STOP", "twilio", "SM1")

    class NoParts:
        def put_part(self, *args, **kwargs):
            raise AssertionError("a whole message is not stored as a part")

        def get_parts(self, *args, **kwargs):
            raise AssertionError("a whole message has no parts")

    for name in PROVIDERS:
        assert PROVIDERS[name].reassemble(message, NoParts(), ttl=0) is message
    tree = ast.parse(Path(inbound.__file__).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & set(PROVIDERS) and not {f"optledger.providers.{p}" for p in PROVIDERS} & modules

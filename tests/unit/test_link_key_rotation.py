"""The evidence-link key rotates through Secrets Manager, and a link signed before a rotation keeps working 24 hours.

Secrets Manager (moto, the embedded endpoint) runs the rotation: ``rotate_secret`` creates the pending version and
calls the four steps of the rotation function, here the real ``functions/linkrotation`` handler (moto's Lambda
invocation is pointed at it). IAM is moto's too. The handler calls back into moto while moto's rotate_secret is still
being served, so it talks to a second endpoint over the same backends (the first one is busy under its lock).
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto.awslambda.models import LambdaBackend

from optledger import linkkeys
from optledger_tools.local.emulator import start_embedded_aws
from tests.support.functions import function

ROTATION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:link-key-rotation"
_names = itertools.count(1)


class Clock:
    """The rotation's clock: real time (the service dates the versions) plus an offset the test sets."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture(scope="module")
def second_endpoint(aws):
    embedded = start_embedded_aws()
    yield embedded.endpoint_url
    embedded.stop()


@pytest.fixture
def rotation(aws, second_endpoint, monkeypatch, lambda_context):
    """A link user and its secret as deployed ("{}"), with Secrets Manager wired to the rotation function."""
    number = next(_names)
    iam, secrets = boto3.client("iam"), boto3.client("secretsmanager")
    user = f"evidence-links-{number}"
    iam.create_user(UserName=user)
    secret_id = secrets.create_secret(Name=f"evidence-link-{number}", SecretString="{}")["ARN"]
    monkeypatch.setenv("OPTLEDGER_LINK_USER", user)
    clock = Clock()
    monkeypatch.setattr(linkkeys.LinkKeyRotation, "now", lambda self: clock.now())
    app = function("linkrotation")
    original_get, original_invoke = LambdaBackend.get_function, LambdaBackend.invoke
    failed: dict[str, Exception] = {}  # rotation token -> the error the function ended with

    def get_function(self, name, qualifier=None):
        return object() if name == ROTATION_ARN else original_get(self, name, qualifier)

    def invoke(self, name, qualifier, body, headers, response_headers):
        if name != ROTATION_ARN:
            return original_invoke(self, name, qualifier, body, headers, response_headers)
        event = json.loads(body)
        if event["ClientRequestToken"] in failed:
            return b"null"  # the service stops a rotation at its first failed step
        with monkeypatch.context() as inner:
            inner.setenv("AWS_ENDPOINT_URL", second_endpoint)
            try:
                app.lambda_handler(event, lambda_context)
            except linkkeys.RotationRefused as error:
                failed[event["ClientRequestToken"]] = error
        return b"null"

    monkeypatch.setattr(LambdaBackend, "get_function", get_function)
    monkeypatch.setattr(LambdaBackend, "invoke", invoke)

    class Rotation:
        def rotate(self) -> None:
            secrets.rotate_secret(
                SecretId=secret_id, RotationLambdaARN=ROTATION_ARN, RotationRules={"AutomaticallyAfterDays": 30}
            )

        def current(self) -> dict[str, str]:
            return json.loads(secrets.get_secret_value(SecretId=secret_id, VersionStage="AWSCURRENT")["SecretString"])

        def previous(self) -> dict[str, str]:
            return json.loads(secrets.get_secret_value(SecretId=secret_id, VersionStage="AWSPREVIOUS")["SecretString"])

        def failures(self) -> list[Exception]:
            return list(failed.values())

        def active_keys(self) -> set[str]:
            keys = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
            return {k["AccessKeyId"] for k in keys if k["Status"] == "Active"}

        def later(self, days: float) -> None:
            """The next rotation runs ``days`` after the last (the service's version dates cannot be set)."""
            clock.offset = timedelta(days=days)

    return Rotation()


def test_the_first_rotation_puts_an_active_key_of_the_link_user_in_the_secret(rotation):
    rotation.rotate()

    current = rotation.current()
    assert current["secret_access_key"]
    assert rotation.active_keys() == {current["access_key_id"]}
    assert not rotation.failures()


def test_after_a_rotation_the_previous_key_still_signs_valid_links(rotation):
    rotation.rotate()
    first = rotation.current()["access_key_id"]

    rotation.rotate()

    second = rotation.current()["access_key_id"]
    assert second != first
    assert rotation.previous()["access_key_id"] == first
    assert rotation.active_keys() == {first, second}  # links signed with the first key in the last 24 hours hold
    assert not rotation.failures()


def test_the_next_rotation_retires_the_key_whose_links_have_expired(rotation):
    rotation.rotate()
    first = rotation.current()["access_key_id"]
    rotation.rotate()
    second = rotation.current()["access_key_id"]
    rotation.later(days=30)

    rotation.rotate()

    third = rotation.current()["access_key_id"]
    assert rotation.active_keys() == {second, third}
    assert first not in rotation.active_keys()
    assert not rotation.failures()


def test_a_rotation_within_24_hours_of_the_last_is_refused_and_keeps_both_keys(rotation):
    rotation.rotate()
    rotation.rotate()
    before = rotation.active_keys()
    current = rotation.current()
    rotation.later(days=0.5)  # the previous key signed links until 12 hours ago

    rotation.rotate()

    [error] = rotation.failures()
    assert "still signs live links" in str(error)
    assert rotation.active_keys() == before
    assert rotation.current() == current

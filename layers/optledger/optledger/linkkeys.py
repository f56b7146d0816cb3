"""Rotation of the evidence-link access key (a Secrets Manager rotation function's four steps).

The secret holds ``{"access_key_id", "secret_access_key"}`` of an IAM user that may only make presigned GETs of number
bundles. A presigned URL stays valid only while the key that signed it is active, and links are promised for 24
hours: so a rotation keeps the previous key (the one AWSCURRENT leaves for AWSPREVIOUS) active, and deletes a key
only when it has not been current for at least that long. IAM allows two keys per user: the current one and the
previous one. Rotating twice within 24 hours is refused (the rotation fails and is retried later) rather than
breaking live links.

This module is the rotation function's data access: it is given its IAM and Secrets Manager clients.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from optledger.errors import OptLedgerError

LINK_LIFETIME = timedelta(hours=24)
# A warm function keeps signing with the key it cached (config.SECRETS_CACHE_SECONDS) after the switch, and the switch
# comes a little after the new version is created: keep the retired key an hour beyond the links' 24 hours.
RETIRE_AFTER = LINK_LIFETIME + timedelta(hours=1)
CURRENT, PENDING, PREVIOUS = "AWSCURRENT", "AWSPENDING", "AWSPREVIOUS"


class RotationRefused(OptLedgerError):
    status = 409
    code = "rotation_refused"


class LinkKeyRotation:
    def __init__(self, *, secrets: Any, iam: Any, user_name: str, now: datetime | None = None) -> None:
        self.secrets = secrets
        self.iam = iam
        self.user_name = user_name
        self._now = now

    def now(self) -> datetime:
        return self._now or datetime.now(UTC)

    # -- the four steps Secrets Manager calls, in order ------------------------------------------------------------

    def run(self, event: Mapping[str, Any]) -> None:
        secret_id, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
        versions = self.secrets.describe_secret(SecretId=secret_id).get("VersionIdsToStages", {})
        if token not in versions:
            raise RotationRefused(f"version {token} is not a version of the secret")
        if CURRENT in versions[token]:
            return  # already current: a retried rotation that finished
        if PENDING not in versions[token]:
            raise RotationRefused(f"version {token} is not pending rotation")
        steps = {
            "createSecret": self.create_secret,
            "setSecret": self.set_secret,
            "testSecret": self.test_secret,
            "finishSecret": self.finish_secret,
        }
        if step not in steps:
            raise RotationRefused(f"unknown rotation step {step!r}")
        steps[step](secret_id, token, versions)

    def create_secret(self, secret_id: str, token: str, versions: Mapping[str, list[str]]) -> None:
        if self._value(secret_id, token) is not None:
            return  # this step ran already for this token
        current = self._value(secret_id, None) or {}
        current_key = current.get("access_key_id")
        keys = self._keys()
        for key in keys:
            if key["AccessKeyId"] == current_key:
                continue
            # A key that is not current signed links until it stopped being current; it may go only once those
            # links have expired.
            retired_at = self._current_since(secret_id, versions)
            if retired_at is not None and self.now() - retired_at < RETIRE_AFTER:
                raise RotationRefused(
                    "the previous evidence-link key still signs live links until "
                    f"{(retired_at + RETIRE_AFTER).isoformat()}; rotate after that"
                )
            self.iam.delete_access_key(UserName=self.user_name, AccessKeyId=key["AccessKeyId"])
        created = self.iam.create_access_key(UserName=self.user_name)["AccessKey"]
        value = {"access_key_id": created["AccessKeyId"], "secret_access_key": created["SecretAccessKey"]}
        self.secrets.put_secret_value(
            SecretId=secret_id, ClientRequestToken=token, SecretString=json.dumps(value), VersionStages=[PENDING]
        )

    def set_secret(self, secret_id: str, token: str, versions: Mapping[str, list[str]]) -> None:
        """Nothing to set: IAM made the key in createSecret."""

    def test_secret(self, secret_id: str, token: str, versions: Mapping[str, list[str]]) -> None:
        pending = self._value(secret_id, token)
        if not pending or not pending.get("secret_access_key"):
            raise RotationRefused("the pending version holds no key")
        active = {k["AccessKeyId"] for k in self._keys() if k.get("Status") == "Active"}
        if pending.get("access_key_id") not in active:
            raise RotationRefused("the pending key is not an active key of the evidence-link user")

    def finish_secret(self, secret_id: str, token: str, versions: Mapping[str, list[str]]) -> None:
        current_version = next((v for v, stages in versions.items() if CURRENT in stages), None)
        if current_version != token:
            # Secrets Manager labels the version that loses AWSCURRENT as AWSPREVIOUS; its key stays active.
            self.secrets.update_secret_version_stage(
                SecretId=secret_id, VersionStage=CURRENT, MoveToVersionId=token, RemoveFromVersionId=current_version
            )
        if PENDING in versions.get(token, []):  # the rotation is over: no version is pending
            self.secrets.update_secret_version_stage(
                SecretId=secret_id, VersionStage=PENDING, RemoveFromVersionId=token
            )

    # -- helpers -----------------------------------------------------------------------------------------------------

    def _keys(self) -> list[dict[str, Any]]:
        return list(self.iam.list_access_keys(UserName=self.user_name)["AccessKeyMetadata"])

    def _value(self, secret_id: str, token: str | None) -> dict[str, str] | None:
        args: dict[str, Any] = {"SecretId": secret_id}
        if token is None:
            args["VersionStage"] = CURRENT
        else:
            args["VersionId"] = token
        try:
            response = self.secrets.get_secret_value(**args)
        except self.secrets.exceptions.ResourceNotFoundException:
            return None
        value = json.loads(response.get("SecretString") or "{}")
        return value if isinstance(value, dict) else {}

    def _current_since(self, secret_id: str, versions: Mapping[str, list[str]]) -> datetime | None:
        """When the current version became current (its creation): the moment the previous key stopped signing."""
        current = next((v for v, stages in versions.items() if CURRENT in stages), None)
        if current is None:
            return None
        listed = self.secrets.list_secret_version_ids(SecretId=secret_id, IncludeDeprecated=False)
        for version in listed.get("Versions", []):
            if version["VersionId"] == current and version.get("CreatedDate"):
                created = version["CreatedDate"]
                return created if created.tzinfo else created.replace(tzinfo=UTC)
        return None

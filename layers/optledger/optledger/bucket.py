"""The evidence bucket: disclosures, bundles and anchors, written under Object Lock retention (S3 only).

Like ``optledger.store`` (whose S3 client it shares), every failure of the service is ``StorageUnavailable``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from optledger.s3stream import S3MultipartWriter
from optledger.service_errors import NOT_FOUND, storage_errors

if TYPE_CHECKING:
    from optledger.store import Store


class Evidence:
    """The evidence bucket: disclosures, bundles and anchors, written under Object Lock retention (S3 only)."""

    def __init__(
        self,
        store: Store,
        *,
        kms_key_id: str | None = None,
        lock_mode: str = "COMPLIANCE",
        link_credentials: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self.store = store
        self.kms_key_id = kms_key_id
        self.lock_mode = lock_mode
        # ``{"access_key_id", "secret_access_key"}`` of a key that may only read number bundles: a URL signed with a
        # Lambda role's session credentials dies with the session, long before the 24 hours an audit needs.
        self._link_credentials = link_credentials
        self._link_clients: dict[str, Any] = {}

    @property
    def bucket(self) -> str:
        return self.store.bucket

    def _write_args(self, retain_until: datetime | None) -> dict[str, Any]:
        args: dict[str, Any] = {}
        if self.kms_key_id:
            args.update(ServerSideEncryption="aws:kms", SSEKMSKeyId=self.kms_key_id)
        if retain_until is not None:
            args.update(ObjectLockMode=self.lock_mode, ObjectLockRetainUntilDate=retain_until)
        return args

    def disclosure_text(self, sha256: str) -> str | None:
        return self.store.get_disclosure(sha256)

    def open_upload(self, key: str, *, retain_until: datetime | None) -> S3MultipartWriter:
        """A streaming upload that becomes visible only when closed whole."""
        return S3MultipartWriter(self.store.s3, self.bucket, key, **self._write_args(retain_until))

    def extend_retention(self, key: str, retain_until: datetime) -> None:
        """Lengthen an object's retention (always allowed, also in COMPLIANCE mode)."""
        with storage_errors():
            self.store.s3.put_object_retention(
                Bucket=self.bucket, Key=key, Retention={"Mode": self.lock_mode, "RetainUntilDate": retain_until}
            )

    def put_json(self, key: str, document: Mapping[str, Any] | list[Any], *, retain_until: datetime | None) -> None:
        value = list(document) if isinstance(document, list) else dict(document)
        body = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
        with storage_errors():
            self.store.s3.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentType="application/json",
                ChecksumAlgorithm="SHA256",
                **self._write_args(retain_until),
            )

    def get_json(self, key: str) -> Any:
        """A JSON document of the bucket, or None when there is no such object."""
        with storage_errors(tolerate=NOT_FOUND) as missing:
            body = self.store.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return None if missing else json.loads(body)

    def get_bytes(self, key: str) -> bytes:
        with storage_errors():
            body: bytes = self.store.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return body

    def presigned_url(self, key: str, *, seconds: int) -> str:
        url: str = self._link_client().generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds
        )
        return url

    def _link_client(self) -> Any:
        if self._link_credentials is None:
            return self.store.s3
        credentials = self._link_credentials()
        access_key = credentials["access_key_id"]
        if access_key not in self._link_clients:  # a rotated key gets a client of its own
            self._link_clients[access_key] = boto3.client(
                "s3",
                aws_access_key_id=access_key,
                aws_secret_access_key=credentials["secret_access_key"],
                aws_session_token=None,
                config=Config(signature_version="s3v4"),
            )
        return self._link_clients[access_key]

    # -- browsing the bucket (the console's evidence screen) ---------------------------------------------------------

    def list_objects(self, prefix: str, *, limit: int = 1000) -> tuple[list[dict[str, Any]], bool]:
        """Keys under ``prefix`` with size and time (at most ``limit``), and whether there were more."""
        with storage_errors():
            response = self.store.s3.list_objects_v2(Bucket=self.bucket, Prefix=prefix, MaxKeys=limit)
        objects = [
            {"key": o["Key"], "bytes": o["Size"], "last_modified": o["LastModified"].isoformat()}
            for o in response.get("Contents", [])
        ]
        return objects, bool(response.get("IsTruncated"))

    def exists(self, key: str) -> bool:
        with storage_errors(tolerate=NOT_FOUND) as missing:
            self.store.s3.head_object(Bucket=self.bucket, Key=key)
        return not missing

    def session_url(self, key: str, *, seconds: int) -> str:
        """A short download link signed by the function's own credentials (daily bundles and anchors, which the
        24-hour link key may not read); it lives at most as long as the session that signed it."""
        url: str = self.store.s3.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds
        )
        return url

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from optledger.bundles import daily_bundle_info, verify_bundle, write_bundle
from optledger.errors import StorageUnavailable
from optledger.s3stream import MIN_PART_SIZE, S3MultipartWriter
from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA, day_events

BUCKET = "evidence"
MiB = 1024 * 1024


@pytest.fixture
def s3(monkeypatch) -> Iterator[Any]:
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET, ObjectLockEnabledForBucket=True)
        yield client


def exists(s3: Any, key: str) -> bool:
    try:
        s3.head_object(Bucket=BUCKET, Key=key)
    except ClientError:
        return False
    return True


def pending_uploads(s3: Any) -> list[dict[str, Any]]:
    return s3.list_multipart_uploads(Bucket=BUCKET).get("Uploads", [])


def blob(size: int) -> bytes:
    return (hashlib.sha256(b"seed").digest() * (size // 32 + 1))[:size]


class Recording:
    """The real (mocked) client, recording the arguments of each call (moto drops Object Lock on multipart uploads)."""

    def __init__(self, client: Any) -> None:
        self.client, self.calls = client, []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)

        def call(**kwargs: Any) -> Any:
            self.calls.append((name, kwargs))
            return method(**kwargs)

        return call


def test_large_object_is_uploaded_in_parts_and_appears_only_on_close(s3):
    data = blob(11 * MiB + 123)
    retain = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    client = Recording(s3)
    lock = {"ObjectLockMode": "GOVERNANCE", "ObjectLockRetainUntilDate": retain}
    kms = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/evidence"}
    writer = S3MultipartWriter(client, BUCKET, "bundles/big.zip", part_size=MIN_PART_SIZE, **lock, **kms)
    # When more than two parts have been written, nothing is visible yet
    for start in range(0, len(data), 1_000_003):
        writer.write(data[start : start + 1_000_003])
    assert writer.tell() == len(data)
    assert not exists(s3, "bundles/big.zip") and len(pending_uploads(s3)) == 1
    # Then close completes the upload with the whole content, encrypted and with the retention asked for
    writer.close()
    got = s3.get_object(Bucket=BUCKET, Key="bundles/big.zip")
    assert got["Body"].read() == data
    assert got["ServerSideEncryption"] == "aws:kms" and got["ContentType"] == "application/zip"
    assert pending_uploads(s3) == []
    names = [name for name, _ in client.calls]
    assert names == [
        "create_multipart_upload",
        "upload_part",
        "upload_part",
        "upload_part",
        "complete_multipart_upload",
    ]
    assert lock.items() <= client.calls[0][1].items()


def test_small_object_is_put_once_on_close_with_encryption_and_retention(s3):
    retain = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    extra = {"ServerSideEncryption": "AES256", "ObjectLockMode": "COMPLIANCE", "ObjectLockRetainUntilDate": retain}
    with S3MultipartWriter(s3, BUCKET, "bundles/small.zip", **extra) as writer:
        writer.write(b"PK small")
        assert not exists(s3, "bundles/small.zip")
    head = s3.head_object(Bucket=BUCKET, Key="bundles/small.zip")
    assert head["ServerSideEncryption"] == "AES256" and head["ContentLength"] == 8
    assert head["ObjectLockMode"] == "COMPLIANCE" and head["ObjectLockRetainUntilDate"] == retain
    assert pending_uploads(s3) == []


def test_an_error_inside_the_with_block_aborts_and_leaves_nothing(s3):
    with pytest.raises(RuntimeError), S3MultipartWriter(s3, BUCKET, "bundles/failed.zip", part_size=MIN_PART_SIZE) as w:
        w.write(blob(6 * MiB))  # one part already uploaded
        assert len(pending_uploads(s3)) == 1
        raise RuntimeError("the bundle could not be built")
    assert w.aborted
    assert not exists(s3, "bundles/failed.zip")
    assert pending_uploads(s3) == []


def test_a_failing_part_upload_aborts_and_raises_storage_unavailable(s3):
    class FlakyS3:
        """The real (mocked) client, except that the second part upload fails."""

        def __init__(self, client: Any) -> None:
            self.client, self.parts = client, 0

        def __getattr__(self, name: str) -> Any:
            return getattr(self.client, name)

        def upload_part(self, **kwargs: Any) -> Any:
            self.parts += 1
            if self.parts == 2:
                raise ClientError({"Error": {"Code": "SlowDown", "Message": "slow down"}}, "UploadPart")
            return self.client.upload_part(**kwargs)

    writer = S3MultipartWriter(FlakyS3(s3), BUCKET, "bundles/flaky.zip", part_size=MIN_PART_SIZE)
    with pytest.raises(StorageUnavailable):
        writer.write(blob(11 * MiB))
    assert writer.aborted and pending_uploads(s3) == [] and not exists(s3, "bundles/flaky.zip")
    with pytest.raises(ValueError):
        writer.write(b"more")


def test_parts_smaller_than_s3_allows_are_refused(s3):
    with pytest.raises(ValueError):
        S3MultipartWriter(s3, BUCKET, "k", part_size=MIN_PART_SIZE - 1)


def test_a_bundle_streams_into_s3_and_verifies_when_read_back(s3):
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", "2026-11-28T00:05:00.000Z")
    with S3MultipartWriter(s3, BUCKET, "bundles/daily/acme/2026-11-27/C7DEALS.zip") as out:
        summary = write_bundle(day_events(30, 4), out, info, {DISCLOSURE_SHA: DISCLOSURE}.get)
    body = s3.get_object(Bucket=BUCKET, Key="bundles/daily/acme/2026-11-27/C7DEALS.zip")["Body"].read()
    result = verify_bundle(io.BytesIO(body))
    assert result.ok and result.event_count == summary.event_count == 120

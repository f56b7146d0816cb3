"""A write-only binary stream into one S3 object, for bundles too large to hold in memory.

``S3MultipartWriter(s3, bucket, key, ServerSideEncryption="aws:kms", SSEKMSKeyId=..., ObjectLockMode="COMPLIANCE",
ObjectLockRetainUntilDate=...)`` buffers writes into parts of ``part_size`` bytes (8 MiB by default; S3 wants at least
5 MiB for every part but the last) and uploads each full part as it goes. Nothing becomes visible under ``key`` until
``close()`` completes the upload; ``abort()`` (or leaving a ``with`` block by an exception) aborts the multipart
upload so no part lingers. An object that never filled one part is written with a single ``PutObject`` on close.

Memory: one part buffer. Extra keyword arguments go to ``CreateMultipartUpload`` / ``PutObject`` unchanged (both
accept the same SSE, Object Lock, ContentType and Metadata arguments).
"""

from __future__ import annotations

import contextlib
from types import TracebackType
from typing import Any

from optledger.errors import StorageUnavailable

MIN_PART_SIZE = 5 * 1024 * 1024
DEFAULT_PART_SIZE = 8 * 1024 * 1024


class S3MultipartWriter:
    def __init__(
        self, s3: Any, bucket: str, key: str, *, part_size: int = DEFAULT_PART_SIZE, **extra_args: Any
    ) -> None:
        if part_size < MIN_PART_SIZE:
            raise ValueError("S3 parts (but the last) must be at least 5 MiB")
        self._s3, self.bucket, self.key = s3, bucket, key
        self._part_size = part_size
        self._extra = {"ContentType": "application/zip", **extra_args}
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []
        self._position = 0
        self.closed = False
        self.aborted = False

    # The io-style surface zipfile and shutil look for: write-only, tellable, not seekable.
    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        """Parts are uploaded when full, not on flush (S3 parts have a minimum size)."""

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self.closed:
            raise ValueError("write to a closed S3MultipartWriter")
        self._buffer += data
        self._position += len(data)
        while len(self._buffer) >= self._part_size:
            part = bytes(self._buffer[: self._part_size])
            del self._buffer[: self._part_size]
            self._upload_part(part)
        return len(data)

    def _upload_part(self, body: bytes) -> None:
        try:
            if self._upload_id is None:
                created = self._s3.create_multipart_upload(Bucket=self.bucket, Key=self.key, **self._extra)
                self._upload_id = created["UploadId"]
            number = len(self._parts) + 1
            answer = self._s3.upload_part(
                Bucket=self.bucket, Key=self.key, UploadId=self._upload_id, PartNumber=number, Body=body
            )
            self._parts.append({"PartNumber": number, "ETag": answer["ETag"]})
        except Exception as exc:
            self.abort()
            raise StorageUnavailable("writing the bundle to S3 failed") from exc

    def close(self) -> None:
        """Upload what is left and make the object visible. Closing twice is a no-op."""
        if self.closed:
            return
        try:
            if self._upload_id is None:
                self._s3.put_object(Bucket=self.bucket, Key=self.key, Body=bytes(self._buffer), **self._extra)
            else:
                if self._buffer or not self._parts:
                    self._upload_part(bytes(self._buffer))
                self._s3.complete_multipart_upload(
                    Bucket=self.bucket, Key=self.key, UploadId=self._upload_id, MultipartUpload={"Parts": self._parts}
                )
        except StorageUnavailable:
            raise
        except Exception as exc:
            self.abort()
            raise StorageUnavailable("writing the bundle to S3 failed") from exc
        self.closed = True
        self._buffer = bytearray()

    def abort(self) -> None:
        """Discard everything written so far; nothing appears under the key."""
        if self.closed:
            return
        self.closed = self.aborted = True
        self._buffer = bytearray()
        if self._upload_id is not None:
            upload_id, self._upload_id = self._upload_id, None
            # The original error matters more than a failed abort; an S3 lifecycle rule reaps leftover parts.
            with contextlib.suppress(Exception):
                self._s3.abort_multipart_upload(Bucket=self.bucket, Key=self.key, UploadId=upload_id)

    def __enter__(self) -> S3MultipartWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

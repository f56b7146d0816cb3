"""Zip streaming: members written in blocks without ``seek``, compressed spools on disk, and hashing a member back.

The writer never seeks ``out``, so every member is written in streaming form (data descriptors after each member)
and the bytes do not depend on whether ``out`` happens to be seekable.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import IO, Any, Protocol

CHUNK = 1 << 16
# What reading a damaged or hostile zip member can raise: a bad CRC or header, a truncated stream, an encrypted member
# (RuntimeError) or a compression method zipfile does not know (NotImplementedError).
ZIP_ERRORS = (zipfile.BadZipFile, OSError, zlib.error, EOFError, RuntimeError, NotImplementedError)

DateTime = tuple[int, int, int, int, int, int]


class Writable(Protocol):
    """All a bundle needs of its output: ``write`` (``optledger.s3stream.S3MultipartWriter`` is one)."""

    def write(self, data: bytes, /) -> object: ...


class Batched(ABC):
    """Gathers many small writes into blocks of about ``CHUNK`` bytes for ``_emit``."""

    def __init__(self) -> None:
        self._pending: list[bytes] = []
        self._pending_size = 0

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._emit(b"".join(self._pending))
            self._pending, self._pending_size = [], 0

    @abstractmethod
    def _emit(self, block: bytes) -> None:
        """Where a gathered block goes."""


class Spool(Batched):
    """An append-only temporary file on disk, zlib-compressed (fast level) to spare Lambda's /tmp."""

    def __init__(self, directory: str | None) -> None:
        super().__init__()
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - closed in chunks()/close()
        self._zip = zlib.compressobj(1)

    def _emit(self, block: bytes) -> None:
        self._file.write(self._zip.compress(block))

    def chunks(self) -> Iterator[bytes]:
        self._flush()
        self._file.write(self._zip.flush())
        self._file.seek(0)
        unzip = zlib.decompressobj()
        while block := self._file.read(CHUNK):
            while block:  # bounded output: repetitive CSV inflates a hundredfold
                if data := unzip.decompress(block, CHUNK):
                    yield data
                block = unzip.unconsumed_tail
        if tail := unzip.flush():
            yield tail
        self.close()

    def close(self) -> None:
        self._file.close()


class Sink:
    """What zipfile sees of ``out``: write, flush and tell, never seek (see the module docstring)."""

    def __init__(self, out: Writable) -> None:
        self._out = out
        self._position = 0

    def write(self, data: bytes) -> int:
        self._out.write(data)
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        flush = getattr(self._out, "flush", None)
        if flush is not None:
            flush()

    def close(self) -> None:
        """``out`` belongs to the caller: closing the zip leaves it open."""


class Member(Batched):
    """One zip member being written: buffers small writes and keeps its size and SHA-256."""

    def __init__(self, zf: zipfile.ZipFile, name: str, date_time: DateTime) -> None:
        super().__init__()
        info = zipfile.ZipInfo(name, date_time=date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.name = name
        self._handle = zf.open(info, "w", force_zip64=True)
        self._sha = hashlib.sha256()
        self.size = 0

    def _emit(self, block: bytes) -> None:
        self._sha.update(block)
        self._handle.write(block)
        self.size += len(block)

    def close(self) -> dict[str, Any]:
        self._flush()
        self._handle.close()
        return {"name": self.name, "bytes": self.size, "sha256": self._sha.hexdigest()}


def lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a stream of chunks, without their newlines."""
    rest = b""
    for chunk in chunks:
        rest += chunk
        *complete, rest = rest.split(b"\n")
        yield from complete
    if rest:
        yield rest


def hash_member(zf: zipfile.ZipFile, name: str) -> tuple[int, str]:
    """Size and SHA-256 of a member, read in blocks; raises one of ``ZIP_ERRORS`` when it cannot be read."""
    sha, size = hashlib.sha256(), 0
    with zf.open(name) as member:
        while block := member.read(CHUNK):
            sha.update(block)
            size += len(block)
    return size, sha.hexdigest()

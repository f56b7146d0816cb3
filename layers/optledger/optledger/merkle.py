"""Merkle roots over event hashes, computed from a stream with O(log n) memory.

Construction (also written out in every bundle's VERIFY.md):

- A leaf is the 32 raw bytes of an event's ``hash`` (the hex string decoded), in the order the events are given.
- A parent is ``SHA-256(left || right)`` over the 32 raw bytes of each child.
- The leaves are paired left to right, level by level. A node left without a partner at the end of a level is
  promoted unchanged to the next level (never duplicated: duplication lets two different leaf lists share a root,
  the Bitcoin CVE-2012-2459 mutation).
- The root is the single node left, written as lowercase hex. The root of zero leaves is SHA-256 of the empty string.

Anchors always store the leaf count next to the root, so the tree shape is fixed by the count.

Streaming: keep a stack of complete subtrees (height, digest); pushing a leaf merges equal heights like a binary
counter. At the end the stack holds complete subtrees of strictly decreasing height; folding them from the right
(``root = H(s0, H(s1, ... H(s_k-1, s_k)))``) gives exactly the level-by-level tree with promotion, because at
every level the promoted last node is the fold of the smaller subtrees to its right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypedDict

from optledger.digest import sha256_hex

EMPTY_ROOT = sha256_hex(b"")


class MerkleSummary(TypedDict):
    root: str
    count: int


def _parent(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(left + right).digest()


def leaf_bytes(event_hash: str) -> bytes:
    """The raw leaf of an event hash; only 64 lowercase hex digits are accepted."""
    if not isinstance(event_hash, str) or len(event_hash) != 64 or event_hash.lower() != event_hash:
        raise ValueError("an event hash is 64 lowercase hex digits")
    return bytes.fromhex(event_hash)


class MerkleAccumulator:
    """Add leaves one by one; ``root()`` may be called at any time (it does not consume the state)."""

    __slots__ = ("_stack", "count")

    def __init__(self) -> None:
        self._stack: list[tuple[int, bytes]] = []
        self.count = 0

    def add(self, event_hash: str) -> None:
        self.add_bytes(leaf_bytes(event_hash))

    def add_bytes(self, leaf: bytes) -> None:
        height, node = 0, leaf
        while self._stack and self._stack[-1][0] == height:
            _, left = self._stack.pop()
            node = _parent(left, node)
            height += 1
        self._stack.append((height, node))
        self.count += 1

    def root(self) -> str:
        if not self._stack:
            return EMPTY_ROOT
        node = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            node = _parent(left, node)
        return node.hex()

    def summary(self) -> MerkleSummary:
        return {"root": self.root(), "count": self.count}


def merkle_root(event_hashes: Iterable[str]) -> str:
    acc = MerkleAccumulator()
    for value in event_hashes:
        acc.add(value)
    return acc.root()

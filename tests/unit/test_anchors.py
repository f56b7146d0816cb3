from __future__ import annotations

import hashlib

import pytest

from optledger.anchors import MERKLE_ALGORITHM, anchor_key, build_anchor
from optledger.merkle import EMPTY_ROOT, MerkleAccumulator, merkle_root
from tests.support.ledger_events import chain_events, phone_of


def leaf(i: int) -> str:
    return hashlib.sha256(f"event {i}".encode()).hexdigest()


def level_by_level_root(hashes: list[str]) -> str:
    """The documented construction, written the obvious way: pair left to right, promote a lone last node."""
    level = [bytes.fromhex(h) for h in hashes]
    if not level:
        return hashlib.sha256(b"").hexdigest()
    while len(level) > 1:
        pairs = range(0, len(level), 2)
        level = [hashlib.sha256(level[i] + level[i + 1]).digest() if i + 1 < len(level) else level[i] for i in pairs]
    return level[0].hex()


@pytest.mark.parametrize("count", [*range(34), 100, 255, 256, 257])
def test_streaming_root_equals_the_level_by_level_construction(count):
    hashes = [leaf(i) for i in range(count)]
    assert merkle_root(hashes) == level_by_level_root(hashes)


def test_three_leaves_promote_the_odd_one_instead_of_duplicating_it():
    a, b, c = (bytes.fromhex(leaf(i)) for i in range(3))
    ab = hashlib.sha256(a + b).digest()
    assert merkle_root([leaf(0), leaf(1), leaf(2)]) == hashlib.sha256(ab + c).hexdigest()
    # Duplicating the last leaf would make [a, b, c] and [a, b, c, c] share a root; promotion does not.
    assert merkle_root([leaf(0), leaf(1), leaf(2)]) != merkle_root([leaf(0), leaf(1), leaf(2), leaf(2)])
    assert merkle_root([]) == EMPTY_ROOT == hashlib.sha256(b"").hexdigest()


def test_accumulator_keeps_logarithmic_state_and_can_be_read_midway():
    acc = MerkleAccumulator()
    for i in range(1000):
        acc.add(leaf(i))
        assert len(acc._stack) <= 10
    assert acc.count == 1000 and acc.root() == level_by_level_root([leaf(i) for i in range(1000)])


def test_malformed_leaf_is_refused():
    with pytest.raises(ValueError):
        MerkleAccumulator().add("ABC")


def test_anchor_holds_the_day_root_per_campaign_roots_and_heads():
    # Given two phones whose events belong to one or two campaigns
    first = chain_events(phone_of(0), 3, campaigns_of=lambda seq: ["A"] if seq != 2 else ["A", "B"])
    second = chain_events(phone_of(1), 2, campaigns_of=lambda seq: ["B"])
    events = first + second
    # When the day's anchor is built from the by_day stream
    anchor = build_anchor("acme", "2026-11-27", iter(events))
    # Then the day root covers every event, each campaign root covers exactly its events, in order
    assert anchor["merkle"] == {
        "algorithm": MERKLE_ALGORITHM,
        "root": level_by_level_root([e["hash"] for e in events]),
        "count": 5,
    }
    assert anchor["campaigns"]["A"] == {"root": level_by_level_root([e["hash"] for e in first]), "count": 3}
    b_events = [first[1], *second]
    assert anchor["campaigns"]["B"] == {"root": level_by_level_root([e["hash"] for e in b_events]), "count": 3}
    assert anchor["heads"] == {
        phone_of(0): {"seq": 3, "hash": first[-1]["hash"]},
        phone_of(1): {"seq": 2, "hash": second[-1]["hash"]},
    }
    assert anchor["brand"] == "acme" and anchor["date"] == "2026-11-27" and anchor["anchor_version"] == 1
    assert anchor_key("acme", "2026-11-27") == "anchors/acme/2026-11-27.json"


def test_anchor_takes_bare_hashes_and_caller_heads_in_either_form():
    hashes = [leaf(i) for i in range(5)]
    heads = [(phone_of(0), 9, leaf(9))]
    anchor = build_anchor("acme", "2026-11-27", hashes, heads)
    assert anchor["merkle"]["root"] == level_by_level_root(hashes) and anchor["campaigns"] == {}
    assert anchor["heads"] == {phone_of(0): {"seq": 9, "hash": leaf(9)}}
    mapped = build_anchor("acme", "2026-11-27", hashes, {phone_of(0): (9, leaf(9))})
    assert mapped["heads"] == anchor["heads"]


def test_anchor_refuses_events_out_of_by_day_order_or_of_another_brand():
    events = chain_events(phone_of(0), 3)
    with pytest.raises(ValueError, match="order"):
        build_anchor("acme", "2026-11-27", [events[1], events[0]])
    with pytest.raises(ValueError, match="brand"):
        build_anchor("globex", "2026-11-27", events)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        build_anchor("acme", "27/11/2026", events)


def _part(shard: int, shards: int, events: list[dict]) -> dict:
    from optledger.anchors import AnchorBuilder

    builder = AnchorBuilder("acme", "2026-11-27")
    for event in events:
        builder.add(event)
    return builder.part(shard, shards, {"C7DEALS": f"bundles/daily/acme/2026-11-27/C7DEALS/part-{shard:02d}.zip"})


def test_an_anchor_of_parts_is_the_merkle_root_of_the_parts_roots():
    from optledger.anchors import build_parts_anchor, check_parts_anchor
    from optledger.merkle import EMPTY_ROOT, merkle_root
    from tests.support.ledger_events import chain_events

    first, second = chain_events("+14155550100", 3), chain_events("+14155550101", 2)
    parts = [_part(0, 3, first), _part(1, 3, []), _part(2, 3, second)]
    anchor = build_parts_anchor("acme", "2026-11-27", parts)

    roots = [merkle_root(e["hash"] for e in first), EMPTY_ROOT, merkle_root(e["hash"] for e in second)]
    assert anchor["anchor_version"] == 2 and anchor["merkle"]["count"] == 5
    assert anchor["merkle"]["root"] == merkle_root(roots)
    assert anchor["campaigns"]["C7DEALS"] == {"leaves": "part roots", "root": merkle_root(roots), "count": 5}
    assert anchor["heads"]["+14155550100"]["seq"] == 3 and check_parts_anchor(anchor) == []

    anchor["parts"][1]["merkle"]["count"] = 1  # an anchor edited by hand no longer adds up
    assert check_parts_anchor(anchor)


def test_an_anchor_of_parts_refuses_a_part_of_another_day_or_out_of_place():
    from optledger.anchors import build_parts_anchor

    with pytest.raises(ValueError):
        build_parts_anchor("acme", "2026-11-27", [_part(1, 2, []), _part(0, 2, [])])


def test_a_number_in_two_parts_keeps_its_latest_head():
    from optledger.anchors import build_parts_anchor
    from tests.support.ledger_events import chain_events

    chain = chain_events("+14155550100", 5)
    # The shard count was raised during the day: the number's later events went to another shard.
    anchor = build_parts_anchor("acme", "2026-11-27", [_part(0, 2, chain[3:]), _part(1, 2, chain[:3])])
    assert anchor["heads"]["+14155550100"]["seq"] == 5

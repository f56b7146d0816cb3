from __future__ import annotations

import hashlib

from optledger.chain import GENESIS_HASH, canonical_json, event_hash, seal, verify_chain


def make_chain(length: int) -> list[dict]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, length + 1):
        event = seal({"event_id": f"E{seq}", "seq": seq, "type": "opt_in", "evidence": {"text": "Sí ✓"}}, prev)
        events.append(event)
        prev = event["hash"]
    return events


def test_canonical_json_sorts_keys_without_spaces_or_ascii_escaping():
    assert canonical_json({"b": 1, "a": {"d": "é", "c": [1, 2]}}) == '{"a":{"c":[1,2],"d":"é"},"b":1}'


def test_event_hash_is_sha256_of_canonical_json_without_hash():
    event = {"seq": 1, "type": "opt_out", "hash": "ignored"}
    assert event_hash(event) == hashlib.sha256(b'{"seq":1,"type":"opt_out"}').hexdigest()


def test_seal_links_to_previous_hash_and_first_event_links_to_genesis():
    chain = make_chain(3)
    assert chain[0]["prev_hash"] == "0" * 64
    assert chain[1]["prev_hash"] == chain[0]["hash"]
    assert chain[2]["prev_hash"] == chain[1]["hash"]
    assert verify_chain(chain) is None


def test_edited_event_is_named():
    chain = make_chain(4)
    chain[2]["type"] = "opt_out"
    problem = verify_chain(chain)
    assert problem is not None and problem.event_id == "E3" and "hash" in problem.reason


def test_rehashed_edit_breaks_the_next_link():
    chain = make_chain(4)
    chain[1]["type"] = "opt_out"
    chain[1]["hash"] = event_hash(chain[1])
    problem = verify_chain(chain)
    assert problem is not None and problem.event_id == "E3" and "prev_hash" in problem.reason


def test_missing_event_is_a_seq_gap():
    chain = make_chain(4)
    del chain[1]
    problem = verify_chain(chain)
    assert problem is not None and problem.seq == 3

"""Service failures become typed errors in one place (optledger.service_errors), and the store's expected answers
(no such key, condition failed, transaction cancelled) keep their meaning through it."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from optledger.errors import StorageUnavailable
from optledger.keys import day_key, day_shard
from optledger.service_errors import NOT_FOUND, error_code, storage_errors
from optledger.smsvoice import OptOutLists, SyncFailed
from optledger.store import AlreadyDelivered, BatchNotWritten, ChainRaceLost, Store

EVENT = {
    "brand": "acme",
    "phone": "+14155550100",
    "seq": 2,
    "event_id": "01HX",
    "hash": "ab" * 32,
    "recorded_at": "2026-03-04T05:06:07.000Z",
    "source": {"to": "+14155550199"},
}


def client_error(code: str, operation: str = "Op", **extra: object) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "injected"}, **extra}, operation)  # type: ignore[arg-type]


class Failing:
    """A client whose every call raises ``error``; records what it was asked."""

    def __init__(self, error: Exception, answer: dict | None = None) -> None:
        self.error, self.answer, self.calls = error, answer, []

    def __getattr__(self, operation: str):
        def call(**kwargs):
            self.calls.append((operation, kwargs))
            if self.answer is not None and operation == "get_item":
                return self.answer
            raise self.error

        return call


def test_a_client_error_is_a_503_naming_the_code_and_asking_for_a_retry():
    with pytest.raises(StorageUnavailable) as caught, storage_errors():
        raise client_error("ThrottlingException")
    assert caught.value.status == 503
    assert caught.value.message == "storage unavailable (ThrottlingException)"
    assert caught.value.fields == {"retry": True}
    assert isinstance(caught.value.__cause__, ClientError)


def test_a_network_failure_is_a_503_naming_its_type():
    with pytest.raises(StorageUnavailable, match=r"storage unavailable \(EndpointConnectionError\)"), storage_errors():
        raise EndpointConnectionError(endpoint_url="http://127.0.0.1:1")


def test_a_tolerated_code_is_reported_not_raised_and_other_errors_pass_untouched():
    with storage_errors(tolerate=NOT_FOUND) as missing:
        raise client_error("NoSuchKey")
    assert missing and missing.response["Error"]["Code"] == "NoSuchKey"
    with storage_errors(tolerate=NOT_FOUND) as missing:
        pass
    assert not missing and missing.response == {}
    with pytest.raises(KeyError), storage_errors():
        raise KeyError("not a service failure")


def test_error_codes_of_client_errors_and_of_other_failures():
    assert error_code(client_error("AccessDenied")) == "AccessDenied"
    assert error_code(ClientError({"Error": {}}, "Op")) == "ClientError"
    assert error_code(EndpointConnectionError(endpoint_url="x")) == "EndpointConnectionError"


def test_store_reads_answer_none_or_false_for_the_expected_refusals_and_503_for_the_rest():
    assert Store("t", "b", s3=Failing(client_error("NoSuchKey"))).get_disclosure("ab") is None
    with pytest.raises(StorageUnavailable, match="SlowDown"):
        Store("t", "b", s3=Failing(client_error("SlowDown"))).get_disclosure("ab")
    decided = Store("t", "b", dynamodb=Failing(client_error("ConditionalCheckFailedException")))
    assert decided.resolve_review("acme", "01HX", {"decision": "revocation"}) is False
    assert decided.put_campaign("C1", {"brand": "acme"}) is False
    with pytest.raises(StorageUnavailable, match="InternalServerError"):
        Store("t", "b", dynamodb=Failing(client_error("InternalServerError"))).resolve_review("acme", "01HX", {})


def test_a_cancelled_append_is_a_lost_race_a_redelivery_or_a_503_by_its_reasons():
    def cancelled(*reasons: str) -> ClientError:
        return client_error(
            "TransactionCanceledException", "TransactWriteItems", CancellationReasons=[{"Code": r} for r in reasons]
        )

    raced = Store("t", "b", dynamodb=Failing(cancelled("None", "ConditionalCheckFailed")))
    with pytest.raises(ChainRaceLost):
        raced.append(EVENT, "{}", {}, expected_seq=1)
    answer = {"Item": {"answer": {"S": '{"action":"opt_out"}'}}}
    redelivered = Store("t", "b", dynamodb=Failing(cancelled("None", "None", "ConditionalCheckFailed"), answer))
    with pytest.raises(AlreadyDelivered) as previous:
        redelivered.append(EVENT, "{}", {}, expected_seq=1, delivery=("twilio", "SM1"), answer={})
    assert previous.value.answer == {"action": "opt_out"}
    with pytest.raises(StorageUnavailable, match="TransactionCanceledException"):
        Store("t", "b", dynamodb=Failing(cancelled("ValidationError"))).append(EVENT, "{}", {}, expected_seq=1)


def test_a_batch_is_indexed_on_the_stores_own_day_shards():
    """append_batch used to build its items with a default store (16 shards) whatever the deployment's setting."""
    client = Failing(client_error("TransactionCanceledException"))
    store = Store("t", "b", dynamodb=client, day_shards=4)
    with pytest.raises(BatchNotWritten):
        store.append_batch([{"event": EVENT, "event_json": "{}", "state": {}, "expected_seq": 1}])
    [(_, request)] = client.calls
    written = request["TransactItems"][0]["Put"]["Item"]["gsi1pk"]["S"]
    assert written == day_key("acme", "2026-03-04", day_shard(EVENT["phone"], 4))


def test_opt_out_list_failures_keep_their_own_error_and_a_missing_number_is_done():
    with pytest.raises(SyncFailed, match=r"PutOptedOutNumber failed \(AccessDeniedException\)"):
        OptOutLists(Failing(client_error("AccessDeniedException"))).put("acme-list", "+14155550100")
    absent = OptOutLists(Failing(client_error("ResourceNotFoundException", ResourceType="opted-out-number")))
    assert absent.delete("acme-list", "+14155550100") is False
    no_list = OptOutLists(Failing(client_error("ResourceNotFoundException", ResourceType="opt-out-list")))
    with pytest.raises(SyncFailed, match=r"DeleteOptedOutNumber failed \(ResourceNotFoundException\)"):
        no_list.delete("acme-list", "+14155550100")

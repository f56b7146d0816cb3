"""The opt-out sync's resources in template.yaml: its rule, retries, encrypted failure queue, alarm and narrow role."""

from __future__ import annotations

import json

from tests.unit.test_template import raw, resources_of, role_statements, translated


def test_the_sync_may_change_the_named_opt_out_lists_and_nothing_else_in_end_user_messaging():
    role = raw()["Resources"]["OptOutSyncRole"]
    statements = [s for s in role_statements(role) if any(a.startswith("sms-voice:") for a in _list(s["Action"]))]
    assert len(statements) == 1
    [statement] = statements
    assert sorted(_list(statement["Action"])) == ["sms-voice:DeleteOptedOutNumber", "sms-voice:PutOptedOutNumber"]
    named, fallback = statement["Resource"]["Fn::If"][1:]
    assert statement["Resource"]["Fn::If"][0] == "HasOptOutLists"
    assert named == {"Ref": "EumOptOutListArns"}
    assert "opt-out-list/none.configured" in json.dumps(fallback) and "*" not in json.dumps(fallback)


def test_the_sync_hears_consent_changes_only_and_parks_what_fails_in_an_encrypted_alarmed_queue():
    function = raw()["Resources"]["OptOutSyncFunction"]["Properties"]
    [rule] = [
        r for r in resources_of("AWS::Events::Rule").values() if "OptOutSyncFunction" in json.dumps(r["Properties"])
    ]
    assert rule["Properties"]["EventBusName"] == {"Ref": "EventBus"}
    assert rule["Properties"]["EventPattern"] == {
        "source": ["optledger"],
        "detail-type": ["ConsentChanged"],
        "detail": {"type": ["opt_in", "opt_out"]},
    }
    assert function["EventInvokeConfig"]["MaximumRetryAttempts"] == 2
    destination = function["EventInvokeConfig"]["DestinationConfig"]["OnFailure"]
    assert destination == {"Type": "SQS", "Destination": {"Fn::GetAtt": ["OptOutSyncFailureQueue", "Arn"]}}
    queue = translated()["Resources"]["OptOutSyncFailureQueue"]["Properties"]
    assert queue["KmsMasterKeyId"] == {"Fn::GetAtt": ["LedgerKey", "Arn"]}
    alarm = translated()["Resources"]["OptOutSyncFailureAlarm"]["Properties"]
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible" and alarm["Threshold"] == 1
    assert function["Environment"]["Variables"]["OPTLEDGER_EUM_OPT_OUT_LISTS"] == {"Ref": "EumOptOutLists"}


def _list(value):
    return value if isinstance(value, list) else [value]

"""template.yaml in production: nothing lost silently, fair throttles, a key and a bucket that cannot be destroyed
quietly, alarms that reach someone (issue 16). Read on the template SAM translates offline (see test_template)."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.unit.test_template import as_list, raw, refers_to, resources_of, translated

PROVIDERS = ("twilio", "telnyx", "bandwidth", "vonage", "plivo", "sinch", "bird", "ringcentral")
BREAK_GLASS = {
    "ArnNotEquals": {
        "aws:PrincipalArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${BreakGlassRoleName}"}
    }
}


def function(logical: str) -> dict[str, Any]:
    return translated()["Resources"][logical]["Properties"]


def alarms() -> dict[str, dict[str, Any]]:
    return {name: a["Properties"] for name, a in resources_of("AWS::CloudWatch::Alarm").items()}


def test_failed_async_events_of_the_webhooks_and_the_bundler_go_to_kms_encrypted_queues_with_depth_alarms():
    configs = {
        c["Properties"]["FunctionName"]["Ref"]: c["Properties"]
        for c in resources_of("AWS::Lambda::EventInvokeConfig").values()
    }
    for fn, queue in (("WebhooksFunction", "WebhooksFailureQueue"), ("BundlerFunction", "BundlerFailureQueue")):
        config = configs[fn]
        assert config["MaximumRetryAttempts"] == 2
        assert config["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": [queue, "Arn"]}
        assert translated()["Resources"][queue]["Properties"]["KmsMasterKeyId"] == {"Ref": "LedgerKey"}
        role = raw()["Resources"][function(fn)["Role"]["Fn::GetAtt"][0]]
        statements = [s for p in role["Properties"]["Policies"] for s in p["PolicyDocument"]["Statement"]]
        assert any(s["Action"] == "sqs:SendMessage" and refers_to(s["Resource"], queue) for s in statements)
        key = next(s for s in statements if s["Sid"] == "DataKey")
        assert {"Fn::Sub": "sqs.${AWS::Region}.amazonaws.com"} in key["Condition"]["StringEquals"]["kms:ViaService"]
        assert any(
            a.get("MetricName") == "ApproximateNumberOfMessagesVisible" and refers_to(a["Dimensions"], queue)
            for a in alarms().values()
        )


def test_each_provider_has_its_own_throttled_route_and_unknown_names_a_small_one():
    [stage] = resources_of("AWS::ApiGatewayV2::Stage").values()
    settings = stage["Properties"]["RouteSettings"]
    for provider in PROVIDERS:
        assert settings[f"POST /webhooks/{provider}"] == {
            "ThrottlingRateLimit": {"Ref": "WebhookRateLimit"},
            "ThrottlingBurstLimit": {"Ref": "WebhookBurstLimit"},
        }
    assert settings["GET /webhooks/vonage"]["ThrottlingRateLimit"] == {"Ref": "WebhookRateLimit"}
    for method in ("POST", "GET"):
        assert settings[f"{method} /webhooks/{{provider}}"]["ThrottlingRateLimit"] == {"Ref": "UnknownWebhookRateLimit"}
    [api] = resources_of("AWS::ApiGatewayV2::Api").values()
    paths = api["Properties"]["Body"]["paths"]
    for key in settings:  # a setting for a route that does not exist would fail the deploy
        method, path = key.split(" ")
        assert method.lower() in paths[path], key


def test_public_functions_have_reserved_concurrency_and_the_bundler_the_daily_runs_fan_out():
    assert function("WebhooksFunction")["ReservedConcurrentExecutions"] == {"Ref": "WebhooksReservedConcurrency"}
    assert function("OptinsFunction")["ReservedConcurrentExecutions"] == {"Ref": "OptinsReservedConcurrency"}
    # The daily run fans out on Step Functions (issue 17): the function's bound is the Map states' bound.
    definition = json.dumps(raw()["Resources"]["DailyEvidenceStateMachine"]["Properties"]["Definition"])
    bounds = {int(n) for n in re.findall(r'"MaxConcurrency": (\d+)', definition)}
    assert bounds == {function("BundlerFunction")["ReservedConcurrentExecutions"]}


def test_429s_and_a_high_4xx_share_raise_alarms():
    [metric] = resources_of("AWS::Logs::MetricFilter").values()
    assert metric["Properties"]["LogGroupName"] == {"Ref": "ApiAccessLogGroup"}
    assert '"429"' in metric["Properties"]["FilterPattern"]
    name = metric["Properties"]["MetricTransformations"][0]["MetricName"]
    assert any(a.get("MetricName") == name for a in alarms().values())
    four = alarms()["Api4xxRateAlarm"]
    stats = [m["MetricStat"]["Metric"]["MetricName"] for m in four["Metrics"] if "MetricStat" in m]
    assert sorted(stats) == ["4xx", "Count"]


def test_the_key_cannot_be_deleted_disabled_or_repolicied_but_by_the_break_glass_role_and_attempts_alarm():
    [key] = resources_of("AWS::KMS::Key").values()
    [deny] = [s for s in key["Properties"]["KeyPolicy"]["Statement"] if s["Effect"] == "Deny"]
    assert set(deny["Action"]) == {"kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy"}
    assert deny["Principal"] == "*" and deny["Condition"] == BREAK_GLASS
    rule = translated()["Resources"]["KeyTamperingRule"]["Properties"]["EventPattern"]
    assert rule["source"] == ["aws.kms"]
    assert set(rule["detail"]["eventName"]) == {a.split(":")[1] for a in deny["Action"]}
    assert alarms()["KeyTamperingAlarm"]["Dimensions"] == [{"Name": "RuleName", "Value": {"Ref": "KeyTamperingRule"}}]


def test_the_bucket_refuses_governance_bypass_and_drops_incomplete_uploads_after_a_day():
    [policy] = resources_of("AWS::S3::BucketPolicy").values()
    [bypass] = [
        s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Action"] == "s3:BypassGovernanceRetention"
    ]
    assert bypass["Effect"] == "Deny" and bypass["Principal"] == "*" and bypass["Condition"] == BREAK_GLASS
    [bucket] = resources_of("AWS::S3::Bucket").values()
    rules = bucket["Properties"]["LifecycleConfiguration"]["Rules"]
    assert {"DaysAfterInitiation": 1} in [
        r.get("AbortIncompleteMultipartUpload") for r in rules if r["Status"] == "Enabled"
    ]


def test_a_day_without_a_completed_bundler_run_alarms():
    heartbeat = alarms()["BundlerHeartbeatAlarm"]
    assert heartbeat["TreatMissingData"] == "breaching"
    hours = heartbeat["EvaluationPeriods"] * heartbeat["Period"] / 3600
    assert 24 < hours <= 30 and heartbeat["DatapointsToAlarm"] == heartbeat["EvaluationPeriods"]
    assert heartbeat["ComparisonOperator"] == "LessThanThreshold" and heartbeat["Threshold"] == 1
    # A completed run is a succeeded execution of the daily state machine (issue 17 fans the run out there).
    assert (heartbeat["Namespace"], heartbeat["MetricName"]) == ("AWS/States", "ExecutionsSucceeded")
    assert heartbeat["Dimensions"] == [{"Name": "StateMachineArn", "Value": {"Ref": "DailyEvidenceStateMachine"}}]


def test_every_alarm_notifies_and_the_deploy_requires_a_recipient():
    target = {"Fn::If": ["HasAlarmTopic", {"Ref": "AlarmTopicArn"}, {"Ref": "AlarmTopic"}]}
    for name, alarm in alarms().items():
        assert alarm["AlarmActions"] == [target], name
    [assertion] = raw()["Rules"]["AlarmsReachSomeone"]["Assertions"]
    assert "AlarmEmail" in json.dumps(assertion) and "AlarmTopicArn" in json.dumps(assertion)
    topic = translated()["Resources"]["AlarmTopic"]
    assert topic["Condition"] == "CreateAlarmTopic" and topic["Properties"]["KmsMasterKeyId"] == {"Ref": "LedgerKey"}


def test_evidence_links_are_presigned_gets_of_number_bundles_signed_by_a_key_rotated_within_90_days():
    [user] = resources_of("AWS::IAM::User").values()
    [statement] = [
        s
        for p in user["Properties"]["Policies"]
        for s in p["PolicyDocument"]["Statement"]
        if "s3:GetObject" in as_list(s["Action"])
    ]
    assert statement["Resource"] == {"Fn::Sub": "${EvidenceBucket.Arn}/bundles/numbers/*"}
    assert statement["Condition"]["StringEquals"] == {"s3:authType": "REST-QUERY-STRING"}
    assert statement["Condition"]["NumericLessThanEquals"] == {"s3:signatureAge": 86400000}
    assert not resources_of("AWS::IAM::AccessKey")  # the key never passes through the template
    [schedule] = resources_of("AWS::SecretsManager::RotationSchedule").values()
    assert schedule["Properties"]["SecretId"] == {"Ref": "EvidenceLinkSecret"}
    assert schedule["Properties"]["RotationLambdaARN"] == {"Fn::GetAtt": ["LinkKeyRotationFunction", "Arn"]}
    assert translated()["Parameters"]["LinkKeyRotationDays"]["MaxValue"] == 90


def test_the_x_ray_sdk_is_off_by_default():
    assert translated()["Parameters"]["XRaySdkTracing"]["Default"] == "false"


def test_the_local_server_still_routes_every_provider_to_the_webhooks_function():
    from pathlib import Path

    from optledger_tools.local.server import LocalApi

    api = LocalApi(Path(__file__).resolve().parents[2])
    for provider in PROVIDERS:
        route = api.route("POST", f"/webhooks/{provider}")
        assert route is not None and route.function == "functions/webhooks", provider
    assert api.route("GET", "/webhooks/vonage").function == "functions/webhooks"
    unknown = api.route("POST", "/webhooks/nosuchprovider")
    assert unknown.function == "functions/webhooks" and unknown.path == "/webhooks/{provider}"  # its JSON 404


def test_the_schedule_passes_its_time_so_a_replayed_run_compiles_its_own_day():
    [schedule] = resources_of("AWS::Scheduler::Schedule").values()
    assert json.loads(schedule["Properties"]["Target"]["Input"]) == {"time": "<aws.scheduler.scheduled-time>"}

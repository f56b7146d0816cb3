"""template.yaml, translated offline by the SAM translator: security properties, and routes/permissions vs the code.

Routes: the route decorators of ``functions/<name>/app.py`` (Powertools resolver) must be exactly the HttpApi events of
the function whose CodeUri is ``functions/<name>/``.

Permissions: the data-access modules (``optledger/store.py`` for DynamoDB and S3, ``optledger/bus.py`` for
EventBridge) are the only code that calls AWS. Their methods are read with ``ast`` to learn which AWS actions each
one performs (following calls between methods). A function *reaches* a data-access method when a module it imports,
directly or not, calls that method on a receiver named like the module's object (``...store...`` / ``...bus...``).
The actions of the reached methods must be granted to the function's role on the right resource, and (least
privilege) every data action granted must be one the code reaches. The reach is an over-approximation at module
level: simple and honest, it can demand a grant a path never uses, never miss one a module calls.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from boto3.session import Session
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

from optledger.api.resolver import CONSOLE_API_PREFIX
from optledger_tools.local.template import http_routes, load_template

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "layers" / "optledger" / "optledger"
ACCOUNT, REGION = "123456789012", "us-east-1"

# Functions, routes and grants that other branches are adding (issues 4, 5, 6): tolerated while the code is not
# there yet. Empty these once those branches are merged.
PENDING_FUNCTIONS: set[str] = set()
PENDING_ROUTES: set[tuple[str, str, str]] = set()
PENDING_GRANTS: set[tuple[str, str, str]] = set()

# The analysis follows imports, so it over-counts: a function that imports a module for its reads is seen to reach
# that module's writes too. Each pair here is one the function reaches but never performs, with the reason.
REACHED_NOT_USED = {
    # The bundler imports runtime and campaigns to read campaigns and the ledger; it never appends or edits campaigns.
    ("functions/bundler", "dynamodb:PutItem", "table"),
    # The opt-out sync reads chain heads and campaigns through the same modules; it never writes the table.
    ("functions/optoutsync", "dynamodb:PutItem", "table"),
}

# boto3 operations of the data-access modules -> the IAM actions they need. An operation missing here fails the
# test: add it with its action(s).
DYNAMODB_OPS = {
    "get_item": {"dynamodb:GetItem"},
    "batch_get_item": {"dynamodb:BatchGetItem"},
    "put_item": {"dynamodb:PutItem"},
    "update_item": {"dynamodb:UpdateItem"},
    "delete_item": {"dynamodb:DeleteItem"},
    "query": {"dynamodb:Query"},
    "scan": {"dynamodb:Scan"},
    # Transactions have no IAM action of their own: each member needs its item action (see _transaction_actions).
    "transact_write_items": set(),
    "transact_get_items": {"dynamodb:GetItem"},
}
TRANSACTION_MEMBERS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}
S3_OPS = {
    "put_object": {"s3:PutObject"},
    "upload_fileobj": {"s3:PutObject"},
    "upload_file": {"s3:PutObject"},
    "get_object": {"s3:GetObject"},
    "head_object": {"s3:GetObject"},
    "download_fileobj": {"s3:GetObject"},
    "list_objects_v2": {"s3:ListBucket"},
    "put_object_retention": {"s3:PutObjectRetention"},
}
# A streaming upload (optledger.s3stream) creates, uploads and completes parts (s3:PutObject) or aborts them.
MULTIPART_ACTIONS = {("s3:PutObject", "objects"), ("s3:AbortMultipartUpload", "objects")}
EVENTS_OPS = {"put_events": {"events:PutEvents"}}
DATA_SERVICES = ("dynamodb:", "s3:", "events:", "secretsmanager:")
# Actions that come from an event source or the runtime, not from our code.
PLATFORM_ACTIONS = {
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
    "sqs:SendMessage",
    "kms:Decrypt",
    "kms:GenerateDataKey",
}


# -- the template ------------------------------------------------------------------------------------------------------


@cache
def raw() -> dict[str, Any]:
    return yaml_parse((ROOT / "template.yaml").read_text(encoding="utf-8"))


@cache
def translated() -> dict[str, Any]:
    """The CloudFormation template SAM would deploy, translated offline for a fake account and region."""

    class NoManagedPolicies:
        def load(self) -> dict[str, str]:
            return {}  # every role is written out in the template: no managed policy may be needed

    template = json.loads(json.dumps(raw()))
    for name, resource in template["Resources"].items():
        props = resource.get("Properties", {})
        for uri in ("CodeUri", "ContentUri"):
            if uri in props:  # what `sam build`/`sam package` put there
                props[uri] = f"s3://artifacts-bucket/{name}.zip"
    parameters = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws", "AWS::StackName": "t"}
    translator = Translator(None, Parser(), boto_session=Session(region_name=REGION))  # a region, no credentials
    return translator.translate(template, parameters, get_managed_policy_map=NoManagedPolicies().load)


def resources_of(kind: str, template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    template = template or translated()
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def functions() -> dict[str, dict[str, Any]]:
    """Serverless functions by CodeUri folder (functions/webhooks, ...)."""
    return {
        str(r["Properties"]["CodeUri"]).rstrip("/"): {"name": name, **r}
        for name, r in resources_of("AWS::Serverless::Function", raw()).items()
    }


def role_statements(role: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for policy in role["Properties"].get("Policies", []):
        yield from policy["PolicyDocument"]["Statement"]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def refers_to(expression: Any, resource: str) -> bool:
    text = json.dumps(expression)
    return f'"{resource}"' in text or f'"{resource}.' in text or "${" + resource in text


# -- security properties -----------------------------------------------------------------------------------------------


@cache
def resource_level_actions() -> dict[str, dict[str, Any]]:
    """cfn-lint's copy of the IAM service reference: which actions support resource-level permissions."""
    data = resources.files("cfnlint.data.AdditionalSpecs").joinpath("Policies.json").read_text(encoding="utf-8")
    return json.loads(data)


def test_no_iam_policy_allows_a_wildcard_action():
    for name, role in resources_of("AWS::IAM::Role").items():
        assert not role["Properties"].get("ManagedPolicyArns"), f"{name} has managed policies"
        for statement in role_statements(role):
            for action in as_list(statement["Action"]):
                assert "*" not in action, f"{name} allows {action}"


def test_wildcard_resources_only_for_actions_without_resource_level_permissions():
    spec = resource_level_actions()
    for name, role in resources_of("AWS::IAM::Role").items():
        for statement in role_statements(role):
            if "*" not in as_list(statement["Resource"]):
                continue
            for action in as_list(statement["Action"]):
                service, verb = action.split(":")
                assert not spec[service]["Actions"][verb.lower()].get("Resources"), (
                    f"{name} grants {action} on '*' although it supports resource ARNs"
                )


def test_every_function_has_its_own_role_and_log_group_and_is_traced():
    built = resources_of("AWS::Lambda::Function")
    roles = [json.dumps(f["Properties"]["Role"]) for f in built.values()]
    assert len(set(roles)) == len(built) == len(functions())
    for name, function in built.items():
        props = function["Properties"]
        assert props["TracingConfig"] == {"Mode": "Active"}, name
        assert props["Runtime"] == "python3.13" and props["Architectures"] == ["arm64"], name
        assert props["Environment"]["Variables"]["POWERTOOLS_METRICS_NAMESPACE"], name
        log_group = props["LoggingConfig"]["LogGroup"]["Ref"]
        group = translated()["Resources"][log_group]["Properties"]
        assert group["RetentionInDays"] == {"Ref": "LogRetentionDays"}
        assert group["KmsKeyId"] == {"Fn::GetAtt": ["LedgerKey", "Arn"]}


def test_the_key_is_a_rotated_customer_key():
    [key] = resources_of("AWS::KMS::Key").values()
    assert key["Properties"]["EnableKeyRotation"] is True
    assert key["DeletionPolicy"] == "Retain"


def test_table_is_encrypted_with_the_customer_key_recoverable_protected_and_streamed():
    [table] = resources_of("AWS::DynamoDB::Table").values()
    props = table["Properties"]
    assert props["SSESpecification"] == {
        "SSEEnabled": True,
        "SSEType": "KMS",
        "KMSMasterKeyId": {"Fn::GetAtt": ["LedgerKey", "Arn"]},
    }
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert props["DeletionProtectionEnabled"] is True
    assert props["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    assert table["DeletionPolicy"] == "Retain"


def test_bucket_has_object_lock_versioning_kms_and_no_public_access():
    [bucket] = resources_of("AWS::S3::Bucket").values()
    props = bucket["Properties"]
    assert props["ObjectLockEnabled"] is True
    assert props["ObjectLockConfiguration"] == {
        "ObjectLockEnabled": "Enabled",
        "Rule": {"DefaultRetention": {"Mode": {"Ref": "ObjectLockMode"}, "Years": {"Ref": "ObjectLockRetentionYears"}}},
    }
    parameters = translated()["Parameters"]
    assert parameters["ObjectLockRetentionYears"]["Default"] == 5
    assert set(parameters["ObjectLockMode"]["AllowedValues"]) == {"GOVERNANCE", "COMPLIANCE"}
    assert props["VersioningConfiguration"] == {"Status": "Enabled"}
    [encryption] = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert encryption["ServerSideEncryptionByDefault"] == {
        "SSEAlgorithm": "aws:kms",
        "KMSMasterKeyID": {"Fn::GetAtt": ["LedgerKey", "Arn"]},
    }
    assert all(props["PublicAccessBlockConfiguration"].values())
    assert len(props["PublicAccessBlockConfiguration"]) == 4
    assert props["OwnershipControls"] == {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    assert bucket["DeletionPolicy"] == "Retain"


def test_bucket_policy_refuses_anything_but_tls():
    [policy] = resources_of("AWS::S3::BucketPolicy").values()
    denials = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Deny"]
    tls = [s for s in denials if s.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}]
    assert tls and tls[0]["Principal"] == "*" and tls[0]["Action"] == "s3:*"
    covered = json.dumps(tls[0]["Resource"])
    assert "EvidenceBucket.Arn}/*" in covered and '["EvidenceBucket", "Arn"]' in covered


def test_the_inbound_sms_topic_lets_only_end_user_messaging_of_this_account_publish():
    [policy] = resources_of("AWS::SNS::TopicPolicy").values()
    [statement] = policy["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "sms-voice.amazonaws.com"} and statement["Action"] == "sns:Publish"
    assert statement["Condition"]["StringEquals"] == {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}
    [subscription] = resources_of("AWS::SNS::Subscription").values()
    assert subscription["Properties"]["Endpoint"] == {"Fn::GetAtt": ["WebhooksFunction", "Arn"]}


def test_alarms_cover_errors_and_throttles_of_every_function_api_5xx_and_every_dead_letter_queue():
    alarms = [
        a["Properties"] for a in resources_of("AWS::CloudWatch::Alarm").values() if "MetricName" in a["Properties"]
    ]
    for name in resources_of("AWS::Lambda::Function"):
        for metric in ("Errors", "Throttles"):
            assert any(a["MetricName"] == metric and a["Dimensions"][0]["Value"] == {"Ref": name} for a in alarms), (
                f"no {metric} alarm on {name}"
            )
    assert any(a["Namespace"] == "AWS/ApiGateway" and a["MetricName"] == "5xx" for a in alarms)
    for queue in resources_of("AWS::SQS::Queue"):
        assert any(
            a["MetricName"] == "ApproximateNumberOfMessagesVisible" and refers_to(a["Dimensions"], queue)
            for a in alarms
        ), f"no depth alarm on {queue}"


def test_the_bundler_runs_daily_in_a_time_zone_with_retries_and_a_dead_letter_queue():
    [schedule] = resources_of("AWS::Scheduler::Schedule").values()
    props = schedule["Properties"]
    assert props["ScheduleExpressionTimezone"] == {"Ref": "BundleTimezone"}
    assert props["Target"]["RetryPolicy"]["MaximumRetryAttempts"] >= 1
    assert props["Target"]["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["BundlerDeadLetterQueue", "Arn"]}}
    assert translated()["Parameters"]["BundleSchedule"]["Default"].startswith("cron(")


def test_the_publisher_reads_the_stream_with_partial_batch_failures():
    [mapping] = resources_of("AWS::Lambda::EventSourceMapping").values()
    props = mapping["Properties"]
    assert props["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert props["EventSourceArn"] == {"Fn::GetAtt": ["LedgerTable", "StreamArn"]}
    assert props["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": ["PublisherDeadLetterQueue", "Arn"]}


def test_api_is_throttled_and_access_logged_without_paths():
    [stage] = resources_of("AWS::ApiGatewayV2::Stage").values()
    settings = stage["Properties"]["DefaultRouteSettings"]
    assert settings["ThrottlingRateLimit"] == {"Ref": "ApiRateLimit"}
    assert settings["ThrottlingBurstLimit"] == {"Ref": "ApiBurstLimit"}
    log = stage["Properties"]["AccessLogSettings"]
    assert log["DestinationArn"] == {"Fn::GetAtt": ["ApiAccessLogGroup", "Arn"]}
    assert "$context.routeKey" in log["Format"] and "$context.path" not in log["Format"]  # paths carry phones


def test_custom_domain_resources_exist_only_with_a_domain():
    conditional = {
        name: r.get("Condition")
        for name, r in translated()["Resources"].items()
        if r["Type"].startswith(("AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping", "AWS::Route53"))
    }
    assert len(conditional) == 3
    assert set(conditional.values()) == {"HasDomain", "HasHostedZone"}


# -- routes vs code ----------------------------------------------------------------------------------------------------

HTTP_VERBS = {"get", "post", "put", "delete", "patch", "head", "options"}


def code_routes(app: Path) -> set[tuple[str, str]]:
    """(METHOD, /path/{param}) of every Powertools route decorator of a handler module."""
    routes: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)):
                continue
            verb = decorator.func.attr
            if verb not in HTTP_VERBS | {"route"} or not decorator.args:
                continue
            path = re.sub(r"<(\w+)>", "{}", ast.literal_eval(decorator.args[0]))
            if verb == "route":
                given = next((k.value for k in decorator.keywords if k.arg == "method"), None)
                methods = as_list(ast.literal_eval(given)) if given is not None else ["GET"]
            else:
                methods = [verb]
            routes |= {(m.upper(), path) for m in methods}
    return routes


def template_routes() -> dict[str, set[tuple[str, str]]]:
    routes: dict[str, set[tuple[str, str]]] = {}
    for route in http_routes(load_template(ROOT / "template.yaml")):
        # Parameter names are the code's and the template's own business: compare the shapes of the paths.
        routes.setdefault(route.function, set()).add((route.method, re.sub(r"\{[^}]+\}", "{}", route.path)))
    return routes


def existing_functions() -> list[str]:
    return [uri for uri in functions() if (ROOT / uri / "app.py").is_file()]


@pytest.mark.parametrize("uri", existing_functions())
def test_every_route_in_the_code_is_in_the_template_on_that_function(uri):
    declared = template_routes().get(uri, set())
    assert code_routes(ROOT / uri / "app.py") <= declared


def served_by(route: tuple[str, str], served: set[tuple[str, str]]) -> bool:
    """A template route is served by a code route of its method whose path pattern matches it (a literal
    /webhooks/twilio, which has a throttle of its own, is served by the code's /webhooks/<provider>)."""
    method, path = route
    return any(m == method and re.fullmatch(re.escape(p).replace(re.escape("{}"), r"[^/]+"), path) for m, p in served)


@pytest.mark.parametrize("uri", existing_functions())
def test_every_route_in_the_template_is_served_by_its_function(uri):
    served = code_routes(ROOT / uri / "app.py")
    pending = {(m, p) for f, m, p in PENDING_ROUTES if f == uri}
    if uri == "functions/consents":
        # /console/api/{proxy+} is every route of the function again, for console users (the prefix is stripped).
        served.add(("ANY", CONSOLE_API_PREFIX + "/{}"))
    assert {r for r in template_routes().get(uri, set()) if not served_by(r, served)} <= pending


def test_business_routes_need_iam_and_the_public_ones_do_not():
    [api] = resources_of("AWS::ApiGatewayV2::Api").values()
    paths = api["Properties"]["Body"]["paths"]
    shape = functools.partial(re.sub, r"\{[^}]+\}", "{}")
    iam = {
        (method.upper(), shape(path))
        for path, operations in paths.items()
        for method, operation in operations.items()
        if operation.get("security") == [{"AWS_IAM": []}]
    }
    everything = {(method.upper(), shape(path)) for path, operations in paths.items() for method in operations}
    console_api = ("ANY", CONSOLE_API_PREFIX + "/{}")
    consents = template_routes()["functions/consents"] - {console_api}
    assert iam == consents
    # Console users reach the same routes under /console/api, with a Cognito access token checked by API Gateway.
    jwt = {
        (method.upper(), shape(path))
        for path, operations in paths.items()
        for method, operation in operations.items()
        if operation.get("security") == [{"ConsoleUsers": []}]
    }
    assert jwt == {("X-AMAZON-APIGATEWAY-ANY-METHOD", console_api[1])} or jwt == {console_api}
    everything -= jwt
    assert everything - iam == set().union(*(r for f, r in template_routes().items() if f != "functions/consents"))
    assert ("POST", "/webhooks/{}") in everything - iam and ("GET", "/health") in everything - iam


def test_every_function_of_the_template_has_its_code():
    for uri in functions():
        assert (ROOT / uri / "app.py").is_file() or uri in PENDING_FUNCTIONS, f"{uri}/app.py is missing"


# -- permissions vs code -----------------------------------------------------------------------------------------------


def _method_table(module: Path, class_name: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name]
    return {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}


def _transaction_actions(method: ast.FunctionDef) -> set[str]:
    """The members (``{"Put": ...}`` keys) a transaction is built of: in the method, or in the item builders of
    ``optledger/keys.py`` it calls (``append_items`` -> ``put``)."""
    tree = ast.parse((PACKAGE / "keys.py").read_text(encoding="utf-8"))
    builders = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    keys: set[Any] = set()
    todo, seen = [method], set()
    while todo:
        for node in ast.walk(todo.pop()):
            if isinstance(node, ast.Dict):
                keys |= {k.value for k in node.keys if isinstance(k, ast.Constant)}
            elif isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name in builders and name not in seen:
                    seen.add(name)
                    todo.append(builders[name])
    return {action for member, action in TRANSACTION_MEMBERS.items() if member in keys}


def _direct_actions(method: ast.FunctionDef, client: str, ops: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(action, resource kind) of the ``self.<client>.<op>(...)`` calls of one method."""
    found: set[tuple[str, str]] = set()
    kind = {"dynamodb": "table", "s3": "objects", "store.s3": "objects", "client": "bus"}[client]
    for call in (n for n in ast.walk(method) if isinstance(n, ast.Call)):
        if isinstance(call.func, ast.Name) and call.func.id == "S3MultipartWriter" and client.endswith("s3"):
            found |= MULTIPART_ACTIONS
        if not isinstance(call.func, ast.Attribute):
            continue
        receiver = ast.unparse(call.func.value)
        if receiver != f"self.{client}":
            continue
        op = call.func.attr
        if op in ("get_paginator", "generate_presigned_url"):
            op = ast.literal_eval(call.args[0])
        assert op in ops, f"{method.name} calls {client}.{op}: add it to the operation table of this test"
        index = any(k.arg == "IndexName" for k in call.keywords)
        actions = ops[op] | (_transaction_actions(method) if op == "transact_write_items" else set())
        found |= {(a, "index" if index and a == "dynamodb:Query" else kind) for a in actions}
    return found


def _closure(
    name: str,
    direct: dict[str, set[tuple[str, str]]],
    calls: dict[str, list[tuple[str, bool]]],
    stack: tuple[str, ...] = (),
) -> set[tuple[str, str]]:
    actions = set(direct[name])
    for callee, on_index in calls[name]:
        if callee in stack:
            continue
        for action, kind in _closure(callee, direct, calls, (*stack, name)):
            actions.add((action, "index" if on_index and action == "dynamodb:Query" else kind))
    return actions


@cache
def data_access_actions() -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(module object, method) -> every (action, resource kind) it performs, calls between methods followed."""
    tables = {
        "store": (_method_table(PACKAGE / "store.py", "Store"), {"dynamodb": DYNAMODB_OPS, "s3": S3_OPS}),
        "bus": (_method_table(PACKAGE / "bus.py", "EventBus"), {"client": EVENTS_OPS}),
    }
    result: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for owner, (methods, clients) in tables.items():
        direct = {
            name: set().union(*(_direct_actions(m, c, ops) for c, ops in clients.items()))
            for name, m in methods.items()
        }
        # self.<method>(...) calls; a call that passes IndexName turns the callee's queries into index queries.
        calls = {
            name: [
                (n.func.attr, any(k.arg == "IndexName" for k in n.keywords))
                for n in ast.walk(m)
                if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and ast.unparse(n.func.value) == "self"
                and n.func.attr in methods
            ]
            for name, m in methods.items()
        }

        for name in methods:
            result[(owner, name)] = _closure(name, direct, calls)
    # Evidence (the bucket's bundles and anchors) works through its Store: self.store.s3 calls and Store methods.
    evidence = _method_table(PACKAGE / "bucket.py", "Evidence")
    for name, method in evidence.items():
        actions = _direct_actions(method, "store.s3", S3_OPS)
        for call in ast.walk(method):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and ast.unparse(call.func.value) == "self.store"
            ):
                actions |= result.get(("store", call.func.attr), set())
        result[("evidence", name)] = actions
    return result


def _imports(path: Path) -> set[Path]:
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "optledger":
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[0] == "optledger"]
        for name in names:
            parts = name.split(".")[1:]
            if not parts:
                found.add(PACKAGE / "__init__.py")
                continue
            relative = Path(*parts)
            for candidate in (PACKAGE / relative.with_suffix(".py"), PACKAGE / relative / "__init__.py"):
                if candidate.is_file():
                    found.add(candidate)
    return found


def reached_modules(app: Path) -> set[Path]:
    seen, todo = set(), [app]
    while todo:
        for module in _imports(todo.pop()) - seen:
            seen.add(module)
            todo.append(module)
    return seen


def required_grants(app: Path) -> set[tuple[str, str]]:
    """(action, resource kind) the code of one function can perform through the data-access modules."""
    table = data_access_actions()
    required: set[tuple[str, str]] = set()
    for module in reached_modules(app) | {app}:
        if module.name in ("store.py", "bucket.py", "bus.py"):
            continue
        # Every ``<store|bus|evidence>.<method>`` reference, called or passed on as a callback.
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            receiver = ast.unparse(node.value).lower()
            for owner in ("store", "bus", "evidence"):
                if owner in receiver and (owner, node.attr) in table:
                    required |= table[(owner, node.attr)]
    return required


def _kind(resource: Any) -> str:
    text = json.dumps(resource)
    if "/index/" in text:
        return "index"
    if "StreamArn" in text:
        return "stream"
    for name, kind in (("LedgerTable", "table"), ("EvidenceBucket", "objects"), ("EventBus", "bus")):
        if name in text:
            return kind
    if "ProviderSecrets" in text:
        return "secret"
    if "EvidenceLinkSecret" in text:
        return "link_secret"
    return text


def granted(uri: str) -> set[tuple[str, str]]:
    role_name = functions()[uri]["Properties"]["Role"]["Fn::GetAtt"][0]
    role = raw()["Resources"][role_name]
    return {
        (action, _kind(resource))
        for statement in role_statements(role)
        if statement["Effect"] == "Allow"
        for action in as_list(statement["Action"])
        for resource in as_list(statement["Resource"])
    }


def link_key_actions(receiver: str, service: str) -> set[str]:
    """IAM actions of the ``self.<receiver>.<operation>(...)`` calls of the link-key rotation module."""
    tree = ast.parse((PACKAGE / "linkkeys.py").read_text(encoding="utf-8"))
    return {
        f"{service}:" + "".join(part.title() for part in node.func.attr.split("_"))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and ast.unparse(node.func.value) == f"self.{receiver}"
    }


def test_the_link_key_rotation_may_do_exactly_what_its_code_does():
    assert granted("functions/linkrotation") >= {
        (a, "link_secret") for a in link_key_actions("secrets", "secretsmanager")
    }
    iam = {a for a, _ in granted("functions/linkrotation") if a.startswith("iam:")}
    assert iam == link_key_actions("iam", "iam") == {"iam:ListAccessKeys", "iam:CreateAccessKey", "iam:DeleteAccessKey"}
    [statement] = [s for s in role_statements(raw()["Resources"]["LinkKeyRotationRole"]) if s["Sid"] == "LinkUserKeys"]
    assert statement["Resource"] == {"Fn::GetAtt": ["EvidenceLinkUser", "Arn"]}  # that user's keys, no other's


def test_only_the_data_access_modules_import_boto3():
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"^\s*(import boto3|from boto3|import botocore|from botocore)", path.read_text("utf-8"), re.M)
    }
    # The local emulator and the command line create clients for the embedded endpoint; Lambda never imports them.
    # smsvoice: End User Messaging SMS (opt-out lists); bucket: the evidence bucket (the store's S3 client);
    # service_errors: botocore's exception types, turned into OptLedger errors.
    allowed = {"store.py", "bucket.py", "bus.py", "smsvoice.py", "service_errors.py"}
    assert {p for p in importers if not p.startswith("local/") and p != "cli.py"} <= allowed


def test_the_analysis_sees_what_the_store_does():
    table = data_access_actions()
    assert table[("store", "append")] == {("dynamodb:PutItem", "table"), ("dynamodb:GetItem", "table")}
    assert table[("store", "iter_day_events")] == {("dynamodb:Query", "index")}
    assert table[("bus", "put_events")] == {("events:PutEvents", "bus")}


@pytest.mark.parametrize("uri", existing_functions())
def test_every_action_the_code_reaches_is_granted_on_its_resource(uri):
    have = granted(uri)
    unused = {(a, k) for f, a, k in REACHED_NOT_USED if f == uri}
    required = required_grants(ROOT / uri / "app.py") - unused
    missing = {(action, kind) for action, kind in required if (action, kind) not in have}
    assert not missing, f"{uri} needs {sorted(missing)}"


@pytest.mark.parametrize("uri", existing_functions())
def test_every_data_action_granted_is_one_the_code_reaches(uri):
    needed = required_grants(ROOT / uri / "app.py")
    variables = functions()[uri]["Properties"].get("Environment", {}).get("Variables", {})
    if "OPTLEDGER_SECRETS_ARN" in variables:
        needed.add(("secretsmanager:GetSecretValue", "secret"))
    if "OPTLEDGER_LINK_SIGNER_SECRET_ARN" in variables:
        needed.add(("secretsmanager:GetSecretValue", "link_secret"))
    if PACKAGE / "linkkeys.py" in reached_modules(ROOT / uri / "app.py"):
        needed |= {(action, "link_secret") for action in link_key_actions("secrets", "secretsmanager")}
    pending = {(a, k) for f, a, k in PENDING_GRANTS if f == uri}
    data = {(a, k) for a, k in granted(uri) if a.startswith(DATA_SERVICES) and a not in PLATFORM_ACTIONS}
    assert data - needed <= pending, f"{uri} is granted more than its code uses: {sorted(data - needed - pending)}"


def test_functions_that_read_the_secret_get_it_and_no_other_function_does():
    for uri, function in functions().items():
        variables = function["Properties"].get("Environment", {}).get("Variables", {})
        reads = ("secretsmanager:GetSecretValue", "secret") in granted(uri)
        assert reads == ("OPTLEDGER_SECRETS_ARN" in variables), uri


def test_every_function_touching_encrypted_data_may_use_the_key():
    for uri in functions():
        grants = granted(uri)
        touches = any(kind in ("table", "index", "objects", "secret", "link_secret", "stream") for _, kind in grants)
        key = any(action == "kms:Decrypt" and "LedgerKey" in kind for action, kind in grants)
        assert key == touches, uri


def test_console_users_sign_in_with_mfa_through_the_code_flow_and_a_jwt_authorizer():
    resources = translated()["Resources"]
    [pool] = resources_of("AWS::Cognito::UserPool").values()
    assert pool["Properties"]["MfaConfiguration"] == {"Ref": "ConsoleMfa"}
    assert translated()["Parameters"]["ConsoleMfa"]["Default"] == "ON"
    assert pool["Properties"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    [client] = resources_of("AWS::Cognito::UserPoolClient").values()
    props = client["Properties"]
    assert props["AllowedOAuthFlows"] == ["code"] and props["GenerateSecret"] is False  # PKCE, no secret in a page
    [authorizer] = resources_of("AWS::ApiGatewayV2::Api").values()
    schemes = authorizer["Properties"]["Body"]["components"]["securitySchemes"]
    jwt = schemes["ConsoleUsers"]["x-amazon-apigateway-authorizer"]["jwtConfiguration"]
    assert jwt["audience"] == [{"Ref": "ConsoleUserPoolClient"}] and refers_to(jwt["issuer"], "ConsoleUserPool")
    assert "ConsoleUserPoolDomain" in resources

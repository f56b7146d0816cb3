"""Reading ``template.yaml``: the table's key schema and the HTTP routes, so local runs cannot drift."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _CfnLoader(yaml.SafeLoader):
    """YAML loader that keeps CloudFormation short-form tags (!Ref, !GetAtt, ...) as plain values."""


def _tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {f"Fn::{suffix}" if suffix not in ("Ref", "Condition") else suffix: value}


_CfnLoader.add_multi_constructor("!", _tag)


def load_template(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_CfnLoader)  # noqa: S506 - a SafeLoader subclass


def table_definition(template: dict[str, Any], table_name: str) -> dict[str, Any]:
    """``create_table`` arguments from the ledger table resource of the template."""
    props = next(r["Properties"] for r in template["Resources"].values() if r.get("Type") == "AWS::DynamoDB::Table")
    definition: dict[str, Any] = {
        "TableName": table_name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
    }
    if props.get("GlobalSecondaryIndexes"):
        definition["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    if props.get("StreamSpecification"):
        definition["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    return definition


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # as in the template: /consents/{phone}
    function: str  # the CodeUri folder, e.g. functions/consents
    pattern: re.Pattern[str]

    def match(self, method: str, path: str) -> bool:
        return (self.method in (method, "ANY")) and self.pattern.fullmatch(path) is not None


def _path_pattern(path: str) -> re.Pattern[str]:
    regex = ""
    for part in re.split(r"(\{[^}]+\})", path):
        if part.startswith("{") and part.endswith("+}"):
            regex += ".+"
        elif part.startswith("{"):
            regex += "[^/]+"
        else:
            regex += re.escape(part)
    return re.compile(regex)


def http_routes(template: dict[str, Any]) -> list[Route]:
    routes: list[Route] = []
    for resource in template["Resources"].values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        code_uri = str(resource["Properties"]["CodeUri"]).rstrip("/")
        for event in (resource["Properties"].get("Events") or {}).values():
            if event.get("Type") != "HttpApi":
                continue
            props = event["Properties"]
            method = str(props.get("Method", "ANY")).upper()
            routes.append(Route(method, props["Path"], code_uri, _path_pattern(props["Path"])))
    # Literal paths before parameterised ones, as API Gateway prefers the most specific route.
    routes.sort(key=lambda r: (r.path.count("{"), -len(r.path)))
    return routes

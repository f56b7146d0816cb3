"""The DailyEvidence state machine of template.yaml: every task is a real step of the bundler function, what it
passes is what the plan writes, failures are retried with backoff and caught into the failure queue."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from samtranslator.yaml_helper import yaml_parse

from optledger.evidence import work_items
from tests.support.functions import function

ROOT = Path(__file__).resolve().parents[2]


def template() -> dict[str, Any]:
    return yaml_parse((ROOT / "template.yaml").read_text(encoding="utf-8"))


def machine() -> dict[str, Any]:
    [resource] = [r for r in template()["Resources"].values() if r["Type"] == "AWS::Serverless::StateMachine"]
    return resource["Properties"]


def states(definition: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, state in definition["States"].items():
        yield name, state
        if "ItemProcessor" in state:
            yield from states(state["ItemProcessor"])


def lambda_tasks() -> list[tuple[str, dict[str, Any]]]:
    return [
        (name, state)
        for name, state in states(machine()["Definition"])
        if state.get("Resource") == "arn:aws:states:::lambda:invoke"
    ]


def test_every_lambda_task_is_a_step_of_the_bundler_function():
    props = machine()
    resources = template()["Resources"]
    tasks = lambda_tasks()
    assert {t["Parameters"]["Payload"]["step"] for _, t in tasks} == {"plan", "part", "finish"}
    for name, task in tasks:
        variable = task["Parameters"]["FunctionName"].strip("${}")
        target = props["DefinitionSubstitutions"][variable]
        [function_name, attribute] = target["Fn::GetAtt"]
        assert attribute == "Arn", name
        code = resources[function_name]["Properties"]
        module = function(Path(code["CodeUri"]).name)
        assert code["Handler"] == "app.lambda_handler" and callable(module.lambda_handler)
        step = module.STEPS[task["Parameters"]["Payload"]["step"]]
        assert callable(step) and list(inspect.signature(step).parameters) == ["event"], name


def test_a_part_task_passes_exactly_what_a_work_item_holds():
    [item] = work_items("2026-11-27", [{"brand": "acme", "shards": 1, "merged": False}])
    [(_, part)] = [(n, t) for n, t in lambda_tasks() if t["Parameters"]["Payload"]["step"] == "part"]
    paths = {k[:-2]: v for k, v in part["Parameters"]["Payload"].items() if k.endswith(".$")}
    assert paths == {key: f"$.{key}" for key in item}


def test_the_maps_fan_out_with_bounded_concurrency_over_the_plan_in_the_bucket():
    definition = machine()["Definition"]
    maps = {name: s for name, s in definition["States"].items() if s["Type"] == "Map"}
    assert set(maps) == {"Parts", "Anchors"}
    for state in maps.values():
        assert 1 <= state["MaxConcurrency"] <= 1000
        assert state["ItemProcessor"]["ProcessorConfig"]["Mode"] == "DISTRIBUTED"
        assert state["ItemReader"]["Resource"] == "arn:aws:states:::s3:getObject"
    assert definition["States"]["Parts"]["Next"] == "Anchors"  # anchors only after every part has run


def test_tasks_retry_with_backoff_and_failures_go_to_the_failure_queue():
    props = machine()
    everything = dict(states(props["Definition"]))
    for name, task in lambda_tasks():
        [retry] = task["Retry"]
        assert retry["BackoffRate"] > 1 and retry["MaxAttempts"] >= 2 and "StorageUnavailable" in retry["ErrorEquals"]
        assert "PartsMissing" not in retry["ErrorEquals"]  # waiting does not make a part appear
        [catch] = task["Catch"]
        assert catch["ErrorEquals"] == ["States.ALL"]
        handler = everything[catch["Next"]]
        assert handler["Resource"] == "arn:aws:states:::sqs:sendMessage", name
        queue = props["DefinitionSubstitutions"][handler["Parameters"]["QueueUrl"].strip("${}")]
        assert queue == {"Ref": "BundlerDeadLetterQueue"}


def test_the_schedule_starts_the_state_machine_not_the_function():
    resources = template()["Resources"]
    assert "Events" not in resources["BundlerFunction"]["Properties"]
    [event] = machine()["Events"].values()
    assert event["Type"] == "ScheduleV2" and "<aws.scheduler.scheduled-time>" in event["Properties"]["Input"]


STATE_TYPES = {"Task", "Map", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel"}


def definition_problems(definition: dict[str, Any], where: str = "") -> list[str]:
    """The structural rules of the Amazon States Language that a typo breaks (cfn-lint does not check an inline SAM
    definition): StartAt and every Next or Catch target name a state of the same scope, every state ends or goes on,
    each state is of a known type."""
    names = set(definition["States"])
    problems = [] if definition["StartAt"] in names else [f"{where}StartAt {definition['StartAt']} is not a state"]
    for name, state in definition["States"].items():
        if state["Type"] not in STATE_TYPES:
            problems.append(f"{where}{name}: unknown type {state['Type']}")
        targets = [state.get("Next")] + [c["Next"] for c in state.get("Catch", [])]
        problems += [f"{where}{name}: {t} is not a state" for t in targets if t is not None and t not in names]
        terminal = state["Type"] in ("Succeed", "Fail")
        if not terminal and (("Next" in state) == bool(state.get("End"))):
            problems.append(f"{where}{name}: needs exactly one of Next and End")
        if "ItemProcessor" in state:
            problems += definition_problems(state["ItemProcessor"], f"{where}{name}/")
    return problems


def test_the_definition_is_well_formed():
    assert definition_problems(machine()["Definition"]) == []


def test_the_structural_check_is_not_blind():
    broken = json.loads(json.dumps(machine()["Definition"]))
    broken["States"]["Parts"]["Next"] = "Anchorz"
    broken["States"]["Parts"]["ItemProcessor"]["States"]["CompilePart"]["Type"] = "Taskk"
    assert len(definition_problems(broken)) == 2

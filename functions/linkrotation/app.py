"""Secrets Manager rotation of the evidence-link access key (createSecret, setSecret, testSecret, finishSecret)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import boto3

from optledger.linkkeys import LinkKeyRotation
from optledger.logs import logger
from optledger.observability import instrumented

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> None:
    rotation = LinkKeyRotation(
        secrets=boto3.client("secretsmanager"), iam=boto3.client("iam"), user_name=os.environ["OPTLEDGER_LINK_USER"]
    )
    rotation.run(event)
    logger.info("evidence-link key rotation step done", extra={"step": event.get("Step")})

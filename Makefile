# OptLedger: the verbs people expect. Everything installs into ./.venv (Python 3.11+), AWS SAM CLI into ./.venv-sam.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
PORT ?= 3000
SAM_VERSION := 1.170.0
export SAM_CLI_TELEMETRY := 0

.PHONY: help install dev serve test unit integration e2e lint format build deploy bench clean

help:
	@echo "make serve   run OptLedger locally (embedded DynamoDB + S3) on port $(PORT)"
	@echo "make test    lint + the whole test suite"
	@echo "make lint    ruff, cfn-lint, sam validate --lint"
	@echo "make build   sam build (no Docker)        make deploy   sam deploy --guided"
	@echo "make bench   print the benchmark figures"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml layers/optledger/requirements.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(SAM):
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet "aws-sam-cli==$(SAM_VERSION)"

install: $(VENV)/.installed
dev: $(VENV)/.dev

serve: $(VENV)/.installed
	$(BIN)/optledger serve --port $(PORT)

lint: $(VENV)/.dev $(SAM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/cfn-lint template.yaml
	AWS_DEFAULT_REGION=us-east-1 $(SAM) validate --template template.yaml
	AWS_DEFAULT_REGION=us-east-1 $(SAM) validate --lint --template template.yaml

test: lint
	$(BIN)/python -m pytest

unit: $(VENV)/.dev
	$(BIN)/python -m pytest tests/unit
integration: $(VENV)/.dev
	$(BIN)/python -m pytest tests/integration
e2e: $(VENV)/.dev
	$(BIN)/python -m pytest tests/e2e

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build: $(SAM)
	PATH="$$(dirname $$(pyenv which python3.13 2>/dev/null || command -v python3.13)):$$PATH" $(SAM) build --template template.yaml

deploy: build
	$(SAM) deploy --guided

bench: $(VENV)/.dev
	@for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(SAM_VENV) .aws-sam .pytest_cache .ruff_cache .hypothesis

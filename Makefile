# OptLedger: the verbs people expect. Everything installs into ./.venv (Python 3.11+), AWS SAM CLI into ./.venv-sam.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
PORT ?= 3000
SAM_VERSION := 1.170.0
# checkov pins an older boto3 than the project's: it lives in a virtualenv of its own, like SAM.
CHECKOV_VENV := .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov
CHECKOV_VERSION := 3.3.30
export SAM_CLI_TELEMETRY := 0

.PHONY: help install dev browser serve typecheck test unit integration e2e lint format build artifact-test deploy bench soak model clean

help:
	@echo "make serve   run OptLedger locally (embedded DynamoDB + S3) on port $(PORT)"
	@echo "make test    lint + the whole test suite (installs Chromium for the browser tests when root)"
	@echo "make lint    ruff, cfn-lint, checkov, sam validate --lint"
	@echo "make build   sam build (no Docker)        make deploy   sam deploy --guided"
	@echo "make artifact-test   run each built function as Lambda would, against the embedded AWS endpoint"
	@echo "make bench   print the benchmark figures"
	@echo "make soak    the consent model test with 3,000 random sequences"
	@echo "make model   write the rule index's keys and train the reply detector's second opinion again"

# A fresh Debian machine has python3 but maybe not its venv module (package python3-venv): install or say how.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "OptLedger needs Python 3.11 or newer as $(PYTHON) (make PYTHON=python3.12 ... picks another)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || sh .ci/need-apt "python3 cannot create a venv" python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml layers/optledger/requirements.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(CHECKOV):
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet "checkov==$(CHECKOV_VERSION)"

$(SAM):
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet "aws-sam-cli==$(SAM_VERSION)"

install: $(VENV)/.installed
dev: $(VENV)/.dev

serve: $(VENV)/.installed
	$(BIN)/optledger serve --port $(PORT)

lint: $(VENV)/.dev $(SAM) $(CHECKOV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/cfn-lint template.yaml
	# Every check that stays failed is skipped in the template, with its reason (Metadata: checkov: skip).
	$(CHECKOV) --quiet --compact --skip-download --framework cloudformation -f template.yaml
	AWS_DEFAULT_REGION=us-east-1 $(SAM) validate --template template.yaml
	AWS_DEFAULT_REGION=us-east-1 $(SAM) validate --lint --template template.yaml
	$(MAKE) --no-print-directory typecheck

# mypy over the library, the tools and each function (every function's module is named app, so one run each).
typecheck: $(VENV)/.dev
	$(BIN)/mypy layers/optledger/optledger
	$(BIN)/mypy tools/optledger_tools
	@for f in functions/*/app.py; do $(BIN)/mypy "$$f" || exit 1; done

# The browser tests (hosted opt-in page, report.html) drive Debian's Chromium through chromedriver.
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
		sh .ci/need-apt "the browser tests drive Debian's Chromium" chromium chromium-driver

test: browser lint
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

# sam build (no Docker) builds the layer for python3.13/arm64: it needs a python3.13 that runs. Take the first one of
# PATH or pyenv's versions that actually starts (a pyenv shim for a version that is not selected does not).
PYTHON313 = $(shell for p in "$$(command -v python3.13)" $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.13*/bin/python3.13; do \
	[ -n "$$p" ] && "$$p" -c 'import sys' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

# The layer is layers/optledger alone (template.yaml: OptLedgerLayer); tools/ (the CLI, local server, emulator) never
# ships. tests/unit/test_layer_contents.py and the artifact test check the built layer holds only runtime code.
build: $(SAM)
	@test -n "$(PYTHON313)" || { echo "make build needs python3.13 (e.g. pyenv install 3.13)"; exit 1; }
	PATH="$(dir $(PYTHON313)):$$PATH" $(SAM) build --template template.yaml
	@# Lambda's /var/task and /opt are read-only: without bytecode in the package every cold start compiles every
	@# module it imports (the artifact test measured ~3x). unchecked-hash: valid whatever mtimes the zip keeps.
	$(PYTHON313) -m compileall -q -j 0 --invalidation-mode unchecked-hash .aws-sam/build

# The built functions run as Lambda runs them (python3.13, their directory + the layer, nothing else) against the
# embedded AWS endpoint. On a machine that is not arm64 the template is built again for its architecture.
artifact-test: $(VENV)/.dev $(SAM)
	@test -n "$(PYTHON313)" || { echo "make artifact-test needs python3.13 (e.g. pyenv install 3.13)"; exit 1; }
	$(BIN)/python .ci/artifact_test.py --sam $(SAM) --python $(PYTHON313)

deploy: build
	$(SAM) deploy --guided

# The model-based test of the consent rules at ten times CI's examples (about 3,000 random sequences of 25 steps).
soak: $(VENV)/.dev
	OPTLEDGER_MODEL_EXAMPLES=3000 $(BIN)/python -m pytest -q tests/integration/test_consent_model.py

bench: $(VENV)/.dev
	@for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

# the rule index's keys, then the reply detector's learned second opinion trained again on every labelled reply
# (training/README.md): the order matters, the spec is read through the rules and the model from the spec
model: $(VENV)/.dev
	$(BIN)/python training/write_rule_keys.py
	$(BIN)/python training/record_spec.py
	$(BIN)/python training/train_reply_model.py

clean:
	rm -rf $(VENV) $(SAM_VENV) $(CHECKOV_VENV) .aws-sam .pytest_cache .ruff_cache .hypothesis

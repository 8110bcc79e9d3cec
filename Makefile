# Two commands set everything up: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: report test bench accuracy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

report: $(STAMP)
	$(BIN)/framing report examples/articles --lexicons examples/lexicons -o output/report.html

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n auto

bench: $(STAMP)
	$(BIN)/framing bench 2000

# Re-measure on ../shared/eval and rewrite framing/models/accuracy.json (quoted by the report).
accuracy: $(STAMP)
	$(BIN)/python scripts/measure_accuracy.py

clean:
	rm -rf $(VENV) output/* build *.egg-info

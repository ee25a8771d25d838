# Desmigratif Kit: the two commands.
#   make workshop   set up (first time) and start the workshop server
#   make test       set up (first time) and run every test: unit, doctest, notebooks, browser
# Re-running reuses .venv; it reinstalls only when pyproject.toml changed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?=
# Tests run on both CPUs; a file's tests stay on one worker (browser tests share its server).
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: workshop test install install-test lint bench backup clean

workshop: $(VENV)/.installed
	$(BIN)/desmigratif-kit serve $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desmigratif_kit tests benchmarks scripts notebooks conftest.py
	$(BIN)/ruff format --check desmigratif_kit tests benchmarks scripts notebooks conftest.py

backup: $(VENV)/.installed
	$(BIN)/desmigratif-kit backup $(ARGS)

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_room.py $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info

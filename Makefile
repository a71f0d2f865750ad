# Smarte Hanse hub — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HANSE_DATA_DIR ?= ./instance
FLASK := $(BIN)/flask --app hanse_hub
STAMP := $(VENV)/.installed

.PHONY: run install migrate seed test test-long lint format bench bench-search clean help

help:
	@echo "make run        install, migrate, load the demo hub if empty, serve on http://127.0.0.1:5000"
	@echo "make test       the whole test suite (SQLite, and PostgreSQL when reachable)"
	@echo "make test-long  the long-running tests"
	@echo "make lint       ruff check and format check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(FLASK) db upgrade

seed: migrate
	$(FLASK) hub seed-demo --if-empty

run: seed
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install
	$(BIN)/python -m pytest -m "not slow" -q

test-long: install
	$(BIN)/python -m pytest -m slow -q -s

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: bench-search

bench-search: install
	$(BIN)/python bench/search_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

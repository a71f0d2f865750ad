# Smarte Hanse hub — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HANSE_DATA_DIR ?= ./instance
FLASK := $(BIN)/flask --app hanse_hub
STAMP := $(VENV)/.installed

.PHONY: run install assets migrate seed test test-long fuzz lint format bench bench-search screenshots clean help translations-extract translations audit lock bench-reset-timing mutate bench-pages bench-reindex

help:
	@echo "make run        install, migrate, load the demo hub if empty, serve on http://127.0.0.1:5000"
	@echo "make test       the whole test suite (SQLite, and PostgreSQL when reachable)"
	@echo "make test-long  the long-running tests"
	@echo "make lint       ruff check and format check, duplicate code (pylint)"
	@echo "make audit      known vulnerabilities (pip-audit, npm audit) and bandit against its baseline"
	@echo "make lock       renew requirements.lock from pyproject.toml (what make audit checks)"
	@echo "make mutate     mutation testing of policy, accounts and search analysis (~30 min)"
	@echo "make screenshots  renew docs/screenshots/ (needs Chromium)"
	@echo "make translations-extract  collect the interface texts into the catalogues (.po)"
	@echo "make translations          compile the catalogues (.po -> .mo, committed)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The KERN UX design system, axe-core and Pagefind (the static archive's search) from npm
# (package-lock.json) into node_modules/.
# Without npm the hub still runs, with its own stylesheet; the axe-core tests are skipped.
NODE_STAMP := node_modules/.package-lock.json
assets:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "Note: npm not found - the hub runs with its own CSS; install Node.js for KERN UX."; \
	elif [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ]; then \
	  npm ci --no-audit --no-fund || echo "Note: npm ci failed - the hub runs with its own CSS."; \
	fi

migrate: install
	$(FLASK) db upgrade

seed: migrate
	$(FLASK) hub seed-demo --if-empty

run: assets seed
	$(FLASK) run --host 127.0.0.1 --port 5000

# Two processes (pytest-xdist) on this project's 2-core machines: about half of a test waits
# for PostgreSQL, Chromium or a server process, so the other process runs meanwhile.
test: install assets
	$(BIN)/python -m pytest -m "not slow" -q -n auto --dist loadgroup

test-long: install
	$(BIN)/python -m pytest -m slow -q -s

# The full Schemathesis run of the REST API (make test runs a short one); prints the summary.
fuzz: install
	$(BIN)/python bench/fuzz_api.py

# Security report: each tool runs even if another one fails; the exit code says whether any
# found something (or could not check). CI runs it as a report that does not fail the build.
audit: install assets
	@status=0; \
	echo "== pip-audit (requirements.lock)"; \
	$(BIN)/pip-audit -r requirements.lock --disable-pip --no-deps --progress-spinner off || status=1; \
	echo "== npm audit (runtime packages)"; \
	if command -v npm >/dev/null 2>&1; then npm audit --omit=dev || status=1; else echo "npm not found"; fi; \
	echo "== bandit (new findings beyond bandit-baseline.json, reviewed in docs/security.md)"; \
	$(BIN)/bandit -q -r hanse_hub -b bandit-baseline.json || status=1; \
	exit $$status

lock: install
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.lock pyproject.toml

bench-reset-timing: install
	$(BIN)/python bench/reset_timing.py
# Mutation testing (Cosmic Ray) of the modules guarding security and search; not part of
# `make test`. Prints the score per module and every surviving mutant (docs/testing.md).
mutate: install
	nice -n 10 $(BIN)/python bench/mutate.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pylint --disable=all --enable=duplicate-code --min-similarity-lines=6 hanse_hub

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: bench-search bench-pages

# Realistic German corpus from ../shared/data/german-corpus (skips with a message without it).
bench-search: install
	$(BIN)/python bench/search_bench.py

# The reindex variants side by side (per-batch commits, one writer, Whoosh's 2 processes).
bench-reindex: install
	$(BIN)/python bench/reindex_bench.py

# Reading pages against a bare Flask page under the same gunicorn (wrk when installed).
bench-pages: install
	$(BIN)/python bench/pages_bench.py

screenshots: install assets
	$(BIN)/python bench/screenshots.py

# Interface texts are German msgids; hanse_hub/translations/<lang>/LC_MESSAGES/messages.po holds
# a language's translations. The compiled .mo files are committed (a test checks they match).
translations-extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ --sort-by-file --project hanse_hub -o messages.pot .
	$(BIN)/pybabel update -i messages.pot -d hanse_hub/translations --no-fuzzy-matching
	rm messages.pot

translations: install
	$(BIN)/pybabel compile -d hanse_hub/translations --statistics

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

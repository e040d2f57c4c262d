# foidesk: every command a developer or operator needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON := $(shell scripts/find-python)
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export FOIDESK_VAR_DIR ?= $(abspath var)
ADDRESS ?= 127.0.0.1:8000

.PHONY: help run test install install-test assets system-deps migrate demo collectstatic \
        serve lint format check-migrations pytest test-sqlite test-postgresql bench lock clean

help: ## List every command
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

run: install assets var/secret-key migrate demo collectstatic ## Set up everything and serve the demo at http://127.0.0.1:8000
	@echo
	@echo "foidesk is at http://$(ADDRESS)/  (staff sign-in: http://$(ADDRESS)/accounts/sign-in/)"
	@cat var/demo-sign-ins.txt
	@echo
	FOIDESK_SECRET_KEY="$$(cat var/secret-key)" $(BIN)/foidesk serve --bind $(ADDRESS)

test: install-test assets system-deps lint check-migrations pytest ## Install what tests need; run ruff, the migration check and the suite on SQLite and PostgreSQL

$(UV):
	$(PYTHON) -m pip install --quiet --target .tools uv==$(UV_VERSION)

$(BIN)/python: | $(UV)
	$(UV) venv --quiet --python $(PYTHON) $(VENV)

install: $(BIN)/python ## Create .venv and install the application from the lock file
	scripts/install-system-deps pango
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes -r requirements/app.lock.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .

install-test: install ## Create .venv and install the application and the test tools
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes -r requirements/test.lock.txt

system-deps: ## Install Debian's postgresql and chromium if missing (tests need both)
	scripts/install-system-deps postgresql chromium

node_modules/.package-lock.json: package.json package-lock.json
	scripts/install-system-deps node
	npm ci --no-audit --no-fund --silent

assets: node_modules/.package-lock.json ## Build the GOV.UK Frontend stylesheet from the npm packages
	mkdir -p build/static
	npm run --silent build

var/secret-key:
	mkdir -p var
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

migrate: install var/secret-key ## Create or update the database (SQLite under var/ unless DATABASE_URL is set)
	FOIDESK_SECRET_KEY="$$(cat var/secret-key)" $(BIN)/foidesk migrate --noinput

demo: install var/secret-key ## Load the demo data (safe to run again)
	FOIDESK_SECRET_KEY="$$(cat var/secret-key)" $(BIN)/foidesk demo

collectstatic: install assets var/secret-key ## Gather static files for the production server
	FOIDESK_SECRET_KEY="$$(cat var/secret-key)" $(BIN)/foidesk collectstatic --noinput --verbosity 0

serve: ## Serve without setting up (after `make run` has run once)
	FOIDESK_SECRET_KEY="$$(cat var/secret-key)" $(BIN)/foidesk serve --bind $(ADDRESS)

lint: install-test ## ruff: lint and formatting check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install-test ## Fail if a model change has no migration
	DJANGO_SETTINGS_MODULE=foidesk.settings.test $(BIN)/foidesk makemigrations --check --dry-run

pytest: install-test ## The pytest suite on SQLite and on PostgreSQL (TEST_DATABASE_URL or a throwaway server)
	$(BIN)/python scripts/run_tests.py

test-sqlite: install-test assets ## The pytest suite on SQLite only
	$(BIN)/python scripts/run_tests.py --only sqlite

test-postgresql: install-test assets ## The pytest suite on PostgreSQL only
	$(BIN)/python scripts/run_tests.py --only postgresql

bench: install-test ## Run the benchmarks under bench/ and write docs/performance.md
	$(BIN)/python bench/run_all.py --write docs/performance.md

lock: $(UV) ## Re-resolve the pinned, hashed lock files in requirements/ after editing pyproject.toml
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes --universal --custom-compile-command "make lock" pyproject.toml \
	  -o requirements/app.lock.txt
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes --universal --custom-compile-command "make lock" pyproject.toml \
	  --extra test -o requirements/test.lock.txt

clean: ## Remove the virtual environment, built assets and local data
	rm -rf $(VENV) .tools build node_modules var .pytest_cache .ruff_cache

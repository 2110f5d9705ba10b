# Two commands matter: `make run` and `make test`. Both set up what they need.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PORT    ?= 8501
STAMP   := $(VENV)/.installed

.PHONY: run test test-loaded lint format bench profile system-deps migrate backup restore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Serve the app on http://localhost:$(PORT) with SQLite under data/ (or $$DATABASE_URL).
run: $(STAMP)
	$(BIN)/python -m canvas.ops.migrate
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

## Lint, type-check and run every test: unit, store (SQLite + PostgreSQL), app, e2e (Chromium).
test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest -q

## The whole suite RUNS times in a row (default 3) with one core kept busy: make test-loaded
test-loaded:
	bash scripts/loaded-test.sh $(or $(RUNS),3)

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrate: $(STAMP)
	$(BIN)/python -m canvas.ops.migrate

## Every workshop as JSON plus a copy of the whole database, in backups/<UTC time>/ (or TO=dir).
backup: $(STAMP)
	$(BIN)/python -m canvas.ops.backup $(if $(TO),--to "$(TO)")

## Bring a backup back: make restore FROM=backups/<time> [REPLACE=1 | JSON_ONLY=1].
restore: $(STAMP)
	@test -n "$(FROM)" || { echo "usage / запуск: make restore FROM=backups/<folder> [REPLACE=1 | JSON_ONLY=1]" >&2; exit 2; }
	$(BIN)/python -m canvas.ops.restore --from "$(FROM)" \
		$(if $(filter 1 yes true,$(REPLACE)),--replace) $(if $(filter 1 yes true,$(JSON_ONLY)),--json-only)

## Print speed figures (not part of `make test`).
bench: $(STAMP) system-deps
	$(BIN)/python -m benchmarks.run

## Where one page's warm rerun spends its time: make profile PAGE=analysis
profile: $(STAMP)
	$(BIN)/python -m benchmarks.profile_page $(or $(PAGE),analysis)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

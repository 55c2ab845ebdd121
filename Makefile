# The two set-up commands of the README:
#   make check   # create .venv if needed, then run `consistency check fixtures/`
#   make test    # create .venv if needed, then run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: check test bench install browser clean

# pip runs with -qq: its progress and notices stay out, its errors still show (and fail the step).
PIP    := $(BIN)/python -m pip install -qq --disable-pip-version-check

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || { echo "creating $(VENV) with $(PYTHON) …"; $(PYTHON) -m venv $(VENV); }
	@echo "upgrading pip in $(VENV) …"
	@$(PIP) --upgrade pip
	@echo "installing CPU-only torch (the pin in constraints.txt) first, so that no CUDA build is pulled in …"
	@$(PIP) -c constraints.txt torch
	@echo "installing consistency (editable) and its test tools …"
	@$(PIP) -c constraints.txt -e ".[test]"
	@touch $(STAMP)
	@echo "$(VENV) is ready: $(BIN)/consistency --version → $$($(BIN)/consistency --version)"

install: $(STAMP)

check: $(STAMP)
	@echo "running: consistency check fixtures/"
	@$(BIN)/consistency check fixtures/ || test $$? -eq 1

# Debian's Chromium for the HTML report's browser test; skipped (not failed) where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser test …"; \
	  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium missing: the browser tests will be skipped"

test: $(STAMP) browser
	@echo "running the test suite: pytest -q"
	@$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache

# Release Review: developer and packaging tasks.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench soak screenshots bundle install-desktop translations clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(VENV)/bin/release-review

lint: $(TSTAMP)
	$(VENV)/bin/ruff check desktop_app tests db bench
	$(VENV)/bin/lint-imports

test: $(TSTAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

soak: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen RR_KILL_ROUNDS=50 $(PY) -m pytest -q -m slow

bench: $(TSTAMP)
	$(PY) -m bench.run_all

screenshots: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop_app.ui.screenshots screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

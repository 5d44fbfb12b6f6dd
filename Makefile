# Release Review: developer and packaging tasks.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
BSTAMP := $(VENV)/.installed-bundle
I18N   := resources/i18n
TS_FILES := $(wildcard $(I18N)/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
UI_SOURCES = $(shell find desktop_app/ui desktop_app/app.py desktop_app/app_selftest.py -name '*.py' | sort)

.PHONY: run test lint bench soak screenshots bundle install-desktop translations \
        translations-update clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP) translations
	$(VENV)/bin/release-review

lint: $(TSTAMP)
	$(VENV)/bin/ruff check desktop_app tests db bench
	$(VENV)/bin/lint-imports

test: $(TSTAMP) lint translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

soak: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen RR_KILL_ROUNDS=50 $(PY) -m pytest -q -rP -m slow

bench: $(TSTAMP)
	$(PY) -m bench.run_all

screenshots: $(TSTAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop_app.ui.screenshots screenshots

# UI translations: .qm catalogues compiled from the .ts sources (the .qm files are not committed).
translations: $(QM_FILES)

$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing UI strings: refresh the .ts sources, then translate what lupdate marks unfinished.
translations-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) -ts $(TS_FILES)

$(BSTAMP): $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10,<7'
	touch $@

# One-folder desktop bundle in dist/release-review (+ .tar.gz), then its self-test.
bundle: $(BSTAMP) translations
	$(PY) packaging/build_bundle.py
	QT_QPA_PLATFORM=offscreen dist/release-review/release-review --self-test

# Menu entry, icons and metainfo for the current user; runs the bundle when one is built.
install-desktop: $(STAMP) translations
	@if [ -x dist/release-review/release-review ]; then exe="$(CURDIR)/dist/release-review/release-review"; \
	else exe="$(CURDIR)/$(VENV)/bin/release-review"; fi; \
	sh packaging/linux/install-desktop.sh --exec "$$exe"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# The two commands: `make` sets up and builds everything; `make test` runs
# every test. Both install what they need. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := all

VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP_BUILD := $(VENV)/.installed-build
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
AXE := tests/browser/node_modules/axe-core/axe.min.js
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: all build check serve overlay overlay-update test test-fast test-js lint typecheck clean lock system-build-deps system-test-deps bench audit

all: build

# Debian's python3 needs python3-venv to make a virtual environment.
$(PYTHON):
	@python3 -c "import ensurepip, venv" 2>/dev/null || { \
	  echo "Installing Debian package: python3-venv"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv >/dev/null; }
	python3 -m venv $(VENV)

# Pinned, hash-checked packages, then this project itself (editable) so that
# MkDocs finds the `pack` plugin.
$(STAMP_BUILD): requirements/build.txt pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements/build.txt
	$(PYTHON) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_TEST): requirements/test.txt $(STAMP_BUILD)
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	touch $@

## make: build the site and the PDFs into site/ (FORCE=1 builds even if nothing has changed)
build: $(STAMP_BUILD) system-build-deps
	$(PYTHON) -m scripts.build $(if $(FORCE),--force)

## make check: validate the content only (seconds)
check: $(STAMP_BUILD)
	$(PYTHON) -m scripts.check

## make overlay PAGE=about/who-is-it-for.md: copy an upstream page into your overlay folder to replace it
overlay: $(STAMP_BUILD)
	$(PYTHON) -m scripts.overlay copy "$(PAGE)"

## make overlay-update PAGE=...: record that your overlay page now follows today's upstream page
overlay-update: $(STAMP_BUILD)
	$(PYTHON) -m scripts.overlay update "$(PAGE)"

# PDFS=no serves the pages only, without links to the PDFs or their
# background rendering (for slow machines).
PDFS ?= yes
SERVE_PDFS := $(if $(filter no,$(PDFS)),false,true)

## make serve: live preview at http://127.0.0.1:8000/, with the PDFs kept up to date as you save (PDFS=no: pages only)
serve: $(STAMP_BUILD) $(if $(filter true,$(SERVE_PDFS)),system-build-deps)
	PACK_PDFS=$(SERVE_PDFS) $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

# axe-core from the npm registry, at the version in its lock file.
$(AXE): tests/browser/package.json tests/browser/package-lock.json | system-test-deps
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# pytest's worker processes (pytest-xdist); 2 suits two cores, and 0 runs
# every test in one process.
TEST_WORKERS ?= 2

## make test: install test tools (Python, npm and Debian) and run every test
test: $(STAMP_TEST) $(AXE) system-test-deps
	$(VENV)/bin/ruff check macros scripts site_html tests
	$(VENV)/bin/ruff format --check macros scripts site_html tests
	$(VENV)/bin/mypy
	node --test tests/js/
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

## make test-fast: the unit, component and data tests, in seconds, for the edit loop
test-fast: $(STAMP_TEST)
	$(VENV)/bin/pytest -q -m "not build and not browser"

## make test-js: the unit tests of the planner's and tool index's scripts (Node, no packages)
test-js:
	@command -v node >/dev/null 2>&1 || { echo "test-js needs Node.js 18 or later (make test installs it)"; exit 1; }
	node --test tests/js/

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check macros scripts site_html tests
	$(VENV)/bin/ruff format --check macros scripts site_html tests

typecheck: $(STAMP_TEST)
	$(VENV)/bin/mypy

# Debian packages, installed only when missing: WeasyPrint's libraries for
# the build; PDF inspection, spelling and a browser for the tests.
DEBIAN_BUILD_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
DEBIAN_TEST_PACKAGES := $(DEBIAN_BUILD_PACKAGES) git poppler-utils hunspell hunspell-en-gb chromium
define apt_install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-build-deps:
	$(call apt_install_missing,$(DEBIAN_BUILD_PACKAGES))

# npm is checked as a command: Node.js may come from elsewhere (NodeSource
# ships npm inside its nodejs package), and Debian's npm would clash with it.
system-test-deps:
	$(call apt_install_missing,$(DEBIAN_TEST_PACKAGES))
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian packages: nodejs npm"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

$(STAMP_BENCH): requirements/bench.txt $(STAMP_BUILD)
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements/bench.txt
	touch $@

## make bench: time this PDF pipeline against the mkdocs-to-pdf plugin
bench: $(STAMP_BENCH)
	$(PYTHON) -m scripts.bench

LIGHTHOUSE := scripts/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json | system-test-deps
	npm ci --prefix scripts/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## make audit: Lighthouse scores for three pages of the built site (run make first)
audit: $(STAMP_BUILD) $(LIGHTHOUSE) system-test-deps
	$(PYTHON) -m scripts.audit site

## make lock: re-pin every dependency (after editing requirements/*.in)
lock: $(PYTHON)
	$(PYTHON) -m pip install --quiet pip-tools==7.6.2
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o build.txt build.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o test.txt test.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o bench.txt bench.in

clean:
	rm -rf site .cache

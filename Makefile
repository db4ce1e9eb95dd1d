# bursar: performance budgets as code, governed in git.
#   make demo     build, then run the main job on a demo repository it creates
#   make test     build and run every test, then check bursar's own figures against .budgets/
#   make install  install the binary (PREFIX=/usr/local)

PREFIX ?= /usr/local
SWIFT ?= swift
BUILD_FLAGS ?=
# Release builds carry the Swift runtime inside the binary: it starts in about 7 ms instead of
# 18 ms, which is most of what a git hook adds to a commit.
RELEASE_FLAGS ?= --static-swift-stdlib
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: all build release demo test format lint install uninstall bench deps clean completions

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
# The schema tests check schemas/ with a standard validator: python3's jsonschema and PyYAML.
	@python3 -c "import jsonschema, yaml" 2>/dev/null || { \
	  echo "Installing jsonschema and PyYAML (the schema tests validate with them)..."; \
	  python3 -m pip install --quiet jsonschema PyYAML 2>/dev/null || { \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-jsonschema python3-yaml >/dev/null; }; }

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)

demo: build
	@scripts/demo.sh "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/bursar"

test: deps
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

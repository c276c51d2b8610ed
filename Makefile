# plansite: two commands for a fresh machine.
#   make site   builds the site from Content/ into Site/
#   make test   runs every test
# Both install what they need (Debian packages; run as root or with sudo).

SWIFT ?= swift
PLANSITE_RELEASE = .build/release/plansite

.PHONY: site test deps test-deps build-release clean

site: deps build-release
	$(PLANSITE_RELEASE) build

build-release:
	$(SWIFT) build -c release --product plansite

test: deps test-deps
	$(SWIFT) test --parallel

# libcmark-dev provides the C library and its pkg-config file.
deps:
	@scripts/ensure-debian-packages.sh libcmark-dev:libcmark.pc

test-deps: deps

clean:
	rm -rf .build Site Site.staging Site.lock

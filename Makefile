# plansite: two commands for a fresh machine.
#   make site   builds the site from Content/ into Site/
#   make test   runs every test
# Both install what they need (Debian packages; run as root or with sudo).

SWIFT ?= swift
PLANSITE_RELEASE = .build/release/plansite
# The release binary carries Swift's runtime and Foundation in itself: one
# file to copy to another Linux machine (with the Debian libraries the README
# lists), and about 20 ms less start-up for
# every command (a no-op build at 10,000 tasks: 97 ms -> 79 ms, median of 15).
RELEASE_BUILD = build -c release --static-swift-stdlib --product plansite

.PHONY: site test deps release-deps test-deps build-release clean lint format

site: release-deps build-release
	$(PLANSITE_RELEASE) build

build-release:
	$(SWIFT) $(RELEASE_BUILD)

test: deps test-deps lint
	$(SWIFT) test --parallel
	Tests/Performance/guard.sh
	python3 Tests/Browser/run.py

# The code style (.swift-format); `make format` rewrites files to match it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

# libcmark-dev: the CommonMark library; libsqlite3-dev: SQLite, for the
# build database beside the output folder (Site.db); zlib1g-dev: zlib, for
# the .xlsx report forms (ZIPFoundation).
deps:
	@scripts/ensure-debian-packages.sh libcmark-dev:libcmark.pc libsqlite3-dev:sqlite3.pc zlib1g-dev:zlib.pc

# Foundation linked in statically needs libcurl and libxml2 to link against;
# release builds allocate through jemalloc (docs/ARCHITECTURE.md).
release-deps: deps
	@scripts/ensure-debian-packages.sh libcurl4-openssl-dev:libcurl.pc libxml2-dev:libxml-2.0.pc libjemalloc-dev:jemalloc.pc

# Tests also need Node (search script), gcc (performance guard), LibreOffice
# Calc (the .xlsx report form is opened and saved by it), and the browser
# suite's Chromium, Java and Python packages.
test-deps: deps
	@scripts/ensure-debian-packages.sh nodejs:node gcc:gcc python3:python3
	@NO_RECOMMENDS=1 scripts/ensure-debian-packages.sh libreoffice-calc:soffice
	@sh Tests/Browser/install.sh

clean:
	rm -rf .build Site Site.staging Site.trash Site.lock Site.db Site.db-journal

# ---- bench: plansite vs Hugo on the same synthetic corpus (bench/README.md)
#   make bench                          sizes 1000 10000 30000, 1 warm-up + 3 runs each
#   make bench BENCH_ARGS="--sizes 1000 10000 --runs 5"   (or BENCH_SIZES=..., BENCH_RUNS=...)
#   make bench-quick                    size 1000, 1 run
BENCH_ARGS ?=

.PHONY: bench bench-quick bench-deps

bench-deps:
	@scripts/ensure-debian-packages.sh hugo:hugo python3:python3

bench: release-deps bench-deps
	$(SWIFT) $(RELEASE_BUILD)
	python3 bench/run_bench.py --plansite $(PLANSITE_RELEASE) $(BENCH_ARGS)

bench-quick: release-deps bench-deps
	$(SWIFT) $(RELEASE_BUILD)
	python3 bench/run_bench.py --plansite $(PLANSITE_RELEASE) --sizes 1000 --runs 1 $(BENCH_ARGS)

# Quality gates in a real browser (headless Chromium): accessibility, HTML,
# links, layout, print, keyboard. See docs/browser-tests.md.
.PHONY: test-browser
test-browser:
	sh Tests/Browser/install.sh && python3 Tests/Browser/run.py

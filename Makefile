# The two commands a newcomer needs are `make run` and `make test`; the rest are parts.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
LOGS := target/test-logs

.PHONY: run dev dev-officer test setup build test-native test-browser test-e2e bench lint screenshots cli

## Install what is missing, build, then serve the app at http://127.0.0.1:8080
run: build
	node scripts/serve.mjs dist 8080

## While working on the councillor's pages: rebuilt and reloaded on every change
dev: setup
	trunk serve --offline

## While working on the officer's workspace: the same, at http://127.0.0.1:8080/officer
dev-officer: setup
	trunk serve officer.html --offline --dist target/dev-officer --public-url /officer/

## Install what is missing, then run every layer of tests
test: setup
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh

## The release build, as shipped, into dist/ (the officer's workspace into dist/officer/)
build: setup
	@bash scripts/build.sh

test-native:
	cargo test -p mdr-domain -p mdr-workbook -p mdr-cli

## Install the `mdr` command (`mdr consolidate <DIR|ZIP>... --out <DIR>`) into ~/.cargo/bin
cli:
	cargo install --path crates/cli --locked --profile cli

test-browser:
	cargo test -p mdr-web --target wasm32-unknown-unknown --test browser

test-e2e: build
	npx playwright test

## Sizes of the release build (raw and gzip)
bench: build
	@bash scripts/bench.sh

## The README's screenshots, taken by the tests' Chromium, into docs/screenshots/
screenshots: build
	node scripts/screenshots.mjs

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p mdr-web --target wasm32-unknown-unknown --all-targets -- -D warnings
	RUSTFLAGS="--cfg erase_components --cfg mdr_split" cargo clippy -p mdr-web --target wasm32-unknown-unknown --bins --target-dir target/clippy-split -- -D warnings

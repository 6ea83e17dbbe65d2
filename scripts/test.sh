#!/usr/bin/env bash
# Runs the layers of tests in turn, stops at the first that fails, and ends with
# each runner's own summary lines. Assumes scripts/setup.sh has run (make test does it).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
logs=target/test-logs
mkdir -p "$logs"

layer() {
  local name=$1; shift
  printf '\n==> %s\n' "$name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    printf '\n%s tests failed (exit %s); see %s/%s.log\n' "$name" "$status" "$logs" "$name"
    exit "$status"
  fi
}

layer boundaries bash scripts/check-boundaries.sh
layer native cargo test -p mdr-domain -p mdr-workbook -p mdr-cli
# The officer's workbook as another program reads it: openpyxl, under Debian's Python.
layer workbook bash -c 'cargo run -q -p mdr-workbook --example fixture -- target/workbook-fixture.xlsx && /usr/bin/python3 scripts/check-workbook.py target/workbook-fixture.xlsx'
# The Parquet tables as DuckDB reads them, against the CSV reports of the same run, under
# Debian's Python (duckdb from PyPI, installed by setup.sh).
layer parquet bash -c 'rm -rf target/parquet-fixture && cargo run -q -p mdr-cli --example parquet-fixture -- target/parquet-fixture/files && cargo run -q -p mdr-cli --bin mdr -- consolidate target/parquet-fixture/files --out target/parquet-fixture/out --today 2026-12-01 >/dev/null && /usr/bin/python3 scripts/check-parquet.py target/parquet-fixture/out'
layer browser cargo test -p mdr-web --target wasm32-unknown-unknown --test browser
layer build bash scripts/build.sh
# The independent HPKE reader the journeys check the app against, checked first against
# RFC 9180's published vector.
layer hpke node tests/e2e/council-hpke.selfcheck.mjs
layer e2e npx playwright test

printf '\n==> Summary\n'
grep -h '^boundaries:' "$logs/boundaries.log"
printf 'native (cargo test):\n'; grep -h '^test result:' "$logs/native.log"
tail -n 1 "$logs/workbook.log"
tail -n 1 "$logs/parquet.log"
printf 'browser (wasm-bindgen-test in headless Chromium):\n'; grep -h '^test result:' "$logs/browser.log"
printf 'independent HPKE reader: '; tail -n 1 "$logs/hpke.log"
printf 'end-to-end (Playwright in Chromium, axe-core on every page):\n'
grep -hE '^ +[0-9]+ (passed|failed|flaky|skipped)' "$logs/e2e.log"

passed=$(cat "$logs/native.log" "$logs/browser.log" | sed -n 's/^test result: .* \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
e2e=$(grep -hoE '^ +[0-9]+ passed' "$logs/e2e.log" | tr -dc '0-9')
printf 'total: %d passed, 0 failed\n' $((passed + ${e2e:-0}))

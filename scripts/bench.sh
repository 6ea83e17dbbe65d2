#!/usr/bin/env bash
# The benchmarks: sizes of the release build in dist/ (each file of each part's first load,
# as the browser fetches it, raw, gzip- and brotli-compressed), then the time to import and consolidate 100 and 1,000 members' files,
# natively and in headless Chromium (and of locked files), and the `mdr` command on 20,000. `make bench` builds first.
# Prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -f dist/index.html ] && [ -f dist/officer/index.html ] || { echo "No release build in dist/: run make bench." >&2; exit 1; }

# The first load of each part, as Chromium makes it: each file the page fetched, raw, gzip
# (the budget's measure) and brotli (the .br copies scripts/serve.mjs sends), then what the
# service worker keeps afterwards.
node tests/bench/first-load.mjs

cargo run --quiet --release -p mdr-domain --example consolidation_bench
echo
# The command itself on 20,000 members' files (made once into target/bench-files/), beside
# reading and parsing them alone, on one thread and on every core.
cargo build --quiet --profile cli -p mdr-cli
cargo run --quiet --profile cli -p mdr-cli --example scale_bench
echo
node tests/bench/import.mjs
echo
node tests/bench/lighthouse.mjs

#!/usr/bin/env bash
# The benchmarks: sizes of the release build in dist/ (each file of each part's first load,
# raw, gzip- and brotli-compressed), then the time to import and consolidate 100 and 1,000 members' files,
# natively and in headless Chromium (and of locked files). `make bench` builds first.
# Prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -f dist/index.html ] && [ -f dist/officer/index.html ] || { echo "No release build in dist/: run make bench." >&2; exit 1; }

# The first load of each part: the councillor's app (dist/) and the officer's workspace
# (dist/officer/), each its own page, JS, wasm and CSS: raw, gzip (the budget's measure) and
# brotli (the build's .br copies, which scripts/serve.mjs sends to browsers that take them).
first_load() {
  local dir=$1 name=$2 total_raw=0 total_gz=0 total_br=0 f raw gz br
  printf '%-10s %-52s %10s %10s %10s\n' kind file raw gzip brotli
  for f in "$dir"/index.html "$dir"/*.js "$dir"/*.wasm "$dir"/*.css; do
    [ -f "$f" ] || continue
    raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(stat -c%s "$f.br")
    printf '%-10s %-52s %10d %10d %10d\n' "${f##*.}" "${f#dist/}" "$raw" "$gz" "$br"
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  done
  printf '%-10s %-52s %10d %10d %10d\n' total "first load (html+js+wasm+css)" "$total_raw" "$total_gz" "$total_br"
  printf '%s first load: %d KB raw, %d KB gzip (budget 250 KB gzip), %d KB brotli\n\n' "$name" $((total_raw / 1024)) $((total_gz / 1024)) $((total_br / 1024))
}
first_load dist "the councillor's app"
first_load dist/officer "the officer's workspace"

cargo run --quiet --release --example consolidation_bench
echo
node tests/bench/import.mjs
echo
node tests/bench/lighthouse.mjs

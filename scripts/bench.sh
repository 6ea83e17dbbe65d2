#!/usr/bin/env bash
# The benchmarks: sizes of the release build in dist/ (each file of the first load, raw and
# gzip-compressed), then the time to import and consolidate 100 and 1,000 members' files,
# natively and in headless Chromium. `make bench` builds first. Prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -f dist/index.html ] || { echo "No release build in dist/: run make bench." >&2; exit 1; }

printf '%-10s %-48s %10s %10s\n' kind file raw gzip
total_raw=0; total_gz=0
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c)
  printf '%-10s %-48s %10d %10d\n' "${f##*.}" "${f#dist/}" "$raw" "$gz"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '%-10s %-48s %10d %10d\n' total "first load (html+js+wasm+css)" "$total_raw" "$total_gz"
printf 'first load: %d KB raw, %d KB gzip (budget 250 KB gzip)\n\n' $((total_raw / 1024)) $((total_gz / 1024))

cargo run --quiet --release --example consolidation_bench
echo
node tests/bench/import.mjs
echo
node tests/bench/lighthouse.mjs

#!/usr/bin/env bash
# Checks the boundaries ARCHITECTURE.md draws, from Cargo's own dependency trees: the domain
# crate reaches no browser crate (built for this machine or for the web), and the web crate
# has no file parser of its own, so every file goes through the domain.
set -euo pipefail
cd "$(dirname "$0")/.."
browser='^(leptos[a-z_-]*|web-sys|js-sys|wasm-bindgen[a-z_-]*) '
status=0
for target in "" wasm32-unknown-unknown; do
  found=$(cargo tree -p mdr-domain -e normal ${target:+--target "$target"} --prefix none \
    | grep -Eo "$browser" | sort -u | tr -d ' ' | paste -sd, || true)
  if [ -n "$found" ]; then
    echo "mdr-domain depends on browser crates (${target:-this machine}): $found" >&2
    status=1
  fi
done
parsers=$(cargo tree -p mdr-web -e normal --depth 1 --target wasm32-unknown-unknown --prefix none \
  | grep -Eo '^(serde_json|csv|base64) ' | tr -d ' ' | paste -sd, || true)
if [ -n "$parsers" ]; then
  echo "mdr-web depends directly on file parsers ($parsers): files belong to mdr-domain" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "boundaries: mdr-domain reaches no leptos, web-sys, js-sys or wasm-bindgen; mdr-web parses no file itself"
fi
exit "$status"

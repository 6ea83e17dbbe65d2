#!/usr/bin/env bash
# Installs whatever this machine is missing to build and test the app, and nothing else.
# Safe to run again: each step checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
# Must match the `wasm-bindgen = "=…"` pin in crates/web/Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' crates/web/Cargo.toml)

say() { printf '\n==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the WebAssembly target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: that version's lock file names a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the release build's wasm into lazily loaded pages (scripts/split-wasm.mjs).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# Chromium for the tests; zopfli for the build's gzip copies (scripts/compress.mjs).
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/zopfli ]; }; then
  say "Installing Chromium, ChromeDriver and zopfli from Debian"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q chromium chromium-driver zopfli
fi

# openpyxl, the outside reader of the officer's workbook (scripts/check-workbook.py), for
# Debian's own Python: a Python on PATH (pyenv's) may not see Debian's packages.
if ! { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; }; then
  say "Installing openpyxl from Debian"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q python3-openpyxl
fi

# DuckDB, the outside reader of the Parquet tables (scripts/check-parquet.py), for the same
# Debian Python. Debian packages no duckdb, and its pip refuses to install into the system
# Python (PEP 668, "externally managed"): --break-system-packages puts it in
# /usr/local/lib/python3.11/dist-packages, where it shadows no Debian package.
DUCKDB_VERSION=2.0.0
if ! /usr/bin/python3 -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
  say "Installing duckdb $DUCKDB_VERSION for Debian's Python"
  if ! /usr/bin/python3 -m pip --version >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q python3-pip
  fi
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO /usr/bin/python3 -m pip install -q --break-system-packages "duckdb==$DUCKDB_VERSION"
fi

# wasm-opt (from the binaryen package), Playwright and axe-core, pinned by package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the npm tools"
  npm ci --no-audit --no-fund
fi

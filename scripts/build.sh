#!/usr/bin/env bash
# The release build, as shipped, into dist/: the councillor's app (index.html), then the
# officer's workspace (officer.html) into dist/officer/, then the service worker for both,
# then a brotli and a gzip copy of each file for the server. In this order: each Trunk
# build replaces its own folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Pages load lazily (mdr_split), and the linker keeps the relocations wasm-split-cli reads.
# Set here, not in .cargo/config.toml, because only this build splits: RUSTFLAGS replaces
# that file's flags, so erase_components is named again.
export RUSTFLAGS="--cfg erase_components --cfg mdr_split -Clink-args=--emit-relocs"
trunk build --release --offline
trunk build officer.html --release --offline --dist dist/officer --public-url /officer/
node scripts/service-worker.mjs dist
node scripts/compress.mjs dist

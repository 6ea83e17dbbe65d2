// The kinds of file the build keeps compressed copies of (scripts/compress.mjs) and the
// server sends compressed (scripts/serve.mjs): text, the wasm, and each page group's chunks
// put together (`-group_<name>.bin`, scripts/split-wasm.mjs).
export const compressible = ['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.bin'];

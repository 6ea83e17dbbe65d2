// The kinds of file the build keeps compressed copies of (scripts/compress.mjs) and the
// server sends compressed (scripts/serve.mjs): text, and the wasm.
export const compressible = ['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg'];

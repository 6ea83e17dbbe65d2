// Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm file of the
// release build in dist/, compressed once at the highest levels, as static hosts serve
// them (nginx's brotli_static and gzip_static, and most static hosting). scripts/serve.mjs
// sends them to browsers that accept them; the service worker never lists them.
// The gzip copies are zopfli's: ordinary gzip that any browser reads, 5-6% smaller than
// zlib's best, at a cost paid once per build (a few seconds).
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { compressible } from './compressible.mjs';

const dist = process.argv[2] ?? 'dist';

let raw = 0;
let br = 0;
let gz = 0;
const names = await readdir(dist, { recursive: true });
for (const file of names.filter((f) => compressible.includes(extname(f))).map((f) => join(dist, f))) {
  const body = await readFile(file);
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const zopfli = spawnSync('zopfli', ['-c', file], { maxBuffer: 64 << 20 });
  if (zopfli.error || zopfli.status !== 0) {
    throw new Error(`zopfli could not compress ${file} (${zopfli.error?.message ?? zopfli.stderr}): run make setup`);
  }
  const gzip = zopfli.stdout;
  await writeFile(`${file}.br`, brotli);
  await writeFile(`${file}.gz`, gzip);
  raw += body.length;
  br += brotli.length;
  gz += gzip.length;
}
const kb = (n) => `${Math.round(n / 1024).toLocaleString('en-GB')} KB`;
console.log(`compressed: ${kb(raw)} of files as ${kb(br)} brotli and ${kb(gz)} gzip`);

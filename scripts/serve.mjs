// Serves the release build on 127.0.0.1 (for `make run`, the end-to-end tests and the
// benchmarks) as a static host would: files as they are, compressed when the browser
// accepts it (the build's brotli copy, else its gzip copy, from scripts/compress.mjs; gzip
// made here for a file without a copy as new as itself), and for any other address the
// page of the part that serves it, so deep links and reloads work: officer/index.html
// under /officer, index.html elsewhere.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compressible } from './compressible.mjs';

const root = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  let file = join(root, path);
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    const officer = path === '/officer' || path.startsWith('/officer/');
    file = join(root, officer ? 'officer/index.html' : 'index.html');
  }
  let body = await readFile(file);
  const headers = {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
  };
  const compresses = compressible.includes(extname(file));
  const accepts = (encoding) => new RegExp(`\\b${encoding}\\b`).test(request.headers['accept-encoding'] ?? '');
  // A copy older than its file (one changed after the build) is not used.
  const modified = (await stat(file)).mtimeMs;
  const copy = async (suffix) => stat(file + suffix).then((c) => c.mtimeMs >= modified, () => false);
  if (compresses && accepts('br') && (await copy('.br'))) {
    body = await readFile(file + '.br');
    headers['content-encoding'] = 'br';
  } else if (compresses && accepts('gzip')) {
    body = (await copy('.gz')) ? await readFile(file + '.gz') : gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  response.writeHead(200, headers);
  response.end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));

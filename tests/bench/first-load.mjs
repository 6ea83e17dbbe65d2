// Benchmark (run by `make bench`): the first load of each part of the release build in dist/,
// as a browser makes it. Opens the councillor's home page and the officer's workspace in a
// fresh headless Chromium (no service worker, so only what the page itself asks for), waits
// until the page is up and the network is quiet, and lists every file it fetched with its
// size raw, gzip-compressed (the budget's measure) and brotli-compressed: the .gz and .br
// copies scripts/compress.mjs wrote and scripts/serve.mjs sends. Then the rest of the part: what the service worker downloads
// afterwards for offline use, including the pages that load on first opening (crates/web/src/ui/lazy.rs).
// Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const port = 4192;
const dist = 'dist';
const budget = 250 * 1024;
const server = spawn('node', ['scripts/serve.mjs', dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => server.kill());
await new Promise((resolve) => server.stdout.once('data', resolve)); // "serving dist on ..."
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

/** Sizes of the file served at `path` (a folder's address serves its index.html). */
async function sizes(path) {
  let file = join(dist, path);
  if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  const bytes = await readFile(file);
  // A file without compressed copies (an icon, already compressed) is sent as it is.
  const size = (copy) => stat(copy).then((s) => s.size, () => bytes.length);
  return { raw: bytes.length, gzip: await size(`${file}.gz`), brotli: await size(`${file}.br`) };
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

const kb = (n) => `${Math.round(n / 1024).toLocaleString('en-GB')} KB`;
const row = (a, b, c, d) => console.log(`  ${a.padEnd(58)} ${String(b).padStart(10)} ${String(c).padStart(10)} ${String(d).padStart(10)}`);

for (const [name, address, heading] of [
  ["the councillor's app", '/', 'Set up your record'],
  ["the officer's workspace", '/officer', 'Officer workspace'],
]) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = new Set();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.host === `127.0.0.1:${port}`) fetched.add(url.pathname);
  });
  await page.goto(`http://127.0.0.1:${port}${address}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();

  console.log(`${name}, first load of ${address} (what the page fetched):`);
  row('file', 'raw', 'gzip', 'brotli');
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of [...fetched].sort()) {
    const s = await sizes(path);
    row(path, s.raw, s.gzip, s.brotli);
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  row('total', total.raw, total.gzip, total.brotli);
  console.log(
    `${name} first load: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip (budget ${kb(budget)} gzip: ` +
      `${total.gzip <= budget ? 'met' : `${kb(total.gzip - budget)} over`}), ${kb(total.brotli)} brotli`,
  );

  // The rest of this part's files, kept by the service worker for offline use.
  const root = address === '/' ? dist : join(dist, 'officer');
  const rest = { raw: 0, gzip: 0, files: 0 };
  for (const file of await filesUnder(root)) {
    const path = '/' + file.slice(dist.length + 1).split('\\').join('/');
    // Not the compressed copies, nor the group files (the same chunks, put together for a
    // page opened at its own address): the service worker keeps neither.
    if (/\.(br|gz|bin)$/.test(path) || path === '/sw.js' || fetched.has(path) || (address === '/' && path.startsWith('/officer/'))) continue;
    const folder = path.slice(0, -'/index.html'.length);
    if (path.endsWith('/index.html') && (fetched.has(folder) || fetched.has(`${folder}/`))) continue;
    const s = await sizes(path);
    rest.raw += s.raw;
    rest.gzip += s.gzip;
    rest.files += 1;
  }
  console.log(`  then kept for offline in the background: ${rest.files} more files, ${kb(rest.raw)} raw, ${kb(rest.gzip)} gzip\n`);
}
await browser.close();
server.kill();

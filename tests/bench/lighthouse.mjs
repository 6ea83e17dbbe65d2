// Benchmark (run by `make bench`): Lighthouse on the release build in dist/, each page in a
// fresh headless Chromium profile, with Lighthouse's default mobile settings and simulated
// throttling, served compressed (brotli) by scripts/serve.mjs as a static host would.
// Prints the performance, accessibility and best-practices scores and the main metrics per
// page, then the budgets and, for the pages that miss one, the failing audits.
// Prints figures; a missed budget does not fail it, only Lighthouse failing to run does.
// LIGHTHOUSE_JSON=some/dir also writes each page's full report there as JSON.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const port = 4191;
const pages = process.env.LIGHTHOUSE_PAGES?.split(',') ?? ['/', '/learning', '/learning/add', '/surveys', '/plan', '/backup', '/profile', '/officer'];
const budgets = { performance: 0.98, accessibility: 1, 'best-practices': 1 };
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];
const skipped = new Set(['informative', 'notApplicable', 'manual']);

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => server.kill()); // also when Chromium or Lighthouse crashes the process
await new Promise((resolve, reject) => {
  server.stdout.once('data', resolve); // "serving dist on ..."
  server.once('exit', () => reject(new Error('the static server did not start')));
});
const fixed = (n, digits = 2) => (n == null ? '  -  ' : n.toFixed(digits));
const seconds = (audit) => `${fixed(audit.numericValue / 1000, 1)} s`;
const misses = []; // [page, category id, lhr]
console.log('Lighthouse (default mobile settings, simulated throttling, release build, this machine):');
try {
  for (const path of pages) {
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags });
    let lhr;
    try {
      ({ lhr } = await lighthouse(`http://127.0.0.1:${port}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: Object.keys(budgets),
      }));
    } finally {
      await chrome.kill();
    }
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (process.env.LIGHTHOUSE_JSON) {
      await mkdir(process.env.LIGHTHOUSE_JSON, { recursive: true });
      await writeFile(`${process.env.LIGHTHOUSE_JSON}/${path.slice(1) || 'home'}.json`, JSON.stringify(lhr, null, 1));
    }
    const score = (id) => lhr.categories[id].score;
    const a = lhr.audits;
    console.log(
      `  ${path.padEnd(13)} performance ${fixed(score('performance'))}  accessibility ${fixed(score('accessibility'))}  best practices ${fixed(score('best-practices'))}` +
        `  |  FCP ${seconds(a['first-contentful-paint'])}  LCP ${seconds(a['largest-contentful-paint'])}` +
        `  TBT ${Math.round(a['total-blocking-time'].numericValue)} ms  CLS ${fixed(a['cumulative-layout-shift'].numericValue, 3)}  SI ${seconds(a['speed-index'])}`,
    );
    for (const [id, min] of Object.entries(budgets)) if (!(score(id) >= min)) misses.push([path, id, lhr]);
  }
} catch (error) {
  console.error(`Lighthouse could not run: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  server.kill();
}
if (process.exitCode) process.exit();

// "every page (x)" when all pages share one figure, else "/a x, /b y"
const where = (entries) =>
  entries.length === pages.length && new Set(entries.map(([, v]) => v)).size === 1
    ? `every page${entries[0][1] ? ` (${entries[0][1]})` : ''}`
    : entries.map(([path, v]) => (v ? `${path} (${v})` : path)).join(', ');
const missed = new Map(); // page -> category ids missed
for (const [path, id] of misses) missed.set(path, [...(missed.get(path) ?? []), id]);
console.log(
  `Budgets: performance >= 0.98, accessibility 1.00, best practices 1.00; ` +
    (missed.size ? `missed by ${where([...missed].map(([path, ids]) => [path, ids.join(', ')]))}` : 'every page meets them'),
);
const failing = new Map(); // "Category: audit title" -> [[page, figure], ...]
for (const [path, id, lhr] of misses) {
  for (const ref of lhr.categories[id].auditRefs) {
    const audit = lhr.audits[ref.id];
    if (audit.score === null || audit.score >= 1 || skipped.has(audit.scoreDisplayMode)) continue;
    const key = `${lhr.categories[id].title}: ${audit.title}`;
    failing.set(key, [...(failing.get(key) ?? []), [path, audit.displayValue?.replace('Est savings of', 'saves')]]);
  }
}
if (failing.size) console.log('Failing audits (score < 1) in the categories missed:');
for (const [key, entries] of failing) console.log(`  - ${key}: ${where(entries)}`);

// Splits a release build's wasm into the part every page needs and one chunk per lazily
// loaded page (the `#[lazy]` pages of src/main.rs and src/bin/officer.rs), so the first
// load carries only the shell and the first page. Called by scripts/post-build.mjs.
//
// Trunk has already run wasm-bindgen and wasm-opt on the whole module; when that module
// asks for split chunks (its glue imports `__wasm_split_placeholder__`), this takes the
// linked wasm from Cargo's target folder and replaces Trunk's two files with the split
// ones, under the same names: wasm-split-cli, then wasm-bindgen keeping the exports the
// chunks link against, then wasm-opt on the main part and on every chunk.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The features rustc 1.95 enables for wasm32-unknown-unknown, so wasm-opt keeps to them.
const FEATURES = [
  '--enable-bulk-memory',
  '--enable-multivalue',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-reference-types',
  '--enable-sign-ext',
];

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** Splits the build in `staging` if it was compiled with split points; returns the HTML. */
export async function splitWasm(staging, html) {
  const glueName = (await readdir(staging)).find((f) => /^[a-z-]+-[0-9a-f]{16}\.js$/.test(f));
  if (!glueName) return html;
  const glue = await readFile(join(staging, glueName), 'utf8');
  if (!glue.includes('__wasm_split_placeholder__')) return html;

  const stem = glueName.slice(0, -'.js'.length);
  const bin = stem.replace(/-[0-9a-f]{16}$/, '');
  const target = process.env.CARGO_TARGET_DIR ?? join(process.cwd(), 'target');
  const linked = join(target, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
  const work = await mkdtemp(join(tmpdir(), 'mdr-split-'));
  let chunks;
  try {
    run('wasm-split-cli', ['--target', 'web', '--out-name', stem, linked, work]);
    const made = await readdir(work);
    chunks = made.filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-name', stem,
      '--out-dir', join(work, 'bindgen'), join(work, `${stem}.wasm`),
    ]);
    const optimise = (from, to) => run('wasm-opt', ['-Oz', '--strip-debug', ...FEATURES, from, '-o', to]);
    optimise(join(work, 'bindgen', `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));
    for (const chunk of chunks) optimise(join(work, chunk), join(staging, chunk));
    await writeFile(join(staging, glueName), await readFile(join(work, 'bindgen', `${stem}.js`)));
    await writeFile(join(staging, '__wasm_split.js'), await readFile(join(work, '__wasm_split.js')));
    console.log(`post-build: ${bin} split into a main part and ${chunks.join(', ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  // Trunk's preload links carry the integrity of the files it wrote; name the new ones.
  for (const file of [glueName, `${stem}_bg.wasm`]) {
    const digest = createHash('sha384').update(await readFile(join(staging, file))).digest('base64');
    const link = new RegExp(`(href="[^"]*/${file.replace(/\./g, '\\.')}"[^>]*integrity=")sha384-[^"]+`);
    if (!link.test(html)) throw new Error(`index.html has no preload link for ${file}`);
    html = html.replace(link, `$1sha384-${digest}`);
  }

  // Opened at any page but the part's first one, the page's chunk is fetched alongside the
  // main part rather than after it has started.
  const base = process.env.TRUNK_PUBLIC_URL ?? '/';
  const landing = [...new Set([base, base.replace(/\/$/, '') || '/'])];
  const hrefs = chunks.map((chunk) => base + chunk);
  const preload = `<script>if (!${JSON.stringify(landing)}.includes(location.pathname)) for (const href of ${JSON.stringify(hrefs)}) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));</script>`;
  return html.replace('</head>', `${preload}</head>`);
}

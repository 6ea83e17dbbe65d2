// Splits a release build's wasm into the part every page needs and a chunk per split group
// (the `lazy_page!` and `lazy_fn!` items of crates/web/src/main.rs and src/bin/officer.rs: one group
// per part), so the first load carries only the shell and the first page. Called by
// scripts/post-build.mjs.
//
// Trunk has already run wasm-bindgen and wasm-opt on the whole module; when that module
// asks for split chunks (its glue imports `__wasm_split_placeholder__`), this takes the
// linked wasm from Cargo's target folder and replaces Trunk's two files with the split
// ones, under the same names: wasm-split-cli, then wasm-bindgen keeping the exports the
// chunks link against, then wasm-opt on the main part and on every chunk.
import { spawnSync } from 'node:child_process';
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

/** Runs a tool; shows what it says on stderr, but for wasm-opt's note on every chunk that
 * it does not know wasm-split-cli's name subsection. */
function run(command, args) {
  const { status, error, stderr } = spawnSync(command, args, { encoding: 'utf8' });
  if (error) throw new Error(`${command} could not run (${error.message}): run make setup`);
  const said = stderr.split('\n').filter((line) => line && !/^warning: unknown name subsection/.test(line));
  if (said.length) console.error(said.join('\n'));
  if (status !== 0) throw new Error(`${command} failed (exit ${status})`);
}

/** `text` with each `before"./name"` for a name in `names` made `before"./names[name]"`. */
function renamed(text, names, before = '') {
  let out = text;
  for (const [from, to] of Object.entries(names)) {
    if (!out.includes(`${before}"./${from}"`)) throw new Error(`expected a reference to ./${from}`);
    out = out.replaceAll(`${before}"./${from}"`, `${before}"./${to}"`);
  }
  return out;
}

/** wasm-split-cli's loader made to take each chunk from the page's group file when the
 * page's inline script fetched one (`self.__mdrChunks`: the file's bytes and where each
 * chunk lies in it), and to fetch it on its own otherwise. */
function fromGroupFile(loaderText) {
  const fetches = /fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g;
  const instantiate = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!fetches.test(loaderText) || !loaderText.includes(instantiate)) {
    throw new Error('the split loader does not fetch and instantiate its chunks as expected');
  }
  const helpers = `// A chunk's bytes from the page's group file, or its own response.
function chunkBytes(name, url) {
    const group = self.__mdrChunks;
    const span = group?.files[name];
    if (!span) return fetch(url);
    delete group.files[name];
    if (!Object.keys(group.files).length) delete self.__mdrChunks;
    return group.bytes.then((bytes) => new Uint8Array(bytes, span[0], span[1]), () => fetch(url));
}
function instantiateChunk(src, imports) {
    return src.then((s) => (s instanceof Uint8Array ? WebAssembly.instantiate(s, imports) : WebAssembly.instantiateStreaming(s, imports)));
}
`;
  const body = loaderText
    .replace(fetches, (_, file) => `chunkBytes("${file}", new URL("./${file}", import.meta.url))`)
    .replaceAll(instantiate, 'instantiateChunk(src, imports)');
  const start = body.indexOf('let sharedImports');
  if (start < 0) throw new Error('the split loader has no sharedImports');
  return body.slice(0, start) + helpers + body.slice(start);
}

/** The files each split group loads, its own chunk first, read from wasm-split-cli's
 * loader: `export const __wasm_split_load_<group> = … fetch(new URL("./<file>"…), [deps])`,
 * each dep a `const __chunk_<n> = … fetch(new URL("./<file>"…)`. */
function chunksByGroup(loaderText) {
  const definition = /(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g;
  const shared = {};
  const groups = {};
  for (const [, chunk, group, file, deps] of loaderText.matchAll(definition)) {
    if (chunk) shared[chunk] = file;
    else groups[group] = [file, ...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => shared[d])];
  }
  for (const [group, files] of Object.entries(groups)) {
    if (files.some((f) => !f)) throw new Error(`the split loader names a chunk of ${group} it does not define`);
  }
  if (!Object.keys(groups).length) throw new Error('the split loader defines no groups');
  return groups;
}

/** Splits the build in `staging` if it was compiled with split points; returns the HTML. */
export async function splitWasm(staging, html) {
  // Trunk's glue, as its preload link names it: `<bin>-<hash>.js`.
  const glueName = html.match(/<link rel="modulepreload" href="[^"]*\/([a-z-]+-[0-9a-f]+\.js)"/)?.[1];
  if (!glueName) {
    if (process.env.TRUNK_PROFILE === 'release') throw new Error('index.html has no preload link for the wasm glue');
    return html;
  }
  const glue = await readFile(join(staging, glueName), 'utf8');
  if (!glue.includes('__wasm_split_placeholder__')) return html;

  const stem = glueName.slice(0, -'.js'.length);
  const bin = stem.replace(/-[0-9a-f]+$/, '');
  const target = process.env.CARGO_TARGET_DIR ?? join(process.cwd(), 'target');
  const linked = join(target, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
  // Every file is named for this build (Trunk's hash of the whole module), so a page still
  // running an older build can never load a newer build's chunk into itself: it finds
  // none, and says the page could not be opened (crates/web/src/ui/lazy.rs).
  const named = (file) => `${stem}-${file}`;
  const loader = named('split.js');
  const work = await mkdtemp(join(tmpdir(), 'mdr-split-'));
  let chunks;
  let groups;
  try {
    run('wasm-split-cli', ['--target', 'web', '--out-name', stem, linked, work]);
    chunks = (await readdir(work)).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-name', stem,
      '--out-dir', join(work, 'bindgen'), join(work, `${stem}.wasm`),
    ]);
    const optimise = (from, to) => run('wasm-opt', ['-Oz', '--strip-debug', ...FEATURES, from, '-o', to]);
    optimise(join(work, 'bindgen', `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));
    for (const chunk of chunks) optimise(join(work, chunk), join(staging, named(chunk)));
    const glueSplit = await readFile(join(work, 'bindgen', `${stem}.js`), 'utf8');
    // Only the module's address changes: the wasm still names its imports "./__wasm_split.js".
    await writeFile(join(staging, glueName), renamed(glueSplit, { '__wasm_split.js': loader }, 'from '));
    const loaderText = renamed(
      await readFile(join(work, '__wasm_split.js'), 'utf8'),
      Object.fromEntries(chunks.map((c) => [c, named(c)])),
    );
    groups = chunksByGroup(loaderText);
    await writeFile(join(staging, loader), fromGroupFile(loaderText));
    console.log(`post-build: ${bin} split into its main part and ${chunks.join(', ')}`);
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

  // Opened at any page but the part's first one, that page's chunks are fetched alongside
  // the main part rather than after it has started: those of the split group named by the
  // longest start of the address that names one, segments joined by `_`
  // (`/learning/activity/<id>` -> `learning_activity`, `/learning` -> `learning`), as the loader lists them
  // (the group's own chunk and the shared chunks it needs), as one file, `-group_<name>.bin`,
  // the chunks end to end: one request rather than ten or more, each a round trip on a
  // slow connection. The loader takes a chunk from it when it has it (`chunkBytes`), and
  // fetches it on its own otherwise: a page reached later, or a group file that failed.
  // A page the service worker controls has every chunk on the device, so it skips this.
  const base = process.env.TRUNK_PUBLIC_URL ?? '/';
  const landing = [...new Set([base, base.replace(/\/$/, '') || '/'])];
  const together = {};
  for (const [group, files] of Object.entries(groups)) {
    const bodies = await Promise.all(files.map((f) => readFile(join(staging, f))));
    const file = named(`group_${group}.bin`);
    await writeFile(join(staging, file), Buffer.concat(bodies));
    let at = 0;
    const spans = {};
    files.forEach((f, i) => {
      spans[f] = [at, bodies[i].length];
      at += bodies[i].length;
    });
    together[group] = { href: base + file, files: spans };
  }
  const preload = `<script>{const groups = ${JSON.stringify(together)}; const s = location.pathname.split('/').filter(Boolean); let g; for (let n = s.length; n > 0 && !g; n--) g = groups[s.slice(0, n).join('_')]; if (g && !${JSON.stringify(landing)}.includes(location.pathname) && !navigator.serviceWorker?.controller) { const bytes = fetch(g.href).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.statusText)))); bytes.catch(() => {}); self.__mdrChunks = { files: g.files, bytes }; }}</script>`;
  // The loader is imported by the glue; named here, it is fetched with the glue, not after.
  const loaderLink = `<link rel="modulepreload" href="${base}${loader}" crossorigin="anonymous">`;
  return html.replace('</head>', `${loaderLink}${preload}</head>`);
}

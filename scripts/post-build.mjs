// Trunk post-build hook, run for each of the two builds (the councillor's app and the
// officer's workspace). Trunk writes its wasm loader as an inline <script>, so the
// Content-Security-Policy must name that script's hash: this fills it in. The service
// worker for both is written afterwards by scripts/service-worker.mjs.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitWasm } from './split-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build.mjs runs as a Trunk hook: TRUNK_STAGING_DIR is not set');

const indexPath = join(staging, 'index.html');
let html = await splitWasm(staging, await readFile(indexPath, 'utf8'));
const inline = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)<\\/${tag}>`, 'g'))].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
const hashes = inline('script');
// The stylesheet is inlined (one request fewer before the first paint), so it is named too.
const styles = inline('style');
if (!html.includes("'sha256-INLINE-SCRIPTS'") || !html.includes("'sha256-INLINE-STYLES'")) {
  throw new Error('index.html has no CSP placeholder');
}
if (process.env.TRUNK_PROFILE === 'release') {
  html = html.replace("'sha256-INLINE-SCRIPTS'", hashes.join(' ')).replace("'sha256-INLINE-STYLES'", styles.join(' '));
} else {
  // `trunk serve` adds its live-reload script after this hook runs, so a development build
  // goes without the policy; every release build (what is shipped and tested) has it.
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
}
await writeFile(indexPath, html);
console.log(`post-build: CSP names ${hashes.length} inline script(s) and ${styles.length} style sheet(s)`);

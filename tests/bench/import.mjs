// Benchmark (run by `make bench`, after the native one has written the files): imports
// 100 and 1,000 generated members' files through the officer's page in headless Chromium
// and times it until every report is on screen, then 50 of them locked with a passphrase,
// each with its own salt and all with the council pack's.
// Prints figures; asserts nothing.
//
// Timed by the page's own clock, checked every frame: from the moment the browser hands
// the chosen files to the page (the input's change event; a person's file picker does this
// at once, where Playwright first copies the files over) until they are saved and listed,
// then from the click on Reports until every report is on screen.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { asFile, lockedFile } from '../e2e/member-files.js';

const port = 4190;
const server = spawn('node', ['scripts/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

/**
 * Milliseconds on the page's clock from `window.benchFrom` (or the page load) until a
 * paragraph reads `what.text`, or an element matches `what.selector`.
 */
function whenShown(page, what) {
  return page
    .waitForFunction(
      ({ text, selector }) => {
        const shown = text
          ? [...document.querySelectorAll('p')].some((p) => p.textContent === text)
          : document.querySelector(selector) !== null;
        return shown ? performance.now() - (window.benchFrom ?? 0) : false;
      },
      what,
      { polling: 'raf', timeout: 300_000 },
    )
    .then((handle) => handle.jsonValue());
}

/** Sets `window.benchFrom` when `event` first reaches `locator`'s element. */
function startClockOn(locator, event) {
  return locator.evaluate((element, event) => {
    element.addEventListener(event, () => { window.benchFrom = performance.now(); }, { capture: true, once: true });
  }, event);
}

const everyReport = { selector: '[aria-label="Survey results by political group"]' };

/** A fresh officer's page: imports `files`, and times them until `count` members are listed. */
async function importTimed(files, count, passphrase = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/officer`);
  await page.getByText("No members' files yet.").waitFor();
  if (passphrase) await page.getByLabel('Passphrase for locked files (optional)').fill(passphrase);
  const input = page.getByLabel("Import members' files");
  await startClockOn(input, 'change');
  const started = Date.now();
  await input.setInputFiles(files);
  const imported = await whenShown(page, { text: `${count} members.` });
  return { context, page, imported, withHarness: Date.now() - started };
}

console.log('Consolidation in headless Chromium (release build, this machine):');
try {
  for (const count of [100, 1000]) {
    const dir = `target/bench-files/${count}`;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
    const { context, page, imported, withHarness } = await importTimed(files, count);
    const reports = page.getByRole('link', { name: 'Reports' });
    await startClockOn(reports, 'click');
    await reports.click();
    const reported = await whenShown(page, everyReport);
    // Reopening is timed from the start of the page load.
    await page.reload({ waitUntil: 'commit' });
    const reopened = await whenShown(page, everyReport);
    console.log(
      `  ${String(count).padStart(5)} files: import and every report ${Math.round(imported + reported)} ms (chosen to imported, merged, saved and listed ${Math.round(imported)} ms; Reports clicked to every report on screen ${Math.round(reported)} ms); with the test harness copying the files in first, ${withHarness} ms to listed; reopen from IndexedDB to every report ${Math.round(reopened)} ms`,
    );
    await context.close();
  }

  // Locked files, locked here by Node's WebCrypto in 16 KB pieces: first each with its own
  // salt (as members lock before their council's pack has one), so each costs one key
  // derivation (PBKDF2 at 600,000 rounds) in the browser; then all with the council pack's
  // salt, so the batch costs one.
  const count = 50;
  const dir = 'target/bench-files/100';
  const passphrase = 'Tipton Green ward surgery';
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).slice(0, count);
  const councilSalt = crypto.getRandomValues(new Uint8Array(16));
  for (const [label, salt] of [['each with its own salt', undefined], ["with the council pack's salt", councilSalt]]) {
    const files = [];
    for (const name of names) {
      const locked = await lockedFile(JSON.parse(await readFile(`${dir}/${name}`, 'utf8')), passphrase, { salt });
      locked.ciphertext = locked.ciphertext.join('').match(/.{1,16384}/g);
      files.push(asFile(name.replace(/\.json$/, '-locked.json'), locked));
    }
    const { context, imported } = await importTimed(files, count, passphrase);
    console.log(
      `  ${String(count).padStart(5)} locked files ${label}: chosen to unlocked, imported, saved and listed ${Math.round(imported)} ms (${Math.round(imported / count)} ms a file)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

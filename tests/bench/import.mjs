// Benchmark (run by `make bench`, after the native one has written the files): imports
// 100 and 1,000 generated members' files through the officer's page in headless Chromium
// and times it until every report is on screen, reopening to every report, the training
// matrix with its rows on screen, the committee report, the Charter evidence and the
// Excel workbook; then the
// same 1,000 into a workspace locked at rest (it holds a council key, so every record is
// kept encrypted, and reopening means unlocking); then the 1,000 sealed for the council
// (HPKE, to that key); then 50 of them locked with a passphrase, each with its own salt
// and all with the council pack's.
// Prints figures; asserts nothing.
//
// Timed by the page's own clock, checked every frame: from the moment the browser hands
// the chosen files to the page (the input's change event; a person's file picker does this
// at once, where Playwright first copies the files over) until they are saved and listed,
// then from the click on Reports until every report is on screen.
//
// BENCH_DIST (default dist) is the build served, BENCH_PORT (default 4190) its port.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { asFile, lockedFile } from '../e2e/member-files.js';
import { makeKeyBackup, sealForCouncil } from '../e2e/council-hpke.js';

const dist = process.env.BENCH_DIST ?? 'dist';
const port = Number(process.env.BENCH_PORT ?? 4190);
const server = spawn('node', ['scripts/serve.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

/**
 * Milliseconds on the page's clock from `window.benchFrom` (or the page load) until a
 * paragraph reads `what.text` (or includes `what.includes`), or an element matches
 * `what.selector`.
 */
function whenShown(page, what) {
  return page
    .waitForFunction(
      ({ text, includes, selector }) => {
        const paragraphs = () => [...document.querySelectorAll('p')];
        const shown = text
          ? paragraphs().some((p) => p.textContent === text)
          : includes
            ? paragraphs().some((p) => p.textContent.includes(includes))
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

/** A page in a fresh browser context, which prints any error the page throws. */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  (error in the page: ${error.message})`));
  return { context, page };
}

/** A fresh officer's page on Members' files, with none yet. */
async function freshOfficer() {
  const { context, page } = await freshPage();
  await page.goto(`http://127.0.0.1:${port}/officer`);
  await page.getByText("No members' files yet.").waitFor();
  return { context, page };
}

/**
 * A fresh officer's page on Members' files, with none yet and the council key restored from
 * `backupText`, so that the workspace is locked at rest and unlocked. It is reached by the
 * page's own link, as a reload would lock it again.
 */
async function officerWithCouncilKey(council, backupText, passphrase) {
  const { context, page } = await freshPage();
  await page.goto(`http://127.0.0.1:${port}/officer/pack`);
  await page.getByLabel('Council name').fill(council);
  await page.getByRole('button', { name: 'Start the council pack' }).click();
  await page.getByLabel('Passphrase for the council key').fill(passphrase);
  await page
    .getByLabel('Restore the council key from a backup')
    .setInputFiles({ name: 'council-key-backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await page.getByText('has been restored').waitFor();
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByText("No members' files yet.").waitFor();
  return { context, page };
}

/** Imports `files` into the officer's `page`, and times them until `count` members are listed. */
async function importTimed(page, files, count, passphrase = '') {
  if (passphrase) await page.getByLabel('Passphrase for locked files (optional)').fill(passphrase);
  const input = page.getByLabel("Import members' files");
  await startClockOn(input, 'change');
  const started = Date.now();
  await input.setInputFiles(files);
  const imported = await whenShown(page, { text: `${count} members.` });
  return { imported, withHarness: Date.now() - started };
}

/**
 * Reopens the officer's `page` at Reports and times it to every report on screen. A
 * workspace locked at rest is unlocked with `passphrase`: the time is then the page load to
 * the locked workspace, plus the click on Unlock to every report (typing is not counted).
 */
async function reopenTimed(page, passphrase) {
  // Timed from the start of the page load.
  await page.reload({ waitUntil: 'commit' });
  if (!passphrase) return whenShown(page, everyReport);
  const toLocked = await whenShown(page, { selector: '#workspace-passphrase' });
  // Typed as a quick typist does, about twelve characters a second: the records, still
  // encrypted, are read meanwhile.
  await page.getByLabel('Passphrase for the council key').pressSequentially(passphrase, { delay: 80 });
  const unlock = page.getByRole('button', { name: 'Unlock the workspace' });
  await startClockOn(unlock, 'click');
  await unlock.click();
  return toLocked + (await whenShown(page, everyReport));
}

/**
 * Imports `files` into the officer's `page` and opens Reports, then reopens the page
 * (unlocking it with `passphrase` when it is locked at rest), and prints the times as
 * `label`. Returns them.
 */
async function importAndReport(page, files, count, label, passphrase) {
  const { imported, withHarness } = await importTimed(page, files, count);
  const reports = page.getByRole('link', { name: 'Reports' });
  await startClockOn(reports, 'click');
  await reports.click();
  const reported = await whenShown(page, everyReport);
  const reopened = await reopenTimed(page, passphrase);
  // The training matrix: from the click on its link until its rows are on screen (the
  // first 100 members, until asked for all).
  const matrixLink = page.getByRole('link', { name: 'Training matrix' });
  await startClockOn(matrixLink, 'click');
  await matrixLink.click();
  const matrix = await whenShown(page, { selector: `[aria-label="Training matrix, one row per member"] tbody tr:nth-child(${Math.min(count, 100)})` });
  // The committee report and the Charter evidence: from the click on the link until the
  // last section is on screen.
  const committeeLink = page.getByRole('link', { name: 'Committee report' });
  await startClockOn(committeeLink, 'click');
  await committeeLink.click();
  const committee = await whenShown(page, { selector: '#committee-spend' });
  const charterLink = page.getByRole('link', { name: 'Charter evidence' });
  await startClockOn(charterLink, 'click');
  await charterLink.click();
  const charter = await whenShown(page, { selector: '[aria-label="Criterion 3: guidelines, actions and evidence"] tbody tr' });
  // The workbook: from the click until the page says it is downloaded (the writer's
  // code fetched, every sheet made and written).
  await page.getByRole('link', { name: 'Reports' }).click();
  await whenShown(page, everyReport);
  const workbookButton = page.getByRole('button', { name: 'Download all reports (Excel)' });
  await startClockOn(workbookButton, 'click');
  const downloading = page.waitForEvent('download');
  await workbookButton.click();
  const workbook = await whenShown(page, { includes: 'is downloaded:' });
  const workbookBytes = (await readFile(await (await downloading).path())).length;
  console.log(
    `  ${String(count).padStart(5)} ${label}: import and every report ${Math.round(imported + reported)} ms (chosen to imported, merged, saved and listed ${Math.round(imported)} ms; Reports clicked to every report on screen ${Math.round(reported)} ms); with the test harness copying the files in first, ${withHarness} ms to listed; reopen from IndexedDB to every report ${Math.round(reopened)} ms${passphrase ? ' (unlocking included)' : ''}; Training matrix clicked to its rows on screen ${Math.round(matrix)} ms; Committee report ${Math.round(committee)} ms; Charter evidence ${Math.round(charter)} ms; Download all reports (Excel) clicked to downloaded ${Math.round(workbook)} ms (${Math.round(workbookBytes / 1024)} KB)`,
  );
  return { imported, reported, reopened };
}

/** The names of the generated members' files in `dir`. */
async function fileNames(dir) {
  return (await readdir(dir)).filter((f) => f.endsWith('.json'));
}

/** How many times longer `slower` took than `faster`, to two places. */
function times(slower, faster) {
  return `${(slower / faster).toFixed(2)}x`;
}

console.log('Consolidation in headless Chromium (release build, this machine):');
try {
  // The 1,000 are imported plain and into a workspace locked at rest (it holds a council
  // key, here restored from a backup made in Node by the tests' own HPKE, so each record is
  // written encrypted and opened again only once the workspace is unlocked), in turn,
  // BENCH_ROUNDS times (default 3): on this machine one run can differ from the next by a
  // quarter, so the comparison is of the medians.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const council = 'Bench Borough Council';
  const councilPassphrase = 'Bench council key 2026';
  const { backupText, councilKey } = await makeKeyBackup(council, councilPassphrase);
  const plain = {};
  const runs = { plain: [], atRest: [] };
  for (const count of [100, 1000]) {
    const dir = `target/bench-files/${count}`;
    const files = (await fileNames(dir)).map((f) => `${dir}/${f}`);
    for (let round = 0; round < (count === 1000 ? rounds : 1); round += 1) {
      {
        const { context, page } = await freshOfficer();
        runs.plain.push(await importAndReport(page, files, count, 'files'));
        await context.close();
      }
      if (count === 1000) {
        const { context, page } = await officerWithCouncilKey(council, backupText, councilPassphrase);
        runs.atRest.push(await importAndReport(page, files, count, 'files, workspace locked at rest', councilPassphrase));
        await context.close();
      }
    }
    plain[count] = runs.plain.at(-1);
    if (count === 100) runs.plain = [];
  }
  const median = (list, key) => list.map((run) => run[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const medians = (list) => Object.fromEntries(['imported', 'reported', 'reopened'].map((key) => [key, median(list, key)]));
  const count = 1000;
  const dir = `target/bench-files/${count}`;
  plain[count] = medians(runs.plain);
  const atRest = medians(runs.atRest);
  console.log(
    `  ${String(count).padStart(5)} files, medians of ${rounds}: plain imported ${Math.round(plain[count].imported)} ms, reopened ${Math.round(plain[count].reopened)} ms; locked at rest imported ${Math.round(atRest.imported)} ms, reopened ${Math.round(atRest.reopened)} ms`,
  );
  console.log(
    `  ${String(count).padStart(5)} files locked at rest against plain: import ${times(atRest.imported, plain[count].imported)}, every report ${times(atRest.reported, plain[count].reported)}, reopen to every report ${times(atRest.reopened, plain[count].reopened)}`,
  );

  // The same 1,000 files sealed for the council, here in Node by the tests' own HPKE (not
  // the app's code), to the key restored above.
  // They are written to a folder and chosen from it, as the plain ones are: Playwright
  // takes at most 50 MB of files in memory.
  const texts = [];
  for (const name of await fileNames(dir)) texts.push([name, await readFile(`${dir}/${name}`, 'utf8')]);
  const sealingStarted = performance.now();
  const sealedTexts = [];
  for (const [name, text] of texts) sealedTexts.push([name, await sealForCouncil(councilKey, text)]);
  const sealing = performance.now() - sealingStarted;
  const sealedDir = `target/bench-files/${count}-sealed`;
  await rm(sealedDir, { recursive: true, force: true });
  await mkdir(sealedDir, { recursive: true });
  for (const [name, text] of sealedTexts) await writeFile(`${sealedDir}/${name}`, text);
  // The plain files were written long before; these just now. Let the disk take them
  // before the clock starts, so the browser's reading is not held up by the writing.
  execFileSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const sealedFiles = sealedTexts.map(([name]) => `${sealedDir}/${name}`);
  console.log(`  ${String(count).padStart(5)} files sealed for the council in Node first (not part of the comparison): ${Math.round(sealing)} ms`);
  const { context, page } = await officerWithCouncilKey(council, backupText, councilPassphrase);
  const sealed = await importAndReport(page, sealedFiles, count, 'sealed files, workspace locked at rest', councilPassphrase);
  await context.close();
  console.log(
    `  ${String(count).padStart(5)} sealed files against plain: import ${times(sealed.imported, plain[count].imported)}, every report ${times(sealed.reported, plain[count].reported)}, both ${times(sealed.imported + sealed.reported, plain[count].imported + plain[count].reported)}`,
  );

  // Locked files, locked here by Node's WebCrypto in 16 KB pieces: first each with its own
  // salt (as members lock before their council's pack has one), so each costs one key
  // derivation (PBKDF2 at 600,000 rounds) in the browser; then all with the council pack's
  // salt, so the batch costs one.
  const lockedCount = 50;
  const lockedDir = 'target/bench-files/100';
  const passphrase = 'Tipton Green ward surgery';
  const names = (await fileNames(lockedDir)).slice(0, lockedCount);
  const councilSalt = crypto.getRandomValues(new Uint8Array(16));
  for (const [label, salt] of [['each with its own salt', undefined], ["with the council pack's salt", councilSalt]]) {
    const files = [];
    for (const name of names) {
      const locked = await lockedFile(JSON.parse(await readFile(`${lockedDir}/${name}`, 'utf8')), passphrase, { salt });
      locked.ciphertext = locked.ciphertext.join('').match(/.{1,16384}/g);
      files.push(asFile(name.replace(/\.json$/, '-locked.json'), locked));
    }
    const { context, page } = await freshOfficer();
    const { imported } = await importTimed(page, files, lockedCount, passphrase);
    console.log(
      `  ${String(lockedCount).padStart(5)} locked files ${label}: chosen to unlocked, imported, saved and listed ${Math.round(imported)} ms (${Math.round(imported / lockedCount)} ms a file)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

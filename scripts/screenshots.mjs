// Takes the README's screenshots with the tests' own Chromium, against the release build
// in dist/: the councillor's home, a survey, the development plan, the officer's reports,
// the council key and a councillor's file for the council, at tablet size (1024 x 768) and phone size (390 x 844). `make screenshots`.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { fillDate, fillFirstNeed } from '../tests/e2e/fixtures.js';
import { asFile, memberFile } from '../tests/e2e/member-files.js';

const port = 4195;
const out = 'docs/screenshots';
const sizes = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } };

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-GB'],
});
await mkdir(out, { recursive: true });

async function councillor(page) {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('Full name').fill('Cllr Amrit Kaur');
  await page.getByLabel('Council', { exact: true }).fill('Sandwell Metropolitan Borough Council');
  await page.getByLabel('Ward or division').fill('Tipton Green');
  await page.getByLabel('Planning committee member').check();
  await page.getByLabel('Committee chair').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { name: 'Welcome, Cllr Amrit Kaur' }).waitFor();
  await page.goto(`http://127.0.0.1:${port}/learning/log/personal-safety`);
  await page.getByLabel('Completed').check();
  await fillDate(page, 'Date completed', '2026-09-17');
  await page.getByLabel('Evidence (optional)').fill('PS-2026-044');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

try {
  for (const [size, viewport] of Object.entries(sizes)) {
    const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await councillor(page);
    await page.screenshot({ path: `${out}/home-${size}.png` });

    await page.getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('link', { name: /Training needs survey/ }).first().click();
    await page.getByRole('button', { name: 'Start survey' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/survey-${size}.png` });

    await page.getByRole('link', { name: 'Development plan' }).first().click();
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    await fillFirstNeed(page);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: `${out}/plan-${size}.png` });
    await context.close();

    const officer = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const desk = await officer.newPage();
    await desk.goto(`http://127.0.0.1:${port}/officer`);
    const files = Array.from({ length: 24 }, (_, i) =>
      asFile(`member-record-${i + 1}.json`, memberFile(i + 1, { surveys: [['2025/26', 2 + (i % 3)], ['2026/27', 3 + (i % 3)]] })),
    );
    await desk.getByLabel("Import members' files").setInputFiles(files);
    await desk.getByText('24 members.').waitFor();
    await desk.getByRole('link', { name: 'Reports' }).click();
    await desk.getByRole('heading', { name: 'Survey results' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: `${out}/officer-reports-${size}.png` });
    await desk.getByRole('link', { name: 'Training matrix' }).click();
    await desk.getByRole('region', { name: 'Training matrix, one row per member' }).waitFor();
    await desk.screenshot({ path: `${out}/training-matrix-${size}.png` });
    await desk.getByRole('link', { name: 'Committee report' }).click();
    await desk.getByRole('heading', { name: 'Take-up by course and provider' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: `${out}/committee-report-${size}.png` });
    await desk.getByRole('link', { name: 'Charter evidence' }).click();
    await desk.getByRole('heading', { name: /^2\. / }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: `${out}/charter-evidence-${size}.png` });

    // The council key, made and backed up; a councillor's file for the council.
    await desk.getByRole('link', { name: 'Council pack' }).click();
    await desk.getByLabel('Council name').fill('Sandwell Metropolitan Borough Council');
    await desk.getByRole('button', { name: 'Start the council pack' }).click();
    await desk.getByLabel('Passphrase for the council key').fill('Tipton Green ward surgery');
    await desk.getByLabel('Type the passphrase again').fill('Tipton Green ward surgery');
    await desk.getByRole('button', { name: 'Create the council key' }).click();
    await desk.getByText('The council key has been made.').waitFor();
    let downloading = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Download the key backup' }).click();
    await downloading;
    downloading = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Export council pack' }).click();
    const pack = await readFile(await (await downloading).path());
    await desk.getByRole('heading', { name: 'Council key' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: `${out}/council-key-${size}.png` });
    // The workspace locked at rest: opened again, it shows only the locked workspace;
    // unlocked, every page offers to lock it.
    await desk.reload();
    await desk.getByRole('heading', { name: 'The workspace is locked' }).waitFor();
    await desk.screenshot({ path: `${out}/workspace-locked-${size}.png` });
    await desk.getByLabel('Passphrase for the council key').fill('Tipton Green ward surgery');
    await desk.getByRole('button', { name: 'Unlock the workspace' }).click();
    await desk.getByRole('link', { name: "Members' files" }).click();
    await desk.getByText('24 members.').waitFor();
    await desk.screenshot({ path: `${out}/workspace-unlocked-${size}.png` });
    await officer.close();

    const tablet = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const member = await tablet.newPage();
    await councillor(member);
    await member.getByRole('link', { name: 'Export and backup' }).click();
    await member.getByLabel('Import council pack').setInputFiles({ name: 'council-pack.json', mimeType: 'application/json', buffer: pack });
    await member.getByRole('button', { name: 'Apply this pack' }).click();
    await member.getByRole('heading', { name: 'Send your record to the council' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await member.screenshot({ path: `${out}/council-file-${size}.png` });
    await tablet.close();
    console.log(`screenshots: ${size} done`);
  }
} finally {
  await browser.close();
  server.kill();
}

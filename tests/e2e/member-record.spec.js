// A councillor's record, end to end: set up, kept through reloads and tabs and a full
// storage, exported, restored on another device, and protected from bad files.
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, expectAccessible, openApp, setUpProfile, fillDate } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { badFiles, deniedWords, jargonIn } from './bad-files.js';

const RECORD_KEY = 'mdr.v1.record';

async function storedRecord(page) {
  return page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
}

test('a councillor sets up their profile, and it survives a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your record');
  await expect(page.getByRole('link', { name: 'Export and backup' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Your profile' })).toHaveCount(0);
  await expectAccessible(page, 'the first-run form');

  await page.getByLabel('Full name').fill('Cllr Amrit Kaur');
  await page.getByLabel('Council', { exact: true }).fill('Sandwell Metropolitan Borough Council');
  await page.getByLabel('Ward or division').fill('Tipton Green');
  await page.getByLabel('Licensing committee member').check();
  await page.getByLabel('Planning committee member').check();
  await fillDate(page, 'Date elected (optional)', '2021-05-06');
  await page.reload();

  await expect(page.getByLabel('Full name')).toHaveValue('Cllr Amrit Kaur');
  await expect(page.getByLabel('Ward or division')).toHaveValue('Tipton Green');
  await expect(page.getByLabel('Licensing committee member')).toBeChecked();
  const elected = page.getByRole('group', { name: 'Date elected (optional)' });
  await expect(elected.getByLabel('Day')).toHaveValue('6');
  await expect(elected.getByLabel('Month')).toHaveValue('5');
  await expect(elected.getByLabel('Year')).toHaveValue('2021');

  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');
  await expect(page.getByText('Licensing committee member, Planning committee member')).toBeVisible();
  await expect(page.getByText('6 May 2021')).toBeVisible();
  await expectAccessible(page, 'home after set-up');

  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await page.getByLabel('Standards committee member').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await expectAccessible(page, 'the profile page');
  await page.reload();
  await expect(page.getByLabel('Standards committee member')).toBeChecked();
});

test('the last keystroke before a reload is kept', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Full name').click();
  await page.keyboard.type('Cllr Bernadette O’Neill');
  const started = Date.now();
  await page.reload();
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page.getByLabel('Full name')).toHaveValue('Cllr Bernadette O’Neill');
});

test('a date typed part-way is kept through a reload, until it makes a date', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Your profile' }).click();
  const elected = page.getByRole('group', { name: 'Date elected (optional)' });
  await elected.getByLabel('Day').fill('6');
  await elected.getByLabel('Month').fill('5');
  await page.reload();
  await expect(elected.getByLabel('Day')).toHaveValue('6');
  await expect(elected.getByLabel('Month')).toHaveValue('5');
  await expect(elected.getByLabel('Year')).toHaveValue('');

  await elected.getByLabel('Year').fill('2021');
  await page.reload();
  await expect(elected.getByLabel('Year')).toHaveValue('2021');
  const saved = async () => JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record'))).record.profile.date_elected;
  expect(await saved()).toBe('2021-05-06');
  expect(await page.evaluate(() => localStorage.getItem('mdr.v1.draft.dates')), 'nothing part-typed is left').toBeNull();

  // Retyping a saved date: the boxes not yet retyped come back too.
  await elected.getByLabel('Day').fill('');
  await page.reload();
  await expect(elected.getByLabel('Day')).toHaveValue('');
  await expect(elected.getByLabel('Month')).toHaveValue('5');
  await expect(elected.getByLabel('Year')).toHaveValue('2021');
  await elected.getByLabel('Day').fill('16');
  await expect.poll(saved).toBe('2021-05-16');

  // A form left with Cancel leaves no part-typed date behind for next time.
  await page.goto('/learning/add');
  const started = page.getByRole('group', { name: 'Start date (optional)' });
  await started.getByLabel('Day').fill('3');
  await page.reload();
  await expect(started.getByLabel('Day')).toHaveValue('3');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.goto('/learning/add');
  await expect(started.getByLabel('Day')).toHaveValue('');
  await expectAccessible(page, 'a new activity after one was cancelled');
});

test('missing answers are listed at the top and each link leads to its field', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Full name').fill('Cllr Joan Whitfield');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the name of your council',
    'Enter your ward or division',
    'Select at least one role',
  ]);
  await expectAccessible(page, 'the form with errors');
  await summary.getByRole('link', { name: 'Enter your ward or division' }).click();
  await expect(page.getByLabel('Ward or division')).toBeFocused();
  await summary.getByRole('link', { name: 'Select at least one role' }).click();
  await expect(page.getByLabel('Leader', { exact: true })).toBeFocused();
});

test('a councillor exports their record and restores it on a new device', async ({ page, browser }) => {
  const profile = await setUpProfile(page, { roles: ['Cabinet member', 'Scrutiny committee member'] });
  await page.getByRole('link', { name: 'Learning record' }).click();
  await page.getByRole('link', { name: 'Log it Code of Conduct' }).click();
  await page.getByLabel('Evidence (optional)').fill('Booked for January');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByText('Evidence: Booked for January')).toBeVisible();
  await page.getByRole('link', { name: 'Export and backup' }).click();
  await expectAccessible(page, 'export and backup');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my record' }).click();
  const download = await downloading;
  const today = new Date().toISOString().slice(0, 10);
  expect(download.suggestedFilename()).toBe(`member-record-cllr-amrit-kaur-${today}.json`);
  const text = await readFile(await download.path(), 'utf8');
  const exported = JSON.parse(text);

  const schema = JSON.parse(await readFile('dist/schema/member-record.schema.json', 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const valid = ajv.validate(schema, exported);
  expect(ajv.errors ?? [], 'the export matches the published schema').toEqual([]);
  expect(valid).toBe(true);
  expect(exported.format).toBe('member-development-record');
  expect(exported.revision).toBeGreaterThan(0);
  expect(exported.member_id).toBe(exported.record.member_id);
  await expect(page.getByText(`Your record was saved as ${download.suggestedFilename()}`)).toBeVisible();

  // A new tablet: a fresh browser with nothing stored.
  const tablet = await browser.newContext();
  const fresh = await tablet.newPage();
  await openApp(fresh, '/backup');
  await fresh.getByLabel('Restore from a file').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const preview = fresh.getByRole('heading', { name: 'Check this is the right file' });
  await expect(preview).toBeVisible();
  await expect(fresh.getByText(profile.council)).toBeVisible();
  await expectAccessible(fresh, 'the restore preview');
  expect(await storedRecord(fresh), 'nothing is stored before the councillor confirms').toBeNull();
  await fresh.getByRole('button', { name: 'Restore this record' }).click();
  await expect(fresh.getByText(`Record restored. Welcome back, ${profile.name}.`)).toBeVisible();

  await fresh.getByRole('link', { name: 'Your profile' }).click();
  await expect(fresh.getByLabel('Full name')).toHaveValue(profile.name);
  await expect(fresh.getByLabel('Council', { exact: true })).toHaveValue(profile.council);
  await expect(fresh.getByLabel('Ward or division')).toHaveValue(profile.ward);
  await expect(fresh.getByLabel('Cabinet member')).toBeChecked();
  await expect(fresh.getByLabel('Scrutiny committee member')).toBeChecked();
  await expect(fresh.getByLabel('Leader', { exact: true })).not.toBeChecked();
  await fresh.getByRole('link', { name: 'Learning record' }).click();
  await expect(fresh.getByText('Evidence: Booked for January')).toBeVisible();
  const restored = JSON.parse(await storedRecord(fresh));
  expect(restored.record).toEqual(exported.record);
  expect(restored.revision).toBeGreaterThan(exported.revision);
  await tablet.close();
});

test('a truncated backup is refused by name, and the record is unchanged', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const before = await storedRecord(page);
  const cut = before.slice(0, Math.floor(before.length / 2));
  await page.getByLabel('Restore from a file').setInputFiles({
    name: 'member-record-cut-short.json',
    mimeType: 'application/json',
    buffer: Buffer.from(cut),
  });
  const error = page.getByRole('alert').filter({ hasText: 'member-record-cut-short.json' });
  await expect(error).toContainText('incomplete');
  await expect(page.getByRole('button', { name: 'Restore this record' })).toHaveCount(0);
  await expectAccessible(page, 'a refused file');

  await page.getByLabel('Restore from a file').setInputFiles({
    name: 'minutes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7 not a record'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'minutes.pdf' })).toContainText(
    'not a Member Development Record file',
  );
  expect(await storedRecord(page)).toBe(before);
});

test('every kind of bad backup is refused by name, in plain words, and the record is unchanged', async ({ page }) => {
  const files = await badFiles('member');
  const denied = await deniedWords();
  expect(files.length).toBeGreaterThanOrEqual(25);
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const before = await storedRecord(page);
  for (const file of files) {
    await page.getByLabel('Restore from a file').setInputFiles(file);
    const problem = page.getByRole('alert').filter({ hasText: `“${file.name}” cannot be restored.` });
    await expect(problem, file.name).toBeVisible();
    const text = await problem.innerText();
    expect(jargonIn(text, denied), `${file.name}: ${text}`).toEqual([]);
    expect(text.toLowerCase(), `${file.name}: only an officer asks the member`).not.toContain('ask the member');
    expect(text, `${file.name}: advice for the councillor`).toMatch(
      /Export the record again from the app on the device that holds it|Check that you chose the right file|Update the app on this device|passphrase you chose/,
    );
    await expect(page.getByRole('button', { name: 'Restore this record' })).toHaveCount(0);
    await expect(page.getByLabel('Passphrase for this file')).toHaveCount(0);
  }
  expect(await storedRecord(page), 'no bad file changed the record').toBe(before);
  await page.reload();
  expect(await storedRecord(page)).toBe(before);
});

test('two tabs never write a stale copy over each other', async ({ page, context }) => {
  await setUpProfile(page);
  const second = await context.newPage();
  await openApp(second, '/profile');

  await page.getByRole('link', { name: 'Your profile' }).click();
  await page.getByLabel('Ward or division').fill('Princes End');
  await expect(second.getByLabel('Ward or division')).toHaveValue('Princes End');

  await second.getByLabel('Political group (optional)').fill('Independent Group');
  await expect(page.getByLabel('Political group (optional)')).toHaveValue('Independent Group');
  await page.reload();
  await expect(page.getByLabel('Ward or division')).toHaveValue('Princes End');
  await expect(page.getByLabel('Political group (optional)')).toHaveValue('Independent Group');
});

test('a full storage warns, keeps the change, and saves it once there is room', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Your profile' }).click();
  const fillers = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    const keys = [];
    for (;;) {
      try {
        localStorage.setItem(`filler-${keys.length}`, chunk);
        keys.push(`filler-${keys.length}`);
      } catch {
        if (chunk.length <= 16) return keys;
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await page.getByLabel('Ward or division').fill('Great Bridge, and the streets around the canal basin'.repeat(3));
  const warning = page.getByRole('alert').filter({ hasText: 'not saved yet' });
  await expect(warning).toContainText('storage is full');
  await expectAccessible(page, 'the storage-full warning');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(warning, 'the warning lasts across pages').toBeVisible();

  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers);
  await expect(warning).toHaveCount(0, { timeout: 10_000 });
  await page.reload();
  await expect(page.getByText('Great Bridge, and the streets')).toBeVisible();
});

test('data saved by a newer version of the app is refused and left untouched', async ({ page }) => {
  await openApp(page);
  const newer = JSON.stringify({ format: 'member-development-record', schema_version: 99, record: {} });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, newer]);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your record could not be opened' });
  await expect(alert).toContainText('newer version of the app');
  await expectAccessible(page, 'the newer-data message');
  // No set-up form is offered: what was typed there could not be kept.
  await expect(page.getByLabel('Full name')).toHaveCount(0);
  // Leaving the page saves at once whatever is waiting: nothing is, and nothing is written.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await storedRecord(page)).toBe(newer);

  await page.getByRole('link', { name: 'Export and backup' }).first().click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the saved data' }).click();
  const rescued = await readFile(await (await downloading).path(), 'utf8');
  expect(rescued).toBe(newer);
  await expectAccessible(page, 'the rescue page');
});

test('a record saved by an older version of the app opens upgraded', async ({ page }) => {
  await openApp(page);
  const older = await readFile('crates/domain/tests/fixtures/member-record-v1.json', 'utf8');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, older]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Joan Whitfield');
  await expect(page.getByText('Cabinet member, Scrutiny committee member')).toBeVisible();
  const kept = await page.evaluate(() => localStorage.getItem('mdr.v1.record.before-upgrade-from-v1'));
  expect(kept).toBe(older);
});

test("a tablet handed on: restoring another councillor's record says so first, then replaces it", async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const theirs = memberFile(12, { name: 'Cllr Joan Whitfield' });
  await page.getByLabel('Restore from a file').setInputFiles(asFile('member-record-cllr-joan-whitfield.json', theirs));
  await expect(page.getByText('It belongs to someone else, so it will replace the record of Cllr Amrit Kaur on this device.')).toBeVisible();
  await expectAccessible(page, "the preview of another councillor's record");
  expect(JSON.parse(await storedRecord(page)).record.profile.full_name, 'nothing changes before confirming').toBe('Cllr Amrit Kaur');
  await page.getByRole('button', { name: 'Restore this record' }).click();
  await expect(page.getByText('Record restored. Welcome back, Cllr Joan Whitfield.')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Joan Whitfield');
  const stored = JSON.parse(await storedRecord(page));
  expect(stored.member_id).toBe(theirs.member_id);
  expect(stored.record.learning.map((a) => a.evidence)).toEqual(['CERT-12']);
});

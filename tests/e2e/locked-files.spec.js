// Records that travel locked with a passphrase: a councillor locks an export and opens it
// on a new tablet; the officer opens a batch with one passphrase. A wrong passphrase, a
// changed byte or a changed header is refused, and changes nothing.
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asFile, lockedFile, memberFile, tampered } from './member-files.js';

const PASSPHRASE = 'Tipton Green surgery 2026';

async function storedRecord(page) {
  return page.evaluate(() => localStorage.getItem('mdr.v1.record'));
}

test('a councillor locks an export with a passphrase and opens it on a new tablet', async ({ page, browser }) => {
  const profile = await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();

  await page.getByLabel('Passphrase (optional)').fill('short');
  await page.getByRole('button', { name: 'Export my record' }).click();
  await expect(page.getByText('Enter a passphrase of at least 8 characters')).toBeVisible();
  await expectAccessible(page, 'a passphrase too short');

  await page.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my record' }).click();
  const download = await downloading;
  expect(download.suggestedFilename(), 'a locked file is named by the member id, never the name').toMatch(/^member-record-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-locked\.json$/);
  await expect(page.getByText('Your record was locked with your passphrase')).toBeVisible();
  const text = await readFile(await download.path(), 'utf8');
  for (const secret of [profile.name, 'Amrit', profile.ward, profile.council]) {
    expect(text, `“${secret}” is only inside the ciphertext`).not.toContain(secret);
  }
  const locked = JSON.parse(text);
  expect(locked).toMatchObject({
    format: 'member-development-record',
    schema_version: 6,
    encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-HMAC-SHA256', iterations: 600000 },
  });
  expect(locked.revision).toBeGreaterThan(0);
  const schema = JSON.parse(await readFile('dist/schema/member-record.schema.json', 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.validate(schema, locked);
  expect(ajv.errors ?? [], 'the locked export matches the published schema').toEqual([]);

  const tablet = await browser.newContext();
  const fresh = await tablet.newPage();
  await openApp(fresh, '/backup');
  const choose = (name, value) => fresh.getByLabel('Restore from a file').setInputFiles(asFile(name, value));
  const unlock = async (passphrase) => {
    await fresh.getByLabel('Passphrase for this file').fill(passphrase);
    await fresh.getByRole('button', { name: 'Unlock the file' }).click();
  };

  await choose(download.suggestedFilename(), text);
  await expect(fresh.getByRole('heading', { name: 'This file is locked' })).toBeVisible();
  await expectAccessible(fresh, 'a locked file waiting for its passphrase');
  await unlock('Tipton Green surgery 2025');
  await expect(
    fresh.getByText(`“${download.suggestedFilename()}” cannot be restored. This file could not be unlocked`),
  ).toBeVisible();
  await expectAccessible(fresh, 'a wrong passphrase');
  expect(await storedRecord(fresh), 'a wrong passphrase changes nothing').toBeNull();

  for (const [what, changed] of [
    ['a changed byte', tampered(locked)],
    ['a changed revision', { ...locked, revision: locked.revision + 1 }],
    ['a changed export time', { ...locked, exported_at: '2020-01-01T00:00:00Z' }],
  ]) {
    await choose('changed.json', changed);
    await unlock(PASSPHRASE);
    await expect(fresh.getByText('“changed.json” cannot be restored. This file could not be unlocked'), what).toBeVisible();
    expect(await storedRecord(fresh), `${what} changes nothing`).toBeNull();
  }

  await choose(download.suggestedFilename(), text);
  await unlock(PASSPHRASE);
  await expect(fresh.getByRole('heading', { name: 'Check this is the right file' })).toBeVisible();
  await expect(fresh.getByText(profile.council)).toBeVisible();
  await fresh.getByRole('button', { name: 'Restore this record' }).click();
  await expect(fresh.getByText(`Record restored. Welcome back, ${profile.name}.`)).toBeVisible();
  expect(JSON.parse(await storedRecord(fresh)).member_id).toBe(locked.member_id);
  await tablet.close();
});

test('an officer opens a batch of locked files with one passphrase', async ({ page }) => {
  const files = [
    asFile('member-record-member-1-locked.json', await lockedFile(memberFile(1), PASSPHRASE)),
    asFile('member-record-member-2-locked.json', await lockedFile(memberFile(2), PASSPHRASE)),
    asFile('member-record-member-3-locked.json', await lockedFile(memberFile(3), PASSPHRASE)),
    asFile('member-record-member-4.json', memberFile(4)),
    asFile('other-passphrase.json', await lockedFile(memberFile(5), 'Another passphrase entirely')),
    asFile('changed-on-the-way.json', tampered(await lockedFile(memberFile(6), PASSPHRASE))),
  ];
  await openApp(page, '/officer');
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  const row = (file) => results.getByRole('row').filter({ hasText: file });

  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: '6 files' })).toHaveText(
    '6 files: 1 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 5 refused.',
  );
  await expect(row('member-record-member-1-locked.json')).toContainText('locked with a passphrase');
  await expect(page.getByText('1 member.')).toBeVisible();

  await page.getByLabel('Passphrase for locked files (optional)').fill(PASSPHRASE);
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: '6 files' })).toHaveText(
    '6 files: 3 accepted, 0 updated, 0 merged, 1 unchanged, 0 older, 2 refused.',
  );
  await expect(row('member-record-member-2-locked.json')).toContainText('Accepted');
  await expect(row('other-passphrase.json')).toContainText('could not be unlocked');
  await expect(row('changed-on-the-way.json')).toContainText('could not be unlocked');
  await expect(page.getByText('4 members.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Cllr Member 3', exact: true })).toBeVisible();
  await expectAccessible(page, 'a batch of locked files imported');
});

test("members lock files with their council pack's salt, and the officer opens the batch with one key", async ({ browser }) => {
  // The officer starts and publishes the council's pack: it carries the council's salt.
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await openApp(officer, '/officer/pack');
  await officer.getByLabel('Council name').fill('Sandwell Metropolitan Borough Council');
  await officer.getByRole('button', { name: 'Start the council pack' }).click();
  const publishing = officer.waitForEvent('download');
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  const packFile = await publishing;
  const packText = await readFile(await packFile.path(), 'utf8');
  const salt = JSON.parse(packText).locking_salt;
  expect(salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);

  // Two councillors apply it on their own tablets, then export locked with the agreed passphrase.
  const exports = [];
  for (const name of ['Cllr Amrit Kaur', 'Cllr Siân Pritchard']) {
    const tablet = await browser.newContext();
    const page = await tablet.newPage();
    await setUpProfile(page, { name });
    await page.getByRole('link', { name: 'Export and backup' }).click();
    await page.getByLabel('Import council pack').setInputFiles(asFile(packFile.suggestedFilename(), packText));
    await page.getByRole('button', { name: 'Apply this pack' }).click();
    await expect(page.getByText('is now in use.')).toBeVisible();
    await page.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my record' }).click();
    const download = await downloading;
    const locked = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(locked.encryption.salt, "locked with the council's salt").toBe(salt);
    exports.push(asFile(download.suggestedFilename(), locked));
    await tablet.close();
  }
  const [first, second] = exports.map((file) => JSON.parse(file.buffer.toString()));
  expect(first.encryption.nonce, 'each file has its own nonce').not.toBe(second.encryption.nonce);

  // The officer's batch opens with the one passphrase; a wrong one is refused for both.
  await officer.getByRole('link', { name: "Members' files" }).click();
  await officer.getByLabel('Passphrase for locked files (optional)').fill('Tipton Green surgery 2025');
  await officer.getByLabel("Import members' files").setInputFiles(exports);
  await expect(officer.getByRole('status').filter({ hasText: '2 files' })).toHaveText(
    '2 files: 0 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 2 refused.',
  );
  await officer.getByLabel('Passphrase for locked files (optional)').fill(PASSPHRASE);
  await officer.getByLabel("Import members' files").setInputFiles(exports);
  await expect(officer.getByRole('status').filter({ hasText: '2 files' })).toHaveText(
    '2 files: 2 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 0 refused.',
  );
  await expect(officer.getByRole('rowheader', { name: 'Cllr Siân Pritchard', exact: true })).toBeVisible();
  await expectAccessible(officer, 'a batch locked with the council pack opened');
  await laptop.close();
});

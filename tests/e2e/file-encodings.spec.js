// A file another program has re-saved in another encoding: a Windows editor's Latin-1
// ("ANSI") or UTF-16 ("Unicode"). Read as UTF-8 its accents would be changed for good
// ("Cllr Zoë Brontë" stored as "Cllr Zo� Bront�"), so on every way in (the officer's
// import, a councillor's restore and pack import) it is refused with the file's name
// and the reason, and nothing is stored. UTF-8 with a byte order mark is read as UTF-8.
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asEncodedFile, asFile, memberFile, packFile } from './member-files.js';

const NOT_UTF8 = 'This file is not saved as UTF-8 text, the only kind the app reads';

async function storedRecord(page) {
  return page.evaluate(() => localStorage.getItem('mdr.v1.record'));
}

test('an officer importing a file re-saved in Latin-1 or UTF-16 is told which, and nothing of it is stored', async ({ page }) => {
  const files = [
    asFile('member-record-cllr-member-1.json', memberFile(1)),
    asEncodedFile('member-record-cllr-zoe-bronte.json', memberFile(2, { name: 'Cllr Zoë Brontë' }), 'latin1'),
    asEncodedFile('member-record-cllr-sian-jones.json', memberFile(3, { name: 'Cllr Siân Jones' }), 'utf16'),
    asEncodedFile('member-record-cllr-sian-pritchard.json', memberFile(4, { name: 'Cllr Siân Pritchard' }), 'utf8-bom'),
  ];
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: '4 files' })).toHaveText(
    '4 files: 2 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 2 refused.',
  );
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  const row = (file) => results.getByRole('row').filter({ hasText: file });
  await expect(row('member-record-cllr-zoe-bronte.json')).toContainText('Refused');
  await expect(row('member-record-cllr-zoe-bronte.json')).toContainText(NOT_UTF8);
  await expect(row('member-record-cllr-zoe-bronte.json')).toContainText('re-saved it in another encoding');
  await expect(row('member-record-cllr-sian-jones.json')).toContainText('it is saved as UTF-16');
  await expect(row('member-record-cllr-sian-pritchard.json')).toContainText('Accepted');
  await expectAccessible(page, 'files refused for their encoding');

  const held = page.getByRole('region', { name: 'Members held' });
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 1', 'Cllr Siân Pritchard']);
  await page.reload();
  await expect(page.getByText('2 members.')).toBeVisible();
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 1', 'Cllr Siân Pritchard']);
  await expect(page.getByText(/\uFFFD/)).toHaveCount(0);
});

test('a councillor restoring a backup re-saved in Latin-1 is told why, and their record is untouched', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const before = await storedRecord(page);
  const backup = memberFile(2, { name: 'Cllr Zoë Brontë' });

  await page.getByLabel('Restore from a file').setInputFiles(asEncodedFile('member-record-cllr-zoe-bronte.json', backup, 'latin1'));
  const problem = page.getByRole('alert').filter({ hasText: 'cannot be restored' });
  await expect(problem).toContainText(`“member-record-cllr-zoe-bronte.json” cannot be restored. ${NOT_UTF8}`);
  await expect(problem).toContainText('Export the record again from the app');
  await expect(page.getByRole('button', { name: 'Restore this record' })).toHaveCount(0);
  await expectAccessible(page, 'a backup refused for its encoding');
  expect(await storedRecord(page)).toBe(before);

  await page.getByLabel('Restore from a file').setInputFiles(asEncodedFile('member-record-cllr-zoe-bronte.json', backup, 'utf16'));
  await expect(problem).toContainText('it is saved as UTF-16');
  expect(await storedRecord(page)).toBe(before);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await storedRecord(page)).toBe(before);
});

test('a councillor importing a council pack re-saved in Latin-1 is told to ask for it again, and keeps the pack they use', async ({ page }) => {
  await setUpProfile(page, { council: 'Cyngor Sir Ynys Môn' });
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const before = await storedRecord(page);
  const builtIn = page.getByText("You are using the app's built-in catalogue and surveys.");
  await expect(builtIn).toBeVisible();

  await page.getByLabel('Import council pack').setInputFiles(asEncodedFile('council-pack-ynys-mon-v1.json', packFile(), 'latin1'));
  const problem = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
  await expect(problem).toContainText(
    '“council-pack-ynys-mon-v1.json” cannot be imported. The council pack is not saved as UTF-8 text, the only kind the app reads',
  );
  await expect(problem).toContainText('Ask your member development officer to send the pack again.');
  await expect(page.getByRole('button', { name: 'Apply this pack' })).toHaveCount(0);
  await expectAccessible(page, 'a pack refused for its encoding');
  await expect(builtIn).toBeVisible();
  expect(await storedRecord(page)).toBe(before);

  // The same pack as the app writes it, with a byte order mark in front, is read.
  await page.getByLabel('Import council pack').setInputFiles(asEncodedFile('council-pack-ynys-mon-v1.json', packFile(), 'utf8-bom'));
  await expect(page.getByRole('heading', { name: "Cyngor Sir Ynys Môn's pack, version 1" })).toBeVisible();
  await expect(problem).toHaveCount(0);
});

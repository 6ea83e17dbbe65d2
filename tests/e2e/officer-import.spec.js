// An officer imports fifty members' files and five bad ones in one go: a row for each,
// the training audit downloads with fifty members, a second import changes nothing, and
// the workspace is still there after a reload. A batch of over two hundred is saved whole.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { badFiles, deniedWords, jargonIn } from './bad-files.js';

test('an officer imports fifty files and five bad ones, and downloads the training audit', async ({ page }) => {
  const good = Array.from({ length: 50 }, (_, i) => asFile(`member-record-member-${i + 1}.json`, memberFile(i + 1)));
  const whole = JSON.stringify(memberFile(51), null, 2);
  const bad = [
    asFile('cut-short.json', whole.slice(0, whole.length / 2)),
    asFile('attendance.csv', 'Name,Meeting\nCllr A,Full Council\n'),
    asFile('council-pack.json', { format: 'member-development-council-pack', schema_version: 1 }),
    asFile('from-the-future.json', { ...memberFile(52), schema_version: 99 }),
    asFile('impostor.json', memberFile(7, { name: 'Cllr Somebody Else', revision: 9 })),
    asFile('huge.json', `{"format":"member-development-record","padding":"${'x'.repeat(21 * 1024 * 1024)}"}`),
  ];
  await openApp(page, '/officer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
  await expect(page.getByText('No members\' files yet.')).toBeVisible();
  await expectAccessible(page, 'an empty workspace');

  await page.getByLabel("Import members' files").setInputFiles([...good, ...bad]);
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  await expect(results.getByRole('row')).toHaveCount(57);
  await expect(page.getByRole('status').filter({ hasText: '56 files' })).toHaveText(
    '56 files: 50 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 6 refused.',
  );
  const row = (file) => results.getByRole('row').filter({ hasText: file });
  await expect(row('member-record-member-1.json')).toContainText('Accepted');
  await expect(row('cut-short.json')).toContainText('incomplete');
  await expect(row('attendance.csv')).toContainText('not a Member Development Record file');
  await expect(row('council-pack.json')).toContainText("This is a council pack, not a member's record");
  await expect(row('from-the-future.json')).toContainText('newer version of the app');
  await expect(row('impostor.json')).toContainText('different name (Cllr Somebody Else)');
  await expect(row('huge.json')).toContainText('larger than any member record can be');
  await expect(page.getByText('50 members.')).toBeVisible();
  await expectAccessible(page, 'the import results');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download training audit (CSV)' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Member,Council,Ward or division,Course,Provider,Status,Completed on,Hours,Evidence');
  const members = new Set(lines.slice(1).map((l) => l.split(',')[0]));
  expect(members.size).toBe(50);
  expect(lines).toContain('Cllr Member 7,Sandwell Metropolitan Borough Council,Ward 8,Code of Conduct,Monitoring Officer,Completed,2026-10-01,2,CERT-7');

  await page.getByLabel("Import members' files").setInputFiles(good);
  await expect(page.getByRole('status').filter({ hasText: '50 files' })).toHaveText(
    '50 files: 0 accepted, 0 updated, 0 merged, 50 unchanged, 0 older, 0 refused.',
  );

  await page.reload();
  await expect(page.getByText('50 members.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Cllr Member 7', exact: true })).toBeVisible();
  // Removing asks first, in the app's own words, not the browser's pop-up.
  let popups = 0;
  page.on('dialog', (dialog) => { popups += 1; dialog.dismiss(); });
  await page.getByRole('button', { name: 'Remove Cllr Member 7', exact: true }).click();
  const asking = page.getByRole('group', { name: 'Remove Cllr Member 7?' });
  await expect(asking).toBeFocused();
  await expect(asking).toContainText('importing their file again brings them back');
  await expectAccessible(page, 'the question before removing a member');
  await asking.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('50 members.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove Cllr Member 7', exact: true }).click();
  await page.getByRole('button', { name: 'Remove this member' }).click();
  await expect(page.getByText('49 members.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('49 members.')).toBeVisible();
  // The members list says when each record last changed, never a revision number.
  await expect(page.getByRole('columnheader', { name: 'Last changed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Members held' }).first()).not.toContainText('Revision');

  await page.getByRole('button', { name: 'Clear the workspace' }).click();
  await expect(page.getByRole('group', { name: 'Clear the workspace?' })).toBeFocused();
  await page.getByRole('button', { name: "Remove every member's file" }).click();
  await expect(page.getByText("No members' files yet.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No members' files yet.")).toBeVisible();
  // With nobody held, the training audit says what it will show, and offers no download.
  await expect(page.getByText("Once members' files are imported, the training they have received is listed here")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download training audit (CSV)' })).toHaveCount(0);
  expect(popups, 'no browser pop-up').toBe(0);
});

test('the reports show what the files hold, and imported text is only ever text', async ({ page }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  const answered = Array.from({ length: 6 }, (_, i) =>
    asFile(`member-record-member-${10 + i}.json`, memberFile(10 + i, { surveys: [['2025/26', 2], ['2026/27', 4]] })),
  );
  const files = [
    ...answered,
    asFile('member-record-member-1.json', memberFile(1)),
    asFile('member-record-member-2.json', memberFile(2, { name: hostile })),
    asFile('member-record-member-3.json', memberFile(3, { name: '=HYPERLINK("http://example.invalid","x")' })),
  ];
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText('9 members.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: hostile })).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);

  await page.getByRole('link', { name: 'Reports' }).click();
  const compliance = page.getByRole('region', { name: 'Mandatory compliance' });
  await expect(compliance.getByRole('row').filter({ hasText: hostile }).first()).toContainText('Not done');
  // Elected in 2021, so past the induction's first year: only safeguarding is not done.
  await expect(compliance.getByRole('row').filter({ hasText: /Cllr Member 1(?!\d)/ })).toHaveCount(1);
  const chart = page.getByRole('figure').filter({ hasText: 'How well do you understand the role of the Standards Committee?' });
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /6 respondents in 2025\/26, 6 in 2026\/27; mean 2.00 then 4.00/);
  await expect(chart.getByRole('row', { name: /^Mean/ })).toHaveText(/Mean\s*2\.00\s*4\.00/);
  const groups = page.getByRole('region', { name: 'Survey results by political group' });
  await expect(groups.getByRole('row').filter({ hasText: 'role of the Standards Committee' })).toContainText('Not given64.00');
  await expectAccessible(page, 'the reports');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download mandatory compliance (CSV)' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  expect(csv.startsWith('\uFEFFRole,Member,Course,Status,Due on\r\n')).toBe(true);
  expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  expect(csv).toContain(`All members,${hostile},Safeguarding children and adults at risk,Not done,`);
  expect(csv).not.toContain('Induction for newly elected members');
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs, 'no script from a file ever ran').toBe(0);
});

test('with more members than fit, a search finds the one the officer wants', async ({ page }) => {
  const files = Array.from({ length: 60 }, (_, i) => asFile(`member-record-member-${i + 1}.json`, memberFile(i + 1)));
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText('60 members.')).toBeVisible();
  const held = page.getByRole('region', { name: 'Members held' });
  await expect(held.getByRole('rowheader')).toHaveCount(50);
  // In the order an officer reads names: numbers by value, so members 1 to 50 are shown.
  await expect(held.getByRole('rowheader').nth(1)).toHaveText('Cllr Member 2');
  await expect(held.getByRole('rowheader').last()).toHaveText('Cllr Member 50');
  await expect(page.getByText('Showing 50 of 60: search to find the others.')).toBeVisible();
  await page.getByLabel('Find a member').fill('member 59');
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 59']);
  // Removing the member found keeps the search as typed.
  await page.getByRole('button', { name: 'Remove Cllr Member 59', exact: true }).click();
  await page.getByRole('button', { name: 'Remove this member' }).click();
  await expect(page.getByText('59 members.')).toBeVisible();
  await expect(page.getByLabel('Find a member')).toHaveValue('member 59');
  await expect(page.getByText('No member matches that search.')).toBeVisible();
  await page.getByLabel('Find a member').fill('ward 24');
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 23', 'Cllr Member 24', 'Cllr Member 47']);
  await page.getByLabel('Find a member').fill('nobody at all');
  await expect(page.getByText('No member matches that search.')).toBeVisible();
  await expectAccessible(page, 'a search that finds nobody');
});

/** A member's later file, as a person tells it apart: changed on 26 Nov, exported on 27 Nov. */
function changedLater(file) {
  file.exported_at = '2026-11-27T10:00:00Z';
  file.record.profile.updated_at = '2026-11-26T10:00:00Z';
  return file;
}

test('a batch of over two hundred files is saved whole, with the files that need a look listed first', async ({ page }) => {
  // 230 members, then member 3 again at a later revision: it lands in a later save than
  // member 3's first file, and the later revision is the one kept.
  const files = Array.from({ length: 230 }, (_, i) => asFile(`member-record-member-${i + 1}.json`, memberFile(i + 1)));
  files.push(asFile('member-record-member-3-newer.json', changedLater(memberFile(3, { revision: 4 }))));
  files.push(asFile('notes.txt', 'Remember to chase the Planning Committee training.'));
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: '232 files' })).toHaveText(
    '232 files: 230 accepted, 1 updated, 0 merged, 0 unchanged, 0 older, 1 refused.',
  );
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  const rows = results.getByRole('row');
  await expect(rows).toHaveCount(201);
  await expect(rows.nth(1)).toContainText('notes.txt');
  await expect(rows.nth(1)).toContainText('Refused');
  await expect(page.getByText('The first 200 results are shown.')).toBeVisible();
  await expectAccessible(page, 'the first 200 of 232 results');
  await page.getByRole('button', { name: 'Show all 232 results' }).click();
  await expect(rows).toHaveCount(233);
  await expect(rows.filter({ hasText: 'member-record-member-3-newer.json' })).toContainText("Cllr Member 3's record updated: this file is newer than the one held.");
  await expect(page.getByRole('button', { name: /Show all/ })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('230 members.')).toBeVisible();
  await page.getByLabel('Find a member').fill('member 3');
  const held = page.getByRole('region', { name: 'Members held' });
  const member3 = held.getByRole('row').filter({ hasText: /Cllr Member 3(?!\d)/ });
  await expect(member3.getByRole('cell').nth(2), 'the later revision was saved').toHaveText('26 Nov 2026');
  await page.getByLabel('Find a member').fill('member 230');
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 230']);
});

test('a device that runs out of room part-way through an import says how many members were not saved, and loses nothing held', async ({ page }) => {
  const files = (from, to) =>
    Array.from({ length: to - from + 1 }, (_, i) => asFile(`member-record-member-${from + i}.json`, memberFile(from + i)));
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files(1, 20));
  await expect(page.getByText('20 members.')).toBeVisible();

  // The browser's storage takes the next hundred members, then refuses, as a full disk does.
  await page.evaluate(() => {
    let room = 100;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (room-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  // Member 21 is saved in the first hundred, then changed again in the part not saved.
  const batch = [...files(21, 170), asFile('member-record-member-21-newer.json', changedLater(memberFile(21, { revision: 2 })))];
  await page.getByLabel("Import members' files").setInputFiles(batch);
  await expect(page.getByRole('alert')).toHaveText(
    '51 of the 150 members this import added or changed could not be saved on this device, so those changes will be gone when this page closes. ' +
      "This device's storage is full. Free some space, or remove members you no longer need, and try again.",
  );
  await expectAccessible(page, 'an import the device had no room for');

  await page.reload();
  await expect(page.getByText('120 members.')).toBeVisible();
  await page.getByLabel('Find a member').fill('member 1');
  const held = page.getByRole('region', { name: 'Members held' });
  await expect(held.getByRole('rowheader').filter({ hasText: /^Cllr Member 1$/ })).toHaveCount(1);
  await page.getByLabel('Find a member').fill('member 120');
  await expect(held.getByRole('rowheader')).toHaveText(['Cllr Member 120']);
  await page.getByLabel('Find a member').fill('member 121');
  await expect(page.getByText('No member matches that search.')).toBeVisible();
  await page.getByLabel('Find a member').fill('member 21');
  const member21 = held.getByRole('row').filter({ hasText: /Cllr Member 21(?!\d)/ });
  await expect(member21.getByRole('cell').nth(2), 'the revision that was saved').toHaveText('20 Nov 2026');

  // With room again, the same files bring the rest in.
  await page.getByLabel("Import members' files").setInputFiles(batch);
  await expect(page.getByText('170 members.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '151 files' })).toHaveText(
    '151 files: 50 accepted, 1 updated, 0 merged, 100 unchanged, 0 older, 0 refused.',
  );
});

test('when the browser will not keep the workspace, an import says so rather than seeming saved', async ({ page }) => {
  // As private browsing or blocked site data can do: IndexedDB refuses to open.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await openApp(page, '/officer');
  await expect(page.getByRole('alert')).toContainText("The members' files on this device could not be opened.");
  await page.getByLabel("Import members' files").setInputFiles(
    [1, 2, 3].map((n) => asFile(`member-record-member-${n}.json`, memberFile(n))),
  );
  await expect(page.getByRole('alert')).toHaveText(
    '3 of the 3 members this import added or changed could not be saved on this device, so those changes will be gone when this page closes. ' +
      "This browser is not letting the workspace keep members' files (private browsing or blocked site data can do this). What is imported lasts only while this page stays open.",
  );
  await expect(page.getByText('3 members.')).toBeVisible();
  await expectAccessible(page, 'a workspace the browser will not keep');
});

test('an officer imports every kind of bad file: each is refused by name, in plain words, and nothing is held', async ({ page }) => {
  const files = await badFiles('member');
  const denied = await deniedWords();
  expect(files.length).toBeGreaterThanOrEqual(25);
  await openApp(page, '/officer');
  await expect(page.getByText('No members\' files yet.')).toBeVisible();
  await page.getByLabel("Import members' files").setInputFiles(files);
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  await expect(results.getByRole('row')).toHaveCount(files.length + 1);
  await expect(page.getByRole('status').filter({ hasText: `${files.length} files` })).toHaveText(
    `${files.length} files: 0 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, ${files.length} refused.`,
  );
  const refusal = (name) => results.getByRole('row').filter({ hasText: `“${name}” was not imported.` });
  for (const file of files) {
    const row = refusal(file.name);
    await expect(row, file.name).toContainText('Refused');
    const text = await row.innerText();
    expect(jargonIn(text, denied), `${file.name}: ${text}`).toEqual([]);
    expect(text.toLowerCase(), `${file.name}: the officer cannot export the record`).not.toContain('export the record again');
    expect(text, `${file.name}: advice for the officer`).toMatch(
      /Ask the member to export their record again|Check that it is a member's exported file|Update the app on this device|passphrase agreed with the member/,
    );
  }
  await expect(refusal('empty.json')).toContainText('is empty');
  await expect(refusal('hours-not-a-number.json')).toContainText(
    'the hours of an activity in the learning record are not a number',
  );
  await expect(page.getByText('No members\' files yet.'), 'nothing is held').toBeVisible();
  await page.reload();
  await expect(page.getByText('No members\' files yet.'), 'nothing was saved').toBeVisible();
});

// The council pack: an officer adds a course mandatory for Planning committee members and
// publishes; a councillor, in another browser, imports it, sees what changes, applies it,
// and finds the course outstanding; importing the same pack again changes nothing.
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, expectAccessible, openApp, setUpProfile, fillDate } from './fixtures.js';

test('an officer publishes a pack and a councillor applies it without losing anything', async ({ page, browser }) => {
  // The officer, on their own laptop, with no councillor profile at all.
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await openApp(officer, '/');
  await officer.getByRole('link', { name: 'Officer workspace' }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
  await officer.getByRole('link', { name: 'Council pack' }).click();
  await expectAccessible(officer, 'the empty officer workspace');
  await officer.getByLabel('Council name').fill('Sandwell Metropolitan Borough Council');
  await officer.getByRole('button', { name: 'Start the council pack' }).click();
  await expect(officer.getByText('Not published yet.')).toBeVisible();
  await officer.getByRole('button', { name: 'Add a course' }).click();
  const course = officer.locator('details[open]');
  await course.getByLabel('Title').fill('Planning enforcement');
  await course.getByLabel('Provider').fill('Planning Services');
  await course.getByLabel('Topic').fill('Planning');
  await course.getByLabel('Description').fill('Enforcement powers, breach of condition notices and when to refer a case.');
  await course.getByLabel('Link or venue (optional)').fill('Council House, Oldbury, Committee Room 2');
  // Money is read in pence and refused with a reason when it is not money.
  await course.getByLabel('Cost per place (£)').fill('ninety');
  await expect(course.getByText('Enter an amount in pounds, for example 75 or 1,950.50')).toBeVisible();
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  const problem = officer.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(problem.getByRole('link')).toHaveText(['Enter an amount in pounds, for example 75 or 1,950.50']);
  await expectAccessible(officer, 'a pack editor holding a cost that is not money');
  await course.getByLabel('Cost per place (£)').fill('£75.50');
  await expect(problem).toHaveCount(0);
  // Roles are labelled by what they are, not by their codes.
  await expect(officer.getByLabel('Name of role 1')).toBeVisible();
  await expect(officer.getByText('(cabinet-member)')).toHaveCount(0);
  await course.getByRole('group', { name: 'Mandatory for' }).getByLabel('Members with these roles').check();
  await course.getByRole('group', { name: 'Roles it is mandatory for' }).getByLabel('Planning committee member').check();
  await officer.getByLabel('Training budget for the year (£)').fill('6500');
  await officer.getByRole('group', { name: 'Surveys to offer' }).getByLabel('Skills self-assessment').uncheck();
  await fillDate(officer.getByRole('group', { name: 'Ethical framework self-assessment' }), 'Opens on (optional)', '2099-01-01');
  await expectAccessible(officer, 'the pack editor');
  await officer.reload();
  await expect(officer.getByText('Planning enforcement')).toBeVisible();

  const downloading = officer.waitForEvent('download');
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('council-pack-sandwell-metropolitan-borough-council-v1.json');
  const packText = await readFile(await download.path(), 'utf8');
  const schema = JSON.parse(await readFile('dist/schema/council-pack.schema.json', 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.validate(schema, JSON.parse(packText));
  const published = JSON.parse(packText);
  expect(published.courses.find((c) => c.title === 'Planning enforcement')).toMatchObject({ cost_pence: 7550 });
  expect(published.courses.find((c) => c.id === 'induction')).toMatchObject({ months_after_election: 12 });
  expect(ajv.errors ?? [], 'the pack matches its published schema').toEqual([]);
  await expect(officer.getByText('Version 1 published')).toBeVisible();
  expect(await officer.evaluate(() => localStorage.getItem('mdr.v1.record'))).toBeNull();
  await laptop.close();

  // A Planning committee member, on their tablet, with an activity already logged.
  await setUpProfile(page, { roles: ['Planning committee member'] });
  await page.getByRole('link', { name: 'Learning record' }).click();
  await page.getByRole('link', { name: 'Log it Planning committee training' }).click();
  await page.getByLabel('Evidence (optional)').fill('Booked for March');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const pack = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(packText) };
  await page.getByLabel('Import council pack').setInputFiles(pack);
  const preview = page.getByRole('heading', { name: "Sandwell Metropolitan Borough Council's pack, version 1" });
  await expect(preview).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Planning enforcement' })).toBeVisible();
  await expect(page.getByText('Courses added')).toBeVisible();
  await expectAccessible(page, 'the pack preview');
  await page.getByRole('button', { name: 'Apply this pack' }).click();
  await expect(page.getByText("Sandwell Metropolitan Borough Council's pack, version 1, is now in use.")).toBeVisible();

  await page.getByRole('link', { name: 'Home' }).click();
  const due = page.getByRole('region', { name: 'Training due' });
  await expect(due.getByRole('listitem').filter({ hasText: 'Planning enforcement' })).toContainText('Mandatory, not done yet');
  await page.getByRole('link', { name: 'Learning record' }).click();
  await expect(page.getByText('Evidence: Booked for March')).toBeVisible();
  await page.getByRole('region', { name: 'Course catalogue' }).getByLabel('Search courses').fill('enforcement');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Planning enforcement' }) });
  await expect(card).toContainText('Enforcement powers, breach of condition notices');
  await expect(card).toContainText('Where, or how to book: Council House, Oldbury, Committee Room 2');
  await expect(card).toContainText('£75.50');
  await page.getByRole('link', { name: 'Surveys' }).click();
  await expect(page.getByRole('heading', { name: 'Skills self-assessment' })).toHaveCount(0);
  await expect(page.getByText('opens 1 Jan 2099')).toBeVisible();
  await page.getByRole('link', { name: 'Start Ethical framework self-assessment' }).click();
  await expect(page.getByText('This round opens on 1 Jan 2099.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start survey' })).toHaveCount(0);

  const before = await page.evaluate(() => localStorage.getItem('mdr.v1.record'));
  await page.getByRole('link', { name: 'Export and backup' }).click();
  await page.getByLabel('Import council pack').setInputFiles(pack);
  await expect(page.getByRole('status').filter({ hasText: 'which you already use. Nothing has changed.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply this pack' })).toHaveCount(0);
  await expectAccessible(page, 'the same pack again');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record'))).revision).toBe(JSON.parse(before).revision);

  // A pack from another council asks before switching, and keeps what was recorded.
  const dudley = JSON.parse(packText);
  dudley.council = 'Dudley Metropolitan Borough Council';
  await page.getByLabel('Import council pack').setInputFiles({
    name: 'council-pack-dudley-v1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dudley)),
  });
  await expect(page.getByText("This pack is for Dudley Metropolitan Borough Council, but you use Sandwell Metropolitan Borough Council's.")).toBeVisible();
  await expectAccessible(page, "another council's pack");
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record'))).record.pack.council).toBe('Sandwell Metropolitan Borough Council');
  await page.getByLabel('Import council pack').setInputFiles({
    name: 'council-pack-dudley-v1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dudley)),
  });
  await page.getByRole('button', { name: "Switch to Dudley Metropolitan Borough Council's pack" }).click();
  await expect(page.getByText("Dudley Metropolitan Borough Council's pack, version 1, is now in use.")).toBeVisible();
  await page.getByRole('link', { name: 'Learning record' }).click();
  await expect(page.getByText('Evidence: Booked for March')).toBeVisible();
});

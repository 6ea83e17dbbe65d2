// The officer's reports in one Excel workbook, read back by openpyxl (a reader that shares
// no code with the app), and the yearly allowance per member: set in the pack, shown
// against each member's spend in the officer's report, and against the courses a
// councillor asks for in their plan.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Today as the app sees it, ISO, and the municipal year it falls in (`2026/27`). */
function today() {
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const starts = now.getMonth() >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  return { iso, year: `${starts}/${String((starts + 1) % 100).padStart(2, '0')}` };
}

/** A paid course from the built-in catalogue, completed today or planned with no date. */
function place(n, courseId, title, provider, status) {
  return {
    id: uuid(60000 + n),
    course_id: courseId,
    title,
    provider,
    topic: 'Wellbeing and safety',
    format: 'online',
    status,
    start_date: null,
    completed_on: status === 'completed' ? today().iso : null,
    minutes: 120,
    evidence: '',
    evaluation: null,
    updated_at: '2026-11-20T10:00:00Z',
    deleted_at: null,
  };
}

/** Starts the officer's pack for Ynys Môn with an allowance of £120.00 a member. */
async function packWithAllowance(officer) {
  await openApp(officer, '/officer');
  await officer.getByRole('link', { name: 'Council pack' }).click();
  await officer.getByLabel('Council name').fill('Cyngor Sir Ynys Môn');
  await officer.getByRole('button', { name: 'Start the council pack' }).click();
  await officer.getByLabel('Yearly allowance per member (£, optional)').fill('ten pounds');
  await expect(officer.getByText('Enter an amount in pounds, for example 75 or 1,950.50').first()).toBeVisible();
  await expect(officer.getByText('No allowance set')).toBeVisible();
  await officer.getByLabel('Yearly allowance per member (£, optional)').fill('£120');
  await expect(officer.getByText('Saved as £120.00 a member')).toBeVisible();
}

/** Reads the workbook at `path` with openpyxl: every sheet and its first `rows` rows. */
function readWorkbook(path, rows = 40) {
  const read = spawnSync('/usr/bin/python3', ['scripts/read-workbook.py', path, String(rows)], { encoding: 'utf8' });
  expect(read.status, read.stderr).toBe(0);
  return JSON.parse(read.stdout);
}

test('every report downloads as one Excel workbook that openpyxl reads as typed sheets', async ({ page }) => {
  await packWithAllowance(page);
  const sian = memberFile(1, { name: 'Cllr Siân Llŷr-Jones' });
  sian.record.learning.push(
    place(1, 'iact-mental-health', 'I-ACT Managing and Promoting Positive Mental Health and Wellbeing', 'I-ACT', 'completed'),
    place(2, 'presenting-with-impact', 'Presenting with Impact', 'LGiU', 'planned'),
  );
  const formula = memberFile(2, { name: '=HYPERLINK("http://example.com","Click")' });
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByLabel("Import members' files").setInputFiles([
    asFile('member-record-1.json', sian),
    asFile('member-record-2.json', formula),
  ]);
  await expect(page.getByText('2 members.')).toBeVisible();

  await page.getByRole('link', { name: 'Reports' }).click();
  const spend = page.getByRole('region', { name: 'Spend' });
  await expect(spend.getByText(`Against the allowance of £120.00 a member for ${today().year}: 1 member is over it.`)).toBeVisible();
  const sianSpend = spend.getByRole('region', { name: 'Spend per member' }).getByRole('row').filter({ hasText: 'Siân' });
  await expect(sianSpend).toContainText('£75.00');
  await expect(sianSpend).toContainText('£15.00 over');
  await expectAccessible(page, 'the reports with an allowance per member');
  const downloadingCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download spend per member (CSV)' }).click();
  const perMemberCsv = await readFile(await (await downloadingCsv).path(), 'utf8');
  expect(perMemberCsv.split('\r\n')[0]).toBe('\u{feff}Member,Ward or division,Spent,Planned,Allowance,Left');
  expect(perMemberCsv).toContain('Cllr Siân Llŷr-Jones,Ward 2,£75.00,£60.00,£120.00,£15.00 over');

  // The writer is fetched only now, when the officer asks for a workbook.
  const chunk = page.waitForRequest((r) => r.url().endsWith('.wasm'));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all reports (Excel)' }).click();
  await chunk;
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`member-development-reports-${today().iso}.xlsx`);
  await expect(page.getByRole('status').filter({ hasText: 'is downloaded' })).toHaveText(
    `member-development-reports-${today().iso}.xlsx is downloaded: 12 sheets, one for each report.`,
  );
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // openpyxl goes by the file's name: keep it as the browser named it.
  const saved = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const workbook = readWorkbook(saved);
  expect(workbook.title).toBe('Cyngor Sir Ynys Môn: member development reports');
  expect(workbook.sheets.map((s) => s.name)).toEqual([
    'Training audit', 'Training matrix', 'Compliance summary', 'Compliance', 'Needs', 'Survey results',
    'Course evaluation', 'Spend', 'Spend per member', 'Hours', 'Engagement',
    'Charter evidence',
  ]);
  for (const sheet of workbook.sheets) {
    expect(sheet.freeze_panes, `${sheet.name} keeps its headings in view`).toBe('A2');
    expect(sheet.auto_filter, `${sheet.name} has a filter`).toMatch(/^A1:/);
  }
  const sheet = (name) => workbook.sheets.find((s) => s.name === name);
  const cell = (name, value) => sheet(name).cells.find((c) => c.value === value);
  // Names as typed: accents kept, a formula kept as text and never run.
  expect(cell('Training audit', 'Cllr Siân Llŷr-Jones')).toMatchObject({ data_type: 's' });
  expect(cell('Training audit', '=HYPERLINK("http://example.com","Click")')).toMatchObject({ data_type: 's' });
  // Dates as Excel dates, shown the British way.
  const completed = sheet('Training audit').cells.filter((c) => c.data_type === 'd');
  expect(completed.length).toBeGreaterThan(0);
  expect(completed.every((c) => c.number_format === 'dd/mm/yyyy')).toBe(true);
  expect(completed.map((c) => c.value.slice(0, 10))).toContain(today().iso);
  // Money as £ currency; counts as numbers.
  const perMember = sheet('Spend per member');
  const left = perMember.cells.find((c) => c.ref.startsWith('F') && c.value === -15);
  expect(left, 'Siân is £15.00 over her allowance').toMatchObject({ data_type: 'n' });
  expect(left.number_format).toContain('£');
  const places = sheet('Spend').cells.find((c) => c.ref === 'D2');
  expect(places).toMatchObject({ value: 1, data_type: 'n' });
});

test("a councillor's plan shows what the courses they ask for cost against their allowance", async ({ page, browser }) => {
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await packWithAllowance(officer);
  const downloading = officer.waitForEvent('download');
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  const download = await downloading;
  const packText = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(packText).allowance_pence).toBe(12000);
  await laptop.close();

  await setUpProfile(page, { name: 'Cllr Siân Llŷr-Jones', council: 'Cyngor Sir Ynys Môn', ward: 'Aethwy' });
  await page.getByRole('link', { name: 'Export and backup' }).click();
  await page.getByLabel('Import council pack').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(packText) });
  await page.getByRole('button', { name: 'Apply this pack' }).click();
  await expect(page.getByText("Cyngor Sir Ynys Môn's pack, version 1, is now in use.")).toBeVisible();

  await page.getByRole('link', { name: 'Development plan' }).first().click();
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  const requests = page.getByRole('region', { name: 'Courses you would like' });
  const year = today().year;
  await expect(requests.getByText(`Your allowance for courses in ${year} is £120.00. None of the courses asked for so far has a cost.`)).toBeVisible();
  await page.getByLabel('Choose a course from the catalogue').selectOption({ label: 'Presenting with Impact' });
  await page.getByRole('button', { name: 'Request this course' }).click();
  await expect(requests.getByText(`The courses you have asked for cost £60.00 of your £120.00 allowance for ${year}, leaving £60.00.`)).toBeVisible();
  await page.getByLabel('Choose a course from the catalogue').selectOption({ label: 'I-ACT Managing and Promoting Positive Mental Health and Wellbeing' });
  await page.getByRole('button', { name: 'Request this course' }).click();
  const over = `The courses you have asked for cost £135.00, which is £15.00 more than your £120.00 allowance for ${year}. The member development officer can say which to take first.`;
  await expect(requests.getByText(over)).toBeVisible();
  await expectAccessible(page, 'a plan whose courses cost more than the allowance');
  // Kept with the plan: the same after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Courses you would like' }).getByText(over)).toBeVisible();
});

// The training matrix: every member held a row, the council's courses across, each cell
// the completion date or due, overdue, planned, in progress or blank; filtered by a
// committee and to mandatory courses; downloaded as CSV; printed on landscape A4 and read
// back; and said in a sentence when there is nothing to show.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { offThePage, pdfDocument } from './pdf.js';

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A licensing committee member whose licensing training is booked for `on`. */
function licensing(n, name, on) {
  const file = memberFile(n, { name });
  file.record.profile.roles = ['backbench-member', 'licensing-committee'];
  file.record.learning.push({
    ...file.record.learning[0],
    id: uuid(50000 + n),
    course_id: 'licensing-committee',
    title: 'Licensing committee training',
    provider: 'Licensing Services',
    topic: 'Licensing',
    status: 'planned',
    start_date: on,
    completed_on: null,
    minutes: 180,
    evidence: '',
  });
  return file;
}

async function importMembers(page) {
  await openApp(page, '/officer');
  const nothing = memberFile(3, { name: 'Cllr Olusegun Adebayo' });
  nothing.record.learning = [];
  await page.getByLabel("Import members' files").setInputFiles([
    asFile('member-record-1.json', licensing(1, 'Cllr Amrit Kaur', '2027-02-03')),
    asFile('member-record-2.json', memberFile(2, { name: 'Cllr Gwen Pritchard' })),
    asFile('member-record-3.json', nothing),
    asFile('member-record-4.json', licensing(4, 'Cllr Siân Llywelyn-Jones', '2027-03-10')),
  ]);
  await expect(page.getByText('4 members.')).toBeVisible();
}

test('the training matrix: a row for every member, filtered, downloaded and printed', async ({ page }) => {
  await openApp(page, '/officer/matrix');
  await expect(page.getByRole('heading', { name: 'Training matrix' })).toBeVisible();
  await expect(page.getByText("No members' files yet: import them on the Members' files page")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'the training matrix with no members');

  await importMembers(page);
  await page.getByRole('link', { name: 'Training matrix' }).click();
  const matrix = page.getByRole('region', { name: 'Training matrix, one row per member' });
  const row = (name) => matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  const cell = async (name, course) => {
    const headers = await matrix.getByRole('columnheader').allTextContents();
    return row(name).getByRole('cell').nth(headers.indexOf(course) - 1);
  };
  // Every member is a row, by name; one with nothing recorded too.
  await expect(matrix.getByRole('rowheader')).toHaveText([/Cllr Amrit Kaur/, /Cllr Gwen Pritchard/, /Cllr Olusegun Adebayo/, /Cllr Siân Llywelyn-Jones/]);
  await expect(await cell('Cllr Amrit Kaur', 'Code of Conduct')).toHaveText('01/10/2026');
  await expect(await cell('Cllr Amrit Kaur', 'Licensing committee training')).toHaveText('planned');
  await expect(await cell('Cllr Olusegun Adebayo', 'Code of Conduct')).toHaveText('due');
  await expect(await cell('Cllr Gwen Pritchard', 'Licensing committee training')).toHaveText('');
  await expectAccessible(page, 'the training matrix');

  // The licensing committee's members, and only the courses mandatory for them.
  await page.getByLabel('Role or committee').selectOption({ label: 'Licensing committee member' });
  await page.getByLabel('Mandatory courses only').check();
  await expect(matrix.getByRole('rowheader')).toHaveText([/Cllr Amrit Kaur/, /Cllr Siân Llywelyn-Jones/]);
  await expect(matrix.getByRole('columnheader')).toHaveText([
    'Member',
    'Induction for newly elected members',
    'Code of Conduct',
    'Safeguarding children and adults at risk',
    'Licensing committee training',
  ]);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download training matrix (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-matrix-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Member,Ward or division,Induction for newly elected members,Code of Conduct,Safeguarding children and adults at risk,Licensing committee training');
  expect(lines.slice(1)).toEqual(['Cllr Amrit Kaur,Ward 2,,2026-10-01,due,planned', 'Cllr Siân Llywelyn-Jones,Ward 5,,2026-10-01,due,planned']);

  // Printed: landscape A4, every course on the paper a few at a time, each group's pages
  // with the members' names down the side again, nothing off the paper's edge.
  await page.getByLabel('Mandatory courses only').uncheck();
  await page.getByLabel('Role or committee').selectOption({ label: 'Every member' });
  const courses = (await matrix.getByRole('columnheader').allTextContents()).slice(1);
  expect(courses.length).toBeGreaterThan(20);
  const pages = await pdfDocument(await page.pdf({ preferCSSPageSize: true }));
  for (const paper of pages) expect([Math.round(paper.width), Math.round(paper.height)]).toEqual([842, 595]);
  // A name or title broken over two lines reads back with a space after its hyphen.
  const texts = pages.map((p) => p.text.replace(/(\S)- /g, '$1-'));
  const all = texts.join(' ');
  for (const course of courses) expect(all, `“${course}” is printed`).toContain(course.replace(/\s+/g, ' '));
  expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(courses.length / 7));
  for (const [i, text] of texts.entries()) {
    for (const name of ['Cllr Amrit Kaur', 'Cllr Olusegun Adebayo', 'Cllr Siân Llywelyn-Jones']) {
      expect(text, `page ${i + 1} names ${name}`).toContain(name);
    }
  }
  expect(all).not.toContain('Download training matrix');
  expect(offThePage(pages)).toEqual([]);

  // A committee nobody held sits on is said in a sentence, not an empty table.
  await page.getByLabel('Role or committee').selectOption({ label: 'Planning committee member' });
  await expect(page.getByText('No member held is a planning committee member.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'a training matrix filtered to nobody');
});

// What the officer takes to committee: the Committee report for a municipal year (the
// figures in sentences, the officer's introduction and recommendations kept, printed on A4
// and read back) and the Charter evidence (the seed's Guidelines | Action | Target date |
// Evidence table, filled from the data, with the officer's actions kept and printed). A
// workspace with no members and a year with nothing in it are each said in a sentence.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { offThePage, pdfDocument } from './pdf.js';

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Today, ISO, and the municipal year it falls in: `starts` 2026 for 2026/27. */
function today() {
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const starts = now.getMonth() >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  const label = (y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  return { iso, starts, year: label(starts), before: label(starts - 1) };
}

/** A plan for this year: with a PDP meeting today when `met`, signed off when `signed`. */
function plan(n, { met, signed, need }) {
  return {
    year: today().starts,
    roles: ['backbench-member'],
    strengths: 'Casework',
    needs: [{ id: uuid(30000 + n), need, priority: 'high', why: 'For my ward', preferred_format: 'face_to_face' }],
    requested_courses: [{ course_id: 'chairing-meetings', title: 'Chairing meetings and committees' }],
    other_requests: [],
    preferences: { formats: ['online'], times: ['weekday-evening'], access_needs: '' },
    goals: [],
    meeting: { date: met ? today().iso : null, held_by: met ? 'Member development officer' : '', notes: '', agreed_actions: '' },
    review_on: null,
    sign_off: signed ? { name: `Member ${n}`, on: today().iso } : null,
    reopenings: [],
    updated_at: '2026-11-18T16:32:00Z',
  };
}

/**
 * Six members: five completed the Code of Conduct today and have a plan for this year
 * (four had their PDP meeting, three signed off; every plan asks for the chairing
 * course); the sixth has nothing recorded.
 */
function members() {
  const names = ['Cllr Amrit Kaur', 'Cllr Siân Llŷr-Jones', 'Cllr Gwen Pritchard', 'Cllr Olusegun Adebayo', 'Cllr Rhian Ellis', 'Cllr Tom Ashworth'];
  return names.map((name, i) => {
    const n = i + 1;
    const file = memberFile(n, { name });
    if (n === 6) {
      file.record.learning = [];
    } else {
      file.record.learning[0].completed_on = today().iso;
      file.record.plans.push(plan(n, { met: n <= 4, signed: n <= 3, need: n % 2 ? 'Chairing planning hearings' : 'Reading council budgets' }));
    }
    return asFile(`member-record-${n}.json`, file);
  });
}

async function importMembers(page) {
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByLabel("Import members' files").setInputFiles(members());
  await expect(page.getByText('6 members.')).toBeVisible();
}

test('the committee report: the year in sentences, the officer’s words kept, printed on A4', async ({ page }) => {
  const { year, before } = today();
  await openApp(page, '/officer/committee');
  await expect(page.getByRole('heading', { name: 'Committee report' })).toBeVisible();
  await expect(page.getByText("No members' records are held yet: import members' files to see this report.")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'the committee report with no members');

  await importMembers(page);
  await page.getByRole('link', { name: 'Committee report' }).click();
  await expect(page.getByText(`This report covers the 6 members' records held, for the municipal year ${year}`)).toBeVisible();
  await expect(page.getByText(`5 of 6 members completed at least one piece of learning in ${year}.`)).toBeVisible();
  await expect(page.getByText('1 member completed none.')).toBeVisible();
  await expect(page.getByText(`6 members were offered a personal development plan review for ${year}, and 5 have a plan for the year.`)).toBeVisible();
  await expect(page.getByText('4 of 6 members had a PDP meeting.')).toBeVisible();
  await expect(page.getByText('3 of 6 members signed off their plan.')).toBeVisible();
  await expect(page.getByText('Backbench member: 0 of 6 members are up to date with all their mandatory training; 6 have training due and 0 are overdue.')).toBeVisible();
  const takeUp = page.getByRole('region', { name: 'Take-up by course and provider' });
  await expect(takeUp.getByRole('row').filter({ hasText: 'Code of Conduct' })).toContainText('Monitoring Officer');
  await expect(page.getByRole('img', { name: /Had a PDP meeting: 4 of 6/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Chairing meetings and committees: 5 members' })).toBeVisible();

  const introduction = 'This report sets out the council’s member development programme for the year.';
  const recommendations = 'That the committee notes the report.\n\nThat PDP meetings are offered to every member by March.';
  await page.getByLabel('Introduction').fill(introduction);
  await page.getByLabel('Recommendations').fill(recommendations);
  await expect(page.getByText('Saved on this device.')).toBeVisible();
  await expectAccessible(page, 'the committee report with its figures');

  // A year before any of it: a sentence, and that year's own (empty) notes.
  await page.getByLabel('Municipal year').selectOption({ label: before });
  await expect(page.getByText(`Nothing is recorded for ${before} in the 6 members' records held`)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('img')).toHaveCount(0);
  await expectAccessible(page, 'the committee report for a year with nothing in it');

  // The officer's words are kept with their year.
  await page.reload();
  await expect(page.getByLabel('Introduction')).toHaveValue(introduction);
  await expect(page.getByLabel('Recommendations')).toHaveValue(recommendations);

  const pages = await pdfDocument(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = pages.map((p) => p.text).join(' ');
  expect(Math.round(pages[0].width)).toBe(595);
  expect(text).toContain(`Sandwell Metropolitan Borough Council: member development, annual report ${year}`);
  expect(text).toContain(introduction);
  expect(text).toContain('That PDP meetings are offered to every member by March.');
  expect(text).toContain('4 of 6 members had a PDP meeting.');
  expect(text).toContain('Spend against the budget');
  expect(text).not.toContain('Import members');
  expect(text).not.toContain('Print the committee report');
  expect(offThePage(pages)).toEqual([]);
});

test('the Charter evidence: each element filled from the data, the officer’s actions kept and printed', async ({ page }) => {
  const { year } = today();
  await openApp(page, '/officer/charter');
  await expect(page.getByRole('heading', { name: 'Charter evidence' })).toBeVisible();
  await expect(page.getByText("No members' files yet: import them on the Members' files page")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'the Charter evidence with no members');

  await importMembers(page);
  await page.getByRole('link', { name: 'Charter evidence' }).click();
  for (const criterion of [
    '1. There is a clear commitment to councillor development and support',
    '2. The council has a strategic approach to councillor development',
    "3. Learning and development is effective in building councillors' skills and knowledge",
  ]) {
    await expect(page.getByRole('heading', { name: criterion })).toBeVisible();
  }
  const strategic = page.getByRole('region', { name: 'Criterion 2: guidelines, actions and evidence' });
  const pdp = strategic.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Development needs identified through personal development plans' }) });
  await expect(pdp).toContainText(year);
  await expect(pdp).toContainText('5');

  // The officer's action and target date for the PDP element.
  const actions = page.getByRole('group', { name: 'Actions: Development needs identified through personal development plans' });
  await actions.getByRole('button', { name: /Add an action/ }).click();
  await actions.getByLabel('Action 1', { exact: true }).fill('Offer every member a PDP meeting before the annual council meeting');
  await actions.getByLabel('Target date of action 1').fill('April 2027');
  await expect(pdp).toContainText('Offer every member a PDP meeting before the annual council meeting');
  await expect(pdp).toContainText('April 2027');
  // A second action, then removed: only the first stays.
  await actions.getByRole('button', { name: /Add an action/ }).click();
  await actions.getByLabel('Action 2', { exact: true }).fill('Survey members on the PDP meeting');
  // Further actions are rows of their own under the guideline, as in the seed's plan.
  await expect(strategic.getByRole('row').filter({ hasText: 'Survey members on the PDP meeting' })).toHaveCount(1);
  await actions.getByRole('button', { name: /Remove action 2/ }).click();
  await expect(actions.getByLabel('Action 2', { exact: true })).toHaveCount(0);
  await expect(strategic).not.toContainText('Survey members on the PDP meeting');
  await expectAccessible(page, 'the Charter evidence with an action');
  await page.reload();
  const kept = page.getByRole('group', { name: 'Actions: Development needs identified through personal development plans' });
  await expect(kept.getByLabel('Action 1', { exact: true })).toHaveValue('Offer every member a PDP meeting before the annual council meeting');
  await expect(kept.getByLabel('Action 2', { exact: true })).toHaveCount(0);
  // Another year: the evidence is that year's; the actions stay with their guideline.
  await page.getByLabel('Municipal year').selectOption({ label: today().before });
  const before = page.getByRole('region', { name: 'Criterion 2: guidelines, actions and evidence' })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Development needs identified through personal development plans' }) });
  await expect(before).toContainText(`No member has a development plan for ${today().before} yet.`);
  await page.getByLabel('Municipal year').selectOption({ label: `${year} (this year)` });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Charter evidence (CSV)' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\u{feff}Criterion,Guidelines,Action,Target date,Evidence');
  expect(csv).toContain('Offer every member a PDP meeting before the annual council meeting,April 2027,');

  const pages = await pdfDocument(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = pages.map((p) => p.text).join(' ');
  expect(text).toContain(`Councillor Development Charter evidence, ${year}`);
  expect(text).toContain('Guidelines Action Target date Evidence');
  expect(text).toContain('April 2027');
  expect(text).not.toContain('Add an action');
  expect(offThePage(pages)).toEqual([]);
});

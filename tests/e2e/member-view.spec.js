// An officer opens one member's record from the members list: the profile, the learning,
// what mandatory training is due, the survey answers and the development plan, marked
// confidential, with nothing that changes anything, and back to the list; the same page
// at its own address, on a phone; and an address that names no member held.
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { overflow, smallTargets } from './layout.js';

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const activity = (n, fields) => ({
  id: uuid(n),
  course_id: null,
  title: '',
  provider: '',
  topic: '',
  format: null,
  status: 'planned',
  start_date: null,
  completed_on: null,
  minutes: 0,
  evidence: '',
  evaluation: null,
  updated_at: '2026-10-01T12:00:00Z',
  deleted_at: null,
  ...fields,
});

/** Cllr Amrit Kaur's record, with something in every part of it. */
function amrit() {
  const file = memberFile(1, { name: 'Cllr Amrit Kaur', surveys: [['2025/26', 2]] });
  const record = file.record;
  // Changed over the autumn; the plan last, and the file exported two days after.
  record.set_up_at = '2026-05-20T09:00:00Z';
  record.learning[0].updated_at = '2026-10-01T12:00:00Z';
  Object.assign(record.surveys[0], { submitted_at: '2026-05-20T09:00:00Z', updated_at: '2026-05-20T09:00:00Z' });
  Object.assign(record.profile, {
    updated_at: '2026-05-20T09:00:00Z',
    ward: 'Tipton Green',
    political_group: 'Labour',
    roles: ['backbench-member', 'licensing-committee'],
  });
  record.learning[0].evaluation = {
    rating: 4,
    usefulness: 5,
    do_differently: 'Declare interests earlier',
    would_recommend: true,
    comments: 'Clear and practical',
  };
  record.learning.push(
    activity(10011, {
      course_id: 'safeguarding',
      title: 'Safeguarding children and adults at risk',
      provider: 'Democratic Services',
      status: 'in_progress',
      start_date: '2026-09-01',
      minutes: 90,
    }),
    activity(10012, {
      course_id: 'licensing-committee',
      title: 'Licensing committee training',
      provider: 'Licensing Services',
      start_date: '2027-01-20',
      minutes: 180,
    }),
    activity(10013, {
      title: 'LGA webinar on housing',
      provider: 'LGA',
      status: 'completed',
      completed_on: '2026-06-10',
      hours_not_known: true,
    }),
  );
  record.surveys.push({
    id: uuid(20099),
    template_id: 'training-needs',
    template_version: 1,
    round: '2026/27',
    answers: {
      'hours-per-year': { type: 'number', value: 12 },
      'access-needs': { type: 'yes_no', value: true },
      'access-needs-detail': { type: 'text', value: '<b>I need a hearing loop</b>' },
    },
    status: 'submitted',
    submitted_at: '2026-11-02T15:30:00Z',
    updated_at: '2026-11-02T15:30:00Z',
  });
  record.plans.push({
    year: 2026,
    roles: ['backbench-member', 'licensing-committee'],
    strengths: 'Casework, and knowing Tipton Green well',
    needs: [
      {
        id: uuid(30001),
        need: 'Chairing meetings',
        priority: 'high',
        why: 'I chair the planning committee from May',
        preferred_format: 'face_to_face',
      },
    ],
    requested_courses: [{ course_id: 'chairing-meetings', title: 'Chairing meetings and committees' }],
    other_requests: ["A visit to another council's planning committee"],
    preferences: { formats: ['online'], times: ['weekday-evening'], access_needs: 'A hearing loop, please' },
    goals: [{ id: uuid(30002), goal: 'Chair a planning committee meeting', target: '2027-03-31', status: 'in_progress' }],
    meeting: {
      date: '2026-10-14',
      held_by: 'Member development officer',
      notes: 'Agreed to focus on chairing',
      agreed_actions: 'Book the chairing course',
    },
    review_on: '2027-04-14',
    sign_off: { name: 'Cllr Amrit Kaur', on: '2026-10-14' },
    reopenings: [],
    updated_at: '2026-11-18T16:32:00Z',
  });
  return file;
}

async function importMembers(page) {
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles([
    asFile('member-record-amrit-kaur.json', amrit()),
    asFile('member-record-member-2.json', memberFile(2)),
  ]);
  await expect(page.getByText('2 members.')).toBeVisible();
}

/** Nothing on the page can change the record: no field of any kind, and one button, to print. */
async function expectNothingEditable(page) {
  const main = page.getByRole('main');
  for (const role of ['textbox', 'checkbox', 'radio', 'combobox', 'spinbutton', 'slider', 'switch']) {
    await expect(main.getByRole(role), `no ${role} on the page`).toHaveCount(0);
  }
  await expect(main.locator('input, textarea, select, [contenteditable]')).toHaveCount(0);
  await expect(main.getByRole('button')).toHaveText(['Print this record']);
  await expect(main.locator('a[href^="/learning"], a[href^="/surveys"], a[href^="/plan"]')).toHaveCount(0);
}

test("an officer opens a member's record from the list, reads every part of it, and goes back", async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await importMembers(page);
  const held = page.getByRole('region', { name: 'Members held' });
  await held.getByRole('link', { name: 'Cllr Amrit Kaur', exact: true }).click();

  await expect(page).toHaveURL(`/officer/members/${uuid(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cllr Amrit Kaur');
  await expect(page).toHaveTitle(/^Cllr Amrit Kaur – Officer workspace/);
  const main = page.getByRole('main');
  const confidential = main.locator('.confidential');
  await expect(confidential).toHaveText(/Confidential/);
  const above = await confidential.evaluate(
    (mark, heading) => !!(mark.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING),
    await page.getByRole('heading', { level: 1 }).elementHandle(),
  );
  expect(above, 'marked confidential above the name').toBe(true);
  await expect(main).toContainText('Sandwell Metropolitan Borough Council, Tipton Green');
  await expect(main).toContainText('File exported 20 Nov 2026 at 10:00. Record last changed 18 Nov 2026 at 16:32.');
  await expect(main).not.toContainText(/revision/i);

  const profile = page.getByRole('region', { name: 'Profile' });
  const answer = (scope, term) => scope.locator('.summary__row').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');
  await expect(answer(profile, 'Political group')).toHaveText('Labour');
  await expect(answer(profile, 'Roles')).toHaveText('Licensing committee member, Backbench member');
  await expect(answer(profile, 'Date elected')).toHaveText('6 May 2021');

  const due = page.getByRole('region', { name: 'Mandatory training due' });
  await expect(due.getByRole('listitem')).toHaveText([
    /Mandatory, in progress\s*Safeguarding children and adults at risk/,
    /Mandatory, planned for 20 Jan 2027\s*Licensing committee training/,
  ]);

  const learning = page.getByRole('region', { name: 'Learning record' });
  await expect(learning.getByRole('heading', { level: 3 })).toHaveText([
    'Safeguarding children and adults at risk',
    'Licensing committee training',
    'Code of Conduct',
    'LGA webinar on housing',
  ]);
  const card = (title) => learning.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card('Safeguarding children and adults at risk')).toContainText('In progress Democratic Services · Started 1 Sep 2026 · 1.5 hours');
  await expect(card('Licensing committee training')).toContainText('Planned for 20 Jan 2027');
  await expect(card('Code of Conduct')).toContainText('Completed 1 Oct 2026 · 2 hours');
  await expect(card('Code of Conduct')).toContainText('Evidence: CERT-1');
  await expect(card('Code of Conduct')).toContainText(
    'Evaluation: rated 4 out of 5; useful for their role, 5 out of 5; would recommend it.',
  );
  await expect(card('Code of Conduct')).toContainText('What they would do differently: Declare interests earlier');
  await expect(card('Code of Conduct')).toContainText('Comments: Clear and practical');
  await expect(card('LGA webinar on housing')).toContainText('Completed 10 Jun 2026 · hours not known');

  const surveys = page.getByRole('region', { name: 'Surveys', exact: true });
  await expect(surveys.getByRole('heading', { level: 3 })).toHaveText([
    'Training needs survey, 2026/27',
    'Ethical framework self-assessment, 2025/26',
  ]);
  const needs = page.getByRole('region', { name: 'Training needs survey, 2026/27' });
  await expect(needs).toContainText('Submitted 2 Nov 2026 at 15:30.');
  const access = page.getByRole('region', { name: 'Access and support' });
  await expect(answer(access, 'Do you have any access, caring or other needs')).toHaveText('Yes');
  await expect(answer(access, 'Tell us what would help')).toHaveText('<b>I need a hearing loop</b>');
  await expect(answer(needs, 'Roughly how many hours a year')).toHaveText('12');
  const ethics = page.getByRole('region', { name: 'Ethical framework self-assessment, 2025/26' });
  await expect(answer(ethics, 'role of the Standards Committee')).toHaveText('2 out of 5');

  const plan = main.locator('.plan-doc');
  await expect(plan).toHaveCount(1);
  await expect(plan.getByRole('heading', { level: 2 })).toHaveText('Personal Development Plan 2026/27');
  await expect(plan).toBeVisible();
  for (const text of [
    'Roles this yearBackbench member, Licensing committee member',
    'Casework, and knowing Tipton Green well',
    'Chairing meetings — High priority. Preferred way of learning: Face to face.',
    "Chairing meetings and committees; A visit to another council's planning committee",
    'Access, caring or other needs: A hearing loop, please',
    'Chair a planning committee meeting',
    'Target: 31 Mar 2027. In progress',
    'Held on 14 Oct 2026 by Member development officer',
    'Review date: 14 Apr 2027',
    'Signed off by Cllr Amrit Kaur on 14 Oct 2026',
  ]) {
    await expect(plan).toContainText(text);
  }

  await expectNothingEditable(page);
  expect(await main.locator('b').count(), 'imported text is shown as text, never as markup').toBe(0);
  expect(dialogs).toBe(0);
  await expectAccessible(page, "a member's record");

  // On paper: still confidential, without the buttons and links of the screen.
  await page.emulateMedia({ media: 'print' });
  await expect(confidential).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this record' })).toBeHidden();
  await expect(page.getByRole('link', { name: "Back to members' files" })).toBeHidden();
  await expect(learning).toBeVisible();
  await expect(plan).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: "Back to members' files" }).click();
  await expect(page).toHaveURL('/officer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
  await expect(page.getByText('2 members.')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cllr Amrit Kaur');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
});

test("a member's record opens at its own address, and fits a phone", async ({ page }) => {
  await importMembers(page);
  await page.goto(`/officer/members/${uuid(2)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cllr Member 2');
  await expect(page.getByRole('region', { name: 'Surveys', exact: true })).toContainText('No survey submitted.');
  await expect(page.getByRole('region', { name: 'Development plans' })).toContainText('No development plan in this record.');
  await expect(page.getByRole('region', { name: 'Mandatory training due' })).toContainText('Safeguarding children and adults at risk');
  await expectNothingEditable(page);
  await expectAccessible(page, 'a record with no surveys or plan');

  await page.goto(`/officer/members/${uuid(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cllr Amrit Kaur');
  await page.waitForLoadState('networkidle');
  expect(await smallTargets(page), 'targets under 44 px at 1024 px').toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await smallTargets(page), 'targets under 44 px at 390 px').toEqual([]);
  expect(await overflow(page), 'the page scrolls sideways at 390 px').toBe(0);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await overflow(page), 'the page scrolls sideways at 320 px').toBe(0);
  await expectAccessible(page, "a member's record on a phone");
});

test('an address that names no member held says so, with a way back', async ({ page }) => {
  // Opened first at its own address, the page's code comes as its own group's file.
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`/officer/members/${uuid(77)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member not found');
  expect(fetched.filter((path) => /-group_officer_members\.bin$/.test(path)), "the page's group, as one file").toHaveLength(1);
  expect(fetched.filter((path) => /-group_officer\.bin$/.test(path)), "not the other officer pages' group").toHaveLength(0);

  await importMembers(page);
  for (const id of [uuid(77), 'not-a-member']) {
    await page.goto(`/officer/members/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member not found');
    await expect(page).toHaveTitle(/^Member not found/);
    await expect(page.getByRole('main')).not.toContainText('Confidential');
  }
  await expectAccessible(page, 'a member not found');
  await page.getByRole('link', { name: "Go to the members' files" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
  await expect(page.getByText('2 members.')).toBeVisible();
});

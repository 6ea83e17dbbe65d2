// The Personal Development Plan: filled in, courses requested, signed off and locked,
// printed as a confidential A4 document naming the councillor and the year on every page.
import { test, expect, expectAccessible, openApp, setUpProfile, fillDate, fillFirstNeed, addGoals } from './fixtures.js';
import { pdfPages } from './pdf.js';
import { memberFile, asFile } from './member-files.js';

test('a councillor fills in their plan, signs it off, and prints it', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { name: 'Cllr Amrit Kaur', roles: ['Planning committee member', 'Committee chair'] });
  await expect(page.getByRole('region', { name: 'Development plan' })).toContainText(
    'You have not started your 2026/27 plan yet.',
  );
  await page.getByRole('link', { name: 'Development plan' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan 2026/27');
  await expect(page.getByText('Confidential: your personal development plan')).toBeVisible();
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  await expect(page.getByRole('group', { name: 'Roles you hold this year' }).getByLabel('Committee chair')).toBeChecked();
  await expectAccessible(page, 'a new plan');

  const need = await fillFirstNeed(page);
  await need.getByRole('group', { name: 'Preferred way of learning' }).getByLabel('Face to face').check();

  await page.getByLabel('Choose a course from the catalogue').selectOption({ label: 'Chairing meetings and committees' });
  await page.getByRole('button', { name: 'Request this course' }).click();
  await page.getByLabel('Choose a course from the catalogue').selectOption({ label: 'Presenting with Impact' });
  await page.getByRole('button', { name: 'Request this course' }).click();
  await page.getByLabel('What would you like to learn?').fill("A visit to a neighbouring council's planning committee");
  await page.getByRole('button', { name: 'Add this request' }).click();
  await page.getByRole('group', { name: 'Ways of learning that suit you' }).getByLabel('Blended').check();
  await page.getByRole('group', { name: 'Times that suit you' }).getByLabel('Weekday evenings').check();

  await page.getByRole('button', { name: 'Add a goal' }).click();
  const goal = page.getByRole('group', { name: 'Goal 1', exact: true });
  await goal.getByLabel('What do you want to achieve?').fill('Chair the planning committee confidently');
  await fillDate(goal, 'Target date', '2027-03-31');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('group', { name: 'Goal 2', exact: true }).getByLabel('What do you want to achieve?').fill('Complete the Code of Conduct refresher');
  // Enough goals to run onto a second page.
  await addGoals(page, 3, 14);
  await fillDate(page, 'Date of the PDP meeting', '2026-11-20');
  await page.getByLabel('Meeting held by').fill('Member Development Officer');
  await fillDate(page, 'Review date', '2027-05-20');
  await expectAccessible(page, 'a filled plan');

  // Nothing typed is lost on reload.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Goal 1', exact: true }).getByLabel('What do you want to achieve?')).toHaveValue(
    'Chair the planning committee confidently',
  );
  await expect(page.getByRole('listitem').filter({ hasText: 'Presenting with Impact' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign off this plan' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Type your name to sign off the plan' })).toBeVisible();
  await page.getByLabel('Your name', { exact: true }).fill('Amrit Kaur');
  await page.getByRole('button', { name: 'Sign off this plan' }).click();
  await expect(page.getByText('Signed off by Amrit Kaur on 23 Nov 2026. The plan is locked.')).toBeVisible();
  await expect(page.getByLabel('Your strengths')).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'a signed-off plan');

  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  const text = pages.join(' ');
  expect(pages.length).toBeGreaterThan(1);
  for (const p of pages) {
    expect(p, 'every page names the councillor and the year').toContain(
      'Confidential · Cllr Amrit Kaur · Personal Development Plan 2026/27',
    );
  }
  expect(text).toContain('Chair the planning committee confidently');
  expect(text).toContain('Complete the Code of Conduct refresher');
  expect(text).toContain('Chairing meetings and committees; Presenting with Impact');
  expect(text).toContain('Signed off by Amrit Kaur on 23 Nov 2026');
  expect(text).not.toContain('Export and backup');
  expect(text).not.toContain('Reopen this plan');

  // Reopening asks first, in the app's own words, and says the sign-off will go.
  await page.getByRole('button', { name: 'Reopen this plan' }).click();
  const asking = page.getByRole('group', { name: 'Reopen this plan?' });
  await expect(asking).toBeFocused();
  await expect(asking).toContainText('Reopening removes the sign-off by Amrit Kaur on 23 Nov 2026');
  await expectAccessible(page, 'the question before reopening a plan');
  await asking.getByRole('button', { name: 'Keep it signed off' }).click();
  await expect(asking).toHaveCount(0);
  await expect(page.getByText('Signed off by Amrit Kaur on 23 Nov 2026').first()).toBeVisible();
  await page.getByRole('button', { name: 'Reopen this plan' }).click();
  await page.getByRole('button', { name: 'Reopen and remove the sign-off' }).click();
  await expect(page.getByLabel('Your strengths')).toHaveValue('Casework, and knowing Tipton Green well');
  await expect(page.getByText('Reopened 23 Nov 2026')).toBeAttached();

  // The review date shows on the home page once it is near.
  await page.clock.setFixedTime(new Date('2027-05-01T10:00:00Z'));
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('region', { name: 'Development plan' })).toContainText(
    "Your plan's review is due on 20 May 2027.",
  );
});

test("next year's plan starts from this year's, with only the open goals", async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Development plan' }).first().click();
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  await page.getByLabel('Your strengths').fill('Listening to residents');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('group', { name: 'Goal 1', exact: true }).getByLabel('What do you want to achieve?').fill('Finish induction');
  await page.getByRole('group', { name: 'Goal 1', exact: true }).getByRole('group', { name: 'Where it stands' }).getByLabel('Achieved').check();
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('group', { name: 'Goal 2', exact: true }).getByLabel('What do you want to achieve?').fill('Learn Excel');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('mdr.v1.record')), 'the second goal is saved')
    .toContain('Learn Excel');

  await page.clock.setFixedTime(new Date('2027-06-01T10:00:00Z'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan 2027/28');
  await page.getByRole('button', { name: 'Start from your 2026/27 plan' }).click();
  await expect(page.getByLabel('Your strengths')).toHaveValue('Listening to residents');
  await expect(page.getByRole('group', { name: 'Goal 1', exact: true }).getByLabel('What do you want to achieve?')).toHaveValue('Learn Excel');
  await expect(page.getByRole('group', { name: 'Goal 2', exact: true })).toHaveCount(0);
});

test('a note pasted past the limit is kept whole, flagged, and holds the sign-off until shortened', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { name: 'Cllr Amrit Kaur' });
  await page.goto('/plan');
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  const notes = page.getByLabel('Meeting notes');
  await expect(page.getByText('You can enter up to 5,000 characters').first()).toBeVisible();
  const pasted = 'Agreed to shadow the chair of planning. '.repeat(150); // 6,000 characters
  await notes.fill(pasted);
  await expect(notes).toHaveValue(pasted);
  await expect(page.getByText('You have 1,000 characters too many')).toBeVisible();
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  // A screen reader reads the count with the box.
  await expect(notes).toHaveAttribute('aria-describedby', 'meeting-notes-count');
  await expect(page.locator('#meeting-notes-count')).toHaveText('You have 1,000 characters too many');
  await expectAccessible(page, 'a plan box past its limit');

  // Kept across a reload, in the record, whole.
  await page.reload();
  await expect(notes).toHaveValue(pasted);
  await page.getByLabel('Your name').fill('Cllr Amrit Kaur');
  await page.getByRole('button', { name: 'Sign off this plan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Shorten “Meeting notes” to 5,000 characters or fewer, then sign off the plan.',
  ]);
  await summary.getByRole('link').click();
  await expect(notes).toBeFocused();

  await notes.fill(pasted.slice(0, 5000));
  await expect(page.getByText('You have 0 characters remaining')).toBeVisible();
  await page.getByRole('button', { name: 'Sign off this plan' }).click();
  await expect(page.getByRole('button', { name: 'Reopen this plan' })).toBeVisible();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record')));
  expect(stored.record.plans[0].meeting.notes).toHaveLength(5000);
});

test('the plan offers what the training needs survey said, and takes it in only when asked', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  const file = memberFile(1, { name: 'Cllr Zoë Brontë' });
  file.record.surveys = [
    {
      id: '00000000-0000-4000-8000-000000000777',
      template_id: 'training-needs',
      template_version: 1,
      round: '2026/27',
      answers: {
        'learning-methods': { type: 'choices', value: ['online', 'one-to-one'] },
        'learning-times': { type: 'choices', value: ['weekday-evening'] },
        'access-needs': { type: 'yes_no', value: true },
        'access-needs-detail': { type: 'text', value: 'I need a hearing loop' },
      },
      status: 'submitted',
      submitted_at: '2026-11-20T10:00:00Z',
      updated_at: '2026-11-20T10:00:00Z',
    },
  ];
  await openApp(page, '/backup');
  await page.getByLabel('Restore from a file').setInputFiles(asFile('zoe.json', file));
  await page.getByRole('button', { name: 'Restore this record' }).click();
  await page.goto('/plan');
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  await page.getByLabel('Access, caring or other needs (optional)').fill('Step-free access');
  const offer = page.getByText('Your training needs survey said');
  await expect(offer).toContainText('ways of learning: Online; times: Weekday evenings; access needs: “I need a hearing loop”');
  // Nothing is taken before the councillor says so.
  await expect(page.getByRole('group', { name: 'Times that suit you' }).getByLabel('Weekday evenings')).not.toBeChecked();
  await expectAccessible(page, 'a plan offered the needs survey\'s answers');
  await page.getByRole('button', { name: 'Add these to my plan' }).click();
  await expect(page.getByRole('group', { name: 'Ways of learning that suit you' }).getByLabel('Online')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Times that suit you' }).getByLabel('Weekday evenings')).toBeChecked();
  await expect(page.getByLabel('Access, caring or other needs (optional)')).toHaveValue('Step-free access\nI need a hearing loop');
  await expect(offer).toHaveCount(0);
});

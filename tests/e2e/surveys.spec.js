// Self-assessment surveys: answering section by section, the error summary on submit,
// a submitted response that is read-only, and a second round a year later showing the
// councillor's change.
import { test, expect, expectAccessible, setUpProfile } from './fixtures.js';

/** Picks a point or option in the question whose legend contains `question`. */
async function pick(page, question, option) {
  await page.getByRole('group', { name: question }).getByLabel(option, { exact: true }).check();
}

async function continueTo(page, heading) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

/** Answers every required question of the ethical framework survey but one, if asked. */
async function answerEthicalFramework(page, { standards, skipGifts = false }) {
  await expect(page.getByText('Section 1 of 4: Roles and responsibilities')).toBeVisible();
  await pick(page, 'role of the Standards Committee', standards);
  await pick(page, 'role of the Monitoring Officer', '3');
  await continueTo(page, 'Code of conduct and interests');
  await pick(page, "members' code of conduct", '4');
  await pick(page, 'register of interests', '3');
  if (!skipGifts) await pick(page, 'gifts and hospitality', '4');
  await continueTo(page, 'Working with officers');
  await pick(page, 'member/officer protocol', '3');
  await expect(page.getByLabel('What would help you find it?')).toHaveCount(0);
  await pick(page, 'where to find guidance', 'No');
  await page.getByLabel('What would help you find it?').fill('A page on the intranet with the protocol and contacts');
  await continueTo(page, 'Training');
  await pick(page, 'training on the code of conduct in the last three years', 'No');
  await continueTo(page, 'Check your answers');
}

test('a councillor answers the ethical framework survey, fixes a missed question and submits', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { roles: ['Standards committee member'] });
  await page.getByRole('link', { name: 'Surveys' }).click();
  await expectAccessible(page, 'the surveys list');
  await page.getByRole('link', { name: 'Start Ethical framework self-assessment' }).click();
  await expect(page.getByText('Survey · 2026/27 (baseline)')).toBeVisible();
  await page.getByRole('button', { name: 'Start survey' }).click();
  await expectAccessible(page, 'the first section');

  await answerEthicalFramework(page, { standards: '2', skipGifts: true });
  // A draft is kept as it goes: a reload mid-survey loses nothing.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText('A page on the intranet with the protocol and contacts')).toBeVisible();

  await page.getByRole('button', { name: 'Submit survey' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Answer “How well do you know the rules on gifts and hospitality?”']);
  await expectAccessible(page, 'the check page with an error');
  await summary.getByRole('link').click();
  await expect(page.getByText('Section 2 of 4: Code of conduct and interests')).toBeVisible();
  const gifts = page.getByRole('group', { name: 'gifts and hospitality' });
  await expect(gifts.getByRole('radio').first()).toBeFocused();
  await expect(gifts).toContainText('Answer “How well do you know the rules on gifts and hospitality?”');
  await expectAccessible(page, 'a section with an error');
  await pick(page, 'gifts and hospitality', '4');
  await continueTo(page, 'Working with officers');
  await continueTo(page, 'Training');
  await continueTo(page, 'Check your answers');
  await page.getByRole('button', { name: 'Submit survey' }).click();

  await expect(page.getByText('You submitted this survey on 23 Nov 2026')).toBeVisible();
  await expect(page.getByText('nothing has been sent to your council')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export and backup' }).last()).toHaveAttribute('href', '/backup');
  await page.reload();
  await expect(page.getByText('You submitted this survey on 23 Nov 2026')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit survey' })).toHaveCount(0);
  await expect(page.getByText('2 out of 5')).toBeVisible();
  await expectAccessible(page, 'a submitted survey');
  await page.getByRole('link', { name: 'Back to surveys' }).click();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Ethical framework self-assessment' }) });
  await expect(card).toContainText('Submitted');

  // A year later, the repeat round.
  await page.clock.setFixedTime(new Date('2027-06-01T10:00:00Z'));
  await page.reload();
  await expect(card).toContainText('Not started');
  await expect(page.getByRole('link', { name: 'Ethical framework self-assessment: 2026/27' })).toBeVisible();
  await page.getByRole('link', { name: 'Start Ethical framework self-assessment' }).click();
  await expect(page.getByText('Survey · 2027/28 (repeat)')).toBeVisible();
  await page.getByRole('button', { name: 'Start survey' }).click();
  await answerEthicalFramework(page, { standards: /^5/ });
  await page.getByRole('button', { name: 'Submit survey' }).click();
  const change = page.getByRole('region', { name: 'Your change since 2026/27' });
  const row = change.getByRole('row', { name: /role of the Standards Committee/ });
  await expect(row.getByRole('cell')).toHaveText(['2', '5', 'Up 3']);
  await expect(change.getByRole('row', { name: /role of the Monitoring Officer/ }).getByRole('cell')).toHaveText([
    '3',
    '3',
    'No change',
  ]);
  await expectAccessible(page, 'the change since the last round');

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record')));
  const rounds = stored.record.surveys.map((s) => [s.round, s.status]).sort();
  expect(rounds).toEqual([['2026/27', 'submitted'], ['2027/28', 'submitted']]);
  const first = stored.record.surveys.find((s) => s.round === '2026/27');
  expect(first.template_version).toBe(1);
  expect(Object.keys(first.answers)).not.toContain('training-how');
});

test('an answer that is not a number holds its section, stays typed across a reload, and counts once put right', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page);
  await page.goto('/surveys/training-needs');
  await page.getByRole('button', { name: 'Start survey' }).click();
  // The first two sections may be left unanswered: only the check before submitting asks.
  await continueTo(page, 'Using your council devices');
  await continueTo(page, 'How and when you learn');
  const hours = page.getByLabel('Roughly how many hours a year could you give to learning? (optional)');
  await hours.fill('abc');
  await expect(page.getByText('Enter a whole number, for example 12')).toBeVisible();

  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Enter a whole number for “Roughly how many hours a year could you give to learning?”, for example 12',
  ]);
  await expect(page.getByText('Section 3 of 4: How and when you learn')).toBeVisible();
  await expectAccessible(page, 'a section held by an answer that is not a number');

  // What was typed stays typed, even across a reload.
  await page.reload();
  await expect(hours).toHaveValue('abc');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Section 3 of 4: How and when you learn')).toBeVisible();

  await hours.fill('20');
  await continueTo(page, 'Access and support');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('/surveys/training-needs?section=4');
  const answer = page.getByRole('region', { name: 'How and when you learn' });
  await expect(answer.getByRole('definition')).toContainText(['20']);
});

test('a councillor coming back to a survey carries on where they left off, not at section 1', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { roles: ['Standards committee member'] });
  await page.goto('/surveys/ethical-framework');
  await page.getByRole('button', { name: 'Start survey' }).click();
  await pick(page, 'role of the Standards Committee', '2');
  await pick(page, 'role of the Monitoring Officer', '3');
  await continueTo(page, 'Code of conduct and interests');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('link', { name: /Ethical framework self-assessment/ }).first().click();
  await expect(page.getByText('Section 2 of 4: Code of conduct and interests')).toBeVisible();

  // Every section answered: coming back opens the check of the answers.
  await pick(page, "members' code of conduct", '4');
  await pick(page, 'register of interests', '3');
  await pick(page, 'gifts and hospitality', '4');
  await continueTo(page, 'Working with officers');
  await pick(page, 'member/officer protocol', '3');
  await pick(page, 'where to find guidance', 'Yes');
  await continueTo(page, 'Training');
  await pick(page, 'training on the code of conduct in the last three years', 'No');
  await page.goto('/surveys/ethical-framework');
  await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeVisible();
});

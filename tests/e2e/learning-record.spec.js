// The learning record: what is due for a councillor's roles, logging training, the
// evaluation afterwards, the catalogue, and nothing lost on the way.
import { test, expect, expectAccessible, openApp, setUpProfile, fillDate } from './fixtures.js';

const today = new Date().toISOString().slice(0, 10);

test('a licensing committee member logs their licensing training and evaluates it', async ({ page }) => {
  await setUpProfile(page, { roles: ['Licensing committee member'] });
  const due = page.getByRole('region', { name: 'Training due' });
  await expect(due.getByRole('listitem').filter({ hasText: 'Licensing committee training' })).toContainText(
    'Mandatory, not done yet',
  );
  await expectAccessible(page, 'home with training due');

  await page.getByRole('link', { name: 'Learning record' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning record');
  await expectAccessible(page, 'the learning record');
  await due.getByRole('link', { name: 'Log it Licensing committee training' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licensing committee training');
  await expect(page.getByLabel('Hours')).toHaveValue('3');
  await page.getByLabel('Completed').check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter the date you completed it' })).toBeVisible();
  await expectAccessible(page, 'the log form with a missing date');

  await fillDate(page, 'Date completed', today);
  await page.getByLabel('Evidence (optional)').fill('LIC-2026-114');
  await page.getByRole('button', { name: 'Save activity' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licensing committee training');
  // Saved first, then asked what it was worth.
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Licensing committee training is in your learning record.' })).toBeVisible();
  await expect(page.getByText('How did it go?')).toBeVisible();
  await page.getByRole('button', { name: 'Save evaluation' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Choose a rating from 1 to 5 stars',
    'Choose how useful it was for your role',
    'Say whether you would recommend it',
  ]);
  await expectAccessible(page, 'the evaluation with errors');
  await page.getByRole('group', { name: 'How would you rate it overall?' }).getByLabel('4 stars').check();
  await page.getByRole('group', { name: 'How useful was it for your role?' }).getByLabel('5 – very useful').check();
  await page.getByLabel('What will you do differently as a result? (optional)').fill('Ask about conditions before a hearing.');
  await page.getByRole('group', { name: 'Would you recommend it to other councillors?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Save evaluation' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved: Licensing committee training' })).toBeVisible();
  await expect(due.getByText('Licensing committee training')).toHaveCount(0);
  await expect(due).toContainText('You have recorded 3 hours of completed learning');
  const activity = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Licensing committee training' }) }).first();
  await expect(activity).toContainText('Completed');
  await expect(activity).toContainText('Evidence: LIC-2026-114');
  await expect(activity).toContainText('You rated it 4 out of 5');
  await expectAccessible(page, 'the learning record after logging');

  await page.reload();
  await expect(due.getByText('Licensing committee training')).toHaveCount(0);
  await expect(activity).toContainText('You rated it 4 out of 5');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record')));
  const logged = stored.record.learning.find((a) => a.course_id === 'licensing-committee');
  expect(logged.evaluation).toMatchObject({ rating: 4, usefulness: 5, would_recommend: true });
  expect(logged.completed_on).toBe(today);
});

test('the catalogue can be searched and filtered, down to what is mandatory for me', async ({ page }) => {
  await setUpProfile(page, { roles: ['Planning committee member'] });
  await page.getByRole('link', { name: 'Learning record' }).click();
  const catalogue = page.getByRole('region', { name: 'Course catalogue' });
  const count = catalogue.getByRole('status');
  // The first ten, then the rest when asked; focus goes to the first course newly shown.
  await expect(count).toHaveText(/^Showing 10 of \d+ courses$/);
  const total = Number((await count.textContent()).match(/of (\d+)/)[1]);
  expect(total).toBeGreaterThan(10);
  await expect(catalogue.getByRole('heading', { level: 3 })).toHaveCount(10);
  await catalogue.getByRole('button', { name: `Show all ${total} courses` }).click();
  await expect(count).toHaveText(`Showing ${total} of ${total} courses`);
  await expect(catalogue.getByRole('heading', { level: 3 })).toHaveCount(total);
  await expect(catalogue.getByRole('heading', { level: 3 }).nth(10)).toBeFocused();
  await expect(catalogue.getByRole('button', { name: /^Show all/ })).toHaveCount(0);
  await expect(catalogue.getByText('ICT Services · Digital skills · Online · 1 hour · Free')).toBeVisible();
  await expectAccessible(page, 'the whole catalogue');

  await catalogue.getByLabel('Search courses').fill('artemis');
  await expect(count).toHaveText(/^Showing 4 of \d+ courses$/);
  await catalogue.getByLabel('Search courses').fill('');
  await catalogue.getByLabel('Provider').selectOption('LGiU');
  await catalogue.getByLabel('Format').selectOption('Online');
  await expect(catalogue.getByRole('heading', { level: 3 })).toHaveText([
    'Chairing Skills for Virtual Meetings',
    'Presenting with Impact',
  ]);
  await expect(catalogue.getByText('£60.00').first()).toBeVisible();
  await catalogue.getByLabel('Provider').selectOption('');
  await catalogue.getByLabel('Format').selectOption('');
  await catalogue.getByLabel('Mandatory for me').check();
  await expect(catalogue.getByRole('heading', { level: 3 })).toHaveText([
    'Induction for newly elected members',
    'Code of Conduct',
    'Safeguarding children and adults at risk',
    'Planning committee training',
  ]);
  await expectAccessible(page, 'the filtered catalogue');

  // A search that finds nothing says what to try, and offers a way back.
  await catalogue.getByLabel('Search courses').fill('underwater basket weaving');
  await expect(count).toHaveText(/^Showing 0 of \d+ courses$/);
  await expect(catalogue).toContainText('No course matches “underwater basket weaving” with these filters. Try fewer or other words');
  await expect(catalogue.getByRole('link', { name: 'Add training that is not in the catalogue' })).toBeVisible();
  await expectAccessible(page, 'a catalogue search with no results');
  await catalogue.getByRole('button', { name: 'Clear the search and filters' }).click();
  await expect(catalogue.getByLabel('Search courses')).toHaveValue('');
  await expect(catalogue.getByLabel('Mandatory for me')).not.toBeChecked();
  await expect(count).toHaveText(/^Showing 10 of \d+ courses$/);
});

test('a member elected long ago is not asked for the induction, and training planned says when', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await openApp(page);
  await page.getByLabel('Full name').fill('Cllr Rhys Llewellyn');
  await page.getByLabel('Council', { exact: true }).fill('Sandwell Metropolitan Borough Council');
  await page.getByLabel('Ward or division').fill('Tipton Green');
  await page.getByLabel('Licensing committee member').check();
  await fillDate(page, 'Date elected (optional)', '2012-05-03');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const due = page.getByRole('region', { name: 'Training due' });
  await expect(due.getByRole('listitem').filter({ hasText: 'Code of Conduct' })).toBeVisible();
  await expect(due.getByText('Induction for newly elected members')).toHaveCount(0);

  await due.getByRole('link', { name: 'Log it Licensing committee training' }).click();
  await fillDate(page, 'Start date (optional)', '2027-01-20');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Licensing committee training' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expect(due.getByRole('listitem').filter({ hasText: 'Licensing committee training' })).toContainText(
    'Mandatory, planned for 20 Jan 2027',
  );
  await expectAccessible(page, 'home with training planned');
});

test('a completed webinar asks for its hours, or for a word that they are not known', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page);
  await page.goto('/learning/add');
  await page.getByLabel('Name of the training').fill('LGA webinar: social media for councillors');
  await page.getByLabel('Completed').check();
  await fillDate(page, 'Date completed', '2026-11-02');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Enter how many hours it took, or tick “I do not know how long it took”',
  ]);
  await page.getByLabel('I do not know how long it took').check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LGA webinar: social media for councillors');
  await page.getByRole('link', { name: 'Not now' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning record');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training due' })).toContainText(
    'You have recorded 0 hours of completed learning in 2026/27 (from 1 May 2026). One more activity has no hours recorded.',
  );
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('mdr.v1.record')));
  expect(stored.record.learning[0]).toMatchObject({ minutes: 0, hours_not_known: true });
});

test('training not in the catalogue is added, changed, deleted and brought back', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Learning record' }).click();
  await page.getByRole('link', { name: 'Add training that is not in the catalogue' }).click();
  await page.getByLabel('Name of the training').fill('LGA Housing Conference');
  await page.getByLabel('Provider (optional)').fill('LGA');
  await page.getByLabel('Hours').fill('one and a half');
  // A half-filled form survives a reload.
  await page.reload();
  await expect(page.getByLabel('Name of the training')).toHaveValue('LGA Housing Conference');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter hours as a number, for example 1.5' })).toBeVisible();
  await expectAccessible(page, 'the add form with an error');
  await page.getByLabel('Hours').fill('1.5');
  await page.getByLabel('In progress').check();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: LGA Housing Conference' })).toBeVisible();

  await page.getByRole('link', { name: 'Change LGA Housing Conference' }).click();
  await expect(page.getByLabel('Hours')).toHaveValue('1.5');
  await expect(page.getByLabel('In progress')).toBeChecked();
  await page.getByLabel('Evidence (optional)').fill('Delegate pass 4471');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByText('Evidence: Delegate pass 4471')).toBeVisible();

  await page.getByRole('link', { name: 'Change LGA Housing Conference' }).click();
  await expectAccessible(page, 'the change form');
  await page.getByRole('button', { name: 'Delete this activity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted: LGA Housing Conference' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'LGA Housing Conference' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'LGA Housing Conference' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'LGA Housing Conference' })).toBeVisible();
});

test('dropping a role takes its mandatory training off the list', async ({ page }) => {
  await setUpProfile(page, { roles: ['Licensing committee member', 'Scrutiny committee member'] });
  const due = page.getByRole('region', { name: 'Training due' });
  await expect(due.getByRole('listitem').filter({ hasText: 'Effective scrutiny: questioning and challenge' })).toBeVisible();
  await page.getByRole('link', { name: 'Your profile' }).click();
  await page.getByLabel('Scrutiny committee member').uncheck();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(due.getByRole('listitem').filter({ hasText: 'Licensing committee training' })).toBeVisible();
  await expect(due.getByRole('listitem').filter({ hasText: 'Effective scrutiny: questioning and challenge' })).toHaveCount(0);
});

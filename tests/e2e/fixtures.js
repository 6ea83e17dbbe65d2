// Shared by every journey: a page that fails the test on any request leaving 127.0.0.1
// or any console error, and an accessibility check with axe-core at WCAG 2.2 AA.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  context: async ({ context }, use) => {
    const problems = [];
    context.on('request', (request) => {
      const url = request.url();
      if (!/^(https?:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url)) {
        problems.push(`request left the device: ${url}`);
      }
    });
    context.on('page', (page) => watchConsole(page, problems));
    context.problems = problems;
    await use(context);
    expect(problems, 'no request leaves the device and the console has no errors').toEqual([]);
  },
  page: async ({ page, context }, use) => {
    watchConsole(page, context.problems);
    await use(page);
  },
});

const watched = new WeakSet();
function watchConsole(page, problems) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('console', (message) => {
    // A blocked resource is reported as an error too, so CSP violations fail the test.
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/**
 * Checks the page as it is now with axe-core: no violation of WCAG 2.2 A or AA. `skip`
 * names rules that cannot judge this state (say, colour contrast under a contrast theme,
 * where the person's own colours replace the page's but axe reads the page's).
 */
export async function expectAccessible(page, state, { skip = [] } = {}) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .disableRules(skip)
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(found, `accessibility of ${state}`).toEqual([]);
}

/** Waits until the app has mounted. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Fills in and saves the first-run profile. */
export async function setUpProfile(page, profile = {}) {
  const p = {
    name: 'Cllr Amrit Kaur',
    council: 'Sandwell Metropolitan Borough Council',
    ward: 'Tipton Green',
    roles: ['Licensing committee member'],
    ...profile,
  };
  await openApp(page);
  await page.getByLabel('Full name').fill(p.name);
  await page.getByLabel('Council', { exact: true }).fill(p.council);
  await page.getByLabel('Ward or division').fill(p.ward);
  for (const role of p.roles) await page.getByLabel(role).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${p.name}`);
  return p;
}

/** Types an ISO date (2026-10-14) into the Day, Month and Year boxes of the date named `label`. */
export async function fillDate(scope, label, iso) {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: label, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

/** Starts a plan's first development need as the tests and the README's screenshot do. */
export async function fillFirstNeed(page) {
  await page.getByLabel('Your strengths').fill('Casework, and knowing Tipton Green well');
  await page.getByRole('button', { name: 'Add a development need' }).click();
  const need = page.getByRole('group', { name: 'Development need 1' });
  await need.getByLabel('What do you want to develop?').fill('Chairing meetings');
  await need.getByRole('group', { name: 'Priority' }).getByLabel('High').check();
  await need.getByLabel('Why it matters for your role').fill('I chair the planning committee from May');
  return need;
}

/** Adds goals numbered `from` to `to` to an open plan, each saying what `goal(n)` says. */
export async function addGoals(page, from, to, goal = (n) => `Goal number ${n}: attend the ward forum and report back to residents on the outcome`) {
  for (let n = from; n <= to; n++) {
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByRole('group', { name: `Goal ${n}`, exact: true }).getByLabel('What do you want to achieve?').fill(goal(n));
  }
}

/** Logs catalogue course `course` as completed on an ISO date, with `evidence`, and leaves the evaluation for later. */
export async function logCompleted(page, course, iso, evidence) {
  await page.goto(`/learning/log/${course}`);
  await page.getByLabel('Completed', { exact: true }).check();
  await fillDate(page, 'Date completed', iso);
  await page.getByLabel('Evidence (optional)').fill(evidence);
  await page.getByRole('button', { name: 'Save activity' }).click();
  await page.getByRole('link', { name: 'Not now' }).click();
  await expect(page.getByText(`Evidence: ${evidence}`)).toBeVisible();
}

export { expect };

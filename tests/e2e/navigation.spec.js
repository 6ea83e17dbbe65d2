// Moving around the app: links open pages in place, the browser's Back and Forward and
// addresses typed or bookmarked all lead to the right page, and links meant for the
// browser (a new tab, the skip link) are left to it.
import { test, expect, expectAccessible, setUpProfile } from './fixtures.js';

/** Marks the page, so a later check can tell whether it was reloaded since. */
const mark = (page) => page.evaluate(() => (window.notReloaded = true));
const stillLoaded = (page) => page.evaluate(() => window.notReloaded === true);

test('pages open in place, and Back and Forward retrace them', async ({ page }) => {
  await setUpProfile(page);
  await mark(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const heading = page.getByRole('heading', { level: 1 });

  await nav.getByRole('link', { name: 'Learning record' }).click();
  await expect(heading).toHaveText('Learning record');
  await expect(page).toHaveTitle('Learning record – Member Development Record');
  await expect(nav.getByRole('link', { name: 'Learning record' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');

  // A page under the learning record still marks it as where the councillor is.
  await page.getByRole('link', { name: 'Add training that is not in the catalogue' }).click();
  await expect(page).toHaveURL(/\/learning\/add$/);
  await expect(nav.getByRole('link', { name: 'Learning record' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Surveys' }).click();
  await expect(heading).toHaveText('Surveys');
  await page.goBack();
  await expect(page).toHaveURL(/\/learning\/add$/);
  await expect(heading).toHaveText('Add training that is not in the catalogue');
  await page.goBack();
  await expect(heading).toHaveText('Learning record');
  await page.goBack();
  await expect(heading).toHaveText('Welcome, Cllr Amrit Kaur');
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await page.goForward();
  await expect(heading).toHaveText('Learning record');
  expect(await stillLoaded(page), 'every step happened in the one page').toBe(true);
  await expectAccessible(page, 'the learning record reached by Forward');
});

test('an address typed or bookmarked opens its page, and one the app does not have says so', async ({ page }) => {
  await setUpProfile(page);
  const heading = page.getByRole('heading', { level: 1 });

  await page.goto('/plan/');
  await expect(heading).toHaveText(/^Development plan \d{4}\/\d{2}$/);
  await page.goto('/surveys/ethical-framework');
  await expect(heading).toHaveText('Ethical framework self-assessment');
  await page.goto('/learning/activity/not-an-activity');
  await expect(heading).toHaveText('Page not found');
  await page.goto('/learning/nothing/here');
  await expect(heading).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found – Member Development Record');
  await expectAccessible(page, 'an address the app does not have');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(heading).toHaveText('Welcome, Cllr Amrit Kaur');
});

test('links meant for the browser are left to it', async ({ page, context }) => {
  await setUpProfile(page);
  await mark(page);

  // Ctrl-click (Cmd on a Mac) opens a new tab and leaves this page where it was.
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Learning record' }).click({ modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await expect(tab).toHaveURL(/\/learning$/);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Learning record');
  await tab.close();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');

  // The skip link moves focus to the page's content, as the browser does it.
  await page.getByRole('link', { name: 'Skip to main content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/#main$/);
  await expect(page.locator('main')).toBeFocused();
  expect(await stillLoaded(page), 'neither link reloaded the page').toBe(true);
});

test.describe('an address opened directly', () => {
  test.use({ serviceWorkers: 'block' });

  /** The code files the page fetches from now on: the main part's, a page group's file or
   * a chunk of its own, by the last part of their names. */
  const codeFetched = (page) => {
    const names = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.match(/-(group_[a-z_]+\.bin|split_[a-z_]+\.wasm|chunk_\d+\.wasm)$/)?.[1];
      if (name) names.push(name);
    });
    return names;
  };

  test("fetches its own page's code with the app in one file, and no other page's", async ({ page }) => {
    const fetched = codeFetched(page);
    await page.goto('/plan');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Development plan \d{4}\/\d{2}$/);
    expect(fetched).toEqual(['group_plan.bin']);

    // A page reached in place fetches the chunks it lacks, each on its own.
    fetched.length = 0;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export and backup' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Export and backup');
    expect(fetched).toContain('split_backup.wasm');
    expect(fetched.filter((name) => name.endsWith('.bin'))).toEqual([]);

    fetched.length = 0;
    await page.goto('/learning/add');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add training that is not in the catalogue');
    expect(fetched).toEqual(['group_learning_add.bin']);

    // The group is named by the longest start of the address that names one.
    fetched.length = 0;
    await page.goto('/learning/log/code-of-conduct');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code of Conduct');
    expect(fetched).toEqual(['group_learning_log.bin']);

    // The first page needs no page's code but its own, which comes with the app.
    fetched.length = 0;
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your record');
    expect(fetched).toEqual([]);
  });

  test('still opens when the file of its code cannot be fetched, by fetching each part', async ({ page, context }) => {
    const fetched = codeFetched(page);
    await page.route(/-group_[a-z]+\.bin$/, (route) => route.abort());
    await page.goto('/surveys');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Surveys');
    expect(fetched).toContain('group_surveys.bin');
    expect(fetched).toContain('split_surveys.wasm');
    await expectAccessible(page);
    // The refused group file is the only error the console saw.
    const expected = (problem) => problem === 'console error: Failed to load resource: net::ERR_FAILED';
    expect(context.problems.filter(expected)).toHaveLength(1);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });
});

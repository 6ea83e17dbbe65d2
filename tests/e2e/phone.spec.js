// The app on a phone (390 x 844): the councillor's menu stays short, and the officer's
// workspace is a link on every page without sitting in the councillor's menu.
import { test, expect, openApp, setUpProfile } from './fixtures.js';

const PHONE = { width: 390, height: 844 };
const MEMBER_PAGES = ['/', '/profile', '/learning', '/learning/add', '/learning/log/code-of-conduct', '/surveys', '/surveys/ethical-framework', '/plan', '/backup'];
const OFFICER_PAGES = ['/officer', '/officer/reports', '/officer/pack'];

/** Opens a page as a person would come to it: a survey started, the page's code loaded. */
async function visit(page, path) {
  await openApp(page, path);
  const start = page.getByRole('button', { name: 'Start survey' });
  if (await start.count()) await start.click();
  await page.waitForLoadState('networkidle');
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test("the councillor's menu takes at most two rows", async ({ page }) => {
    await setUpProfile(page);
    for (const path of ['/', '/learning', '/plan']) {
      await visit(page, path);
      const rows = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((links) =>
        new Set(links.filter((a) => a.getClientRects().length).map((a) => Math.round(a.getBoundingClientRect().top))).size,
      );
      expect(rows, `rows of the menu on ${path}`).toBeLessThanOrEqual(2);
    }
  });
});

test('"Officer workspace" is a link on every page: in the footer for a councillor, in the menu in the workspace', async ({ page }) => {
  const footer = page.getByRole('contentinfo');
  const menu = page.getByRole('navigation', { name: 'Main' });
  // A new device, before any profile: the officer never has to pose as a councillor.
  await openApp(page);
  await expect(footer.getByRole('link', { name: 'Officer workspace' })).toBeVisible();
  await setUpProfile(page);
  for (const path of MEMBER_PAGES) {
    await visit(page, path);
    await expect(footer.getByRole('link', { name: 'Officer workspace' }), `in the footer of ${path}`).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Officer workspace' }), `not in the councillor's menu on ${path}`).toHaveCount(0);
  }
  await footer.getByRole('link', { name: 'Officer workspace' }).click();
  await expect(page).toHaveURL(/\/officer$/);
  for (const path of OFFICER_PAGES) {
    await visit(page, path);
    await expect(page.getByRole('link', { name: 'Officer workspace' }), `on ${path}`).toHaveAttribute('aria-current', 'page');
    await expect(menu.getByRole('link', { name: 'Learning record' })).toBeVisible();
  }
});

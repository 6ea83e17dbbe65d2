// The app on a tablet and a phone: every control is big enough to touch, no page is wider
// than the screen at 320 px or at 200% zoom, nor with wider text spacing, and the journeys
// work by keyboard alone.
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';
import { clippedText, overflow, smallTargets, spaceOutText } from './layout.js';

const MEMBER_PAGES = [
  '/',
  '/profile',
  '/learning',
  '/learning/add',
  '/learning/log/code-of-conduct',
  '/surveys',
  '/surveys/training-needs',
  '/plan',
  '/backup',
];
const OFFICER_PAGES = ['/officer', '/officer/reports', '/officer/matrix', '/officer/committee', '/officer/charter', '/officer/pack'];

// Widths in CSS px: a small phone; a 1024 px tablet at 200% zoom; a 1280 px laptop at 200%.
const NARROW = [320, 512, 640];

async function checkPage(page, path) {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, path);
  const start = page.getByRole('button', { name: 'Start survey' });
  if (await start.count()) await start.click();
  await page.waitForLoadState('networkidle');
  expect(await smallTargets(page), `targets under 44 px on ${path} at 1024 px`).toEqual([]);
  for (const width of NARROW) {
    await page.setViewportSize({ width, height: 700 });
    expect(await overflow(page), `${path} scrolls sideways at ${width} px`).toBe(0);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await smallTargets(page), `targets under 44 px on ${path} at 390 px`).toEqual([]);
  // With the text spacing a reader may set (WCAG 1.4.12), at the narrowest width.
  await spaceOutText(page);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await overflow(page), `${path} scrolls sideways with wider text spacing`).toBe(0);
  expect(await clippedText(page), `text cut off on ${path} with wider text spacing`).toEqual([]);
}

test('every member page has targets of 44 px and fits from 320 px and at 200% zoom', async ({ page }) => {
  await openApp(page);
  expect(await smallTargets(page), 'targets on the first run').toEqual([]);
  await setUpProfile(page, { roles: ['Planning committee member', 'Committee chair'] });
  for (const path of MEMBER_PAGES) await checkPage(page, path);
});

test('every officer page has targets of 44 px and fits from 320 px and at 200% zoom', async ({ page }) => {
  await openApp(page, '/officer');
  const files = Array.from({ length: 8 }, (_, i) =>
    asFile(`member-record-member-${i + 1}.json`, memberFile(i + 1, { surveys: [['2025/26', 2], ['2026/27', 4]] })),
  );
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText('8 members.')).toBeVisible();
  for (const path of OFFICER_PAGES) await checkPage(page, path);
});

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `limit`. */
async function tabTo(page, target, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reached by Tab').toBeFocused();
}

/** The element with focus shows a visible outline or ring. */
async function expectVisibleFocus(page) {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });
  expect(ring, 'the focused control shows where focus is').toBe(true);
}

test('a councillor sets up, logs training and exports by keyboard alone', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  expect(await smallTargets(page), 'the skip link, shown on focus').toEqual([]);
  await page.keyboard.press('Enter');

  await tabTo(page, page.getByLabel('Full name'));
  await expectVisibleFocus(page);
  await page.keyboard.type('Cllr Joan Whitfield');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sandwell Metropolitan Borough Council');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Oldbury');
  await tabTo(page, page.getByLabel('Scrutiny committee member'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Scrutiny committee member')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save and continue' }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Joan Whitfield');

  await tabTo(page, page.getByRole('link', { name: 'Learning record' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning record');
  await tabTo(page, page.getByRole('link', { name: 'Log it Code of Conduct' }), 150);
  await page.keyboard.press('Enter');
  // Tab reaches a radio group at its chosen option; the arrow keys move within it.
  await tabTo(page, page.getByLabel('Planned'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Completed', { exact: true })).toBeChecked();
  const completed = page.getByRole('group', { name: 'Date completed' });
  await tabTo(page, completed.getByLabel('Day'));
  await page.keyboard.type('14');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await tabTo(page, page.getByLabel('Evidence (optional)'));
  await page.keyboard.type('CERT-2026-0141');
  await tabTo(page, page.getByRole('button', { name: 'Save activity' }));
  await page.keyboard.press('Enter');
  // Completing it offers the evaluation: rate it by arrow keys, then save.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code of Conduct');
  await tabTo(page, page.getByLabel('1 star', { exact: true }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('4 stars')).toBeChecked();
  await tabTo(page, page.getByRole('link', { name: 'Not now' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Evidence: CERT-2026-0141')).toBeVisible();
  await expect(page.getByText('14 Oct 2026').first()).toBeVisible();
  await expectAccessible(page, 'an activity saved by keyboard');

  await tabTo(page, page.getByRole('link', { name: 'Export and backup' }), 150);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Export my record' }));
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toMatch(/^member-record-cllr-joan-whitfield-/);
});

test('an officer adds a course to the pack and reads the reports by keyboard alone', async ({ page }) => {
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(
    Array.from({ length: 6 }, (_, i) => asFile(`member-record-member-${i + 1}.json`, memberFile(i + 1))),
  );
  await expect(page.getByText('6 members.')).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Council pack' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Council name'));
  await page.keyboard.type('Sandwell Metropolitan Borough Council');
  await tabTo(page, page.getByRole('button', { name: 'Start the council pack' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Not published yet.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Add a course' }), 200);
  await page.keyboard.press('Enter');
  const course = page.locator('details[open]');
  await expect(course.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Chairing planning committee');
  await expect(course.getByLabel('Title')).toHaveValue('Chairing planning committee');
  await expectAccessible(page, 'a course added by keyboard');

  await page.keyboard.press('Shift+Tab');
  await tabTo(page, page.getByRole('link', { name: 'Reports' }), 400);
  await page.keyboard.press('Enter');
  await expect(page.getByText("Reports on the 6 members' files held on this device.")).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Download mandatory compliance (CSV)' }), 40);
  await expectVisibleFocus(page);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toMatch(/^mandatory-compliance-\d{4}-\d{2}-\d{2}\.csv$/);
  const compliance = page.locator('.table-scroll[aria-label="Mandatory compliance"]');
  await tabTo(page, compliance, 5);
  await expectVisibleFocus(page);
});

test('in a Windows contrast theme the page you are on is still marked and the charts keep their bars', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await openApp(page, '/officer');
  const files = Array.from({ length: 12 }, (_, i) =>
    asFile(`member-${i + 1}.json`, memberFile(i + 1, { surveys: [['2025/26', 2 + (i % 3)], ['2026/27', 3 + (i % 3)]] })),
  );
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText('12 members.')).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Survey results' })).toBeVisible();
  const seen = await page.evaluate(() => {
    const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
    return {
      canvas: style('.main-nav', 'backgroundColor'),
      here: style('.main-nav a[aria-current="page"]', 'borderBottomColor'),
      there: style('.main-nav a:not([aria-current])', 'borderBottomColor'),
      tabHere: style('.sub-nav a[aria-current="page"]', 'borderBottomColor'),
      tabThere: style('.sub-nav a:not([aria-current])', 'borderBottomColor'),
      baseline: style('.chart__bar--baseline', 'fill'),
      repeat: style('.chart__bar--repeat', 'fill'),
      baselineKey: style('.key--baseline', 'backgroundColor'),
      repeatKey: style('.key--repeat', 'backgroundColor'),
      label: style('.chart__label', 'fill'),
    };
  });
  // The mark under the current page shows; under the others it is the page's own colour.
  expect(seen.here).not.toBe(seen.canvas);
  expect(seen.there).toBe(seen.canvas);
  expect(seen.tabHere).not.toBe(seen.canvas);
  expect(seen.tabThere).toBe(seen.canvas);
  // Two rounds in two colours, neither the page's, each matching its key; labels readable.
  expect(new Set([seen.baseline, seen.repeat, seen.canvas]).size).toBe(3);
  expect([seen.baselineKey, seen.repeatKey]).toEqual([seen.baseline, seen.repeat]);
  expect(seen.label).not.toBe(seen.canvas);
  await expectAccessible(page, 'the reports in a contrast theme', { skip: ['color-contrast'] });
});

test.describe('opening', () => {
  // The wasm is held back by the test, not served by a service worker from an earlier page.
  test.use({ serviceWorkers: 'block' });

  test('on a slow connection, each part says it is opening until it is ready', async ({ page }) => {
    for (const [path, notice] of [['/', 'Opening your record…'], ['/officer', "Opening the officer's workspace…"]]) {
      let arrive;
      const arrived = new Promise((resolve) => { arrive = resolve; });
      await page.route(/_bg\.wasm$/, async (route) => { await arrived; await route.continue(); });
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      await expect(page.getByRole('status')).toHaveText(notice);
      await expect(page.getByText('Member Development Record', { exact: true })).toBeVisible();
      await expect(page.getByText('this browser may not be able to run the app'), 'the second line waits 20 s').toBeHidden();
      await expectAccessible(page, `${path} while it opens`);
      arrive();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.getByText(notice)).toHaveCount(0);
      await expect(page.getByRole('main')).toHaveCount(1);
      await page.unroute(/_bg\.wasm$/);
    }
  });
});

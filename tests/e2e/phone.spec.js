// The app on a phone (390 x 844, and 320 px for the smallest): the councillor's menu stays
// short, the officer's workspace is a link on every page without sitting in the
// councillor's menu, report tables fit or scroll in their own box and show that they do,
// headings break between words, and buttons keep their distance from what follows.
import { test, expect, logCompleted, openApp, setUpProfile } from './fixtures.js';
import { reportFiles } from './member-files.js';
import { overflow } from './layout.js';

const PHONE = { width: 390, height: 844 };
const MEMBER_PAGES = ['/', '/profile', '/learning', '/learning/add', '/learning/log/code-of-conduct', '/surveys', '/surveys/ethical-framework', '/plan', '/backup'];
const OFFICER_PAGES = ['/officer', '/officer/reports', '/officer/matrix', '/officer/committee', '/officer/charter', '/officer/pack'];

/** Opens a page as a person would come to it: a survey started, the page's code loaded. */
async function visit(page, path) {
  await openApp(page, path);
  const start = page.getByRole('button', { name: 'Start survey' });
  if (await start.count()) await start.click();
  await page.waitForLoadState('networkidle');
}

/** Twenty-four members' files, with answers in two rounds and evaluations, some with comments. */
const membersFiles = () => reportFiles(24, (n) => (n <= 3 ? 'Clear, and the case studies were our own' : ''));

async function importMembers(page) {
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(membersFiles());
  await expect(page.getByText('24 members.')).toBeVisible();
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

  test('a long reference or link wraps on the screen rather than widen the page', async ({ page }) => {
    await setUpProfile(page);
    const reference = 'https://learning.example.gov.uk/certificates/PS-2026-044-AMRIT-KAUR-TIPTON-GREEN-0000123456789';
    await logCompleted(page, 'personal-safety', '2026-09-17', reference);
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await overflow(page), `the learning record scrolls sideways at ${width} px`).toBe(0);
    }
  });

  test('every report table fits the screen or scrolls sideways in its own box, which shows there is more', async ({ page }) => {
    await importMembers(page);
    for (const path of ['/officer', '/officer/reports']) {
      await visit(page, path);
      const tables = await page.locator('main table').evaluateAll((all) =>
        all.map((table) => {
          const screen = document.documentElement.clientWidth;
          let box = table.parentElement;
          while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
          const name = table.closest('[aria-label]')?.getAttribute('aria-label') ?? table.querySelector('th')?.textContent;
          const cut = [...table.querySelectorAll('th, td')]
            .filter((cell) => cell.getClientRects().length)
            .filter((cell) => {
              const r = cell.getBoundingClientRect();
              return r.left < 0 || r.right > screen;
            })
            .map((cell) => cell.textContent.trim().slice(0, 20));
          const scrolls = !!box && box.scrollWidth > box.clientWidth;
          return {
            name,
            cutOutsideABox: box ? [] : cut,
            scrolls,
            boxFits: !box || box.getBoundingClientRect().right <= screen,
            headingsInBox: !box || box.contains(table.querySelector('thead')),
            byKeyboard: !box || (box.tabIndex === 0 && box.getAttribute('role') === 'region' && !!box.getAttribute('aria-label')),
          };
        }),
      );
      expect(tables.length, `tables on ${path}`).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.cutOutsideABox, `${path}: "${t.name}" has no column cut off outside a box that scrolls`).toEqual([]);
        expect(t.boxFits, `${path}: "${t.name}" scrolls within the screen`).toBe(true);
        expect(t.headingsInBox, `${path}: "${t.name}" scrolls with its headings`).toBe(true);
        expect(t.byKeyboard, `${path}: "${t.name}" scrolls by keyboard, named`).toBe(true);
      }
      // A box with columns out of sight shades the edge they are behind, and only that edge.
      for (const region of await page.locator('main .table-scroll').all()) {
        const name = await region.getAttribute('aria-label');
        if (!(await region.evaluate((box) => box.scrollWidth > box.clientWidth + 8))) continue;
        await region.scrollIntoViewIfNeeded();
        await region.evaluate((box) => { box.scrollLeft = 0; });
        const start = await edges(page, region);
        expect(start.right, `${name}: the right edge is shaded while columns are hidden there`).toBeLessThan(start.left - 20);
        await region.evaluate((box) => { box.scrollLeft = box.scrollWidth; });
        const end = await edges(page, region);
        expect(end.left, `${name}: scrolled to the end, the shade moves to the left edge`).toBeLessThan(end.right - 20);
      }
    }
  });
});

/**
 * How light the box looks along its left and right edges, from a screenshot: the median
 * brightness (0-255) of a thin strip inside each edge, so the text in it hardly counts.
 */
async function edges(page, region) {
  const png = (await region.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const strip = (x) => {
      const { data: px } = context.getImageData(x, 0, 3, image.height);
      const light = [];
      for (let i = 0; i < px.length; i += 4) light.push((px[i] + px[i + 1] + px[i + 2]) / 3);
      light.sort((a, b) => a - b);
      return light[Math.floor(light.length / 2)];
    };
    return { left: strip(1), right: strip(image.width - 4) };
  }, png);
}

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

/** Words of headings that a line break splits in two: "self-" on one line, "assessment" on the next. */
async function wordsBrokenInHeadings(page) {
  return page.evaluate(() => {
    const found = [];
    for (const heading of document.querySelectorAll('main h1, main h2, main h3, main legend, main figcaption')) {
      if (!heading.getClientRects().length) continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.bottom))).size;
          // A word wider than the heading itself cannot help but wrap.
          const width = rects.reduce((sum, r) => sum + r.width, 0);
          if (lines > 1 && width <= heading.clientWidth) found.push(`${heading.tagName.toLowerCase()} "${word[0]}"`);
        }
      }
    }
    return found;
  });
}

test('no heading breaks a word in two, on a phone or the smallest screen', async ({ page }) => {
  await setUpProfile(page, { roles: ['Planning committee member', 'Committee chair'] });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.goto('/officer');
  await page.getByLabel("Import members' files").setInputFiles(membersFiles());
  await expect(page.getByText('24 members.')).toBeVisible();
  for (const path of [...MEMBER_PAGES, '/surveys/training-needs', ...OFFICER_PAGES]) {
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await visit(page, path);
      expect(await wordsBrokenInHeadings(page), `${path} at ${width} px`).toEqual([]);
    }
  }
});

test('buttons and tables keep their distance: nothing touches the heading, table or button next to it', async ({ page }) => {
  await importMembers(page);
  const gap = (above, below) =>
    Promise.all([above.boundingBox(), below.boundingBox()]).then(([a, b]) => Math.round(b.y - (a.y + a.height)));
  const members = page.locator('.table-scroll[aria-label="Members held"]');
  expect(await gap(members, page.getByRole('button', { name: 'Clear the workspace' })), 'Clear the workspace under its table').toBeGreaterThanOrEqual(16);
  const audit = page.locator('.table-scroll[aria-label="Training audit"]');
  expect(await gap(page.getByRole('button', { name: 'Download training audit (CSV)' }), audit), 'the download above its table').toBeGreaterThanOrEqual(16);
  // The import's results scroll in a box of their own, framed so that rows cut at its
  // foot read as more to scroll to, and apart from the section that follows.
  const results = page.getByRole('region', { name: 'Import results, one row per file' });
  expect(await results.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
  expect(await results.evaluate((box) => parseFloat(getComputedStyle(box).borderBottomWidth))).toBeGreaterThanOrEqual(1);
  expect(await gap(results, page.getByRole('heading', { name: 'Members held' }))).toBeGreaterThanOrEqual(16);

  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Survey results' })).toBeVisible();
  expect(await gap(page.getByRole('button', { name: 'Print these reports' }), page.locator('section.report').first()), 'Print these reports above the first report').toBeGreaterThanOrEqual(16);
  expect(
    await gap(page.getByRole('button', { name: 'Download survey results (CSV)' }), page.getByRole('heading', { name: /^Ethical framework self-assessment/ })),
    'the survey download above its first heading',
  ).toBeGreaterThanOrEqual(16);
});

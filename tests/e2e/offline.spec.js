// Offline and private: after one visit the app loads and works with the network off, the
// manifest makes it installable, and the Content-Security-Policy allows only the app.
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';

test('after one online visit, the app loads and works with the network off', async ({ page, context }) => {
  await setUpProfile(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');

  await page.getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('link', { name: 'Start Training needs survey' }).click();
  await page.getByRole('button', { name: 'Start survey' }).click();
  await page.getByRole('checkbox').first().check();
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('mdr.v1.record')));
  await expect.poll(async () => (await stored()).record.surveys.length, 'the answer is saved offline').toBe(1);
  expect(Object.keys((await stored()).record.surveys[0].answers)).toHaveLength(1);

  await page.getByRole('link', { name: 'Export and backup' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my record' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^member-record-cllr-amrit-kaur-\d{4}-\d{2}-\d{2}\.json$/);
  await context.setOffline(false);

  // The officer's workspace is built apart, and a councillor's tablet never downloads it.
  const kept = await keptFiles(page);
  expect(kept).toContain('/index.html');
  expect(kept.filter((path) => path.startsWith('/officer/'))).toEqual([]);
});

/// Every address the service worker keeps, in any of its caches.
async function keptFiles(page) {
  return page.evaluate(async () => {
    const caches_ = await Promise.all((await caches.keys()).map((key) => caches.open(key)));
    const requests = (await Promise.all(caches_.map((cache) => cache.keys()))).flat();
    return requests.map((request) => new URL(request.url).pathname);
  });
}

// Each of these stands in a newer build by rewriting dist/sw.js for a moment, so they run
// one after the other: run side by side, one could put back the other's rewritten file.
test.describe('updates', () => {
  test.describe.configure({ mode: 'serial' });

  test("an officer's workspace works offline from its first visit, and still does after an update", async ({ page, context }) => {
    await openApp(page, '/officer');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await expect.poll(() => keptFiles(page)).toContain('/officer/index.html');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText("No members' files yet.")).toBeVisible();
    await page.goto('/officer/reports');
    await expect(page.getByRole('heading', { name: 'Mandatory compliance' })).toBeVisible();
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByLabel('Full name')).toBeVisible();
    await context.setOffline(false);

    // A new build, with a new cache, arriving while only the councillor's pages are open: it
    // keeps the workspace too, because the old build had it.
    const original = await readFile('dist/sw.js', 'utf8');
    try {
      await writeFile('dist/sw.js', original.replace(/const CACHE = "mdr-[0-9a-f]+";/, 'const CACHE = "mdr-a-newer-build";'));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['mdr-a-newer-build']);
      expect(await keptFiles(page)).toContain('/officer/index.html');
      await context.setOffline(true);
      await page.goto('/officer');
      await expect(page.getByText("No members' files yet.")).toBeVisible();
      await expectAccessible(page, 'the workspace offline after an update');
    } finally {
      // The build's own worker first: a context closed by a timeout must not leave it changed.
      await writeFile('dist/sw.js', original);
      await context.setOffline(false);
    }
  });

  test('a new version is offered while someone types, and the page reloads only when asked', async ({ page }) => {
    await setUpProfile(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByLabel('Ward or division').fill('Typing while the update arrives');

    const original = await readFile('dist/sw.js', 'utf8');
    try {
      await writeFile('dist/sw.js', `${original}\n// A newer build.\n`);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const banner = page.getByRole('status').filter({ hasText: 'A new version is ready' });
      await expect(banner).toBeVisible();
      await expectAccessible(page, 'the update offer');
      await page.waitForTimeout(1000);
      await expect(page.getByLabel('Ward or division'), 'nothing reloads by itself').toHaveValue('Typing while the update arrives');
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await expect(page.getByLabel('Ward or division')).toHaveValue('Typing while the update arrives');
      await expect(banner).toHaveCount(0);
    } finally {
      await writeFile('dist/sw.js', original);
    }
  });
});

test("the councillor's pages and the officer's workspace are loaded apart, and link to each other", async ({ page }) => {
  const loaded = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) loaded.push(new URL(request.url()).pathname);
  });
  await setUpProfile(page);
  expect(loaded.some((path) => path.startsWith('/officer/')), "a councillor's visit never fetches the workspace").toBe(false);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

  // The councillor's pages link to the workspace from the footer, out of their menu.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Officer workspace' }).click();
  await expect(page).toHaveURL(/\/officer$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Officer workspace');
  await expect(page).toHaveTitle('Officer workspace – Member Development Record');
  await expect(nav.getByRole('link', { name: 'Officer workspace' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByText("Members' files are kept only on this device, in this browser.")).toBeVisible();
  await expectAccessible(page, 'the workspace reached from the main navigation');

  // The councillor's own pages are still a click away, with the record as it was.
  await nav.getByRole('link', { name: 'Development plan' }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Development plan \d{4}\/\d{2}$/);
  await page.goto('/officer/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');
});

test('the app is installable and its policy allows only itself', async ({ page }) => {
  await openApp(page);
  const manifest = JSON.parse(await readFile('dist/manifest.webmanifest', 'utf8'));
  expect(manifest).toMatchObject({ name: 'Member Development Record', start_url: '/', display: 'standalone', theme_color: '#12365f' });
  for (const icon of manifest.icons) {
    expect(icon.purpose).toContain('maskable');
    const response = await page.request.get(icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    expect(png.readUInt32BE(16), `${icon.src} is as wide as it says`).toBe(Number(icon.sizes.split('x')[0]));
  }
  // Both parts' pages carry the policy, with the hashes of their own loader and stylesheet.
  for (const path of ['/', '/officer']) {
    if (path !== '/') await openApp(page, path);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(csp).not.toContain('INLINE-SCRIPTS');
    // The one stylesheet is inlined and named by its hash; style attributes stay blocked.
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
    expect(csp).not.toContain('unsafe-inline');
  }
  const installable = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return Boolean(link) && 'serviceWorker' in navigator && (await navigator.serviceWorker.ready) !== null;
  });
  expect(installable).toBe(true);
});

test('export and backup says how much is stored and whether the browser will keep it', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const storage = page.getByRole('region', { name: 'Storage on this device' });
  await expect(storage).toContainText(/The app uses \d+(\.\d)? (KB|MB) of this browser's storage\./);
  await expect(storage).toContainText(/The browser has agreed to keep it|Export your record regularly/);
  await expectAccessible(page, 'export and backup with storage');
});


test("each part's files arrive compressed, and the service worker keeps none of the build's compressed copies", async ({ page }) => {
  const encodings = new Map();
  page.on('response', (response) => {
    if (/\.(wasm|js|css)$/.test(response.url())) encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
  });
  await openApp(page);
  await openApp(page, '/officer');
  const loaded = [...encodings];
  expect(loaded.filter(([path]) => path.endsWith('.wasm'))).toHaveLength(2);
  for (const [path, encoding] of loaded) expect(encoding, path).toBe('br');
  // A browser that takes only gzip gets the build's gzip copy.
  const wasm = loaded.find(([path]) => path.endsWith('.wasm'))[0];
  const gzip = await page.request.get(wasm, { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await gzip.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  const worker = await (await page.request.get('/sw.js')).text();
  expect(worker).not.toMatch(/\.(br|gz)"/);
});

test.describe('pages that load when first opened', () => {
  // Without the service worker, every part of the app comes from the network, so the test
  // can take a part away as an unfinished download or a dropped connection would.
  test.use({ serviceWorkers: 'block' });

  test('a page whose part of the app cannot be fetched says so, and opens when tried again', async ({ page, context }) => {
    await setUpProfile(page);
    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    const refused = [];
    await page.route(chunk, (route) => {
      refused.push(new URL(route.request().url()).pathname);
      return route.abort('internetdisconnected');
    });

    await page.getByRole('link', { name: 'Development plan' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be opened');
    await expect(page).toHaveTitle('This page could not be opened – Member Development Record');
    expect(refused.length).toBeGreaterThan(0);
    await expectAccessible(page, 'a page that could not be opened');
    // The rest of the app carries on: home opens, and the record is as it was.
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');
    await page.getByRole('link', { name: 'Development plan' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be opened');

    await page.unroute(chunk);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Development plan \d{4}\/\d{2}$/);

    // The refused downloads are the only errors the console saw.
    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });

  test('a saved record whose reading code cannot be fetched is left unopened and unchanged', async ({ page, context }) => {
    // A new device's first visit needs none of that code: it comes with the other pages.
    await setUpProfile(page);
    const saved = await page.evaluate(() => JSON.stringify(localStorage));
    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    await page.route(chunk, (route) => route.abort('internetdisconnected'));

    await page.reload();
    const problem = page.getByRole('alert').filter({ hasText: 'Your record could not be opened' });
    await expect(problem).toContainText(
      'Your record is not open yet, because the part of the app that reads it has not been downloaded to this device. Nothing has been changed. Connect to the internet, then reload the page.',
    );
    await expect(page.getByRole('heading', { name: 'Set up your record' })).toHaveCount(0);
    // Export and backup comes with the same missing code, so it is not offered.
    await expect(problem.getByRole('link', { name: 'Export and backup' })).toHaveCount(0);
    await expectAccessible(page, 'a record whose reading code could not be fetched');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(saved);

    await page.unroute(chunk);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Cllr Amrit Kaur');

    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });

  test("a second tab that cannot yet fetch the code to combine another tab's save keeps its changes until it can", async ({ page, context }) => {
    await openApp(page);
    const second = await context.newPage();
    await openApp(second);
    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    await second.route(chunk, (route) => route.abort('internetdisconnected'));
    const stored = (tab) => tab.evaluate(() => localStorage.getItem('mdr.v1.record'));

    // Both tabs are on a first visit; the first sets up the record.
    const setUp = async (tab, name) => {
      await tab.getByLabel('Full name').fill(name);
      await tab.getByLabel('Council', { exact: true }).fill('Sandwell Metropolitan Borough Council');
      await tab.getByLabel('Ward or division').fill('Tipton Green');
      await tab.getByLabel('Licensing committee member').check();
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
    };
    await setUp(page, 'Cllr Amrit Kaur');
    const savedByFirst = await stored(page);
    const notShown = second.getByRole('alert').filter({ hasText: 'Your latest changes are not saved yet' });
    await expect(notShown).toContainText(
      'Another tab changed your record, and this one needs part of the app to show the change, which has not been downloaded to this device yet.',
    );

    // The second tab saves its own set-up meanwhile: it is kept, not written over the first.
    await setUp(second, 'Cllr Amrit Kaur MBE');
    await expect(notShown).toContainText(
      'Another tab saved your record, and this one needs part of the app to combine the two copies before it saves, which has not been downloaded to this device yet. Your changes are kept while this page stays open, and the app keeps trying: connect to the internet and keep this page open until they are saved.',
    );
    // Its home page greets the councillor and says why the summary is not there yet.
    await expect(second.getByRole('status').filter({ hasText: 'Your summary' })).toHaveText(
      'Your summary (the training due, your development plan and your last backup) needs part of the app that has not been downloaded to this device yet. It appears here once the device is connected to the internet. Everything you have typed is saved.',
    );
    await expect(second.getByRole('heading', { name: 'About you' })).toHaveCount(0);
    await expectAccessible(second, 'changes waiting for the code that combines two tabs');
    expect(await stored(second), "the first tab's save is not written over unread").toBe(savedByFirst);

    // Once the code can be fetched, the next try combines the two and saves.
    await second.unroute(chunk);
    await expect(notShown).toHaveCount(0, { timeout: 15_000 });
    await expect(second.getByRole('heading', { name: 'About you' }), 'the summary appears without a reload').toBeVisible();
    await expect(second.getByText('Your summary (the training due')).toHaveCount(0);
    const savedRecord = async () => JSON.parse(await stored(second)).record;
    await expect
      .poll(async () => (await savedRecord()).profile.full_name, { message: "the second tab's later change is saved" })
      .toBe('Cllr Amrit Kaur MBE');
    expect((await savedRecord()).set_up_at).not.toBeNull();

    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });

  test('a new device whose code for reading backups cannot be fetched says so, changes nothing, and restores once it can', async ({ page, context }) => {
    // Export and backup opens without that code: it is fetched as a file is chosen.
    await openApp(page, '/backup');
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    const backup = asFile('member-record-member-7.json', memberFile(7, { name: 'Cllr Member Seven' }));
    const pack = { name: 'council-pack-sandwell-v1.json', mimeType: 'application/json', buffer: Buffer.from('{}') };

    await page.getByLabel('Restore from a file').setInputFiles(backup);
    await expect(page.getByRole('alert').filter({ hasText: 'member-record-member-7.json' })).toContainText(
      'cannot be read yet, because the part of the app that reads backup files has not been downloaded to this device. Nothing has changed. Connect to the internet, then choose the file again.',
    );
    await page.getByLabel('Import council pack').setInputFiles(pack);
    await expect(page.getByRole('alert').filter({ hasText: 'council-pack-sandwell-v1.json' })).toContainText(
      'the part of the app that reads council packs has not been downloaded to this device',
    );
    await expectAccessible(page, 'a backup whose reading code could not be fetched');
    expect(await page.evaluate(() => JSON.stringify(localStorage)), 'nothing is stored').toBe(stored);

    await page.unroute(chunk);
    await page.getByLabel('Restore from a file').setInputFiles(backup);
    await expect(page.getByText('Cllr Member Seven')).toBeVisible();
    await page.getByRole('button', { name: 'Restore this record' }).click();
    await expect(page.getByText('Record restored. Welcome back, Cllr Member Seven.')).toBeVisible();

    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });

  test("members' files held whose reading code cannot be fetched are kept, and nothing is imported over them", async ({ page, context }) => {
    await openApp(page, '/officer');
    const files = [1, 2].map((n) => asFile(`member-record-member-${n}.json`, memberFile(n)));
    await page.getByLabel("Import members' files").setInputFiles(files);
    await expect(page.getByRole('status').filter({ hasText: '2 files' })).toContainText('2 accepted');

    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    await page.reload();
    await expect(page.getByText("The members' files on this device could not be shown")).toContainText(
      'The files are kept as they are, and nothing can be imported until they are shown. Reload the page with a connection.',
    );
    await expectAccessible(page, "members' files that could not be shown");

    await page.unroute(chunk);
    await page.reload();
    await expect(page.getByText('2 members.')).toBeVisible();

    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });

  test("an officer's import whose code cannot be fetched says so, keeps nothing, and works when tried again", async ({ page, context }) => {
    const chunk = /-(chunk_\d+|split_[a-z_]+)\.wasm$/;
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    await openApp(page, '/officer');
    await expect(page.getByText("No members' files yet.")).toBeVisible();

    const files = [1, 2].map((n) => asFile(`member-record-member-${n}.json`, memberFile(n)));
    await page.getByLabel("Import members' files").setInputFiles(files);
    await expect(page.getByRole('alert')).toHaveText(
      'The files could not be imported, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. Nothing was imported. Reload the page with a connection, then choose the files again.',
    );
    await expect(page.getByText("No members' files yet.")).toBeVisible();
    await expectAccessible(page, 'an import that could not start');

    await page.unroute(chunk);
    await page.reload();
    await page.getByLabel("Import members' files").setInputFiles(files);
    await expect(page.getByRole('status').filter({ hasText: '2 files' })).toHaveText(
      '2 files: 2 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 0 refused.',
    );

    // The refused downloads are the only errors the console saw.
    const expected = (problem) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem);
    context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !expected(p)));
  });
});

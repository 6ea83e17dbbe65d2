// The officer's workspace locked at rest: once there is a council key, every member's
// record and the list of expected members are kept encrypted (the browser's storage, read
// raw, holds no name, ward or plan text); the workspace opens locked, shows nothing of any
// member until unlocked, locks from every page, when left unused and when closed; records
// kept in the clear are encrypted in their place without losing one, even when the tab is
// closed part-way; a wrong passphrase, however many times, changes nothing; and a
// forgotten one can clear the workspace, saying first what that removes.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';

const COUNCIL = 'Sandwell Metropolitan Borough Council';
const PASSPHRASE = 'Oldbury council house 2026';
const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A member with a ward of their own and a development plan. */
function memberWithPlan(n, name, ward, need) {
  const file = memberFile(n, { name });
  file.record.profile.ward = ward;
  file.record.plans.push({
    year: 2026,
    roles: ['backbench-member'],
    strengths: `Knowing ${ward} well`,
    needs: [{ id: uuid(30000 + n), need, priority: 'high', why: 'I chair the planning committee from May', preferred_format: 'face_to_face' }],
    requested_courses: [],
    other_requests: [],
    preferences: { formats: ['online'], times: ['weekday-evening'], access_needs: '' },
    goals: [],
    meeting: { date: '2026-10-14', held_by: 'Member development officer', notes: 'Agreed to focus on chairing', agreed_actions: 'Book the chairing course' },
    review_on: '2027-04-14',
    sign_off: null,
    reopenings: [],
    updated_at: '2026-11-18T16:32:00Z',
  });
  return file;
}

const MEMBERS = [
  { n: 1, name: 'Cllr Amrit Kaur', ward: 'Tipton Green', need: 'Chairing planning hearings' },
  { n: 2, name: 'Cllr Gwen Pritchard', ward: 'Great Bridge', need: 'Reading council budgets' },
  { n: 3, name: 'Cllr Olusegun Adebayo', ward: 'Wednesbury North', need: 'Handling difficult casework' },
];
// Long enough that none can turn up in base64 ciphertext by chance.
const SECRETS = MEMBERS.flatMap((m) => [m.name, m.ward, m.need]).concat(['Knowing Tipton', 'Cllr Roster Only']);

/**
 * Everything this origin keeps, as stored: every IndexedDB store's entries and
 * localStorage, bytes shown as Latin-1 text so that a name kept in them would show.
 */
async function rawStorage(page) {
  return page.evaluate(async () => {
    const shown = (value) => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value instanceof ArrayBuffer ? value : value.buffer);
        return `bytes:${Array.from(bytes, (b) => String.fromCharCode(b)).join('')}`;
      }
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
      return value;
    };
    const kept = { localStorage: { ...localStorage }, indexedDB: {} };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const tx = db.transaction(store, 'readonly');
        const all = tx.objectStore(store).getAll();
        kept.indexedDB[`${name}/${store}`] = await new Promise((resolve) => { all.onsuccess = () => resolve(all.result.map(shown)); });
      }
      db.close();
    }
    return kept;
  });
}

function expectNothingOfAnyMember(raw) {
  const text = JSON.stringify(raw);
  for (const secret of SECRETS) {
    expect(text, `“${secret}” is nowhere in the browser's storage`).not.toContain(secret);
  }
}

async function startPack(page) {
  await openApp(page, '/officer/pack');
  await page.getByLabel('Council name').fill(COUNCIL);
  await page.getByRole('button', { name: 'Start the council pack' }).click();
}

async function makeKey(page) {
  await page.getByRole('link', { name: 'Council pack' }).click();
  await page.getByLabel('Passphrase for the council key').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the council key' }).click();
  await expect(page.getByText('The council key has been made.')).toBeVisible();
}

async function unlock(page, passphrase = PASSPHRASE) {
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await page.getByLabel('Passphrase for the council key').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock the workspace' }).click();
}

async function expectLocked(page) {
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock the workspace', exact: true })).toHaveCount(0);
  const shown = await page.locator('body').innerText();
  for (const secret of SECRETS) expect(shown, `“${secret}” is not shown while locked`).not.toContain(secret);
}

test('kept encrypted at rest, opened only when unlocked, locked from every page', async ({ page }) => {
  test.setTimeout(120_000);
  await startPack(page);
  // Members imported before there is a key are kept in the clear, as before …
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByLabel("Import members' files").setInputFiles(
    MEMBERS.slice(0, 2).map((m) => asFile(`member-record-${m.n}.json`, memberWithPlan(m.n, m.name, m.ward, m.need))),
  );
  await expect(page.getByText('2 members.')).toBeVisible();
  expect(JSON.stringify(await rawStorage(page))).toContain('Cllr Amrit Kaur');
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel(/members you expect/i).fill('Cllr Amrit Kaur\nCllr Roster Only');

  // … and encrypted in their place once the key is made; what is imported from then on
  // is written encrypted, and so is the list of expected members.
  await makeKey(page);
  await page.getByRole('link', { name: "Members' files" }).click();
  await expect(page.getByRole('rowheader', { name: 'Cllr Amrit Kaur', exact: true })).toBeVisible();
  const third = MEMBERS[2];
  await page.getByLabel("Import members' files").setInputFiles(asFile('member-record-3.json', memberWithPlan(third.n, third.name, third.ward, third.need)));
  await expect(page.getByText('3 members.')).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByLabel(/members you expect/i)).toHaveValue('Cllr Amrit Kaur\nCllr Roster Only');
  await page.getByLabel(/members you expect/i).fill('Cllr Amrit Kaur\nCllr Gwen Pritchard\nCllr Roster Only');
  await expect.poll(async () => JSON.stringify(await rawStorage(page)).includes('Cllr Roster Only')).toBe(false);

  const raw = await rawStorage(page);
  expectNothingOfAnyMember(raw);
  const entries = raw.indexedDB['mdr-officer/members'];
  expect(entries).toHaveLength(3);
  for (const entry of entries) {
    expect(Object.keys(entry)).toEqual(['format', 'member_id', 'nonce', 'ciphertext']);
    expect(entry.format).toBe('member-development-held-record');
    expect(entry.nonce).toHaveLength('bytes:'.length + 12);
  }
  const [dataKey] = raw.indexedDB['mdr-officer-keys/keys'];
  expect(JSON.parse(dataKey)).toMatchObject({ format: 'member-development-data-key', key: { encoding: 'raw', cipher: 'AES-256-GCM', kdf: 'PBKDF2-HMAC-SHA256', iterations: 600000 } });
  expect(JSON.parse(raw.localStorage['mdr.v1.officer.roster']).format).toBe('member-development-held-record');

  // Closed and opened again, every address shows the locked workspace and nothing else.
  await page.reload();
  await expectLocked(page);
  await expectAccessible(page, 'the locked workspace');
  for (const address of ['/officer', '/officer/reports', '/officer/matrix', `/officer/members/${uuid(1)}`]) {
    await page.goto(address);
    await expectLocked(page);
  }

  // A wrong passphrase, however many times, says so and changes nothing.
  for (const wrong of ['oldbury council house 2026', 'Oldbury council house 2025', 'Oldbury', 'x'.repeat(40), `${PASSPHRASE} `]) {
    await page.getByLabel('Passphrase for the council key').fill(wrong);
    await page.getByRole('button', { name: 'Unlock the workspace' }).click();
    await expect(page.getByText('That passphrase does not unlock the workspace')).toBeVisible();
  }
  await expectAccessible(page, 'a wrong passphrase for the workspace');
  expect(await rawStorage(page)).toEqual(raw);

  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Member not found' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Cllr Amrit Kaur' })).toBeVisible();
  await expect(page.getByText('Chairing planning hearings')).toBeVisible();

  // Unlocked, the CSVs are as ever: the training audit lists every member held.
  await page.goto('/officer');
  await unlock(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download training audit (CSV)' }).click();
  const audit = await readFile(await (await downloading).path(), 'utf8');
  for (const m of MEMBERS) expect(audit).toContain(`${m.name},Sandwell Metropolitan Borough Council,${m.ward},Code of Conduct`);
  await page.getByRole('button', { name: 'Lock the workspace', exact: true }).click();

  // Locked from every officer page, each time showing nothing of any member.
  for (const [address, shows] of [
    ['/officer', page.getByRole('rowheader', { name: 'Cllr Gwen Pritchard', exact: true })],
    ['/officer/reports', page.getByLabel(/members you expect/i)],
    ['/officer/matrix', page.getByRole('rowheader', { name: /Cllr Amrit Kaur/ })],
    ['/officer/pack', page.getByRole('heading', { name: 'Council key' })],
    [`/officer/members/${uuid(3)}`, page.getByRole('heading', { name: 'Cllr Olusegun Adebayo' })],
  ]) {
    if (address !== `/officer/members/${uuid(1)}`) await page.goto(address);
    await unlock(page);
    await expect(shows).toBeVisible();
    if (address === '/officer/reports') await expect(shows).toHaveValue('Cllr Amrit Kaur\nCllr Gwen Pritchard\nCllr Roster Only');
    await expectAccessible(page, `${address} unlocked`);
    await page.getByRole('button', { name: 'Lock the workspace', exact: true }).click();
    await expectLocked(page);
  }
});

test('locks itself when left for the chosen time, and not while in use', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await startPack(page);
  await makeKey(page);
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByLabel("Import members' files").setInputFiles(asFile('member-record-1.json', memberWithPlan(1, MEMBERS[0].name, MEMBERS[0].ward, MEMBERS[0].need)));
  await expect(page.getByRole('rowheader', { name: 'Cllr Amrit Kaur', exact: true })).toBeVisible();

  // Fifteen minutes unless the officer chooses: used at fourteen, it stays unlocked.
  await page.clock.fastForward('14:00');
  await page.getByRole('heading', { name: 'Members held' }).click();
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('rowheader', { name: 'Cllr Amrit Kaur', exact: true })).toBeVisible();
  await page.clock.fastForward('02:00');
  await expectLocked(page);

  // Five minutes, once chosen on the Council pack page.
  await unlock(page);
  await page.getByRole('link', { name: 'Council pack' }).click();
  await expect(page.getByLabel('Lock the workspace when left for')).toHaveValue('15');
  await page.getByLabel('Lock the workspace when left for').selectOption('5');
  await expectAccessible(page, 'the choice of when the workspace locks');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { name: 'Council key' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expectLocked(page);
  await page.reload();
  await unlock(page);
  await page.getByRole('link', { name: 'Council pack' }).click();
  await expect(page.getByLabel('Lock the workspace when left for')).toHaveValue('5');
});

test('records kept in the clear are encrypted in their place, and a tab closed part-way loses none', async ({ browser }) => {
  test.setTimeout(180_000);
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await startPack(officer);
  const count = 400;
  await officer.getByRole('link', { name: "Members' files" }).click();
  await officer.getByLabel("Import members' files").setInputFiles(Array.from({ length: count }, (_, i) => asFile(`member-record-${i + 1}.json`, memberFile(i + 1))));
  await expect(officer.getByText(`${count} members.`)).toBeVisible();

  // A page of the same site that watches the store while the key is made.
  const watcher = await laptop.newPage();
  await watcher.goto('/schema/council-key.schema.json');
  const encrypted = () => watcher.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('mdr-officer');
    open.onsuccess = () => {
      const all = open.result.transaction('members', 'readonly').objectStore('members').getAll();
      all.onsuccess = () => {
        resolve(all.result.filter((e) => e.format === 'member-development-held-record' && e.ciphertext instanceof ArrayBuffer).length);
        open.result.close();
      };
    };
  }));
  await makeKey(officer);
  // The tab is closed as soon as encrypting has begun.
  let seen = 0;
  for (let i = 0; i < 400 && seen === 0; i += 1) seen = await encrypted();
  await officer.close({ runBeforeUnload: false });
  test.info().annotations.push({ type: 'closed part-way', description: `${seen} of ${count} encrypted when the tab closed` });

  const reopened = await laptop.newPage();
  await openApp(reopened, '/officer');
  await unlock(reopened);
  await expect(reopened.getByText(`${count} members.`)).toBeVisible();
  await expect.poll(encrypted).toBe(count);

  // The same, exactly: entries left in the clear beside encrypted ones (what a tab closed
  // part-way leaves) are all read, then encrypted.
  const plain = [1, 7, 200, 399].map((n) => ({ id: uuid(n), text: JSON.stringify({ devices: [uuid(90000 + n)], file: memberFile(n, { name: `Cllr Left Plain ${n}` }) }) }));
  await watcher.evaluate((entries) => new Promise((resolve) => {
    const open = indexedDB.open('mdr-officer');
    open.onsuccess = () => {
      const tx = open.result.transaction('members', 'readwrite');
      for (const { id, text } of entries) tx.objectStore('members').put(text, id);
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }), plain);
  expect(await encrypted()).toBe(count - plain.length);
  await reopened.reload();
  await unlock(reopened);
  await expect(reopened.getByText(`${count} members.`)).toBeVisible();
  await reopened.getByLabel('Find a member').fill('Left Plain');
  for (const n of [1, 7, 200, 399]) {
    await expect(reopened.getByRole('rowheader', { name: `Cllr Left Plain ${n}`, exact: true })).toBeVisible();
  }
  await expect.poll(encrypted).toBe(count);
  await laptop.close();
});

test('a forgotten passphrase: the page says what is lost, and clearing asks first', async ({ page }) => {
  await startPack(page);
  await makeKey(page);
  await page.getByRole('link', { name: "Members' files" }).click();
  await page.getByLabel("Import members' files").setInputFiles(asFile('member-record-1.json', memberWithPlan(1, MEMBERS[0].name, MEMBERS[0].ward, MEMBERS[0].need)));
  await expect(page.getByRole('rowheader', { name: 'Cllr Amrit Kaur', exact: true })).toBeVisible();
  await page.reload();
  await expectLocked(page);
  await expect(page.getByRole('heading', { name: 'Forgotten the passphrase?' })).toBeVisible();
  await expect(page.getByText('Restoring the key backup needs the same passphrase.')).toBeVisible();
  const before = await rawStorage(page);

  // Thinking better of it changes nothing.
  await page.getByRole('button', { name: 'Clear the workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Clear the workspace?' })).toBeVisible();
  await expectAccessible(page, 'asked before the workspace is cleared');
  await page.getByRole('button', { name: 'Keep the workspace locked' }).click();
  await expectLocked(page);
  expect(await rawStorage(page)).toEqual(before);

  await page.getByRole('button', { name: 'Clear the workspace' }).click();
  await page.getByRole('button', { name: 'Remove every record and key' }).click();
  await expect(page.getByText('The workspace has been cleared')).toBeVisible();
  await expect(page.getByText('No members\' files yet')).toBeVisible();
  const after = await rawStorage(page);
  expect(after.indexedDB['mdr-officer/members']).toEqual([]);
  expect(after.indexedDB['mdr-officer-keys/keys']).toEqual([]);
  expect(after.localStorage['mdr.v1.officer.council-keys']).toBeUndefined();
  expect(after.localStorage['mdr.v1.officer.pack'], 'the council pack is kept').toBe(before.localStorage['mdr.v1.officer.pack']);
  await expectAccessible(page, 'a cleared workspace');
  // Open again, it is not locked: the members' files can be imported as before.
  await page.reload();
  await expect(page.getByLabel("Import members' files")).toBeVisible();
});

// Files only the council can open: an officer makes the council key, backs it up and
// publishes a pack carrying it; two councillors apply the pack and download their files for
// the council, neither of which holds a name; the officer unlocks once and imports both with
// a plain file and a passphrase-locked one. A file sealed to a second council's key is
// refused with its fingerprint, a flipped byte is refused, and on a fresh browser the
// officer restores the key from its backup and opens the same files. An independent HPKE
// implementation (@hpke/core, in tests/e2e/council-hpke.js) opens what the app sealed, and
// the app opens what it sealed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, expectAccessible, openApp, setUpProfile } from './fixtures.js';
import { asFile, lockedFile, memberFile, packFile } from './member-files.js';
import { makeKeyBackup, openFileForCouncil, sealForCouncil } from './council-hpke.js';

const COUNCIL = 'Sandwell Metropolitan Borough Council';
// The key's passphrase typed as an iPad does (ŷ as one character) and as Windows may
// (y and a combining circumflex): both are the same passphrase.
const COMPOSED = 'T\u0177 Coch ward surgery 2026';
const DECOMPOSED = 'Ty\u0302 Coch ward surgery 2026';
const LOCKED_WITH = 'Tipton Green surgery 2026';

async function schemaCheck(schemaFile, value) {
  const schema = JSON.parse(await readFile(`dist/schema/${schemaFile}`, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.validate(schema, value);
  return ajv.errors ?? [];
}

async function downloaded(page, click) {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function openPackPage(officer) {
  await openApp(officer, '/officer/pack');
  await expect(officer.getByRole('heading', { name: 'Council key' })).toBeVisible();
}

/** A councillor on their own tablet applies the pack and downloads their file for the council. */
async function councillorSends(browser, pack, profile) {
  const tablet = await browser.newContext();
  const page = await tablet.newPage();
  await setUpProfile(page, profile);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  await expect(page.getByRole('button', { name: 'Download the file for the council' })).toHaveCount(0);
  await page.getByLabel('Import council pack').setInputFiles(asFile(pack.name, pack.text));
  await page.getByRole('button', { name: 'Apply this pack' }).click();
  await expect(page.getByText(`${COUNCIL}'s pack, version 1, is now in use.`)).toBeVisible();
  const fingerprint = JSON.parse(pack.text).council_key.fingerprint;
  const section = page.getByRole('region', { name: 'Send your record to the council' });
  await expect(section.getByText('Key fingerprint')).toBeVisible();
  await expect(section).toContainText(fingerprint);
  await expectAccessible(page, 'Export and backup with a council key');
  const file = await downloaded(page, () => page.getByRole('button', { name: 'Download the file for the council' }).click());
  await expect(page.getByText('Your file for the council was saved as')).toBeVisible();
  await tablet.close();
  return file;
}

test('sealed returns: made, sent, refused when foreign or changed, and opened again on a new laptop', async ({ browser }) => {
  test.setTimeout(240_000);
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await openApp(officer, '/officer/pack');
  await officer.getByLabel('Council name').fill(COUNCIL);
  await officer.getByRole('button', { name: 'Start the council pack' }).click();
  await expect(officer.getByRole('heading', { name: 'Council key' })).toBeVisible();
  await expectAccessible(officer, 'the pack page before a council key');

  // A short passphrase, and two that differ, are refused with a reason.
  const passphrase = officer.getByLabel('Passphrase for the council key');
  await passphrase.fill('too short');
  await officer.getByRole('button', { name: 'Create the council key' }).click();
  await expect(officer.getByText('Enter a passphrase of at least 12 characters')).toBeVisible();
  await passphrase.fill(COMPOSED);
  await officer.getByLabel('Type the passphrase again').fill(DECOMPOSED.slice(0, -1));
  await officer.getByRole('button', { name: 'Create the council key' }).click();
  await expect(officer.getByText('The two passphrases are different')).toBeVisible();
  await officer.getByLabel('Type the passphrase again').fill(COMPOSED);
  await officer.getByRole('button', { name: 'Create the council key' }).click();
  await expect(officer.getByText('The council key has been made. Now download the key backup.')).toBeVisible();
  const fingerprint = (await officer.locator('.key-fingerprint__value').textContent()).trim();
  expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  await expect(officer.getByText('can never be opened by anyone')).toBeVisible();
  await expectAccessible(officer, 'a council key not yet backed up');

  // No pack carries the key before its backup is saved.
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  await expect(officer.getByText('Download the key backup before you publish the pack')).toBeVisible();
  const backup = await downloaded(officer, () => officer.getByRole('button', { name: 'Download the key backup' }).click());
  expect(backup.name).toBe(`council-key-${fingerprint.replaceAll(' ', '').toLowerCase()}-${new Date().toISOString().slice(0, 10)}.json`);
  const backupJson = JSON.parse(backup.text);
  expect(backupJson).toMatchObject({ format: 'member-development-council-key', version: 1, fingerprint });
  expect(backupJson.private_key).toMatchObject({ encoding: 'PKCS#8', cipher: 'AES-256-GCM', kdf: 'PBKDF2-HMAC-SHA256', iterations: 600000 });
  expect(await schemaCheck('council-key.schema.json', backupJson), 'the key backup matches its schema').toEqual([]);
  // Kept in the browser only wrapped: what is stored is the backup, nothing more.
  const kept = await officer.evaluate(() => localStorage.getItem('mdr.v1.officer.council-keys'));
  expect(JSON.parse(kept).keys[0].key).toEqual(backupJson);

  const pack = await downloaded(officer, () => officer.getByRole('button', { name: 'Export council pack' }).click());
  const packJson = JSON.parse(pack.text);
  expect(packJson.council_key).toEqual({ key_id: backupJson.key_id, fingerprint, public_key: backupJson.public_key });
  expect(await schemaCheck('council-pack.schema.json', packJson), 'the pack matches its schema').toEqual([]);
  await expect(officer.getByText(`It carries the council key ${fingerprint}`)).toBeVisible();

  // Two councillors send their files for the council; neither holds a name.
  const first = await councillorSends(browser, pack, { name: 'Cllr Amrit Kaur', ward: 'Tipton Green' });
  const second = await councillorSends(browser, pack, { name: 'Cllr Gwen Pritchard', ward: 'Great Bridge' });
  for (const [file, name, ward] of [[first, 'Amrit', 'Tipton Green'], [second, 'Pritchard', 'Great Bridge']]) {
    expect(file.name).toMatch(/^member-record-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-for-the-council\.json$/);
    const sealed = JSON.parse(file.text);
    // Short words can turn up in base64 by chance: what is outside the ciphertext is
    // checked for every one, the whole file for the longer ones.
    const outsideCiphertext = JSON.stringify({ ...sealed, ciphertext: null });
    for (const secret of [name, ward, 'Kaur', 'Gwen']) {
      expect(outsideCiphertext, `“${secret}” is only inside the ciphertext`).not.toContain(secret);
      if (secret.length >= 8) expect(file.text).not.toContain(secret);
      expect(file.name).not.toContain(secret.toLowerCase());
    }
    expect(sealed.sealed_to).toMatchObject({ hpke: 'RFC 9180', mode: 'base', kem: 'DHKEM(P-256, HKDF-SHA256)', kdf: 'HKDF-SHA256', aead: 'AES-256-GCM', key_id: backupJson.key_id });
    expect(await schemaCheck('member-record.schema.json', sealed), 'a file for the council matches the schema').toEqual([]);
  }

  // An independent HPKE implementation opens what the app sealed, with the backup and its
  // passphrase typed the other way.
  const opened = JSON.parse(await openFileForCouncil(first.text, backup.text, DECOMPOSED));
  expect(opened.record.profile.full_name).toBe('Cllr Amrit Kaur');
  // ... and seals a file the app's officer opens.
  const outside = await sealForCouncil(packJson.council_key, JSON.stringify(memberFile(3, { name: 'Cllr Outside Sealer' })));
  // A second council's officer seals to their own key.
  const dudley = await makeKeyBackup('Dudley Metropolitan Borough Council', 'Dudley Council House 2026');
  const foreign = await sealForCouncil(dudley.councilKey, JSON.stringify(memberFile(4, { name: 'Cllr Dudley Member' })));
  const flipped = JSON.parse(second.text);
  const piece = flipped.ciphertext[0];
  flipped.ciphertext[0] = piece.slice(0, 30) + (piece[30] === 'A' ? 'B' : 'A') + piece.slice(31);
  const batch = [
    asFile(first.name, first.text),
    asFile(second.name, second.text),
    asFile('member-record-outside-for-the-council.json', outside),
    asFile('member-record-plain.json', memberFile(5, { name: 'Cllr Plain File' })),
    asFile('member-record-locked.json', await lockedFile(memberFile(6, { name: 'Cllr Locked File' }), LOCKED_WITH)),
    asFile('member-record-dudley.json', foreign),
    asFile('member-record-flipped.json', JSON.stringify(flipped)),
  ];

  // The key made in this tab is unlocked until the tab closes; after a reload the whole
  // workspace is locked, and one unlock opens it and the council key for the batch. A wrong
  // passphrase says so and changes nothing.
  await officer.reload();
  await expect(officer.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await officer.getByLabel('Passphrase for the council key').fill('Ty Coch ward surgery 2026');
  await officer.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(officer.getByText('That passphrase does not unlock the workspace')).toBeVisible();
  await expectAccessible(officer, 'a wrong passphrase for the workspace');
  await officer.getByLabel('Passphrase for the council key').fill(DECOMPOSED);
  await officer.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(officer.getByRole('heading', { name: 'Council key' })).toBeVisible();
  await officer.getByRole('link', { name: "Members' files" }).click();
  await officer.getByLabel('Passphrase for locked files (optional)').fill(LOCKED_WITH);
  await officer.getByLabel("Import members' files").setInputFiles(batch);
  for (const name of ['Cllr Amrit Kaur', 'Cllr Gwen Pritchard', 'Cllr Outside Sealer', 'Cllr Plain File', 'Cllr Locked File']) {
    await expect(officer.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
  await expect(officer.getByText(`“member-record-dudley.json” was not imported. This file is sealed to a council key this workspace does not hold (key fingerprint ${dudley.councilKey.fingerprint}).`)).toBeVisible();
  await expect(officer.getByText('“member-record-flipped.json” was not imported. This file has been changed since it was sealed for the council')).toBeVisible();
  await expect(officer.getByRole('rowheader', { name: 'Cllr Dudley Member', exact: true })).toHaveCount(0);
  await expectAccessible(officer, 'an import of sealed, locked and plain files');
  await laptop.close();

  // A new laptop: the key is restored from its backup, then the same files open.
  const newLaptop = await browser.newContext();
  const fresh = await newLaptop.newPage();
  await openApp(fresh, '/officer/pack');
  await fresh.getByLabel('Council name').fill(COUNCIL);
  await fresh.getByRole('button', { name: 'Start the council pack' }).click();
  // Before the key is restored, a file sealed for the council is refused with what to do,
  // affecting nothing else in the batch.
  await fresh.getByRole('link', { name: "Members' files" }).click();
  await fresh.getByLabel("Import members' files").setInputFiles([batch[0], batch[3]]);
  await expect(fresh.getByText(`“${first.name}” was not imported. This file is sealed for the council`)).toBeVisible();
  await expect(fresh.getByRole('rowheader', { name: 'Cllr Plain File', exact: true })).toBeVisible();
  await fresh.getByRole('link', { name: 'Council pack' }).click();
  await fresh.getByLabel('Restore the council key from a backup').setInputFiles(asFile(backup.name, backup.text));
  await expect(fresh.getByText(`“${backup.name}” was not restored: enter the backup's passphrase`)).toBeVisible();
  await fresh.getByLabel('Passphrase for the council key').fill('not the passphrase at all');
  await fresh.getByLabel('Restore the council key from a backup').setInputFiles(asFile(backup.name, backup.text));
  await expect(fresh.getByText(`“${backup.name}” was not restored. That passphrase does not unlock the council key.`)).toBeVisible();
  expect(await fresh.evaluate(() => localStorage.getItem('mdr.v1.officer.council-keys')), 'a wrong passphrase keeps nothing').toBeNull();
  await fresh.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await fresh.getByLabel('Restore the council key from a backup').setInputFiles(asFile(backup.name, backup.text));
  await expect(fresh.getByText(`The council key ${fingerprint} has been restored`)).toBeVisible();
  await expect(fresh.locator('.key-fingerprint__value')).toHaveText(fingerprint);
  await expectAccessible(fresh, 'a council key restored from its backup');
  await fresh.getByRole('link', { name: "Members' files" }).click();
  // The plain file imported before the key came is now kept encrypted with the rest.
  await expect(fresh.getByRole('rowheader', { name: 'Cllr Plain File', exact: true })).toBeVisible();
  await fresh.getByLabel("Import members' files").setInputFiles([batch[0], batch[1]]);
  await expect(fresh.getByRole('rowheader', { name: 'Cllr Amrit Kaur', exact: true })).toBeVisible();
  await expect(fresh.getByRole('rowheader', { name: 'Cllr Gwen Pritchard', exact: true })).toBeVisible();
  await newLaptop.close();
});

test('a new council key over the years: packs carry the newest, files sealed to older keys still open', async ({ browser }) => {
  test.setTimeout(180_000);
  const laptop = await browser.newContext();
  const officer = await laptop.newPage();
  await openApp(officer, '/officer/pack');
  await officer.getByLabel('Council name').fill(COUNCIL);
  await officer.getByRole('button', { name: 'Start the council pack' }).click();
  await officer.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await officer.getByLabel('Type the passphrase again').fill(COMPOSED);
  await officer.getByRole('button', { name: 'Create the council key' }).click();
  await expect(officer.getByText('The council key has been made.')).toBeVisible();
  await downloaded(officer, () => officer.getByRole('button', { name: 'Download the key backup' }).click());
  const firstPack = JSON.parse((await downloaded(officer, () => officer.getByRole('button', { name: 'Export council pack' }).click())).text);
  const oldFile = await sealForCouncil(firstPack.council_key, JSON.stringify(memberFile(1, { name: 'Cllr Sealed Last Year' })));

  // The new key is kept under the same passphrase: another one is refused.
  await officer.getByLabel('Passphrase for the council key').fill('a different passphrase');
  await officer.getByRole('button', { name: 'Make a new council key' }).click();
  await expect(officer.getByText('That passphrase does not unlock the council key')).toBeVisible();
  await officer.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await officer.getByRole('button', { name: 'Make a new council key' }).click();
  await expect(officer.getByText('A new council key has been made.')).toBeVisible();
  await expect(officer.getByText(`Older keys, still kept so that files sealed to them open: ${firstPack.council_key.fingerprint}`)).toBeVisible();
  await officer.getByRole('button', { name: 'Export council pack' }).click();
  await expect(officer.getByText('Download the key backup before you publish the pack')).toBeVisible();
  await downloaded(officer, () => officer.getByRole('button', { name: 'Download the key backup' }).click());
  const secondPack = JSON.parse((await downloaded(officer, () => officer.getByRole('button', { name: 'Export council pack' }).click())).text);
  expect(secondPack.council_key.key_id).not.toBe(firstPack.council_key.key_id);
  const newFile = await sealForCouncil(secondPack.council_key, JSON.stringify(memberFile(2, { name: 'Cllr Sealed This Year' })));

  // After a reload the workspace is locked again; one unlock, here at the Council pack
  // page's address, opens files sealed to either key.
  await officer.reload();
  await expect(officer.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await expect(officer.getByRole('heading', { name: 'Council key' })).toHaveCount(0);
  await officer.getByLabel('Passphrase for the council key').fill('a different passphrase');
  await officer.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(officer.getByText('That passphrase does not unlock the workspace')).toBeVisible();
  await officer.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await officer.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(officer.getByRole('heading', { name: 'Council key' })).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Unlock the workspace' })).toHaveCount(0);
  await officer.getByRole('link', { name: "Members' files" }).click();
  await officer.getByLabel("Import members' files").setInputFiles([asFile('old.json', oldFile), asFile('new.json', newFile)]);
  await expect(officer.getByRole('rowheader', { name: 'Cllr Sealed Last Year', exact: true })).toBeVisible();
  await expect(officer.getByRole('rowheader', { name: 'Cllr Sealed This Year', exact: true })).toBeVisible();
  await laptop.close();
});

test('a pack whose council key is malformed is refused with the reason, and changes nothing', async ({ page }) => {
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Export and backup' }).click();
  const before = await page.evaluate(() => localStorage.getItem('mdr.v1.record'));
  const pack = packFile({ council: COUNCIL });
  pack.council_key = { key_id: '0'.repeat(64), fingerprint: '0000 0000 0000 0000', public_key: Buffer.from([4, ...new Array(64).fill(7)]).toString('base64') };
  await page.getByLabel('Import council pack').setInputFiles(asFile('council-pack-bad-key.json', pack));
  await expect(page.getByText('its council key does not match the key')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mdr.v1.record'))).toBe(before);
  await expect(page.getByRole('button', { name: 'Download the file for the council' })).toHaveCount(0);
  await expectAccessible(page, 'a pack with a malformed council key');

  // A key whose id and fingerprint are its own, but which is not a point on the curve:
  // only the browser's curve can tell, and it does before anything is applied.
  const offCurve = Buffer.from([4, ...new Array(64).fill(7)]);
  const keyId = createHash('sha256').update(offCurve).digest('hex');
  pack.council_key = { key_id: keyId, fingerprint: keyId.slice(0, 16).toUpperCase().match(/.{4}/g).join(' '), public_key: offCurve.toString('base64') };
  await page.getByLabel('Import council pack').setInputFiles(asFile('council-pack-off-curve.json', pack));
  await expect(page.getByText('its council key is not a public key of the kind the app seals files to')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply this pack' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('mdr.v1.record'))).toBe(before);
});

test('a council key made in another tab locks this one, and is never lost or kept under a second passphrase', async ({ browser }) => {
  const laptop = await browser.newContext();
  const first = await laptop.newPage();
  await openApp(first, '/officer/pack');
  await first.getByLabel('Council name').fill(COUNCIL);
  await first.getByRole('button', { name: 'Start the council pack' }).click();
  const second = await laptop.newPage();
  await openApp(second, '/officer/pack');
  await expect(second.getByRole('button', { name: 'Create the council key' })).toBeVisible();

  await first.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await first.getByLabel('Type the passphrase again').fill(COMPOSED);
  await first.getByRole('button', { name: 'Create the council key' }).click();
  await expect(first.getByText('The council key has been made.')).toBeVisible();
  const fingerprint = (await first.locator('.key-fingerprint__value').textContent()).trim();

  // The second tab, opened before, locks as soon as the key is made: it shows no more of
  // the workspace until unlocked with the key's passphrase.
  await expect(second.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Create the council key' })).toHaveCount(0);
  await second.getByLabel('Passphrase for the council key').fill('another passphrase entirely');
  await second.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(second.getByText('That passphrase does not unlock the workspace')).toBeVisible();
  await expectAccessible(second, 'a tab locked by a key made in another tab');
  await second.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await second.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(second.locator('.key-fingerprint__value')).toHaveText(fingerprint);
  const kept = JSON.parse(await second.evaluate(() => localStorage.getItem('mdr.v1.officer.council-keys')));
  expect(kept.keys.map((k) => k.key.fingerprint)).toEqual([fingerprint]);

  // With the first key's passphrase, a second key joins it: both are kept.
  await second.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await second.getByRole('button', { name: 'Make a new council key' }).click();
  await expect(second.getByText('A new council key has been made.')).toBeVisible();
  const both = JSON.parse(await second.evaluate(() => localStorage.getItem('mdr.v1.officer.council-keys')));
  expect(both.keys).toHaveLength(2);
  expect(both.keys[0].key.fingerprint).toBe(fingerprint);
  await laptop.close();
});

test('council keys saved in this browser that cannot be read are said so and never written over', async ({ page }) => {
  await openApp(page, '/officer/pack');
  await page.getByLabel('Council name').fill(COUNCIL);
  await page.getByRole('button', { name: 'Start the council pack' }).click();
  await page.evaluate(() => localStorage.setItem('mdr.v1.officer.council-keys', '{"keys": [{"key": '));
  await page.reload();
  // Kept keys, even unreadable ones, mean a workspace locked at rest.
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await page.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await page.getByRole('button', { name: 'Unlock the workspace' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The council keys saved in this browser cannot be read.' })).toBeVisible();
  await expectAccessible(page, 'council keys that cannot be read');
  await page.getByLabel('Passphrase for the council key').fill(COMPOSED);
  await page.getByLabel('Type the passphrase again').fill(COMPOSED);
  await page.getByRole('button', { name: 'Create the council key' }).click();
  await expect(page.getByText('still opens members\' sealed files. No key was made.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mdr.v1.officer.council-keys'))).toBe('{"keys": [{"key": ');
});

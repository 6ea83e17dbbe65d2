// Checks the second implementation in council-hpke.js on its own, without the app or
// Playwright: node tests/e2e/council-hpke.selfcheck.mjs
import { readFileSync } from 'node:fs';
import {
  councilSuite,
  fingerprintOf,
  keyIdOf,
  makeKeyBackup,
  openFileForCouncil,
  openKeyBackup,
  sealForCouncil,
} from './council-hpke.js';

const VECTOR = new URL('../../crates/domain/tests/fixtures/hpke/p256-sha256-aes256gcm-base.json', import.meta.url);
const DECOMPOSED = 'Ty\u0302 Coch';
const COMPOSED = 'T\u0177 Coch';

let failures = 0;

/** Runs one check and prints one line: ok or FAIL with the reason. */
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

/** Throws with `message` unless `condition` holds. */
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Throws unless `body` throws an error whose message matches `reason`. */
async function expectFailure(body, what, reason) {
  try {
    await body();
  } catch (error) {
    expect(reason.test(error.message), `${what} failed for another reason: ${error.message}`);
    return;
  }
  throw new Error(`${what} was accepted`);
}

/** A small member-file-like JSON text. */
function memberFileText() {
  return JSON.stringify({
    format: 'member-development-record',
    schema_version: 6,
    app_version: '0.1.0',
    exported_at: '2026-11-20T10:00:00Z',
    member_id: '00000000-0000-4000-8000-000000000001',
    revision: 3,
    record: { profile: { full_name: 'Cllr Siân Tŷ-Newydd' } },
  }, null, 2);
}

/** Flips one bit in the middle of the file's ciphertext. */
function withFlippedByte(fileText) {
  const file = JSON.parse(fileText);
  const bytes = Buffer.from(file.ciphertext.join(''), 'base64');
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  file.ciphertext = [bytes.toString('base64')];
  return JSON.stringify(file, null, 2);
}

/** Changes the header's revision. */
function withRevision(fileText, revision) {
  const file = JSON.parse(fileText);
  file.revision = revision;
  return JSON.stringify(file, null, 2);
}

/** Bytes from hex. */
function hex(text) {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Opens the RFC 9180 test vector's first encryption with @hpke/core. */
async function openTestVector() {
  const vector = JSON.parse(readFileSync(VECTOR, 'utf8'));
  expect(vector.mode === 0 && vector.kem_id === 16 && vector.kdf_id === 1 && vector.aead_id === 2, 'not the suite');
  const suite = councilSuite();
  const pkRm = hex(vector.pkRm);
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    d: Buffer.from(hex(vector.skRm)).toString('base64url'),
    x: Buffer.from(pkRm.slice(1, 33)).toString('base64url'),
    y: Buffer.from(pkRm.slice(33)).toString('base64url'),
  };
  const privateKey = await suite.kem.importKey('jwk', jwk, false);
  const publicKey = await suite.kem.importKey('raw', pkRm.buffer, true);
  const [first] = vector.encryptions;
  const params = { recipientKey: { privateKey, publicKey }, enc: hex(vector.enc), info: hex(vector.info) };
  const pt = new Uint8Array(await suite.open(params, hex(first.ct), hex(first.aad)));
  expect(Buffer.from(pt).toString('hex') === first.pt, 'the plaintext differs from the vector');
}

const { backupText, councilKey } = await makeKeyBackup('Cyngor Tŷ Coch', DECOMPOSED);
const plainText = memberFileText();
let sealed = '';

await check('the key id and fingerprint follow from the public key', () => {
  const bytes = Buffer.from(councilKey.public_key, 'base64');
  expect(bytes.length === 65 && bytes[0] === 4, 'the public key is not 65 uncompressed bytes');
  expect(/^[0-9a-f]{64}$/.test(councilKey.key_id) && keyIdOf(bytes) === councilKey.key_id, 'bad key id');
  expect(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/.test(councilKey.fingerprint), 'bad fingerprint shape');
  expect(fingerprintOf(councilKey.key_id) === councilKey.fingerprint, 'bad fingerprint');
});
await check('the backup has its fields in order', () => {
  const backup = JSON.parse(backupText);
  const fields = 'format,version,council,created_at,key_id,fingerprint,public_key,private_key';
  expect(Object.keys(backup).join(',') === fields, `fields ${Object.keys(backup)}`);
  expect(Object.keys(backup.private_key).join(',') === 'encoding,cipher,kdf,iterations,salt,nonce,ciphertext', 'private_key fields');
  expect(backup.private_key.iterations === 600000, 'iterations');
});
await check('a backup locked with a decomposed passphrase opens with the composed one', async () => {
  const { privateKey, publicKeyBytes } = await openKeyBackup(backupText, COMPOSED);
  expect(privateKey.type === 'private' && privateKey.extractable === false, 'the private key is extractable');
  expect(Buffer.from(publicKeyBytes).toString('base64') === councilKey.public_key, 'the public key differs');
});
await check('a wrong passphrase does not open the backup', () =>
  expectFailure(() => openKeyBackup(backupText, 'Ty Coch'), 'a wrong passphrase', /passphrase/));
await check('a member file sealed for the council opens back to the same text', async () => {
  sealed = await sealForCouncil(councilKey, plainText);
  const file = JSON.parse(sealed);
  const fields = 'format,schema_version,app_version,exported_at,member_id,revision,sealed_to,ciphertext';
  expect(Object.keys(file).join(',') === fields, `fields ${Object.keys(file)}`);
  expect(file.sealed_to.key_id === councilKey.key_id, 'key_id');
  expect(!sealed.includes('Siân') && !sealed.includes('Si\\u00e2n'), 'the name is readable');
  expect(await openFileForCouncil(sealed, backupText, COMPOSED) === plainText, 'the text differs');
});
await check('a large member file is split into base64 pieces of at most 16384', async () => {
  const large = JSON.stringify({ ...JSON.parse(plainText), record: { notes: 'x'.repeat(40000) } });
  const file = JSON.parse(await sealForCouncil(councilKey, large));
  const lengths = file.ciphertext.map((piece) => piece.length);
  expect(lengths.length > 1 && lengths.slice(0, -1).every((length) => length === 16384), `pieces ${lengths}`);
  expect(lengths.at(-1) > 0 && lengths.at(-1) <= 16384, `pieces ${lengths}`);
  expect(await openFileForCouncil(JSON.stringify(file), backupText, COMPOSED) === large, 'the text differs');
});
await check('a flipped byte in the ciphertext does not open', () =>
  expectFailure(() => openFileForCouncil(withFlippedByte(sealed), backupText, COMPOSED), 'a flipped byte', /does not open with this key/));
await check('a changed revision in the header does not open', () =>
  expectFailure(() => openFileForCouncil(withRevision(sealed, 4), backupText, COMPOSED), 'a changed revision', /does not open with this key/));
await check('a wrong passphrase does not open the file', () =>
  expectFailure(() => openFileForCouncil(sealed, backupText, 'Ty Coch'), 'a wrong passphrase', /passphrase/));
await check("another council's backup does not open the file", async () => {
  const other = await makeKeyBackup('Another Council', COMPOSED);
  await expectFailure(() => openFileForCouncil(sealed, other.backupText, COMPOSED), "another council's key", /sealed to key/);
});
await check('@hpke/core opens the RFC 9180 test vector (P-256, HKDF-SHA256, AES-256-GCM)', openTestVector);

console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;

// A second reader and writer of the council key backup and the file for the council, written
// from the README ("Files and formats") alone, so the tests can check the app's own code
// against it. HPKE comes from @hpke/core; PBKDF2, AES-GCM and key import from WebCrypto.
import { createHash, webcrypto } from 'node:crypto';
import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';

const subtle = webcrypto.subtle;

const BACKUP_FORMAT = 'member-development-council-key';
const FILE_FORMAT = 'member-development-record';
const INFO = "Member Development Record: a member's file for the council";
const ITERATIONS = 600000;
const PIECE_LENGTH = 16384;
const P256 = { name: 'ECDH', namedCurve: 'P-256' };

const BACKUP_FIELDS = [
  'format', 'version', 'council', 'created_at', 'key_id', 'fingerprint', 'public_key', 'private_key',
];
const PRIVATE_KEY_FIELDS = ['encoding', 'cipher', 'kdf', 'iterations', 'salt', 'nonce', 'ciphertext'];
const HEADER_FIELDS = [
  'format', 'schema_version', 'app_version', 'exported_at', 'member_id', 'revision', 'sealed_to',
];
const SEALED_TO = {
  hpke: 'RFC 9180',
  mode: 'base',
  kem: 'DHKEM(P-256, HKDF-SHA256)',
  kdf: 'HKDF-SHA256',
  aead: 'AES-256-GCM',
};

/** The HPKE suite of a file for the council: KEM 0x0010, KDF 0x0001, AEAD 0x0002. */
export function councilSuite() {
  return new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
}

/** The key id: SHA-256 of the 65-byte public key, in lower-case hex. */
export function keyIdOf(publicKeyBytes) {
  return createHash('sha256').update(publicKeyBytes).digest('hex');
}

/** The fingerprint: the key id's first 16 hex digits in capitals, in four groups of four. */
export function fingerprintOf(keyId) {
  return keyId.slice(0, 16).toUpperCase().match(/.{4}/g).join(' ');
}

/**
 * Opens a council key backup with its passphrase. Returns the private key (ECDH P-256,
 * not extractable) and the public key's 65 bytes, or throws if the passphrase is wrong.
 */
export async function openKeyBackup(backupText, passphrase) {
  const backup = readBackup(backupText);
  const publicKeyBytes = readPublicKey(backup);
  const pkcs8 = await decryptPrivateKey(backup.private_key, backup.key_id, passphrase);
  await checkKeyPairMatches(pkcs8, publicKeyBytes);
  const privateKey = await subtle.importKey('pkcs8', pkcs8, P256, false, ['deriveBits']);
  return { privateKey, publicKeyBytes, keyId: backup.key_id };
}

/**
 * Opens a file for the council with the council's key backup and its passphrase, and
 * returns the plain member file's text.
 */
export async function openFileForCouncil(fileText, backupText, passphrase) {
  const file = readFileForCouncil(fileText);
  const backupKeyId = readBackup(backupText).key_id;
  if (file.sealed_to.key_id !== backupKeyId) {
    throw new Error(`The file is sealed to key ${file.sealed_to.key_id}, not to this backup's key ${backupKeyId}.`);
  }
  const key = await openKeyBackup(backupText, passphrase);
  const plaintext = await hpkeOpen(file, key);
  checkPlainFileMatchesHeader(plaintext, file);
  return plaintext;
}

/**
 * Seals a plain member file to a council key `{ key_id, fingerprint, public_key }` as a pack
 * carries it, and returns the text of the file for the council.
 */
export async function sealForCouncil(councilKey, memberFileText) {
  const publicKeyBytes = readPublicKey(councilKey);
  const header = headerFromMemberFile(memberFileText, councilKey.key_id);
  const suite = councilSuite();
  const recipientPublicKey = await suite.kem.deserializePublicKey(publicKeyBytes);
  // The associated data holds `enc`, so the context is set up first, then used once.
  const sender = await suite.createSenderContext({ recipientPublicKey, info: ascii(INFO) });
  header.sealed_to.enc = toBase64(sender.enc);
  const ciphertext = await sender.seal(utf8(memberFileText), associatedData(header));
  const file = { ...header, ciphertext: splitIntoPieces(toBase64(ciphertext)) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Makes a fresh council key and its backup, locked with `passphrase`. Returns the backup's
 * text and the key as a pack carries it.
 */
export async function makeKeyBackup(council, passphrase) {
  const pair = await subtle.generateKey(P256, true, ['deriveBits']);
  const publicKeyBytes = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const keyId = keyIdOf(publicKeyBytes);
  const councilKey = { key_id: keyId, fingerprint: fingerprintOf(keyId), public_key: toBase64(publicKeyBytes) };
  const backup = {
    format: BACKUP_FORMAT,
    version: 1,
    council,
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...councilKey,
    private_key: await encryptPrivateKey(pkcs8, keyId, passphrase),
  };
  return { backupText: `${JSON.stringify(backup, null, 2)}\n`, councilKey };
}

// ---- The key backup ----

/** Parses a key backup and checks its format, fields and key id. */
function readBackup(backupText) {
  const backup = JSON.parse(backupText);
  checkFields(backup, BACKUP_FIELDS, 'key backup');
  checkFields(backup.private_key, PRIVATE_KEY_FIELDS, "key backup's private_key");
  checkEqual(backup.format, BACKUP_FORMAT, 'key backup format');
  checkEqual(backup.version, 1, 'key backup version');
  checkEqual(backup.private_key.encoding, 'PKCS#8', 'private key encoding');
  checkEqual(backup.private_key.cipher, 'AES-256-GCM', 'private key cipher');
  checkEqual(backup.private_key.kdf, 'PBKDF2-HMAC-SHA256', 'private key kdf');
  if (!Number.isInteger(backup.private_key.iterations) || backup.private_key.iterations < 1) {
    throw new Error(`The key backup's iterations (${backup.private_key.iterations}) are not a positive whole number.`);
  }
  return backup;
}

/** The 65 public key bytes of a backup or pack key, checked against its key id and fingerprint. */
function readPublicKey({ key_id: keyId, fingerprint, public_key: publicKey }) {
  const bytes = fromBase64(publicKey, 'public_key');
  if (bytes.length !== 65 || bytes[0] !== 0x04) {
    throw new Error('The public key is not a 65-byte uncompressed P-256 point.');
  }
  checkEqual(keyId, keyIdOf(bytes), 'key_id (SHA-256 of the public key)');
  checkEqual(fingerprint, fingerprintOf(keyId), 'fingerprint');
  return bytes;
}

/** Derives the AES-256-GCM key from a passphrase (normalised to NFC) with PBKDF2-HMAC-SHA256. */
async function passphraseKey(passphrase, salt, iterations, usage) {
  const material = await subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Decrypts the backup's private key to PKCS#8 DER, or throws if the passphrase is wrong. */
async function decryptPrivateKey(lock, keyId, passphrase) {
  const salt = fromBase64(lock.salt, 'salt');
  const nonce = fromBase64(lock.nonce, 'nonce');
  checkEqual(salt.length, 16, 'salt length');
  checkEqual(nonce.length, 12, 'nonce length');
  const key = await passphraseKey(passphrase, salt, lock.iterations, 'decrypt');
  try {
    const algorithm = { name: 'AES-GCM', iv: nonce, additionalData: ascii(keyId) };
    return new Uint8Array(await subtle.decrypt(algorithm, key, fromBase64(lock.ciphertext, 'ciphertext')));
  } catch {
    throw new Error('That passphrase does not open this key backup (or the backup has been changed).');
  }
}

/** Encrypts a PKCS#8 private key the way a key backup holds it. */
async function encryptPrivateKey(pkcs8, keyId, passphrase) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const nonce = webcrypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, ITERATIONS, 'encrypt');
  const algorithm = { name: 'AES-GCM', iv: nonce, additionalData: ascii(keyId) };
  const ciphertext = await subtle.encrypt(algorithm, key, pkcs8);
  return {
    encoding: 'PKCS#8',
    cipher: 'AES-256-GCM',
    kdf: 'PBKDF2-HMAC-SHA256',
    iterations: ITERATIONS,
    salt: toBase64(salt),
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
  };
}

/** Throws unless the decrypted private key belongs to the backup's public key. */
async function checkKeyPairMatches(pkcs8, publicKeyBytes) {
  const key = await subtle.importKey('pkcs8', pkcs8, P256, true, ['deriveBits']);
  const { x, y } = await subtle.exportKey('jwk', key);
  const point = new Uint8Array([0x04, ...fromBase64Url(x), ...fromBase64Url(y)]);
  if (toBase64(point) !== toBase64(publicKeyBytes)) {
    throw new Error("The backup's private key does not belong to its public key.");
  }
}

// ---- The file for the council ----

/** Parses a file for the council and checks its fields and suite. */
function readFileForCouncil(fileText) {
  const file = JSON.parse(fileText);
  checkFields(file, [...HEADER_FIELDS, 'ciphertext'], 'file for the council');
  checkFields(file.sealed_to, [...Object.keys(SEALED_TO), 'key_id', 'enc'], 'sealed_to');
  checkEqual(file.format, FILE_FORMAT, 'format');
  for (const [name, value] of Object.entries(SEALED_TO)) checkEqual(file.sealed_to[name], value, `sealed_to.${name}`);
  if (!Array.isArray(file.ciphertext) || !file.ciphertext.every((piece) => typeof piece === 'string')) {
    throw new Error('The ciphertext is not a list of base64 pieces.');
  }
  return file;
}

/** Opens the sealed member file with HPKE base mode, single shot. */
async function hpkeOpen(file, { privateKey, publicKeyBytes }) {
  const suite = councilSuite();
  const enc = fromBase64(file.sealed_to.enc, 'enc');
  checkEqual(enc.length, 65, 'enc length');
  const publicKey = await suite.kem.deserializePublicKey(publicKeyBytes);
  const params = { recipientKey: { privateKey, publicKey }, enc, info: ascii(INFO) };
  try {
    const plaintext = await suite.open(params, fromBase64(file.ciphertext.join(''), 'ciphertext'), associatedData(file));
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    throw new Error('The file for the council does not open with this key (or it has been changed).');
  }
}

/** Throws unless the plain member file's member_id and revision are the header's. */
function checkPlainFileMatchesHeader(plaintext, file) {
  const plain = JSON.parse(plaintext);
  checkEqual(plain.member_id, file.member_id, 'member_id inside the file');
  checkEqual(plain.revision, file.revision, 'revision inside the file');
}

/** The header of a file for the council, from the plain member file's own fields. */
function headerFromMemberFile(memberFileText, keyId) {
  const member = JSON.parse(memberFileText);
  return {
    format: FILE_FORMAT,
    schema_version: member.schema_version,
    app_version: member.app_version,
    exported_at: member.exported_at,
    member_id: member.member_id,
    revision: member.revision,
    sealed_to: { ...SEALED_TO, key_id: keyId },
  };
}

/** The associated data: every field but `ciphertext`, as compact JSON in the README's order. */
function associatedData(header) {
  const sealedTo = { ...SEALED_TO, key_id: header.sealed_to.key_id, enc: header.sealed_to.enc };
  const fields = { ...pick(header, HEADER_FIELDS), sealed_to: sealedTo };
  return utf8(JSON.stringify(fields));
}

/** Splits base64 text into pieces of at most 16384 characters. */
function splitIntoPieces(text) {
  const pieces = [];
  for (let start = 0; start < text.length; start += PIECE_LENGTH) pieces.push(text.slice(start, start + PIECE_LENGTH));
  return pieces;
}

// ---- Small helpers ----

/** A copy of `object` with only `names`, in that order. */
function pick(object, names) {
  return Object.fromEntries(names.map((name) => [name, object[name]]));
}

/** Throws unless `object` has exactly the fields `names`, in that order. */
function checkFields(object, names, what) {
  const found = object && typeof object === 'object' ? Object.keys(object) : [];
  if (found.join(',') !== names.join(',')) {
    throw new Error(`The ${what} has the fields [${found.join(', ')}], not [${names.join(', ')}].`);
  }
}

/** Throws unless `actual` is `expected`. */
function checkEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`The ${what} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}.`);
  }
}

/** The bytes of ASCII text; throws on any other character. */
function ascii(text) {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`Not printable ASCII: ${JSON.stringify(text)}`);
  return utf8(text);
}

/** The UTF-8 bytes of a string. */
function utf8(text) {
  return new TextEncoder().encode(text);
}

/** Standard base64 with padding. */
function toBase64(bytes) {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('base64');
}

/** Decodes standard base64 strictly: padded, no stray characters, canonical. */
function fromBase64(text, what) {
  const wellFormed = typeof text === 'string' && text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
  const bytes = wellFormed ? new Uint8Array(Buffer.from(text, 'base64')) : null;
  if (!bytes || toBase64(bytes) !== text) throw new Error(`The ${what} is not base64.`);
  return bytes;
}

/** Decodes the base64url of a JWK coordinate. */
function fromBase64Url(text) {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

// Realistic member files for the officer's journeys, built the way the app exports them.
const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One member's exported record: a profile and a completed Code of Conduct. */
export function memberFile(n, { revision = 1, name = `Cllr Member ${n}`, surveys = [] } = {}) {
  const at = '2026-11-20T10:00:00Z';
  const id = uuid(n);
  return {
    format: 'member-development-record',
    schema_version: 6,
    app_version: '0.1.0',
    exported_at: at,
    member_id: id,
    revision,
    device_id: uuid(90000 + n),
    record: {
      member_id: id,
      profile: {
        full_name: name,
        council: 'Sandwell Metropolitan Borough Council',
        ward: `Ward ${(n % 24) + 1}`,
        political_group: '',
        roles: ['backbench-member'],
        date_elected: '2021-05-06',
        updated_at: at,
      },
      set_up_at: at,
      learning: [
        {
          id: uuid(10000 + n),
          course_id: 'code-of-conduct',
          title: 'Code of Conduct',
          provider: 'Monitoring Officer',
          topic: 'Ethics and standards',
          format: 'face_to_face',
          status: 'completed',
          start_date: null,
          completed_on: '2026-10-01',
          minutes: 120,
          evidence: `CERT-${n}`,
          evaluation: null,
          updated_at: at,
          deleted_at: null,
        },
      ],
      surveys: surveys.map(([round, scale], i) => ({
        id: uuid(20000 + n * 10 + i),
        template_id: 'ethical-framework',
        template_version: 1,
        round,
        answers: { 'standards-committee-role': { type: 'scale', value: scale } },
        status: 'submitted',
        submitted_at: at,
        updated_at: at,
      })),
      plans: [],
      pack: null,
    },
  };
}

/**
 * Files for the reports: `count` members who answered the ethical framework survey in two
 * rounds and evaluated their Code of Conduct, member n commenting `comment(n)`.
 */
export function reportFiles(count, comment = () => '') {
  return Array.from({ length: count }, (_, i) => {
    const file = memberFile(i + 1, { surveys: [['2025/26', 2 + (i % 3)], ['2026/27', 3 + (i % 3)]] });
    file.record.learning[0].evaluation = {
      rating: 3 + (i % 3),
      usefulness: 4,
      do_differently: '',
      would_recommend: i % 2 === 0,
      comments: comment(i + 1),
    };
    return asFile(`member-record-${i + 1}.json`, file);
  });
}

/** A file for Playwright's setInputFiles. */
export function asFile(name, value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/**
 * A member file locked with a passphrase, made here with Node's own WebCrypto from the
 * published format (not the app's code), so the app is checked against the format itself.
 * `salt` (16 bytes) stands for a council pack's; by default each file has its own.
 */
export async function lockedFile(file, passphrase, { iterations = 600000, salt = globalThis.crypto.getRandomValues(new Uint8Array(16)) } = {}) {
  const { subtle } = globalThis.crypto;
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  const header = {
    format: file.format,
    schema_version: file.schema_version,
    app_version: file.app_version,
    exported_at: file.exported_at,
    member_id: file.member_id,
    revision: file.revision,
    encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-HMAC-SHA256', iterations, salt: b64(salt), nonce: b64(nonce) },
  };
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: new TextEncoder().encode(JSON.stringify(header)) },
    key,
    new TextEncoder().encode(JSON.stringify(file)),
  );
  return { ...header, ciphertext: [b64(new Uint8Array(ciphertext))] };
}

/** The same locked file with one character of its ciphertext changed. */
export function tampered(locked) {
  const piece = locked.ciphertext[0];
  const at = Math.floor(piece.length / 2);
  const swapped = piece[at] === 'A' ? 'B' : 'A';
  return { ...locked, ciphertext: [piece.slice(0, at) + swapped + piece.slice(at + 1)] };
}

/**
 * A file for setInputFiles as another program may re-save it: `latin1` (one byte a
 * letter, as a Windows editor's "ANSI"), `utf16` (with its byte order mark, as
 * "Unicode") or `utf8-bom` (UTF-8 with a byte order mark in front).
 */
export function asEncodedFile(name, value, encoding) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const bytes = {
    latin1: () => Buffer.from(text, 'latin1'),
    utf16: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'utf8-bom': () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  }[encoding]();
  return { name, mimeType: 'application/json', buffer: bytes };
}

/** A small council pack, as an officer's workspace publishes it. */
export function packFile({ council = 'Cyngor Sir Ynys Môn', version = 1 } = {}) {
  return {
    format: 'member-development-council-pack',
    schema_version: 1,
    app_version: '0.1.0',
    council,
    pack_version: version,
    issued_at: '2026-11-20T09:00:00Z',
    roles: [
      { id: 'planning-committee', name: 'Pwyllgor Cynllunio (Planning committee)', retired: false },
      { id: 'backbench-member', name: 'Backbench member', retired: false },
    ],
    courses: [
      {
        id: 'planning-enforcement',
        title: 'Gorfodi cynllunio: Planning enforcement',
        provider: 'Gwasanaethau Cynllunio',
        topic: 'Planning',
        format: 'face_to_face',
        minutes: 120,
        cost_pence: 0,
        mandatory_for: { roles: ['planning-committee'] },
        refresher_months: 12,
        summary: 'Enforcement notices, appeals and what a member may say before a hearing.',
        location: 'Llangefni',
        retired: false,
      },
    ],
    surveys: [],
    budget_pence: 500000,
  };
}

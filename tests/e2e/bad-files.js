// The corpus of bad files the native test (crates/domain/tests/bad_files.rs) runs through
// every reader, for the journeys to choose in the browser: the same files, the same words
// no message may hold, and a file too large to keep, made here.
import { readFile } from 'node:fs/promises';

const folder = new URL('../../crates/domain/tests/fixtures/bad-files/', import.meta.url);

/** Every file of the corpus that is bad for `reader` ('member' or 'pack'), as files to choose. */
export async function badFiles(reader) {
  const corpus = JSON.parse(await readFile(new URL('corpus.json', folder), 'utf8'));
  const files = await Promise.all(
    corpus
      .filter((entry) => entry.good_for !== reader)
      .map(async (entry) => ({
        name: entry.file,
        mimeType: entry.file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        buffer: await readFile(new URL(entry.file, folder)),
      })),
  );
  const sound = await readFile(new URL('member-record-given-as-a-pack.json', folder), 'utf8');
  files.push({
    name: 'too-large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(sound + ' '.repeat(20 * 1024 * 1024 + 1 - sound.length)),
  });
  return files;
}

/** What no message a person reads may hold: a parser's words, or the name of a type. */
export async function deniedWords() {
  return JSON.parse(await readFile(new URL('denied.json', folder), 'utf8'));
}

/** The denied words `message` holds (none, for a message fit to be read). */
export function jargonIn(message, denied) {
  return denied.filter((word) => message.includes(word));
}

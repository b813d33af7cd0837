import fs from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/**
 * A snapshot row's metrics (JSON text) as stored: a version byte, then the
 * text deflated against a preset dictionary, a typical scope's metrics.
 * About 1.6 KB of JSON becomes about 120 bytes, below the size at which
 * PostgreSQL would compress a value itself (2 KB), so this is the only
 * compression the rows get.
 *
 * The dictionary file (`migrations/snapshot-dictionary-v1.txt`) never
 * changes: rows written with it are read with it. A better dictionary
 * would be version 2, next to it.
 */
const VERSION_1 = 1;
/** Rows carried over by the migration hold plain JSON (starts with `{`). */
const PLAIN = 0x7b;

let dictionary: Buffer | undefined;
function dictionaryV1(): Buffer {
  dictionary ??= fs.readFileSync(
    resolvePackagePath(
      '@aspm/plugin-aspm-backend',
      'migrations/snapshot-dictionary-v1.txt',
    ),
  );
  return dictionary;
}

/** The stored form of a row's metrics text. */
export function encodeSnapshot(text: string): Buffer {
  return Buffer.concat([
    Buffer.from([VERSION_1]),
    deflateRawSync(text, { dictionary: dictionaryV1(), level: 9 }),
  ]);
}

/** A stored row's metrics text again (null stays null: the scope left). */
export function decodeSnapshot(
  stored: Buffer | Uint8Array | string | null | undefined,
): string | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'string') return stored;
  const bytes = Buffer.from(stored);
  if (!bytes.length) return null;
  if (bytes[0] === PLAIN) return bytes.toString('utf8');
  if (bytes[0] !== VERSION_1) {
    throw new Error(
      `A metric snapshot row is stored in an unknown form (version ${bytes[0]}); a newer version of the plugin wrote it`,
    );
  }
  return inflateRawSync(bytes.subarray(1), {
    dictionary: dictionaryV1(),
  }).toString('utf8');
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of real fixtures (`fixtures/real` of the shared folder beside
 * the repository, or $ASPM_SHARED_DIR/fixtures/real). Undefined, with a
 * printed SKIPPED notice, where it is absent: callers skip those cases.
 */
export function realFixturesDir(suite: string): string | undefined {
  const shared =
    process.env.ASPM_SHARED_DIR ??
    path.resolve(__dirname, '../../../../../shared');
  const dir = path.join(shared, 'fixtures', 'real');
  if (fs.existsSync(path.join(dir, 'github-rest-api'))) return dir;
  // eslint-disable-next-line no-console
  console.warn(
    `[${suite}] SKIPPED: real GitHub fixtures not found at ${dir} (set ASPM_SHARED_DIR to the shared folder to run these cases)`,
  );
  return undefined;
}

/** Reads a JSON file of the real fixtures. */
export function readReal<T = any>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

/** The REST alert object of a webhook payload (`alert`). */
export function readWebhookAlert(dir: string, file: string): any {
  return readReal(dir, path.join('github-webhooks', file)).alert;
}

/** Reads a sample payload of this package (src/__fixtures__). */
export function readSample<T = any>(file: string): T {
  return JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../__fixtures__', file), 'utf8'),
  );
}

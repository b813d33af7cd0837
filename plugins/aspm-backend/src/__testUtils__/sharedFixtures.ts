import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of real fixtures (`fixtures/real` of the shared folder beside the
 * repository, or $ASPM_SHARED_DIR/fixtures/real). Undefined, with a printed
 * notice, where it is absent (a user's laptop): callers skip those cases.
 */
export function realFixturesDir(suite: string): string | undefined {
  const shared =
    process.env.ASPM_SHARED_DIR ??
    path.resolve(__dirname, '../../../../../shared');
  const dir = path.join(shared, 'fixtures', 'real');
  if (fs.existsSync(dir)) return dir;
  // eslint-disable-next-line no-console
  console.warn(
    `[${suite}] SKIPPED: real fixtures not found at ${dir} (set ASPM_SHARED_DIR to the shared folder to run these cases)`,
  );
  return undefined;
}

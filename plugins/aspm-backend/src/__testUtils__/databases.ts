import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const CANDIDATES: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/**
 * The database engines store tests run on: SQLite always, PostgreSQL when a
 * server is configured (scripts/test.sh sets
 * BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING when one answers).
 * Prints which engines ran, so a run without PostgreSQL says so.
 */
export function createTestDatabases(suite: string) {
  const databases = TestDatabases.create({ ids: CANDIDATES });
  const ids = databases.eachSupportedId();
  const engines = ids.map(([id]) => id);
  if (!engines.some(id => id.startsWith('POSTGRES'))) {
    // eslint-disable-next-line no-console
    console.warn(
      `[${suite}] no PostgreSQL configured: running on SQLite only. Set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING (scripts/test.sh does when postgresql://postgres@127.0.0.1:5432 answers).`,
    );
  }
  return { databases, ids };
}

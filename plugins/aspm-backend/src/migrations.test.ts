import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from './__testUtils__/databases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('migrations');
const directory = resolvePackagePath('@aspm/plugin-aspm-backend', 'migrations');

describe.each(ids)('migrations on %s', databaseId => {
  it('migrates all the way up and back down', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('aspm_entities')).toBe(true);
    expect(await knex.schema.hasTable('aspm_entity_history')).toBe(true);
    expect(await knex.schema.hasTable('aspm_sync_runs')).toBe(true);
    for (const table of [
      'aspm_findings',
      'aspm_finding_events',
      'aspm_scans',
      'aspm_ingestions',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    // PostgreSQL: room on each page for the weekly last-seen update
    // (heap-only tuples); SQLite has no such option.
    const isPostgres = databaseId.startsWith('POSTGRES');
    const options = isPostgres
      ? (
          await knex.raw(
            "select reloptions from pg_class where relname = 'aspm_findings'",
          )
        ).rows[0].reloptions
      : 'none on SQLite';
    expect(options).toEqual(isPostgres ? ['fillfactor=50'] : 'none on SQLite');

    await knex('aspm_sync_runs').insert({
      trigger: 'api',
      status: 'running',
      started_at: new Date().toISOString(),
    });

    let version = await knex.migrate.currentVersion({ directory });
    while (version !== 'none') {
      await knex.migrate.down({ directory });
      version = await knex.migrate.currentVersion({ directory });
    }
    expect(await knex.schema.hasTable('aspm_entities')).toBe(false);
    expect(await knex.schema.hasTable('aspm_sync_runs')).toBe(false);
    expect(await knex.schema.hasTable('aspm_findings')).toBe(false);

    // And up again on the emptied database.
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('aspm_entities')).toBe(true);
    await knex.destroy();
  });
});

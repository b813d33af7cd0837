import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { basisHash, CountingBasis } from '../metrics/countingBasis';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { SnapshotRow } from './SnapshotStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseSnapshotStore');

const basis = (tier?: string): CountingBasis => ({
  settings: {
    config: DEFAULT_METRICS_CONFIG,
    ownershipKinds: ['component'],
    rotationSlaDays: { default: 7 },
  },
  sources: { trivy: ['component:default/a'] },
  entities: {
    'component:default/a': {
      kind: 'component',
      owned: true,
      hasRepository: true,
      ...(tier ? { tier } : {}),
    },
  },
});

const row = (scope: string, metricId: string, value: number | null) =>
  ({
    scope,
    metricId,
    value,
    numerator: value === null ? undefined : 3,
    denominator: value === null ? undefined : 4,
    details: { count: 2, none: null },
    unit: 'ratio',
    itemCount: 4,
  } satisfies SnapshotRow);

describe.each(ids)('DatabaseSnapshotStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseSnapshotStore;
  const now = new Date('2026-11-02T03:00:00Z');
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    store = new DatabaseSnapshotStore(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('stores a day, reads it back by scope, day and metric, and shares equal bases', async () => {
    const b = basis();
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(b), basis: b },
      [row('org', 'mttr', 12.5), row('org', 'reopen_rate', null)],
      now,
    );
    await store.saveDay(
      '2026-11-01',
      { hash: basisHash(b), basis: b },
      [row('org', 'mttr', 11), row('component:default/a', 'mttr', 4)],
      now,
    );
    expect(await count('aspm_metric_bases')).toBe(1);
    expect(await store.days({})).toEqual(['2026-10-31', '2026-11-01']);
    expect(await store.days({ from: '2026-11-01' })).toEqual(['2026-11-01']);
    expect(await store.lastDay()).toBe('2026-11-01');

    const read = await store.read({
      scope: 'org',
      days: ['2026-11-01', '2026-10-31', '2026-09-01'],
      metricIds: ['mttr', 'reopen_rate'],
    });
    expect(read.map(r => [r.day, r.metricId, r.value])).toEqual(
      expect.arrayContaining([
        ['2026-10-31', 'mttr', 12.5],
        ['2026-10-31', 'reopen_rate', null],
        ['2026-11-01', 'mttr', 11],
      ]),
    );
    expect(read).toHaveLength(3);
    const first = read.find(r => r.metricId === 'mttr')!;
    expect(first).toMatchObject({
      day: '2026-10-31',
      scope: 'org',
      numerator: 3,
      denominator: 4,
      details: { count: 2, none: null },
      unit: 'ratio',
      itemCount: 4,
    });
    const noValue = read.find(r => r.metricId === 'reopen_rate')!;
    expect(noValue.numerator).toBeUndefined();

    const bases = await store.bases(read.map(r => r.basisId));
    expect(bases.size).toBe(1);
    // The stored basis hashes as it did when it was taken.
    expect(basisHash([...bases.values()][0])).toBe(basisHash(b));
  });

  it('reads a basis from the database once: later reads answer the parsed copy', async () => {
    const b = basis('1');
    await store.saveDay(
      '2026-11-01',
      { hash: basisHash(b), basis: b },
      [row('org', 'mttr', 11)],
      now,
    );
    const [r] = await store.read({ scope: 'org', days: ['2026-11-01'] });
    const first = await store.bases([r.basisId]);
    // A basis row is never updated by the plugin; if it were, a cached read
    // would not see it, which is how this test tells the cache answered.
    await knex('aspm_metric_bases')
      .where('id', r.basisId)
      .update({ basis: JSON.stringify(basis('3')) });
    const again = await store.bases([r.basisId, r.basisId]);
    expect(again.get(r.basisId)).toBe(first.get(r.basisId));
    expect(again.get(r.basisId)!.entities['component:default/a'].tier).toBe(
      '1',
    );
    // A store without the cache (a new instance) reads the row again.
    const fresh = await new DatabaseSnapshotStore(knex).bases([r.basisId]);
    expect(fresh.get(r.basisId)!.entities['component:default/a'].tier).toBe(
      '3',
    );
  });

  it('replaces a day on a rebuild, with a new basis when the counting changed; a replay changes nothing', async () => {
    const a = basis();
    const b = basis('1');
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(a), basis: a },
      [row('org', 'mttr', 12.5), row('org', 'reopen_rate', 0.1)],
      now,
    );
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(b), basis: b },
      [row('org', 'mttr', 9)],
      now,
    );
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(b), basis: b },
      [row('org', 'mttr', 9)],
      now,
    );
    expect(await count('aspm_metric_snapshots')).toBe(1);
    expect(await count('aspm_metric_snapshot_days')).toBe(1);
    expect(await count('aspm_metric_bases')).toBe(2);
    const [r] = await store.read({ scope: 'org', days: ['2026-10-31'] });
    expect(r.value).toBe(9);
    const bases = await store.bases([r.basisId]);
    expect(bases.get(r.basisId)!.entities['component:default/a'].tier).toBe(
      '1',
    );
  });

  it('has its tables, and takes them away going down', async () => {
    const dir = require('node:path').resolve(__dirname, '../../migrations');
    expect(await knex.schema.hasTable('aspm_metric_snapshots')).toBe(true);
    // Down through the snapshots migration (later ones go first).
    while (
      (await knex.migrate.currentVersion({ directory: dir })) >=
      '20261127000000'
    ) {
      await knex.migrate.down({ directory: dir });
    }
    expect(await knex.schema.hasTable('aspm_metric_snapshots')).toBe(false);
    expect(await knex.schema.hasTable('aspm_releases')).toBe(true);
    expect(await knex.schema.hasTable('aspm_metric_bases')).toBe(false);
    await knex.migrate.latest({ directory: dir });
    expect(await knex.schema.hasTable('aspm_metric_snapshot_days')).toBe(true);
  });

  it('writes a day in one transaction: a failing row leaves the old day whole', async () => {
    const a = basis();
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(a), basis: a },
      [row('org', 'mttr', 12.5)],
      now,
    );
    const b = basis('2');
    await expect(
      store.saveDay(
        '2026-10-31',
        { hash: basisHash(b), basis: b },
        // The same scope and metric twice breaks the primary key.
        [row('org', 'mttr', 1), row('org', 'mttr', 2)],
        now,
      ),
      // Not toThrow(): better-sqlite3's error class comes from the first
      // test file's realm when several files share the process.
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/UNIQUE constraint|duplicate key/),
    );
    const [r] = await store.read({ scope: 'org', days: ['2026-10-31'] });
    expect(r.value).toBe(12.5);
    expect(await count('aspm_metric_bases')).toBe(1);
    expect(await store.days({})).toEqual(['2026-10-31']);
  });

  it('reads nothing for a day whose job did not finish', async () => {
    const a = basis();
    await store.saveDay(
      '2026-10-31',
      { hash: basisHash(a), basis: a },
      [row('org', 'mttr', 12.5)],
      now,
    );
    await knex('aspm_metric_snapshot_days').delete();
    expect(await store.read({ scope: 'org', days: ['2026-10-31'] })).toEqual(
      [],
    );
    expect(await store.lastDay()).toBeUndefined();
  });
});

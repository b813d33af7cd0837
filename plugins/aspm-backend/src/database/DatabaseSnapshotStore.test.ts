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

  describe('a day stores only the scopes whose numbers changed', () => {
    const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}`;
    const a = basis();
    const save = (n: number, rows: SnapshotRow[]) =>
      store.saveDay(day(n), { hash: basisHash(a), basis: a }, rows, now);
    const both = (scope: string, mttr: number) => [
      row(scope, 'mttr', mttr),
      row(scope, 'reopen_rate', 0.25),
    ];
    const values = async (scope: string, days: number[]) =>
      (await store.read({ scope, days: days.map(day) })).map(
        r => `${r.day.slice(8)} ${r.metricId} ${r.value}`,
      );
    const rowsOf = async (n: number) =>
      (await knex('aspm_metric_snapshots').where('day', day(n)).select('scope'))
        .map(r => r.scope)
        .sort();

    beforeEach(async () => {
      await save(1, [...both('org', 10), ...both('x', 1), ...both('gone', 5)]);
      // x unchanged; org changed; gone left the catalog.
      await save(2, [...both('org', 11), ...both('x', 1)]);
      // Nothing changed at all.
      await save(3, [...both('org', 11), ...both('x', 1)]);
      // gone is back.
      await save(4, [...both('org', 11), ...both('x', 1), ...both('gone', 6)]);
    });

    it('writes the changes and a row for a scope that left, and reads every day whole', async () => {
      expect(await rowsOf(1)).toEqual(['gone', 'org', 'x']);
      expect(await rowsOf(2)).toEqual(['gone', 'org']);
      expect(await rowsOf(3)).toEqual([]);
      expect(await rowsOf(4)).toEqual(['gone']);
      expect(await values('x', [1, 2, 3, 4])).toEqual([
        '01 mttr 1',
        '01 reopen_rate 0.25',
        '02 mttr 1',
        '02 reopen_rate 0.25',
        '03 mttr 1',
        '03 reopen_rate 0.25',
        '04 mttr 1',
        '04 reopen_rate 0.25',
      ]);
      expect(await values('gone', [1, 2, 3, 4])).toEqual([
        '01 mttr 5',
        '01 reopen_rate 0.25',
        '04 mttr 6',
        '04 reopen_rate 0.25',
      ]);
      // One metric, days asked out of order and twice, a day not taken.
      const mttr = await store.read({
        scope: 'org',
        days: [day(3), day(1), day(3), day(9)],
        metricIds: ['mttr'],
      });
      expect(mttr.map(r => [r.day, r.value])).toEqual([
        [day(1), 10],
        [day(3), 11],
      ]);
      const [full] = await store.read({ scope: 'x', days: [day(3)] });
      expect(full).toEqual({
        day: day(3),
        scope: 'x',
        metricId: 'mttr',
        value: 1,
        numerator: 3,
        denominator: 4,
        details: { count: 2, none: null },
        unit: 'ratio',
        itemCount: 4,
        basisId: expect.any(Number),
      });
    });

    it('rebuilds a day in the middle without changing the days after it', async () => {
      // Day 2 again with other numbers for x: day 3 leaned on day 2's x.
      await save(2, [...both('org', 11), ...both('x', 7)]);
      expect(await values('x', [1, 2, 3, 4])).toEqual([
        '01 mttr 1',
        '01 reopen_rate 0.25',
        '02 mttr 7',
        '02 reopen_rate 0.25',
        '03 mttr 1',
        '03 reopen_rate 0.25',
        '04 mttr 1',
        '04 reopen_rate 0.25',
      ]);
      // And day 1 again with gone missing: days 2 to 4 keep their answers.
      await save(1, [...both('org', 10), ...both('x', 1)]);
      expect(await values('gone', [1, 2, 3, 4])).toEqual([
        '04 mttr 6',
        '04 reopen_rate 0.25',
      ]);
      expect(await values('org', [2, 3])).toEqual([
        '02 mttr 11',
        '02 reopen_rate 0.25',
        '03 mttr 11',
        '03 reopen_rate 0.25',
      ]);
    });

    it('carries rows of the old layout over, and back down again', async () => {
      const dir = require('node:path').resolve(__dirname, '../../migrations');
      while (
        (await knex.migrate.currentVersion({ directory: dir })) >=
        '20261203000000'
      ) {
        await knex.migrate.down({ directory: dir });
      }
      // Down: one row per scope, metric and complete day.
      const old = await knex('aspm_metric_snapshots')
        .orderBy(['day', 'scope', 'metric_id'])
        .select('day', 'scope', 'metric_id', 'value');
      expect(old.filter(r => r.metric_id === 'mttr')).toEqual([
        { day: day(1), scope: 'gone', metric_id: 'mttr', value: 5 },
        { day: day(1), scope: 'org', metric_id: 'mttr', value: 10 },
        { day: day(1), scope: 'x', metric_id: 'mttr', value: 1 },
        { day: day(2), scope: 'org', metric_id: 'mttr', value: 11 },
        { day: day(2), scope: 'x', metric_id: 'mttr', value: 1 },
        { day: day(3), scope: 'org', metric_id: 'mttr', value: 11 },
        { day: day(3), scope: 'x', metric_id: 'mttr', value: 1 },
        { day: day(4), scope: 'gone', metric_id: 'mttr', value: 6 },
        { day: day(4), scope: 'org', metric_id: 'mttr', value: 11 },
        { day: day(4), scope: 'x', metric_id: 'mttr', value: 1 },
      ]);
      expect(old).toHaveLength(20);
      // Up: the same answers from rows written when they changed.
      await knex.migrate.latest({ directory: dir });
      expect(await rowsOf(3)).toEqual([]);
      expect(await rowsOf(2)).toEqual(['gone', 'org']);
      expect(await values('gone', [1, 2, 3, 4])).toEqual([
        '01 mttr 5',
        '01 reopen_rate 0.25',
        '04 mttr 6',
        '04 reopen_rate 0.25',
      ]);
      const [x] = await new DatabaseSnapshotStore(knex).read({
        scope: 'x',
        days: [day(3)],
        metricIds: ['mttr'],
      });
      expect(x).toMatchObject({ value: 1, details: { count: 2, none: null } });
    });
  });
});

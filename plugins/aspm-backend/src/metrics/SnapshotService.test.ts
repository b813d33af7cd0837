import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { METRIC_IDS } from '@aspm/plugin-aspm-common';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { DatabaseAspmStore } from '../database/DatabaseAspmStore';
import { DatabaseMetricsStore } from '../database/DatabaseMetricsStore';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { dayRange, lastCompleteDay, SnapshotService } from './SnapshotService';

jest.setTimeout(60_000);

// The job's logic; the store's engines are covered by DatabaseSnapshotStore.test.ts.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('SnapshotService', () => {
  let knex: Knex;
  let snapshots: DatabaseSnapshotStore;
  let service: SnapshotService;

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    snapshots = new DatabaseSnapshotStore(knex);
    service = new SnapshotService({
      store: new DatabaseMetricsStore(knex),
      snapshots,
      settings: {
        config: DEFAULT_METRICS_CONFIG,
        ownershipKinds: ['component'],
        rotationSlaDays: { default: 7 },
      },
      logger: mockServices.logger.mock(),
      catchUpDays: 3,
    });
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('names days and the last complete one in UTC', () => {
    expect(dayRange('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(dayRange('2026-03-02', '2026-03-01')).toEqual([]);
    expect(lastCompleteDay(new Date('2026-11-24T00:30:00Z'))).toBe(
      '2026-11-23',
    );
  });

  it('the daily job fills the missing complete days, at most catchUpDays back, once', async () => {
    const now = new Date('2026-11-24T06:00:00Z');
    const first = await service.daily(now);
    expect(first).toMatchObject({
      state: 'done',
      trigger: 'schedule',
      from: '2026-11-21',
      to: '2026-11-23',
      done: 3,
      total: 3,
    });
    expect(await snapshots.days({})).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    // Every metric of the org scope, even on an empty store.
    const rows = await snapshots.read({ scope: 'org', days: ['2026-11-23'] });
    // the eleven director metric ids and the eleven program-signal ones
    expect(rows.map(r => r.metricId).sort()).toEqual([...METRIC_IDS].sort());
    expect(rows).toHaveLength(22);

    // Nothing missing: nothing done.
    const again = await service.daily(new Date('2026-11-24T12:00:00Z'));
    expect(again.finishedAt).toBe(first.finishedAt);

    // A day later, one new day; a gap of a week fills only the last 3.
    await service.daily(new Date('2026-11-25T06:00:00Z'));
    expect(await snapshots.lastDay()).toBe('2026-11-24');
    await service.daily(new Date('2026-12-02T06:00:00Z'));
    expect(await snapshots.days({ from: '2026-11-25' })).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('a failing day stops the job with the error in its status', async () => {
    await knex.schema.dropTable('aspm_metric_snapshots');
    const status = await service.daily(new Date('2026-11-24T06:00:00Z'));
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/aspm_metric_snapshots/);
    expect(status.done).toBe(0);
  });
});

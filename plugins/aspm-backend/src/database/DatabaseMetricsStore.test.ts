/*
 * The metrics store keeps the catalog versions it has parsed: a later
 * catalog change must still show, and a past date must still see the
 * version it had. Runs on every database engine configured.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { AspmEntityRecord } from '../catalog/types';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';

const { databases, ids } = createTestDatabases('DatabaseMetricsStore');

const DAY = 86_400_000;
const JAN = new Date(Date.UTC(2026, 0, 1));
const FEB = new Date(Date.UTC(2026, 1, 1));

const api = (tier: '1' | '3'): AspmEntityRecord => ({
  entityRef: 'component:default/api',
  kind: 'Component',
  namespace: 'default',
  name: 'api',
  ownerResolution: 'group',
  ownerResolutionReason: 'owned by a Group',
  annotationProblems: [],
  tier,
});

const worldAt = (store: DatabaseMetricsStore, asOf: Date) =>
  store.loadWorld({
    asOf,
    from: new Date(asOf.getTime() - 30 * DAY),
    to: asOf,
    lookBackDays: 0,
  });

describe.each(ids)('DatabaseMetricsStore on %s', databaseId => {
  it('sees a catalog change made after it has read the catalog, and keeps the old version for past dates', async () => {
    const knex = await databases.init(databaseId);
    const catalog = await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const metrics = new DatabaseMetricsStore(knex);
    await catalog.replaceCatalogEntities([api('1')], JAN);

    const before = await worldAt(metrics, new Date(JAN.getTime() + DAY));
    expect(before.entities.map(e => e.tier)).toEqual(['1']);

    await catalog.replaceCatalogEntities([api('3')], FEB);
    const after = await worldAt(metrics, new Date(FEB.getTime() + DAY));
    expect(after.entities.map(e => e.tier)).toEqual(['3']);
    // The memo answers the old date with the version valid then.
    const again = await worldAt(metrics, new Date(JAN.getTime() + DAY));
    expect(again.entities.map(e => e.tier)).toEqual(['1']);
    // A store that never read anything agrees.
    const fresh = await worldAt(
      new DatabaseMetricsStore(knex),
      new Date(FEB.getTime() + DAY),
    );
    expect(fresh.entities).toEqual(after.entities);
    // What it hands out cannot be changed by a caller.
    expect(Object.isFrozen(after.entities[0])).toBe(true);

    await catalog.replaceCatalogEntities([], new Date(FEB.getTime() + 2 * DAY));
    const gone = await worldAt(metrics, new Date(FEB.getTime() + 3 * DAY));
    expect(gone.entities).toEqual([]);
  });
});

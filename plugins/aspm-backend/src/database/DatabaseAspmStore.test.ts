import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { AspmEntityRecord } from '../catalog/types';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseAspmStore');

function component(
  name: string,
  patch: Partial<AspmEntityRecord> = {},
): AspmEntityRecord {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    namespace: 'default',
    name,
    title: name.toUpperCase(),
    type: 'service',
    lifecycle: 'production',
    ownerRef: 'group:default/team-a',
    ownerResolution: 'group',
    ownerResolutionReason: 'owned by the Group group:default/team-a',
    owningTeam: 'group:default/team-a',
    businessUnit: 'group:default/bu-1',
    tier: '1',
    exposure: 'internet',
    repository: {
      slug: `acme/${name}`,
      url: `https://github.com/acme/${name}`,
      source: 'github.com/project-slug',
    },
    annotationProblems: [],
    ...patch,
  };
}

const T1 = new Date('2026-10-01T10:00:00.000Z');
const T2 = new Date('2026-10-15T10:00:00.000Z');
const T3 = new Date('2026-11-01T10:00:00.000Z');

describe.each(ids)('DatabaseAspmStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseAspmStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  });

  it('adds, changes, keeps and marks gone, with counts', async () => {
    const first = await store.replaceCatalogEntities(
      [component('a'), component('b'), component('c')],
      T1,
    );
    expect(first).toEqual({ added: 3, changed: 0, unchanged: 0, gone: 0 });

    const second = await store.replaceCatalogEntities(
      [component('a'), component('b', { tier: '2' })],
      T2,
    );
    expect(second).toEqual({ added: 0, changed: 1, unchanged: 1, gone: 1 });

    const b = await store.getEntity('component:default/b');
    expect(b?.tier).toBe('2');
    expect(b?.firstSeenAt).toBe(T1.toISOString());
    expect(b?.lastSyncedAt).toBe(T2.toISOString());
    const c = await store.getEntity('COMPONENT:default/c');
    expect(c?.goneAt).toBe(T2.toISOString());

    // Replaying the same snapshot changes nothing.
    const replay = await store.replaceCatalogEntities(
      [component('a'), component('b', { tier: '2' })],
      T3,
    );
    expect(replay).toEqual({ added: 0, changed: 0, unchanged: 2, gone: 0 });

    // A gone entity that comes back is a change, not an addition.
    const back = await store.replaceCatalogEntities(
      [component('a'), component('b', { tier: '2' }), component('c')],
      T3,
    );
    expect(back).toEqual({ added: 0, changed: 1, unchanged: 2, gone: 0 });
    expect((await store.getEntity('component:default/c'))?.goneAt).toBe(
      undefined,
    );
  });

  it('answers as of any past instant from the history', async () => {
    await store.replaceCatalogEntities(
      [component('a', { tier: '3' }), component('b')],
      T1,
    );
    await store.replaceCatalogEntities([component('a', { tier: '1' })], T2);

    const before = await store.listEntitiesAsOf({
      asOf: new Date('2026-09-30T00:00:00Z'),
    });
    expect(before).toEqual([]);

    const atT1 = await store.listEntitiesAsOf({
      asOf: new Date('2026-10-10T00:00:00Z'),
    });
    expect(atT1.map(e => [e.entityRef, e.tier])).toEqual([
      ['component:default/a', '3'],
      ['component:default/b', '1'],
    ]);

    const atT2 = await store.listEntitiesAsOf({ asOf: T2 });
    expect(atT2.map(e => [e.entityRef, e.tier])).toEqual([
      ['component:default/a', '1'],
    ]);
    expect(atT2[0].firstSeenAt).toBe(T1.toISOString());

    const groups = await store.listEntitiesAsOf({ asOf: T2, kinds: ['Group'] });
    expect(groups).toEqual([]);
  });

  it('filters, sorts and pages entities', async () => {
    await store.replaceCatalogEntities(
      [
        component('alpha', { tier: '1', exposure: 'internet' }),
        component('beta', {
          tier: undefined,
          exposure: undefined,
          owningTeam: 'group:default/team-b',
          businessUnit: undefined,
          ownerResolution: 'dangling',
        }),
        component('gamma', { tier: '2', exposure: 'internal' }),
        component('delta_100%', { tier: '3', title: 'Delta Percent' }),
        {
          ...component('team-a'),
          entityRef: 'group:default/team-a',
          kind: 'group',
          name: 'team-a',
        },
      ],
      T1,
    );
    const all = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 2,
      offset: 0,
      kind: ['Component'],
    });
    expect(all.totalCount).toBe(4);
    expect(all.items.map(e => e.name)).toEqual(['alpha', 'beta']);

    const page2 = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 2,
      offset: 2,
      kind: ['component'],
    });
    expect(page2.items.map(e => e.name)).toEqual(['delta_100%', 'gamma']);

    const untiered = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 50,
      offset: 0,
      tier: ['untiered', '2'],
    });
    expect(untiered.items.map(e => e.name)).toEqual(['beta', 'gamma']);

    const byTeam = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 50,
      offset: 0,
      team: ['team-b'],
    });
    expect(byTeam.items.map(e => e.name)).toEqual(['beta']);

    const unknownExposure = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 50,
      offset: 0,
      exposure: ['unknown'],
      kind: ['component'],
    });
    expect(unknownExposure.items.map(e => e.name)).toEqual(['beta']);

    const tierDesc = await store.listEntities({
      orderBy: 'tier',
      order: 'desc',
      limit: 50,
      offset: 0,
      kind: ['component'],
    });
    expect(tierDesc.items.map(e => e.tier)).toEqual(['3', '2', '1', undefined]);

    // "%" in a search is a literal, not a wildcard.
    const search = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 50,
      offset: 0,
      q: '_100%',
    });
    expect(search.items.map(e => e.name)).toEqual(['delta_100%']);
    const byTitle = await store.listEntities({
      orderBy: 'entityRef',
      order: 'asc',
      limit: 50,
      offset: 0,
      q: 'delta percent',
    });
    expect(byTitle.totalCount).toBe(1);
  });

  it('records sync runs', async () => {
    expect(await store.getLastSyncRun()).toBeUndefined();
    const id = await store.startSyncRun('api', T1);
    expect((await store.getLastSyncRun())?.status).toBe('running');
    await store.finishSyncRun(
      id,
      {
        status: 'succeeded',
        counts: {
          read: 3,
          byKind: { component: 3 },
          added: 3,
          changed: 0,
          unchanged: 0,
          gone: 0,
          durationMs: 12,
        },
      },
      T2,
    );
    const last = await store.getLastSyncRun();
    expect(last).toMatchObject({
      id,
      trigger: 'api',
      status: 'succeeded',
      startedAt: T1.toISOString(),
      finishedAt: T2.toISOString(),
      counts: { read: 3, added: 3 },
    });
  });

  it('syncs 3,000 entities in batches within one transaction', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      component(`svc-${String(i).padStart(4, '0')}`),
    );
    expect(await store.replaceCatalogEntities(many, T1)).toMatchObject({
      added: 3000,
    });
    const changed = many.map((r, i) =>
      i % 10 === 0 ? { ...r, tier: '2' as const } : r,
    );
    expect(
      await store.replaceCatalogEntities(changed.slice(0, 2900), T2),
    ).toEqual({ added: 0, changed: 290, unchanged: 2610, gone: 100 });
    const asOf = await store.listEntitiesAsOf({ asOf: T2 });
    expect(asOf).toHaveLength(2900);
  });
});

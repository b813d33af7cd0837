import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabasePackStore } from './DatabasePackStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabasePackStore');

const KEY = {
  scope: 'org',
  period: '2026-11',
  audience: 'leadership' as const,
};
const d = (iso: string) => new Date(iso);

describe.each(ids)('DatabasePackStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabasePackStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    store = new DatabasePackStore(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('freezes a period once: the first numbers stay, a newer version replaces them, refresh forgets', async () => {
    const at = '2026-12-02T00:00:00.000Z';
    await store.saveFacts([
      {
        period: '2026-10',
        part: 'trend',
        version: 1,
        data: { v: 'first' },
        computedAt: at,
      },
      {
        period: '2026-10',
        part: 'detail',
        version: 1,
        data: { d: [1, 2] },
        computedAt: at,
      },
    ]);
    // A second replica freezing the same period later keeps the first numbers.
    await store.saveFacts([
      {
        period: '2026-10',
        part: 'trend',
        version: 1,
        data: { v: 'second' },
        computedAt: '2026-12-03T00:00:00.000Z',
      },
    ]);
    const trend = await store.readFacts(['2026-10', '2026-09'], 'trend');
    expect([...trend.keys()]).toEqual(['2026-10']);
    expect(trend.get('2026-10')).toEqual({
      period: '2026-10',
      part: 'trend',
      version: 1,
      data: { v: 'first' },
      computedAt: at,
    });
    await store.saveFacts([
      {
        period: '2026-10',
        part: 'trend',
        version: 2,
        data: { v: 'v2' },
        computedAt: at,
      },
    ]);
    expect(
      (await store.readFacts(['2026-10'], 'trend')).get('2026-10')?.data,
    ).toEqual({ v: 'v2' });
    expect(
      (await store.readFacts(['2026-10'], 'detail')).get('2026-10')?.data,
    ).toEqual({ d: [1, 2] });
    expect(await store.deleteFacts('2026-10')).toBe(2);
    expect((await store.readFacts(['2026-10'], 'trend')).size).toBe(0);
  });

  it('parses a frozen period once, and reads a recomputed one afresh', async () => {
    const save = (data: unknown, computedAt: string) =>
      store.saveFacts([
        { period: '2026-10', part: 'detail', version: 1, data, computedAt },
      ]);
    await save({ rows: [{ n: 1 }] }, '2026-12-02T00:00:00.000Z');
    const first = (await store.readFacts(['2026-10'], 'detail')).get(
      '2026-10',
    )!;
    const again = (await store.readFacts(['2026-10'], 'detail')).get(
      '2026-10',
    )!;
    // The same parsed numbers, which no caller can change.
    expect(again.data).toBe(first.data);
    expect(Object.isFrozen((first.data as any).rows[0])).toBe(true);
    expect(() => {
      'use strict';
      (first.data as any).rows[0].n = 2;
    }).toThrow(TypeError);
    // Refreshed (forgotten and computed again, later): the new numbers.
    await store.deleteFacts('2026-10');
    await save({ rows: [{ n: 3 }] }, '2026-12-03T00:00:00.000Z');
    const fresh = (await store.readFacts(['2026-10'], 'detail')).get(
      '2026-10',
    )!;
    expect(fresh.data).toEqual({ rows: [{ n: 3 }] });
    expect(fresh.computedAt).toBe('2026-12-03T00:00:00.000Z');
    // Another replica's store agrees.
    const other = new DatabasePackStore(knex);
    expect(
      (await other.readFacts(['2026-10'], 'detail')).get('2026-10'),
    ).toEqual(fresh);
  });

  it('keeps every saved narrative as a revision with its author, per scope, period and audience', async () => {
    expect(await store.latestNarrative(KEY)).toBeUndefined();
    const first = await store.saveNarrative(
      KEY,
      {
        headline: 'Flat month',
        items: [
          { whatChanged: 'A', why: 'B', decision: 'C', metricIds: ['mttr'] },
        ],
      },
      'user:default/rosa',
      d('2026-12-02T09:00:00Z'),
    );
    expect(first).toMatchObject({ revision: 1, author: 'user:default/rosa' });
    await store.saveNarrative(
      KEY,
      { items: [{ whatChanged: 'A2', why: '', metricIds: [] }] },
      'user:default/sam',
      d('2026-12-02T10:00:00Z'),
    );
    // Another audience of the same period has its own revisions.
    await store.saveNarrative(
      { ...KEY, audience: 'board' },
      { items: [] },
      'user:default/rosa',
      d('2026-12-02T11:00:00Z'),
    );
    const latest = await store.latestNarrative(KEY);
    expect(latest).toEqual({
      ...KEY,
      revision: 2,
      items: [{ whatChanged: 'A2', why: '', metricIds: [] }],
      author: 'user:default/sam',
      savedAt: '2026-12-02T10:00:00.000Z',
    });
    const revisions = await store.narrativeRevisions(KEY);
    expect(revisions.map(r => [r.revision, r.author, r.headline])).toEqual([
      [2, 'user:default/sam', undefined],
      [1, 'user:default/rosa', 'Flat month'],
    ]);
    expect(
      (await store.latestNarrative({ ...KEY, audience: 'board' }))?.revision,
    ).toBe(1);
  });

  it('carries asks across periods until closed, and reopens them', async () => {
    const ask = await store.createAsk(
      {
        scope: 'org',
        kind: 'platform',
        title: 'SCA by default',
        detail: 'in the template',
        metricIds: ['tier1_coverage'],
        raisedIn: '2026-10',
        raisedFrom: d('2026-10-01T00:00:00Z'),
      },
      'user:default/rosa',
      d('2026-11-02T00:00:00Z'),
    );
    expect(ask).toMatchObject({
      id: expect.any(Number),
      scope: 'org',
      kind: 'platform',
      status: 'open',
      metricIds: ['tier1_coverage'],
      raisedBy: 'user:default/rosa',
      raisedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(ask.closedIn).toBeUndefined();
    await store.createAsk(
      {
        scope: 'businessUnit:group:default/payments-bu',
        kind: 'hiring',
        title: 'Another unit',
        metricIds: [],
        raisedIn: '2026-10',
        raisedFrom: d('2026-10-01T00:00:00Z'),
      },
      'user:default/rosa',
      d('2026-11-02T00:00:00Z'),
    );
    const visible = async (from: string, to: string) =>
      (
        await store.asksForPeriod({ scope: 'org', from: d(from), to: d(to) })
      ).map(a => a.id);
    expect(
      await visible('2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z'),
    ).toEqual([]);
    expect(
      await visible('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'),
    ).toEqual([ask.id]);
    expect(
      await visible('2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'),
    ).toEqual([ask.id]);

    const closed = await store.updateAsk(
      ask.id,
      {
        status: 'closed',
        closedIn: '2026-11',
        closedTo: d('2026-12-01T00:00:00Z'),
        resolution: 'Shipped',
        title: 'SCA by default in the template',
      },
      'user:default/sam',
      d('2026-11-20T00:00:00Z'),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closedIn: '2026-11',
      closedBy: 'user:default/sam',
      closedAt: '2026-11-20T00:00:00.000Z',
      resolution: 'Shipped',
      title: 'SCA by default in the template',
      updatedBy: 'user:default/sam',
    });
    expect(
      await visible('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
    ).toEqual([ask.id]);
    expect(
      await visible('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'),
    ).toEqual([]);
    expect(
      (await store.listAsks({ scope: 'org', status: 'open' })).length,
    ).toBe(0);
    expect((await store.listAsks({ scope: 'org' })).length).toBe(1);

    const reopened = await store.updateAsk(
      ask.id,
      { status: 'open' },
      'user:default/rosa',
      d('2026-12-05T00:00:00Z'),
    );
    expect(reopened?.status).toBe('open');
    expect(reopened?.closedIn).toBeUndefined();
    expect(
      await visible('2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'),
    ).toEqual([ask.id]);
    expect(
      await store.updateAsk(
        99999,
        { title: 'x' },
        'a',
        d('2026-12-05T00:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('counts the findings received in scans taken in a window, by entity', async () => {
    const ingestion = async (entityRef: string, counts: object) => {
      const [row] = await knex('aspm_ingestions')
        .insert({
          source: 'push',
          status: 'succeeded',
          entity_ref: entityRef,
          received_at: '2026-12-01T00:00:00.000Z',
          counts: JSON.stringify(counts),
        })
        .returning('id');
      return Number(typeof row === 'object' ? row.id : row);
    };
    const scan = async (ingestionId: number, entityRef: string, at: string) =>
      knex('aspm_scans').insert({
        ingestion_id: ingestionId,
        entity_ref: entityRef,
        tool: 'trivy',
        run_key: '',
        scanned_at: at,
        content_hash: `h${ingestionId}`,
        finding_count: 1,
      });
    const a1 = await ingestion('component:default/a', {
      received: 10,
      duplicate: 1,
      new: 4,
    });
    const a2 = await ingestion('component:default/a', {
      received: 6,
      duplicate: 0,
      new: 1,
    });
    const b1 = await ingestion('component:default/b', {
      received: 3,
      duplicate: 0,
      new: 3,
    });
    await scan(a1, 'component:default/a', '2026-11-05T00:00:00.000Z');
    await scan(a2, 'component:default/a', '2026-11-20T00:00:00.000Z');
    await scan(b1, 'component:default/b', '2026-12-01T00:00:00.000Z');
    const intake = await store.scanIntake({
      from: d('2026-11-01T00:00:00Z'),
      to: d('2026-12-01T00:00:00Z'),
    });
    expect([...intake.entries()]).toEqual([
      ['component:default/a', { received: 16, duplicate: 1, new: 5 }],
    ]);
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { IngestRequest } from './FindingsStore';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseFindingsStore');

const finding = (
  fingerprint: string,
  patch: Partial<ParsedFinding> = {},
): ParsedFinding => ({
  category: 'code',
  ruleId: `rule-${fingerprint}`,
  title: `Problem ${fingerprint}`,
  severity: 'high',
  location: { path: `src/${fingerprint}.ts`, startLine: 3 },
  fingerprint,
  ...patch,
});

const ENTITY = 'component:default/payments-api';
const day = (d: number) => new Date(Date.UTC(2026, 9, d, 12));

function request(
  at: Date,
  findings: ParsedFinding[],
  patch: Partial<IngestRequest['runs'][number]> = {},
): IngestRequest {
  return {
    source: 'push',
    actor: 'user:default/alice',
    format: 'sarif',
    entityRef: ENTITY,
    receivedAt: at,
    runs: [
      {
        tool: { name: 'CodeQL', version: '2.19.0' },
        scannedAt: at,
        findings,
        ...patch,
      },
    ],
  };
}

describe.each(ids)('DatabaseFindingsStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseFindingsStore;

  const tableCounts = async () => {
    const out: Record<string, number> = {};
    for (const t of [
      'aspm_findings',
      'aspm_finding_events',
      'aspm_scans',
      'aspm_ingestions',
    ]) {
      const [{ count }] = await knex(t).count({ count: '*' });
      out[t] = Number(count);
    }
    return out;
  };
  const byFingerprint = async () => {
    const page = await store.listFindings({
      orderBy: 'title',
      order: 'asc',
      limit: 100,
      offset: 0,
    });
    return Object.fromEntries(page.items.map(f => [f.fingerprint, f]));
  };

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    store = new DatabaseFindingsStore(knex);
  });

  it('opens, keeps, fixes at the scan time and reopens', async () => {
    const first = await store.ingest(
      request(day(1), [finding('a'), finding('b')]),
    );
    expect(first.counts).toMatchObject({
      received: 2,
      new: 2,
      unchanged: 0,
      fixed: 0,
    });

    const second = await store.ingest(request(day(8), [finding('a')]));
    expect(second.counts).toMatchObject({
      received: 1,
      new: 0,
      unchanged: 1,
      fixed: 1,
    });
    let f = await byFingerprint();
    expect(f.a).toMatchObject({
      state: 'open',
      firstSeenAt: day(1).toISOString(),
      lastSeenAt: day(8).toISOString(),
    });
    expect(f.b).toMatchObject({
      state: 'fixed',
      fixedAt: day(8).toISOString(),
      lastSeenAt: day(1).toISOString(),
    });

    const third = await store.ingest(
      request(day(15), [finding('a'), finding('b')]),
    );
    expect(third.counts).toMatchObject({
      new: 0,
      unchanged: 1,
      reopened: 1,
      fixed: 0,
    });
    f = await byFingerprint();
    expect(f.b).toMatchObject({
      state: 'open',
      reopenCount: 1,
      fixedAt: undefined,
    });

    const history = await store.getFinding(f.b.id);
    expect(history?.events.map(e => [e.type, e.at])).toEqual([
      ['opened', day(1).toISOString()],
      ['fixed', day(8).toISOString()],
      ['reopened', day(15).toISOString()],
    ]);
  });

  it('treats a replayed scan as a no-op', async () => {
    const first = await store.ingest(
      request(day(1), [finding('a'), finding('b')]),
    );
    const before = await tableCounts();
    const replay = await store.ingest(
      request(day(1), [finding('b'), finding('a')]),
    );
    expect(replay.replayOf).toBe(first.ingestionId);
    expect(replay.counts).toMatchObject({
      received: 2,
      new: 0,
      unchanged: 2,
      fixed: 0,
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('stores a scan that arrives several times at once only once', async () => {
    const scan = () =>
      store.ingest(
        request(
          day(1),
          Array.from({ length: 300 }, (_, i) => finding(`f${i}`)),
        ),
      );
    // Concurrent transactions on separate pooled connections (PostgreSQL):
    // without a lock per scan key, each reads "no scan yet" and writes one.
    const results = await Promise.all([scan(), scan(), scan()]);
    const fresh = results.filter(r => r.replayOf === undefined);
    expect(fresh).toHaveLength(1);
    // The others answer as replays of it.
    expect(
      results.filter(r => r.replayOf !== undefined).map(r => r.replayOf),
    ).toEqual([fresh[0].ingestionId, fresh[0].ingestionId]);
    expect(await tableCounts()).toMatchObject({
      aspm_findings: 300,
      aspm_scans: 1,
      aspm_ingestions: 1,
    });
  });

  it('refuses an older scan with 409 and changes nothing', async () => {
    await store.ingest(request(day(10), [finding('a')]));
    const before = await tableCounts();
    await expect(
      store.ingest(request(day(5), [finding('b')])),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('is already stored'),
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('is one transaction across runs: a stale second run rolls back the first', async () => {
    await knex.transaction(async () => {}); // warm up
    await store.ingest(
      request(day(10), [finding('x')], { tool: { name: 'Semgrep' } }),
    );
    const before = await tableCounts();
    const upload: IngestRequest = {
      ...request(day(12), [finding('a')]),
    };
    upload.runs.push({
      tool: { name: 'Semgrep' },
      scannedAt: day(3),
      findings: [finding('y')],
    });
    await expect(store.ingest(upload)).rejects.toThrow(/already stored/);
    expect(await tableCounts()).toEqual(before);
  });

  it('keeps runs of the same tool apart by run key', async () => {
    await store.ingest(request(day(1), [finding('a')], { runKey: 'backend/' }));
    const other = await store.ingest(
      request(day(2), [finding('b')], { runKey: 'frontend/' }),
    );
    expect(other.counts).toMatchObject({ new: 1, fixed: 0 });
    const f = await byFingerprint();
    expect(f.a.state).toBe('open');
    expect(f.a.runKey).toBe('backend/');
  });

  it('records suppressed results, and their return to open', async () => {
    const suppressed = finding('s', {
      suppression: {
        kind: 'inSource',
        state: 'false_positive',
        justification: 'test data',
      },
    });
    const first = await store.ingest(
      request(day(1), [finding('a'), suppressed]),
    );
    expect(first.counts).toMatchObject({ new: 1, suppressed: 1 });
    let f = await byFingerprint();
    expect(f.s).toMatchObject({
      state: 'false_positive',
      suppressionJustification: 'test data',
    });

    // Absent later: a suppressed finding is not "fixed".
    const second = await store.ingest(request(day(2), [finding('a')]));
    expect(second.counts.fixed).toBe(0);

    const third = await store.ingest(
      request(day(3), [finding('a'), finding('s')]),
    );
    expect(third.counts).toMatchObject({ unsuppressed: 1, new: 0 });
    f = await byFingerprint();
    expect(f.s.state).toBe('open');
  });

  it('records a severity change as an event and merges duplicates in one file', async () => {
    await store.ingest(request(day(1), [finding('a', { severity: 'medium' })]));
    const res = await store.ingest(
      request(day(2), [
        finding('a', { severity: 'critical' }),
        finding('a', { severity: 'critical' }),
      ]),
    );
    expect(res.counts).toMatchObject({
      received: 2,
      duplicate: 1,
      unchanged: 1,
    });
    const f = await byFingerprint();
    expect(f.a.severity).toBe('critical');
    const history = await store.getFinding(f.a.id);
    expect(history?.events.map(e => [e.type, e.from, e.to])).toEqual([
      ['opened', undefined, 'open'],
      ['severity_changed', 'medium', 'critical'],
    ]);
  });

  it('filters and pages findings, most severe first', async () => {
    await store.ingest(
      request(day(1), [
        finding('a', { severity: 'low' }),
        finding('b', {
          severity: 'critical',
          category: 'dependency',
          package: { name: 'lodash', version: '4.17.20' },
        }),
        finding('c', { severity: 'medium' }),
      ]),
    );
    const page = await store.listFindings({
      orderBy: 'severity',
      order: 'asc',
      limit: 2,
      offset: 0,
    });
    expect(page.totalCount).toBe(3);
    expect(page.items.map(f => f.severity)).toEqual(['critical', 'medium']);
    expect(page.items[0].package).toEqual({
      name: 'lodash',
      version: '4.17.20',
    });
    const deps = await store.listFindings({
      category: ['dependency'],
      orderBy: 'severity',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(deps.items.map(f => f.fingerprint)).toEqual(['b']);
    const log = await store.listIngestions({ limit: 10, offset: 0 });
    expect(log.items[0]).toMatchObject({
      source: 'push',
      status: 'succeeded',
      entityRef: ENTITY,
      counts: { new: 3 },
    });
  });
});

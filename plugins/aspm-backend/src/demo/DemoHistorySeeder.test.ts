import path from 'node:path';
import request from 'supertest';
import { TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../../examples');

/**
 * The demo history through the real backend: loaded once through the ingest
 * path, with fixes, reopens and aging criticals; a second run loads nothing.
 */
describe('demo history', () => {
  let backend: TestBackend;
  let auth: string;

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      extraConfig: {},
      demo: { weeks: 12 },
    }));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const get = async (url: string) =>
    (await request(backend.server).get(url).set('Authorization', auth)).body;

  it('loads weekly scans for every component with a repository', async () => {
    const status = await get('/api/aspm/demo');
    expect(status).toMatchObject({ state: 'done' });
    expect(status.total).toBeGreaterThan(38 * 2 * 12 - 1);

    const open = await get('/api/aspm/findings?state=open&limit=1');
    const fixed = await get('/api/aspm/findings?state=fixed&limit=1');
    expect(open.totalCount).toBeGreaterThan(50);
    expect(fixed.totalCount).toBeGreaterThan(10);

    // A planted critical ages on an internet-facing tier-1 service.
    const crit = await get(
      '/api/aspm/findings?entityRef=component:default/payments-api&severity=critical&state=open',
    );
    expect(crit.items.map((f: any) => f.ruleId)).toContain('CVE-2024-3094');

    // No history for components without a repository.
    const none = await get(
      '/api/aspm/findings?entityRef=component:default/legacy-cron&limit=1',
    );
    expect(none.totalCount).toBe(0);

    const log = await get('/api/aspm/ingestions?limit=1');
    expect(log.items[0]).toMatchObject({
      source: 'demo',
      status: 'succeeded',
      actor: 'demo',
    });
  });

  it('backdates the demo org to the start of its history, so past dates have metrics', async () => {
    // 12 demo weeks: 70 days ago the org existed, 100 days ago it did not.
    const day = (n: number) =>
      new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const then = await get(`/api/aspm/ownership?asOf=${day(70)}`);
    expect(then.org.denominator).toBe(40);
    const before = await get(`/api/aspm/ownership?asOf=${day(100)}`);
    expect(before.org.denominator).toBe(0);
    const metrics = await get(`/api/aspm/metrics?asOf=${day(40)}`);
    const backlog = metrics.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(backlog.details.count).toBeGreaterThan(0);
  });

  it('plays a year of exceptions: decisions, expiries and revocations at their times', async () => {
    const all = await get('/api/aspm/exceptions?limit=100');
    const statuses = all.items.map((e: any) => e.status).sort();
    expect(new Set(statuses)).toEqual(
      new Set(['approved', 'expired', 'rejected', 'revoked', 'requested']),
    );
    // Approved ones accept the findings they cover; the register says how many.
    const approved = all.items.filter((e: any) => e.status === 'approved');
    const covered = approved.reduce(
      (n: number, e: any) => n + e.coveredFindings,
      0,
    );
    expect(covered).toBeGreaterThan(0);
    const accepted = await get('/api/aspm/findings?state=accepted&limit=1');
    expect(accepted.totalCount).toBeGreaterThanOrEqual(covered);
    // Ended exceptions cover nothing any more.
    for (const e of all.items.filter((x: any) => x.status !== 'approved')) {
      expect(e.coveredFindings).toBe(0);
    }
    const expired = all.items.find((e: any) => e.status === 'expired');
    const details = await get(`/api/aspm/exceptions/${expired.id}`);
    expect(details.events.map((e: any) => e.type)).toEqual([
      'requested',
      'approved',
      'expired',
    ]);
    // Repeated categories per business unit.
    const summary = await get('/api/aspm/exceptions/summary');
    expect(
      summary.items.some(
        (i: any) => i.category === 'platform-gap' && i.count >= 1,
      ),
    ).toBe(true);
  });

  it('imports GitHub dismissals and a DefectDojo acceptance through the source path, with their source', async () => {
    const github = await get('/api/aspm/exceptions?source=github&limit=10');
    expect(github.totalCount).toBe(2);
    for (const e of github.items) {
      expect(e).toMatchObject({
        entityRef: 'component:default/ledger-service',
        status: 'approved',
        decidedBy: 'github:ledger-bot',
        coveredFindings: 1,
      });
      // Dismissals never expire: unmanaged debt.
      expect(e.expiresAt).toBeUndefined();
      expect(e.reviewAt).toBeUndefined();
    }
    const dojo = await get('/api/aspm/exceptions?source=defectdojo&limit=10');
    expect(dojo.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        source: 'defectdojo',
        category: 'compensated',
        coveredFindings: 1,
        expiresAt: expect.any(String),
      }),
    ]);
    const details = await get(`/api/aspm/exceptions/${dojo.items[0].id}`);
    expect(details.events.map((e: any) => [e.type, e.actor])).toEqual([
      ['imported', 'source:defectdojo'],
    ]);
    expect(details.findings[0].state).toBe('accepted');
  });

  it('posts releases with gates and evidence through the release path, and rotates some secrets', async () => {
    const all = await get('/api/aspm/releases?limit=1');
    expect(all.totalCount).toBeGreaterThan(100);
    const outcomes = async (q: string) =>
      (await get(`/api/aspm/releases?limit=1&${q}`)).totalCount as number;
    expect(await outcomes('outcome=passed')).toBeGreaterThan(0);
    expect(await outcomes('outcome=passed-after-rerun')).toBeGreaterThan(0);
    expect(await outcomes('outcome=blocked')).toBeGreaterThan(0);
    const production = await outcomes('environment=production');
    const complete = await outcomes(
      'environment=production&evidenceComplete=true',
    );
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(production);
    // Some production releases miss evidence or carry a mismatching provenance.
    const incomplete = await get(
      '/api/aspm/releases?environment=production&evidenceComplete=false&limit=500',
    );
    const statuses = incomplete.items.flatMap((r: any) =>
      r.checklist.filter((c: any) => c.required).map((c: any) => c.status),
    );
    expect(statuses).toContain('missing');
    const trend = await get(
      '/api/aspm/releases/gate-trend?entityRef=component:default/payments-api&weeks=12',
    );
    expect(trend.weeks).toHaveLength(12);
    expect(
      trend.weeks.reduce((n: number, w: any) => n + w.firstPass, 0),
    ).toBeGreaterThan(0);

    const secrets = await get('/api/aspm/secrets?limit=500');
    const byStatus = new Set(secrets.items.map((s: any) => s.status));
    expect(
      byStatus.has('rotated-on-time') || byStatus.has('rotated-late'),
    ).toBe(true);
    expect(byStatus.has('overdue') || byStatus.has('pending')).toBe(true);
  });
});

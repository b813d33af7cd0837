/*
 * GET /api/aspm/metrics-operating on the demo catalog (no demo history)
 * with a small data set posted now, on the System payments-platform:
 *
 *   Components (examples/entities.yaml): tier 1 payments-api (internet,
 *   team-checkout), card-vault, ledger-service (team-ledger), fraud-scoring
 *   (team-fraud), partner-gateway (internet, team-infra); tier 2
 *   settlement-batch (team-ledger), refunds-worker (user alice, of
 *   team-checkout), invoice-renderer (owner missing: no team); tier 3
 *   fraud-rules-ui (team-fraud). So 4 teams, 5 tier-1 and 3 tier-2
 *   Components, all services but fraud-rules-ui.
 *
 *   CodeQL scans: payments-api R1 (critical, CWE-89) and R2 (high,
 *   CWE-79); card-vault R1 and R3 (high, CWE-79), then a second scan
 *   without R3 (fixed). checkout-web (another System) R1: out of scope.
 *
 *   Exceptions approved now: platform-gap on fraud-scoring and on
 *   ledger-service (and on checkout-web, out of scope).
 *
 *   Releases now: settlement-batch blocked by sast; payments-api blocked
 *   by sast and secrets; ledger-service sca failed then passed on re-run
 *   (not a block); checkout-web blocked by dast (out of scope).
 *
 * The catalog entered the store today, so earlier weeks and months are
 * empty; flows are summed over the periods so a run across midnight on a
 * Sunday or a month's end still adds up.
 */
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const ALICE = mockCredentials.user.header('user:default/alice');
const BOB = mockCredentials.user.header('user:default/bob');
const SYSTEM = 'system:default/payments-platform';
const c = (name: string) => `component:default/${name}`;

const RULES: Record<string, { severity: string; cwe: string }> = {
  R1: { severity: '9.8', cwe: 'external/cwe/cwe-89' },
  R2: { severity: '7.5', cwe: 'external/cwe/cwe-79' },
  R3: { severity: '7.2', cwe: 'external/cwe/cwe-79' },
};

/** A CodeQL SARIF log with one result per rule, each in its own file. */
function sarif(rules: string[]) {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'CodeQL',
            rules: rules.map(id => ({
              id,
              properties: {
                'security-severity': RULES[id].severity,
                tags: ['security', RULES[id].cwe],
              },
            })),
          },
        },
        results: rules.map(id => ({
          ruleId: id,
          level: 'error',
          message: { text: `Problem ${id}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: `src/${id}.ts` },
                region: { startLine: 10 },
              },
            },
          ],
        })),
      },
    ],
  });
}

const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Sums of records of counts. */
function addCounts(rows: Array<Record<string, number>>) {
  const out: Record<string, number> = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

describe('/api/aspm/metrics-operating', () => {
  let backend: TestBackend;
  const get = (url: string, auth = ALICE) =>
    request(backend.server).get(url).set('Authorization', auth);
  const post = async (url: string, body: unknown, auth = ALICE) => {
    const res = await request(backend.server)
      .post(url)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(body as object);
    if (res.status >= 300) {
      throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res;
  };
  const ingest = (name: string, rules: string[]) =>
    post(`/api/aspm/ingest?entityRef=${c(name)}`, JSON.parse(sarif(rules)));
  const exception = async (name: string) => {
    const created = await post('/api/aspm/exceptions', {
      entityRef: c(name),
      scope: { type: 'entity' },
      reason: 'The platform has no fix for this yet',
      category: 'platform-gap',
    });
    await post(
      `/api/aspm/exceptions/${created.body.id}/approve`,
      { expiresAt: inDays(60) },
      BOB,
    );
  };
  const release = (
    name: string,
    gates: Array<{ type: string; outcome: string; attempt: number }>,
  ) =>
    post('/api/aspm/releases', {
      entityRef: c(name),
      version: '1.0.0',
      environment: 'staging',
      releasedAt: new Date().toISOString(),
      gates,
    });

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    await post('/api/aspm/catalog-sync', {});
    await ingest('payments-api', ['R1', 'R2']);
    await ingest('card-vault', ['R1', 'R3']);
    await ingest('checkout-web', ['R1']);
    await ingest('card-vault', ['R1']);
    for (const name of ['fraud-scoring', 'ledger-service', 'checkout-web']) {
      await exception(name);
    }
    await release('settlement-batch', [
      { type: 'sast', outcome: 'fail', attempt: 1 },
    ]);
    await release('payments-api', [
      { type: 'sast', outcome: 'fail', attempt: 1 },
      { type: 'secrets', outcome: 'fail', attempt: 1 },
      { type: 'sca', outcome: 'pass', attempt: 1 },
    ]);
    await release('ledger-service', [
      { type: 'sca', outcome: 'fail', attempt: 1 },
      { type: 'sca', outcome: 'pass', attempt: 2 },
    ]);
    await release('checkout-web', [
      { type: 'dast', outcome: 'fail', attempt: 1 },
    ]);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('answers the weekly numbers of a System', async () => {
    const res = await get(
      `/api/aspm/metrics-operating?scope=${SYSTEM}&weeks=3&months=0`,
    );
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe(SYSTEM);
    expect(res.body.months).toEqual([]);
    const weeks = res.body.weeks;
    expect(weeks).toHaveLength(3);
    // Consecutive weeks, Monday to Sunday, the last one up to now.
    for (const w of weeks) {
      expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${w.weekEnd}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(w.time.from).toBe(`${w.weekStart}T00:00:00.000Z`);
    }
    expect(weeks[2].time.asOf).toBe(res.body.asOf);
    const sum = (pick: (w: any) => Record<string, number>) =>
      addCounts(weeks.map(pick));
    expect(sum(w => w.findings.opened)).toEqual({
      critical: 2,
      high: 2,
      total: 4,
    });
    expect(sum(w => w.findings.reopened)).toEqual({
      critical: 0,
      high: 0,
      total: 0,
    });
    expect(sum(w => w.findings.closed)).toEqual({
      critical: 0,
      high: 1,
      total: 1,
    });
    expect(sum(w => ({ net: w.findings.net }))).toEqual({ net: 3 });
    expect(weeks[2].exceptions).toEqual({
      active: 2,
      over30Days: 0,
      over90Days: 0,
      over180Days: 0,
    });
    expect(sum(w => ({ blocked: w.releaseBlocks.blocked }))).toEqual({
      blocked: 2,
    });
    expect(sum(w => w.releaseBlocks.byRootCause)).toEqual({
      sast: 2,
      secrets: 1,
    });
  });

  it('answers the monthly numbers of a System', async () => {
    const res = await get(
      `/api/aspm/metrics-operating?scope=${SYSTEM}&weeks=0&months=2`,
    );
    expect(res.status).toBe(200);
    const [before, month] = res.body.months;
    expect(month.time.asOf).toBe(res.body.asOf);
    expect(month.month).toBe(res.body.asOf.slice(0, 7));
    expect(before.time.to).toBe(month.time.from);

    const cell = (control: string, tier: string) => {
      const x = month.controlAdoption.find(
        (r: any) => r.control === control && r.tier === tier,
      );
      return [x.numerator, x.denominator, x.ratio];
    };
    expect(cell('sast', '1')).toEqual([2, 5, 0.4]);
    expect(cell('container', '1')).toEqual([0, 5, 0]);
    expect(cell('release-evidence', '1')).toEqual([2, 5, 0.4]);
    expect(cell('release-evidence', '2')).toEqual([1, 3, 0.3333]);
    expect(cell('owner', '2')).toEqual([2, 3, 0.6667]);
    expect(cell('owner', '3')).toEqual([1, 1, 1]);
    expect(cell('container', '3')).toEqual([0, 0, null]);

    // Every deadline is days away: nothing was due yet.
    expect(month.slaAttainment.overall).toEqual({
      key: 'overall',
      attained: 0,
      due: 0,
      ratio: null,
    });

    const categories = [
      ...before.exceptionCategories,
      ...month.exceptionCategories,
    ];
    expect(categories).toEqual([
      {
        category: 'platform-gap',
        exceptions: 2,
        entities: 2,
        repeated: true,
        entityRefs: [c('fraud-scoring'), c('ledger-service')],
      },
    ]);

    const both = [c('card-vault'), c('payments-api')];
    expect(month.recurringFindingCategories).toEqual({
      items: [
        {
          groupBy: 'system',
          group: SYSTEM,
          kind: 'rule',
          key: 'R1',
          entities: 2,
          findings: 2,
          entityRefs: both,
        },
        {
          groupBy: 'system',
          group: SYSTEM,
          kind: 'cwe',
          key: 'CWE-89',
          entities: 2,
          findings: 2,
          entityRefs: both,
        },
        {
          groupBy: 'domain',
          group: 'domain:default/payments',
          kind: 'rule',
          key: 'R1',
          entities: 2,
          findings: 2,
          entityRefs: both,
        },
        {
          groupBy: 'domain',
          group: 'domain:default/payments',
          kind: 'cwe',
          key: 'CWE-89',
          entities: 2,
          findings: 2,
          entityRefs: both,
        },
      ],
      totals: {
        'system x rule': 1,
        'system x cwe': 1,
        'domain x rule': 1,
        'domain x cwe': 1,
      },
    });

    // payments-api's R1: 10 x 1 x 3 (tier 1) x 2 (internet) = 60;
    // card-vault's: 10 x 1 x 3 x 1 (internal) = 30. Four teams: top 1.
    expect(month.riskConcentration).toEqual({
      totalWeight: 90,
      unownedWeight: 0,
      teamCount: 4,
      topCount: 1,
      topWeight: 60,
      share: 0.6667,
      topTeams: [
        {
          team: 'group:default/team-checkout',
          weight: 60,
          findings: 1,
          share: 0.6667,
        },
      ],
    });
    // The same backlog as the director metric.
    const metrics = await get(`/api/aspm/metrics?scope=${SYSTEM}`);
    const backlog = metrics.body.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(backlog.value).toBe(90);
  });

  it('defaults to 12 weeks and 6 months of the org', async () => {
    const res = await get('/api/aspm/metrics-operating');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('org');
    expect(res.body.weeks).toHaveLength(12);
    expect(res.body.months).toHaveLength(6);
    // checkout-web's R1 counts for the org: three criticals opened.
    expect(
      addCounts(res.body.weeks.map((w: any) => w.findings.opened)),
    ).toEqual({ critical: 3, high: 2, total: 5 });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[string, RegExp]> = [
      ['weeks=27', /'weeks': at most 26 weeks/],
      ['months=13', /'months': at most 12 months/],
      ['weeks=two', /'weeks': must be a whole number of weeks/],
      ['months=-1', /'months': must be a whole number of months/],
      ['asOf=yesterday', /'asOf': must be a date/],
      ['scope=nonsense', /scope: must be org/],
      ['color=red', /unknown query parameter 'color'/],
    ];
    for (const [query, message] of cases) {
      const res = await get(`/api/aspm/metrics-operating?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
    expect(
      (await get('/api/aspm/metrics-operating', mockCredentials.none.header()))
        .status,
    ).toBe(401);
  });
});

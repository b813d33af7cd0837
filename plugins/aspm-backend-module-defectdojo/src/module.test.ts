import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
// The module is tested inside the plugin it extends (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import aspmPlugin from '@aspm/plugin-aspm-backend';
import aspmModuleDefectDojo from './index';
import { FakeDefectDojo } from './__testUtils__/fakeDefectDojo';
import {
  readSample,
  realDjangoFindings,
  realListedFindings,
  realPayloadsDir,
  realRiskAcceptances,
} from './__testUtils__/sharedFixtures';

jest.setTimeout(120_000);

const TOKEN = 'test-token';
const ALL_STATES = 'open,fixed,false_positive,accepted';
const hasRealPayloads = Boolean(realPayloadsDir('module.test'));
const describeReal = hasRealPayloads ? describe : describe.skip;

async function waitForComponents(
  backend: TestBackend,
  auth: string,
  expected: number,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=component&limit=1')
      .set('Authorization', auth);
    const seen = res.body?.totalItems ?? 0;
    if (seen >= expected) return;
    if (Date.now() > deadline) {
      throw new Error(
        `catalog ingested ${seen} of ${expected} components in 60 s`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('DefectDojo source in a backend with the catalog and the ASPM plugin', () => {
  let dojo: FakeDefectDojo;
  let backend: TestBackend;
  const auth = mockCredentials.user.header();

  const findingsOf = async (name: string) => {
    const res = await request(backend.server)
      .get(
        `/api/aspm/findings?entityRef=component:default/${name}&state=${ALL_STATES}&orderBy=title&limit=100`,
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const exceptionsOf = async (name: string) => {
    const res = await request(backend.server)
      .get(
        `/api/aspm/exceptions?entityRef=component:default/${name}&source=defectdojo&limit=100`,
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const ingestions = async () => {
    const res = await request(backend.server)
      .get('/api/aspm/ingestions?limit=100')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const run = async () => {
    const res = await request(backend.server)
      .post('/api/aspm/sources/defectdojo/run')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    dojo = await new FakeDefectDojo({
      token: TOKEN,
      maxPageSize: 4,
      products: [
        {
          id: 101,
          name: 'payments-api',
          findings: readSample('findings-payments-api.json').results,
          rateLimitOnce: true,
        },
        {
          id: 102,
          name: 'legacy-portal',
          findings: hasRealPayloads
            ? [...realListedFindings(), ...realDjangoFindings()]
            : [],
        },
        { id: 103, name: 'broken-service', findings: [], findingsStatus: 500 },
        {
          id: 104,
          name: 'search-gateway',
          findings: readSample('findings-search-gateway.json').results,
        },
      ],
      // One listing for every product, like DefectDojo's.
      riskAcceptances: [
        ...readSample('risk-acceptances.json').results,
        ...(hasRealPayloads ? realRiskAcceptances() : []),
      ],
    }).start();

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        aspmPlugin,
        aspmModuleDefectDojo,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [
                {
                  type: 'file',
                  target: path.resolve(__dirname, '__fixtures__/catalog.yaml'),
                },
              ],
              rules: [
                { allow: ['Component', 'Group', 'User', 'System', 'Location'] },
              ],
              processingInterval: { seconds: 1 },
            },
            aspm: {
              catalogSync: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 1 },
                  initialDelay: { hours: 24 },
                },
              },
              sources: {
                defectdojo: {
                  baseUrl: dojo.baseUrl,
                  token: TOKEN,
                  pageSize: 4,
                  maxRetryWaitSeconds: 0,
                  schedule: {
                    frequency: { hours: 24 },
                    timeout: { minutes: 5 },
                    initialDelay: { hours: 24 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    await waitForComponents(backend, auth, 5);
    const sync = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
    if (sync.status !== 200) {
      throw new Error(`catalog sync answered ${sync.status}: ${sync.text}`);
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await dojo?.stop();
  });

  it('registers the source', async () => {
    const res = await request(backend.server)
      .get('/api/aspm/sources')
      .set('Authorization', auth);
    expect(res.body.items).toEqual([
      {
        id: 'defectdojo',
        description: `DefectDojo findings (API v2) from ${dojo.baseUrl}`,
      },
    ]);
  });

  it('pulls every product, keeps DefectDojo states and dates, and logs the failing product', async () => {
    const result = await run();
    expect(result.entities).toBe(3);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/broken-service',
        message: expect.stringContaining(
          'DefectDojo product 103: DefectDojo answered 500',
        ),
      },
    ]);
    // The 429 was retried, and the listing spanned 3 pages of 4.
    expect(dojo.findingRequests(101).map(r => r.status)).toEqual([
      429, 200, 200, 200,
    ]);
    expect(dojo.findingRequests(103)).toHaveLength(4);

    const payments = await findingsOf('payments-api');
    const rows = payments
      .map(f => [
        f.fingerprint,
        f.state,
        f.category,
        f.severity,
        f.fixedAt ?? null,
        f.firstSeenAt,
      ])
      .sort((a, b) => a[0].localeCompare(b[0]));
    expect(rows).toEqual([
      [
        'dd:101:1001',
        'open',
        'dependency',
        'critical',
        null,
        '2026-09-01T00:00:00.000Z',
      ],
      ['dd:101:1002', 'open', 'code', 'high', null, '2026-09-02T00:00:00.000Z'],
      [
        'dd:101:1003',
        'fixed',
        'code',
        'medium',
        '2026-09-15T12:00:00.000Z',
        '2026-08-20T00:00:00.000Z',
      ],
      [
        'dd:101:1004',
        'false_positive',
        'code',
        'low',
        null,
        '2026-08-21T00:00:00.000Z',
      ],
      [
        'dd:101:1005',
        'accepted',
        'code',
        'medium',
        null,
        '2026-08-22T00:00:00.000Z',
      ],
      [
        'dd:101:1007',
        'false_positive',
        'code',
        'info',
        null,
        '2026-08-23T00:00:00.000Z',
      ],
      [
        'dd:101:1008',
        'open',
        'secret',
        'high',
        null,
        '2026-09-06T00:00:00.000Z',
      ],
      [
        'dd:101:1009',
        'fixed',
        'iac',
        'medium',
        '2026-09-20T00:00:00.000Z',
        '2026-08-24T00:00:00.000Z',
      ],
      [
        'dd:101:1010',
        'open',
        'cloud',
        'critical',
        null,
        '2026-09-07T00:00:00.000Z',
      ],
      [
        'dd:101:1011',
        'open',
        'dependency',
        'high',
        null,
        '2026-09-08T00:00:00.000Z',
      ],
    ]);
    const lodash = payments.find(f => f.fingerprint === 'dd:101:1001');
    expect(lodash).toMatchObject({
      tool: { name: 'DefectDojo' },
      runKey: 'defectdojo:101',
      ruleId: 'CVE-2020-8203',
      cves: ['CVE-2020-8203'],
      cwes: ['CWE-1321'],
      package: { name: 'lodash', version: '4.17.15' },
      link: `${dojo.baseUrl}/finding/1001`,
    });

    // Matched by name (no annotation).
    const gateway = await findingsOf('search-gateway');
    expect(
      gateway.map(f => [f.fingerprint, f.state, f.fixedAt ?? null]),
    ).toEqual([
      ['dd:104:2002', 'fixed', '2026-09-12T00:00:00.000Z'],
      ['dd:104:2001', 'open', null],
    ]);
    expect(await findingsOf('no-product-here')).toEqual([]);
    expect(await findingsOf('broken-service')).toEqual([]);

    const log = await ingestions();
    expect(log.map(i => [i.source, i.status, i.entityRef])).toEqual(
      expect.arrayContaining([
        ['source:defectdojo', 'failed', 'component:default/broken-service'],
        ['source:defectdojo', 'succeeded', 'component:default/payments-api'],
        ['source:defectdojo', 'succeeded', 'component:default/search-gateway'],
        ['source:defectdojo', 'succeeded', 'component:default/legacy-portal'],
      ]),
    );
    expect(log.find(i => i.status === 'failed').error).toContain('500');
    expect(
      log.find(i => i.entityRef === 'component:default/payments-api').counts,
    ).toMatchObject({
      received: 10,
      new: 5,
      fixed: 2,
      suppressed: 3,
    });
  });

  it('imports the risk acceptances as exceptions linked to the findings they cover', async () => {
    const payments = await findingsOf('payments-api');
    const idOf = (fp: string) => payments.find(f => f.fingerprint === fp).id;
    const byExternalId = Object.fromEntries(
      (await exceptionsOf('payments-api')).map(e => [e.externalId, e]),
    );
    expect(Object.keys(byExternalId).sort()).toEqual([
      'defectdojo:risk_acceptance:7',
      'defectdojo:risk_acceptance:8',
      'defectdojo:risk_acceptance:9',
    ]);
    // #7 runs to 2026-12-31 (the pull uses the real clock).
    const sevenActive = Date.now() < Date.parse('2026-12-31T00:00:00Z');
    expect(byExternalId['defectdojo:risk_acceptance:7']).toMatchObject({
      entityRef: 'component:default/payments-api',
      source: 'defectdojo',
      category: 'other',
      status: sevenActive ? 'approved' : 'expired',
      reason:
        'Accept: Missing rate limiting on login — Compensating WAF rule until Q4',
      requestedBy: 'defectdojo:user:3',
      requestedAt: '2026-09-10T08:00:00.000Z',
      decidedBy: 'Dana Ruiz (CISO)',
      expiresAt: '2026-12-31T00:00:00.000Z',
      scope: { type: 'findings', findingIds: [idOf('dd:101:1005')] },
      coveredFindings: sevenActive ? 1 : 0,
    });
    expect(byExternalId['defectdojo:risk_acceptance:8']).toMatchObject({
      status: 'expired',
      scope: { type: 'findings', findingIds: [idOf('dd:101:1002')] },
      coveredFindings: 0,
    });
    expect(byExternalId['defectdojo:risk_acceptance:9']).toMatchObject({
      status: 'rejected',
      scope: { type: 'findings', findingIds: [idOf('dd:101:1011')] },
      coveredFindings: 0,
    });
    // The finding DefectDojo accepted stays accepted, now through #7; the
    // ones under an expired or rejected acceptance stay open.
    const state = (fp: string) => payments.find(f => f.fingerprint === fp);
    expect(state('dd:101:1005')).toMatchObject({ state: 'accepted' });
    expect(state('dd:101:1005').exceptionId).toBe(
      sevenActive ? byExternalId['defectdojo:risk_acceptance:7'].id : undefined,
    );
    expect(state('dd:101:1002')).toMatchObject({ state: 'open' });
    expect(state('dd:101:1002').exceptionId).toBeUndefined();
    expect(state('dd:101:1011')).toMatchObject({ state: 'open' });

    // #10 covers no finding of any entity; the gateway answered with none.
    expect(await exceptionsOf('search-gateway')).toEqual([]);
    expect(await exceptionsOf('broken-service')).toEqual([]);
    // Listed once for the whole pull, in pages of 4 (4 samples, + 1 real).
    expect(
      dojo.riskAcceptanceRequests().map(r => [r.status, r.query.offset]),
    ).toEqual(
      hasRealPayloads
        ? [
            [200, '0'],
            [200, '4'],
          ]
        : [[200, '0']],
    );
  });

  // Runs between the first pull and the no-op check (declaration order).
  describeReal('with the real DefectDojo payloads on product 102', () => {
    it('stores the real DefectDojo findings with their lifecycle', async () => {
      const legacy = await findingsOf('legacy-portal');
      expect(legacy).toHaveLength(14); // 22 listed, 8 duplicates skipped
      const byFp = new Map(legacy.map(f => [f.fingerprint, f]));
      expect(byFp.get('dd:102:231')).toMatchObject({
        state: 'fixed',
        fixedAt: '2022-10-15T23:17:03.431Z',
        firstSeenAt: '2022-10-15T00:00:00.000Z',
      });
      expect(byFp.get('dd:102:226')).toMatchObject({
        state: 'accepted',
        firstSeenAt: '2022-10-15T00:00:00.000Z',
      });
      expect(byFp.get('dd:102:7')).toMatchObject({
        state: 'fixed',
        cwes: ['CWE-1'],
      });
      expect(byFp.get('dd:102:42')).toMatchObject({
        state: 'open',
        severity: 'info',
        title: 'Open Port: 9929/TCP',
        firstSeenAt: '2021-03-18T00:00:00.000Z',
      });
      expect(byFp.get('dd:102:232')).toMatchObject({
        state: 'open',
        severity: 'high',
        cwes: ['CWE-352'],
        location: { path: 'vulnerable-flask-app.py', startLine: 8 },
      });
      expect(
        [...byFp.keys()].filter(k =>
          ['dd:102:3', 'dd:102:125', 'dd:102:225'].includes(k),
        ),
      ).toEqual([]);

      // DefectDojo's risk acceptance #1 covers finding 226; it expired on
      // 2023-08-28. The finding keeps the state DefectDojo reports.
      const exceptions = await exceptionsOf('legacy-portal');
      expect(exceptions).toEqual([
        expect.objectContaining({
          externalId: 'defectdojo:risk_acceptance:1',
          status: 'expired',
          reason: 'Accept: Qwegqer — The issue is not that big of a deal',
          requestedBy: 'defectdojo:user:1',
          decidedBy: 'Somebody',
          expiresAt: '2023-08-28T00:00:00.000Z',
          scope: { type: 'findings', findingIds: [byFp.get('dd:102:226').id] },
          coveredFindings: 0,
        }),
      ]);
    });
  });

  it('is a no-op when run again', async () => {
    const snapshot = async () =>
      (
        await Promise.all(
          ['payments-api', 'legacy-portal', 'search-gateway'].map(findingsOf),
        )
      )
        .flat()
        .map(f => [
          f.id,
          f.fingerprint,
          f.state,
          f.fixedAt ?? null,
          f.firstSeenAt,
          f.reopenCount,
          f.exceptionId ?? null,
        ]);
    const before = await snapshot();
    const logBefore = await ingestions();
    const exceptionsBefore = await Promise.all(
      ['payments-api', 'legacy-portal', 'search-gateway'].map(exceptionsOf),
    );

    const again = await run();
    expect(again.entities).toBe(3);
    expect(again.errors).toHaveLength(1);

    expect(await snapshot()).toEqual(before);
    // The same risk acceptances again: no exception changed, no event added.
    expect(
      await Promise.all(
        ['payments-api', 'legacy-portal', 'search-gateway'].map(exceptionsOf),
      ),
    ).toEqual(exceptionsBefore);
    for (const e of exceptionsBefore.flat()) {
      const res = await request(backend.server)
        .get(`/api/aspm/exceptions/${e.id}`)
        .set('Authorization', auth);
      expect(res.body.events.map((v: any) => v.type)).toEqual(['imported']);
    }
    const logAfter = await ingestions();
    const added = logAfter.filter(i => !logBefore.some(b => b.id === i.id));
    expect(added.map(i => [i.status, i.entityRef]).sort()).toEqual(
      [
        ['failed', 'component:default/broken-service'],
        ['succeeded', 'component:default/legacy-portal'],
        ['succeeded', 'component:default/payments-api'],
        ['succeeded', 'component:default/search-gateway'],
      ].sort(),
    );
    for (const i of added.filter(a => a.status === 'succeeded')) {
      expect(i.counts).toMatchObject({
        new: 0,
        fixed: 0,
        reopened: 0,
        unsuppressed: 0,
      });
    }
  });
});

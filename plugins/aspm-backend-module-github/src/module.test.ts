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
import aspmModuleGithub from './index';
import {
  FakeGithub,
  NOT_ENABLED,
  RATE_LIMITED_ONCE,
  SERVER_ERROR,
  twoPages,
} from './__testUtils__/FakeGithub';
import {
  readReal,
  readSample,
  readWebhookAlert,
  realFixturesDir,
} from './__testUtils__/sharedFixtures';

jest.setTimeout(180_000);

const real = realFixturesDir(
  'github source end to end (ledger, web-shop payloads)',
);
const describeReal = real ? describe : describe.skip;

const PAYMENTS = 'component:default/payments-api';
const LEDGER = 'component:default/ledger';
const WEB_SHOP = 'component:default/web-shop';

/**
 * The fake GitHub: payments-api answers this package's samples (always);
 * ledger and web-shop answer the real REST payloads of the shared folder
 * (empty lists without it). web-shop has no code scanning analysis and a
 * Dependabot endpoint that keeps failing.
 */
function configureGithub(github: FakeGithub) {
  const code = readSample<any[]>('code-scanning-alerts.sample.json');
  github
    .set('/repos/acme/payments-api/code-scanning/alerts', {
      before: [RATE_LIMITED_ONCE],
      pages: twoPages(code),
    })
    .set('/repos/acme/payments-api/dependabot/alerts', {
      pages: twoPages(readSample('dependabot-alerts.sample.json')),
      cursor: true,
    })
    .set('/repos/acme/payments-api/secret-scanning/alerts', {
      pages: [readSample('secret-scanning-alerts.sample.json')],
    });

  const r = (file: string) =>
    real ? readReal<any>(real, `github-rest-api/${file}`) : undefined;
  const w = (file: string) => (real ? readWebhookAlert(real, file) : undefined);
  const ledgerCode = real
    ? [
        ...r('code-scanning-alert-items.json'),
        r('code-scanning-alert.json'),
        w('code_scanning_alert.fixed.json'),
      ]
    : [];
  const ledgerDependabot = real
    ? [
        r('dependabot-alerts-for-repository.json')[0],
        w('dependabot_alert.fixed.json'),
      ]
    : [];
  github
    .set('/repos/acme/ledger/code-scanning/alerts', {
      pages: twoPages(ledgerCode),
    })
    .set('/repos/acme/ledger/dependabot/alerts', {
      pages: twoPages(ledgerDependabot),
      cursor: true,
    })
    .set('/repos/acme/ledger/secret-scanning/alerts', {
      before: [RATE_LIMITED_ONCE],
      pages: [real ? r('defectdojo-secret-scanning-alerts.json') : []],
    });

  github
    .set('/repos/acme/web-shop/code-scanning/alerts', {
      always: NOT_ENABLED.codeScanning,
    })
    .set('/repos/acme/web-shop/dependabot/alerts', { always: SERVER_ERROR })
    .set('/repos/acme/web-shop/secret-scanning/alerts', {
      pages: [real ? r('secret-scanning-alert-list.json') : []],
    });
}

describe('GitHub alerts source in a backend', () => {
  const github = new FakeGithub();
  let backend: TestBackend;
  const auth = mockCredentials.user.header();

  const findingsOf = async (entityRef: string) => {
    const res = await request(backend.server)
      .get(`/api/aspm/findings?entityRef=${entityRef}&limit=500&orderBy=title`)
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const byFingerprint = (items: any[]): Record<string, any> =>
    Object.fromEntries(items.map(f => [f.fingerprint, f]));
  const exceptionsOf = async (entityRef: string, extra = '') => {
    const res = await request(backend.server)
      .get(
        `/api/aspm/exceptions?entityRef=${entityRef}&source=github&orderBy=requestedAt&order=asc&limit=100${extra}`,
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const ingestions = async () => {
    const res = await request(backend.server)
      .get('/api/aspm/ingestions?limit=500')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const runSource = async () => {
    const res = await request(backend.server)
      .post('/api/aspm/sources/github/run')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    const baseUrl = await github.start();
    configureGithub(github);
    const daily = {
      frequency: { hours: 24 },
      timeout: { minutes: 5 },
      initialDelay: { hours: 24 },
    };
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        aspmPlugin,
        aspmModuleGithub,
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
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: baseUrl,
                  token: 'test-token',
                },
              ],
            },
            aspm: {
              catalogSync: { schedule: { ...daily, timeout: { minutes: 1 } } },
              sources: {
                github: { schedule: daily, maxRetryWaitSeconds: 0.01 },
              },
            },
          },
        }),
      ],
    });

    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-query?filter=kind=component&limit=10')
        .set('Authorization', auth);
      if ((res.body?.totalItems ?? 0) >= 4) break;
      if (Date.now() > deadline)
        throw new Error('the catalog did not ingest the 4 components in 60 s');
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const sync = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
    if (sync.status !== 200)
      throw new Error(`catalog sync answered ${sync.status}`);
  });

  afterAll(async () => {
    await backend?.stop();
    await github.stop();
  });

  it('pulls the alerts into the store with the states and times GitHub reports', async () => {
    const result = await runSource();
    expect(result).toEqual({
      entities: 2,
      errors: [
        {
          entityRef: WEB_SHOP,
          message: expect.stringMatching(
            /^GitHub Dependabot alerts of acme\/web-shop not read completely, nothing submitted: HTTP 500/,
          ),
        },
      ],
    });
    // Credentials from integrations.github reached the API; docs-site (no slug) was not read.
    expect(new Set(github.requests.map(r => r.authorization))).toEqual(
      new Set(['Bearer test-token']),
    );
    expect(github.requests.some(r => r.path.includes('docs-site'))).toBe(false);

    const payments = await findingsOf(PAYMENTS);
    expect(payments).toHaveLength(13);
    const p = byFingerprint(payments);
    expect(
      Object.fromEntries(payments.map(f => [f.fingerprint, f.state])),
    ).toEqual({
      'gh-code:acme/payments-api:1': 'open',
      'gh-code:acme/payments-api:2': 'accepted',
      'gh-code:acme/payments-api:3': 'fixed',
      'gh-code:acme/payments-api:4': 'open',
      'gh-dep:acme/payments-api:11': 'open',
      'gh-dep:acme/payments-api:12': 'fixed',
      'gh-dep:acme/payments-api:13': 'false_positive',
      'gh-dep:acme/payments-api:14': 'false_positive',
      'gh-dep:acme/payments-api:15': 'open',
      'gh-secret:acme/payments-api:21': 'open',
      'gh-secret:acme/payments-api:22': 'fixed',
      'gh-secret:acme/payments-api:23': 'accepted',
      'gh-secret:acme/payments-api:24': 'false_positive',
    });
    expect(p['gh-code:acme/payments-api:1']).toMatchObject({
      tool: { name: 'CodeQL', version: '2.19.0' },
      runKey: 'github-code-scanning',
      category: 'code',
      severity: 'critical',
      cwes: ['CWE-89', 'CWE-90'],
      firstSeenAt: '2026-03-01T09:00:00.000Z',
    });
    expect(p['gh-code:acme/payments-api:4'].tool).toEqual({
      name: 'Semgrep OSS',
      version: '1.84.1',
    });
    expect(p['gh-code:acme/payments-api:3']).toMatchObject({
      fixedAt: '2026-03-02T10:00:00.000Z',
      firstSeenAt: '2026-01-05T12:00:00.000Z',
    });
    expect(p['gh-dep:acme/payments-api:12']).toMatchObject({
      tool: { name: 'Dependabot' },
      runKey: 'github-dependabot',
      fixedAt: '2026-01-20T11:00:00.000Z',
      firstSeenAt: '2026-01-10T00:00:00.000Z',
      package: {
        name: 'minimist',
        ecosystem: 'npm',
        manifest: 'package-lock.json',
        fixedVersion: '1.2.6',
      },
    });
    expect(p['gh-secret:acme/payments-api:22']).toMatchObject({
      tool: { name: 'GitHub secret scanning' },
      runKey: 'github-secret-scanning',
      fixedAt: '2026-01-03T08:00:00.000Z',
    });
    expect(JSON.stringify(payments)).not.toContain('SAMPLE-SECRET-VALUE');

    // web-shop: code scanning not enabled, Dependabot failed: no findings of either.
    expect(
      (await findingsOf(WEB_SHOP)).filter(f => f.category !== 'secret'),
    ).toEqual([]);

    const log = await ingestions();
    expect(
      log
        .filter(i => i.status === 'failed')
        .map(i => [i.source, i.entityRef, i.error]),
    ).toEqual([
      ['source:github', WEB_SHOP, expect.stringContaining('HTTP 500')],
    ]);
    expect(
      log
        .filter(i => i.entityRef === PAYMENTS)
        .map(i => [i.status, i.tools?.[0]?.name, i.tools?.[0]?.runKey])
        .sort(),
    ).toEqual([
      ['succeeded', 'CodeQL', 'github-code-scanning'],
      ['succeeded', 'Dependabot', 'github-dependabot'],
      ['succeeded', 'GitHub secret scanning', 'github-secret-scanning'],
      ['succeeded', 'Semgrep OSS', 'github-code-scanning'],
    ]);
  });

  it("imports won't-fix dismissals as exceptions without expiry or review date", async () => {
    const payments = byFingerprint(await findingsOf(PAYMENTS));
    const exceptions = await exceptionsOf(PAYMENTS);
    expect(exceptions).toEqual([
      expect.objectContaining({
        entityRef: PAYMENTS,
        source: 'github',
        externalId: 'github:acme/payments-api:secret-scanning:23',
        status: 'approved',
        category: 'other',
        reason:
          'GitHub secret scanning alert dismissed as wont_fix: Sandbox-only key, no data behind it',
        requestedBy: 'github:sec-lead',
        requestedAt: '2026-01-05T08:00:00.000Z',
        decidedBy: 'github:sec-lead',
        decidedAt: '2026-01-05T08:00:00.000Z',
        scope: {
          type: 'findings',
          findingIds: [payments['gh-secret:acme/payments-api:23'].id],
        },
        coveredFindings: 1,
      }),
      expect.objectContaining({
        externalId: 'github:acme/payments-api:code-scanning:2',
        status: 'approved',
        reason:
          "GitHub code scanning alert dismissed as won't fix: Admin-only page behind VPN",
        requestedBy: 'github:sec-lead',
        scope: {
          type: 'findings',
          findingIds: [payments['gh-code:acme/payments-api:2'].id],
        },
        coveredFindings: 1,
      }),
    ]);
    for (const e of exceptions) {
      expect(e).not.toHaveProperty('expiresAt');
      expect(e).not.toHaveProperty('reviewAt');
    }
    // Unmanaged debt: listed among the exceptions without a review date.
    expect(
      (await exceptionsOf(PAYMENTS, '&noReviewDate=true')).map(
        e => e.externalId,
      ),
    ).toHaveLength(2);
    // The findings stay accepted (as the scan said), now through the exception.
    expect(payments['gh-code:acme/payments-api:2']).toMatchObject({
      state: 'accepted',
      exceptionId: exceptions[1].id,
    });
    expect(payments['gh-secret:acme/payments-api:23']).toMatchObject({
      state: 'accepted',
      exceptionId: exceptions[0].id,
    });
    // False positives are no exceptions, and keep their state.
    expect(payments['gh-dep:acme/payments-api:14'].state).toBe(
      'false_positive',
    );
    expect(payments['gh-dep:acme/payments-api:14'].exceptionId).toBeUndefined();
    // web-shop was not read completely (Dependabot failed): nothing imported.
    expect(await exceptionsOf(WEB_SHOP)).toEqual([]);
  });

  describeReal('with the real payloads of the shared folder', () => {
    it('stores the real payloads of ledger and web-shop', async () => {
      const ledger = byFingerprint(await findingsOf(LEDGER));
      expect(
        Object.fromEntries(
          Object.entries(ledger).map(([k, f]) => [k, f.state]),
        ),
      ).toEqual({
        'gh-code:acme/ledger:4': 'open',
        'gh-code:acme/ledger:3': 'false_positive',
        'gh-code:acme/ledger:42': 'false_positive',
        'gh-code:acme/ledger:10': 'fixed',
        'gh-dep:acme/ledger:2': 'accepted',
        'gh-dep:acme/ledger:1': 'fixed',
        'gh-secret:acme/ledger:2': 'false_positive',
        'gh-secret:acme/ledger:3': 'open',
        'gh-secret:acme/ledger:4': 'fixed',
      });
      expect(ledger['gh-code:acme/ledger:4']).toMatchObject({
        tool: { name: 'CodeQL', version: '2.4.0' },
        severity: 'high',
        cwes: ['CWE-22'],
        firstSeenAt: '2020-02-13T12:29:18.000Z',
        location: {
          path: 'spec-main/api-session-spec.ts',
          startLine: 917,
          endLine: 917,
        },
      });
      // fixed_at from the payload; firstSeenAt from created_at.
      expect(ledger['gh-dep:acme/ledger:1']).toMatchObject({
        fixedAt: '2022-06-15T13:55:40.000Z',
        firstSeenAt: '2022-06-14T15:21:52.000Z',
        ghsa: 'GHSA-8f4m-hccc-8qph',
        cves: ['CVE-2021-20191'],
      });
      expect(ledger['gh-dep:acme/ledger:2']).toMatchObject({
        severity: 'high',
        cvss: 7.5,
        firstSeenAt: '2022-06-15T07:43:03.000Z',
        package: { name: 'django', ecosystem: 'pip', fixedVersion: '2.0.2' },
      });
      // The code scanning fixed payload has fixed_at null: fixed at the pull.
      expect(ledger['gh-code:acme/ledger:10'].fixedAt).toEqual(
        expect.any(String),
      );
      expect(ledger['gh-secret:acme/ledger:4']).toMatchObject({
        fixedAt: '2021-06-21T09:15:30.000Z',
      });
      const json = JSON.stringify(Object.values(ledger));
      for (const a of readReal<any[]>(
        real!,
        'github-rest-api/defectdojo-secret-scanning-alerts.json',
      )) {
        expect(json).not.toContain(a.secret);
      }

      const webShop = await findingsOf(WEB_SHOP);
      expect(webShop.map(f => [f.fingerprint, f.state])).toEqual([
        ['gh-secret:acme/web-shop:2', 'false_positive'],
      ]);

      // The real tolerable_risk dismissal is ledger's one exception; the
      // real false positives and revocations are none.
      expect(await exceptionsOf(LEDGER)).toEqual([
        expect.objectContaining({
          externalId: 'github:acme/ledger:dependabot:2',
          status: 'approved',
          reason:
            'GitHub Dependabot alert dismissed as tolerable_risk: This alert is accurate but we use a sanitizer.',
          requestedBy: 'github:octocat',
          requestedAt: '2022-08-23T14:29:47.000Z',
          scope: {
            type: 'findings',
            findingIds: [ledger['gh-dep:acme/ledger:2'].id],
          },
          coveredFindings: 1,
        }),
      ]);
      expect(ledger['gh-dep:acme/ledger:2'].exceptionId).toEqual(
        expect.any(Number),
      );
    });
  });

  it('a second pull of the same alerts changes nothing and adds no duplicates', async () => {
    const before = {
      payments: await findingsOf(PAYMENTS),
      ledger: await findingsOf(LEDGER),
      webShop: await findingsOf(WEB_SHOP),
    };
    const exceptionsBefore = [
      ...(await exceptionsOf(PAYMENTS)),
      ...(await exceptionsOf(LEDGER)),
    ];
    expect(exceptionsBefore.length).toBeGreaterThanOrEqual(2);
    const lastId = Math.max(...(await ingestions()).map(i => i.id));

    const result = await runSource();
    expect(result.entities).toBe(2);
    expect(result.errors).toHaveLength(1);

    const strip = (items: any[]) =>
      items.map(({ lastSeenAt, ...rest }) => rest).sort((a, b) => a.id - b.id);
    expect(strip(await findingsOf(PAYMENTS))).toEqual(strip(before.payments));
    expect(strip(await findingsOf(LEDGER))).toEqual(strip(before.ledger));
    expect(strip(await findingsOf(WEB_SHOP))).toEqual(strip(before.webShop));
    // The same dismissals again: no exception changed, no event added.
    expect([
      ...(await exceptionsOf(PAYMENTS)),
      ...(await exceptionsOf(LEDGER)),
    ]).toEqual(exceptionsBefore);
    for (const e of exceptionsBefore) {
      const res = await request(backend.server)
        .get(`/api/aspm/exceptions/${e.id}`)
        .set('Authorization', auth);
      expect(res.body.events.map((v: any) => v.type)).toEqual(['imported']);
    }

    const second = (await ingestions()).filter(i => i.id > lastId);
    const succeeded = second.filter(i => i.status === 'succeeded');
    expect(succeeded.length).toBeGreaterThanOrEqual(4);
    for (const i of succeeded) {
      expect(i.counts).toMatchObject({
        new: 0,
        fixed: 0,
        reopened: 0,
        unsuppressed: 0,
      });
    }
    expect(
      second.filter(i => i.status === 'failed').map(i => i.entityRef),
    ).toEqual([WEB_SHOP]);
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AspmEntity, IngestResult } from '@aspm/plugin-aspm-common';
import {
  AspmSourceExceptions,
  AspmSourcePullContext,
  AspmSourceScan,
} from '@aspm/plugin-aspm-node';
import { GithubAlertsSource } from './GithubAlertsSource';
import {
  FakeGithub,
  NOT_ENABLED,
  RATE_LIMITED_ONCE,
  SERVER_ERROR,
} from './__testUtils__/FakeGithub';
import { readSample } from './__testUtils__/sharedFixtures';

const codeScanning = readSample<any[]>('code-scanning-alerts.sample.json');
const dependabot = readSample<any[]>('dependabot-alerts.sample.json');
const secrets = readSample<any[]>('secret-scanning-alerts.sample.json');

const entity = (
  name: string,
  slug?: string,
  source = 'github.com/project-slug',
): AspmEntity =>
  ({
    entityRef: `component:default/${name}`,
    kind: 'component',
    namespace: 'default',
    name,
    repository: slug ? { slug, source } : undefined,
  } as AspmEntity);

const paths = (slug: string) => ({
  code: `/repos/${slug}/code-scanning/alerts`,
  dep: `/repos/${slug}/dependabot/alerts`,
  secret: `/repos/${slug}/secret-scanning/alerts`,
});

describe('GithubAlertsSource', () => {
  const github = new FakeGithub();
  let source: GithubAlertsSource;
  let scans: AspmSourceScan[];
  let submitted: AspmSourceExceptions[];
  /** Every submission in order: `scan <ref> <tool>` / `exceptions <ref>`. */
  let calls: string[];

  const context = (
    entities: AspmEntity[],
    extra?: Partial<AspmSourcePullContext>,
  ): AspmSourcePullContext => ({
    logger: mockServices.logger.mock(),
    listEntities: async () => entities,
    submitScan: async scan => {
      scans.push(scan);
      calls.push(`scan ${scan.entityRef} ${scan.tool.name}`);
      return {
        ingestionId: scans.length,
        format: 'pull',
        entityRef: scan.entityRef,
        runs: [],
        counts: {},
      } as unknown as IngestResult;
    },
    submitExceptions: async batch => {
      submitted.push(batch);
      calls.push(`exceptions ${batch.entityRef}`);
      return {
        created: batch.exceptions.length,
        updated: 0,
        unchanged: 0,
        retired: 0,
        unmatchedFindings: 0,
      };
    },
    ...extra,
  });

  beforeAll(async () => {
    const baseUrl = await github.start();
    source = GithubAlertsSource.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: baseUrl, token: 'test-token' },
          ],
        },
        aspm: { sources: { github: { maxRetryWaitSeconds: 0.005 } } },
      }),
      { logger: mockServices.logger.mock() },
    );
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    github.reset();
    scans = [];
    submitted = [];
    calls = [];
  });

  it('reads every page of every alert type and submits one scan per tool', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [codeScanning.slice(0, 2), codeScanning.slice(2)] })
      .set(p.dep, {
        pages: [dependabot.slice(0, 3), dependabot.slice(3)],
        cursor: true,
      })
      .set(p.secret, { before: [RATE_LIMITED_ONCE], pages: [secrets] });

    const before = Date.now();
    const result = await source.pull(
      context([entity('payments-api', 'acme/payments-api')]),
    );
    expect(result).toEqual({ entities: 1, errors: [] });

    expect(scans.map(s => [s.tool, s.runKey, s.findings.length])).toEqual([
      [{ name: 'CodeQL', version: '2.19.0' }, 'github-code-scanning', 3],
      [{ name: 'Semgrep OSS', version: '1.84.1' }, 'github-code-scanning', 1],
      [{ name: 'Dependabot' }, 'github-dependabot', 5],
      [{ name: 'GitHub secret scanning' }, 'github-secret-scanning', 4],
    ]);
    for (const scan of scans) {
      expect(scan.entityRef).toBe('component:default/payments-api');
      expect(scan.scannedAt.getTime()).toBeGreaterThanOrEqual(before);
      expect(scan.scannedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(
      scans[2].findings.map(f => [f.fingerprint, f.sourceState?.state]),
    ).toEqual([
      ['gh-dep:acme/payments-api:11', 'open'],
      ['gh-dep:acme/payments-api:12', 'fixed'],
      ['gh-dep:acme/payments-api:13', 'false_positive'],
      ['gh-dep:acme/payments-api:14', 'false_positive'],
      ['gh-dep:acme/payments-api:15', 'open'],
    ]);

    // Pagination followed the Link headers: page=2 for code scanning, a cursor for Dependabot.
    expect(github.requestsTo(p.code).map(r => r.query.get('page'))).toEqual([
      null,
      '2',
    ]);
    expect(github.requestsTo(p.dep).map(r => r.query.has('after'))).toEqual([
      false,
      true,
    ]);
    // The 429 was retried once.
    expect(github.requestsTo(p.secret)).toHaveLength(2);
    for (const r of github.requests) {
      expect(r.authorization).toBe('Bearer test-token');
      expect(r.query.get('per_page')).toBe('100');
      expect(r.query.has('state')).toBe(false);
      expect(r.query.get('hide_secret')).toBe(
        r.path.includes('secret-scanning') ? 'true' : null,
      );
      expect(r.accept).toBe('application/vnd.github+json');
      expect(r.apiVersion).toBe('2022-11-28');
    }

    // The risk-accepting dismissals, once, after every scan of the entity:
    // code scanning #2 (won't fix) and secret scanning #23 (wont_fix).
    expect(calls.at(-1)).toBe('exceptions component:default/payments-api');
    expect(calls.filter(c => c.startsWith('exceptions'))).toHaveLength(1);
    // The whole alert listing was read: the batch is complete.
    expect(submitted[0].complete).toBe(true);
    expect(submitted).toEqual([
      {
        entityRef: 'component:default/payments-api',
        complete: true,
        exceptions: [
          {
            externalId: 'github:acme/payments-api:code-scanning:2',
            reason:
              "GitHub code scanning alert dismissed as won't fix: Admin-only page behind VPN",
            category: 'other',
            status: 'approved',
            requestedBy: 'github:sec-lead',
            requestedAt: new Date('2026-02-20T16:30:00Z'),
            decidedBy: 'github:sec-lead',
            decidedAt: new Date('2026-02-20T16:30:00Z'),
            findings: [
              {
                tool: 'CodeQL',
                fingerprint: 'gh-code:acme/payments-api:2',
                runKey: 'github-code-scanning',
              },
            ],
          },
          {
            externalId: 'github:acme/payments-api:secret-scanning:23',
            reason:
              'GitHub secret scanning alert dismissed as wont_fix: Sandbox-only key, no data behind it',
            category: 'other',
            status: 'approved',
            requestedBy: 'github:sec-lead',
            requestedAt: new Date('2026-01-05T08:00:00Z'),
            decidedBy: 'github:sec-lead',
            decidedAt: new Date('2026-01-05T08:00:00Z'),
            findings: [
              {
                tool: 'GitHub secret scanning',
                fingerprint: 'gh-secret:acme/payments-api:23',
                runKey: 'github-secret-scanning',
              },
            ],
          },
        ],
      },
    ]);
    // No expiry, no review date: unmanaged debt.
    for (const e of submitted[0].exceptions) {
      expect(e).not.toHaveProperty('expiresAt');
      expect(e).not.toHaveProperty('reviewAt');
    }
    // Each covers a finding the scans submitted, still accepted by the scan.
    const findings = new Map(
      scans.flatMap(sc =>
        sc.findings.map(f => [
          `${sc.tool.name} ${sc.runKey} ${f.fingerprint}`,
          f,
        ]),
      ),
    );
    for (const e of submitted[0].exceptions) {
      const [ref] = e.findings;
      expect(
        findings.get(`${ref.tool} ${ref.runKey} ${ref.fingerprint}`)
          ?.sourceState?.state,
      ).toBe('accepted');
    }
  });

  it('imports exactly the risk-accepting dismissal reasons of each alert type', async () => {
    const p = paths('acme/payments-api');
    const [, wontFix] = codeScanning;
    const codeReasons = [
      "won't fix",
      'false positive',
      'used in tests',
      'mitigated',
      null,
    ];
    const [, , , inaccurate] = dependabot;
    const depReasons = [
      'tolerable_risk',
      'no_bandwidth',
      'inaccurate',
      'not_used',
      'fix_started',
      null,
    ];
    const [, , wontFixSecret] = secrets;
    const secretResolutions = [
      'wont_fix',
      'false_positive',
      'used_in_tests',
      'revoked',
      'pattern_edited',
    ];
    github
      .set(p.code, {
        pages: [
          codeReasons.map((dismissed_reason, i) => ({
            ...wontFix,
            number: 100 + i,
            dismissed_reason,
          })),
        ],
      })
      .set(p.dep, {
        pages: [
          [
            ...depReasons.map((dismissed_reason, i) => ({
              ...inaccurate,
              number: 200 + i,
              dismissed_reason,
              // The comment is optional.
              dismissed_comment: i === 1 ? null : inaccurate.dismissed_comment,
            })),
            // Auto-dismissed by GitHub: not a decision of anyone.
            { ...dependabot[2], number: 299 },
          ],
        ],
      })
      .set(p.secret, {
        pages: [
          secretResolutions.map((resolution, i) => ({
            ...wontFixSecret,
            number: 300 + i,
            resolution,
          })),
        ],
      });
    const result = await source.pull(
      context([entity('payments-api', 'acme/payments-api')]),
    );
    expect(result).toEqual({ entities: 1, errors: [] });
    expect(
      submitted[0].exceptions.map(e => [
        e.externalId,
        e.reason,
        e.requestedBy,
        e.decidedAt?.toISOString(),
        e.findings[0].fingerprint,
      ]),
    ).toEqual([
      [
        'github:acme/payments-api:code-scanning:100',
        "GitHub code scanning alert dismissed as won't fix: Admin-only page behind VPN",
        'github:sec-lead',
        '2026-02-20T16:30:00.000Z',
        'gh-code:acme/payments-api:100',
      ],
      [
        'github:acme/payments-api:dependabot:200',
        'GitHub Dependabot alert dismissed as tolerable_risk: No proxy is configured in the tool',
        'github:sec-lead',
        '2026-01-15T09:00:00.000Z',
        'gh-dep:acme/payments-api:200',
      ],
      [
        'github:acme/payments-api:dependabot:201',
        'GitHub Dependabot alert dismissed as no_bandwidth',
        'github:sec-lead',
        '2026-01-15T09:00:00.000Z',
        'gh-dep:acme/payments-api:201',
      ],
      [
        'github:acme/payments-api:secret-scanning:300',
        'GitHub secret scanning alert dismissed as wont_fix: Sandbox-only key, no data behind it',
        'github:sec-lead',
        '2026-01-05T08:00:00.000Z',
        'gh-secret:acme/payments-api:300',
      ],
    ]);
    // The finding states are unchanged: false positives stay false positives.
    const states = Object.fromEntries(
      scans.flatMap(sc =>
        sc.findings.map(f => [f.fingerprint, f.sourceState?.state]),
      ),
    );
    expect(states).toMatchObject({
      'gh-code:acme/payments-api:100': 'accepted',
      'gh-code:acme/payments-api:101': 'false_positive',
      'gh-code:acme/payments-api:102': 'false_positive',
      'gh-code:acme/payments-api:103': 'accepted',
      'gh-code:acme/payments-api:104': 'accepted',
      'gh-dep:acme/payments-api:200': 'accepted',
      'gh-dep:acme/payments-api:201': 'accepted',
      'gh-dep:acme/payments-api:202': 'false_positive',
      'gh-dep:acme/payments-api:203': 'false_positive',
      'gh-dep:acme/payments-api:204': 'open',
      'gh-dep:acme/payments-api:299': 'false_positive',
      'gh-secret:acme/payments-api:300': 'accepted',
      'gh-secret:acme/payments-api:301': 'false_positive',
      'gh-secret:acme/payments-api:302': 'false_positive',
      'gh-secret:acme/payments-api:303': 'fixed',
      'gh-secret:acme/payments-api:304': 'fixed',
    });
  });

  it('imports a repository named by two entities for the first only', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [codeScanning] })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, { pages: [[]] });
    const logger = mockServices.logger.mock();
    const result = await source.pull(
      context(
        [
          entity('payments-api', 'acme/payments-api'),
          entity('payments-worker', 'Acme/Payments-API'),
        ],
        { logger },
      ),
    );
    expect(result).toEqual({ entities: 2, errors: [] });
    expect(
      submitted.map(b => [b.entityRef, b.exceptions.map(e => e.externalId)]),
    ).toEqual([
      [
        'component:default/payments-api',
        ['github:acme/payments-api:code-scanning:2'],
      ],
      ['component:default/payments-worker', []],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'imported as exceptions of the first of them only, not of component:default/payments-worker',
      ),
    );
  });

  it('reports exceptions the store refuses, after storing the scans', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [codeScanning] })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, { pages: [[]] });
    const ctx = context([entity('payments-api', 'acme/payments-api')]);
    ctx.submitExceptions = async () => {
      throw new Error('the exceptions table is locked');
    };
    const result = await source.pull(ctx);
    expect(result).toEqual({
      entities: 0,
      errors: [
        {
          entityRef: 'component:default/payments-api',
          message:
            'GitHub dismissals of acme/payments-api not stored as exceptions: the exceptions table is locked',
        },
      ],
    });
    expect(scans.map(sc => sc.tool.name)).toEqual([
      'CodeQL',
      'Semgrep OSS',
      'Dependabot',
      'GitHub secret scanning',
    ]);
  });

  it('skips alert types that are not enabled, without an error', async () => {
    const p = paths('acme/ledger');
    github
      .set(p.code, { always: NOT_ENABLED.codeScanning })
      .set(p.dep, { always: NOT_ENABLED.dependabot })
      .set(p.secret, { always: NOT_ENABLED.secretScanning });
    const q = paths('acme/legacy');
    github
      .set(q.code, { always: NOT_ENABLED.advancedSecurity })
      .set(q.dep, { pages: [[]] })
      .set(q.secret, { always: NOT_ENABLED.secretScanning });

    const result = await source.pull(
      context([
        entity('ledger', 'acme/ledger'),
        entity('legacy', 'acme/legacy'),
      ]),
    );
    expect(result).toEqual({ entities: 2, errors: [] });
    // A complete but empty Dependabot listing is a picture too: nothing open.
    expect(
      scans.map(s => [s.entityRef, s.tool.name, s.findings.length]),
    ).toEqual([['component:default/legacy', 'Dependabot', 0]]);
    // Not-enabled answers are not retried.
    expect(github.requests).toHaveLength(6);
    // GitHub answered for both: an empty list each (nothing to accept), not
    // complete (the disabled types keep their earlier imports).
    expect(submitted).toEqual([
      {
        entityRef: 'component:default/ledger',
        exceptions: [],
        complete: false,
      },
      {
        entityRef: 'component:default/legacy',
        exceptions: [],
        complete: false,
      },
    ]);
  });

  it('reports a 5xx after 3 retries and submits nothing for that alert type', async () => {
    const p = paths('acme/web-shop');
    github
      // #2 (won't fix) and #23 (wont_fix) would be exceptions.
      .set(p.code, { pages: [codeScanning.slice(0, 2)] })
      .set(p.dep, { always: SERVER_ERROR })
      .set(p.secret, { pages: [secrets.slice(0, 3)] });

    const result = await source.pull(
      context([entity('web-shop', 'Acme/Web-Shop')]),
    );
    expect(result.entities).toBe(0);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/web-shop',
        message: expect.stringMatching(
          /^GitHub Dependabot alerts of Acme\/Web-Shop not read completely, nothing submitted: HTTP 500 .*Server Error; gave up after 3 retries$/,
        ),
      },
    ]);
    expect(github.requestsTo(p.dep)).toHaveLength(4);
    expect(scans.map(s => s.tool.name)).toEqual([
      'CodeQL',
      'GitHub secret scanning',
    ]);
    // A partial read must not change the stored exceptions.
    expect(submitted).toEqual([]);
  });

  it('submits nothing when a later page fails', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [codeScanning.slice(0, 2), codeScanning.slice(2)] })
      .set(p.dep, {
        pages: [dependabot.slice(0, 2), dependabot.slice(2)],
        cursor: true,
      })
      .set(p.secret, { pages: [secrets] });
    // Page 2 of Dependabot answers 502 every time.
    {
      const realFetch = globalThis.fetch;
      const wrapped: typeof fetch = async (input, init) => {
        const url = String(input);
        if (url.includes('/dependabot/') && url.includes('after=')) {
          return new Response(JSON.stringify({ message: 'Bad Gateway' }), {
            status: 502,
          });
        }
        return realFetch(input, init);
      };
      const s = GithubAlertsSource.fromConfig(
        new ConfigReader({
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: github.baseUrl,
                token: 'test-token',
              },
            ],
          },
          aspm: { sources: { github: { maxRetryWaitSeconds: 0.001 } } },
        }),
        { logger: mockServices.logger.mock(), fetch: wrapped },
      );
      const result = await s.pull(
        context([entity('payments-api', 'acme/payments-api')]),
      );
      expect(result.errors.map(e => e.message)).toEqual([
        expect.stringMatching(
          /^GitHub Dependabot alerts .* HTTP 502 .*gave up after 3 retries$/,
        ),
      ]);
      expect(scans.map(x => x.tool.name)).toEqual([
        'CodeQL',
        'Semgrep OSS',
        'GitHub secret scanning',
      ]);
      expect(submitted).toEqual([]);
    }
  });

  it('waits for the primary rate limit reset (403, x-ratelimit-remaining 0) and retries', async () => {
    const p = paths('acme/payments-api');
    const reset = String(Math.floor(Date.now() / 1000) - 1);
    github
      .set(p.code, {
        before: [
          {
            status: 403,
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': reset,
            },
            body: { message: 'API rate limit exceeded for installation ID 1.' },
          },
        ],
        pages: [codeScanning.slice(0, 1)],
      })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, { pages: [[]] });
    const result = await source.pull(
      context([entity('payments-api', 'acme/payments-api')]),
    );
    expect(result).toEqual({ entities: 1, errors: [] });
    expect(github.requestsTo(p.code)).toHaveLength(2);
  });

  it('gives up on a persistent rate limit after 3 retries', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [[]] })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, {
        always: { ...RATE_LIMITED_ONCE, headers: { 'retry-after': '3600' } },
      });
    const result = await source.pull(
      context([entity('payments-api', 'acme/payments-api')]),
    );
    expect(result.errors.map(e => e.message)).toEqual([
      expect.stringMatching(
        /secret scanning .* rate limited \(HTTP 429\).*gave up after 3 retries/,
      ),
    ]);
    expect(github.requestsTo(p.secret)).toHaveLength(4);
    expect(scans.map(s => s.tool.name)).toEqual(['Dependabot']);
  });

  it('reports a plain 403 and an unknown repository without retrying', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, {
        always: {
          status: 403,
          body: { message: 'Resource not accessible by integration' },
        },
      })
      .set(p.dep, { pages: [dependabot] })
      .set(p.secret, { pages: [[]] });
    const result = await source.pull(
      context([
        entity('payments-api', 'acme/payments-api'),
        entity('gone', 'acme/gone'),
      ]),
    );
    expect(result.entities).toBe(0);
    expect(
      result.errors.map(e => [
        e.entityRef,
        e.message.replace(/ from \S+: /, ': '),
      ]),
    ).toEqual([
      [
        'component:default/payments-api',
        'GitHub code scanning alerts of acme/payments-api not read completely, nothing submitted: HTTP 403: Resource not accessible by integration',
      ],
      [
        'component:default/gone',
        expect.stringContaining(
          'code scanning alerts of acme/gone not read completely, nothing submitted: HTTP 404: Not Found',
        ),
      ],
      [
        'component:default/gone',
        expect.stringContaining(
          'Dependabot alerts of acme/gone not read completely',
        ),
      ],
      [
        'component:default/gone',
        expect.stringContaining(
          'secret scanning alerts of acme/gone not read completely',
        ),
      ],
    ]);
    expect(github.requestsTo(p.code)).toHaveLength(1);
    // Dependabot was read for payments-api, but code scanning was not.
    expect(submitted).toEqual([]);
  });

  it('does not follow a next link to another origin', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, {
        pages: [codeScanning.slice(0, 1), codeScanning.slice(1)],
        nextLink: 'https://evil.example/next',
      })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, { pages: [[]] });
    const result = await source.pull(
      context([entity('payments-api', 'acme/payments-api')]),
    );
    expect(result.errors.map(e => e.message)).toEqual([
      expect.stringContaining('leaves http://127.0.0.1'),
    ]);
    expect(scans.map(s => s.tool.name)).toEqual([
      'Dependabot',
      'GitHub secret scanning',
    ]);
  });

  it('only reads entities with a github.com/project-slug repository', async () => {
    const result = await source.pull(
      context([
        entity('no-repo'),
        entity(
          'from-source-location',
          'acme/other',
          'backstage.io/source-location',
        ),
      ]),
    );
    expect(result).toEqual({ entities: 0, errors: [] });
    expect(github.requests).toHaveLength(0);
    expect(submitted).toEqual([]);
  });

  it('reports a scan the store refuses', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, { pages: [[]] })
      .set(p.dep, { pages: [dependabot] })
      .set(p.secret, { pages: [[]] });
    const ctx = context([entity('payments-api', 'acme/payments-api')]);
    ctx.submitScan = async () => {
      throw new Error(
        'A scan of component:default/payments-api by Dependabot at ... is already stored',
      );
    };
    const result = await source.pull(ctx);
    expect(result.errors.map(e => e.message)).toEqual([
      expect.stringContaining(
        'GitHub Dependabot alerts of acme/payments-api (Dependabot) not stored: A scan of',
      ),
      expect.stringContaining('(GitHub secret scanning) not stored'),
    ]);
    // The findings an exception would cover may be missing: none submitted.
    expect(submitted).toEqual([]);
  });

  it('stops when the signal aborts', async () => {
    const p = paths('acme/payments-api');
    github
      .set(p.code, {
        always: { ...RATE_LIMITED_ONCE, headers: { 'retry-after': '30' } },
      })
      .set(p.dep, { pages: [[]] })
      .set(p.secret, { pages: [[]] });
    const slow = GithubAlertsSource.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'github.com',
              apiBaseUrl: github.baseUrl,
              token: 'test-token',
            },
          ],
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    const controller = new AbortController();
    const pending = slow.pull(
      context(
        [
          entity('payments-api', 'acme/payments-api'),
          entity('ledger', 'acme/ledger'),
        ],
        {
          signal: controller.signal,
        },
      ),
    );
    setTimeout(() => controller.abort(new Error('task timed out')), 100);
    await expect(pending).rejects.toThrow('task timed out');
    expect(github.requestsTo(p.code)).toHaveLength(1);
    expect(scans).toHaveLength(0);
    expect(submitted).toHaveLength(0);
  });
});

import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const ENTITY = 'component:default/payments-api'; // tier 1: 90 days at most

const ALICE = 'user:default/alice'; // engineer: may request, not approve
const BOB = 'user:default/bob'; // engineer: may request, not approve
const SAM = 'user:default/sam'; // security: may approve
const DANA = 'user:default/dana'; // security: may approve, requests too
const APPROVERS = new Set([SAM, DANA]);

/**
 * The test's permission policy: everything is allowed except
 * aspm.exception.approve, which only the two approvers have. Service
 * principals are decided as Backstage decides them: allowed unless their
 * access restrictions say otherwise (none here), except approving.
 */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: any[], options?: any) {
      const credentials = options?.credentials as BackstageCredentials;
      const user = (credentials?.principal as any)?.userEntityRef;
      return requests.map(r => ({
        result:
          r.permission.name !== 'aspm.exception.approve' ||
          (user && APPROVERS.has(user))
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

const as = (ref: string) => mockCredentials.user.header(ref);
const SERVICE = mockCredentials.service.header();

function sarif(at: string) {
  const results = [
    { rule: 'sql-injection', file: 'src/db.ts', line: 10 },
    { rule: 'xss', file: 'src/view.ts', line: 20 },
    { rule: 'path-traversal', file: 'src/files.ts', line: 30 },
  ];
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'DemoScanner',
            rules: results.map(r => ({
              id: r.rule,
              properties: { 'security-severity': '8.0' },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, endTimeUtc: at }],
        results: results.map(r => ({
          ruleId: r.rule,
          level: 'error',
          message: { text: `Problem ${r.rule}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file },
                region: { startLine: r.line },
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

describe('/api/aspm/exceptions', () => {
  let backend: TestBackend;
  let findingIds: Record<string, number>;

  const get = (url: string, auth = as(ALICE)) =>
    request(backend.server).get(url).set('Authorization', auth);
  const post = (url: string, body: unknown, auth = as(ALICE)) =>
    request(backend.server)
      .post(url)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(body as object);
  const countOf = async (state: string) =>
    (await get(`/api/aspm/findings?entityRef=${ENTITY}&state=${state}&limit=1`))
      .body.totalCount as number;
  const exceptionCount = async () =>
    (await get('/api/aspm/exceptions?limit=1')).body.totalCount as number;
  const requestRule = (rule: string, auth = as(ALICE), extra = {}) =>
    post(
      '/api/aspm/exceptions',
      {
        entityRef: ENTITY,
        scope: { type: 'rule', rule },
        reason: 'The input is validated upstream by the gateway',
        category: 'compensated',
        compensatingControl: { text: 'WAF rule 942100' },
        ...extra,
      },
      auth,
    );

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      features: [permissionsFactory],
    }));
    await post('/api/aspm/catalog-sync', {});
    const ingest = await request(backend.server)
      .post(`/api/aspm/ingest?entityRef=${ENTITY}`)
      .set('Authorization', as(ALICE))
      .set('Content-Type', 'application/json')
      .send(sarif(new Date(Date.now() - 86_400_000).toISOString()));
    if (ingest.status !== 200) {
      throw new Error(`ingest failed: ${JSON.stringify(ingest.body)}`);
    }
    const list = await get(`/api/aspm/findings?entityRef=${ENTITY}`);
    findingIds = Object.fromEntries(
      list.body.items.map((f: any) => [f.ruleId, f.id]),
    );
    if (Object.keys(findingIds).length !== 3) {
      throw new Error(`expected 3 findings, got ${JSON.stringify(findingIds)}`);
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('refuses anonymous callers', async () => {
    expect(await exceptionCount()).toBe(0);
    const none = mockCredentials.none.header();
    expect((await get('/api/aspm/exceptions', none)).status).toBe(401);
    expect((await requestRule('xss', none)).status).toBe(401);
    expect(await exceptionCount()).toBe(0);
  });

  it('lets a requester request but never approve; another user approves; covered findings leave the backlog and come back on revoke', async () => {
    const openBefore = await countOf('open');
    const created = await requestRule('sql-injection');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'requested',
      requestedBy: ALICE,
      source: 'manual',
      scope: { type: 'rule', rule: 'sql-injection' },
      tier: '1',
      team: 'group:default/team-checkout',
      allowedActions: ['revoke'],
      events: [{ type: 'requested', actor: ALICE, toStatus: 'requested' }],
    });
    const id = created.body.id;

    // The requester, even if the policy let them, cannot approve.
    const own = await post(
      `/api/aspm/exceptions/${id}/approve`,
      { expiresAt: inDays(30) },
      as(ALICE),
    );
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/You requested this exception/);
    // Another plain user lacks the permission.
    const bob = await post(
      `/api/aspm/exceptions/${id}/approve`,
      { expiresAt: inDays(30) },
      as(BOB),
    );
    expect(bob.status).toBe(403);
    expect(bob.body.error.message).toMatch(/aspm\.exception\.approve/);
    expect(await countOf('open')).toBe(openBefore);

    // The approver sees approve/reject among the allowed actions.
    const seen = await get(`/api/aspm/exceptions/${id}`, as(SAM));
    expect(seen.body.allowedActions).toEqual(['approve', 'reject', 'revoke']);

    const approved = await post(
      `/api/aspm/exceptions/${id}/approve`,
      { expiresAt: inDays(60), reviewAt: inDays(30), note: 'OK with the WAF' },
      as(SAM),
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: SAM,
      decisionNote: 'OK with the WAF',
      coveredFindings: 1,
      findings: [{ id: findingIds['sql-injection'], state: 'accepted' }],
    });
    expect(await countOf('open')).toBe(openBefore - 1);
    const finding = await get(
      `/api/aspm/findings/${findingIds['sql-injection']}`,
    );
    expect(finding.body).toMatchObject({ state: 'accepted', exceptionId: id });
    expect(finding.body.events.map((e: any) => e.type)).toContain('accepted');

    // Approving twice is a conflict, not a second decision.
    const again = await post(
      `/api/aspm/exceptions/${id}/approve`,
      { expiresAt: inDays(60) },
      as(DANA),
    );
    expect(again.status).toBe(409);

    const revoked = await post(
      `/api/aspm/exceptions/${id}/revoke`,
      { note: 'The WAF rule was removed' },
      as(SAM),
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      coveredFindings: 0,
    });
    expect(await countOf('open')).toBe(openBefore);
    const back = await get(`/api/aspm/findings/${findingIds['sql-injection']}`);
    expect(back.body.state).toBe('open');
    expect(back.body.exceptionId).toBeUndefined();
    expect(back.body.events.map((e: any) => e.type)).toContain(
      'exception_ended',
    );
    const trail = (await get(`/api/aspm/exceptions/${id}`)).body.events;
    expect(trail.map((e: any) => [e.type, e.actor])).toEqual([
      ['requested', ALICE],
      ['approved', SAM],
      ['revoked', SAM],
    ]);
  });

  it('refuses an approver approving their own request', async () => {
    const created = await requestRule('xss', as(DANA));
    expect(created.status).toBe(201);
    expect(created.body.allowedActions).toEqual(['revoke']);
    const own = await post(
      `/api/aspm/exceptions/${created.body.id}/approve`,
      { expiresAt: inDays(30) },
      as(DANA),
    );
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/someone else must approve/);
    const rejectOwn = await post(
      `/api/aspm/exceptions/${created.body.id}/reject`,
      { note: 'never mind' },
      as(DANA),
    );
    expect(rejectOwn.status).toBe(403);
    const other = await post(
      `/api/aspm/exceptions/${created.body.id}/reject`,
      { note: 'Fix it: the gateway does not cover this path' },
      as(SAM),
    );
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'rejected', decidedBy: SAM });
  });

  it('treats a service token as its own actor', async () => {
    const created = await requestRule('path-traversal', SERVICE);
    expect(created.status).toBe(201);
    expect(created.body.requestedBy).toBe('service:external:test-service');
    const own = await post(
      `/api/aspm/exceptions/${created.body.id}/approve`,
      { expiresAt: inDays(30) },
      SERVICE,
    );
    expect(own.status).toBe(403);
    const approved = await post(
      `/api/aspm/exceptions/${created.body.id}/approve`,
      { expiresAt: inDays(30) },
      as(SAM),
    );
    expect(approved.status).toBe(200);
    // Renewal: a new decision with its own expiry, the history kept.
    const renewed = await post(
      `/api/aspm/exceptions/${created.body.id}/renew`,
      { expiresAt: inDays(80) },
      as(DANA),
    );
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      status: 'approved',
      renewals: 1,
      decidedBy: DANA,
    });
    expect(renewed.body.expiresAt.slice(0, 10)).toBe(inDays(80));
    expect(renewed.body.events.map((e: any) => e.type)).toEqual([
      'requested',
      'approved',
      'renewed',
    ]);
  });

  it('answers invalid requests and decisions with 400 and changes nothing', async () => {
    const before = await exceptionCount();
    const cases: Array<[unknown, RegExp]> = [
      [
        {
          entityRef: ENTITY,
          scope: { type: 'team' },
          reason: 'long enough reason',
          category: 'other',
        },
        /scope\.type must be one of findings, rule, category, entity/,
      ],
      [
        {
          entityRef: ENTITY,
          scope: { type: 'entity' },
          reason: 'short',
          category: 'other',
        },
        /reason/,
      ],
      [
        {
          entityRef: ENTITY,
          scope: { type: 'entity' },
          reason: 'long enough reason',
          category: 'because',
        },
        /category: must be one of standard-unrealistic/,
      ],
      [
        {
          entityRef: ENTITY,
          scope: { type: 'findings', findingIds: [999999] },
          reason: 'long enough reason',
          category: 'other',
        },
        /999999 is not a finding of component:default\/payments-api/,
      ],
      [
        {
          entityRef: ENTITY,
          scope: { type: 'entity' },
          reason: 'long enough reason',
          category: 'other',
          expiresAt: inDays(10),
          reviewAt: inDays(20),
        },
        /reviewAt'?: must not be after expiresAt/,
      ],
      [
        {
          entityRef: 'component:default/nope',
          scope: { type: 'entity' },
          reason: 'long enough reason',
          category: 'other',
        },
        /no entity component:default\/nope/,
      ],
      [
        {
          entityRef: ENTITY,
          scope: { type: 'entity' },
          reason: 'long enough reason',
          category: 'other',
          extra: 1,
        },
        /extra/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await post('/api/aspm/exceptions', body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
    }
    const malformed = await request(backend.server)
      .post('/api/aspm/exceptions')
      .set('Authorization', as(ALICE))
      .set('Content-Type', 'application/json')
      .send('{"entityRef": "component:default/payments-api", "scope": {');
    expect(malformed.status).toBe(400);
    expect(before).toBeGreaterThan(0);
    expect(await exceptionCount()).toBe(before);

    const created = await requestRule('xss', as(BOB));
    const id = created.body.id;
    const trail = async () =>
      (await get(`/api/aspm/exceptions/${id}`)).body as {
        status: string;
        events: unknown[];
      };
    const decisions: Array<[unknown, RegExp]> = [
      [{}, /expiresAt/],
      [{ expiresAt: inDays(120) }, /at most 90 days from now for a tier 1/],
      [{ expiresAt: inDays(-1) }, /expiresAt: must be in the future/],
      [
        { expiresAt: inDays(30), reviewAt: inDays(40) },
        /reviewAt'?: must not be after expiresAt/,
      ],
      [{ expiresAt: 'next week' }, /expiresAt/],
    ];
    for (const [body, message] of decisions) {
      const res = await post(
        `/api/aspm/exceptions/${id}/approve`,
        body,
        as(SAM),
      );
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
    }
    expect(await trail()).toMatchObject({ status: 'requested' });
    expect((await trail()).events).toHaveLength(1);
    const noNote = await post(`/api/aspm/exceptions/${id}/reject`, {}, as(SAM));
    expect(noNote.status).toBe(400);
    expect((await get('/api/aspm/exceptions/abc')).status).toBe(400);
    expect((await get('/api/aspm/exceptions/424242')).status).toBe(404);
  });

  it('filters the register and summarises categories per business unit', async () => {
    const all = await get('/api/aspm/exceptions?limit=100');
    expect(all.status).toBe(200);
    const byStatus = (s: string) =>
      all.body.items.filter((e: any) => e.status === s).length;
    const approved = await get('/api/aspm/exceptions?status=approved');
    expect(approved.body.totalCount).toBe(byStatus('approved'));
    expect(approved.body.totalCount).toBeGreaterThan(0);
    const expiring = await get('/api/aspm/exceptions?expiringWithinDays=40');
    expect(
      expiring.body.items.every(
        (e: any) => e.status === 'approved' && e.expiresAt <= `${inDays(41)}`,
      ),
    ).toBe(true);
    const noReview = await get('/api/aspm/exceptions?noReviewDate=true');
    expect(noReview.body.items.every((e: any) => !e.reviewAt)).toBe(true);
    expect(noReview.body.totalCount).toBeLessThan(all.body.totalCount);
    const team = await get(
      '/api/aspm/exceptions?team=group:default/team-search',
    );
    expect(team.body.totalCount).toBe(0);
    const bad = await get('/api/aspm/exceptions?minAgeDays=45');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/minAgeDays/);

    const summary = await get(
      '/api/aspm/exceptions/summary?status=requested,approved,rejected,revoked',
    );
    expect(summary.status).toBe(200);
    const total = summary.body.items.reduce(
      (n: number, i: any) => n + i.count,
      0,
    );
    expect(total).toBe(all.body.totalCount);
    const policy = await get('/api/aspm/exceptions/policy');
    expect(policy.body.maxDaysByTier['1']).toBe(90);
    expect(policy.body.categories).toContain('platform-gap');
  });
});

import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../../examples');
const ALICE = mockCredentials.user.header('user:default/alice');
/** Mallory may read nothing of ASPM and request nothing. */
const MALLORY = mockCredentials.user.header('user:default/mallory');
/** Bob may read but not request exceptions. */
const BOB = mockCredentials.user.header('user:default/bob');

/** Permissions that deny Mallory every aspm.* permission and Bob the requests. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = (name: string, credentials: any) => {
      const user = credentials?.principal?.userEntityRef;
      if (user === 'user:default/mallory' && name.startsWith('aspm.')) {
        return AuthorizeResult.DENY;
      }
      if (user === 'user:default/bob' && name === 'aspm.exception.create') {
        return AuthorizeResult.DENY;
      }
      return AuthorizeResult.ALLOW;
    };
    return {
      authorize: async (requests: any[], options: any) =>
        requests.map(r => ({
          result: decide(r.permission.name, options?.credentials),
        })),
      authorizeConditional: async (requests: any[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as any;
  },
});

describe('ASPM actions through the actions registry', () => {
  let backend: TestBackend;

  const invoke = (name: string, input: unknown, auth = ALICE) =>
    request(backend.server)
      .post(`/api/aspm/.backstage/actions/v1/actions/aspm:${name}/invoke`)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(input as object);
  const list = (auth = ALICE) =>
    request(backend.server)
      .get('/api/aspm/.backstage/actions/v1/actions')
      .set('Authorization', auth);
  const get = (url: string) =>
    request(backend.server).get(url).set('Authorization', ALICE);

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      features: [permissionsFactory],
      demo: { weeks: 8 },
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', ALICE)
      .send({});
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists its actions with attributes, schemas and descriptions; hides them from a caller without the permission', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.actions.map((a: any) => [a.name, a]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'find-aging-findings-on-critical-apps',
      'find-exceptions-without-compensating-controls',
      'find-releases-lacking-evidence',
      'find-teams-failing-gates',
      'find-under-scanned-tier1-applications',
      'get-director-pack-summary',
      'get-entity-security-scorecard',
      'list-exceptions',
      'list-findings',
      'request-exception',
    ]);
    expect(byName['request-exception'].attributes).toEqual({
      readOnly: false,
      destructive: false,
      idempotent: true,
    });
    expect(byName['list-findings'].attributes.readOnly).toBe(true);
    expect(
      byName['find-teams-failing-gates'].schema.input.properties,
    ).toHaveProperty('period');

    expect((await list(MALLORY)).body.actions).toEqual([]);
    const bob = (await list(BOB)).body.actions.map((a: any) => a.name);
    expect(bob).not.toContain('request-exception');
    expect(bob).toContain('list-findings');
  });

  it('answers "which tier-1 applications are under-scanned?" with the entities tier1_coverage counts', async () => {
    const res = await invoke('find-under-scanned-tier1-applications', {
      limit: 50,
    });
    expect(res.status).toBe(200);
    const out = res.body.output;
    const metric = await get('/api/aspm/metrics/tier1_coverage?limit=1000');
    const lacking = metric.body.items
      .filter((i: any) => !i.inNumerator)
      .map((i: any) => i.entityRef)
      .sort();
    expect(out.applications.map((a: any) => a.entityRef).sort()).toEqual(
      lacking,
    );
    expect(out.applications.length).toBeGreaterThan(0);
    expect(out.tier1Components).toBe(metric.body.metric.denominator);
    expect(out.covered).toBe(metric.body.metric.numerator);
    expect(out.summary).toContain(`of ${out.tier1Components} tier-1`);
    for (const a of out.applications) {
      const item = metric.body.items.find(
        (i: any) => i.entityRef === a.entityRef,
      );
      expect(item.note).toBe(`missing: ${a.missing.join(', ')}`);
    }
  });

  it('answers the other platform questions in bounded, summarised form', async () => {
    const gates = await invoke('find-teams-failing-gates', {
      minFailures: 1,
      limit: 3,
    });
    expect(gates.status).toBe(200);
    expect(gates.body.output.teams.length).toBeLessThanOrEqual(3);
    expect(gates.body.output.teamsTotal).toBeGreaterThan(0);
    for (const t of gates.body.output.teams) {
      expect(t.failedFirst).toBeGreaterThanOrEqual(1);
      expect(t.firstPass + t.failedFirst).toBe(t.candidates);
    }

    const aging = await invoke('find-aging-findings-on-critical-apps', {
      minAgeDays: 7,
      limit: 5,
    });
    expect(aging.status).toBe(200);
    expect(aging.body.output.findings.length).toBeLessThanOrEqual(5);
    expect(aging.body.output.total).toBeGreaterThan(0);
    for (const f of aging.body.output.findings) {
      expect(['critical', 'high']).toContain(f.severity);
      expect(f.ageDays).toBeGreaterThanOrEqual(7);
      const finding = await get(`/api/aspm/findings/${f.findingId}`);
      expect(finding.body.state).toBe('open');
      const [kind, rest] = f.entityRef.split(':');
      const entity = await get(`/api/aspm/entities/${kind}/${rest}`);
      expect(entity.body.tier).toBe('1');
    }

    const exceptions = await invoke(
      'find-exceptions-without-compensating-controls',
      {},
    );
    expect(exceptions.status).toBe(200);
    const listed = await get(
      '/api/aspm/exceptions?status=approved&noCompensatingControl=true&limit=500',
    );
    const active = listed.body.items.filter(
      (e: any) => !e.expiresAt || Date.parse(e.expiresAt) > Date.now(),
    );
    expect(exceptions.body.output.count).toBe(active.length);

    const releases = await invoke('find-releases-lacking-evidence', {
      limit: 3,
    });
    expect(releases.status).toBe(200);
    for (const r of releases.body.output.releases) {
      expect(r.missing.length).toBeGreaterThan(0);
    }
  });

  it('gives an entity scorecard and the director pack summary', async () => {
    const card = await invoke('get-entity-security-scorecard', {
      entityRef: 'component:default/payments-api',
      topRisks: 3,
    });
    expect(card.status).toBe(200);
    expect(card.body.output.scorecard.entityRef).toBe(
      'component:default/payments-api',
    );
    expect(
      card.body.output.scorecard.topRisks.items.length,
    ).toBeLessThanOrEqual(3);
    const bad = await invoke('get-entity-security-scorecard', {
      entityRef: 'group:default/team-checkout',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('is a Group');

    const pack = await invoke('get-director-pack-summary', {});
    expect(pack.status).toBe(200);
    expect(pack.body.output.metrics.length).toBeGreaterThanOrEqual(10);
  });

  it('lists findings and exceptions paged, with the HTTP API validation', async () => {
    const findings = await invoke('list-findings', {
      severity: ['critical'],
      state: ['open'],
      limit: 5,
    });
    expect(findings.status).toBe(200);
    const http = await get(
      '/api/aspm/findings?severity=critical&state=open&limit=5',
    );
    expect(findings.body.output.totalCount).toBe(http.body.totalCount);
    expect(findings.body.output.items.map((f: any) => f.id)).toEqual(
      http.body.items.map((f: any) => f.id),
    );
    const tooMany = await invoke('list-findings', { limit: 500 });
    expect(tooMany.status).toBe(400);

    const exceptions = await invoke('list-exceptions', {
      status: ['approved'],
      limit: 2,
    });
    expect(exceptions.status).toBe(200);
    expect(exceptions.body.output.items.length).toBeLessThanOrEqual(2);
  });

  it('requests an exception like POST /exceptions, idempotently; refuses bad input and callers without the permission', async () => {
    const input = {
      entityRef: 'component:default/payments-api',
      scope: { type: 'rule', rule: 'CVE-2099-0001' },
      reason: 'Not reachable: the parser is never fed untrusted input',
      category: 'false-positive-dispute',
    };
    const first = await invoke('request-exception', input);
    expect(first.status).toBe(200);
    expect(first.body.output.created).toBe(true);
    expect(first.body.output.exception.status).toBe('requested');
    expect(first.body.output.exception.requestedBy).toBe('user:default/alice');
    const again = await invoke('request-exception', input);
    expect(again.body.output).toMatchObject({
      created: false,
      exception: { id: first.body.output.exception.id },
    });

    const short = await invoke('request-exception', {
      ...input,
      reason: 'meh',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain(
      'say why, in at least 10 characters',
    );
    const denied = await invoke('request-exception', input, BOB);
    expect(denied.status).toBe(404);
    const anonymous = await invoke(
      'request-exception',
      input,
      mockCredentials.none.header(),
    );
    expect(anonymous.status).toBe(401);
    const read = await invoke(
      'find-under-scanned-tier1-applications',
      {},
      MALLORY,
    );
    expect(read.status).toBe(404);
    const count = await get(
      '/api/aspm/exceptions?entityRef=component:default/payments-api&status=requested',
    );
    expect(
      count.body.items.filter((e: any) => e.reason === input.reason),
    ).toHaveLength(1);
  });
});

/*
 * GET /api/aspm/scorecard/entity and /scorecard/team on the demo catalog
 * (no demo history) with the Trivy and Semgrep samples pushed for
 * payments-api (tier 1, internet-facing, owned by team-checkout of
 * payments-bu). The numbers are checked against the API's own lists:
 * GET /findings, /metrics and /actions.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const fixtures = path.resolve(__dirname, '../ingest/parsers/__fixtures__');
const ALICE = mockCredentials.user.header('user:default/alice');
const ENTITY = 'component:default/payments-api';
const TEAM = 'group:default/team-checkout';

describe('/api/aspm/scorecard', () => {
  let backend: TestBackend;
  const get = (url: string, auth = ALICE) =>
    request(backend.server).get(url).set('Authorization', auth);

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', ALICE)
      .set('Content-Type', 'application/json')
      .send({});
    for (const file of ['trivy-sample.json', 'semgrep-sample.json']) {
      const res = await request(backend.server)
        .post(`/api/aspm/ingest?entityRef=${ENTITY}`)
        .set('Authorization', mockCredentials.service.header())
        .set('Content-Type', 'application/octet-stream')
        .send(fs.readFileSync(path.join(fixtures, file)));
      if (res.status !== 200) {
        throw new Error(`ingest of ${file}: ${res.status} ${res.text}`);
      }
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('gives a service`s sections, each number matching the list behind it', async () => {
    const res = await get(
      `/api/aspm/scorecard/entity?entityRef=${ENTITY}&limit=100`,
    );
    expect(res.status).toBe(200);
    const card = res.body;
    expect(card.identity).toMatchObject({
      entityRef: ENTITY,
      ownerRef: TEAM,
      ownerResolution: 'group',
      businessUnit: 'group:default/payments-bu',
    });
    expect(card.criticality).toMatchObject({
      tier: '1',
      exposure: 'internet',
      multiplier: 6,
    });

    // Top risks are the entity's open findings, heaviest first.
    const open = await get(
      `/api/aspm/findings?entityRef=${ENTITY}&state=open&limit=500`,
    );
    expect(card.topRisks.total).toBe(open.body.totalCount);
    expect(card.topRisks.total).toBeGreaterThan(0);
    const weights = card.topRisks.items.map((r: any) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const first = card.topRisks.items[0];
    expect(first).toMatchObject({ severity: 'critical', weight: 60 });

    // The ids behind the aging numbers are found by GET /findings?id=.
    const ids = [...card.aging.open.critical, ...card.aging.open.high];
    expect(ids.length).toBeGreaterThan(0);
    const listed = await get(
      `/api/aspm/findings?id=${ids.slice(0, 100).join(',')}&limit=100`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.totalCount).toBe(Math.min(ids.length, 100));
    for (const f of listed.body.items) {
      expect(f).toMatchObject({ entityRef: ENTITY, state: 'open' });
      expect(['critical', 'high']).toContain(f.severity);
    }
    const bucketed = card.aging.buckets.reduce(
      (s: number, b: any) => s + b.critical.length + b.high.length,
      0,
    );
    expect(bucketed).toBe(ids.length);

    // Metrics and actions are what /metrics and /actions answer.
    const metrics = await get(`/api/aspm/metrics?scope=${ENTITY}`);
    expect(card.metrics.map((m: any) => [m.id, m.value])).toEqual(
      metrics.body.metrics.map((m: any) => [m.id, m.value]),
    );
    const actions = await get(`/api/aspm/actions?scope=${ENTITY}`);
    expect(card.actions.items).toEqual(actions.body.actions);
    expect(card.actions.counts).toEqual(actions.body.counts);
    // The samples were scanned long ago: their criticals are past the
    // 7-day SLA, so the heaviest risk's deadline is among the actions.
    expect(first.overdue).toBe(true);
    expect(card.actions.items).toContainEqual(
      expect.objectContaining({
        kind: 'finding-sla',
        target: { kind: 'finding', id: String(first.id) },
        dueAt: first.dueAt,
      }),
    );

    // No releases were posted: release-evidence is missing, with its how-to.
    const evidence = card.controls.find(
      (c: any) => c.control === 'release-evidence',
    );
    expect(evidence).toMatchObject({ applicable: 1, present: 0 });
    expect(evidence.missing).toEqual([ENTITY]);
    expect(evidence.snippet.text).toContain('/api/aspm/releases');
    expect(card.aging.trend).toHaveLength(12);
  });

  it('gives a team`s services, with the team`s metrics and its unit`s median', async () => {
    const res = await get(`/api/aspm/scorecard/team?group=${TEAM}&weeks=2`);
    expect(res.status).toBe(200);
    const card = res.body;
    expect(card.identity).toMatchObject({
      groupRef: TEAM,
      title: 'Checkout',
      businessUnit: 'group:default/payments-bu',
    });
    const row = card.services.find((s: any) => s.entityRef === ENTITY);
    expect(row).toMatchObject({ tier: '1', exposure: 'internet' });
    expect(card.services[0].entityRef).toBe(ENTITY); // the only backlog
    const backlog = card.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    const sum = card.services.reduce(
      (s: number, x: any) => s + x.weightedBacklog,
      0,
    );
    expect(sum).toBeCloseTo(backlog.value, 1);
    const teamMetrics = await get(`/api/aspm/metrics?scope=${TEAM}`);
    expect(card.metrics.map((m: any) => m.value)).toEqual(
      teamMetrics.body.metrics.map((m: any) => m.value),
    );
    expect(backlog.trend.map((p: any) => p.value).pop()).toBe(backlog.value);
    // Payments' teams: team-checkout holds all of the backlog.
    expect(card.businessUnit.teams).toContain(TEAM);
    expect(card.businessUnit.teams.length).toBeGreaterThan(1);
    expect(backlog.businessUnitMedian).toBeLessThan(backlog.value);
  });

  it('refuses bad input with a 4xx that names the problem', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/api/aspm/scorecard/entity', 400, /'entityRef'/],
      [
        `/api/aspm/scorecard/entity?entityRef=${TEAM}`,
        400,
        /entityRef'.*scorecard\/team/,
      ],
      [
        '/api/aspm/scorecard/entity?entityRef=not a ref',
        400,
        /must be an entity ref/,
      ],
      [
        `/api/aspm/scorecard/entity?entityRef=${ENTITY}&weeks=0`,
        400,
        /'weeks': at least 1/,
      ],
      [
        `/api/aspm/scorecard/entity?entityRef=${ENTITY}&weeks=27`,
        400,
        /'weeks': at most 26/,
      ],
      [
        `/api/aspm/scorecard/entity?entityRef=${ENTITY}&withinDays=91`,
        400,
        /'withinDays'/,
      ],
      [
        `/api/aspm/scorecard/entity?entityRef=${ENTITY}&color=red`,
        400,
        /unknown query parameter 'color'/,
      ],
      [
        '/api/aspm/scorecard/entity?entityRef=component:default/nope',
        404,
        /No entity component:default\/nope/,
      ],
      [
        `/api/aspm/scorecard/team?group=${ENTITY}`,
        400,
        /'group': must be a Group ref/,
      ],
      [
        '/api/aspm/scorecard/team?group=group:default/nobody',
        404,
        /No Group group:default\/nobody/,
      ],
      ['/api/aspm/findings?id=abc', 400, /'id\[0\]': must be a finding id/],
      [
        '/api/aspm/exceptions?id=1,x',
        400,
        /'id\[1\]': must be an exception id/,
      ],
    ];
    for (const [url, status, message] of cases) {
      const res = await get(url);
      expect({ url, status: res.status }).toEqual({ url, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect(
      (
        await get(
          `/api/aspm/scorecard/entity?entityRef=${ENTITY}`,
          mockCredentials.none.header(),
        )
      ).status,
    ).toBe(401);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { DIRECTOR_METRIC_IDS } from '@aspm/plugin-aspm-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const fixtures = path.resolve(__dirname, '../ingest/parsers/__fixtures__');
const ALICE = mockCredentials.user.header('user:default/alice');
const ENTITY = 'component:default/payments-api';

describe('/api/aspm/metrics', () => {
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

  it('answers every metric id for the org, and the items behind each number add up', async () => {
    const res = await get('/api/aspm/metrics');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('org');
    expect(res.body.metrics.map((m: any) => m.id)).toEqual([
      ...DIRECTOR_METRIC_IDS,
    ]);
    const backlog = res.body.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    for (const m of res.body.metrics) {
      const detail = await get(`/api/aspm/metrics/${m.id}?limit=1000`);
      expect(detail.status).toBe(200);
      expect(detail.body.metric.value).toEqual(m.value);
      expect(detail.body.itemsTotal).toBe(m.itemCount);
      // A ratio's items are its denominator, those in it its numerator
      // (reopen_rate lists its reopens, the numerator).
      const listsDenominator = m.unit === 'ratio' && m.id !== 'reopen_rate';
      const counted = detail.body.items.filter((i: any) => i.inNumerator);
      expect({
        id: m.id,
        items: listsDenominator ? detail.body.items.length : m.denominator,
        inNumerator: listsDenominator ? counted.length : m.numerator,
      }).toEqual({ id: m.id, items: m.denominator, inNumerator: m.numerator });
    }
    const items = (
      await get('/api/aspm/metrics/risk_weighted_critical_backlog?limit=1000')
    ).body.items;
    expect(items.length).toBe(backlog.details.count);
    const sum = items.reduce((s: number, i: any) => s + i.value, 0);
    expect(sum).toBeCloseTo(backlog.value, 1);
    // The sample scans hold critical findings on a tier-1 component.
    expect(backlog.details.count).toBeGreaterThan(0);
  });

  it('scopes to an entity, and gives a trend', async () => {
    const scoped = await get(`/api/aspm/metrics?scope=${ENTITY}`);
    expect(scoped.status).toBe(200);
    expect(scoped.body.scope).toBe(ENTITY);
    const trend = await get(
      `/api/aspm/metrics/ownership_completeness/trend?from=2026-01-01&to=2026-03-31&interval=month`,
    );
    expect(trend.status).toBe(200);
    expect(trend.body.points.map((p: any) => p.asOf.slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
  });

  it('derives the next 30 days` actions of a service from its findings and controls', async () => {
    const res = await get(`/api/aspm/actions?scope=${ENTITY}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scope: ENTITY, withinDays: 30 });
    const { actions } = res.body;
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((a: any) => a.entityRef))).toEqual(
      new Set([ENTITY]),
    );
    // The samples were scanned long ago: their criticals are past the SLA.
    const sla = actions.filter((a: any) => a.kind === 'finding-sla');
    expect(sla.length).toBeGreaterThan(0);
    for (const a of sla) {
      const finding = await get(`/api/aspm/findings/${a.target.id}`);
      expect(finding.status).toBe(200);
      expect(finding.body.entityRef).toBe(ENTITY);
      expect(finding.body.state).toBe('open');
    }
    // Sorted: overdue first, then by deadline.
    const overdue = actions.map((a: any) => a.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    // No releases were posted: the release-evidence control is missing.
    expect(
      actions.some(
        (a: any) =>
          a.kind === 'missing-control' && a.control === 'release-evidence',
      ),
    ).toBe(true);
    const total = Object.values(res.body.counts).reduce(
      (x: number, y: any) => x + y,
      0,
    );
    expect(total).toBe(actions.length);
  });

  it('refuses bad input with a 4xx that names the problem', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/api/aspm/metrics?period=2026-13', 400, /period: must be a month/],
      ['/api/aspm/metrics?period=last-month', 400, /period/],
      ['/api/aspm/metrics?asOf=yesterday', 400, /asOf/],
      ['/api/aspm/metrics?scope=nonsense', 400, /scope: must be org/],
      ['/api/aspm/metrics?color=red', 400, /unknown query parameter 'color'/],
      [
        '/api/aspm/metrics?from=2026-10-05&to=2026-10-01',
        400,
        /window is empty/,
      ],
      ['/api/aspm/metrics/uptime', 404, /No metric 'uptime'/],
      ['/api/aspm/metrics/mttr?limit=0', 400, /limit/],
      [
        '/api/aspm/metrics/mttr/trend?from=2020-01-01&to=2026-10-01&interval=week',
        400,
        /more than 60 points/,
      ],
      ['/api/aspm/metrics/mttr/trend?from=2026-01-01', 400, /to/],
      [
        '/api/aspm/metrics/mttr/trend?from=2026-01-01&to=2026-02-01&source=cache',
        400,
        /source/,
      ],
      ['/api/aspm/actions?withinDays=0', 400, /withinDays/],
      ['/api/aspm/actions?withinDays=91', 400, /withinDays/],
      ['/api/aspm/actions?scope=nonsense', 400, /scope: must be org/],
    ];
    for (const [url, status, message] of cases) {
      const res = await get(url);
      expect({ url, status: res.status }).toEqual({ url, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect(
      (await get('/api/aspm/metrics', mockCredentials.none.header())).status,
    ).toBe(401);
  });
});

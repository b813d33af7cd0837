import path from 'node:path';
import request from 'supertest';
import { TestBackend } from '@backstage/backend-test-utils';
import { DIRECTOR_METRIC_IDS } from '@aspm/plugin-aspm-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(600_000);

const examples = path.resolve(__dirname, '../../../../examples');
const DAY = 86_400_000;
const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

/**
 * Daily snapshots on the demo org (12 weeks of history, whose commerce and
 * data components got their tier annotations 6 weeks ago): rebuilt over
 * HTTP with progress; a trend read from them equals the metric computed
 * from the events as of the same dates, markers included.
 */
describe('/api/aspm/snapshots on the demo org', () => {
  let backend: TestBackend;
  let auth: string;
  const get = (url: string) =>
    request(backend.server).get(url).set('Authorization', auth);
  const post = (url: string) =>
    request(backend.server).post(url).set('Authorization', auth);

  const from = day(8 * 7);
  const to = day(1);

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      demo: { weeks: 12 },
    }));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('rejects a bad rebuild with a message and starts nothing', async () => {
    const cases: Array<[string, RegExp]> = [
      ['', /from/],
      ['?from=2026-02-30', /'from': must be a real date/],
      ['?from=yesterday', /'from': must be a date/],
      [`?from=${day(2)}&to=${day(0)}`, /complete days/],
      [`?from=${day(3)}&to=${day(5)}`, /after to/],
      [`?from=${day(900)}`, /at most 800 days/],
      [`?from=${from}&extra=1`, /extra/],
    ];
    for (const [query, message] of cases) {
      const res = await post(`/api/aspm/snapshots/rebuild${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
    const status = await get('/api/aspm/snapshots/status');
    expect(status.body).toMatchObject({ state: 'idle', done: 0, total: 0 });
    expect(status.body.lastDay).toBeUndefined();
  });

  it('rebuilds a range with progress, and refuses a second job meanwhile', async () => {
    const started = await post(`/api/aspm/snapshots/rebuild?from=${from}`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      state: 'running',
      trigger: 'rebuild',
      from,
      to,
      total: 8 * 7,
    });
    const again = await post(`/api/aspm/snapshots/rebuild?from=${from}`);
    expect(again.status).toBe(409);
    let status = started.body;
    const seen = new Set<number>();
    while (status.state === 'running') {
      await new Promise(r => setTimeout(r, 250));
      status = (await get('/api/aspm/snapshots/status')).body;
      seen.add(status.done);
    }
    expect(status).toMatchObject({ state: 'done', done: 56, total: 56 });
    expect(status.lastDay).toBe(to);
    // Progress was visible on the way.
    expect(seen.size).toBeGreaterThan(1);
  });

  it('reads a trend from snapshots that equals the one computed from events', async () => {
    const scopes = [
      { scope: 'org', ids: [...DIRECTOR_METRIC_IDS] },
      {
        scope: 'businessUnit:group:default/commerce-bu',
        ids: ['tier1_coverage', 'risk_weighted_critical_backlog', 'mttr'],
      },
      {
        scope: 'group:default/payments-bu',
        ids: ['exception_debt', 'gate_pass_rate', 'ownership_completeness'],
      },
      {
        scope: 'system:default/payments-platform',
        ids: ['secret_exposure_rate', 'secret_rotation_sla', 'reopen_rate'],
      },
      {
        scope: 'component:default/payments-api',
        ids: ['critical_age_internet_tier1', 'evidence_completeness'],
      },
    ];
    for (const { scope, ids } of scopes) {
      for (const id of ids) {
        const url = `/api/aspm/metrics/${id}/trend?scope=${encodeURIComponent(
          scope,
        )}&from=${from}&to=${to}&interval=week`;
        const snap = await get(url);
        const computed = await get(`${url}&source=computed`);
        expect(snap.status).toBe(200);
        expect(computed.status).toBe(200);
        expect(snap.body.points.length).toBeGreaterThan(7);
        expect({
          scope,
          id,
          sources: snap.body.points.map((p: any) => p.source),
        }).toEqual({
          scope,
          id,
          sources: snap.body.points.map(() => 'snapshot'),
        });
        expect(
          computed.body.points.every((p: any) => p.source === 'computed'),
        ).toBe(true);
        const strip = (points: any[]) =>
          points.map(({ source, ...rest }) => rest);
        expect({ scope, id, points: strip(snap.body.points) }).toEqual({
          scope,
          id,
          points: strip(computed.body.points),
        });
      }
    }
  });

  it('marks the week the demo counting changed, with what it moved', async () => {
    const res = await get(
      `/api/aspm/metrics/tier1_coverage/trend?from=${from}&to=${to}&interval=week`,
    );
    const marked = res.body.points.filter((p: any) => p.countingChanges);
    const tier = marked.flatMap((p: any) =>
      p.countingChanges
        .filter((c: any) => c.description.startsWith('tier changed'))
        .map((c: any) => ({
          ...c,
          asOf: p.asOf,
          value: p.value,
          denominator: p.denominator,
        })),
    );
    expect(tier).toHaveLength(1);
    expect(tier[0].description).toMatch(
      /^tier changed on 12 entities \(none → [123]: \d+/,
    );
    // The change happened 6 weeks ago: its marker is on the first point after.
    const changedAt = Date.now() - 6 * 7 * DAY;
    expect(Date.parse(tier[0].asOf)).toBeGreaterThan(changedAt - 8 * DAY);
    expect(Date.parse(tier[0].asOf)).toBeLessThan(changedAt + 8 * DAY);
    // Five of the twelve became tier 1: counted the old way, the tier-1
    // denominator on that date is five smaller.
    expect(tier[0].description).toContain('none → 1: 5');
    expect(tier[0].denominatorWithoutChange).toBe(tier[0].denominator - 5);
    // The effect is the value minus the value counted the old way.
    expect(tier[0].effect).toBeCloseTo(
      (tier[0].value ?? 0) - (tier[0].valueWithoutChange ?? 0),
      4,
    );
  });

  it('answers a past day`s report from its snapshots, equal to the computed one', async () => {
    const asOf = day(3);
    // Without the previous window's day (90 days earlier) it is computed.
    const before = await get(`/api/aspm/metrics?asOf=${asOf}`);
    expect(before.body.source).toBe('computed');

    const started = await post(
      `/api/aspm/snapshots/rebuild?from=${day(93)}&to=${day(93)}`,
    );
    expect(started.status).toBe(202);
    let status = started.body;
    while (status.state === 'running') {
      await new Promise(r => setTimeout(r, 100));
      status = (await get('/api/aspm/snapshots/status')).body;
    }
    expect(status).toMatchObject({ state: 'done', done: 1, total: 1 });

    const snap = await get(`/api/aspm/metrics?asOf=${asOf}`);
    expect(snap.body.source).toBe('snapshot');
    // The same window given explicitly is computed from events.
    const computed = await get(
      `/api/aspm/metrics?asOf=${asOf}&from=${day(92)}&to=${day(2)}`,
    );
    expect(computed.body.source).toBe('computed');
    expect(snap.body.time).toEqual(computed.body.time);
    expect(snap.body.metrics).toEqual(computed.body.metrics);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DIRECTOR_METRIC_IDS } from '@aspm/plugin-aspm-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import { lastFullPeriod, shiftPeriod } from '../packs/packPeriods';

jest.setTimeout(300_000);

const examples = path.resolve(__dirname, '../../../../examples');
const fixtures = path.resolve(__dirname, '../ingest/parsers/__fixtures__');
const DIRECTOR = 'user:default/rosa';
const ALICE = 'user:default/alice';
const as = (ref: string) => mockCredentials.user.header(ref);

/** Everything allowed, except aspm.pack.edit: the director only. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: any[], options?: any) {
      const credentials = options?.credentials as BackstageCredentials;
      const user = (credentials?.principal as any)?.userEntityRef;
      return requests.map(r => ({
        result:
          r.permission.name !== 'aspm.pack.edit' || user === DIRECTOR
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

/** Tool names and scanner jargon the board's pack must not contain. */
const JARGON = [
  'semgrep',
  'trivy',
  'osv-scanner',
  'gitleaks',
  'grype',
  'SAST',
  'SCA',
  'DAST',
  'CVE',
  'CWE',
  'SARIF',
  'scanner',
  'SLA',
];

describe('/api/aspm/packs', () => {
  let backend: TestBackend;
  const now = new Date();
  const month = lastFullPeriod('month', now);
  // Over for more than the grace day whatever today is: its numbers freeze.
  const closedMonth = shiftPeriod(month, -1);
  const get = (url: string, who = ALICE) =>
    request(backend.server).get(url).set('Authorization', as(who));
  const send = (
    method: 'post' | 'put' | 'patch',
    url: string,
    body: unknown,
    who = DIRECTOR,
  ) =>
    request(backend.server)
      [method](url)
      .set('Authorization', as(who))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      features: [permissionsFactory],
      demo: { weeks: 14 },
    }));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('assembles pack A for the org and the last full month, every section with data', async () => {
    const started = Date.now();
    const res = await get('/api/aspm/packs/leadership');
    // eslint-disable-next-line no-console
    console.log(`pack A, org, ${month}: ${Date.now() - started} ms`);
    expect({ status: res.status, error: res.body.error }).toEqual({
      status: 200,
    });
    const pack = res.body;
    expect(pack).toMatchObject({
      audience: 'leadership',
      scope: 'org',
      period: { id: month, kind: 'month' },
      previous: { period: shiftPeriod(month, -1), available: true },
      canEdit: false,
    });
    expect(pack.sections.map((s: any) => s.id)).toEqual([
      'summary',
      'metrics',
      'risks',
      'execution',
      'program-panels',
      'asks',
    ]);
    const blocks = (id: string) =>
      pack.sections.find((s: any) => s.id === id).blocks;
    const narrative = blocks('summary')[0];
    expect(narrative.kind).toBe('narrative');
    expect(['improving', 'flat', 'worsening']).toContain(narrative.trend);
    expect(narrative.items.length).toBeGreaterThan(0);
    for (const item of narrative.items) {
      expect(item.whatChanged.length).toBeGreaterThan(10);
      expect(item.why.length).toBeGreaterThan(10);
    }
    const scorecard = blocks('metrics')[0];
    expect(scorecard.metrics.map((m: any) => m.id)).toEqual([
      ...DIRECTOR_METRIC_IDS,
    ]);
    const backlog = scorecard.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(backlog.value).toBeGreaterThan(0);
    expect(backlog.points).toHaveLength(12);
    expect(backlog.points[11]).toMatchObject({
      period: month,
      value: backlog.value,
    });
    expect(backlog.byBusinessUnit.map((b: any) => b.title).sort()).toEqual(
      [
        'Commerce',
        'Data & Analytics',
        'Payments',
        'Platform & Infrastructure',
      ].sort(),
    );
    // The org's backlog is its units' plus the weight outside any unit.
    const units = backlog.byBusinessUnit.reduce(
      (s: number, b: any) => s + (b.points[11].value ?? 0),
      0,
    );
    expect(units).toBeLessThanOrEqual(backlog.value + 0.01);
    // Drill-down: business unit -> team -> service.
    const drill = blocks('metrics')[1];
    expect(drill.id).toBe('scorecard-drilldown');
    const payments = drill.rows.find((r: any) => r.cells.name === 'Payments');
    expect(payments.level).toBe('businessUnit');
    const team = payments.children.find((r: any) => r.level === 'team');
    expect(team.children[0].level).toBe('entity');
    expect(team.children[0].entityRef).toMatch(/^component:default\//);
    // Risks: product lines and exception debt have rows.
    const risks = Object.fromEntries(
      blocks('risks').map((b: any) => [b.id, b]),
    );
    expect(risks['product-lines'].rows.length).toBeGreaterThan(0);
    expect(risks['product-lines'].rows[0].children.length).toBeGreaterThan(0);
    expect(risks['exception-debt'].rows.length).toBeGreaterThan(0);
    const execution = Object.fromEntries(
      blocks('execution').map((b: any) => [b.id, b]),
    );
    expect(execution['control-adoption'].rows.length).toBeGreaterThan(0);
    expect(execution['remediation-capacity'].rows.length).toBeGreaterThan(0);
  });

  it('assembles pack B with signal quality, and pack C in business language', async () => {
    const b = await get('/api/aspm/packs/b');
    expect(b.status).toBe(200);
    expect(b.body.audience).toBe('managers');
    expect(b.body.sections.map((s: any) => s.id)).toEqual([
      'summary',
      'metrics',
      'risks',
      'execution',
      'program-panels',
      'signals',
      'asks',
    ]);
    const signals = b.body.sections.find((s: any) => s.id === 'signals');
    const figures = signals.blocks[0].items;
    const merged = figures.find((f: any) => f.id === 'deduplicated');
    expect(merged.value).toBeGreaterThan(0);

    const c = await get('/api/aspm/packs/board?format=md');
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toMatch(/text\/markdown/);
    expect(c.text).toMatch(/^# Security posture: board report/);
    for (const word of JARGON) {
      expect({
        word,
        found: new RegExp(`\\b${word}\\b`, 'i').test(c.text),
      }).toEqual({
        word,
        found: false,
      });
    }
    expect(c.text).toContain('## 3. Top themes');
    expect(c.text).toContain(
      'Business-critical services with the baseline protections',
    );
  });

  it('scopes to a business unit, and refuses other scopes', async () => {
    const res = await get(
      '/api/aspm/packs/leadership?scope=businessUnit:payments-bu',
    );
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('businessUnit:group:default/payments-bu');
    expect(res.body.scopeTitle).toBe('Payments');
    const drill = res.body.sections[1].blocks[1];
    expect(new Set(drill.rows.map((r: any) => r.level))).toEqual(
      new Set(['team']),
    );
    expect(drill.rows.map((r: any) => r.cells.name)).toContain('Checkout');

    const unknown = await get(
      '/api/aspm/packs/leadership?scope=businessUnit:nope',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/payments-bu/);
    const team = await get(
      '/api/aspm/packs/leadership?scope=group:default/team-checkout',
    );
    expect(team.status).toBe(400);
    expect(team.body.error.message).toMatch(/'scope'/);
    const period = await get('/api/aspm/packs/leadership?period=2026-13');
    expect(period.status).toBe(400);
    expect(period.body.error.message).toMatch(/'period'/);
    const audience = await get('/api/aspm/packs/investors');
    expect(audience.status).toBe(400);
    expect(audience.body.error.message).toMatch(/'audience'/);
    const future = await get(
      `/api/aspm/packs/leadership?period=${now.getUTCFullYear() + 1}-01`,
    );
    expect(future.status).toBe(400);
  });

  it('exports Markdown and CSV with the numbers of the JSON', async () => {
    const json = (await get('/api/aspm/packs/leadership')).body;
    const md = await get('/api/aspm/packs/leadership?format=md');
    expect(md.headers['content-disposition']).toContain(
      `aspm-pack-leadership-org-${month}.md`,
    );
    // The portal, on another origin, reads the file name.
    expect(md.headers['access-control-expose-headers']).toContain(
      'Content-Disposition',
    );
    expect(md.text).toContain('## 1. Executive summary');
    expect(md.text).toContain(json.sections[0].blocks[0].headline);
    expect(md.text).toContain('| Metric | Value | Target |');

    const csv = await get('/api/aspm/packs/leadership?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'level,path,entity_ref,metric_id,metric,unit,value,status,target,direction,previous_value,year_ago_value',
    );
    const scopeRows = lines.filter(l => l.startsWith('scope,'));
    expect(scopeRows).toHaveLength(DIRECTOR_METRIC_IDS.length);
    const scorecard = json.sections[1].blocks[0].metrics;
    const backlog = scopeRows.find(l =>
      l.includes(',risk_weighted_critical_backlog,'),
    )!;
    expect(backlog.split(',')[6]).toBe(
      String(
        scorecard.find((m: any) => m.id === 'risk_weighted_critical_backlog')
          .value,
      ),
    );
    expect(lines.some(l => l.startsWith('entity,Payments / '))).toBe(true);

    const debt = await get(
      '/api/aspm/packs/leadership?format=csv&table=exception-debt',
    );
    expect(debt.status).toBe(200);
    expect(debt.text.split('\r\n')[0]).toMatch(
      /^level,path,entity_ref,Business unit/,
    );
    const nope = await get('/api/aspm/packs/leadership?format=csv&table=nope');
    expect(nope.status).toBe(400);
    expect(nope.body.error.message).toMatch(/scorecard, trend, /);
    const tableWithoutCsv = await get('/api/aspm/packs/leadership?table=trend');
    expect(tableWithoutCsv.status).toBe(400);
  });

  it('keeps an edited narrative with its author, as revisions; only editors may save', async () => {
    const url = `/api/aspm/packs/leadership/narrative?period=${month}`;
    const body = {
      headline: 'Risk is flat; two decisions',
      items: [
        {
          whatChanged: 'Tier-1 coverage fell below target',
          why: 'Four new services have no SCA',
          decision: 'Decide whether SCA becomes a paved-road default',
          metricIds: ['tier1_coverage'],
        },
      ],
    };
    const denied = await send('put', url, body, ALICE);
    expect(denied.status).toBe(403);
    const bad = await send('put', url, { items: [{ whatChanged: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/'items\[0\]\.whatChanged'/);
    expect((await get(url)).body.items).toEqual([]);

    const saved = await send('put', url, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 1, author: DIRECTOR });
    const again = await send('put', url, { ...body, headline: 'Second take' });
    expect(again.body.revision).toBe(2);

    const pack = (await get('/api/aspm/packs/leadership', DIRECTOR)).body;
    expect(pack.canEdit).toBe(true);
    const narrative = pack.sections[0].blocks[0];
    expect(narrative.headline).toBe('Second take');
    expect(narrative.items[0].decision).toBe(body.items[0].decision);
    expect(narrative.decisions).toEqual([body.items[0].decision]);
    expect(narrative.saved).toMatchObject({ author: DIRECTOR, revision: 2 });
    expect(narrative.draft.items.length).toBeGreaterThan(0);
    // Another audience's pack keeps its generated narrative.
    const board = (await get('/api/aspm/packs/board')).body;
    expect(board.sections[0].blocks[0].saved).toBeUndefined();
    const revisions = (await get(url)).body.items;
    expect(revisions.map((r: any) => r.revision)).toEqual([2, 1]);
  });

  it('carries a strategic ask from period to period until it is closed', async () => {
    const raised = await send('post', '/api/aspm/packs/asks', {
      kind: 'platform',
      title: 'Make SCA a paved-road default',
      detail: 'Add dependency scanning to the service template',
      metricIds: ['tier1_coverage'],
      raisedIn: closedMonth,
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      status: 'open',
      raisedBy: DIRECTOR,
      scope: 'org',
    });
    const denied = await send(
      'post',
      '/api/aspm/packs/asks',
      { kind: 'budget', title: 'x' },
      ALICE,
    );
    expect(denied.status).toBe(403);
    const bad = await send('post', '/api/aspm/packs/asks', {
      kind: 'wish',
      title: 'x',
      metricIds: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/'kind'/);
    expect(bad.body.error.message).toMatch(/'metricIds\[0\]'/);

    const askOf = (pack: any) =>
      pack.sections
        .find((s: any) => s.id === 'asks')
        .blocks.find((b: any) => b.kind === 'asks')
        .items.find((a: any) => a.id === raised.body.id);
    const next = (await get(`/api/aspm/packs/leadership?period=${month}`)).body;
    expect(askOf(next)).toMatchObject({ carried: true, status: 'open' });
    expect(askOf(next).metrics[0]).toMatchObject({ id: 'tier1_coverage' });
    // Not in a pack of the period before it was raised.
    const before = (
      await get(
        `/api/aspm/packs/leadership?period=${shiftPeriod(closedMonth, -1)}`,
      )
    ).body;
    expect(askOf(before)).toBeUndefined();

    const early = await send(
      'patch',
      `/api/aspm/packs/asks/${raised.body.id}`,
      {
        status: 'closed',
        closedIn: shiftPeriod(closedMonth, -2),
      },
    );
    expect(early.status).toBe(400);
    const closed = await send(
      'patch',
      `/api/aspm/packs/asks/${raised.body.id}`,
      {
        status: 'closed',
        closedIn: month,
        resolution: 'Done: the template scans dependencies',
      },
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedIn: month,
      closedBy: DIRECTOR,
    });
    const closing = (await get(`/api/aspm/packs/leadership?period=${month}`))
      .body;
    expect(askOf(closing)).toMatchObject({ status: 'closed' });
    const after = (
      await get(`/api/aspm/packs/leadership?period=${shiftPeriod(month, 1)}`)
    ).body;
    expect(askOf(after)).toBeUndefined();
    const missing = await send('patch', '/api/aspm/packs/asks/999999', {
      title: 'x',
    });
    expect(missing.status).toBe(404);
    const list = (await get('/api/aspm/packs/asks?status=closed')).body.items;
    expect(list.map((a: any) => a.id)).toContain(raised.body.id);
  });

  it('reproduces a closed period: late data changes the metrics, not the frozen pack', async () => {
    const url = `/api/aspm/packs/leadership?period=${closedMonth}`;
    const first = (await get(url)).body;
    expect(first.period.state).toBe('closed');
    expect(first.period.frozenAt).toBeDefined();
    const backlogOf = (pack: any) =>
      pack.sections[1].blocks[0].metrics.find(
        (m: any) => m.id === 'risk_weighted_critical_backlog',
      ).value;

    // A late upload: a scanner the demo does not run, observed mid-period.
    const mid = new Date(
      new Date(first.period.from).getTime() + 10 * 86_400_000,
    );
    const late = await request(backend.server)
      .post(
        `/api/aspm/ingest?entityRef=component:default/payments-api&observedAt=${mid.toISOString()}`,
      )
      .set('Authorization', mockCredentials.service.header())
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(path.join(fixtures, 'grype-sample.json')));
    expect(late.status).toBe(200);
    expect(late.body.counts.new).toBeGreaterThan(0);

    const metrics = (
      await get(`/api/aspm/metrics?period=${closedMonth}`)
    ).body.metrics.find((m: any) => m.id === 'risk_weighted_critical_backlog');
    expect(metrics.value).toBeGreaterThan(backlogOf(first));

    const second = (await get(url)).body;
    expect({ ...second, generatedAt: 'x' }).toEqual({
      ...first,
      generatedAt: 'x',
    });

    // Refreshing forgets the frozen numbers: the next pack sees the late data.
    const denied = await request(backend.server)
      .post(`/api/aspm/packs/refresh?period=${closedMonth}`)
      .set('Authorization', as(ALICE));
    expect(denied.status).toBe(403);
    const refreshed = await request(backend.server)
      .post(`/api/aspm/packs/refresh?period=${closedMonth}`)
      .set('Authorization', as(DIRECTOR));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.forgotten).toBe(2);
    const third = (await get(url)).body;
    expect(backlogOf(third)).toBe(metrics.value);
  });
});

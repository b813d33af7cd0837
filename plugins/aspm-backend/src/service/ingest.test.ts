import path from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');

/** A small SARIF log: one run of a made-up tool with the given results. */
function sarif(
  results: Array<{ rule: string; file: string; line: number; level?: string }>,
  options: { endTimeUtc?: string; tool?: string } = {},
) {
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: options.tool ?? 'DemoScanner',
            version: '1.0.0',
            rules: results.map(r => ({
              id: r.rule,
              shortDescription: { text: `Rule ${r.rule}` },
              properties: { 'security-severity': '7.5' },
            })),
          },
        },
        invocations: options.endTimeUtc
          ? [{ executionSuccessful: true, endTimeUtc: options.endTimeUtc }]
          : [],
        results: results.map(r => ({
          ruleId: r.rule,
          level: r.level ?? 'error',
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

describe('POST /api/aspm/ingest', () => {
  let backend: TestBackend;
  let auth: string;

  const post = (
    query: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    const req = request(backend.server)
      .post(`/api/aspm/ingest?${query}`)
      .set('Authorization', auth)
      // The server detects the format from the content; a Buffer goes as
      // octet-stream because supertest would JSON-encode it otherwise.
      .set(
        'Content-Type',
        Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json',
      );
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send(body);
  };
  const totals = async () => {
    const f = await request(backend.server)
      .get(
        '/api/aspm/findings?limit=1&state=open,fixed,false_positive,accepted',
      )
      .set('Authorization', auth);
    const i = await request(backend.server)
      .get('/api/aspm/ingestions?limit=1')
      .set('Authorization', auth);
    return { findings: f.body.totalCount, ingestions: i.body.totalCount };
  };

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('ingests, replays as a no-op, fixes at the scan time and reopens', async () => {
    const two = [
      { rule: 'sql-injection', file: 'src/db.ts', line: 10 },
      { rule: 'xss', file: 'src/view.ts', line: 20 },
    ];
    const first = await post(
      'entityRef=component:default/payments-api',
      sarif(two, { endTimeUtc: '2026-10-01T10:00:00Z' }),
    );
    expect(first.body.error?.message).toBeUndefined();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      format: 'sarif',
      entityRef: 'component:default/payments-api',
      counts: {
        received: 2,
        new: 2,
        unchanged: 0,
        fixed: 0,
        reopened: 0,
        suppressed: 0,
      },
      runs: [
        {
          tool: { name: 'DemoScanner', version: '1.0.0' },
          scannedAt: '2026-10-01T10:00:00.000Z',
        },
      ],
    });
    const before = await totals();

    const replay = await post(
      'entityRef=component:default/payments-api',
      gzipSync(sarif(two, { endTimeUtc: '2026-10-01T10:00:00Z' })),
      { 'Content-Encoding': 'gzip' },
    );
    expect(replay.body.error?.message).toBeUndefined();
    expect(replay.status).toBe(200);
    expect(replay.body.replayOf).toBe(first.body.ingestionId);
    expect(await totals()).toEqual(before);

    // A week later only one remains: the other is fixed at that scan's time.
    const second = await post(
      'repository=acme/payments-api&observedAt=2026-10-08T10:00:00Z',
      sarif([two[0]]),
    );
    expect(second.body.error?.message).toBeUndefined();
    expect(second.status).toBe(200);
    expect(second.body.counts).toMatchObject({ unchanged: 1, fixed: 1 });

    const fixed = await request(backend.server)
      .get(
        '/api/aspm/findings?entityRef=component:default/payments-api&state=fixed',
      )
      .set('Authorization', auth);
    expect(fixed.body.items).toHaveLength(1);
    expect(fixed.body.items[0]).toMatchObject({
      ruleId: 'xss',
      fixedAt: '2026-10-08T10:00:00.000Z',
      severity: 'high',
    });

    const third = await post(
      'entityRef=component:default/payments-api&observedAt=2026-10-15T10:00:00Z',
      sarif(two),
    );
    expect(third.body.counts).toMatchObject({ reopened: 1, unchanged: 1 });
    const one = await request(backend.server)
      .get(`/api/aspm/findings/${fixed.body.items[0].id}`)
      .set('Authorization', auth);
    expect(one.body).toMatchObject({ state: 'open', reopenCount: 1 });
    expect(one.body.events.map((e: any) => e.type)).toEqual([
      'opened',
      'fixed',
      'reopened',
    ]);

    // An older scan cannot change the present: 409, nothing changes.
    const now = await totals();
    const stale = await post(
      'entityRef=component:default/payments-api&observedAt=2026-10-02T10:00:00Z',
      sarif([]),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/already stored/);
    expect(await totals()).toEqual(now);
  });

  it('filters findings by team, business unit and tier', async () => {
    const res = await request(backend.server)
      .get(
        '/api/aspm/findings?businessUnit=payments-bu&tier=1&severity=high&orderBy=firstSeenAt',
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((f: any) => f.entityRef))).toEqual(
      new Set(['component:default/payments-api']),
    );
    const none = await request(backend.server)
      .get('/api/aspm/findings?team=team-ml')
      .set('Authorization', auth);
    expect(none.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it.each([
    [
      'truncated JSON',
      'entityRef=component:default/card-vault',
      '{"version":"2.1.0","runs":[{"tool":',
      400,
      /JSON/i,
    ],
    [
      'SARIF without runs',
      'entityRef=component:default/card-vault',
      '{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json"}',
      400,
      /runs/,
    ],
    [
      'a wrong SARIF version',
      'entityRef=component:default/card-vault',
      '{"version":"1.0.0","$schema":"sarif","runs":[]}',
      400,
      /version/,
    ],
    [
      'a JSON null',
      'entityRef=component:default/card-vault',
      'null',
      415,
      /Unsupported scan format/,
    ],
    [
      'an unknown format',
      'entityRef=component:default/card-vault',
      '{"hello":"world"}',
      415,
      /Supported formats/,
    ],
    [
      'a 1 MB string',
      'entityRef=component:default/card-vault',
      JSON.stringify('x'.repeat(1024 * 1024)),
      415,
      /Unsupported scan format/,
    ],
    [
      'a body over the limit',
      'entityRef=component:default/card-vault',
      JSON.stringify('x'.repeat(5 * 1024 * 1024)),
      413,
      /limit/,
    ],
    [
      'an empty body',
      'entityRef=component:default/card-vault',
      '',
      400,
      /empty/,
    ],
    [
      'an unknown entity',
      'entityRef=component:default/nope',
      sarif([]),
      404,
      /component:default\/nope/,
    ],
    [
      'an unknown repository',
      'repository=acme/nope',
      sarif([]),
      404,
      /acme\/nope/,
    ],
    ['no entity', '', sarif([]), 400, /exactly one of entityRef or repository/],
    [
      'a bad observedAt',
      'entityRef=component:default/card-vault&observedAt=soon',
      sarif([]),
      400,
      /observedAt/,
    ],
    [
      'a scan in the future',
      'entityRef=component:default/card-vault&observedAt=2999-01-01T00:00:00Z',
      sarif([]),
      400,
      /future/,
    ],
  ])(
    'rejects %s and changes nothing',
    async (_what, query, body, status, message) => {
      const before = await totals();
      const res = await post(query, body);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await totals()).toEqual(before);
    },
  );

  it('rejects an unsupported or broken Content-Encoding', async () => {
    const before = await totals();
    const br = await post('entityRef=component:default/card-vault', sarif([]), {
      'Content-Encoding': 'br',
    });
    expect(br.status).toBe(415);
    const bad = await post(
      'entityRef=component:default/card-vault',
      'not gzip at all',
      { 'Content-Encoding': 'gzip' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/could not be read as gzip/);
    expect(await totals()).toEqual(before);
  });
});

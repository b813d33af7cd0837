import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import aspmPlugin from '../index';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');

/**
 * The demo org in examples/, through the real catalog, the catalog sync and
 * the HTTP API. Expected numbers are counted by hand from examples/ (see the
 * README "Demo org" table).
 */
describe('ASPM API over the demo org', () => {
  let backend: TestBackend;
  let auth: string;
  let firstSync: request.Response;

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    firstSync = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth)
      .send({});
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('syncs every kind of the demo catalog', () => {
    expect(firstSync.status).toBe(200);
    expect(firstSync.body.status).toBe('succeeded');
    expect(firstSync.body.counts.byKind).toMatchObject({
      component: 40,
      system: 7,
      domain: 4,
      api: 3,
      resource: 3,
      user: 17,
      group: 22,
    });
  });

  it('computes ownership completeness for the org, by business unit and tier', async () => {
    const res = await request(backend.server)
      .get('/api/aspm/ownership?groupBy=businessUnit')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.org).toEqual({
      numerator: 37,
      denominator: 40,
      ratio: 0.925,
    });
    const bu = Object.fromEntries(
      res.body.segments.map((s: any) => [
        s.key ?? 'none',
        [s.numerator, s.denominator],
      ]),
    );
    expect(bu).toEqual({
      'group:default/payments-bu': [10, 11],
      'group:default/commerce-bu': [9, 10],
      'group:default/platform-bu': [9, 10],
      'group:default/data-bu': [6, 6],
      none: [3, 3],
    });
    const tiers = res.body.byTier.map((s: any) => [
      s.label,
      s.numerator,
      s.denominator,
      s.meetsTarget,
    ]);
    expect(tiers).toEqual([
      ['Tier 1', 14, 14, true],
      ['Tier 2', 12, 13, false],
      ['Tier 3', 7, 8, undefined],
      ['Untiered', 4, 5, undefined],
    ]);
    expect(res.body.byResolution).toEqual({
      group: 36,
      'user-in-team': 1,
      'user-without-team': 1,
      dangling: 1,
      missing: 1,
    });
    expect(
      res.body.offenders.map((o: any) => [o.entityRef, o.ownerResolution]),
    ).toEqual([
      ['component:default/invoice-renderer', 'dangling'],
      ['component:default/promo-banner', 'missing'],
      ['component:default/legacy-cron', 'user-without-team'],
    ]);
    expect(res.body.offendersTotal).toBe(3);
    expect(res.body.lastSync.status).toBe('succeeded');
  });

  it('segments by team and scopes to one business unit', async () => {
    const res = await request(backend.server)
      .get('/api/aspm/ownership?groupBy=team&businessUnit=payments-bu')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.org).toMatchObject({ numerator: 10, denominator: 11 });
    const teams = Object.fromEntries(
      res.body.segments.map((s: any) => [s.label, s.denominator]),
    );
    expect(teams).toEqual({
      Checkout: 4, // payments-api, checkout-web, payment-sdk-js, refunds-worker (alice)
      Ledger: 3,
      'Fraud Prevention': 2,
      Infrastructure: 1, // partner-gateway, business unit by annotation
      'No team': 1, // invoice-renderer, dangling owner
    });
  });

  it('resolves owners, business units through nested, broken and cyclic group trees', async () => {
    const get = async (name: string) =>
      (
        await request(backend.server)
          .get(`/api/aspm/entities/component/default/${name}`)
          .set('Authorization', auth)
      ).body;
    expect(await get('ci-runners')).toMatchObject({
      owningTeam: 'group:default/team-sre',
      businessUnit: 'group:default/platform-bu', // two levels up, via a tribe
    });
    const hackathon = await get('hackathon-bot');
    expect(hackathon.ownerResolution).toBe('group');
    expect(hackathon.businessUnit).toBeUndefined(); // parent "labs" is missing
    expect((await get('ideas-board')).businessUnit).toBeUndefined(); // cycle
    expect(await get('refunds-worker')).toMatchObject({
      ownerRef: 'user:default/alice',
      ownerResolution: 'user-in-team',
      owningTeam: 'group:default/team-checkout',
    });
    expect(await get('partner-gateway')).toMatchObject({
      owningTeam: 'group:default/team-infra',
      businessUnit: 'group:default/payments-bu',
    });
    const reviews = await get('reviews-service');
    expect(reviews.tier).toBeUndefined();
    expect(reviews.annotationProblems[0].message).toContain('got "one"');
    const bff = await get('mobile-bff');
    expect(bff.tier).toBe('1');
    expect(bff.exposure).toBeUndefined();
    expect((await get('payments-api')).repository).toEqual({
      slug: 'acme/payments-api',
      url: 'https://github.com/acme/payments-api',
      source: 'github.com/project-slug',
    });
  });

  it('shows an invalid annotation as a processing error on the catalog entity', async () => {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-name/component/default/reviews-service')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.status.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message: expect.stringContaining('aspm.io/tier must be one of'),
      }),
    ]);
  });

  it('lists entities with filters and paging', async () => {
    const res = await request(backend.server)
      .get(
        '/api/aspm/entities?kind=component&tier=untiered&orderBy=name&limit=2',
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(5);
    expect(res.body.items.map((e: any) => e.name)).toEqual([
      'data-export-api',
      'hackathon-bot',
    ]);
    const next = await request(backend.server)
      .get(
        '/api/aspm/entities?kind=component&tier=untiered&orderBy=name&limit=2&offset=4',
      )
      .set('Authorization', auth);
    expect(next.body.items.map((e: any) => e.name)).toEqual([
      'reviews-service',
    ]);
  });

  it('answers as of a date before the first sync with an empty denominator', async () => {
    const res = await request(backend.server)
      .get('/api/aspm/ownership?asOf=2020-01-01')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.org).toEqual({ numerator: 0, denominator: 0 });
    expect(res.body.asOf).toBe('2020-01-01T23:59:59.999Z');
  });

  it('replaying a sync changes nothing', async () => {
    const res = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
    expect(res.body.counts).toMatchObject({
      added: 0,
      changed: 0,
      gone: 0,
      unchanged: 96,
    });
  });

  it.each([
    ['/api/aspm/ownership?groupBy=owner', /'groupBy'/],
    ['/api/aspm/ownership?offendersLimit=-1', /'offendersLimit'/],
    ['/api/aspm/ownership?asOf=yesterday', /'asOf': must be a date/],
    ['/api/aspm/ownership?tier=0', /'tier\[0\]'/],
    ['/api/aspm/entities?limit=100000', /'limit'/],
    ['/api/aspm/entities?limit=ten', /'limit': must be a whole number/],
    ['/api/aspm/entities?sort=name', /unknown query parameter 'sort'/],
    [`/api/aspm/entities?q=${'x'.repeat(201)}`, /'q'/],
    [
      '/api/aspm/entities/comp%20onent/default/x',
      /'kind': must be an entity kind/,
    ],
  ])('rejects %s with a 400 that names the problem', async (url, message) => {
    const res = await request(backend.server)
      .get(url)
      .set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('rejects a malformed or unexpected sync body, and runs nothing', async () => {
    const before = (
      await request(backend.server)
        .get('/api/aspm/catalog-sync')
        .set('Authorization', auth)
    ).body.lastRun.id;
    const bad = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"full": tru');
    expect(bad.status).toBe(400);
    const extra = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth)
      .send({ full: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/unknown body parameter 'full'/);
    const after = (
      await request(backend.server)
        .get('/api/aspm/catalog-sync')
        .set('Authorization', auth)
    ).body.lastRun.id;
    expect(after).toBe(before);
  });

  it('answers 404 for an entity the store has not seen', async () => {
    const res = await request(backend.server)
      .get('/api/aspm/entities/component/default/nope')
      .set('Authorization', auth);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/component:default\/nope/);
  });

  it('requires credentials; a service (external access) token is accepted', async () => {
    const anon = await request(backend.server).get('/api/aspm/ownership');
    expect(anon.status).toBe(401);
    const service = await request(backend.server)
      .get('/api/aspm/ownership')
      .set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
  });
});

describe('ASPM API permissions', () => {
  it('answers 403 when the policy denies', async () => {
    const backend = await startTestBackend({
      features: [
        aspmPlugin,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: {
            aspm: {
              catalogSync: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 1 },
                  initialDelay: { hours: 24 },
                },
              },
            },
          },
        }),
      ],
    });
    try {
      for (const [method, url] of [
        ['get', '/api/aspm/ownership'],
        ['get', '/api/aspm/entities'],
        ['post', '/api/aspm/catalog-sync'],
      ] as const) {
        const res = await request(backend.server)
          [method](url)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(/permission aspm\./);
      }
    } finally {
      await backend.stop();
    }
  });
});

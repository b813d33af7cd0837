import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  approvedException,
  demoPolicy,
  requestedException,
} from '../__testUtils__/exceptionFixtures';
import {
  demoIngestions,
  demoReport,
  lastSync,
  leakedKey,
  leakedKeyEvents,
  paymentsApi,
} from '../__testUtils__/fixtures';
import { AspmClient } from './AspmClient';

const baseUrl = 'http://backstage.test/api/aspm';

describe('AspmClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new AspmClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
  });

  /** Records the URL of every request to the ASPM backend. */
  function recordRequests(
    method: 'get' | 'post',
    path: string,
    body: unknown,
  ): Request[] {
    const requests: Request[] = [];
    server.use(
      http[method](`${baseUrl}${path}`, ({ request }) => {
        requests.push(request);
        return HttpResponse.json(body as any);
      }),
    );
    return requests;
  }

  it('lists entities with filters, ordering and paging in the query string', async () => {
    const requests = recordRequests('get', '/entities', {
      items: [paymentsApi],
      totalCount: 1,
      limit: 20,
      offset: 40,
    });

    const page = await client.listEntities({
      kind: ['component', 'system'],
      tier: ['1', 'untiered'],
      ownerResolution: ['dangling'],
      businessUnit: [],
      q: 'pay ments',
      orderBy: 'tier',
      order: 'desc',
      limit: 20,
      offset: 40,
    });

    expect(page.items[0].entityRef).toBe('component:default/payments-api');
    const url = new URL(requests[0].url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'component,system',
      tier: '1,untiered',
      ownerResolution: 'dangling',
      q: 'pay ments',
      orderBy: 'tier',
      order: 'desc',
      limit: '20',
      offset: '40',
    });
  });

  it('lists entities without a query string when there are no filters', async () => {
    const requests = recordRequests('get', '/entities', {
      items: [],
      totalCount: 0,
      limit: 50,
      offset: 0,
    });
    await client.listEntities();
    expect(requests[0].url).toBe(`${baseUrl}/entities`);
  });

  it('gets one entity by its ref, lower-cased and path-encoded', async () => {
    const requests = recordRequests(
      'get',
      '/entities/:kind/:namespace/:name',
      paymentsApi,
    );
    const entity = await client.getEntity('Component:default/Payments-API');
    expect(entity.name).toBe('payments-api');
    expect(requests[0].url).toBe(
      `${baseUrl}/entities/component/default/payments-api`,
    );
  });

  it('defaults the namespace of a ref without one', async () => {
    const requests = recordRequests(
      'get',
      '/entities/:kind/:namespace/:name',
      paymentsApi,
    );
    await client.getEntity('system:payments');
    expect(requests[0].url).toBe(`${baseUrl}/entities/system/default/payments`);
  });

  it('gets the ownership report with its query', async () => {
    const requests = recordRequests('get', '/ownership', demoReport);
    const report = await client.getOwnership({
      groupBy: 'businessUnit',
      asOf: '2026-03-01',
      tier: ['1', '2'],
      offendersLimit: 0,
    });
    expect(report.org.ratio).toBe(0.925);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/aspm/ownership');
    expect(url.searchParams.get('groupBy')).toBe('businessUnit');
    expect(url.searchParams.get('asOf')).toBe('2026-03-01');
    expect(url.searchParams.get('tier')).toBe('1,2');
    expect(url.searchParams.get('offendersLimit')).toBe('0');
  });

  it('reads and runs the catalog sync', async () => {
    recordRequests('get', '/catalog-sync', { lastRun: lastSync });
    const posts = recordRequests('post', '/catalog-sync', lastSync);

    await expect(client.getCatalogSync()).resolves.toEqual({
      lastRun: lastSync,
    });
    await expect(client.runCatalogSync()).resolves.toEqual(lastSync);

    expect(posts).toHaveLength(1);
    expect(posts[0].method).toBe('POST');
    expect(posts[0].headers.get('content-type')).toBe('application/json');
    await expect(posts[0].json()).resolves.toEqual({});
  });

  it('turns an error response into a ResponseError with the server message', async () => {
    const message =
      'No entity component:default/nope in the ASPM store; it is not in the catalog, or the catalog sync has not run since it was added';
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message },
            request: { method: 'GET', url: '/entities/component/default/nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getEntity('component:default/nope')
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe(message);
    expect(error.body.error.message).toBe(message);
  });

  it('reports a 400 of the ownership report with its validation message', async () => {
    server.use(
      http.get(`${baseUrl}/ownership`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid query: asOf must be a date like 2026-10-31',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      client.getOwnership({ asOf: 'yesterday' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: {
        message: 'Invalid query: asOf must be a date like 2026-10-31',
      },
    });
  });

  it('lists findings with filters, ordering and paging in the query string', async () => {
    const requests = recordRequests('get', '/findings', {
      items: [leakedKey],
      totalCount: 1,
      limit: 25,
      offset: 50,
    });

    const page = await client.listFindings({
      entityRef: ['component:default/payments-api'],
      severity: ['critical', 'high'],
      state: ['open'],
      category: [],
      tool: ['trivy'],
      minAgeDays: 30,
      orderBy: 'firstSeenAt',
      order: 'desc',
      limit: 25,
      offset: 50,
    });

    expect(page.items[0].id).toBe(3);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/aspm/findings');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/payments-api',
      severity: 'critical,high',
      state: 'open',
      tool: 'trivy',
      minAgeDays: '30',
      orderBy: 'firstSeenAt',
      order: 'desc',
      limit: '25',
      offset: '50',
    });
  });

  it('lists findings without a query string when there are no filters', async () => {
    const requests = recordRequests('get', '/findings', {
      items: [],
      totalCount: 0,
      limit: 50,
      offset: 0,
    });
    await client.listFindings();
    expect(requests[0].url).toBe(`${baseUrl}/findings`);
  });

  it('gets one finding with its events', async () => {
    const requests = recordRequests('get', '/findings/:id', {
      ...leakedKey,
      events: leakedKeyEvents,
    });
    const finding = await client.getFinding(3);
    expect(requests[0].url).toBe(`${baseUrl}/findings/3`);
    expect(finding.events.map(e => e.type)).toEqual([
      'opened',
      'severity_changed',
      'fixed',
      'reopened',
      'fixed',
    ]);
  });

  it('reports a missing finding as a 404 ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/findings/:id`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No finding 999' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(client.getFinding(999)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      cause: { message: 'No finding 999' },
    });
  });

  it('reports a 400 of the findings list with its validation message', async () => {
    server.use(
      http.get(`${baseUrl}/findings`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid query: severity must be one of critical, high',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .listFindings({ severity: ['urgent' as any] })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe(
      'Invalid query: severity must be one of critical, high',
    );
  });

  it('lists the ingestions of an entity', async () => {
    const requests = recordRequests('get', '/ingestions', {
      items: demoIngestions,
      totalCount: 3,
      limit: 5,
      offset: 0,
    });
    const page = await client.listIngestions({
      entityRef: 'component:default/payments-api',
      limit: 5,
    });
    expect(page.items).toHaveLength(3);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/aspm/ingestions');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/payments-api',
      limit: '5',
    });
  });

  it('reports a failing ingestion log as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/ingestions`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Not allowed' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.listIngestions()).rejects.toMatchObject({
      statusCode: 403,
      cause: { message: 'Not allowed' },
    });
  });

  describe('exceptions', () => {
    it('lists exceptions with filters, only true flags, ordering and paging', async () => {
      const requests = recordRequests('get', '/exceptions', {
        items: [approvedException],
        totalCount: 1,
        limit: 10,
        offset: 20,
      });
      const page = await client.listExceptions({
        entityRef: ['component:default/payments-api'],
        status: ['requested', 'approved'],
        category: ['platform-gap'],
        source: [],
        tier: ['1', 'untiered'],
        team: ['group:default/team-ledger'],
        businessUnit: ['group:default/payments-bu'],
        minAgeDays: 90,
        noReviewDate: true,
        noCompensatingControl: false,
        expiringWithinDays: 30,
        orderBy: 'expiresAt',
        order: 'asc',
        limit: 10,
        offset: 20,
      });
      expect(page.items[0].id).toBe(12);
      const url = new URL(requests[0].url);
      expect(url.pathname).toBe('/api/aspm/exceptions');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        entityRef: 'component:default/payments-api',
        status: 'requested,approved',
        category: 'platform-gap',
        tier: '1,untiered',
        team: 'group:default/team-ledger',
        businessUnit: 'group:default/payments-bu',
        minAgeDays: '90',
        noReviewDate: 'true',
        expiringWithinDays: '30',
        orderBy: 'expiresAt',
        order: 'asc',
        limit: '10',
        offset: '20',
      });
    });

    it('lists exceptions without a query string when there are no filters', async () => {
      const requests = recordRequests('get', '/exceptions', {
        items: [],
        totalCount: 0,
        limit: 50,
        offset: 0,
      });
      await client.listExceptions();
      expect(requests[0].url).toBe(`${baseUrl}/exceptions`);
    });

    it('gets one exception, the policy and the summary', async () => {
      const one = recordRequests('get', '/exceptions/:id', approvedException);
      const policy = recordRequests('get', '/exceptions/policy', demoPolicy);
      const summary = recordRequests('get', '/exceptions/summary', {
        items: [
          {
            businessUnit: 'group:default/payments-bu',
            category: 'platform-gap',
            count: 3,
          },
        ],
      });

      // Registered after /exceptions/:id: msw prefers the newest handler.
      await expect(client.getExceptionPolicy()).resolves.toEqual(demoPolicy);
      expect(policy).toHaveLength(1);
      const details = await client.getException(12);
      expect(details.events).toHaveLength(2);
      expect(one[0].url).toBe(`${baseUrl}/exceptions/12`);
      const result = await client.getExceptionSummary({
        status: ['approved'],
      });
      expect(result.items[0].count).toBe(3);
      expect(summary[0].url).toBe(
        `${baseUrl}/exceptions/summary?status=approved`,
      );
    });

    it('posts a request as JSON', async () => {
      const posts = recordRequests('post', '/exceptions', requestedException);
      const body = {
        entityRef: 'component:default/payments-api',
        scope: { type: 'findings' as const, findingIds: [1] },
        reason: 'Only on the build classpath',
        category: 'false-positive-dispute',
        expiresAt: '2026-05-01',
      };
      await expect(client.requestException(body)).resolves.toMatchObject({
        id: 13,
      });
      expect(posts[0].method).toBe('POST');
      expect(posts[0].headers.get('content-type')).toBe('application/json');
      await expect(posts[0].json()).resolves.toEqual(body);
    });

    it.each([
      ['approve', { expiresAt: '2026-05-01', reviewAt: '2026-04-01' }],
      ['renew', { expiresAt: '2026-05-01' }],
      ['reject', { note: 'Fix it instead' }],
      ['revoke', { note: 'Fixed' }],
    ] as const)(
      'posts a decision to /exceptions/:id/%s',
      async (action, body) => {
        const posts = recordRequests(
          'post',
          `/exceptions/:id/${action}`,
          approvedException,
        );
        await client.decideException(13, action, body);
        expect(posts[0].url).toBe(`${baseUrl}/exceptions/13/${action}`);
        await expect(posts[0].json()).resolves.toEqual(body);
      },
    );

    it.each([
      [
        400,
        'InputError',
        'expiresAt: must be at most 90 days from now for a tier 1 entity',
      ],
      [
        403,
        'NotAllowedError',
        'You requested this exception; someone else must approve it',
      ],
      [
        409,
        'ConflictError',
        'Exception 13 is approved; it cannot be approved now',
      ],
    ])(
      'reports a %s of a decision with the server message',
      async (status, name, message) => {
        server.use(
          http.post(`${baseUrl}/exceptions/:id/approve`, () =>
            HttpResponse.json(
              { error: { name, message }, response: { statusCode: status } },
              { status },
            ),
          ),
        );
        const error = await client
          .decideException(13, 'approve', { expiresAt: '2026-05-01' })
          .catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(status);
        expect(error.cause.name).toBe(name);
        expect(error.cause.message).toBe(message);
      },
    );
  });
  it('asks for metrics, one metric, a trend, actions and operating metrics with their query', async () => {
    const report = recordRequests('get', '/metrics', { metrics: [] });
    const detail = recordRequests('get', '/metrics/mttr', { items: [] });
    const trend = recordRequests('get', '/metrics/mttr/trend', { points: [] });
    const actions = recordRequests('get', '/actions', { actions: [] });
    const operating = recordRequests('get', '/metrics-operating', {
      weeks: [],
    });

    await client.getMetrics({
      scope: 'businessUnit:group:default/bu',
      period: '2026-Q3',
    });
    await client.getMetricDetail('mttr', {
      scope: 'org',
      limit: 5,
      offset: 10,
    });
    await client.getMetricTrend('mttr', {
      from: '2026-01-01',
      to: '2026-06-30',
      interval: 'week',
    });
    await client.getActions({ scope: 'group:default/team-a', withinDays: 14 });
    await client.getOperatingMetrics({ weeks: 4, months: 0 });

    const query = (r: Request[]) =>
      Object.fromEntries(new URL(r[0].url).searchParams);
    expect(query(report)).toEqual({
      scope: 'businessUnit:group:default/bu',
      period: '2026-Q3',
    });
    expect(query(detail)).toEqual({ scope: 'org', limit: '5', offset: '10' });
    expect(query(trend)).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      interval: 'week',
    });
    expect(query(actions)).toEqual({
      scope: 'group:default/team-a',
      withinDays: '14',
    });
    expect(query(operating)).toEqual({ weeks: '4', months: '0' });
  });

  it('asks for an entity`s and a team`s scorecard, and findings by id', async () => {
    const entity = recordRequests('get', '/scorecard/entity', {});
    const team = recordRequests('get', '/scorecard/team', {});
    const findings = recordRequests('get', '/findings', {
      items: [],
      totalCount: 0,
    });
    await client.getEntityScorecard('component:default/payments-api');
    await client.getTeamScorecard('group:default/team-a', {
      weeks: 8,
      withinDays: 14,
      limit: 20,
    });
    await client.listFindings({ id: [3, 12] });
    const query = (r: Request[]) =>
      Object.fromEntries(new URL(r[0].url).searchParams);
    expect(query(entity)).toEqual({
      entityRef: 'component:default/payments-api',
    });
    expect(query(team)).toEqual({
      group: 'group:default/team-a',
      weeks: '8',
      withinDays: '14',
      limit: '20',
    });
    expect(query(findings)).toEqual({ id: '3,12' });
  });

  it('rejects a metric request the backend refuses with its message', async () => {
    const message = 'query.period: must be YYYY-MM, YYYY-Qn or YYYY-Wnn';
    server.use(
      http.get(`${baseUrl}/metrics`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message },
            request: { method: 'GET', url: '/metrics?period=bad' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client.getMetrics({ period: 'bad' }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe(message);
  });

  it('gets a pack, saves its narrative and asks, with their paths, queries and bodies', async () => {
    const pack = recordRequests('get', '/packs/board', { audience: 'board' });
    const revisions = recordRequests('get', '/packs/leadership/narrative', {
      items: [{ revision: 1 }],
    });
    const asks = recordRequests('get', '/packs/asks', { items: [{ id: 4 }] });
    const created = recordRequests('post', '/packs/asks', { id: 5 });
    const bodies: Array<{ method: string; url: string; body: unknown }> = [];
    server.use(
      http.put(`${baseUrl}/packs/leadership/narrative`, async ({ request }) => {
        bodies.push({
          method: 'PUT',
          url: request.url,
          body: await request.json(),
        });
        return HttpResponse.json({ revision: 2 });
      }),
      http.patch(`${baseUrl}/packs/asks/:id`, async ({ request }) => {
        bodies.push({
          method: 'PATCH',
          url: request.url,
          body: await request.json(),
        });
        return HttpResponse.json({ id: 5, status: 'closed' });
      }),
    );

    expect(
      await client.getPack('board', {
        scope: 'businessUnit:group:default/payments-bu',
        period: '2026-H2',
      }),
    ).toEqual({ audience: 'board' });
    expect(
      await client.listPackNarratives('leadership', { period: '2026-11' }),
    ).toEqual([{ revision: 1 }]);
    expect(
      await client.savePackNarrative(
        'leadership',
        { period: '2026-11', scope: 'org' },
        { headline: 'H', items: [{ whatChanged: 'A', why: 'B' }] },
      ),
    ).toEqual({ revision: 2 });
    expect(await client.listStrategicAsks({ status: 'open' })).toEqual([
      { id: 4 },
    ]);
    await client.createStrategicAsk({ kind: 'budget', title: 'Fund it' });
    expect(
      await client.updateStrategicAsk(5, {
        status: 'closed',
        closedIn: '2026-11',
      }),
    ).toEqual({ id: 5, status: 'closed' });

    const query = (r: Request) =>
      Object.fromEntries(new URL(r.url).searchParams);
    expect(query(pack[0])).toEqual({
      scope: 'businessUnit:group:default/payments-bu',
      period: '2026-H2',
    });
    expect(query(revisions[0])).toEqual({ period: '2026-11' });
    expect(query(asks[0])).toEqual({ status: 'open' });
    expect(await created[0].json()).toEqual({
      kind: 'budget',
      title: 'Fund it',
    });
    expect(bodies).toEqual([
      {
        method: 'PUT',
        url: `${baseUrl}/packs/leadership/narrative?period=2026-11&scope=org`,
        body: { headline: 'H', items: [{ whatChanged: 'A', why: 'B' }] },
      },
      {
        method: 'PATCH',
        url: `${baseUrl}/packs/asks/5`,
        body: { status: 'closed', closedIn: '2026-11' },
      },
    ]);
  });

  it('exports a pack as a file, named as the backend names it', async () => {
    server.use(
      http.get(`${baseUrl}/packs/leadership`, ({ request }) => {
        const format = new URL(request.url).searchParams.get('format');
        return new HttpResponse(format === 'md' ? '# Pack' : 'a,b\r\n', {
          headers: {
            'Content-Type':
              format === 'md'
                ? 'text/markdown; charset=utf-8'
                : 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="aspm-pack-leadership-org-2026-11.${format}"`,
          },
        });
      }),
    );
    expect(
      await client.exportPack('leadership', {
        period: '2026-11',
        format: 'md',
      }),
    ).toEqual({
      fileName: 'aspm-pack-leadership-org-2026-11.md',
      contentType: 'text/markdown; charset=utf-8',
      text: '# Pack',
    });
    const csv = await client.exportPack('leadership', {
      format: 'csv',
      table: 'trend',
    });
    expect(csv.fileName).toBe('aspm-pack-leadership-org-2026-11.csv');
    expect(csv.text).toBe('a,b\r\n');
  });
});

import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { aspmPermissions } from '@aspm/plugin-aspm-common';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

/*
 * The authorization matrix of every route, table-driven: anonymous, a
 * wrong token, a reader (aspm.read, aspm.pack.read), an engineer (all but
 * approving exceptions and editing packs), an approver (all), the
 * requester of an exception who is also an approver (separation of duties),
 * and a service token. A permitted caller sending an empty body gets the
 * route's 400 (the permission is checked first, the body second).
 */

jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../../examples');
const ALL = aspmPermissions.map(p => p.name);
const ROLES: Record<string, string[]> = {
  'user:default/reader': ['aspm.read', 'aspm.pack.read'],
  'user:default/alice': ALL.filter(
    p => p !== 'aspm.exception.approve' && p !== 'aspm.pack.edit',
  ),
  'user:default/niaj': ALL,
  'user:default/olivia': ALL,
};

const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const allowed = (name: string, credentials: any) => {
      const p = credentials?.principal;
      if (p?.type === 'service') return true;
      if (!name.startsWith('aspm.')) return true;
      return (ROLES[p?.userEntityRef] ?? []).includes(name);
    };
    return {
      authorize: async (requests: any[], options: any) =>
        requests.map(r => ({
          result: allowed(r.permission.name, options?.credentials)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })),
      authorizeConditional: async (requests: any[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as any;
  },
});

const PRINCIPALS: Record<string, string | undefined> = {
  anonymous: undefined,
  wrongToken: 'Bearer this-is-not-a-token',
  reader: mockCredentials.user.header('user:default/reader'),
  engineer: mockCredentials.user.header('user:default/alice'),
  approver: mockCredentials.user.header('user:default/niaj'),
  service: mockCredentials.service.header(),
};

/** Expected status per principal: 'ok' = 2xx, or a status. */
type Expect = Record<keyof typeof PRINCIPALS, 'ok' | number>;
const READ: Expect = {
  anonymous: 401,
  wrongToken: 401,
  reader: 'ok',
  engineer: 'ok',
  approver: 'ok',
  service: 'ok',
};
/** A write an engineer may make: the empty body is refused with 400. */
const ENGINEER_WRITE: Expect = {
  anonymous: 401,
  wrongToken: 401,
  reader: 403,
  engineer: 400,
  approver: 400,
  service: 400,
};
/** A write only approvers / pack editors may make. */
const EDITOR_WRITE: Expect = { ...ENGINEER_WRITE, engineer: 403 };

const ROUTES: Array<{
  method: 'get' | 'post' | 'put' | 'patch';
  url: string;
  expect: Expect;
}> = [
  { method: 'get', url: '/api/aspm/entities', expect: READ },
  { method: 'get', url: '/api/aspm/ownership', expect: READ },
  { method: 'get', url: '/api/aspm/findings', expect: READ },
  { method: 'get', url: '/api/aspm/ingestions', expect: READ },
  { method: 'get', url: '/api/aspm/exceptions', expect: READ },
  { method: 'get', url: '/api/aspm/exceptions/policy', expect: READ },
  { method: 'get', url: '/api/aspm/releases', expect: READ },
  { method: 'get', url: '/api/aspm/releases/gate-trend', expect: READ },
  { method: 'get', url: '/api/aspm/secrets', expect: READ },
  { method: 'get', url: '/api/aspm/metrics', expect: READ },
  { method: 'get', url: '/api/aspm/metrics/mttr', expect: READ },
  {
    method: 'get',
    url: '/api/aspm/metrics-operating?weeks=1&months=0',
    expect: READ,
  },
  { method: 'get', url: '/api/aspm/actions', expect: READ },
  { method: 'get', url: '/api/aspm/snapshots/status', expect: READ },
  { method: 'get', url: '/api/aspm/reviews', expect: READ },
  { method: 'get', url: '/api/aspm/incident-actions', expect: READ },
  { method: 'get', url: '/api/aspm/deployments', expect: READ },
  { method: 'get', url: '/api/aspm/scorecards', expect: READ },
  {
    method: 'get',
    url: '/api/aspm/scorecard/entity?entityRef=component:default/payments-api',
    expect: READ,
  },
  { method: 'get', url: '/api/aspm/packs/asks', expect: READ },
  {
    method: 'post',
    url: '/api/aspm/ingest?entityRef=component:default/payments-api',
    // An empty JSON object is no scanner format: 415.
    expect: { ...ENGINEER_WRITE, engineer: 415, approver: 415, service: 415 },
  },
  { method: 'post', url: '/api/aspm/exceptions', expect: ENGINEER_WRITE },
  { method: 'post', url: '/api/aspm/releases', expect: ENGINEER_WRITE },
  { method: 'post', url: '/api/aspm/reviews', expect: ENGINEER_WRITE },
  {
    method: 'post',
    url: '/api/aspm/incidents/INC-1/actions',
    expect: ENGINEER_WRITE,
  },
  { method: 'post', url: '/api/aspm/deployments', expect: ENGINEER_WRITE },
  { method: 'post', url: '/api/aspm/packs/asks', expect: EDITOR_WRITE },
  {
    method: 'put',
    url: '/api/aspm/packs/leadership/narrative?scope=org&period=2026-10',
    expect: EDITOR_WRITE,
  },
  {
    method: 'post',
    url: '/api/aspm/snapshots/rebuild?from=not-a-date',
    expect: ENGINEER_WRITE,
  },
];

describe('the authorization matrix of the ASPM routes', () => {
  let backend: TestBackend;

  const send = (
    method: 'get' | 'post' | 'put' | 'patch',
    url: string,
    auth: string | undefined,
    body: unknown = {},
  ) => {
    let r = request(backend.server)[method](url);
    if (auth) r = r.set('Authorization', auth);
    if (method !== 'get') {
      r = r.set('Content-Type', 'application/json').send(body as object);
    }
    return r;
  };

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      features: [permissionsFactory],
    }));
    await send('post', '/api/aspm/catalog-sync', PRINCIPALS.engineer);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it.each(ROUTES.map(r => [`${r.method.toUpperCase()} ${r.url}`, r] as const))(
    '%s',
    async (_name, route) => {
      const got: Record<string, number> = {};
      const want: Record<string, number | string> = {};
      for (const [who, auth] of Object.entries(PRINCIPALS)) {
        const res = await send(route.method, route.url, auth);
        const expected = route.expect[who as keyof typeof PRINCIPALS];
        got[who] = expected === 'ok' && res.status < 300 ? -1 : res.status;
        want[who] = expected === 'ok' ? -1 : expected;
      }
      // -1 stands for "a 2xx answer".
      expect(got).toEqual(want);
    },
  );

  it('approving an exception: readers and engineers are refused, the requester may not approve their own, another approver may', async () => {
    const requested = await send(
      'post',
      '/api/aspm/exceptions',
      PRINCIPALS.approver,
      {
        entityRef: 'component:default/payments-api',
        scope: { type: 'entity' },
        reason: 'Matrix test: a request by an approver',
        category: 'platform-gap',
      },
    );
    expect(requested.status).toBe(201);
    const id = requested.body.id;
    const body = {
      expiresAt: new Date(Date.now() + 10 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    };
    const url = `/api/aspm/exceptions/${id}/approve`;
    expect((await send('post', url, undefined, body)).status).toBe(401);
    expect((await send('post', url, PRINCIPALS.reader, body)).status).toBe(403);
    expect((await send('post', url, PRINCIPALS.engineer, body)).status).toBe(
      403,
    );
    // Niaj asked for it: separation of duties.
    const own = await send('post', url, PRINCIPALS.approver, body);
    expect(own.status).toBe(403);
    const other = await send(
      'post',
      url,
      mockCredentials.user.header('user:default/olivia'),
      body,
    );
    expect(other.status).toBe(200);
    expect(other.body.status).toBe('approved');
  });
});

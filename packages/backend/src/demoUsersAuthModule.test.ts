import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { UserEntity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import demoUsersAuthModule, {
  DEMO_USER_HEADER,
  demoUsersContext,
  readDemoUserName,
} from './demoUsersAuthModule';

describe('readDemoUserName', () => {
  it('reads the user name from the header', () => {
    expect(readDemoUserName({ [DEMO_USER_HEADER]: 'alice' })).toBe('alice');
    expect(readDemoUserName({ [DEMO_USER_HEADER]: ' niaj ' })).toBe('niaj');
    expect(readDemoUserName({ [DEMO_USER_HEADER]: ['bob', 'eve'] })).toBe(
      'bob',
    );
  });

  it('refuses a request without the header (401)', () => {
    expect(() => readDemoUserName({})).toThrow(
      expect.objectContaining({ name: 'AuthenticationError' }),
    );
    expect(() => readDemoUserName({ [DEMO_USER_HEADER]: '  ' })).toThrow(
      expect.objectContaining({ name: 'AuthenticationError' }),
    );
  });

  it('refuses what cannot be a User name (400)', () => {
    for (const bad of [
      'user:default/alice',
      '../alice',
      'alice bob',
      '-alice',
      'a'.repeat(64),
    ]) {
      expect(() => readDemoUserName({ [DEMO_USER_HEADER]: bad })).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    }
  });
});

describe('demoUsersContext', () => {
  const config = (data: object) => new ConfigReader(data);

  it('runs in development', () => {
    expect(demoUsersContext(config({}), 'development')).toEqual({});
  });

  it('refuses to run outside development unless dangerously allowed', () => {
    expect(demoUsersContext(config({}), 'production').disabledReason).toMatch(
      /anyone sign in as any user/,
    );
    expect(demoUsersContext(config({}), undefined).disabledReason).toBeTruthy();
    expect(
      demoUsersContext(
        config({ dangerouslyAllowOutsideDevelopment: true }),
        'production',
      ),
    ).toEqual({});
  });
});

function userEntity(name: string, displayName: string, groups: string[]) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName, email: `${name}@acme.example` },
      memberOf: groups,
    },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  } as UserEntity;
}

describe('the aspmDemo provider in the auth backend', () => {
  async function start(providers: object) {
    const backend = await startTestBackend({
      features: [
        authPlugin,
        demoUsersAuthModule,
        catalogServiceMock.factory({
          entities: [
            userEntity('alice', 'Alice Ng', ['team-checkout']),
            userEntity('niaj', 'Niaj Haddad', ['security']),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: { providers },
          },
        }),
      ],
    });
    const base = `http://localhost:${backend.server.port()}/api/auth`;
    return {
      backend,
      refresh: (headers: Record<string, string> = {}) =>
        fetch(`${base}/aspmDemo/refresh`, { headers }),
    };
  }

  describe('when configured', () => {
    let portal: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => {
      // jest runs with NODE_ENV=test, so allow it explicitly here.
      portal = await start({
        aspmDemo: { dangerouslyAllowOutsideDevelopment: true },
      });
    });
    afterAll(() => portal?.backend.stop());

    it('signs in as the catalog user, with their groups as ownership refs', async () => {
      const res = await portal.refresh({ [DEMO_USER_HEADER]: 'niaj' });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.profile).toEqual({
        displayName: 'Niaj Haddad',
        email: 'niaj@acme.example',
      });
      expect(body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/niaj',
        ownershipEntityRefs: ['user:default/niaj', 'group:default/security'],
      });
      // (The token leaves the groups out; the auth backend keeps them as the
      // user's info, which is what the permission policy is given.)
    });

    it('signs in as another user with another header', async () => {
      const res = await portal.refresh({ [DEMO_USER_HEADER]: 'alice' });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.backstageIdentity.identity.ownershipEntityRefs).toEqual([
        'user:default/alice',
        'group:default/team-checkout',
      ]);
    });

    it('refuses a name that is not a catalog user (403)', async () => {
      const res = await portal.refresh({ [DEMO_USER_HEADER]: 'mallory' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(
        /not a User in the catalog/,
      );
    });

    it('refuses a request without the header (401) or with a bad name (400)', async () => {
      expect((await portal.refresh()).status).toBe(401);
      expect(
        (await portal.refresh({ [DEMO_USER_HEADER]: 'user:default/alice' }))
          .status,
      ).toBe(400);
    });
  });

  it('is not mounted when auth.providers.aspmDemo is absent', async () => {
    const portal = await start({});
    try {
      const res = await portal.refresh({ [DEMO_USER_HEADER]: 'alice' });
      expect(res.status).toBe(404);
    } finally {
      await portal.backend.stop();
    }
  });

  it('refuses to sign in outside development without the dangerous flag', async () => {
    const portal = await start({ aspmDemo: {} });
    try {
      const res = await portal.refresh({ [DEMO_USER_HEADER]: 'alice' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/NODE_ENV=development/);
    } finally {
      await portal.backend.stop();
    }
  });
});

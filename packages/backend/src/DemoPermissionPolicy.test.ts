import {
  aspmCatalogSyncPermission,
  aspmExceptionApprovePermission,
  aspmExceptionCreatePermission,
  aspmFindingsIngestPermission,
  aspmPackEditPermission,
  aspmPackReadPermission,
  aspmPermissions,
  aspmReadPermission,
  aspmSourcesRunPermission,
  aspmReleaseCreatePermission,
  aspmSecretRotatePermission,
} from '@aspm/plugin-aspm-common';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  DemoPermissionPolicy,
  normalizeApproverRef,
  readExceptionApprovers,
} from './DemoPermissionPolicy';

function user(userEntityRef: string, groups: string[] = []): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...groups],
    },
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
    token: 'token',
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
  } as PolicyQueryUser;
}

// As the demo sign-in issues them (catalog users, their direct groups).
const alice = user('user:default/alice', ['group:default/team-checkout']);
const niaj = user('user:default/niaj', ['group:default/security']);
const guest = user('user:development/guest');
const rosa = user('user:default/rosa', ['group:default/directors']);

async function decide(
  policy: DemoPermissionPolicy,
  permission: Permission,
  who?: PolicyQueryUser,
) {
  return (await policy.handle({ permission }, who)).result;
}

const { ALLOW, DENY } = AuthorizeResult;

describe('DemoPermissionPolicy', () => {
  const policy = new DemoPermissionPolicy();

  it('denies every ASPM permission without a signed-in user', async () => {
    for (const permission of aspmPermissions) {
      expect(await decide(policy, permission)).toBe(DENY);
    }
  });

  it('lets any signed-in user request an exception, but not approve one', async () => {
    for (const who of [alice, guest]) {
      expect(await decide(policy, aspmExceptionCreatePermission, who)).toBe(
        ALLOW,
      );
      expect(await decide(policy, aspmExceptionApprovePermission, who)).toBe(
        DENY,
      );
    }
  });

  it('lets members of group:default/security approve (and request)', async () => {
    expect(await decide(policy, aspmExceptionApprovePermission, niaj)).toBe(
      ALLOW,
    );
    expect(await decide(policy, aspmExceptionCreatePermission, niaj)).toBe(
      ALLOW,
    );
  });

  it('leaves the other ASPM permissions as they were: any signed-in user', async () => {
    for (const permission of [
      aspmReadPermission,
      aspmCatalogSyncPermission,
      aspmFindingsIngestPermission,
      aspmSourcesRunPermission,
      aspmReleaseCreatePermission,
      aspmSecretRotatePermission,
      aspmPackReadPermission,
    ]) {
      for (const who of [alice, niaj, guest, rosa]) {
        expect(await decide(policy, permission, who)).toBe(ALLOW);
      }
      expect(await decide(policy, permission)).toBe(DENY);
    }
  });

  it('covers every permission ASPM defines (a new one needs a rule here)', () => {
    expect(aspmPermissions.map(p => p.name).sort()).toEqual([
      'aspm.catalog.sync',
      'aspm.exception.approve',
      'aspm.exception.create',
      'aspm.findings.ingest',
      'aspm.pack.edit',
      'aspm.pack.read',
      'aspm.read',
      'aspm.release.create',
      'aspm.secret.rotate',
      'aspm.signals.create',
      'aspm.snapshots.rebuild',
      'aspm.sources.run',
    ]);
  });

  it('lets members of group:default/directors edit director packs, nobody else', async () => {
    expect(await decide(policy, aspmPackEditPermission, rosa)).toBe(ALLOW);
    for (const who of [alice, niaj, guest]) {
      expect(await decide(policy, aspmPackEditPermission, who)).toBe(DENY);
    }
    expect(await decide(policy, aspmPackEditPermission)).toBe(DENY);
    const custom = DemoPermissionPolicy.fromConfig(
      new ConfigReader({ aspmDemoPolicy: { packEditors: 'security' } }),
    );
    expect(custom.packEditors).toEqual(['group:default/security']);
    expect(await decide(custom, aspmPackEditPermission, niaj)).toBe(ALLOW);
    expect(await decide(custom, aspmPackEditPermission, rosa)).toBe(DENY);
    const none = new DemoPermissionPolicy({ packEditors: [] });
    expect(await decide(none, aspmPackEditPermission, rosa)).toBe(DENY);
  });

  it('allows non-ASPM permissions, signed in or not', async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(await decide(policy, catalogRead)).toBe(ALLOW);
    expect(await decide(policy, catalogRead, alice)).toBe(ALLOW);
  });

  it('does not take a user whose name looks like the group for a member', async () => {
    const impostor = user('user:default/security');
    expect(await decide(policy, aspmExceptionApprovePermission, impostor)).toBe(
      DENY,
    );
  });

  it('uses the configured approvers instead of security', async () => {
    const custom = DemoPermissionPolicy.fromConfig(
      new ConfigReader({
        aspmDemoPolicy: {
          exceptionApprovers: ['team-checkout', 'user:default/bob'],
        },
      }),
    );
    expect(custom.exceptionApprovers).toEqual([
      'group:default/team-checkout',
      'user:default/bob',
    ]);
    expect(await decide(custom, aspmExceptionApprovePermission, alice)).toBe(
      ALLOW,
    );
    expect(await decide(custom, aspmExceptionApprovePermission, niaj)).toBe(
      DENY,
    );
    expect(
      await decide(
        custom,
        aspmExceptionApprovePermission,
        user('user:default/bob', ['group:default/team-ledger']),
      ),
    ).toBe(ALLOW);
  });

  it('lets nobody approve with an empty approver list', async () => {
    const none = new DemoPermissionPolicy({ exceptionApprovers: [] });
    expect(await decide(none, aspmExceptionApprovePermission, niaj)).toBe(DENY);
    expect(await decide(none, aspmExceptionCreatePermission, niaj)).toBe(ALLOW);
  });
});

describe('readExceptionApprovers', () => {
  it('defaults to group:default/security', () => {
    expect(readExceptionApprovers(new ConfigReader({}))).toEqual([
      'group:default/security',
    ]);
  });

  it('accepts one ref or a list', () => {
    expect(
      readExceptionApprovers(
        new ConfigReader({
          aspmDemoPolicy: { exceptionApprovers: 'group:default/appsec' },
        }),
      ),
    ).toEqual(['group:default/appsec']);
    expect(
      readExceptionApprovers(
        new ConfigReader({
          aspmDemoPolicy: { exceptionApprovers: ['a', 'b'] },
        }),
      ),
    ).toEqual(['a', 'b']);
  });

  it('refuses a value of the wrong type', () => {
    expect(() =>
      readExceptionApprovers(
        new ConfigReader({ aspmDemoPolicy: { exceptionApprovers: 3 } }),
      ),
    ).toThrow(/exceptionApprovers/);
  });
});

describe('normalizeApproverRef', () => {
  it('makes full, lower-case refs', () => {
    expect(normalizeApproverRef('security')).toBe('group:default/security');
    expect(normalizeApproverRef('Group:Default/Security')).toBe(
      'group:default/security',
    );
    expect(normalizeApproverRef('user:default/niaj')).toBe('user:default/niaj');
  });
});

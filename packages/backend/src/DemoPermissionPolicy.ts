import {
  aspmExceptionApprovePermission,
  aspmExceptionCreatePermission,
} from '@aspm/plugin-aspm-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/** Who may approve exceptions unless `aspmDemoPolicy.exceptionApprovers` says otherwise. */
export const DEFAULT_EXCEPTION_APPROVERS = ['group:default/security'];

/** Options of {@link DemoPermissionPolicy}. */
export interface DemoPermissionPolicyOptions {
  /**
   * Entity refs (groups, or single users) whose members may approve, reject,
   * renew and revoke exceptions. A bare name means a Group in the default
   * namespace (`security` is `group:default/security`). Default
   * {@link DEFAULT_EXCEPTION_APPROVERS}; an empty list means no user may.
   */
  exceptionApprovers?: string[];
}

/** Canonical, lower-case form of an approver ref (`security` -> `group:default/security`). */
export function normalizeApproverRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Reads `aspmDemoPolicy.exceptionApprovers` (a list of entity refs, or one
 * ref) from the root config; the default when absent.
 */
export function readExceptionApprovers(config: Config): string[] {
  const key = 'aspmDemoPolicy.exceptionApprovers';
  if (!config.has(key)) {
    return DEFAULT_EXCEPTION_APPROVERS;
  }
  const value = config.getOptional(key);
  return typeof value === 'string' ? [value] : config.getStringArray(key);
}

/**
 * The demo portal's policy (only users reach it: the permission framework
 * allows service principals such as external-access tokens on its own).
 *
 * - Non-ASPM permissions: allowed.
 * - ASPM permissions without a signed-in user: denied.
 * - `aspm.exception.approve`: allowed only to members of an approver group
 *   (`aspmDemoPolicy.exceptionApprovers`, default `group:default/security`),
 *   judged by the user's ownership refs (the user and their groups, as put in
 *   the token at sign-in). The ASPM router additionally refuses that anyone
 *   decides their own request.
 * - Every other ASPM permission (read, catalog sync, ingest, run a source,
 *   `aspm.exception.create`, rebuild metric snapshots): allowed to any
 *   signed-in user.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  readonly #approvers: ReadonlySet<string>;

  constructor(options: DemoPermissionPolicyOptions = {}) {
    this.#approvers = new Set(
      (options.exceptionApprovers ?? DEFAULT_EXCEPTION_APPROVERS).map(
        normalizeApproverRef,
      ),
    );
  }

  static fromConfig(config: Config): DemoPermissionPolicy {
    return new DemoPermissionPolicy({
      exceptionApprovers: readExceptionApprovers(config),
    });
  }

  /** The approver refs in use, normalised. */
  get exceptionApprovers(): string[] {
    return [...this.#approvers];
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const name = request.permission.name;
    if (!name.startsWith('aspm.')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    if (name === aspmExceptionApprovePermission.name) {
      return {
        result: this.isApprover(user)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (name === aspmExceptionCreatePermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.ALLOW };
  }

  private isApprover(user: PolicyQueryUser): boolean {
    return user.info.ownershipEntityRefs.some(ref =>
      this.#approvers.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}

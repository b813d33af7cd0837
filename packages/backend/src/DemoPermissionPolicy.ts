import {
  aspmExceptionApprovePermission,
  aspmExceptionCreatePermission,
  aspmPackEditPermission,
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

/** Who may edit director packs unless `aspmDemoPolicy.packEditors` says otherwise. */
export const DEFAULT_PACK_EDITORS = ['group:default/directors'];

/** Options of {@link DemoPermissionPolicy}. */
export interface DemoPermissionPolicyOptions {
  /**
   * Entity refs (groups, or single users) whose members may approve, reject,
   * renew and revoke exceptions. A bare name means a Group in the default
   * namespace (`security` is `group:default/security`). Default
   * {@link DEFAULT_EXCEPTION_APPROVERS}; an empty list means no user may.
   */
  exceptionApprovers?: string[];
  /**
   * Entity refs (groups, or single users) whose members may edit director
   * packs (narrative, decisions, strategic asks). Default
   * {@link DEFAULT_PACK_EDITORS}; an empty list means no user may.
   */
  packEditors?: string[];
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
  return readRefs(
    config,
    'aspmDemoPolicy.exceptionApprovers',
    DEFAULT_EXCEPTION_APPROVERS,
  );
}

/**
 * Reads `aspmDemoPolicy.packEditors` (a list of entity refs, or one ref);
 * the default when absent.
 */
export function readPackEditors(config: Config): string[] {
  return readRefs(config, 'aspmDemoPolicy.packEditors', DEFAULT_PACK_EDITORS);
}

function readRefs(config: Config, key: string, fallback: string[]): string[] {
  if (!config.has(key)) {
    return fallback;
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
 * - `aspm.pack.edit` (director packs: narrative, decisions, strategic asks):
 *   allowed only to members of a pack editor group
 *   (`aspmDemoPolicy.packEditors`, default `group:default/directors`).
 * - Every other ASPM permission (read, read packs, catalog sync, ingest, run
 *   a source, `aspm.exception.create`, rebuild metric snapshots): allowed to
 *   any signed-in user.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  readonly #approvers: ReadonlySet<string>;
  readonly #packEditors: ReadonlySet<string>;

  constructor(options: DemoPermissionPolicyOptions = {}) {
    this.#approvers = new Set(
      (options.exceptionApprovers ?? DEFAULT_EXCEPTION_APPROVERS).map(
        normalizeApproverRef,
      ),
    );
    this.#packEditors = new Set(
      (options.packEditors ?? DEFAULT_PACK_EDITORS).map(normalizeApproverRef),
    );
  }

  static fromConfig(config: Config): DemoPermissionPolicy {
    return new DemoPermissionPolicy({
      exceptionApprovers: readExceptionApprovers(config),
      packEditors: readPackEditors(config),
    });
  }

  /** The approver refs in use, normalised. */
  get exceptionApprovers(): string[] {
    return [...this.#approvers];
  }

  /** The pack editor refs in use, normalised. */
  get packEditors(): string[] {
    return [...this.#packEditors];
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
    if (name === aspmPackEditPermission.name) {
      return {
        result: isMember(user, this.#packEditors)
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
    return isMember(user, this.#approvers);
  }
}

/** Whether one of the user's ownership refs (the user, their groups) is in `refs`. */
function isMember(user: PolicyQueryUser, refs: ReadonlySet<string>): boolean {
  return user.info.ownershipEntityRefs.some(ref =>
    refs.has(ref.toLocaleLowerCase('en-US')),
  );
}

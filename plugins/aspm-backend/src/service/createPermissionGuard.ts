import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * One place for "who is calling and may they": every route calls
 * `guard(req, permission)` instead of repeating the authorize block.
 */
export function createPermissionGuard(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  async function guard(req: Request, permission: BasicPermission) {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this (permission ${permission.name})`,
      );
    }
    return credentials;
  }
  /** Whether the caller (already authenticated by guard) has the permission; never throws. */
  guard.can = async (
    credentials: Awaited<ReturnType<typeof guard>>,
    permission: BasicPermission,
  ): Promise<boolean> => {
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  };
  return guard;
}

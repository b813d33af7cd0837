import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * The principal as an actor string: a user's entity ref, or
 * `service:<subject>` for a service principal (an external-access token's
 * subject, e.g. `service:external:ci-pipeline`). Two tokens with different
 * subjects are two actors.
 */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.userEntityRef) return String(principal.userEntityRef);
  return `service:${String(principal.subject ?? 'unknown')}`;
}

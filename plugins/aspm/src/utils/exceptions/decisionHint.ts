import { AspmException } from '@aspm/plugin-aspm-common';

/**
 * Why the signed-in user is offered no decision on a requested exception, in
 * words: the requester never approves their own request; others need the
 * approve permission. Undefined when they can decide, or it is not pending.
 */
export function decisionHint(
  exception: Pick<AspmException, 'status' | 'requestedBy' | 'allowedActions'>,
  userRef: string | undefined,
): string | undefined {
  if (exception.status !== 'requested') return undefined;
  if (exception.allowedActions?.includes('approve')) return undefined;
  if (userRef && exception.requestedBy === userRef) {
    return 'You requested this exception, so someone else must approve or reject it. You can still withdraw it (revoke).';
  }
  if (!exception.allowedActions) return undefined;
  return 'Waiting for an approver: you do not have the permission to approve exceptions (aspm.exception.approve).';
}

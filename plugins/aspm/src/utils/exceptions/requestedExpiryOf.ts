import { AspmExceptionDetails } from '@aspm/plugin-aspm-common';

/** The expiry the requester asked for (on the request event), if any. */
export function requestedExpiryOf(
  exception: Pick<AspmExceptionDetails, 'events'>,
): string | undefined {
  return exception.events.find(e => e.type === 'requested')?.expiresAt;
}

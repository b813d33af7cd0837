import { AspmExceptionDetails } from '@aspm/plugin-aspm-common';

/**
 * The expiry the requester asked for: the exception's `requestedExpiresAt`,
 * or, from an older backend, the expiry on its request event.
 */
export function requestedExpiryOf(
  exception: Pick<AspmExceptionDetails, 'events' | 'requestedExpiresAt'>,
): string | undefined {
  return (
    exception.requestedExpiresAt ??
    exception.events.find(e => e.type === 'requested')?.expiresAt
  );
}

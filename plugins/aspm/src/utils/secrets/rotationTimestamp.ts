import { formatDate } from '../format';
import { localDateInput } from './localDateInput';

/** What to send as `rotatedAt`, or why the date cannot be sent. */
export type RotationTimestamp =
  | { ok: true; rotatedAt?: string }
  | { ok: false; error: string };

/**
 * The `rotatedAt` of a rotation picked as a day of the user's calendar
 * (YYYY-MM-DD). Today is sent as nothing (the server takes the time of the
 * request); an earlier day as its local midnight, but not before the secret
 * was detected, so that the day of detection can be picked. A day in the
 * future or before the detection is refused before anything is sent.
 */
export function rotationTimestamp(
  day: string,
  detectedAt: string,
  now: number = Date.now(),
  locale?: string,
): RotationTimestamp {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return { ok: false, error: 'Pick the day of the rotation' };
  const today = localDateInput(now);
  if (day > today) {
    return { ok: false, error: 'The rotation cannot be in the future' };
  }
  if (day === today) return { ok: true };
  const detected = Date.parse(detectedAt);
  if (!Number.isNaN(detected) && day < localDateInput(detected)) {
    return {
      ok: false,
      error: `The secret was detected on ${formatDate(
        detectedAt,
        locale,
      )}: it cannot have been rotated before`,
    };
  }
  const midnight = new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
  ).getTime();
  const at = Number.isNaN(detected) ? midnight : Math.max(midnight, detected);
  return { ok: true, rotatedAt: new Date(at).toISOString() };
}

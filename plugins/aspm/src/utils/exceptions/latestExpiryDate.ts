import { toDateInput } from './toDateInput';

const DAY_MS = 86_400_000;

/**
 * The last YYYY-MM-DD the backend accepts as an expiry `maxDays` from `now`.
 * It reads a date as the end of that day (UTC) and allows at most
 * `now + maxDays`, so the day of that limit is only allowed when the limit
 * is the very end of it.
 */
export function latestExpiryDate(now: number, maxDays: number): string {
  const limit = now + maxDays * DAY_MS;
  const day = toDateInput(limit);
  const endOfDay = Date.parse(`${day}T23:59:59.999Z`);
  return endOfDay <= limit ? day : toDateInput(limit - DAY_MS);
}

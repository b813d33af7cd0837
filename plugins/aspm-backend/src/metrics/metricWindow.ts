import { InputError } from '@backstage/errors';
import { endOfDayUtc, startOfDateInput } from '../util/time';
import { DAY } from './MetricContext';

/** The instants a metric is taken over. */
export interface MetricWindow {
  /** End of the asOf day (stock metrics). */
  asOf: Date;
  /** The flow window [from, to). */
  from: Date;
  to: Date;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** [start, end) of `2026-10`, `2026-Q3` or `2026-W42` (ISO week). */
export function parsePeriod(period: string): { from: Date; to: Date } {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo >= 1 && mo <= 12)
      return { from: utc(y, mo - 1, 1), to: utc(y, mo, 1) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { from: utc(y, (q - 1) * 3, 1), to: utc(y, q * 3, 1) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = utc(y, 0, 4);
    const monday1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY;
    const weeksInYear =
      new Date(utc(y, 11, 28)).getUTCDay() === 4 ||
      new Date(utc(y, 0, 1)).getUTCDay() === 4
        ? 53
        : 52;
    if (w >= 1 && w <= weeksInYear) {
      const from = new Date(monday1 + (w - 1) * 7 * DAY);
      return { from, to: new Date(from.getTime() + 7 * DAY) };
    }
  }
  throw new InputError(
    `period: must be a month (2026-10), a quarter (2026-Q3) or an ISO week (2026-W42), got '${period}'`,
  );
}

/** The end of the UTC day of a (validated) date or timestamp. */
const endOfDay = (date: string) => endOfDayUtc(date.slice(0, 10));
/** The start of the UTC day of a (validated) date or timestamp. */
const startOfDay = (date: string) => startOfDateInput(date.slice(0, 10));

/**
 * The window of a metrics request: `asOf` (default today) is the end of its
 * UTC day; `period` or `from`/`to` give the flow window, else the
 * `windowDays` ending with asOf's day. A period without asOf is read as of
 * its last day. Never later than `now`.
 */
export function metricWindow(
  query: { asOf?: string; period?: string; from?: string; to?: string },
  windowDays: number,
  now: Date,
): MetricWindow {
  let from: Date | undefined;
  let to: Date | undefined;
  if (query.period) ({ from, to } = parsePeriod(query.period));
  if (query.from) from = startOfDay(query.from);
  if (query.to) to = startOfDay(query.to);
  let asOf: Date;
  if (query.asOf) asOf = endOfDay(query.asOf);
  else if (to) asOf = new Date(to.getTime() - 1);
  else asOf = endOfDay(now.toISOString());
  if (asOf > now) asOf = now;
  to ??= new Date(endOfDay(asOf.toISOString()).getTime() + 1);
  from ??= new Date(to.getTime() - windowDays * DAY);
  if (from >= to) {
    throw new InputError(
      `the window is empty: from ${from.toISOString()} is not before to ${to.toISOString()}`,
    );
  }
  return { asOf, from, to };
}

import { InputError } from '@backstage/errors';
import { DAY } from './MetricContext';
/** Most points a trend computes from events. */
export const MAX_TREND_POINTS = 60;

/**
 * The dates of a trend: the last day of each ISO week (Sunday) or month
 * from `from` to `to` (YYYY-MM-DD, inclusive), the last one capped at now.
 */
export function trendPoints(
  from: string,
  to: string,
  interval: 'week' | 'month',
  now: Date,
): Date[] {
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  let end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new InputError('from and to must be dates (YYYY-MM-DD)');
  }
  if (end < start) throw new InputError('to must not be before from');
  end = Math.min(end, now.getTime());
  const out: Date[] = [];
  let t = start;
  for (;;) {
    const d = new Date(t);
    let last: number;
    if (interval === 'week') {
      last = t + ((7 - d.getUTCDay()) % 7) * DAY;
    } else {
      last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
    }
    if (last >= end) {
      out.push(new Date(end));
      break;
    }
    out.push(new Date(last));
    t = last + DAY;
    if (out.length > MAX_TREND_POINTS) {
      throw new InputError(
        `the trend has more than ${MAX_TREND_POINTS} points: shorten from..to or use interval=month`,
      );
    }
  }
  return out;
}

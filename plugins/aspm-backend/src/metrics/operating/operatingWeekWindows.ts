import { DAY } from '../MetricContext';
import { OperatingWindow } from './OperatingWindow';

const WEEK = 7 * DAY;

/**
 * The last `count` ISO weeks (Monday 00:00 to Monday 00:00, UTC) up to the
 * week holding `asOf`, oldest first. Each is read at the end of its Sunday;
 * the last at `asOf`, counting its events up to asOf only.
 */
export function operatingWeekWindows(
  asOf: number,
  count: number,
): OperatingWindow[] {
  const day = new Date(asOf);
  const midnight = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
  );
  const lastMonday = midnight - ((day.getUTCDay() + 6) % 7) * DAY;
  const out: OperatingWindow[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const from = lastMonday - i * WEEK;
    const end = from + WEEK;
    const partial = i === 0 && asOf < end - 1;
    out.push(
      partial
        ? { asOf, from, to: asOf + 1, partial }
        : { asOf: end - 1, from, to: end, partial },
    );
  }
  return out;
}

import { PackPeriodKind } from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';

const DAY = 86_400_000;
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

/** A pack period's kind and its [from, to) window (UTC). */
export interface PackPeriodWindow {
  id: string;
  kind: PackPeriodKind;
  from: Date;
  to: Date;
}

/** Monday 00:00 UTC of ISO week 1 of `year` (the week holding January 4th). */
function isoWeekOne(year: number): number {
  const jan4 = utc(year, 0, 4);
  return jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY;
}

/** ISO weeks in a year: 53 when it starts or ends on a Thursday. */
function isoWeeksIn(year: number): number {
  return utc(year, 0, 1).getUTCDay() === 4 ||
    utc(year, 11, 31).getUTCDay() === 4
    ? 53
    : 52;
}

/** The ISO year and week of an instant. */
function isoWeekOf(t: number): { year: number; week: number } {
  const d = new Date(t);
  let year = d.getUTCFullYear();
  if (t >= isoWeekOne(year + 1)) year += 1;
  else if (t < isoWeekOne(year)) year -= 1;
  return { year, week: Math.floor((t - isoWeekOne(year)) / (7 * DAY)) + 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const weekId = (year: number, week: number) => `${year}-W${pad(week)}`;

/** The window of `2026-W42`, `2026-11`, `2026-Q3` or `2026-H2`; InputError otherwise. */
export function packPeriodWindow(id: string): PackPeriodWindow {
  let m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'month', from: utc(y, mo - 1), to: utc(y, mo) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return {
      id,
      kind: 'quarter',
      from: utc(y, (q - 1) * 3),
      to: utc(y, q * 3),
    };
  }
  m = /^(\d{4})-H([12])$/.exec(id);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'half', from: utc(y, (h - 1) * 6), to: utc(y, h * 6) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w >= 1 && w <= isoWeeksIn(y)) {
      const from = new Date(isoWeekOne(y) + (w - 1) * 7 * DAY);
      return {
        id,
        kind: 'week',
        from,
        to: new Date(from.getTime() + 7 * DAY),
      };
    }
  }
  throw new InputError(
    `period: must be a week (2026-W42), a month (2026-11), a quarter (2026-Q3) or a half-year (2026-H2), got '${id}'`,
  );
}

/** The id of the period of `kind` holding the instant `t`. */
export function periodOf(kind: PackPeriodKind, t: Date): string {
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth();
  switch (kind) {
    case 'week': {
      const w = isoWeekOf(t.getTime());
      return weekId(w.year, w.week);
    }
    case 'month':
      return `${y}-${pad(mo + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(mo / 3) + 1}`;
    default:
      return `${y}-H${mo < 6 ? 1 : 2}`;
  }
}

/** The period `n` periods after `id` (before, for negative n). */
export function shiftPeriod(id: string, n: number): string {
  const w = packPeriodWindow(id);
  if (w.kind === 'week') {
    return periodOf('week', new Date(w.from.getTime() + n * 7 * DAY));
  }
  const months = { month: 1, quarter: 3, half: 6 }[w.kind];
  const from = utc(w.from.getUTCFullYear(), w.from.getUTCMonth() + n * months);
  return periodOf(w.kind, from);
}

/**
 * The same period a year earlier: the month, quarter or half of the year
 * before; for weeks the same ISO week number (week 53 becomes 52 in a year
 * without one).
 */
export function yearAgoPeriod(id: string): string {
  const w = packPeriodWindow(id);
  if (w.kind !== 'week') {
    return `${Number(id.slice(0, 4)) - 1}${id.slice(4)}`;
  }
  const year = Number(id.slice(0, 4)) - 1;
  return weekId(year, Math.min(Number(id.slice(6)), isoWeeksIn(year)));
}

/** The last period of `kind` that is over at `now` (default: the last full month). */
export function lastFullPeriod(kind: PackPeriodKind, now: Date): string {
  return shiftPeriod(periodOf(kind, now), -1);
}

/** How many periods a pack's trend shows, the current one included. */
export function trendLength(kind: PackPeriodKind): number {
  return { week: 13, month: 12, quarter: 6, half: 4 }[kind];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A period in words, for exports and narrative: `November 2026`,
 * `Q3 2026`, `H2 2026`, `week 42 of 2026 (12 Oct to 18 Oct)`. (The portal
 * formats periods in the user's locale itself.)
 */
export function periodLabel(id: string): string {
  const w = packPeriodWindow(id);
  const y = id.slice(0, 4);
  switch (w.kind) {
    case 'month':
      return `${MONTHS[w.from.getUTCMonth()]} ${y}`;
    case 'quarter':
      return `${id.slice(5)} ${y}`;
    case 'half':
      return `${id.slice(5)} ${y}`;
    default: {
      const last = new Date(w.to.getTime() - DAY);
      const day = (d: Date) =>
        `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)}`;
      return `week ${Number(id.slice(6))} of ${y} (${day(w.from)} to ${day(
        last,
      )})`;
    }
  }
}

/**
 * Pack periods: ISO weeks, months, quarters and half-years (UTC), shared by
 * the backend and the portal.
 */
import { PackPeriodKind } from './packs';

const DAY = 86_400_000;
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

/** A pack period's kind and its [from, to) window (UTC). @public */
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

/**
 * The window of `2026-W42`, `2026-11`, `2026-Q3` or `2026-H2`; undefined
 * for anything else. @public
 */
export function parsePackPeriod(id: string): PackPeriodWindow | undefined {
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
  return undefined;
}

/** The id of the period of `kind` holding the instant `t`. @public */
export function packPeriodOf(kind: PackPeriodKind, t: Date): string {
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

/** The period `n` periods after a valid period id (before, for negative n). @public */
export function shiftPackPeriod(id: string, n: number): string {
  const w = mustParse(id);
  if (w.kind === 'week') {
    return packPeriodOf('week', new Date(w.from.getTime() + n * 7 * DAY));
  }
  const months = { month: 1, quarter: 3, half: 6 }[w.kind];
  const from = utc(w.from.getUTCFullYear(), w.from.getUTCMonth() + n * months);
  return packPeriodOf(w.kind, from);
}

/**
 * The same period a year earlier: the month, quarter or half of the year
 * before; for weeks the same ISO week number (week 53 becomes 52 in a year
 * without one). @public
 */
export function yearAgoPackPeriod(id: string): string {
  const w = mustParse(id);
  if (w.kind !== 'week') {
    return `${Number(id.slice(0, 4)) - 1}${id.slice(4)}`;
  }
  const year = Number(id.slice(0, 4)) - 1;
  return weekId(year, Math.min(Number(id.slice(6)), isoWeeksIn(year)));
}

/** The last period of `kind` that is over at `now`. @public */
export function lastFullPackPeriod(kind: PackPeriodKind, now: Date): string {
  return shiftPackPeriod(packPeriodOf(kind, now), -1);
}

/** How many periods a pack's trend shows, the current one included. @public */
export function packTrendLength(kind: PackPeriodKind): number {
  return { week: 13, month: 12, quarter: 6, half: 4 }[kind];
}

function mustParse(id: string): PackPeriodWindow {
  const w = parsePackPeriod(id);
  if (!w) throw new Error(`Not a pack period: '${id}'`);
  return w;
}

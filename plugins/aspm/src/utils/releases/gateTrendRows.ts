import { GateTrendWeek } from '@aspm/plugin-aspm-common';

/** One week of the gate trend, ready for a chart or a table. */
export interface GateTrendRow extends GateTrendWeek {
  /** The week's Monday, short, in the user's locale ("Mar 2"). */
  label: string;
  /** The week's Monday with its year ("Mar 2, 2026"). */
  longLabel: string;
  /** Gated candidates of the week. */
  total: number;
}

/** Totals of a gate trend. */
export interface GateTrendTotals {
  firstPass: number;
  passedAfterRerun: number;
  blocked: number;
  total: number;
}

/**
 * The weeks of a gate trend with their labels and totals, oldest first as
 * the API answers them. `weekStart` is a UTC date: it is formatted in UTC,
 * so that the Monday stays a Monday west of Greenwich.
 */
export function gateTrendRows(
  weeks: GateTrendWeek[],
  locale?: string,
): { rows: GateTrendRow[]; totals: GateTrendTotals } {
  const short = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const long = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const totals: GateTrendTotals = {
    firstPass: 0,
    passedAfterRerun: 0,
    blocked: 0,
    total: 0,
  };
  const rows = weeks.map(week => {
    const date = new Date(`${week.weekStart}T00:00:00Z`);
    const valid = !Number.isNaN(date.getTime());
    const total = week.firstPass + week.passedAfterRerun + week.blocked;
    totals.firstPass += week.firstPass;
    totals.passedAfterRerun += week.passedAfterRerun;
    totals.blocked += week.blocked;
    totals.total += total;
    return {
      ...week,
      label: valid ? short.format(date) : week.weekStart,
      longLabel: valid ? long.format(date) : week.weekStart,
      total,
    };
  });
  return { rows, totals };
}

const plural = (n: number, one: string, other: string) =>
  `${n} ${n === 1 ? one : other}`;

/**
 * What the gate trend chart shows, in one sentence for screen readers:
 * "Gate outcomes of the last 26 weeks: 12 release candidates, 8 passed
 * first time, 2 passed after re-run, 2 blocked".
 */
export function gateTrendSummary(
  totals: GateTrendTotals,
  weeks: number,
): string {
  const period = `Gate outcomes of the last ${plural(weeks, 'week', 'weeks')}`;
  if (totals.total === 0) return `${period}: no gated release candidates`;
  return `${period}: ${plural(
    totals.total,
    'release candidate',
    'release candidates',
  )}, ${totals.firstPass} passed first time, ${
    totals.passedAfterRerun
  } passed after re-run, ${totals.blocked} blocked`;
}

/** Release blocks by root cause, most frequent first (then by name). */
export function blockedByEntries(
  blockedBy: Record<string, number>,
): Array<{ type: string; count: number }> {
  return Object.entries(blockedBy)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

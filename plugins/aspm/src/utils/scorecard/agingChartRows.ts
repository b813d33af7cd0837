import {
  ScorecardAgingBucket,
  ScorecardAgingPoint,
} from '@aspm/plugin-aspm-common';

/** One bar of the aging chart (or row of its table). */
export interface AgingBucketRow {
  label: string;
  critical: number;
  high: number;
  pastSla: number;
  bucket: ScorecardAgingBucket;
}

/** The chart's rows, youngest bucket first. */
export function agingBucketRows(
  buckets: ScorecardAgingBucket[],
): AgingBucketRow[] {
  return buckets.map(b => ({
    label: b.label,
    critical: b.critical.length,
    high: b.high.length,
    pastSla: b.pastSla.length,
    bucket: b,
  }));
}

/** One point of the weekly open-count trend. */
export interface AgingTrendRow {
  /** The week's Monday, short, in the user's locale. */
  label: string;
  /** The week, long ("week of 16 Feb 2026", "this week so far"). */
  longLabel: string;
  critical: number;
  high: number;
  pastSla: number;
}

/** The trend's rows, oldest week first. */
export function agingTrendRows(
  points: ScorecardAgingPoint[],
  locale?: string,
): AgingTrendRow[] {
  return points.map(p => {
    const monday = new Date(`${p.weekStart}T00:00:00Z`);
    const short = monday.toLocaleDateString(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const long = monday.toLocaleDateString(locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    return {
      label: short,
      longLabel: p.partial ? `week of ${long} (so far)` : `week of ${long}`,
      critical: p.critical,
      high: p.high,
      pastSla: p.pastSla,
    };
  });
}

/** The text alternative of the bucket chart, stating every bar. */
export function agingBucketsSummary(rows: AgingBucketRow[]): string {
  const total = rows.reduce((s, r) => s + r.critical + r.high, 0);
  if (total === 0) return 'No open critical or high findings';
  return `Open critical and high findings by age: ${rows
    .map(
      r =>
        `${r.label}: ${r.critical} critical, ${r.high} high, ${r.pastSla} past SLA`,
    )
    .join('; ')}`;
}

/** The text alternative of the trend chart, stating every week. */
export function agingTrendSummary(rows: AgingTrendRow[]): string {
  if (!rows.length) return 'No weeks to show';
  return `Open critical and high findings per week: ${rows
    .map(
      r =>
        `${r.longLabel}: ${r.critical} critical, ${r.high} high, ${r.pastSla} past SLA`,
    )
    .join('; ')}`;
}

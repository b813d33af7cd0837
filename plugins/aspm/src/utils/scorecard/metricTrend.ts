import {
  ScorecardMetric,
  ScorecardMetricPoint,
} from '@aspm/plugin-aspm-common';
import { formatMetricValue } from './formatMetricValue';

/** One point of a metric's sparkline. */
export interface MetricTrendRow {
  /** The day, short, in the user's locale. */
  label: string;
  value: number | null;
  /** The value in the metric's unit. */
  text: string;
}

/** A metric's trend points for a chart, oldest first. */
export function metricTrendRows(
  points: ScorecardMetricPoint[],
  unit: ScorecardMetric['unit'],
  locale?: string,
): MetricTrendRow[] {
  return points.map(p => ({
    label: new Date(p.asOf).toLocaleDateString(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }),
    value: p.value,
    text: formatMetricValue(p.value, unit, locale),
  }));
}

/** The sparkline's text alternative: every week's value. */
export function metricTrendSummary(
  title: string,
  rows: MetricTrendRow[],
): string {
  if (!rows.length) return `${title}: no trend`;
  return `${title} per week: ${rows
    .map(r => `${r.label} ${r.text}`)
    .join(', ')}`;
}

/** Metrics with something to measure first, the rest (no data) after. */
export function metricsWithDataFirst<T extends { status: string }>(
  metrics: T[],
): T[] {
  return [
    ...metrics.filter(m => m.status !== 'no-data'),
    ...metrics.filter(m => m.status === 'no-data'),
  ];
}

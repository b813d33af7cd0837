import { PackMetric } from '@aspm/plugin-aspm-common';
import { formatPackValue } from './formatPackValue';
import { packPeriodLabel } from './packPeriodOptions';

/** One period of a metric's trend chart: the scope's value and each unit's. */
export type TrendChartRow = {
  period: string;
  label: string;
  value: number | null;
} & Record<string, number | null | string>;

/** A counting change on the chart: where, and what it did. */
export interface TrendMarker {
  period: string;
  label: string;
  text: string;
}

/** A metric's trend chart: rows, business unit series, markers, and a text summary. */
export interface TrendChartData {
  rows: TrendChartRow[];
  series: Array<{ key: string; name: string }>;
  markers: TrendMarker[];
  summary: string;
}

/** The key of a business unit's series in the chart rows. */
export const seriesKey = (i: number) => `bu${i}`;

/**
 * The chart of a pack metric: the scope's series and one per business unit
 * (org packs), the counting changes as markers, and a sentence saying the
 * same for screen readers.
 */
export function metricTrendChartData(
  metric: PackMetric,
  scopeTitle: string,
  locale?: string,
): TrendChartData {
  const series = metric.byBusinessUnit.map((b, i) => ({
    key: seriesKey(i),
    name: b.title,
  }));
  const rows: TrendChartRow[] = metric.points.map((p, i) => {
    const row: TrendChartRow = {
      period: p.period,
      label: packPeriodLabel(p.period, locale),
      value: p.value,
    };
    metric.byBusinessUnit.forEach((b, j) => {
      row[seriesKey(j)] = b.points[i]?.value ?? null;
    });
    return row;
  });
  const markers: TrendMarker[] = metric.points.flatMap(p =>
    p.countingChanges?.length
      ? [
          {
            period: p.period,
            label: packPeriodLabel(p.period, locale),
            text: [...new Set(p.countingChanges.map(c => c.description))].join(
              '; ',
            ),
          },
        ]
      : [],
  );
  const known = metric.points.filter(p => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const summary = first
    ? `${metric.title} for ${scopeTitle}: ${formatPackValue(
        metric.unit,
        first.value,
        locale,
      )} in ${packPeriodLabel(first.period, locale)}, ${formatPackValue(
        metric.unit,
        last.value,
        locale,
      )} in ${packPeriodLabel(last.period, locale)}${
        markers.length
          ? `; ${markers.length} counting ${
              markers.length === 1 ? 'change' : 'changes'
            } marked`
          : ''
      }.`
    : `${metric.title} for ${scopeTitle}: no data in these periods.`;
  return { rows, series, markers, summary };
}

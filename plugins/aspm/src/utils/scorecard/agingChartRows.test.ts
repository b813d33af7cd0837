import { ScorecardAgingPoint } from '@aspm/plugin-aspm-common';
import {
  agingBucketRows,
  agingBucketsSummary,
  agingTrendRows,
  agingTrendSummary,
} from './agingChartRows';

/** A bucket with `critical` and `high` findings, the first `past` of them past SLA. */
const bucket = (label: string, critical: number, high: number, past = 0) => {
  const ids = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => from + i);
  return {
    label,
    minDays: 0,
    critical: ids(critical, 1),
    high: ids(high, 100),
    pastSla: ids(past, 1),
  };
};

describe('aging chart rows', () => {
  it('states every bucket in the text alternative', () => {
    const rows = agingBucketRows([
      bucket('0–7 days', 0, 1),
      bucket('8–14 days', 2, 0, 1),
    ]);
    expect(rows.map(r => [r.label, r.critical, r.high])).toEqual([
      ['0–7 days', 0, 1],
      ['8–14 days', 2, 0],
    ]);
    expect(agingBucketsSummary(rows)).toBe(
      'Open critical and high findings by age: 0–7 days: 0 critical, 1 high, 0 past SLA; 8–14 days: 2 critical, 0 high, 1 past SLA',
    );
    expect(agingBucketsSummary(agingBucketRows([bucket('x', 0, 0)]))).toBe(
      'No open critical or high findings',
    );
  });

  it('labels weeks by their Monday in the locale, the current one as so far', () => {
    const points: ScorecardAgingPoint[] = [
      {
        weekStart: '2026-02-23',
        asOf: '2026-03-01T23:59:59.999Z',
        critical: 1,
        high: 2,
        pastSla: 1,
        partial: false,
      },
      {
        weekStart: '2026-03-02',
        asOf: '2026-03-02T12:00:00.000Z',
        critical: 1,
        high: 1,
        pastSla: 1,
        partial: true,
      },
    ];
    const rows = agingTrendRows(points, 'en-GB');
    expect(rows.map(r => [r.label, r.longLabel])).toEqual([
      ['23 Feb', 'week of 23 Feb 2026'],
      ['2 Mar', 'week of 2 Mar 2026 (so far)'],
    ]);
    expect(agingTrendSummary(rows)).toMatch(
      /^Open critical and high findings per week: week of 23 Feb 2026: 1 critical, 2 high, 1 past SLA; /,
    );
  });
});

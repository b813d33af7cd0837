import {
  metricTrendRows,
  metricTrendSummary,
  metricsWithDataFirst,
} from './metricTrend';

describe('metric trend rows', () => {
  it('labels each week and formats its value in the unit', () => {
    const rows = metricTrendRows(
      [
        { asOf: '2026-02-22T23:59:59.999Z', value: 0.5, source: 'snapshot' },
        { asOf: '2026-03-02T12:00:00.000Z', value: null, source: 'computed' },
      ],
      'ratio',
      'en-GB',
    );
    expect(rows).toEqual([
      { label: '22 Feb', value: 0.5, text: '50.0%' },
      { label: '2 Mar', value: null, text: '—' },
    ]);
    expect(metricTrendSummary('Coverage', rows)).toBe(
      'Coverage per week: 22 Feb 50.0%, 2 Mar —',
    );
  });

  it('puts metrics without data last, keeping the order otherwise', () => {
    expect(
      metricsWithDataFirst([
        { id: 'a', status: 'no-data' },
        { id: 'b', status: 'met' },
        { id: 'c', status: 'not-met' },
      ]).map(m => m.id),
    ).toEqual(['b', 'c', 'a']);
  });
});

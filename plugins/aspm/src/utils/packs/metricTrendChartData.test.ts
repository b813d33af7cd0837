import { demoPack } from '../../__testUtils__/packFixtures';
import { metricTrendChartData, seriesKey } from './metricTrendChartData';

const backlog = () => {
  const scorecard = demoPack().sections[1].blocks[0] as any;
  return scorecard.metrics.find(
    (m: any) => m.id === 'risk_weighted_critical_backlog',
  );
};

describe('metricTrendChartData', () => {
  it('gives a row per period with the scope and each business unit, and the counting changes', () => {
    const data = metricTrendChartData(backlog(), 'Organisation', 'en-GB');
    expect(data.series).toEqual([
      { key: seriesKey(0), name: 'Commerce' },
      { key: seriesKey(1), name: 'Payments' },
    ]);
    expect(data.rows).toEqual([
      {
        period: '2026-09',
        label: 'September 2026',
        value: 500,
        bu0: 200,
        bu1: 300,
      },
      {
        period: '2026-10',
        label: 'October 2026',
        value: 540,
        bu0: 240,
        bu1: 300,
      },
      {
        period: '2026-11',
        label: 'November 2026',
        value: 640,
        bu0: 240,
        bu1: 400,
      },
    ]);
    expect(data.markers).toEqual([
      {
        period: '2026-10',
        label: 'October 2026',
        text: 'grype started reporting (on 3 entities)',
      },
    ]);
    expect(data.summary).toBe(
      'Risk-weighted critical backlog for Organisation: 500 pts in September 2026, 640 pts in November 2026; 1 counting change marked.',
    );
  });

  it('says when there is no data', () => {
    const metric = {
      ...backlog(),
      points: [{ period: '2026-11', value: null }],
      byBusinessUnit: [],
    };
    expect(metricTrendChartData(metric, 'Payments').summary).toBe(
      'Risk-weighted critical backlog for Payments: no data in these periods.',
    );
  });
});

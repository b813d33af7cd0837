import { ScorecardAging } from '@aspm/plugin-aspm-common';
import { slaLineBucket, slaText } from './slaText';

const bucket = (label: string, minDays: number, maxDays?: number) => ({
  label,
  minDays,
  maxDays,
  critical: [],
  high: [],
  pastSla: [],
});

const aging = (slaDays: ScorecardAging['slaDays']): ScorecardAging => ({
  slaDays,
  open: { critical: [], high: [] },
  pastSla: { critical: [], high: [] },
  buckets: [
    bucket('0–7 days', 0, 8),
    bucket('8–14 days', 8, 15),
    bucket('over 14 days', 15),
  ],
  trend: [],
});

describe('slaText and slaLineBucket', () => {
  it('states the SLA of each tier, most critical first', () => {
    expect(
      slaText({
        untiered: { critical: 30, high: 60 },
        '1': { critical: 7, high: 30 },
      }),
    ).toBe(
      'critical 7 days, high 30 days (tier 1); critical 30 days, high 60 days (untiered)',
    );
  });

  it('draws the critical SLA line in its bucket when the scope has one tier', () => {
    expect(slaLineBucket(aging({ '1': { critical: 7, high: 30 } }))).toEqual({
      label: '0–7 days',
      text: 'critical SLA 7 d',
    });
    expect(slaLineBucket(aging({ '2': { critical: 14 } }))?.label).toBe(
      '8–14 days',
    );
    expect(
      slaLineBucket(aging({ '1': { critical: 7 }, '2': { critical: 14 } })),
    ).toBeUndefined();
  });
});

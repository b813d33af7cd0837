import {
  directionLabel,
  formatMetricTarget,
  formatMetricValue,
  metricStatusLabel,
  metricStatusSeverity,
} from './formatMetricValue';

describe('formatMetricValue', () => {
  it('formats each unit', () => {
    expect(formatMetricValue(0.925, 'ratio', 'en-GB')).toBe('92.5%');
    expect(formatMetricValue(12.34, 'days', 'en-GB')).toBe('12.3 days');
    expect(formatMetricValue(1, 'days', 'en-GB')).toBe('1 day');
    expect(formatMetricValue(1200, 'points', 'en-GB')).toBe('1,200 points');
    expect(formatMetricValue(33.333, 'per100', 'en-GB')).toBe(
      '33.33 per 100 repositories',
    );
    expect(formatMetricValue(3, 'count', 'en-GB')).toBe('3');
    expect(formatMetricValue(null, 'ratio')).toBe('—');
  });

  it('states targets, directions and statuses in words', () => {
    expect(
      formatMetricTarget({ op: '>=', value: 0.95 }, 'ratio', 'en-GB'),
    ).toBe('≥ 95.0%');
    expect(formatMetricTarget({ op: '<', value: 14 }, 'days', 'en-GB')).toBe(
      '< 14 days',
    );
    expect(formatMetricTarget(undefined, 'points')).toBe('Must not worsen');
    expect(directionLabel('worsening')).toBe('Worsening');
    expect(directionLabel(undefined)).toBe('No comparison');
    expect(metricStatusSeverity('not-met')).toBe('error');
    expect(metricStatusSeverity('no-data')).toBe('neutral');
    expect(metricStatusLabel('met')).toBe('Meets target');
  });
});

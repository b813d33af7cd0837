import { metricDirection, metricStatus } from './metricStatus';

describe('metricStatus', () => {
  it('compares against the target, and says no-data without a value', () => {
    expect(metricStatus(0.96, { op: '>=', value: 0.95 }, undefined)).toBe(
      'met',
    );
    expect(metricStatus(0.94, { op: '>=', value: 0.95 }, undefined)).toBe(
      'not-met',
    );
    expect(metricStatus(14, { op: '<', value: 14 }, undefined)).toBe('not-met');
    expect(metricStatus(null, { op: '<', value: 14 }, 'improving')).toBe(
      'no-data',
    );
  });

  it('without a target, a metric must not get worse', () => {
    expect(metricStatus(5, undefined, 'flat')).toBe('met');
    expect(metricStatus(5, undefined, 'worsening')).toBe('not-met');
    expect(metricStatus(5, undefined, undefined)).toBe('no-data');
  });
});

describe('metricDirection', () => {
  it('is flat within the band, else improving or worsening by which way is better', () => {
    expect(metricDirection(101, 100, false, 0.02)).toBe('flat');
    expect(metricDirection(110, 100, false, 0.02)).toBe('worsening');
    expect(metricDirection(110, 100, true, 0.02)).toBe('improving');
    expect(metricDirection(0, 0, true, 0.02)).toBe('flat');
    expect(metricDirection(1, 0, false, 0.02)).toBe('worsening');
    expect(metricDirection(1, null, false, 0.02)).toBeUndefined();
  });
});

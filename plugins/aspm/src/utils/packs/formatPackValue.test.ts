import {
  formatPackCell,
  formatPackValue,
  formatTarget,
  statusLabel,
} from './formatPackValue';

describe('formatPackValue', () => {
  it('formats each unit in the locale', () => {
    expect(formatPackValue('ratio', 0.925, 'en-GB')).toBe('92.5%');
    expect(formatPackValue('days', 12.34, 'en-GB')).toBe('12.3 days');
    expect(formatPackValue('points', 1240.4, 'en-GB')).toBe('1,240 pts');
    expect(formatPackValue('points', 1240.4, 'de-DE')).toBe('1.240 pts');
    expect(formatPackValue('per100', 26.31, 'en-GB')).toBe('26.3 / 100 repos');
    expect(formatPackValue('perWeek', 2.46, 'en-GB')).toBe('2.5 / week');
    expect(formatPackValue('count', 7, 'en-GB')).toBe('7');
    expect(formatPackValue('ratio', null)).toBe('—');
    expect(formatPackValue('days', undefined)).toBe('—');
  });

  it('formats cells by column type, statuses and targets in words', () => {
    expect(formatPackCell('count', 3, 'en-GB')).toBe('3');
    expect(formatPackCell('text', 'SCA gate')).toBe('SCA gate');
    expect(formatPackCell('status', 'not-met')).toBe('Not met');
    expect(formatPackCell('date', '2026-11-05T00:00:00.000Z', 'en-GB')).toBe(
      '5 Nov 2026',
    );
    expect(formatPackCell('ratio', null)).toBe('—');
    expect(formatPackCell('entity', '')).toBe('—');
    expect(statusLabel('met')).toBe('Met');
    expect(formatTarget('ratio', { op: '>=', value: 0.95 }, 'en-GB')).toBe(
      '≥ 95.0%',
    );
    expect(formatTarget('days', { op: '<', value: 14 }, 'en-GB')).toBe(
      '< 14 days',
    );
    expect(formatTarget('points', undefined)).toBe('must not worsen');
  });
});

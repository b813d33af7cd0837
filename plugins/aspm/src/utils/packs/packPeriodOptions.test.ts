import {
  PERIOD_KINDS,
  defaultPackPeriod,
  packPeriodKind,
  packPeriodLabel,
  packPeriodOptions,
  periodForKind,
} from './packPeriodOptions';

const NOW = new Date('2026-12-03T08:00:00Z');

describe('pack period options', () => {
  it('names periods in the locale', () => {
    expect(packPeriodLabel('2026-11', 'en-GB')).toBe('November 2026');
    expect(packPeriodLabel('2026-11', 'de-DE')).toBe('November 2026');
    expect(packPeriodLabel('2026-03', 'fr-FR')).toBe('mars 2026');
    expect(packPeriodLabel('2026-Q3')).toBe('Q3 2026');
    expect(packPeriodLabel('2026-H2')).toBe('H2 2026');
    expect(packPeriodLabel('2026-W42', 'en-GB')).toBe(
      'Week 42, 2026 (12 Oct – 18 Oct)',
    );
    expect(packPeriodLabel('not-a-period')).toBe('not-a-period');
  });

  it('offers the running period, then the full ones newest first', () => {
    const months = packPeriodOptions('month', NOW, 'en-GB');
    expect(months.slice(0, 3)).toEqual([
      { id: '2026-12', label: 'December 2026 (so far)', running: true },
      { id: '2026-11', label: 'November 2026', running: false },
      { id: '2026-10', label: 'October 2026', running: false },
    ]);
    expect(months).toHaveLength(25);
    expect(months[24].id).toBe('2024-12');
    expect(packPeriodOptions('half', NOW).map(o => o.id)).toEqual([
      '2026-H2',
      '2026-H1',
      '2025-H2',
      '2025-H1',
      '2024-H2',
    ]);
    expect(packPeriodOptions('week', NOW)[1].id).toBe('2026-W48');
  });

  it('gives the board half-years, and picks the last full period of a length', () => {
    expect(PERIOD_KINDS.board).toContain('half');
    expect(PERIOD_KINDS.leadership).not.toContain('half');
    expect(defaultPackPeriod(NOW)).toBe('2026-11');
    expect(periodForKind('quarter', NOW)).toBe('2026-Q3');
    expect(packPeriodKind('2026-W01')).toBe('week');
    expect(packPeriodKind('garbage')).toBe('month');
  });
});

import {
  lastFullPeriod,
  packPeriodWindow,
  periodLabel,
  periodOf,
  shiftPeriod,
  trendLength,
  yearAgoPeriod,
} from './packPeriods';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('pack periods', () => {
  it('gives the window of weeks, months, quarters and half-years', () => {
    expect(packPeriodWindow('2026-11')).toEqual({
      id: '2026-11',
      kind: 'month',
      from: day('2026-11-01'),
      to: day('2026-12-01'),
    });
    expect(packPeriodWindow('2026-Q4')).toMatchObject({
      kind: 'quarter',
      from: day('2026-10-01'),
      to: day('2027-01-01'),
    });
    expect(packPeriodWindow('2026-H1')).toMatchObject({
      kind: 'half',
      from: day('2026-01-01'),
      to: day('2026-07-01'),
    });
    // ISO week 1 of 2026 starts Monday 29 December 2025.
    expect(packPeriodWindow('2026-W01')).toMatchObject({
      kind: 'week',
      from: day('2025-12-29'),
      to: day('2026-01-05'),
    });
    expect(packPeriodWindow('2026-W53')).toMatchObject({
      from: day('2026-12-28'),
    });
    expect(() => packPeriodWindow('2025-W53')).toThrow(/period/);
    expect(() => packPeriodWindow('2026-13')).toThrow(/half-year \(2026-H2\)/);
  });

  it('shifts across year ends and finds the period holding an instant', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-H1', -1)).toBe('2025-H2');
    expect(shiftPeriod('2026-W01', -1)).toBe('2025-W52');
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriod('2026-11', -11)).toBe('2025-12');
    expect(periodOf('week', day('2027-01-01'))).toBe('2026-W53');
    expect(periodOf('quarter', day('2026-12-31'))).toBe('2026-Q4');
    expect(lastFullPeriod('month', day('2026-12-01'))).toBe('2026-11');
    expect(lastFullPeriod('half', day('2026-12-01'))).toBe('2026-H1');
    expect(lastFullPeriod('week', new Date('2026-12-02T10:00:00Z'))).toBe(
      '2026-W48',
    );
  });

  it('compares with the same period a year earlier', () => {
    expect(yearAgoPeriod('2026-11')).toBe('2025-11');
    expect(yearAgoPeriod('2026-Q3')).toBe('2025-Q3');
    expect(yearAgoPeriod('2026-H2')).toBe('2025-H2');
    expect(yearAgoPeriod('2026-W42')).toBe('2025-W42');
    // 2025 has 52 ISO weeks.
    expect(yearAgoPeriod('2026-W53')).toBe('2025-W52');
    expect(trendLength('month')).toBe(12);
  });

  it('names periods in words', () => {
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(periodLabel('2026-Q3')).toBe('Q3 2026');
    expect(periodLabel('2026-H2')).toBe('H2 2026');
    expect(periodLabel('2026-W42')).toBe('week 42 of 2026 (12 Oct to 18 Oct)');
  });
});

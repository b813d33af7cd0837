import { endOf, t } from '../../__testUtils__/operatingWorld';
import { operatingMonthWindows } from './operatingMonthWindows';
import { operatingWeekWindows } from './operatingWeekWindows';

const iso = (w: {
  asOf: number;
  from: number;
  to: number;
  partial: boolean;
}) => ({
  asOf: new Date(w.asOf).toISOString(),
  from: new Date(w.from).toISOString(),
  to: new Date(w.to).toISOString(),
  partial: w.partial,
});

describe('operatingWeekWindows', () => {
  it('gives ISO weeks Monday to Sunday, the last one cut at asOf', () => {
    // 2026-11-18 is a Wednesday: its week began on Monday 2026-11-16.
    expect(operatingWeekWindows(endOf('2026-11-18'), 3).map(iso)).toEqual([
      {
        asOf: '2026-11-08T23:59:59.999Z',
        from: '2026-11-02T00:00:00.000Z',
        to: '2026-11-09T00:00:00.000Z',
        partial: false,
      },
      {
        asOf: '2026-11-15T23:59:59.999Z',
        from: '2026-11-09T00:00:00.000Z',
        to: '2026-11-16T00:00:00.000Z',
        partial: false,
      },
      {
        asOf: '2026-11-18T23:59:59.999Z',
        from: '2026-11-16T00:00:00.000Z',
        to: '2026-11-19T00:00:00.000Z',
        partial: true,
      },
    ]);
  });

  it('treats a Sunday asOf as a whole week, and a Monday as the first day of one', () => {
    const sunday = operatingWeekWindows(endOf('2026-11-22'), 1).map(iso);
    expect(sunday).toEqual([
      {
        asOf: '2026-11-22T23:59:59.999Z',
        from: '2026-11-16T00:00:00.000Z',
        to: '2026-11-23T00:00:00.000Z',
        partial: false,
      },
    ]);
    // Mid-morning on a Monday (asOf = now): a week of ten hours.
    const monday = operatingWeekWindows(t('2026-11-23T10:00:00Z'), 2).map(iso);
    expect(monday[1]).toEqual({
      asOf: '2026-11-23T10:00:00.000Z',
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-23T10:00:00.001Z',
      partial: true,
    });
    expect(monday[0].from).toBe('2026-11-16T00:00:00.000Z');
    // Weeks run across the new year: 2026-01-01 is a Thursday.
    expect(operatingWeekWindows(endOf('2026-01-01'), 1)[0].from).toBe(
      t('2025-12-29'),
    );
    expect(operatingWeekWindows(endOf('2026-01-01'), 0)).toEqual([]);
  });
});

describe('operatingMonthWindows', () => {
  it('gives calendar months, the last one cut at asOf, across a year end', () => {
    expect(operatingMonthWindows(endOf('2026-02-10'), 3).map(iso)).toEqual([
      {
        asOf: '2025-12-31T23:59:59.999Z',
        from: '2025-12-01T00:00:00.000Z',
        to: '2026-01-01T00:00:00.000Z',
        partial: false,
      },
      {
        asOf: '2026-01-31T23:59:59.999Z',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
        partial: false,
      },
      {
        asOf: '2026-02-10T23:59:59.999Z',
        from: '2026-02-01T00:00:00.000Z',
        to: '2026-02-11T00:00:00.000Z',
        partial: true,
      },
    ]);
  });

  it('treats the last day of a month as the whole month (leap February too)', () => {
    expect(operatingMonthWindows(endOf('2028-02-29'), 1).map(iso)).toEqual([
      {
        asOf: '2028-02-29T23:59:59.999Z',
        from: '2028-02-01T00:00:00.000Z',
        to: '2028-03-01T00:00:00.000Z',
        partial: false,
      },
    ]);
  });
});

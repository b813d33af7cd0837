import { metricWindow, parsePeriod } from './metricWindow';

const iso = (d: Date) => d.toISOString();
const NOW = new Date('2026-11-20T10:00:00Z');

describe('parsePeriod', () => {
  it('reads months, quarters and ISO weeks as [from, to)', () => {
    const month = parsePeriod('2026-10');
    expect([iso(month.from), iso(month.to)]).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ]);
    const quarter = parsePeriod('2026-Q4');
    expect([iso(quarter.from), iso(quarter.to)]).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    // ISO week 1 of 2026 starts on Monday 2025-12-29 (it holds Jan 4th).
    expect(iso(parsePeriod('2026-W01').from)).toBe('2025-12-29T00:00:00.000Z');
    const w42 = parsePeriod('2026-W42');
    expect([iso(w42.from), iso(w42.to)]).toEqual([
      '2026-10-12T00:00:00.000Z',
      '2026-10-19T00:00:00.000Z',
    ]);
    // 2026 has 53 ISO weeks (it starts on a Thursday); 2027 has 52.
    expect(iso(parsePeriod('2026-W53').from)).toBe('2026-12-28T00:00:00.000Z');
    expect(() => parsePeriod('2027-W53')).toThrow(/ISO week/);
  });

  it('names the problem for anything else', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026', 'last month']) {
      expect(() => parsePeriod(bad)).toThrow(/period: must be a month/);
    }
  });
});

describe('metricWindow', () => {
  it('defaults to the 90 days ending with today, asOf capped at now', () => {
    const w = metricWindow({}, 90, NOW);
    expect(iso(w.asOf)).toBe(iso(NOW));
    expect(iso(w.to)).toBe('2026-11-21T00:00:00.000Z');
    expect(iso(w.from)).toBe('2026-08-23T00:00:00.000Z');
  });

  it('takes asOf as the end of its UTC day', () => {
    const w = metricWindow({ asOf: '2026-10-31' }, 30, NOW);
    expect(iso(w.asOf)).toBe('2026-10-31T23:59:59.999Z');
    expect(iso(w.from)).toBe('2026-10-02T00:00:00.000Z');
  });

  it('reads a period as of its last day', () => {
    const w = metricWindow({ period: '2026-Q3' }, 90, NOW);
    expect(iso(w.asOf)).toBe('2026-09-30T23:59:59.999Z');
    expect(iso(w.from)).toBe('2026-07-01T00:00:00.000Z');
    expect(iso(w.to)).toBe('2026-10-01T00:00:00.000Z');
  });

  it('refuses an empty window', () => {
    expect(() =>
      metricWindow({ from: '2026-10-05', to: '2026-10-01' }, 90, NOW),
    ).toThrow(/window is empty/);
  });
});

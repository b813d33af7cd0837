import {
  blockedByEntries,
  gateTrendRows,
  gateTrendSummary,
} from './gateTrendRows';

const weeks = [
  { weekStart: '2026-02-16', firstPass: 3, passedAfterRerun: 1, blocked: 0 },
  { weekStart: '2026-02-23', firstPass: 1, passedAfterRerun: 0, blocked: 2 },
  { weekStart: '2026-03-02', firstPass: 0, passedAfterRerun: 0, blocked: 0 },
];

describe('gateTrendRows', () => {
  it('labels each week by its Monday in the locale, and adds totals', () => {
    const { rows, totals } = gateTrendRows(weeks, 'en-US');
    expect(rows.map(r => [r.label, r.longLabel, r.total])).toEqual([
      ['Feb 16', 'Feb 16, 2026', 4],
      ['Feb 23', 'Feb 23, 2026', 3],
      ['Mar 2', 'Mar 2, 2026', 0],
    ]);
    expect(rows[0]).toMatchObject(weeks[0]);
    expect(totals).toEqual({
      firstPass: 4,
      passedAfterRerun: 1,
      blocked: 2,
      total: 7,
    });
  });

  it('speaks the given locale and keeps the UTC Monday', () => {
    expect(gateTrendRows(weeks, 'de-DE').rows[2].longLabel).toBe('02.03.2026');
  });

  it('has zero totals without weeks, and keeps an unreadable date as it is', () => {
    expect(gateTrendRows([]).totals.total).toBe(0);
    expect(
      gateTrendRows([{ ...weeks[0], weekStart: 'soon' }]).rows[0].label,
    ).toBe('soon');
  });
});

describe('gateTrendSummary', () => {
  it('sums the chart up in a sentence', () => {
    const { totals } = gateTrendRows(weeks);
    expect(gateTrendSummary(totals, 26)).toBe(
      'Gate outcomes of the last 26 weeks: 7 release candidates, 4 passed first time, 1 passed after re-run, 2 blocked',
    );
    expect(
      gateTrendSummary(
        { firstPass: 1, passedAfterRerun: 0, blocked: 0, total: 1 },
        1,
      ),
    ).toBe(
      'Gate outcomes of the last 1 week: 1 release candidate, 1 passed first time, 0 passed after re-run, 0 blocked',
    );
    expect(gateTrendSummary(gateTrendRows([]).totals, 26)).toBe(
      'Gate outcomes of the last 26 weeks: no gated release candidates',
    );
  });
});

describe('blockedByEntries', () => {
  it('orders root causes by count, then name, without zeros', () => {
    expect(blockedByEntries({ secrets: 1, sca: 3, iac: 1, dast: 0 })).toEqual([
      { type: 'sca', count: 3 },
      { type: 'iac', count: 1 },
      { type: 'secrets', count: 1 },
    ]);
    expect(blockedByEntries({})).toEqual([]);
  });
});

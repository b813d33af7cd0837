import {
  demoReport,
  invoiceRenderer,
  paymentsApi,
} from '../__testUtils__/fixtures';
import {
  chartAriaLabel,
  entityFindings,
  segmentLabel,
  sortSegmentsWorstFirst,
  tierSegmentStatus,
  toChartData,
  worstEntityStatus,
} from './ownership';

describe('sortSegmentsWorstFirst', () => {
  it('puts the lowest ratio first, bigger segments first on ties', () => {
    const shuffled = [...demoReport.segments].reverse();
    // 9/10 = 90.0% is worse than 10/11 = 90.9%.
    expect(sortSegmentsWorstFirst(shuffled).map(s => s.label)).toEqual([
      'Commerce',
      'Platform & Infrastructure',
      'Payments',
      'Data & Analytics',
      'No business unit',
    ]);
  });

  it('puts empty segments last and does not mutate its input', () => {
    const segments = [
      { label: 'Empty', numerator: 0, denominator: 0 },
      { label: 'Half', numerator: 1, denominator: 2, ratio: 0.5 },
    ];
    expect(sortSegmentsWorstFirst(segments).map(s => s.label)).toEqual([
      'Half',
      'Empty',
    ]);
    expect(segments[0].label).toBe('Empty');
  });
});

describe('tierSegmentStatus', () => {
  it('compares tiers with a target, and flags untiered entities as a gap', () => {
    expect(demoReport.byTier.map(tierSegmentStatus)).toEqual([
      'meets-target',
      'below-target',
      'no-target',
      'gap',
    ]);
  });

  it('computes the status when the server did not', () => {
    expect(
      tierSegmentStatus({
        key: '1',
        label: 'Tier 1',
        numerator: 1,
        denominator: 2,
        ratio: 0.5,
        target: 1,
      }),
    ).toBe('below-target');
    expect(
      tierSegmentStatus({ label: 'Untiered', numerator: 0, denominator: 0 }),
    ).toBe('no-target');
  });
});

describe('chart data', () => {
  it('turns segments into percentages and states them in words', () => {
    const data = toChartData(demoReport.segments, 'No business unit');
    expect(data[0]).toEqual({
      label: 'Payments',
      percent: 90.9,
      owned: 10,
      total: 11,
    });
    expect(chartAriaLabel('By business unit', data, 'en-US')).toBe(
      'By business unit: Payments 90.9% (10 of 11), Commerce 90.0% (9 of 10), ' +
        'Platform & Infrastructure 90.0% (9 of 10), Data & Analytics 100.0% (6 of 6), ' +
        'No business unit 100.0% (3 of 3)',
    );
    expect(chartAriaLabel('Empty', [])).toBe('Empty: no data');
  });

  it('labels the segment without key with the given label', () => {
    expect(
      segmentLabel({ label: 'x', numerator: 0, denominator: 0 }, 'None'),
    ).toBe('None');
  });
});

describe('entity status', () => {
  it('is ok for an owned, tiered component with known exposure', () => {
    expect(entityFindings(paymentsApi)).toEqual([]);
    expect(worstEntityStatus(paymentsApi).severity).toBe('ok');
  });

  it('lists errors before warnings', () => {
    const findings = entityFindings(invoiceRenderer);
    expect(findings.map(f => f.severity)).toEqual([
      'error',
      'error',
      'warning',
      'warning',
    ]);
    expect(worstEntityStatus(invoiceRenderer).message).toBe(
      'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    );
    expect(findings[1].message).toMatch(
      /^Owner not in catalog: spec.owner points at/,
    );
  });
});

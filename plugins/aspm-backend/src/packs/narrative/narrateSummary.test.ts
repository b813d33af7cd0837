import { DIRECTOR_METRIC_IDS } from '@aspm/plugin-aspm-common';
import { NarrativeInput, NarrativeMetric } from './NarrativeInput';
import {
  countingDominates,
  narrateSummary,
  riskTrend,
  topDrivers,
} from './narrateSummary';

/** A metric on target and unchanged, unless patched. */
function metric(
  id: string,
  patch: Partial<NarrativeMetric> = {},
): NarrativeMetric {
  return {
    id,
    unit: 'ratio',
    higherIsBetter: true,
    value: 0.9,
    previousValue: 0.9,
    target: { op: '>=', value: 0.8 },
    status: 'met',
    direction: 'flat',
    byBusinessUnit: [],
    byTeam: [],
    countingChanges: [],
    ...patch,
  };
}

function input(
  metrics: NarrativeMetric[],
  patch: Partial<NarrativeInput> = {},
): NarrativeInput {
  return {
    audience: 'leadership',
    scopeTitle: 'the organisation',
    periodLabel: 'November 2026',
    previousLabel: 'October 2026',
    hasData: true,
    metrics,
    hints: {
      tier1Gaps: [],
      exceptions: { over90: 0, withoutControl: 0, withoutReview: 0 },
    },
    ...patch,
  };
}

/** All eleven ids steady, with the given ones replaced. */
const all = (...replaced: NarrativeMetric[]) =>
  DIRECTOR_METRIC_IDS.map(id => replaced.find(m => m.id === id) ?? metric(id));

const worseBacklog = metric('risk_weighted_critical_backlog', {
  unit: 'points',
  higherIsBetter: false,
  value: 640,
  previousValue: 540,
  target: undefined,
  status: 'not-met',
  direction: 'worsening',
  byBusinessUnit: [
    { key: 'bu-a', title: 'Payments', value: 100, previousValue: 100 },
    { key: 'bu-b', title: 'Platform', value: 180, previousValue: 60 },
    { key: 'bu-c', title: 'Data', value: 40, previousValue: 60 },
  ],
  byTeam: [{ key: 't1', title: 'Identity', value: 180, previousValue: 60 }],
  bySource: [
    { key: 'semgrep', title: 'semgrep', value: 400, previousValue: 300 },
    { key: 'trivy', title: 'trivy', value: 240, previousValue: 240 },
  ],
});

describe('narrateSummary', () => {
  it('reads a worsening metric: what changed, the business units, team and source that drove it, a decision', () => {
    const out = narrateSummary(
      input(all(worseBacklog), {
        hints: {
          tier1Gaps: [],
          topBacklogTeam: { title: 'Identity', share: 0.28 },
          exceptions: { over90: 0, withoutControl: 0, withoutReview: 0 },
        },
      }),
    );
    expect(out.trend).toBe('worsening');
    const item = out.items[0];
    expect(item).toMatchObject({
      id: 'risk_weighted_critical_backlog',
      tone: 'worsening',
    });
    expect(item.whatChanged).toBe(
      'Risk-weighted critical backlog rose from 540 points to 640 points (+100 points; must not worsen).',
    );
    // Platform rose, Data fell: only the units that moved the same way drive it.
    expect(item.why).toContain(
      'the business unit Platform (60 points to 180 points)',
    );
    expect(item.why).not.toContain('Data');
    expect(item.why).toContain('the team Identity');
    expect(item.why).toContain('findings from semgrep (+100 points)');
    expect(item.decision).toBe(
      'Decide whether Identity (28 % of the weighted backlog) gets dedicated remediation capacity next period.',
    );
    expect(out.decisions).toEqual([item.decision]);
    // The ten others held steady on target: one line.
    expect(out.items[1]).toMatchObject({ id: 'steady', tone: 'flat' });
    expect(out.items[1].metricIds).toHaveLength(10);
    expect(out.headline).toContain(
      'Risk is worsening for the organisation in November 2026',
    );
  });

  it('reads an improving metric with no decision, and a flat one below target with its decision', () => {
    const mttr = metric('mttr', {
      unit: 'days',
      higherIsBetter: false,
      value: 8,
      previousValue: 12,
      target: { op: '<', value: 10 },
      status: 'met',
      direction: 'improving',
    });
    const coverage = metric('tier1_coverage', {
      value: 0.8,
      previousValue: 0.8,
      numerator: 8,
      denominator: 10,
      target: { op: '>=', value: 0.95 },
      status: 'not-met',
      direction: 'flat',
    });
    const out = narrateSummary(
      input(all(mttr, coverage), {
        hints: {
          tier1Gaps: [{ control: 'sca', count: 4, newTier1: 4 }],
          exceptions: { over90: 0, withoutControl: 0, withoutReview: 0 },
        },
      }),
    );
    expect(out.trend).toBe('improving');
    const byId = Object.fromEntries(out.items.map(i => [i.id, i]));
    expect(byId.mttr.tone).toBe('improving');
    expect(byId.mttr.whatChanged).toContain(
      'fell from 12 days to 8 days (-4 days; target under 10 days, on target)',
    );
    expect(byId.mttr.decision).toBeUndefined();
    expect(byId.tier1_coverage.tone).toBe('flat');
    expect(byId.tier1_coverage.why).toContain(
      '4 services lack SCA, 4 of them new to tier 1 this period',
    );
    expect(byId.tier1_coverage.decision).toBe(
      'Decide whether to make SCA a paved-road default for new services (4 of the 4 services missing it became tier 1 this period).',
    );
  });

  it('reads a flat period as flat, with no decisions', () => {
    const out = narrateSummary(input(all()));
    expect(out.trend).toBe('flat');
    expect(out.items).toHaveLength(1);
    expect(out.items[0].id).toBe('steady');
    expect(out.decisions).toEqual([]);
    expect(out.headline).toContain('Risk is flat');
  });

  it('tells a counting change from a change in security', () => {
    const coverage = metric('tier1_coverage', {
      value: 0.7,
      previousValue: 0.9,
      status: 'not-met',
      direction: 'worsening',
      target: { op: '>=', value: 0.95 },
      countingChanges: [
        {
          kind: 'entities',
          description: 'tier changed on 5 entities (none → 1: 5)',
          valueWithoutChange: 0.88,
          effect: -0.18,
        },
      ],
    });
    expect(countingDominates(coverage)).toBe(true);
    const out = narrateSummary(input(all(coverage)));
    const item = out.items.find(i => i.id === 'tier1_coverage')!;
    expect(item.tone).toBe('counting');
    expect(item.why).toContain(
      'Most of the change is counting, not security: tier changed on 5 entities',
    );
    expect(item.why).toContain('counted the old way it is 88 %');
    // A counting move is not a worsening of the risk trend.
    expect(out.trend).toBe('flat');
    expect(riskTrend(all(coverage))).toBe('flat');
    // Still below target: the decision stays.
    expect(item.decision).toBeDefined();

    // The board reads it without the tool or attribute jargon.
    const board = narrateSummary(input(all(coverage), { audience: 'board' }));
    const text = JSON.stringify(board);
    expect(text).not.toContain('tier changed');
    expect(board.items.find(i => i.id === 'tier1_coverage')!.why).toContain(
      'Most of this movement is not a change in security: services were added to the inventory or re-classified',
    );
  });

  it('says so when there is no data at all, and lists unmeasured metrics otherwise', () => {
    const none = narrateSummary(input(all(), { hasData: false }));
    expect(none.trend).toBe('no-data');
    expect(none.items).toEqual([
      expect.objectContaining({ id: 'no-data', tone: 'no-data' }),
    ]);
    expect(none.items[0].why).toContain('catalog sync');
    expect(none.decisions).toEqual([]);

    const gates = metric('gate_pass_rate', {
      value: null,
      previousValue: null,
      status: 'no-data',
      direction: undefined,
    });
    const some = narrateSummary(input(all(gates)));
    const unmeasured = some.items.find(i => i.id === 'no-data')!;
    expect(unmeasured.whatChanged).toBe(
      'Not measured this period: First-pass security gate rate.',
    );
    // The board's pack leaves unmeasured metrics out.
    const board = narrateSummary(input(all(gates), { audience: 'board' }));
    expect(board.items.find(i => i.id === 'no-data')).toBeUndefined();
  });

  it('has nothing to compare with when the previous period is outside the history', () => {
    const out = narrateSummary(
      input(
        all(
          metric('ownership_completeness', {
            previousValue: undefined,
            direction: undefined,
          }),
        ),
      ),
    );
    const item = out.items.find(i => i.id === 'ownership_completeness');
    // On target without a direction is steady.
    expect(item).toBeUndefined();
    const below = narrateSummary(
      input(
        all(
          metric('ownership_completeness', {
            value: 0.9,
            numerator: 36,
            denominator: 40,
            previousValue: undefined,
            direction: undefined,
            target: { op: '>=', value: 1 },
            status: 'not-met',
          }),
        ),
      ),
    );
    const owned = below.items.find(i => i.id === 'ownership_completeness')!;
    expect(owned.whatChanged).toContain(
      'the previous period has nothing to compare with',
    );
    expect(owned.decision).toBe(
      'Assign an accountable owner to the 4 unowned components (each business unit to name a team).',
    );
  });

  it('words the board pack without tool names, and keeps it to three items before the summary lines', () => {
    const worse = (id: string) =>
      metric(id, {
        value: 0.5,
        previousValue: 0.9,
        status: 'not-met',
        direction: 'worsening',
      });
    const out = narrateSummary(
      input(
        all(
          worseBacklog,
          worse('gate_pass_rate'),
          worse('evidence_completeness'),
          worse('secret_rotation_sla'),
        ),
        {
          audience: 'board',
          hints: {
            tier1Gaps: [],
            topBacklogTeam: { title: 'Identity', share: 0.28 },
            topGateFailure: { gate: 'sca', failedFirst: 3, candidates: 10 },
            exceptions: { over90: 0, withoutControl: 0, withoutReview: 0 },
          },
        },
      ),
    );
    const text = [
      out.headline,
      ...out.items.flatMap(i => [i.whatChanged, i.why, i.decision ?? '']),
    ].join(' ');
    for (const word of ['semgrep', 'trivy', 'SCA', 'gate', 'backlog']) {
      expect({ word, found: text.includes(word) }).toEqual({
        word,
        found: false,
      });
    }
    // Three items, then the steady line; the fourth mover is in the key measures.
    expect(out.items).toHaveLength(4);
    expect(out.items.slice(0, 3).every(i => i.metricIds.length === 1)).toBe(
      true,
    );
    expect(out.items[3].id).toBe('steady');
    // Pack A has room for six; with more movers, an "also" line.
    const leadership = narrateSummary(
      input(
        all(
          worseBacklog,
          ...[
            'gate_pass_rate',
            'evidence_completeness',
            'secret_rotation_sla',
            'mttr',
            'reopen_rate',
            'tier1_coverage',
          ].map(worse),
        ),
      ),
    );
    expect(
      leadership.items.filter(i => !['also', 'steady'].includes(i.id)),
    ).toHaveLength(6);
    const also = leadership.items.find(i => i.id === 'also')!;
    expect(also.metricIds).toHaveLength(1);
    expect(also.whatChanged).toMatch(
      /^Also: Risk-weighted critical backlog worsened \(540 points to 640 points\)\.$/,
    );
    expect(out.headline).toMatch(
      /^Security posture is deteriorating: 0 of 11 measures improved and 4 deteriorated since October 2026/,
    );
  });
});

describe('topDrivers', () => {
  it('ranks the parts that moved with the whole, largest first', () => {
    const drivers = topDrivers(
      [
        { key: 'a', title: 'A', value: 10, previousValue: 5 },
        { key: 'b', title: 'B', value: 3, previousValue: 5 },
        { key: 'c', title: 'C', value: 30, previousValue: 10 },
        { key: 'd', title: 'D', value: null, previousValue: 10 },
      ],
      20,
    );
    expect(drivers.map(d => [d.key, d.change])).toEqual([
      ['c', 20],
      ['a', 5],
    ]);
  });
});

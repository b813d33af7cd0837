import { AspmEntity } from '@aspm/plugin-aspm-common';
import { computeOwnershipCompleteness } from './computeOwnershipCompleteness';

const entity = (name: string, patch: Partial<AspmEntity>): AspmEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  namespace: 'default',
  name,
  ownerResolution: 'group',
  ownerResolutionReason: 'test',
  annotationProblems: [],
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSyncedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});

const base = {
  asOf: new Date('2026-11-01T00:00:00Z'),
  kinds: ['Component'],
  tierTargets: { '1': 1, '2': 0.9 },
  offendersLimit: 10,
  groupTitles: new Map([['group:default/bu-a', 'Unit A']]),
};

describe('computeOwnershipCompleteness', () => {
  const entities = [
    entity('a', { tier: '1', businessUnit: 'group:default/bu-a' }),
    entity('b', {
      tier: '1',
      businessUnit: 'group:default/bu-a',
      ownerResolution: 'dangling',
    }),
    entity('c', { tier: '2', ownerResolution: 'user-in-team' }),
    entity('d', { ownerResolution: 'user-without-team' }),
    entity('e', { ownerResolution: 'missing', tier: '3' }),
    entity('gone', {
      goneAt: '2026-10-01T00:00:00.000Z',
      ownerResolution: 'missing',
    }),
    { ...entity('sys', {}), kind: 'system', entityRef: 'system:default/sys' },
  ];

  it('counts owned objects of the configured kinds, ignoring gone entities', () => {
    const r = computeOwnershipCompleteness(entities, base);
    expect(r.org).toEqual({ numerator: 2, denominator: 5, ratio: 0.4 });
    expect(r.byResolution).toEqual({
      group: 1,
      'user-in-team': 1,
      'user-without-team': 1,
      dangling: 1,
      missing: 1,
    });
  });

  it('reports tiers in order with targets, untiered last', () => {
    const r = computeOwnershipCompleteness(entities, base);
    expect(
      r.byTier.map(s => [
        s.label,
        s.numerator,
        s.denominator,
        s.target,
        s.meetsTarget,
      ]),
    ).toEqual([
      ['Tier 1', 1, 2, 1, false],
      ['Tier 2', 1, 1, 0.9, true],
      ['Tier 3', 0, 1, undefined, undefined],
      ['Untiered', 0, 1, undefined, undefined],
    ]);
  });

  it('segments by business unit, worst first, "none" last, with titles', () => {
    const r = computeOwnershipCompleteness(entities, {
      ...base,
      groupBy: 'businessUnit',
    });
    expect(r.segments.map(s => [s.label, s.numerator, s.denominator])).toEqual([
      ['Unit A', 1, 2],
      ['No business unit', 1, 3],
    ]);
  });

  it('lists offenders, most critical tier first, limited but counted', () => {
    const r = computeOwnershipCompleteness(entities, {
      ...base,
      offendersLimit: 2,
    });
    expect(r.offenders.map(o => o.entityRef)).toEqual([
      'component:default/b',
      'component:default/e',
    ]);
    expect(r.offendersTotal).toBe(3);
  });

  it('has no ratio when there is nothing to count', () => {
    const r = computeOwnershipCompleteness([], { ...base, groupBy: 'team' });
    expect(r.org).toEqual({ numerator: 0, denominator: 0, ratio: undefined });
    expect(r.segments).toEqual([]);
  });
});

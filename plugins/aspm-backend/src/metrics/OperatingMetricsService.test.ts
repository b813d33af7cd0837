/*
 * The service's plumbing, with an in-memory store: which worlds it loads
 * for which weeks and months, that it cuts them to the scope, and that it
 * reads the scope's release verdicts. The numbers themselves are the pure
 * functions' (tested in ./operating) and the route's (service tests).
 */
import { InputError } from '@backstage/errors';
import { entity, finding, t, world } from '../__testUtils__/operatingWorld';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { MetricsStore } from '../database/MetricsStore';
import { OperatingMetricsService } from './OperatingMetricsService';

const A = 'component:default/a';
const B = 'component:default/b';
const SYSTEM = 'system:default/s';
const iso = (ms: number) => new Date(ms).toISOString();

function setUp() {
  const loads: Array<Record<string, string | number>> = [];
  const verdictCalls: Array<{ entityRefs?: string[]; from: string }> = [];
  const store: MetricsStore = {
    async loadWorld(o) {
      loads.push({
        asOf: o.asOf.toISOString(),
        from: o.from.toISOString(),
        to: o.to.toISOString(),
        lookBackDays: o.lookBackDays,
      });
      return world(
        { asOf: o.asOf.getTime(), from: o.from.getTime(), to: o.to.getTime() },
        {
          entities: [
            entity(A, { system: SYSTEM, team: 'group:default/t', tier: '1' }),
            entity(B, { team: 'group:default/u', tier: '1' }),
          ],
          // A critical on each, first seen on Tuesday 2026-11-10.
          findings: [
            finding(1, A, '2026-11-10'),
            finding(2, B, '2026-11-10'),
          ].filter(f => f.firstSeenAt <= o.asOf.getTime()),
        },
      );
    },
  };
  const releases = {
    async releaseVerdicts(q: { entityRefs?: string[]; from: Date }) {
      verdictCalls.push({
        entityRefs: q.entityRefs,
        from: q.from.toISOString(),
      });
      return [
        {
          releasedAt: new Date('2026-11-10T12:00:00Z'),
          outcome: 'blocked' as const,
          blockedBy: ['sca'],
        },
        {
          releasedAt: new Date('2026-11-17T12:00:00Z'),
          outcome: 'blocked' as const,
          blockedBy: ['sast'],
        },
      ].filter(v => v.releasedAt >= q.from);
    },
  };
  const service = new OperatingMetricsService({
    store,
    releases,
    config: DEFAULT_METRICS_CONFIG,
    ownershipKinds: ['Component'],
    rotationSlaDays: { default: 7 },
  });
  return { service, loads, verdictCalls };
}

describe('OperatingMetricsService', () => {
  const NOW = new Date('2026-12-01T08:00:00Z');

  it('loads one world per week and per month, cut to the scope', async () => {
    const { service, loads, verdictCalls } = setUp();
    const report = await service.report(
      { scope: SYSTEM, asOf: '2026-11-18', weeks: 2, months: 1 },
      NOW,
    );
    expect(loads).toEqual([
      // Week of Nov 9: a whole week, no look-back.
      {
        asOf: '2026-11-15T23:59:59.999Z',
        from: '2026-11-09T00:00:00.000Z',
        to: '2026-11-16T00:00:00.000Z',
        lookBackDays: 0,
      },
      // Week of Nov 16, up to asOf.
      {
        asOf: '2026-11-18T23:59:59.999Z',
        from: '2026-11-16T00:00:00.000Z',
        to: '2026-11-19T00:00:00.000Z',
        lookBackDays: 0,
      },
      // November up to asOf; its fixes from 180 days (the longest SLA)
      // before Nov 1; scans and releases 90 days back for the controls.
      {
        asOf: '2026-11-18T23:59:59.999Z',
        from: '2026-05-05T00:00:00.000Z',
        to: '2026-11-19T00:00:00.000Z',
        lookBackDays: 90,
      },
    ]);
    // Only the System's entity, from each week's Monday.
    expect(verdictCalls).toEqual([
      { entityRefs: [A], from: '2026-11-09T00:00:00.000Z' },
      { entityRefs: [A], from: '2026-11-16T00:00:00.000Z' },
    ]);
    expect(report.scope).toBe(SYSTEM);
    expect(report.asOf).toBe('2026-11-18T23:59:59.999Z');
    expect(
      report.weeks.map(w => [
        w.weekStart,
        w.weekEnd,
        w.time.partial,
        w.findings.opened.critical,
        w.releaseBlocks,
      ]),
    ).toEqual([
      [
        '2026-11-09',
        '2026-11-15',
        false,
        1,
        { blocked: 1, byRootCause: { sca: 1 } },
      ],
      [
        '2026-11-16',
        '2026-11-22',
        true,
        0,
        { blocked: 1, byRootCause: { sast: 1 } },
      ],
    ]);
    const [november] = report.months;
    expect(november.month).toBe('2026-11');
    expect(november.time).toEqual({
      asOf: '2026-11-18T23:59:59.999Z',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-19T00:00:00.000Z',
      partial: true,
    });
    // A's critical only (B is outside the System): 10 x 3 x 1.5.
    expect(november.riskConcentration).toMatchObject({
      totalWeight: 45,
      teamCount: 1,
      share: 1,
      topTeams: [{ team: 'group:default/t', weight: 45 }],
    });
    // Its deadline (Nov 17, tier 1: 7 days) passed before asOf, unfixed.
    expect(november.slaAttainment.overall).toEqual({
      key: 'overall',
      attained: 0,
      due: 1,
      ratio: 0,
    });
    expect(
      november.controlAdoption.find(
        c => c.control === 'owner' && c.tier === '1',
      ),
    ).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('reads a future asOf as now, and answers no periods when asked for none', async () => {
    const { service, loads } = setUp();
    const report = await service.report(
      { asOf: '2027-01-15', weeks: 0, months: 0 },
      NOW,
    );
    expect(report).toEqual({
      scope: 'org',
      asOf: iso(NOW.getTime()),
      weeks: [],
      months: [],
    });
    expect(loads).toEqual([]);
    await service.report({ asOf: '2027-01-15', weeks: 1, months: 0 }, NOW);
    expect(loads[0]).toMatchObject({
      asOf: '2026-12-01T08:00:00.000Z',
      from: '2026-11-30T00:00:00.000Z',
      to: iso(t('2026-12-01T08:00:00.001Z')),
    });
  });

  it('refuses a malformed scope, or too many periods, before loading anything', async () => {
    const { service, loads } = setUp();
    await expect(
      service.report({ scope: 'nonsense', weeks: 1, months: 1 }, NOW),
    ).rejects.toThrow(/scope: must be org/);
    await expect(service.report({ weeks: 27, months: 1 }, NOW)).rejects.toThrow(
      InputError,
    );
    expect(loads).toEqual([]);
  });
});

/*
 * The weekly operating numbers on a hand-made week: Monday 2026-11-02 to
 * Sunday 2026-11-08, read at the end of the Sunday. `A` is in the catalog;
 * `GONE` is not (its records count nowhere).
 */
import {
  contextOf,
  endOf,
  entity,
  finding,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { WorldException } from '../MetricsWorld';
import { weeklyExceptionAging } from './weeklyExceptionAging';
import { weeklyFindingFlow } from './weeklyFindingFlow';
import { weeklyReleaseBlocks } from './weeklyReleaseBlocks';

const A = 'component:default/a';
const GONE = 'component:default/gone';
const WEEK = {
  asOf: endOf('2026-11-08'),
  from: t('2026-11-02'),
  to: t('2026-11-09'),
};

describe('weeklyFindingFlow', () => {
  it('counts critical and high opened, reopened and closed in the week', () => {
    const w = world(WEEK, {
      entities: [entity(A)],
      findings: [
        // Opened in the week: critical 1, high 2 (f9 also closed).
        finding(1, A, '2026-11-03T09:00:00Z'),
        finding(2, A, '2026-11-08T23:00:00Z', { severity: 'high' }),
        finding(9, A, '2026-11-03T10:00:00Z', {
          severity: 'high',
          state: 'fixed',
        }),
        // Opened just before the week: not counted.
        finding(3, A, '2026-11-01T23:59:59Z', { severity: 'high' }),
        // Medium: not counted, opened or reopened.
        finding(4, A, '2026-11-04', { severity: 'medium' }),
        // Reopened in the week (critical now).
        finding(5, A, '2026-10-01', { spellStart: t('2026-11-05') }),
        finding(10, A, '2026-10-01', {
          severity: 'low',
          spellStart: t('2026-11-05'),
        }),
        // Fixed in the week, high.
        finding(6, A, '2026-10-01', { severity: 'high', state: 'fixed' }),
        // Fixed as a critical, downgraded to high after.
        finding(7, A, '2026-10-01', { severity: 'high', state: 'fixed' }),
        // On an entity no longer in the catalog.
        finding(8, GONE, '2026-11-03'),
      ],
      reopens: [
        { findingId: 5, entityRef: A, at: t('2026-11-05') },
        { findingId: 10, entityRef: A, at: t('2026-11-05') },
        { findingId: 8, entityRef: GONE, at: t('2026-11-06') },
      ],
      fixes: [
        fix(6, 'high', '2026-10-01', '2026-11-06'),
        fix(7, 'critical', '2026-10-01', '2026-11-07'),
        fix(9, 'high', '2026-11-03T10:00:00Z', '2026-11-04'),
        { ...fix(8, 'critical', '2026-11-03', '2026-11-04'), entityRef: GONE },
      ],
    });
    expect(weeklyFindingFlow(contextOf(w))).toEqual({
      opened: { critical: 1, high: 2, total: 3 },
      reopened: { critical: 1, high: 0, total: 1 },
      closed: { critical: 1, high: 2, total: 3 },
      net: 1,
    });
  });

  it('is all zeros for a week without events', () => {
    const w = world(WEEK, {
      entities: [entity(A)],
      findings: [finding(1, A, '2026-10-01')],
    });
    const zero = { critical: 0, high: 0, total: 0 };
    expect(weeklyFindingFlow(contextOf(w))).toEqual({
      opened: zero,
      reopened: zero,
      closed: zero,
      net: 0,
    });
  });
});

function fix(
  findingId: number,
  severity: 'critical' | 'high',
  spellStart: string,
  fixedAt: string,
) {
  return {
    findingId,
    entityRef: A,
    severity,
    category: 'code' as const,
    spellStart: t(spellStart),
    fixedAt: t(fixedAt),
  };
}

describe('weeklyExceptionAging', () => {
  const exception = (
    id: number,
    approved: string,
    entityRef = A,
  ): WorldException => ({
    id,
    entityRef,
    category: 'compensated',
    approvedAt: t(approved),
    hasCompensatingControl: false,
    source: 'manual',
  });

  it('counts the active exceptions and those approved over 30, 90 and 180 days before the week end', () => {
    const w = world(WEEK, {
      entities: [entity(A)],
      exceptions: [
        exception(1, '2026-11-01'), // 8 days
        // Exactly 30 days before the end of Sunday: not over 30.
        exception(2, '2026-10-09T23:59:59.999Z'),
        exception(3, '2026-10-01'), // 39 days
        exception(4, '2026-07-01'), // 131 days
        exception(5, '2026-01-01'), // 312 days
        exception(6, '2026-01-01', GONE),
      ],
    });
    expect(weeklyExceptionAging(contextOf(w))).toEqual({
      active: 5,
      over30Days: 3,
      over90Days: 2,
      over180Days: 1,
    });
  });
});

describe('weeklyReleaseBlocks', () => {
  const v = (at: string, outcome: string, blockedBy: string[] = []) => ({
    releasedAt: new Date(at),
    outcome,
    blockedBy,
  });

  it('counts blocked candidates released in [from, to) by each gate that blocked them', () => {
    const verdicts = [
      v('2026-11-02T00:00:00Z', 'blocked', ['sast']),
      v('2026-11-08T23:59:59.999Z', 'blocked', ['sca', 'secrets']),
      v('2026-11-06T12:00:00Z', 'blocked', ['sast']),
      v('2026-11-05T12:00:00Z', 'passed-after-rerun'),
      v('2026-11-07T12:00:00Z', 'ungated'),
      v('2026-11-04T12:00:00Z', 'passed'),
      // Outside the week.
      v('2026-11-09T00:00:00Z', 'blocked', ['sast']),
      v('2026-11-01T23:59:59Z', 'blocked', ['dast']),
    ];
    const blocks = weeklyReleaseBlocks(verdicts, WEEK.from, WEEK.to);
    expect(blocks).toEqual({
      blocked: 3,
      byRootCause: { sast: 2, sca: 1, secrets: 1 },
    });
    expect(Object.keys(blocks.byRootCause)).toEqual(['sast', 'sca', 'secrets']);
    expect(weeklyReleaseBlocks([], WEEK.from, WEEK.to)).toEqual({
      blocked: 0,
      byRootCause: {},
    });
  });
});

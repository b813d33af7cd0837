/*
 * Remediation SLA attainment for November 2026, worked by hand. SLA days
 * (defaults): critical 7 / 14 / 30 for tiers 1 / 2 / 3, high 30 / 45 / 60,
 * medium 90, low 180; untiered entities take the severity's default
 * (critical 30, high 60). Entities: P tier 1 in bu-x, Q tier 2 in bu-y, U
 * untiered without a business unit, GONE not in the catalog.
 *
 *  spell  entity severity  start        deadline     outcome             counted
 *  S1     P     critical   Oct 28       Nov 4        fixed Nov 3         attained
 *  S2     P     critical   Nov 10       Nov 17       fixed Nov 20        missed
 *  S3     P     high       Oct 10       Nov 9        fixed Oct 20        attained (fixed before the month)
 *  S4     P     medium     Aug 15       Nov 13       open                missed
 *  S5     Q     critical   Nov 20       Dec 4        open                not due in Nov
 *  S6     Q     high       Oct 1        Nov 15       open                missed
 *  S7     U     critical   Oct 20       Nov 19 (30d) fixed Nov 18        attained (7 days would be Oct 27)
 *  S8     P     high       Oct 5        Nov 4        accepted Nov 1      not counted (accepted in time)
 *  S9     Q     low        May 10       Nov 6        accepted Nov 10     missed (accepted late)
 *  S10    P     info       2025-11-20   (365d) Nov 20 open               not counted (info)
 *  S11    P     critical   Nov 1        Nov 8        false positive      not counted
 *  S12    GONE  critical   Nov 1        -            open                not counted
 *  S13    P     critical   Nov 25       Dec 2        fixed Nov 26        not due in Nov
 *  S14    Q     critical   Nov 1        Nov 15 00:00 fixed Nov 15 00:00  attained (at the deadline)
 *  S15    P     critical   Oct 25       Nov 1 00:00  open                missed (the month's first instant)
 *  S16    P     critical   Nov 24       Dec 1 00:00  open                not due in Nov
 *
 * Due 9, attained 4 (S1, S3, S7, S14). bu-x: S1 S2 S3 S4 S15 = 2/5;
 * bu-y: S6 S9 S14 = 1/3; (none): S7 = 1/1. critical: S1 S2 S7 S14 S15 =
 * 3/5; high: S3 S6 = 1/2; medium: S4 = 0/1; low: S9 = 0/1.
 */
import {
  contextOf,
  endOf,
  entity,
  finding,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { Severity } from '@aspm/plugin-aspm-common';
import { WorldFix } from '../MetricsWorld';
import { slaAttainment } from './slaAttainment';
import { slaLookBackDays } from './slaLookBackDays';
import { DEFAULT_METRICS_CONFIG } from '../../config/readMetricsConfig';

const P = 'component:default/p';
const Q = 'component:default/q';
const U = 'component:default/u';
const GONE = 'component:default/gone';
const BU_X = 'group:default/bu-x';
const BU_Y = 'group:default/bu-y';
const NOVEMBER = { from: t('2026-11-01'), to: t('2026-12-01') };

const fix = (
  findingId: number,
  entityRef: string,
  severity: Severity,
  spellStart: string,
  fixedAt: string,
): WorldFix => ({
  findingId,
  entityRef,
  severity,
  category: 'code',
  spellStart: t(spellStart),
  fixedAt: t(fixedAt),
});

const ENTITIES = [
  entity(P, { tier: '1', businessUnit: BU_X }),
  entity(Q, { tier: '2', businessUnit: BU_Y }),
  entity(U),
];

describe('slaLookBackDays', () => {
  it('is the longest SLA of critical, high, medium and low (info left out)', () => {
    expect(slaLookBackDays(DEFAULT_METRICS_CONFIG.slaDays)).toBe(180);
    expect(
      slaLookBackDays({
        ...DEFAULT_METRICS_CONFIG.slaDays,
        low: { default: 20 },
        info: { default: 999 },
      }),
    ).toBe(90);
  });
});

describe('slaAttainment', () => {
  it('counts the spells whose deadline fell in the month, fixed by it or not', () => {
    const w = world(
      {
        asOf: endOf('2026-11-30'),
        // The month's world opens 180 days before it.
        from: t('2026-05-05'),
        to: t('2026-12-01'),
      },
      {
        entities: ENTITIES,
        fixes: [
          fix(1, P, 'critical', '2026-10-28', '2026-11-03'),
          fix(2, P, 'critical', '2026-11-10', '2026-11-20'),
          fix(3, P, 'high', '2026-10-10', '2026-10-20'),
          fix(7, U, 'critical', '2026-10-20', '2026-11-18'),
          fix(13, P, 'critical', '2026-11-25', '2026-11-26'),
          fix(14, Q, 'critical', '2026-11-01', '2026-11-15'),
        ],
        findings: [
          finding(1, P, '2026-10-28', { state: 'fixed' }),
          finding(4, P, '2026-08-15', { severity: 'medium' }),
          finding(5, Q, '2026-11-20'),
          finding(6, Q, '2026-10-01', { severity: 'high' }),
          finding(8, P, '2026-10-05', {
            severity: 'high',
            state: 'accepted',
            exceptionId: 80,
          }),
          finding(9, Q, '2026-05-10', {
            severity: 'low',
            state: 'accepted',
            exceptionId: 90,
          }),
          finding(10, P, '2025-11-20', { severity: 'info' }),
          finding(11, P, '2026-11-01', { state: 'false_positive' }),
          finding(12, GONE, '2026-11-01'),
          finding(15, P, '2026-10-25'),
          finding(16, P, '2026-11-24'),
        ],
        exceptions: [
          {
            id: 80,
            entityRef: P,
            category: 'compensated',
            approvedAt: t('2026-11-01'),
            hasCompensatingControl: true,
            source: 'manual',
          },
          {
            id: 90,
            entityRef: Q,
            category: 'risk-accepted',
            approvedAt: t('2026-11-10'),
            hasCompensatingControl: false,
            source: 'manual',
          },
        ],
      },
    );
    const sla = slaAttainment(contextOf(w), NOVEMBER);
    expect(sla.overall).toEqual({
      key: 'overall',
      attained: 4,
      due: 9,
      ratio: 0.4444,
    });
    expect(sla.byBusinessUnit).toEqual([
      { key: '(none)', attained: 1, due: 1, ratio: 1 },
      { key: BU_X, attained: 2, due: 5, ratio: 0.4 },
      { key: BU_Y, attained: 1, due: 3, ratio: 0.3333 },
    ]);
    expect(sla.bySeverity).toEqual([
      { key: 'critical', attained: 3, due: 5, ratio: 0.6 },
      { key: 'high', attained: 1, due: 2, ratio: 0.5 },
      { key: 'medium', attained: 0, due: 1, ratio: 0 },
      { key: 'low', attained: 0, due: 1, ratio: 0 },
    ]);
    expect(sla.missedTotal).toBe(5);
    expect(sla.missed).toEqual([
      {
        findingId: 15,
        entityRef: P,
        severity: 'critical',
        tier: '1',
        deadline: '2026-11-01T00:00:00.000Z',
      },
      {
        findingId: 9,
        entityRef: Q,
        severity: 'low',
        tier: '2',
        deadline: '2026-11-06T00:00:00.000Z',
      },
      {
        findingId: 4,
        entityRef: P,
        severity: 'medium',
        tier: '1',
        deadline: '2026-11-13T00:00:00.000Z',
      },
      {
        findingId: 6,
        entityRef: Q,
        severity: 'high',
        tier: '2',
        deadline: '2026-11-15T00:00:00.000Z',
      },
      {
        findingId: 2,
        entityRef: P,
        severity: 'critical',
        tier: '1',
        deadline: '2026-11-17T00:00:00.000Z',
        fixedAt: '2026-11-20T00:00:00.000Z',
      },
    ]);
  });

  it('in the month holding asOf, counts only the deadlines up to asOf; no deadline is no data', () => {
    const asOf = endOf('2026-11-16');
    const w = world(
      { asOf, from: t('2026-05-05'), to: asOf + 1 },
      {
        entities: ENTITIES,
        findings: [
          finding(1, P, '2026-11-03'), // due Nov 10: missed
          finding(2, P, '2026-11-13'), // due Nov 20: not yet
        ],
      },
    );
    const sla = slaAttainment(contextOf(w), {
      from: NOVEMBER.from,
      to: asOf + 1,
    });
    expect(sla.overall).toEqual({
      key: 'overall',
      attained: 0,
      due: 1,
      ratio: 0,
    });
    expect(sla.missed.map(m => m.findingId)).toEqual([1]);

    const empty = slaAttainment(
      contextOf(world({ asOf, from: t('2026-05-05'), to: asOf + 1 })),
      NOVEMBER,
    );
    expect(empty.overall).toEqual({
      key: 'overall',
      attained: 0,
      due: 0,
      ratio: null,
    });
    expect(empty.byBusinessUnit).toEqual([]);
    expect(empty.missedTotal).toBe(0);
  });
});

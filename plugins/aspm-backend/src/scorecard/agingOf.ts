import {
  ScorecardAging,
  ScorecardAgingBucket,
  ScorecardAgingPoint,
  ScorecardFinding,
} from '@aspm/plugin-aspm-common';
import { findingSlaDays } from '../metrics/findingSlaDays';
import { DAY, MetricContext, tierKey } from '../metrics/MetricContext';
import { OperatingWindow } from '../metrics/operating/OperatingWindow';
import { scorecardFinding } from './rankFindings';

/** Age buckets in whole days since first seen: [min, max). */
export const AGING_BUCKETS: Array<{ minDays: number; maxDays?: number }> = [
  { minDays: 0, maxDays: 8 },
  { minDays: 8, maxDays: 15 },
  { minDays: 15, maxDays: 31 },
  { minDays: 31, maxDays: 61 },
  { minDays: 61, maxDays: 91 },
  { minDays: 91 },
];

const bucketLabel = (b: { minDays: number; maxDays?: number }) =>
  b.maxDays === undefined
    ? `over ${b.minDays - 1} days`
    : `${b.minDays}–${b.maxDays - 1} days`;

const AGED = new Set(['critical', 'high']);

/** Whether the finding is an open critical or high. */
const isAged = (f: { severity: string }) => AGED.has(f.severity);

/** Past-SLA first (most overdue first), then by weight. */
const overdueOrder = (a: ScorecardFinding, b: ScorecardFinding) =>
  Number(b.overdue) - Number(a.overdue) ||
  (a.dueAt ? Date.parse(a.dueAt) : Infinity) -
    (b.dueAt ? Date.parse(b.dueAt) : Infinity) ||
  a.id - b.id;

/** Ids of the criticals and of the highs, in the list's order. */
const idsBySeverity = (list: ScorecardFinding[]) => ({
  critical: list.filter(f => f.severity === 'critical').map(f => f.id),
  high: list.filter(f => f.severity === 'high').map(f => f.id),
});

/**
 * The critical and high findings open at the context's asOf, counted and
 * whether past their SLA deadline: one point of the weekly trend.
 */
export function agingPoint(
  ctx: MetricContext,
  week: OperatingWindow,
): ScorecardAgingPoint {
  let critical = 0;
  let high = 0;
  let pastSla = 0;
  for (const f of ctx.findings) {
    if (f.state !== 'open' || !isAged(f)) continue;
    if (f.severity === 'critical') critical += 1;
    else high += 1;
    if (scorecardFinding(ctx, f).overdue) pastSla += 1;
  }
  return {
    weekStart: new Date(week.from).toISOString().slice(0, 10),
    asOf: new Date(week.asOf).toISOString(),
    critical,
    high,
    pastSla,
    partial: week.partial,
  };
}

/**
 * Critical / high aging of a scope now: the open ones by age bucket (whole
 * days since first seen), those past their SLA deadline (ids: each count
 * is a list's length), the SLA
 * days of each tier the scope's entities have, and the weekly trend given.
 * `open` is the scope's open findings ranked by risk (`openFindingsByRisk`).
 */
export function agingOf(
  ctx: MetricContext,
  open: ScorecardFinding[],
  trend: ScorecardAgingPoint[],
): ScorecardAging {
  const aged = open.filter(isAged);
  const buckets: ScorecardAgingBucket[] = AGING_BUCKETS.map(b => {
    const inBucket = aged.filter(f => {
      const whole = Math.floor(
        (ctx.world.asOf - Date.parse(f.firstSeenAt)) / DAY,
      );
      return (
        whole >= b.minDays && (b.maxDays === undefined || whole < b.maxDays)
      );
    });
    return {
      label: bucketLabel(b),
      ...b,
      ...idsBySeverity(inBucket),
      pastSla: inBucket.filter(f => f.overdue).map(f => f.id),
    };
  });
  const past = aged.filter(f => f.overdue).sort(overdueOrder);
  const slaDays: ScorecardAging['slaDays'] = {};
  for (const e of ctx.entities.values()) {
    const key = tierKey(e);
    if (slaDays[key]) continue;
    slaDays[key] = {
      critical: findingSlaDays(ctx.config.slaDays, 'critical', e.tier),
      high: findingSlaDays(ctx.config.slaDays, 'high', e.tier),
    };
  }
  return {
    slaDays,
    open: idsBySeverity(aged),
    pastSla: idsBySeverity(past),
    buckets,
    trend,
  };
}

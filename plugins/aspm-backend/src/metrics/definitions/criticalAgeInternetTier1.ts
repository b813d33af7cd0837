import {
  days,
  median,
  MetricComputation,
  MetricContext,
} from '../MetricContext';

/**
 * critical_age_internet_tier1: median age (asOf - first seen) of open
 * critical findings on tier-1, internet-facing entities; null without any.
 */
export function criticalAgeInternetTier1(
  ctx: MetricContext,
): MetricComputation {
  const { asOf } = ctx.world;
  const open = ctx.findings
    .filter(f => {
      const e = ctx.entities.get(f.entityRef);
      return (
        f.state === 'open' &&
        f.severity === 'critical' &&
        e?.tier === '1' &&
        e.exposure === 'internet'
      );
    })
    .map(f => ({ f, age: days(asOf - f.firstSeenAt) }))
    .sort((a, b) => b.age - a.age || a.f.id - b.f.id);
  const m = median(open.map(x => x.age));
  return {
    unit: 'days',
    value: m === null ? null : Math.round(m * 10) / 10,
    details: { count: open.length },
    itemKind: 'finding',
    items: open.map(({ f, age }) => ({
      kind: 'finding',
      id: String(f.id),
      entityRef: f.entityRef,
      label: f.title,
      value: age,
      note: `open ${age} days`,
    })),
    segments: [],
  };
}

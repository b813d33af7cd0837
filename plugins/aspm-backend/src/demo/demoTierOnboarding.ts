import { AspmEntity } from '@aspm/plugin-aspm-common';

/** Business units whose teams annotated tiers partway through the demo year. */
const LATE_UNITS = ['group:default/commerce-bu', 'group:default/data-bu'];
const COUNT = 12;

/**
 * The demo's counting change: twelve tiered Components of the commerce and
 * data business units carried no `aspm.io/tier` annotation until halfway
 * through the demo history, when their teams added it. Metrics that weigh
 * or select by tier (tier-1 coverage, the risk-weighted backlog, critical
 * age on tier 1) move on that day because the counting changed, which the
 * trend's counting-change marker shows.
 */
export function demoTierOnboarding(
  entities: AspmEntity[],
  options: { now: Date; weeks?: number },
): { until: Date; entityRefs: string[] } {
  const weeks = options.weeks ?? 52;
  const until = new Date(
    Date.UTC(
      options.now.getUTCFullYear(),
      options.now.getUTCMonth(),
      options.now.getUTCDate(),
    ) -
      Math.floor(weeks / 2) * 7 * 86_400_000 +
      9 * 3_600_000,
  );
  const entityRefs = entities
    .filter(
      e =>
        e.kind.toLocaleLowerCase('en-US') === 'component' &&
        e.tier !== undefined &&
        e.businessUnit !== undefined &&
        LATE_UNITS.includes(e.businessUnit),
    )
    .map(e => e.entityRef)
    .sort()
    .slice(0, COUNT);
  return { until, entityRefs };
}

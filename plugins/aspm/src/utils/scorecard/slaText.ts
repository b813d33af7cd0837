import { ScorecardAging } from '@aspm/plugin-aspm-common';

const TIER_ORDER = ['1', '2', '3', 'untiered'];

const tierName = (key: string) =>
  key === 'untiered' ? 'untiered' : `tier ${key}`;

/**
 * The SLA days of the scope's tiers in words: "critical 7 days, high 30
 * days (tier 1)"; one clause per tier, most critical first.
 */
export function slaText(slaDays: ScorecardAging['slaDays']): string {
  const keys = Object.keys(slaDays).sort(
    (a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b),
  );
  if (!keys.length) return 'no entities';
  return keys
    .map(k => {
      const { critical, high } = slaDays[k];
      const parts = [
        critical !== undefined ? `critical ${critical} days` : undefined,
        high !== undefined ? `high ${high} days` : undefined,
      ].filter(Boolean);
      return `${parts.join(', ')} (${tierName(k)})`;
    })
    .join('; ');
}

/**
 * The bucket the critical SLA falls in, for the chart's SLA line: only
 * when the scope's entities share one tier (else there is no one line).
 */
export function slaLineBucket(
  aging: ScorecardAging,
): { label: string; text: string } | undefined {
  const tiers = Object.values(aging.slaDays);
  if (tiers.length !== 1 || tiers[0].critical === undefined) return undefined;
  const sla = tiers[0].critical;
  const bucket = aging.buckets.find(
    b => b.minDays <= sla && (b.maxDays === undefined || sla < b.maxDays),
  );
  return bucket
    ? { label: bucket.label, text: `critical SLA ${sla} d` }
    : undefined;
}

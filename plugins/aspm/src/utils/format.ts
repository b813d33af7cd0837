import { Exposure, OwnerResolution, Tier } from '@aspm/plugin-aspm-common';

/** Placeholder for a value that is not known. */
export const NO_VALUE = '—';

/** A ratio (0..1) as a percentage with one decimal, e.g. 0.925 -> "92.5%". */
export function formatPercent(ratio?: number, locale?: string): string {
  if (ratio === undefined || ratio === null || !Number.isFinite(ratio)) {
    return NO_VALUE;
  }
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

/** An ISO 8601 timestamp as date and time in the user's locale. */
export function formatDateTime(iso?: string, locale?: string): string {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return date.toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** "37 of 40 components". */
export function formatCount(
  numerator: number,
  denominator: number,
  noun: { one: string; other: string } = {
    one: 'component',
    other: 'components',
  },
  locale?: string,
): string {
  const n = new Intl.NumberFormat(locale);
  return `${n.format(numerator)} of ${n.format(denominator)} ${
    denominator === 1 ? noun.one : noun.other
  }`;
}

/** The noun for the kinds a report counts: ['Component'] -> components. */
export function nounForKinds(kinds: string[] | undefined): {
  one: string;
  other: string;
} {
  if (kinds && kinds.length === 1) {
    const kind = kinds[0].toLocaleLowerCase('en-US');
    return { one: kind, other: `${kind}s` };
  }
  return { one: 'entity', other: 'entities' };
}

const OWNER_RESOLUTION_LABELS: Record<OwnerResolution, string> = {
  group: 'Owned by a group',
  'user-in-team': 'Owned by a user in a team',
  'user-without-team': 'User without a team',
  dangling: 'Owner not in catalog',
  missing: 'No owner',
};

/** Short human label of an owner resolution. */
export function ownerResolutionLabel(resolution: OwnerResolution): string {
  return OWNER_RESOLUTION_LABELS[resolution] ?? resolution;
}

/** How bad a status is. */
export type Severity = 'ok' | 'warning' | 'error';

/**
 * Owned resolutions are fine; a user without a team is a warning (there is a
 * person, but no team); a dangling or missing owner is an error.
 */
export function ownerResolutionSeverity(resolution: OwnerResolution): Severity {
  switch (resolution) {
    case 'group':
    case 'user-in-team':
      return 'ok';
    case 'user-without-team':
      return 'warning';
    default:
      return 'error';
  }
}

const TIER_DESCRIPTIONS: Record<Tier, string> = {
  '1': 'business-critical',
  '2': 'important',
  '3': 'low criticality',
};

/** "Tier 1 (business-critical)", or "Untiered". */
export function tierLabel(tier?: Tier, options?: { long?: boolean }): string {
  if (!tier) return 'Untiered';
  return options?.long
    ? `Tier ${tier} (${TIER_DESCRIPTIONS[tier]})`
    : `Tier ${tier}`;
}

/** "Internet-facing", "Internal", or "Exposure unknown". */
export function exposureLabel(exposure?: Exposure): string {
  switch (exposure) {
    case 'internet':
      return 'Internet-facing';
    case 'internal':
      return 'Internal';
    default:
      return 'Exposure unknown';
  }
}

/** An ISO 8601 timestamp as a date in the user's locale. */
export function formatDate(iso?: string, locale?: string): string {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return date.toLocaleDateString(locale, { dateStyle: 'medium' });
}

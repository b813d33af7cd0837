import { ExceptionPolicy } from '@aspm/plugin-aspm-common';

/** The longest approval for an entity's tier, in days (policy `default` when untiered). */
export function maxExpiryDays(
  policy: Pick<ExceptionPolicy, 'maxDaysByTier'>,
  tier?: string,
): number | undefined {
  return (
    (tier !== undefined ? policy.maxDaysByTier[tier] : undefined) ??
    policy.maxDaysByTier.default
  );
}

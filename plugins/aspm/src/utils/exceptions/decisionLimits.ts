import { ExceptionPolicy, Tier } from '@aspm/plugin-aspm-common';
import { formatDate, tierLabel } from '../format';
import { latestExpiryDate } from './latestExpiryDate';
import { maxExpiryDays } from './maxExpiryDays';
import { toDateInput } from './toDateInput';

/**
 * The dates an approval may choose from for an entity of `tier`: from today
 * (UTC) to the tier's maximum, and the sentence that explains the maximum.
 */
export function decisionLimits(
  policy: Pick<ExceptionPolicy, 'maxDaysByTier'> | undefined,
  tier: string | undefined,
  now: number = Date.now(),
): { today: string; latest?: string; maxDays?: number; hint?: string } {
  const today = toDateInput(now);
  const maxDays = policy ? maxExpiryDays(policy, tier) : undefined;
  if (maxDays === undefined) return { today };
  const latest = latestExpiryDate(now, maxDays);
  const who = tier
    ? `a ${tierLabel(tier as Tier)} entity`
    : 'an untiered entity';
  return {
    today,
    latest,
    maxDays,
    hint: `At most ${maxDays} days for ${who}: ${formatDate(
      `${latest}T12:00:00Z`,
    )} at the latest.`,
  };
}

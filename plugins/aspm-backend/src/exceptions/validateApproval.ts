import { InputError } from '@backstage/errors';

/**
 * Checks an approval's (or renewal's) dates against the policy: expiry in the
 * future and no further than the tier's maximum; review date (if any) in the
 * future and not after the expiry. Throws InputError naming the field.
 */
export function validateApproval(options: {
  expiresAt: Date;
  reviewAt?: Date;
  now: Date;
  tier?: string;
  maxDaysByTier: Record<string, number>;
}): void {
  const { expiresAt, reviewAt, now, tier } = options;
  if (expiresAt.getTime() <= now.getTime()) {
    throw new InputError(
      `expiresAt: must be in the future (got ${expiresAt.toISOString()})`,
    );
  }
  const maxDays =
    (tier !== undefined ? options.maxDaysByTier[tier] : undefined) ??
    options.maxDaysByTier.default;
  if (maxDays !== undefined) {
    // The whole last day counts: a date input means the end of that day.
    const last = new Date(now.getTime() + maxDays * 86_400_000);
    last.setUTCHours(23, 59, 59, 999);
    const limit = last.getTime();
    if (expiresAt.getTime() > limit) {
      throw new InputError(
        `expiresAt: must be at most ${maxDays} days from now for ${
          tier ? `a tier ${tier}` : 'an untiered'
        } entity (latest ${new Date(limit).toISOString().slice(0, 10)})`,
      );
    }
  }
  if (reviewAt) {
    if (reviewAt.getTime() <= now.getTime()) {
      throw new InputError('reviewAt: must be in the future');
    }
    if (reviewAt.getTime() > expiresAt.getTime()) {
      throw new InputError('reviewAt: must not be after expiresAt');
    }
  }
}

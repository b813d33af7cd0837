import { ScorecardExceptions } from '@aspm/plugin-aspm-common';
import { DAY, MetricContext } from '../metrics/MetricContext';

/**
 * The scope's exceptions active now (approved, not expired, not revoked):
 * how many, how many expire or are due for review within `withinDays`
 * (a review date already passed counts as due), and how many have no
 * compensating control.
 */
export function exceptionCounts(
  ctx: MetricContext,
  withinDays: number,
): ScorecardExceptions {
  const horizon = ctx.world.asOf + withinDays * DAY;
  const active = ctx.exceptions;
  return {
    active: active.length,
    expiringSoon: active.filter(
      x => x.expiresAt !== undefined && x.expiresAt <= horizon,
    ).length,
    reviewDue: active.filter(
      x => x.reviewAt !== undefined && x.reviewAt <= horizon,
    ).length,
    withoutCompensatingControl: active.filter(x => !x.hasCompensatingControl)
      .length,
    withinDays,
  };
}

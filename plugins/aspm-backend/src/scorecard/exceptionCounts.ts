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
  const active = [...ctx.exceptions].sort((a, b) => a.id - b.id);
  const ids = {
    active: active.map(x => x.id),
    expiringSoon: active
      .filter(x => x.expiresAt !== undefined && x.expiresAt <= horizon)
      .map(x => x.id),
    reviewDue: active
      .filter(x => x.reviewAt !== undefined && x.reviewAt <= horizon)
      .map(x => x.id),
    withoutCompensatingControl: active
      .filter(x => !x.hasCompensatingControl)
      .map(x => x.id),
  };
  return {
    active: ids.active.length,
    expiringSoon: ids.expiringSoon.length,
    reviewDue: ids.reviewDue.length,
    withoutCompensatingControl: ids.withoutCompensatingControl.length,
    withinDays,
    ids,
  };
}

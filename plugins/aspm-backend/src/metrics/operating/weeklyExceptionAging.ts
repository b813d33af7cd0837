import { WeeklyExceptionAging } from '@aspm/plugin-aspm-common';
import { DAY, MetricContext } from '../MetricContext';

/**
 * Exceptions of the scope active at the world's asOf, and how many were
 * approved more than 30, 90 and 180 days before it (as exception_debt
 * counts them).
 */
export function weeklyExceptionAging(ctx: MetricContext): WeeklyExceptionAging {
  const { asOf } = ctx.world;
  const older = (days: number) =>
    ctx.exceptions.filter(x => asOf - x.approvedAt > days * DAY).length;
  return {
    active: ctx.exceptions.length,
    over30Days: older(30),
    over90Days: older(90),
    over180Days: older(180),
  };
}

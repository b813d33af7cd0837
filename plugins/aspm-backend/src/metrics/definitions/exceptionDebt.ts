import {
  DAY,
  days,
  MetricComputation,
  MetricContext,
  sumSegments,
} from '../MetricContext';

/** Active exceptions of in-scope entities at asOf, oldest approval first. */
export function activeExceptions(ctx: MetricContext) {
  return [...ctx.exceptions].sort(
    (a, b) => a.approvedAt - b.approvedAt || a.id - b.id,
  );
}

/**
 * exception_debt: exceptions active at asOf, with how many are older than
 * 30 / 90 / 180 days from approval, on tier 1, without a review date, and
 * without a compensating control.
 */
export function exceptionDebt(ctx: MetricContext): MetricComputation {
  const { asOf } = ctx.world;
  const active = activeExceptions(ctx);
  const older = (n: number) =>
    active.filter(x => asOf - x.approvedAt > n * DAY).length;
  return {
    unit: 'count',
    value: active.length,
    details: {
      over30Days: older(30),
      over90Days: older(90),
      over180Days: older(180),
      tier1: active.filter(x => ctx.entities.get(x.entityRef)?.tier === '1')
        .length,
      withoutReviewDate: active.filter(x => x.reviewAt === undefined).length,
      withoutCompensatingControl: active.filter(x => !x.hasCompensatingControl)
        .length,
    },
    itemKind: 'exception',
    items: active.map(x => ({
      kind: 'exception',
      id: String(x.id),
      entityRef: x.entityRef,
      label: `#${x.id} ${x.category}`,
      value: days(asOf - x.approvedAt),
      note: `approved ${days(asOf - x.approvedAt)} days ago${
        x.expiresAt ? '' : ', no expiry'
      }`,
    })),
    segments: [
      ...sumSegments(
        'category',
        active,
        x => x.category,
        () => 1,
      ),
      ...sumSegments(
        'businessUnit',
        active,
        x => ctx.entities.get(x.entityRef)?.businessUnit,
        () => 1,
      ),
    ],
  };
}

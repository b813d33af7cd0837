import { MetricItem } from '@aspm/plugin-aspm-common';
import {
  DAY,
  days,
  median,
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  tierKey,
} from '../../MetricContext';
import { WorldReview } from '../../MetricsWorld';
import { byAsOf, inWindow, scopedSignals } from './scopedSignals';

const reviewItem = (
  r: WorldReview,
  value: number,
  note: string,
): MetricItem => ({
  kind: 'review',
  id: String(r.id),
  entityRef: r.entityRef,
  label: `${r.kind} #${r.id}`,
  value,
  note,
});

/** Segments of per-review day counts: the median of each group. */
function medianSegments<T>(
  dimension: string,
  items: T[],
  keyOf: (item: T) => string | undefined,
  valueOf: (item: T) => number,
) {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const key = keyOf(item) ?? '(none)';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(valueOf(item));
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => ({
      dimension,
      key,
      value: median(values),
      denominator: values.length,
    }));
}
export { medianSegments };

/**
 * review_first_response_time: median days from request to first response,
 * over reviews first answered in the window.
 */
export function reviewFirstResponseTime(ctx: MetricContext): MetricComputation {
  const answered = scopedSignals(ctx).reviews.filter(r =>
    inWindow(ctx, r.firstResponseAt),
  );
  const wait = (r: WorldReview) => days(r.firstResponseAt! - r.requestedAt);
  const unit = (r: WorldReview) => ctx.entities.get(r.entityRef)?.businessUnit;
  return {
    unit: 'days',
    value: median(answered.map(wait)),
    denominator: answered.length,
    details: { answered: answered.length },
    itemKind: 'review',
    items: answered
      .sort((a, b) => wait(b) - wait(a) || a.id - b.id)
      .map(r => reviewItem(r, wait(r), `first response after ${wait(r)} days`)),
    segments: [
      ...medianSegments('kind', answered, r => r.kind, wait),
      ...medianSegments('businessUnit', answered, unit, wait),
      ...medianSegments(
        'team',
        answered,
        r => ctx.entities.get(r.entityRef)?.team,
        wait,
      ),
    ],
  };
}

/** reviews_waiting: reviews requested by asOf without a first response by then. */
export function reviewsWaiting(ctx: MetricContext): MetricComputation {
  const { asOf } = ctx.world;
  const waiting = scopedSignals(ctx).reviews.filter(
    r => byAsOf(ctx, r.requestedAt) && !byAsOf(ctx, r.firstResponseAt),
  );
  const age = (r: WorldReview) => days(asOf - r.requestedAt);
  return {
    unit: 'count',
    value: waiting.length,
    details: {
      oldestDays: waiting.length ? Math.max(...waiting.map(age)) : null,
      over5Days: waiting.filter(r => asOf - r.requestedAt > 5 * DAY).length,
      over14Days: waiting.filter(r => asOf - r.requestedAt > 14 * DAY).length,
    },
    itemKind: 'review',
    items: waiting
      .sort((a, b) => a.requestedAt - b.requestedAt || a.id - b.id)
      .map(r => reviewItem(r, age(r), `waiting ${age(r)} days`)),
    segments: [
      ...countSegments('kind', waiting, r => r.kind),
      ...countSegments(
        'businessUnit',
        waiting,
        r => ctx.entities.get(r.entityRef)?.businessUnit,
      ),
    ],
  };
}

function countSegments<T>(
  dimension: string,
  items: T[],
  keyOf: (item: T) => string | undefined,
) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item) ?? '(none)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => ({ dimension, key, value: n, numerator: n }));
}
export { countSegments };

/**
 * threat_model_coverage: Components of the critical tiers (default 1 and
 * 2) with a threat model or design review completed within the last
 * `reviewCoverageDays` (default 365) / those Components.
 */
export function threatModelCoverage(ctx: MetricContext): MetricComputation {
  const { asOf } = ctx.world;
  const { criticalTiers, reviewKinds, reviewCoverageDays } = ctx.config.signals;
  const critical = [...ctx.entities.values()].filter(
    e => e.kind === 'component' && e.tier && criticalTiers.includes(e.tier),
  );
  const lastReview = new Map<string, WorldReview>();
  for (const r of scopedSignals(ctx).reviews) {
    if (!reviewKinds.includes(r.kind) || !byAsOf(ctx, r.completedAt)) continue;
    if (r.completedAt! <= asOf - reviewCoverageDays * DAY) continue;
    const prev = lastReview.get(r.entityRef);
    if (!prev || prev.completedAt! < r.completedAt!) {
      lastReview.set(r.entityRef, r);
    }
  }
  const covered = (ref: string) => lastReview.has(ref);
  return {
    unit: 'ratio',
    value: ratio(
      critical.filter(e => covered(e.entityRef)).length,
      critical.length,
    ),
    numerator: critical.filter(e => covered(e.entityRef)).length,
    denominator: critical.length,
    itemKind: 'entity',
    items: critical.map(e => {
      const r = lastReview.get(e.entityRef);
      return {
        kind: 'entity',
        id: e.entityRef,
        entityRef: e.entityRef,
        label: e.title ?? e.entityRef,
        inNumerator: Boolean(r),
        note: r
          ? `${r.kind} completed ${days(asOf - r.completedAt!)} days ago`
          : `no ${reviewKinds.join(
              ' or ',
            )} completed in the last ${reviewCoverageDays} days`,
      };
    }),
    segments: [
      ...ratioSegments(
        'tier',
        critical,
        e => tierKey(e),
        e => covered(e.entityRef),
      ),
      ...ratioSegments(
        'businessUnit',
        critical,
        e => e.businessUnit,
        e => covered(e.entityRef),
      ),
    ],
  };
}

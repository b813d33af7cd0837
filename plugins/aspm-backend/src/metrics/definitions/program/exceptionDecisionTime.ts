import {
  days,
  median,
  MetricComputation,
  MetricContext,
} from '../../MetricContext';
import { WorldExceptionDecision } from '../../MetricsWorld';
import { medianSegments } from './reviewMetrics';
import { inWindow, scopedSignals } from './scopedSignals';

/**
 * exception_decision_time: median days from an exception's request to its
 * first decision (approved or rejected), over decisions in the window.
 * Imported exceptions (decided in their own tool) have no request here.
 */
export function exceptionDecisionTime(ctx: MetricContext): MetricComputation {
  const decided = scopedSignals(ctx).exceptionDecisions.filter(x =>
    inWindow(ctx, x.decidedAt),
  );
  const wait = (x: WorldExceptionDecision) => days(x.decidedAt - x.requestedAt);
  return {
    unit: 'days',
    value: median(decided.map(wait)),
    denominator: decided.length,
    details: {
      decided: decided.length,
      approved: decided.filter(x => x.outcome === 'approved').length,
      rejected: decided.filter(x => x.outcome === 'rejected').length,
    },
    itemKind: 'exception',
    items: decided
      .sort((a, b) => wait(b) - wait(a) || a.id - b.id)
      .map(x => ({
        kind: 'exception',
        id: String(x.id),
        entityRef: x.entityRef,
        label: `#${x.id} ${x.category}`,
        value: wait(x),
        note: `${x.outcome} after ${wait(x)} days`,
      })),
    segments: [
      ...medianSegments('category', decided, x => x.category, wait),
      ...medianSegments(
        'businessUnit',
        decided,
        x => ctx.entities.get(x.entityRef)?.businessUnit,
        wait,
      ),
    ],
  };
}

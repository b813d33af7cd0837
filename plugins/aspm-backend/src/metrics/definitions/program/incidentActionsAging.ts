import {
  DAY,
  days,
  mean,
  median,
  MetricComputation,
  MetricContext,
  round,
} from '../../MetricContext';
import { WorldIncidentAction } from '../../MetricsWorld';
import { countSegments } from './reviewMetrics';
import { byAsOf, inWindow, scopedSignals } from './scopedSignals';

/**
 * incident_actions_aging: median age (days) of the follow-up actions of
 * security-related incidents open at asOf, with how many are overdue and
 * the time to close the actions closed in the window.
 */
export function incidentActionsAging(ctx: MetricContext): MetricComputation {
  const { asOf } = ctx.world;
  const actions = scopedSignals(ctx).incidentActions.filter(
    a => a.securityRelated && byAsOf(ctx, a.createdAt),
  );
  const open = actions.filter(a => !byAsOf(ctx, a.closedAt));
  const closed = actions.filter(a => inWindow(ctx, a.closedAt));
  const age = (a: WorldIncidentAction) => days(asOf - a.createdAt);
  const overdue = (a: WorldIncidentAction) =>
    a.dueAt !== undefined && a.dueAt < asOf;
  const toClose = closed.map(a => days(a.closedAt! - a.createdAt));
  const closeMean = mean(toClose);
  return {
    unit: 'days',
    value: median(open.map(age)),
    denominator: open.length,
    details: {
      open: open.length,
      overdue: open.filter(overdue).length,
      over30Days: open.filter(a => asOf - a.createdAt > 30 * DAY).length,
      closedInWindow: closed.length,
      meanDaysToClose: closeMean === null ? null : round(closeMean, 1),
      medianDaysToClose: median(toClose),
    },
    itemKind: 'incident-action',
    items: open
      .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
      .map(a => ({
        kind: 'incident-action',
        id: String(a.id),
        entityRef: a.ownerEntityRef,
        label: `${a.incidentId}: ${a.title}`,
        value: age(a),
        note: `${a.severity}, open ${age(a)} days${
          overdue(a) ? `, overdue by ${days(asOf - a.dueAt!)} days` : ''
        }`,
      })),
    segments: [
      ...countSegments('severity', open, a => a.severity),
      ...countSegments(
        'businessUnit',
        open,
        a => ctx.entities.get(a.ownerEntityRef)?.businessUnit,
      ),
      ...countSegments(
        'team',
        open,
        a => ctx.entities.get(a.ownerEntityRef)?.team,
      ),
    ],
  };
}

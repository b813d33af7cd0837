import { AspmEntity, EntityScorecard } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';
import { EntityStatus, entityFindings } from '../ownership';

const plural = (n: number, one: string, other: string) =>
  `${n} ${n === 1 ? one : other}`;

/**
 * What a scorecard says needs doing, worst first: overdue actions (an
 * error, naming the first), actions due within the scorecard's days,
 * metrics below target and missing baseline controls (warnings).
 */
export function scorecardStatuses(card: EntityScorecard): EntityStatus[] {
  const out: EntityStatus[] = [];
  const { items, withinDays } = card.actions;
  const overdue = items.filter(a => a.overdue);
  if (overdue.length) {
    out.push({
      severity: 'error',
      message: `${plural(overdue.length, 'action', 'actions')} overdue: ${
        overdue[0].title
      }`,
    });
  }
  const due = items.filter(a => !a.overdue && a.dueAt);
  if (due.length) {
    out.push({
      severity: 'warning',
      message: `${plural(
        due.length,
        'action',
        'actions',
      )} due in the next ${withinDays} days`,
    });
  }
  const below = card.metrics.filter(m => m.status === 'not-met');
  if (below.length) {
    out.push({
      severity: 'warning',
      message: `${plural(below.length, 'metric', 'metrics')} below target`,
    });
  }
  const missing = card.controls.filter(c => c.missing.length > 0);
  if (missing.length) {
    out.push({
      severity: 'warning',
      message: `Missing controls: ${missing.map(c => c.control).join(', ')}`,
    });
  }
  return out;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, ok: 2 };

/**
 * The worst status of an entity for its overview card: problems with its
 * catalog record (annotations, owner, tier, exposure) and what its
 * scorecard says needs doing, worst first; "ok" when there is neither.
 */
export function worstScorecardStatus(
  entity: AspmEntity,
  card?: EntityScorecard,
): EntityStatus {
  const all = [
    ...entityFindings(entity),
    ...(card ? scorecardStatuses(card) : []),
  ].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return (
    all[0] ?? {
      severity: 'ok',
      message: card
        ? `Nothing overdue or due in the next ${card.actions.withinDays} days`
        : 'Owned, tiered and exposure known',
    }
  );
}

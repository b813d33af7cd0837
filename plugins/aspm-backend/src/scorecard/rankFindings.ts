import { ScorecardFinding } from '@aspm/plugin-aspm-common';
import { riskWeight } from '../metrics/definitions/riskWeightedCriticalBacklog';
import { findingSlaDays } from '../metrics/findingSlaDays';
import { DAY, days, MetricContext, round } from '../metrics/MetricContext';
import { WorldFinding } from '../metrics/MetricsWorld';

/**
 * An open finding as a scorecard shows it: its risk weight (severity x
 * exploitability x tier x exposure, `riskWeight`), its age since first
 * seen, and its SLA deadline (start of its open spell + the SLA days of
 * its severity on its entity's tier, as the next-30-day actions count it).
 */
export function scorecardFinding(
  ctx: MetricContext,
  f: WorldFinding,
): ScorecardFinding {
  const now = ctx.world.asOf;
  const entity = ctx.entities.get(f.entityRef);
  const sla = findingSlaDays(ctx.config.slaDays, f.severity, entity?.tier);
  const due = sla === undefined ? undefined : f.spellStart + sla * DAY;
  return {
    id: f.id,
    entityRef: f.entityRef,
    title: f.title,
    severity: f.severity,
    tool: f.tool,
    category: f.category,
    ruleId: f.ruleId,
    knownExploited: f.knownExploited,
    ...(f.epss !== undefined ? { epss: f.epss } : {}),
    weight: round(riskWeight(f, entity, ctx.config.weights), 2),
    firstSeenAt: new Date(f.firstSeenAt).toISOString(),
    ageDays: days(now - f.firstSeenAt),
    ...(sla !== undefined && due !== undefined
      ? {
          slaDays: sla,
          dueAt: new Date(due).toISOString(),
          daysLeft: Math.floor((due - now) / DAY),
        }
      : {}),
    overdue: due !== undefined && due <= now,
  };
}

const dueOf = (f: ScorecardFinding) =>
  f.dueAt ? Date.parse(f.dueAt) : Number.MAX_SAFE_INTEGER;

/**
 * The scope's open findings (not fixed, not accepted, not suppressed),
 * heaviest first; equal weights by the earliest SLA deadline (the one to
 * fix first), then by id.
 */
export function openFindingsByRisk(ctx: MetricContext): ScorecardFinding[] {
  return ctx.findings
    .filter(f => f.state === 'open')
    .map(f => scorecardFinding(ctx, f))
    .sort((a, b) => b.weight - a.weight || dueOf(a) - dueOf(b) || a.id - b.id);
}

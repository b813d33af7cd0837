import {
  ScorecardFinding,
  TeamScorecardService,
  Exposure,
  Tier,
} from '@aspm/plugin-aspm-common';
import { METRIC_DEFINITIONS } from '../metrics/definitions';
import { entityControls } from '../metrics/definitions/tier1Coverage';
import { DAY, MetricContext, round } from '../metrics/MetricContext';
import { entityContext } from './entityContext';

/**
 * The per-service table of a team scorecard: each Component of the scope
 * with its tier and exposure, its weighted backlog (the open findings of
 * `backlogSeverities`, summed by risk weight as
 * `risk_weighted_critical_backlog` sums them), its open criticals and
 * highs and the oldest critical, its active exceptions (and those expiring
 * within `withinDays`), the baseline controls it lacks, and its gate
 * first-pass rate over the window (`gate_pass_rate`). Heaviest backlog
 * first, then by ref. `open` is the scope's open findings ranked by risk.
 */
export function serviceRows(
  ctx: MetricContext,
  open: ScorecardFinding[],
  withinDays: number,
): TeamScorecardService[] {
  const backlogSeverities = new Set<string>(ctx.config.backlogSeverities);
  const byEntity = new Map<string, ScorecardFinding[]>();
  for (const f of open) {
    if (!byEntity.has(f.entityRef)) byEntity.set(f.entityRef, []);
    byEntity.get(f.entityRef)!.push(f);
  }
  const horizon = ctx.world.asOf + withinDays * DAY;
  const rows: TeamScorecardService[] = [];
  for (const e of ctx.entities.values()) {
    if (e.kind !== 'component') continue;
    const findings = byEntity.get(e.entityRef) ?? [];
    const backlog = findings.filter(f => backlogSeverities.has(f.severity));
    const criticals = findings.filter(f => f.severity === 'critical');
    const oldest = criticals.reduce<ScorecardFinding | undefined>(
      (o, f) => (!o || f.ageDays > o.ageDays ? f : o),
      undefined,
    );
    const one = entityContext(ctx, e);
    const gates = METRIC_DEFINITIONS.gate_pass_rate.compute(one);
    rows.push({
      entityRef: e.entityRef,
      ...(e.title ? { title: e.title } : {}),
      ...(e.type ? { type: e.type } : {}),
      ...(e.team ? { owningTeam: e.team } : {}),
      ...(e.tier ? { tier: e.tier as Tier } : {}),
      ...(e.exposure ? { exposure: e.exposure as Exposure } : {}),
      weightedBacklog: round(
        backlog.reduce((s, f) => s + f.weight, 0),
        2,
      ),
      backlogFindingIds: backlog.map(f => f.id),
      openCritical: criticals.length,
      openHigh: findings.filter(f => f.severity === 'high').length,
      ...(oldest
        ? {
            oldestCritical: {
              findingId: oldest.id,
              title: oldest.title,
              ageDays: oldest.ageDays,
            },
          }
        : {}),
      activeExceptions: one.exceptions.length,
      activeExceptionIds: one.exceptions.map(x => x.id).sort((a, b) => a - b),
      expiringExceptions: one.exceptions.filter(
        x => x.expiresAt !== undefined && x.expiresAt <= horizon,
      ).length,
      coverageGaps: entityControls(one, e).missing,
      gatePassRate: gates.value,
      gateCandidates: gates.denominator ?? 0,
      gateFirstPass: gates.numerator ?? 0,
    });
  }
  return rows.sort(
    (a, b) =>
      b.weightedBacklog - a.weightedBacklog ||
      a.entityRef.localeCompare(b.entityRef),
  );
}

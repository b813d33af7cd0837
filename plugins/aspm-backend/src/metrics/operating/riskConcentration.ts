import {
  MonthlyRiskConcentration,
  RiskConcentrationTeam,
} from '@aspm/plugin-aspm-common';
import {
  backlogFindings,
  riskWeight,
} from '../definitions/riskWeightedCriticalBacklog';
import { MetricContext, ratio, round } from '../MetricContext';

/**
 * How concentrated the scope's risk-weighted backlog (the findings and
 * weights of risk_weighted_critical_backlog) is at the world's asOf: the
 * share of its total weight held by the top 10 % of teams, ceil, at least
 * one. Teams are those owning an in-scope entity of the ownership kinds
 * (default Components), plus any team holding backlog on another kind;
 * ranked by weight (ties by team ref). Findings on entities without a team
 * count in the total, under `unownedWeight`, never as a team.
 */
export function riskConcentration(
  ctx: MetricContext,
): MonthlyRiskConcentration {
  const teams = new Set<string>();
  for (const e of ctx.entities.values()) {
    if (e.team && ctx.ownershipKinds.includes(e.kind)) teams.add(e.team);
  }
  const byTeam = new Map<string, { weight: number; findings: number }>();
  let total = 0;
  let unowned = 0;
  for (const f of backlogFindings(ctx)) {
    const e = ctx.entities.get(f.entityRef);
    const weight = riskWeight(f, e, ctx.config.weights);
    total += weight;
    if (!e?.team) {
      unowned += weight;
      continue;
    }
    teams.add(e.team);
    const entry = byTeam.get(e.team) ?? { weight: 0, findings: 0 };
    entry.weight += weight;
    entry.findings += 1;
    byTeam.set(e.team, entry);
  }
  const topCount = Math.max(1, Math.ceil(teams.size / 10));
  const ranked = [...byTeam.entries()]
    .filter(([, v]) => v.weight > 0)
    .sort(([a, x], [b, y]) => y.weight - x.weight || a.localeCompare(b))
    .slice(0, topCount);
  const topWeight = ranked.reduce((s, [, v]) => s + v.weight, 0);
  const topTeams: RiskConcentrationTeam[] = ranked.map(([team, v]) => ({
    team,
    weight: round(v.weight, 2),
    findings: v.findings,
    share: ratio(v.weight, total),
  }));
  return {
    totalWeight: round(total, 2),
    unownedWeight: round(unowned, 2),
    teamCount: teams.size,
    topCount,
    topWeight: round(topWeight, 2),
    share: total > 0 ? ratio(topWeight, total) : null,
    topTeams,
  };
}

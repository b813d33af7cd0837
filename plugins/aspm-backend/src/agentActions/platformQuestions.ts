import { MetricContext, DAY, days } from '../metrics/MetricContext';
import { entityControls } from '../metrics/definitions/tier1Coverage';
import { windowReleases } from '../metrics/definitions/windowReleases';
import { riskWeight } from '../metrics/definitions/riskWeightedCriticalBacklog';
import { findingSlaDays } from '../metrics/findingSlaDays';

/*
 * The five questions of a mature platform (seed 002), as pure functions
 * over a scope's metric context: the same world the director metrics and
 * the director pack count, so their answers name the same entities.
 */

/** A tier-1 Component lacking required controls. */
export interface UnderScannedApplication {
  entityRef: string;
  title?: string;
  team?: string;
  businessUnit?: string;
  missing: string[];
}

/** Which tier-1 applications are under-scanned (lack a required control)? */
export function underScannedTier1(ctx: MetricContext): {
  tier1: number;
  covered: number;
  applications: UnderScannedApplication[];
} {
  const tier1 = [...ctx.entities.values()].filter(
    e => e.kind === 'component' && e.tier === '1',
  );
  const applications = tier1
    .map(e => ({
      entityRef: e.entityRef,
      title: e.title,
      team: e.team,
      businessUnit: e.businessUnit,
      missing: entityControls(ctx, e).missing as string[],
    }))
    .filter(a => a.missing.length > 0)
    .sort(
      (a, b) =>
        b.missing.length - a.missing.length ||
        a.entityRef.localeCompare(b.entityRef),
    );
  return {
    tier1: tier1.length,
    covered: tier1.length - applications.length,
    applications,
  };
}

/** A team's release candidates in the window and their first attempts. */
export interface GateFailingTeam {
  team: string;
  candidates: number;
  firstPass: number;
  failedFirst: number;
  firstPassRate: number;
  /** Gate types that failed at attempt 1, most often first. */
  failingGates: Array<{ gate: string; failures: number }>;
}

/**
 * Which teams repeatedly fail gates? Teams with at least `minFailures`
 * gated candidates failing a gate at attempt 1 in the window, most
 * failures first.
 */
export function teamsFailingGates(
  ctx: MetricContext,
  minFailures: number,
): GateFailingTeam[] {
  const byTeam = new Map<
    string,
    GateFailingTeam & { gates: Map<string, number> }
  >();
  for (const r of windowReleases(ctx)) {
    if (!r.gated) continue;
    const team = ctx.entities.get(r.entityRef)?.team ?? '(no team)';
    let t = byTeam.get(team);
    if (!t) {
      t = {
        team,
        candidates: 0,
        firstPass: 0,
        failedFirst: 0,
        firstPassRate: 0,
        failingGates: [],
        gates: new Map(),
      };
      byTeam.set(team, t);
    }
    t.candidates++;
    if (r.firstPass) t.firstPass++;
    else t.failedFirst++;
    for (const g of r.failedFirst) t.gates.set(g, (t.gates.get(g) ?? 0) + 1);
  }
  return [...byTeam.values()]
    .filter(t => t.failedFirst >= minFailures)
    .map(({ gates, ...t }) => ({
      ...t,
      firstPassRate: Math.round((t.firstPass / t.candidates) * 1000) / 1000,
      failingGates: [...gates.entries()]
        .map(([gate, failures]) => ({ gate, failures }))
        .sort(
          (a, b) => b.failures - a.failures || a.gate.localeCompare(b.gate),
        ),
    }))
    .sort(
      (a, b) =>
        b.failedFirst - a.failedFirst ||
        a.firstPassRate - b.firstPassRate ||
        a.team.localeCompare(b.team),
    );
}

/** An open finding aging on an application that matters. */
export interface AgingFinding {
  findingId: number;
  entityRef: string;
  title: string;
  severity: string;
  tool: string;
  ageDays: number;
  /** Spell start + the SLA days of its severity and tier. */
  slaDeadline?: string;
  overdue: boolean;
  riskWeight: number;
}

/**
 * Which findings are aging on the apps that matter most? Open (not
 * accepted) findings of `severities` on Components of `tiers` (and, when
 * asked, internet-facing ones only), at least `minAgeDays` old; highest
 * risk weight first, then oldest.
 */
export function agingFindingsOnCriticalApps(
  ctx: MetricContext,
  options: {
    tiers: string[];
    severities: string[];
    minAgeDays: number;
    internetOnly: boolean;
  },
): AgingFinding[] {
  const { asOf } = ctx.world;
  const out: AgingFinding[] = [];
  for (const f of ctx.findings) {
    if (f.state !== 'open' || !options.severities.includes(f.severity))
      continue;
    const e = ctx.entities.get(f.entityRef);
    if (!e || e.kind !== 'component' || !e.tier) continue;
    if (!options.tiers.includes(e.tier)) continue;
    if (options.internetOnly && e.exposure !== 'internet') continue;
    const age = asOf - f.spellStart;
    if (age < options.minAgeDays * DAY) continue;
    const sla = findingSlaDays(ctx.config.slaDays, f.severity, e.tier);
    const deadline = sla === undefined ? undefined : f.spellStart + sla * DAY;
    out.push({
      findingId: f.id,
      entityRef: f.entityRef,
      title: f.title,
      severity: f.severity,
      tool: f.tool,
      ageDays: days(age),
      slaDeadline:
        deadline === undefined ? undefined : new Date(deadline).toISOString(),
      overdue: deadline !== undefined && deadline < asOf,
      riskWeight: riskWeight(f, e, ctx.config.weights),
    });
  }
  return out.sort(
    (a, b) =>
      b.riskWeight - a.riskWeight ||
      b.ageDays - a.ageDays ||
      a.findingId - b.findingId,
  );
}

/** Active exceptions without a compensating control, by business unit and category. */
export function exceptionsWithoutControls(
  ctx: MetricContext,
  prev: MetricContext,
) {
  const { asOf } = ctx.world;
  const without = (c: MetricContext) =>
    c.exceptions.filter(x => !x.hasCompensatingControl);
  const now = without(ctx).sort(
    (a, b) => a.approvedAt - b.approvedAt || a.id - b.id,
  );
  const groups = new Map<
    string,
    { businessUnit: string; category: string; count: number }
  >();
  for (const x of now) {
    const businessUnit =
      ctx.entities.get(x.entityRef)?.businessUnit ?? '(none)';
    const key = `${businessUnit} ${x.category}`;
    const g = groups.get(key) ?? {
      businessUnit,
      category: x.category,
      count: 0,
    };
    g.count++;
    groups.set(key, g);
  }
  return {
    count: now.length,
    previousCount: without(prev).length,
    over90Days: now.filter(x => asOf - x.approvedAt > 90 * DAY).length,
    byBusinessUnitAndCategory: [...groups.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.businessUnit.localeCompare(b.businessUnit) ||
        a.category.localeCompare(b.category),
    ),
    exceptions: now.map(x => ({
      exceptionId: x.id,
      entityRef: x.entityRef,
      category: x.category,
      ageDays: days(asOf - x.approvedAt),
      expiresAt: x.expiresAt ? new Date(x.expiresAt).toISOString() : undefined,
      hasReviewDate: x.reviewAt !== undefined,
    })),
  };
}

/** Production releases in the window whose evidence checklist is incomplete. */
export function releasesLackingEvidence(ctx: MetricContext) {
  const production = windowReleases(ctx).filter(
    r => r.environment === 'production',
  );
  const lacking = production
    .filter(r => !r.evidenceComplete)
    .sort((a, b) => b.releasedAt - a.releasedAt || b.id - a.id);
  return { production: production.length, lacking };
}

import {
  DIRECTOR_METRIC_IDS,
  MetricValue,
  WeeklyReleaseBlocks,
} from '@aspm/plugin-aspm-common';
import { entityControls } from '../../metrics/definitions/tier1Coverage';
import { windowReleases } from '../../metrics/definitions/windowReleases';
import { DAY, MetricContext, round } from '../../metrics/MetricContext';
import { MetricsWorld, WorldEntity } from '../../metrics/MetricsWorld';
import { controlAdoption } from '../../metrics/operating/controlAdoption';
import { exceptionCategories } from '../../metrics/operating/exceptionCategories';
import { recurringFindingCategories } from '../../metrics/operating/recurringFindingCategories';
import { riskConcentration } from '../../metrics/operating/riskConcentration';
import { slaAttainment } from '../../metrics/operating/slaAttainment';
import { weeklyFindingFlow } from '../../metrics/operating/weeklyFindingFlow';
import { MetricSettings, scopeContext } from '../../metrics/scopeContext';
import { scopedRecords } from '../../metrics/worldIndex';
import {
  BacklogPart,
  CompactMetric,
  DetailFacts,
  FACTS_VERSION,
  FactsEntity,
  FactsGroup,
  GateFailure,
  RowOperations,
  ScopeDetailFacts,
} from '../PeriodFacts';
import { MetricValueOf } from './MetricValueOf';
import { addPart, backlogParts, heaviest } from './backlogParts';
import { businessUnitScope, shortName, worldBusinessUnits } from './packScopes';

/** Findings received in scans of one entity taken in the period. */
export interface IntakeCounts {
  received: number;
  duplicate: number;
  new: number;
}

/** What the detail of a period is computed from. */
export interface DetailInput {
  period: string;
  /** Read at the period's end, its window the period. */
  world: MetricsWorld;
  /** The previous period's world (directions of the drill-down rows, new tier-1 services). */
  previous: MetricsWorld;
  /** Read at the period's end, its window opened `slaLookBackDays` before the period. */
  slaWorld: MetricsWorld;
  settings: MetricSettings;
  valueOf: MetricValueOf;
  /** Stored verdicts of each pack scope's candidates released in the period. */
  releaseBlocks: Record<string, WeeklyReleaseBlocks>;
  /** Per entity: findings received in scans taken in the period. */
  intake: Map<string, IntakeCounts>;
}

const compact = (m: MetricValue): CompactMetric => ({
  id: m.id,
  value: m.value,
  ...(m.previousValue !== undefined ? { previousValue: m.previousValue } : {}),
  status: m.status,
  ...(m.direction ? { direction: m.direction } : {}),
});

/** Opened / closed criticals and highs, and SLA deadlines met / due, of a row. */
function operations(ctx: MetricContext, slaCtx: MetricContext): RowOperations {
  const flow = weeklyFindingFlow(ctx);
  const sla = slaAttainment(slaCtx, { from: ctx.world.from, to: ctx.world.to });
  return {
    opened: flow.opened.total + flow.reopened.total,
    closed: flow.closed.total,
    slaAttained: sla.overall.attained,
    slaDue: sla.overall.due,
  };
}

/** An entity's slice of a scope context (cheaper than resolving a scope per entity). */
function entityContext(base: MetricContext, e: WorldEntity): MetricContext {
  return {
    ...base,
    scope: e.entityRef,
    entities: new Map([[e.entityRef, e]]),
    ...scopedRecords(base.world, [e.entityRef]),
  };
}

/** Gate types failing at the first attempt, and which services released gated. */
function gates(ctx: MetricContext) {
  const released = windowReleases(ctx);
  const gated = released.filter(r => r.gated);
  const failures = new Map<string, Map<string, BacklogPart>>();
  for (const r of gated) {
    for (const gate of new Set(r.failedFirst)) {
      if (!failures.has(gate)) failures.set(gate, new Map());
      addPart(failures.get(gate)!, r.entityRef, 0);
    }
  }
  const gateFailures: GateFailure[] = [...failures.entries()]
    .map(([gate, parts]) => {
      const entities = heaviest(parts).sort(
        (a, b) => b.count - a.count || a.key.localeCompare(b.key),
      );
      return {
        gate,
        failedFirst: entities.reduce((s, p) => s + p.count, 0),
        candidates: gated.length,
        entities,
      };
    })
    .sort(
      (a, b) => b.failedFirst - a.failedFirst || a.gate.localeCompare(b.gate),
    );
  const releasing = new Set(released.map(r => r.entityRef));
  const gatedEntities = new Set(gated.map(r => r.entityRef));
  return {
    gateFailures,
    gateAdoption: {
      releasing: releasing.size,
      gated: gatedEntities.size,
      ungated: [...releasing].filter(r => !gatedEntities.has(r)).sort(),
    },
  };
}

/** Findings first seen in the period per source, and those marked false positive by its end. */
function signal(ctx: MetricContext) {
  const { from, to } = ctx.world;
  const byTool = new Map<
    string,
    { firstSeen: number; falsePositives: number }
  >();
  for (const f of ctx.findings) {
    if (f.firstSeenAt < from || f.firstSeenAt >= to) continue;
    const entry = byTool.get(f.tool) ?? { firstSeen: 0, falsePositives: 0 };
    entry.firstSeen += 1;
    if (f.state === 'false_positive') entry.falsePositives += 1;
    byTool.set(f.tool, entry);
  }
  return [...byTool.entries()]
    .map(([tool, v]) => ({ tool, ...v }))
    .sort((a, b) => b.firstSeen - a.firstSeen || a.tool.localeCompare(b.tool));
}

function scopeDetail(
  scope: string,
  input: DetailInput,
  titles: Map<string, string>,
): ScopeDetailFacts {
  const { world, previous, settings } = input;
  const ctx = scopeContext(world, scope, settings);
  const prevEntities = new Map(previous.entities.map(e => [e.entityRef, e]));
  const tier1Gaps = [...ctx.entities.values()]
    .filter(e => e.kind === 'component' && e.tier === '1')
    .map(e => ({
      entityRef: e.entityRef,
      missing: entityControls(ctx, e).missing as string[],
      newTier1: prevEntities.get(e.entityRef)?.tier !== '1',
    }))
    .filter(g => g.missing.length)
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const intake = { received: 0, duplicate: 0, new: 0, known: 0 };
  for (const ref of ctx.entities.keys()) {
    const c = input.intake.get(ref);
    if (!c) continue;
    intake.received += c.received;
    intake.duplicate += c.duplicate;
    intake.new += c.new;
    intake.known += Math.max(0, c.received - c.duplicate - c.new);
  }
  const period = { from: world.from, to: world.to };
  return {
    ...backlogParts(ctx, titles),
    riskConcentration: riskConcentration(ctx),
    exceptions: ctx.exceptions
      .map(x => {
        const e = ctx.entities.get(x.entityRef);
        return {
          id: x.id,
          entityRef: x.entityRef,
          ...(e?.team ? { team: e.team } : {}),
          ...(e?.businessUnit ? { businessUnit: e.businessUnit } : {}),
          category: x.category,
          ageDays: round((world.asOf - x.approvedAt) / DAY, 1),
          ...(x.expiresAt
            ? { expiresAt: new Date(x.expiresAt).toISOString() }
            : {}),
          ...(x.reviewAt
            ? { reviewAt: new Date(x.reviewAt).toISOString() }
            : {}),
          hasCompensatingControl: x.hasCompensatingControl,
          source: x.source,
        };
      })
      .sort((a, b) => b.ageDays - a.ageDays || a.id - b.id),
    exceptionCategories: exceptionCategories(ctx, period),
    recurring: recurringFindingCategories(ctx),
    ...gates(ctx),
    controlAdoption: controlAdoption(ctx),
    tier1Gaps,
    flow: weeklyFindingFlow(ctx),
    signal: signal(ctx),
    sla: slaAttainment(scopeContext(input.slaWorld, scope, settings), period),
    releaseBlocks: input.releaseBlocks[scope] ?? {
      blocked: 0,
      byRootCause: {},
    },
    intake,
  };
}

/** Most frequent value of a list (ties: the first in sort order). */
function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

/**
 * The detail of a pack's own period: per pack scope (org and each business
 * unit) the risks, exceptions, execution and signal numbers; and the
 * drill-down rows (teams, systems, domains, services) with every metric.
 */
export function detailFacts(input: DetailInput): DetailFacts {
  const { world, previous, settings, valueOf } = input;
  const titles = new Map(
    world.entities.map(e => [e.entityRef, e.title ?? shortName(e.entityRef)]),
  );
  const businessUnits = worldBusinessUnits(world);
  const scopes: Record<string, ScopeDetailFacts> = {};
  for (const scope of [
    'org',
    ...businessUnits.map(b => businessUnitScope(b.ref)),
  ]) {
    scopes[scope] = scopeDetail(scope, input, titles);
  }

  const orgCtx = scopeContext(world, 'org', settings);
  const orgPrev = scopeContext(previous, 'org', settings);
  const orgSla = scopeContext(input.slaWorld, 'org', settings);
  const slaByRef = new Map(input.slaWorld.entities.map(e => [e.entityRef, e]));
  const prevByRef = new Map(previous.entities.map(e => [e.entityRef, e]));
  const kinds = new Set(orgCtx.ownershipKinds);
  const services = [...orgCtx.entities.values()]
    .filter(e => kinds.has(e.kind))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const entities: FactsEntity[] = services.map(e => {
    const ctx = entityContext(orgCtx, e);
    const before = prevByRef.get(e.entityRef);
    const prev = before
      ? entityContext(orgPrev, before)
      : {
          ...orgPrev,
          scope: e.entityRef,
          entities: new Map(),
          ...scopedRecords(previous, []),
        };
    return {
      ref: e.entityRef,
      title: titles.get(e.entityRef)!,
      kind: e.kind,
      ...pick(e, [
        'tier',
        'exposure',
        'team',
        'businessUnit',
        'system',
        'domain',
      ]),
      metrics: DIRECTOR_METRIC_IDS.map(id => compact(valueOf(id, ctx, prev))),
      operations: operations(
        ctx,
        entityContext(orgSla, slaByRef.get(e.entityRef) ?? e),
      ),
      missingControls: entityControls(ctx, e).missing as string[],
    };
  });

  const group = (
    ref: string,
    members: WorldEntity[],
    own?: string,
  ): FactsGroup => {
    const ctx = scopeContext(world, ref, settings);
    const prev = scopeContext(previous, ref, settings);
    const units = [
      ...new Set(members.map(m => m.businessUnit).filter(Boolean)),
    ] as string[];
    const businessUnit = own ?? mostCommon(members.map(m => m.businessUnit));
    return {
      ref,
      title: titles.get(ref) ?? shortName(ref),
      ...(businessUnit ? { businessUnit } : {}),
      businessUnits: units.sort(),
      metrics: DIRECTOR_METRIC_IDS.map(id => compact(valueOf(id, ctx, prev))),
      operations: operations(ctx, scopeContext(input.slaWorld, ref, settings)),
    };
  };
  const groupsBy = (key: 'team' | 'system' | 'domain') => {
    const members = new Map<string, WorldEntity[]>();
    for (const e of services) {
      const ref = e[key];
      if (!ref) continue;
      if (!members.has(ref)) members.set(ref, []);
      members.get(ref)!.push(e);
    }
    const groupEntities = new Map(
      world.entities.filter(e => e.kind === 'group').map(e => [e.entityRef, e]),
    );
    return [...members.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ref, list]) =>
        group(
          ref,
          list,
          key === 'team' ? groupEntities.get(ref)?.businessUnit : undefined,
        ),
      );
  };

  return {
    version: FACTS_VERSION,
    period: input.period,
    businessUnits,
    scopes,
    teams: groupsBy('team'),
    systems: groupsBy('system'),
    domains: groupsBy('domain'),
    entities,
  };
}

function pick<T extends object, K extends keyof T>(
  o: T,
  keys: K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

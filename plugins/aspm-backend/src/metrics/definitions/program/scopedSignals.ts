import { MetricContext } from '../../MetricContext';
import {
  MetricsWorld,
  NO_SIGNALS,
  WorldScorecard,
  WorldSignals,
} from '../../MetricsWorld';

const scorecardIndex = new WeakMap<MetricsWorld, Map<string, WorldScorecard>>();
const byEntityIndex = new WeakMap<MetricsWorld, Map<string, WorldSignals>>();
const scopedCache = new WeakMap<MetricContext, WorldSignals>();

const empty = (): WorldSignals => ({
  reviews: [],
  incidentActions: [],
  deployments: [],
  scorecards: [],
  exceptionDecisions: [],
});

/** A world's signals by entity (incident actions by owner), built once. */
function signalsByEntity(world: MetricsWorld): Map<string, WorldSignals> {
  let index = byEntityIndex.get(world);
  if (index) return index;
  const map = new Map<string, WorldSignals>();
  index = map;
  const of = (ref: string) => {
    let s = map.get(ref);
    if (!s) map.set(ref, (s = empty()));
    return s;
  };
  const all = world.signals ?? NO_SIGNALS;
  for (const r of all.reviews) of(r.entityRef).reviews.push(r);
  for (const a of all.incidentActions) {
    of(a.ownerEntityRef).incidentActions.push(a);
  }
  for (const d of all.deployments) of(d.entityRef).deployments.push(d);
  for (const c of all.scorecards) of(c.entityRef).scorecards.push(c);
  for (const x of all.exceptionDecisions) {
    of(x.entityRef).exceptionDecisions.push(x);
  }
  byEntityIndex.set(world, index);
  return index;
}

/**
 * The program signals of the scope's entities (incident actions by their
 * owner), taken from a per-entity index so a scope costs its own records.
 */
export function scopedSignals(ctx: MetricContext): WorldSignals {
  const cached = scopedCache.get(ctx);
  if (cached) return cached;
  const index = signalsByEntity(ctx.world);
  const out = empty();
  for (const ref of ctx.entities.keys()) {
    const s = index.get(ref);
    if (!s) continue;
    out.reviews.push(...s.reviews);
    out.incidentActions.push(...s.incidentActions);
    out.deployments.push(...s.deployments);
    out.scorecards.push(...s.scorecards);
    out.exceptionDecisions.push(...s.exceptionDecisions);
  }
  scopedCache.set(ctx, out);
  return out;
}

/** An entity's latest Scorecard run at the world's asOf, if any. */
export function latestScorecard(
  world: MetricsWorld,
  entityRef: string,
): WorldScorecard | undefined {
  let index = scorecardIndex.get(world);
  if (!index) {
    index = new Map(
      (world.signals ?? NO_SIGNALS).scorecards.map(s => [s.entityRef, s]),
    );
    scorecardIndex.set(world, index);
  }
  return index.get(entityRef);
}

/** An instant in the flow window [from, to) and known at asOf. */
export function inWindow(ctx: MetricContext, t: number | undefined): boolean {
  const { from, to, asOf } = ctx.world;
  return t !== undefined && t >= from && t < to && t <= asOf;
}

/** An instant that had happened by asOf. */
export function byAsOf(ctx: MetricContext, t: number | undefined): boolean {
  return t !== undefined && t <= ctx.world.asOf;
}

/** Production deploys (aspm.metrics.signals.productionEnvironments). */
export function isProduction(ctx: MetricContext, environment: string) {
  return ctx.config.signals.productionEnvironments.includes(environment);
}

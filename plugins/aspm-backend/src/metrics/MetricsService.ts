import {
  METRIC_IDS,
  MetricId,
  MetricSet,
  metricIdsOf,
  MetricDetail,
  MetricsReport,
  MetricTime,
  MetricTrend,
  MetricValue,
  SecurityActionsResponse,
} from '@aspm/plugin-aspm-common';
import { deriveActions } from '../actions/deriveActions';
import { NotFoundError } from '@backstage/errors';
import { MetricsConfig } from '../config/readMetricsConfig';
import { MetricsStore } from '../database/MetricsStore';
import { SnapshotStore, StoredSnapshot } from '../database/SnapshotStore';
import {
  basisHash,
  countingBasis,
  CountingBasis,
  settingsHash,
} from './countingBasis';
import { countingChangeEffects } from './countingChangeEffects';
import { countingChanges } from './countingChanges';
import { resolveScope } from './resolveScope';
import { lastCompleteDay } from './SnapshotService';
import { METRIC_DEFINITIONS } from './definitions';
import { MetricComputation, MetricContext } from './MetricContext';
import { MetricsWorld } from './MetricsWorld';
import { metricDirection, metricStatus } from './metricStatus';
import { MetricWindow, metricWindow } from './metricWindow';
import { scopeContext } from './scopeContext';
import { trendPoints } from './trendPoints';

/** A metrics request's time and scope, as the API takes them. */
export interface MetricsQuery {
  scope?: string;
  /** Which metrics `report` answers (default the director metrics). */
  set?: MetricSet;
  asOf?: string;
  period?: string;
  from?: string;
  to?: string;
}

/** Computes the director metrics from the stored history. */
export class MetricsService {
  constructor(
    private readonly deps: {
      store: MetricsStore;
      config: MetricsConfig;
      ownershipKinds: string[];
      rotationSlaDays: Record<string, number>;
      /** Daily snapshots, read where they answer the question. */
      snapshots?: SnapshotStore;
    },
  ) {}

  /**
   * All metrics for a scope, with direction against the previous window.
   * Read from the daily snapshots when the question is a complete day with
   * the default window and both days were counted with today's settings;
   * computed from the event history otherwise.
   */
  async report(query: MetricsQuery, now = new Date()): Promise<MetricsReport> {
    const window = metricWindow(query, this.deps.config.windowDays, now);
    const fromSnapshots = await this.reportFromSnapshots(query, window, now);
    if (fromSnapshots) return fromSnapshots;
    const [current, previous] = await this.worlds(window);
    const ctx = this.context(current, query.scope);
    const prev = this.context(previous, query.scope);
    return {
      scope: ctx.scope,
      time: timeOf(window),
      metrics: metricIdsOf(query.set ?? 'director').map(
        id => this.value(id, ctx, prev).value,
      ),
      source: 'computed',
    };
  }

  /** One metric with its segments and a page of the items behind it. */
  async detail(
    id: string,
    query: MetricsQuery & { limit: number; offset: number },
    now = new Date(),
  ): Promise<MetricDetail> {
    const metricId = assertMetricId(id);
    const window = metricWindow(query, this.deps.config.windowDays, now);
    const [current, previous] = await this.worlds(window);
    const ctx = this.context(current, query.scope);
    const { value, computation } = this.value(
      metricId,
      ctx,
      this.context(previous, query.scope),
    );
    return {
      scope: ctx.scope,
      time: timeOf(window),
      metric: value,
      segments: computation.segments,
      items: computation.items.slice(query.offset, query.offset + query.limit),
      itemsTotal: computation.items.length,
    };
  }

  /**
   * The metric at the end of each week or month from `from` to `to`: read
   * from the daily snapshots where they were taken (`source: 'auto'`),
   * computed from the event history otherwise. A point whose counting basis
   * differs from the previous point's carries the changes, each with the
   * metric counted the earlier way on the point's date.
   */
  async trend(
    id: string,
    query: {
      scope?: string;
      from: string;
      to: string;
      interval: 'week' | 'month';
      source?: 'auto' | 'computed';
    },
    now = new Date(),
  ): Promise<MetricTrend> {
    const metricId = assertMetricId(id);
    const scope = resolveScope(query.scope, []).scope;
    const dates = trendPoints(query.from, query.to, query.interval, now);
    const windows = dates.map(asOf =>
      metricWindow(
        { asOf: asOf.toISOString().slice(0, 10) },
        this.deps.config.windowDays,
        now,
      ),
    );
    const stored = await this.storedPoints(
      scope,
      metricId,
      windows,
      query.source === 'computed' ? undefined : now,
    );
    const points: Array<{
      point: MetricTrend['points'][number];
      basis: () => Promise<CountingBasis>;
      world: () => Promise<MetricsWorld>;
    }> = [];
    for (const window of windows) {
      const day = window.asOf.toISOString().slice(0, 10);
      const snapshot = stored.snapshots.get(day);
      const time = timeOf(window);
      let world: Promise<MetricsWorld> | undefined;
      const loadWorld = () => (world ??= this.load(window));
      if (snapshot) {
        points.push({
          point: {
            ...time,
            value: snapshot.value,
            numerator: snapshot.numerator,
            denominator: snapshot.denominator,
            source: 'snapshot',
          },
          basis: async () => stored.bases.get(snapshot.basisId)!,
          world: loadWorld,
        });
        continue;
      }
      const w = await loadWorld();
      const c = METRIC_DEFINITIONS[metricId].compute(this.context(w, scope));
      const basis = countingBasis(w, this.deps);
      points.push({
        point: {
          ...time,
          value: c.value,
          numerator: c.numerator,
          denominator: c.denominator,
          source: 'computed',
        },
        basis: async () => basis,
        world: loadWorld,
      });
    }
    // The counting-change guard: compare each point's basis with the last.
    let previous: { basis: CountingBasis; hash: string } | undefined;
    for (const p of points) {
      const basis = await p.basis();
      const hash = basisHash(basis);
      if (previous && previous.hash !== hash) {
        const changes = countingChanges(previous.basis, basis, scope);
        if (changes.length) {
          p.point.countingChanges = countingChangeEffects(
            metricId,
            changes,
            await p.world(),
            basis.settings,
            scope,
          );
        }
      }
      previous = { basis, hash };
    }
    return {
      id: metricId,
      scope,
      interval: query.interval,
      points: points.map(p => p.point),
    };
  }

  /** Snapshots of complete days, with their bases (none when not asked). */
  private async storedPoints(
    scope: string,
    metricId: MetricId,
    windows: MetricWindow[],
    now: Date | undefined,
  ): Promise<{
    snapshots: Map<string, StoredSnapshot>;
    bases: Map<number, CountingBasis>;
  }> {
    const { snapshots } = this.deps;
    if (!snapshots || !now) return { snapshots: new Map(), bases: new Map() };
    const last = lastCompleteDay(now);
    const days = windows
      .map(w => w.asOf.toISOString().slice(0, 10))
      .filter(d => d <= last);
    const rows = await snapshots.read({ scope, days, metricIds: [metricId] });
    return {
      snapshots: new Map(rows.map(r => [r.day, r])),
      bases: await snapshots.bases(rows.map(r => r.basisId)),
    };
  }

  /** The report from snapshots, when they answer it exactly. */
  private async reportFromSnapshots(
    query: MetricsQuery,
    window: MetricWindow,
    now: Date,
  ): Promise<MetricsReport | undefined> {
    const { snapshots } = this.deps;
    if (!snapshots || query.period || query.from || query.to) return undefined;
    const day = window.asOf.toISOString().slice(0, 10);
    if (day > lastCompleteDay(now)) return undefined;
    const previousDay = new Date(
      window.asOf.getTime() - (window.to.getTime() - window.from.getTime()),
    )
      .toISOString()
      .slice(0, 10);
    const scope = resolveScope(query.scope, []).scope;
    const rows = await snapshots.read({ scope, days: [previousDay, day] });
    const bases = await snapshots.bases(rows.map(r => r.basisId));
    const today = settingsHash(this.deps);
    const sameSettings = new Map<number, boolean>();
    for (const [id, basis] of bases) {
      sameSettings.set(id, settingsHash(basis.settings) === today);
    }
    const usable = rows.filter(r => sameSettings.get(r.basisId));
    const byKey = new Map(usable.map(r => [`${r.day} ${r.metricId}`, r]));
    const metrics: MetricValue[] = [];
    for (const id of metricIdsOf(query.set ?? 'director')) {
      const c = byKey.get(`${day} ${id}`);
      const p = byKey.get(`${previousDay} ${id}`);
      if (!c || !p) return undefined;
      const def = METRIC_DEFINITIONS[id];
      const { direction, status, target } = this.judge(
        id,
        c.value,
        c.details,
        p.value,
        p.details,
      );
      metrics.push({
        id,
        title: def.title,
        unit: c.unit,
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        target,
        status,
        direction,
        previousValue: p.value,
        details: c.details,
        itemKind: def.itemKind,
        itemCount: c.itemCount,
      });
    }
    return { scope, time: timeOf(window), metrics, source: 'snapshot' };
  }

  /**
   * The next `withinDays` days' work of a scope (team scorecards and the
   * Security tab), derived from the state now.
   */
  async actions(
    query: { scope?: string; withinDays: number },
    now = new Date(),
  ): Promise<SecurityActionsResponse> {
    const window = metricWindow({}, this.deps.config.windowDays, now);
    const ctx = this.context(await this.load(window), query.scope);
    const actions = deriveActions(ctx, query.withinDays);
    const counts: SecurityActionsResponse['counts'] = {};
    for (const a of actions) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
    return {
      scope: ctx.scope,
      asOf: window.asOf.toISOString(),
      withinDays: query.withinDays,
      actions,
      counts,
    };
  }

  /**
   * The scope's slices of the worlds of a query's window and of the
   * previous equal window (for questions the metrics' parts answer, such as
   * the agent actions).
   */
  async contexts(
    query: MetricsQuery,
    now = new Date(),
  ): Promise<{ time: MetricTime; ctx: MetricContext; prev: MetricContext }> {
    const window = metricWindow(query, this.deps.config.windowDays, now);
    const [current, previous] = await this.worlds(window);
    return {
      time: timeOf(window),
      ctx: this.context(current, query.scope),
      prev: this.context(previous, query.scope),
    };
  }

  /** The scope's slice of a world. */
  context(world: MetricsWorld, scope: string | undefined): MetricContext {
    return scopeContext(world, scope, this.deps);
  }

  /** A metric's value with target, status and direction. */
  value(
    id: MetricId,
    ctx: MetricContext,
    previous: MetricContext,
  ): { value: MetricValue; computation: MetricComputation } {
    const def = METRIC_DEFINITIONS[id];
    const c = def.compute(ctx);
    const p = def.compute(previous);
    const { direction, status, target } = this.judge(
      id,
      c.value,
      c.details,
      p.value,
      p.details,
    );
    return {
      computation: c,
      value: {
        id,
        title: def.title,
        unit: c.unit,
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        target,
        status,
        direction,
        previousValue: p.value,
        details: c.details,
        itemKind: c.itemKind,
        itemCount: c.items.length,
      },
    };
  }

  /** Status against the target and direction against the previous window. */
  private judge(
    id: MetricId,
    value: number | null,
    details: Record<string, number | null> | undefined,
    previousValue: number | null,
    previousDetails: Record<string, number | null> | undefined,
  ) {
    const def = METRIC_DEFINITIONS[id];
    // Exception debt is judged on its over-90-days count (it must fall).
    const judged = id === 'exception_debt' ? 'over90Days' : undefined;
    const now = judged ? details?.[judged] ?? null : value;
    const before = judged ? previousDetails?.[judged] ?? null : previousValue;
    const direction = metricDirection(
      now,
      before,
      def.higherIsBetter,
      this.deps.config.flatBand,
    );
    const target = this.deps.config.targets[id];
    return {
      direction,
      target,
      status: metricStatus(value, target, direction),
    };
  }

  private async worlds(window: MetricWindow) {
    const length = window.to.getTime() - window.from.getTime();
    const previous: MetricWindow = {
      asOf: new Date(window.asOf.getTime() - length),
      from: new Date(window.from.getTime() - length),
      to: window.from,
    };
    return Promise.all([this.load(window), this.load(previous)]);
  }

  private load(window: MetricWindow) {
    const { scanDays, releaseDays } = this.deps.config.coverage;
    return this.deps.store.loadWorld({
      ...window,
      lookBackDays: Math.max(scanDays, releaseDays),
    });
  }
}

function timeOf(w: MetricWindow) {
  return {
    asOf: w.asOf.toISOString(),
    from: w.from.toISOString(),
    to: w.to.toISOString(),
  };
}

function assertMetricId(id: string): MetricId {
  if (!(METRIC_IDS as readonly string[]).includes(id)) {
    throw new NotFoundError(
      `No metric '${id}'; the metrics are ${METRIC_IDS.join(', ')}`,
    );
  }
  return id as MetricId;
}

import {
  DIRECTOR_METRIC_IDS,
  DirectorMetricId,
  MetricDetail,
  MetricsReport,
  MetricTrend,
  MetricValue,
} from '@aspm/plugin-aspm-common';
import { NotFoundError } from '@backstage/errors';
import { MetricsConfig } from '../config/readMetricsConfig';
import { MetricsStore } from '../database/MetricsStore';
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
    },
  ) {}

  /** All metrics for a scope, with direction against the previous window. */
  async report(query: MetricsQuery, now = new Date()): Promise<MetricsReport> {
    const window = metricWindow(query, this.deps.config.windowDays, now);
    const [current, previous] = await this.worlds(window);
    const ctx = this.context(current, query.scope);
    const prev = this.context(previous, query.scope);
    return {
      scope: ctx.scope,
      time: timeOf(window),
      metrics: DIRECTOR_METRIC_IDS.map(id => this.value(id, ctx, prev).value),
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

  /** The metric at the end of each week or month from `from` to `to`. */
  async trend(
    id: string,
    query: {
      scope?: string;
      from: string;
      to: string;
      interval: 'week' | 'month';
    },
    now = new Date(),
  ): Promise<MetricTrend> {
    const metricId = assertMetricId(id);
    const points = trendPoints(query.from, query.to, query.interval, now);
    const out: MetricTrend['points'] = [];
    let scope = 'org';
    for (const asOf of points) {
      const window = metricWindow(
        { asOf: asOf.toISOString().slice(0, 10) },
        this.deps.config.windowDays,
        now,
      );
      const ctx = this.context(await this.load(window), query.scope);
      scope = ctx.scope;
      const c = METRIC_DEFINITIONS[metricId].compute(ctx);
      out.push({
        asOf: window.asOf.toISOString(),
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        source: 'computed',
      });
    }
    return { id: metricId, scope, interval: query.interval, points: out };
  }

  /** The scope's slice of a world. */
  context(world: MetricsWorld, scope: string | undefined): MetricContext {
    return scopeContext(world, scope, this.deps);
  }

  /** A metric's value with target, status and direction. */
  value(
    id: DirectorMetricId,
    ctx: MetricContext,
    previous: MetricContext,
  ): { value: MetricValue; computation: MetricComputation } {
    const def = METRIC_DEFINITIONS[id];
    const c = def.compute(ctx);
    const p = def.compute(previous);
    // Exception debt is judged on its over-90-days count (it must fall).
    const judged = id === 'exception_debt' ? 'over90Days' : undefined;
    const now = judged ? c.details?.[judged] ?? null : c.value;
    const before = judged ? p.details?.[judged] ?? null : p.value;
    const direction = metricDirection(
      now,
      before,
      def.higherIsBetter,
      this.deps.config.flatBand,
    );
    const target = this.deps.config.targets[id];
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
        status: metricStatus(c.value, target, direction),
        direction,
        previousValue: p.value,
        details: c.details,
        itemKind: c.itemKind,
        itemCount: c.items.length,
      },
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

function assertMetricId(id: string): DirectorMetricId {
  if (!(DIRECTOR_METRIC_IDS as readonly string[]).includes(id)) {
    throw new NotFoundError(
      `No metric '${id}'; the metrics are ${DIRECTOR_METRIC_IDS.join(', ')}`,
    );
  }
  return id as DirectorMetricId;
}

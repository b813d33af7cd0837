import {
  DIRECTOR_METRIC_IDS,
  METRIC_IDS,
  MetricId,
  PROGRAM_METRIC_IDS,
  EntityScorecard,
  ScorecardActions,
  ScorecardMetric,
  ScorecardMetricPoint,
  TeamScorecard,
} from '@aspm/plugin-aspm-common';
import { NotFoundError } from '@backstage/errors';
import { deriveActions } from '../actions/deriveActions';
import { normalizeRef } from '../catalog/normalizeRef';
import { AspmStore } from '../database/AspmStore';
import { MetricsStore } from '../database/MetricsStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { METRIC_DEFINITIONS } from '../metrics/definitions';
import { MetricContext } from '../metrics/MetricContext';
import { MetricsService } from '../metrics/MetricsService';
import { MetricsWorld } from '../metrics/MetricsWorld';
import { MetricWindow, metricWindow } from '../metrics/metricWindow';
import { operatingWeekWindows } from '../metrics/operating/operatingWeekWindows';
import { OperatingWindow } from '../metrics/operating/OperatingWindow';
import { teamAndSubTeams } from '../metrics/resolveScope';
import { MetricSettings, scopeContext } from '../metrics/scopeContext';
import { lastCompleteDay } from '../metrics/SnapshotService';
import { trendPoints } from '../metrics/trendPoints';
import { agingOf, agingPoint } from './agingOf';
import { businessUnitMedians } from './businessUnitMedians';
import { criticalityOf } from './criticalityOf';
import { exceptionCounts } from './exceptionCounts';
import { openFindingsByRisk } from './rankFindings';
import { scorecardControls } from './scorecardControls';
import { serviceRows } from './serviceRows';

/** What a scorecard is asked: how far back its trends go, how far ahead it looks. */
export interface ScorecardOptions {
  /** Weeks of the aging (and, for teams, metric) trends, ending with this one. */
  weeks: number;
  /** Days ahead the actions and "expiring soon" look. */
  withinDays: number;
  /** Top risks listed. */
  limit: number;
}

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The worlds of a scorecard, read in one batch. */
interface ScorecardWorlds {
  window: MetricWindow;
  current: MetricsWorld;
  previous: MetricsWorld;
  weeks: Array<{ week: OperatingWindow; world: MetricsWorld }>;
  /** Worlds of metric trend days without snapshots, by day. */
  days: Map<string, MetricsWorld>;
}

/**
 * The Security tab of a Component or System and the scorecard of a team,
 * section by section, computed from the stored history as the metrics are:
 * the world now (and the previous window's, for the metrics' direction),
 * one world per week for the aging trend, and for teams the weekly metric
 * trend read from the daily snapshots where taken. Plain methods, so an
 * HTTP route, a scheduled report or an MCP action can call them alike.
 */
export class ScorecardService {
  constructor(
    private readonly deps: {
      store: Pick<AspmStore, 'getEntity'>;
      metricsStore: MetricsStore;
      metrics: MetricsService;
      settings: MetricSettings;
      snapshots?: SnapshotStore;
    },
  ) {}

  /**
   * The scorecard of an entity (for a System or Domain, its sections cover
   * the entities in it). NotFoundError when the store has not seen it.
   */
  async entity(
    query: { entityRef: string } & ScorecardOptions,
    now = new Date(),
  ): Promise<EntityScorecard> {
    const entityRef = normalizeRef(query.entityRef) ?? query.entityRef;
    const identity = await this.deps.store.getEntity(entityRef);
    if (!identity) {
      throw new NotFoundError(
        `No entity ${entityRef} in the ASPM store; it is not in the catalog, or the catalog sync has not run since it was added`,
      );
    }
    // Only this entity's records (a System's or Domain's: its entities').
    const worlds = await this.worlds(now, query.weeks, [], [entityRef]);
    const { ctx, prev, open, aging } = this.sections(worlds, entityRef);
    return {
      entityRef,
      time: timeOf(worlds.window),
      identity,
      entityRefs: [...ctx.entities.keys()].sort(),
      criticality: criticalityOf(identity, this.deps.settings.config.weights),
      topRisks: { items: open.slice(0, query.limit), total: open.length },
      exceptions: exceptionCounts(ctx, query.withinDays),
      aging,
      controls: scorecardControls(ctx),
      metrics: DIRECTOR_METRIC_IDS.map(
        id => this.deps.metrics.value(id, ctx, prev).value,
      ),
      actions: actionsOf(ctx, query.withinDays),
    };
  }

  /**
   * The scorecard of a Group: its Components and those of its sub-teams,
   * with the team's metrics (weekly trend, business unit median).
   * NotFoundError when the store has no such Group.
   */
  async team(
    query: { group: string } & ScorecardOptions,
    now = new Date(),
  ): Promise<TeamScorecard> {
    const groupRef =
      normalizeRef(query.group, { defaultKind: 'group' }) ?? query.group;
    const group = await this.deps.store.getEntity(groupRef);
    if (!group || group.kind !== 'group') {
      throw new NotFoundError(
        `No Group ${groupRef} in the ASPM store; it is not in the catalog, or the catalog sync has not run since it was added`,
      );
    }
    const trendDays = trendPoints(
      dayOf(new Date(now.getTime() - (query.weeks - 1) * 7 * DAY)),
      dayOf(now),
      'week',
      now,
    ).map(dayOf);
    const stored = await this.storedMetrics(groupRef, trendDays, now);
    const today = dayOf(now);
    const missing = trendDays.filter(
      d => d !== today && METRIC_IDS.some(id => !stored.has(`${d} ${id}`)),
    );
    // The team's records, and its business unit's for the medians.
    const unit = group.businessUnit;
    const worlds = await this.worlds(now, query.weeks, missing, [
      groupRef,
      ...(unit ? [`businessUnit:${unit}`] : []),
    ]);
    const { ctx, prev, open, aging } = this.sections(worlds, groupRef);
    const groupNow = worlds.current.entities.find(
      e => e.entityRef === groupRef,
    );
    const businessUnit = groupNow?.businessUnit ?? group.businessUnit;
    const medians = businessUnitMedians(
      worlds.current,
      businessUnit,
      this.deps.settings,
    );
    const row = (id: MetricId): ScorecardMetric => {
      const value = this.deps.metrics.value(id, ctx, prev).value;
      const trend: ScorecardMetricPoint[] = trendDays.map(day => {
        if (day === today) {
          return {
            asOf: worlds.window.asOf.toISOString(),
            value: value.value,
            source: 'computed',
          };
        }
        const asOf = metricWindow(
          { asOf: day },
          this.deps.settings.config.windowDays,
          now,
        ).asOf.toISOString();
        const key = `${day} ${id}`;
        if (stored.has(key)) {
          // A snapshot's value may be 0 or null (nothing to measure).
          return { asOf, value: stored.get(key)!, source: 'snapshot' };
        }
        const dayCtx = scopeContext(
          worlds.days.get(day)!,
          groupRef,
          this.deps.settings,
        );
        return {
          asOf,
          value: METRIC_DEFINITIONS[id].compute(dayCtx).value,
          source: 'computed',
        };
      });
      return {
        ...value,
        trend,
        ...(medians
          ? {
              businessUnitMedian: medians.medians[id].median,
              businessUnitTeams: medians.medians[id].teams,
            }
          : {}),
      };
    };
    const metrics = DIRECTOR_METRIC_IDS.map(row);
    const programMetrics = PROGRAM_METRIC_IDS.map(row);
    return {
      groupRef,
      time: timeOf(worlds.window),
      identity: {
        groupRef,
        ...(group.title ? { title: group.title } : {}),
        ...(businessUnit ? { businessUnit } : {}),
        teams: [...teamAndSubTeams(groupRef, worlds.current.entities)].sort(),
      },
      entityRefs: [...ctx.entities.keys()].sort(),
      services: serviceRows(ctx, open, query.withinDays),
      topRisks: { items: open.slice(0, query.limit), total: open.length },
      exceptions: exceptionCounts(ctx, query.withinDays),
      aging,
      controls: scorecardControls(ctx),
      metrics,
      programMetrics,
      ...(medians
        ? {
            businessUnit: { groupRef: medians.groupRef, teams: medians.teams },
          }
        : {}),
      actions: actionsOf(ctx, query.withinDays),
    };
  }

  /** The sections both scorecards share, for a scope. */
  private sections(worlds: ScorecardWorlds, scope: string) {
    const { settings } = this.deps;
    const ctx = scopeContext(worlds.current, scope, settings);
    const prev = scopeContext(worlds.previous, scope, settings);
    const open = openFindingsByRisk(ctx);
    const trend = worlds.weeks.map(({ week, world }) =>
      agingPoint(scopeContext(world, scope, settings), week),
    );
    return { ctx, prev, open, aging: agingOf(ctx, open, trend) };
  }

  /**
   * The metric values of the scope's snapshots on the given complete days,
   * keyed `${day} ${metricId}` (none without a snapshot store).
   */
  private async storedMetrics(
    scope: string,
    days: string[],
    now: Date,
  ): Promise<Map<string, number | null>> {
    const { snapshots } = this.deps;
    const complete = days.filter(d => d <= lastCompleteDay(now));
    if (!snapshots || !complete.length) return new Map();
    const rows = await snapshots.read({ scope, days: complete });
    return new Map(rows.map(r => [`${r.day} ${r.metricId}`, r.value]));
  }

  /**
   * Every world a scorecard reads, asked for in one tick so the metrics
   * store answers them from one read of the findings and their events: now
   * and the previous window (the metrics), each of the last `weeks` weeks'
   * ends (the aging trend; the current week is now), and the given days'
   * ends (metric trend points without a snapshot).
   */
  private async worlds(
    now: Date,
    weekCount: number,
    days: string[],
    scopes: string[],
  ): Promise<ScorecardWorlds> {
    const { config } = this.deps.settings;
    const lookBackDays = Math.max(
      config.coverage.scanDays,
      config.coverage.releaseDays,
    );
    const window = metricWindow({}, config.windowDays, now);
    const length = window.to.getTime() - window.from.getTime();
    const previous: MetricWindow = {
      asOf: new Date(window.asOf.getTime() - length),
      from: new Date(window.from.getTime() - length),
      to: window.from,
    };
    const load = (w: MetricWindow, back = lookBackDays) =>
      this.deps.metricsStore.loadWorld({ ...w, lookBackDays: back, scopes });
    const weeks = operatingWeekWindows(window.asOf.getTime(), weekCount);
    const dayWindows = days.map(d =>
      metricWindow({ asOf: d }, config.windowDays, now),
    );
    const [current, prev, ...rest] = await Promise.all([
      load(window),
      load(previous),
      // The aging trend reads open findings only: no look-back.
      ...weeks.map(w =>
        w.asOf === window.asOf.getTime()
          ? undefined
          : load(
              {
                asOf: new Date(w.asOf),
                from: new Date(w.from),
                to: new Date(w.to),
              },
              0,
            ),
      ),
      ...dayWindows.map(w => load(w)),
    ]);
    const weekWorlds = rest.slice(0, weeks.length);
    const dayWorlds = rest.slice(weeks.length) as MetricsWorld[];
    return {
      window,
      current,
      previous: prev,
      weeks: weeks.map((week, i) => ({
        week,
        world: weekWorlds[i] ?? current,
      })),
      days: new Map(days.map((d, i) => [d, dayWorlds[i]])),
    };
  }
}

/** The next days' work of a scope, with counts by kind. */
function actionsOf(ctx: MetricContext, withinDays: number): ScorecardActions {
  const items = deriveActions(ctx, withinDays);
  const counts: ScorecardActions['counts'] = {};
  for (const a of items) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return { withinDays, items, counts };
}

function timeOf(w: MetricWindow) {
  return {
    asOf: w.asOf.toISOString(),
    from: w.from.toISOString(),
    to: w.to.toISOString(),
  };
}

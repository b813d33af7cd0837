import {
  MAX_OPERATING_MONTHS,
  MAX_OPERATING_WEEKS,
  OperatingMetricsReport,
  OperatingMonth,
  OperatingWeek,
} from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';
import { MetricsConfig } from '../config/readMetricsConfig';
import { MetricsStore } from '../database/MetricsStore';
import { ReleasesStore } from '../database/ReleasesStore';
import { DAY, MetricContext } from './MetricContext';
import { metricWindow } from './metricWindow';
import { operatingMonth } from './operating/operatingMonth';
import { operatingMonthWindows } from './operating/operatingMonthWindows';
import { operatingWeek } from './operating/operatingWeek';
import { operatingWeekWindows } from './operating/operatingWeekWindows';
import { OperatingWindow } from './operating/OperatingWindow';
import { slaLookBackDays } from './operating/slaLookBackDays';
import { resolveScope } from './resolveScope';
import { scopeContext } from './scopeContext';

/**
 * The operating metrics of a scope: one world per week and per month,
 * rebuilt from the stored history by the metrics store (as the director
 * metrics are), cut to the scope, and counted by the pure functions of
 * `./operating`.
 */
export class OperatingMetricsService {
  constructor(
    private readonly deps: {
      store: MetricsStore;
      /** The stored verdicts of release candidates (root causes of blocks). */
      releases: Pick<ReleasesStore, 'releaseVerdicts'>;
      config: MetricsConfig;
      ownershipKinds: string[];
      rotationSlaDays: Record<string, number>;
    },
  ) {}

  /**
   * `weeks` ISO weeks and `months` calendar months ending with the ones
   * holding `asOf` (default now; a date means the end of that UTC day).
   */
  async report(
    query: { scope?: string; asOf?: string; weeks: number; months: number },
    now = new Date(),
  ): Promise<OperatingMetricsReport> {
    if (
      query.weeks > MAX_OPERATING_WEEKS ||
      query.months > MAX_OPERATING_MONTHS
    ) {
      throw new InputError(
        `at most ${MAX_OPERATING_WEEKS} weeks and ${MAX_OPERATING_MONTHS} months`,
      );
    }
    // A malformed scope fails before any world is loaded.
    const scope = resolveScope(query.scope, []).scope;
    const { asOf } = metricWindow(
      { asOf: query.asOf },
      this.deps.config.windowDays,
      now,
    );
    const weeks: OperatingWeek[] = [];
    for (const week of operatingWeekWindows(asOf.getTime(), query.weeks)) {
      const ctx = await this.context(week, scope, 0, 0);
      const verdicts = await this.verdicts(ctx, week);
      weeks.push(operatingWeek(ctx, week, verdicts));
    }
    const { scanDays, releaseDays } = this.deps.config.coverage;
    const months: OperatingMonth[] = [];
    for (const month of operatingMonthWindows(asOf.getTime(), query.months)) {
      const ctx = await this.context(
        month,
        scope,
        slaLookBackDays(this.deps.config.slaDays),
        Math.max(scanDays, releaseDays),
      );
      months.push(operatingMonth(ctx, month));
    }
    return { scope, asOf: asOf.toISOString(), weeks, months };
  }

  /**
   * The scope's slice of the world read at the window's asOf, its flow
   * window opened `extraDays` before the period (for spells fixed before
   * it), its scans and releases reaching `lookBackDays` back.
   */
  private async context(
    w: OperatingWindow,
    scope: string,
    extraDays: number,
    lookBackDays: number,
  ): Promise<MetricContext> {
    const world = await this.deps.store.loadWorld({
      asOf: new Date(w.asOf),
      from: new Date(w.from - extraDays * DAY),
      to: new Date(w.to),
      lookBackDays,
    });
    return scopeContext(world, scope, this.deps);
  }

  /** Stored verdicts of the scope's candidates released from the week's start. */
  private async verdicts(ctx: MetricContext, week: OperatingWindow) {
    const entityRefs = [...ctx.entities.keys()];
    if (!entityRefs.length) return [];
    return this.deps.releases.releaseVerdicts({
      entityRefs,
      from: new Date(week.from),
    });
  }
}

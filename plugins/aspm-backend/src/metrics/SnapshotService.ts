import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { METRIC_IDS, SnapshotJobStatus } from '@aspm/plugin-aspm-common';
import { MetricsStore } from '../database/MetricsStore';
import { SnapshotRow, SnapshotStore } from '../database/SnapshotStore';
import { basisHash, countingBasis } from './countingBasis';
import { METRIC_DEFINITIONS } from './definitions';
import { DAY } from './MetricContext';
import { metricWindow } from './metricWindow';
import { MetricSettings, scopeContext } from './scopeContext';
import { snapshotScopes } from './snapshotScopes';

/** Most days one rebuild covers. */
export const MAX_REBUILD_DAYS = 800;

/** The last complete UTC day before `now` (YYYY-MM-DD). */
export const lastCompleteDay = (now: Date) =>
  new Date(now.getTime() - DAY).toISOString().slice(0, 10);

/** Days from `from` to `to`, inclusive (YYYY-MM-DD). */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += DAY
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Takes daily snapshots of every director metric for every scope (org,
 * business units, teams, entities), each with the counting basis it was
 * taken under. The daily job fills the days missing since the last
 * snapshot (at most `catchUpDays`); a rebuild recomputes a range from the
 * event history, in the background, with progress.
 */
export class SnapshotService {
  private status: SnapshotJobStatus = { state: 'idle', done: 0, total: 0 };
  private running?: Promise<SnapshotJobStatus>;

  constructor(
    private readonly deps: {
      store: MetricsStore;
      snapshots: SnapshotStore;
      settings: MetricSettings;
      logger: LoggerService;
      /** Days the daily job fills when snapshots are missing (default 7). */
      catchUpDays?: number;
    },
  ) {}

  getStatus(): SnapshotJobStatus {
    return { ...this.status };
  }

  /** The status with the last complete snapshot day. */
  async statusWithLastDay(): Promise<SnapshotJobStatus> {
    return {
      ...this.getStatus(),
      lastDay: await this.deps.snapshots.lastDay(),
    };
  }

  /** Snapshots one complete day; returns how many scopes it covered. */
  async snapshotDay(day: string, now = new Date()): Promise<number> {
    const { config } = this.deps.settings;
    const window = metricWindow({ asOf: day }, config.windowDays, now);
    const world = await this.deps.store.loadWorld({
      ...window,
      lookBackDays: Math.max(
        config.coverage.scanDays,
        config.coverage.releaseDays,
      ),
    });
    const basis = countingBasis(world, this.deps.settings);
    const rows: SnapshotRow[] = [];
    const scopes = snapshotScopes(world);
    for (const scope of scopes) {
      const ctx = scopeContext(world, scope, this.deps.settings);
      for (const id of METRIC_IDS) {
        const c = METRIC_DEFINITIONS[id].compute(ctx);
        rows.push({
          scope: ctx.scope,
          metricId: id,
          value: c.value,
          numerator: c.numerator,
          denominator: c.denominator,
          details: c.details,
          unit: c.unit,
          itemCount: c.items.length,
        });
      }
      // Let the server answer requests between scopes.
      await new Promise(resolve => setImmediate(resolve));
    }
    await this.deps.snapshots.saveDay(
      day,
      { hash: basisHash(basis), basis },
      rows,
      new Date(),
    );
    return scopes.length;
  }

  /** The daily job: the complete days missing since the last snapshot. */
  async daily(now = new Date()): Promise<SnapshotJobStatus> {
    const to = lastCompleteDay(now);
    const earliest = new Date(
      Date.parse(`${to}T00:00:00Z`) - ((this.deps.catchUpDays ?? 7) - 1) * DAY,
    )
      .toISOString()
      .slice(0, 10);
    const done = new Set(
      await this.deps.snapshots.days({ from: earliest, to }),
    );
    const missing = dayRange(earliest, to).filter(d => !done.has(d));
    if (!missing.length) return this.getStatus();
    return this.start('schedule', missing, now);
  }

  /**
   * Starts recomputing every day from `from` to `to` (default: the last
   * complete day). Returns at once with the job's status; ConflictError
   * while a job runs.
   */
  rebuild(
    query: { from: string; to?: string },
    now = new Date(),
  ): SnapshotJobStatus {
    const last = lastCompleteDay(now);
    const to = query.to ?? last;
    if (to > last) {
      throw new InputError(
        `to: snapshots are taken of complete days; the last one is ${last} (got ${to})`,
      );
    }
    if (query.from > to) {
      throw new InputError(`from (${query.from}) is after to (${to})`);
    }
    const days = dayRange(query.from, to);
    if (days.length > MAX_REBUILD_DAYS) {
      throw new InputError(
        `from: a rebuild covers at most ${MAX_REBUILD_DAYS} days (got ${days.length}); rebuild in parts`,
      );
    }
    void this.start('rebuild', days, now);
    return this.getStatus();
  }

  private start(
    trigger: SnapshotJobStatus['trigger'],
    days: string[],
    now: Date,
  ): Promise<SnapshotJobStatus> {
    if (this.running) {
      throw new ConflictError(
        `A snapshot job is running (${this.status.done}/${this.status.total} days); try again when it is done`,
      );
    }
    this.status = {
      state: 'running',
      trigger,
      from: days[0],
      to: days[days.length - 1],
      done: 0,
      total: days.length,
      startedAt: new Date().toISOString(),
    };
    this.running = this.runDays(days, now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDays(days: string[], now: Date): Promise<SnapshotJobStatus> {
    const { logger } = this.deps;
    const started = Date.now();
    try {
      for (const day of days) {
        this.status.day = day;
        await this.snapshotDay(day, now);
        this.status.done += 1;
      }
      this.status = {
        ...this.status,
        state: 'done',
        day: undefined,
        finishedAt: new Date().toISOString(),
      };
      logger.info(
        `Metric snapshots: ${days.length} day(s) ${days[0]}..${
          days[days.length - 1]
        } in ${Date.now() - started} ms`,
      );
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.status = {
        ...this.status,
        state: 'failed',
        error: message,
        finishedAt: new Date().toISOString(),
      };
      logger.error(`Metric snapshots failed on ${this.status.day}: ${message}`);
    }
    return this.getStatus();
  }

  /** Waits for the running job, if any (tests, shutdown). */
  async settled(): Promise<SnapshotJobStatus> {
    if (this.running) await this.running;
    return this.getStatus();
  }
}

import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AspmIngestionSource,
  AspmSourcePullResult,
} from '@aspm/plugin-aspm-node';
import { AspmStore } from '../database/AspmStore';
import { FindingsStore } from '../database/FindingsStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { importSourceExceptions } from '../exceptions/importSourceExceptions';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

/** What GET /sources answers per source. */
export interface SourceInfo {
  id: string;
  description: string;
}

/**
 * Runs the registered ingestion sources: each on its own schedule (global
 * scope, one replica at a time) and on demand. Every scan a source submits
 * goes through the same store path as a push; failures land in the
 * ingestion log.
 */
export class SourceRunner {
  private readonly running = new Map<string, Promise<AspmSourcePullResult>>();

  constructor(
    private readonly deps: {
      sources: AspmIngestionSource[];
      store: AspmStore;
      findings: FindingsStore;
      exceptions: ExceptionsStore;
      /** The configured exception categories (imports outside them become `other`). */
      categories: string[];
      logger: LoggerService;
    },
  ) {}

  list(): SourceInfo[] {
    return this.deps.sources.map(s => ({
      id: s.id,
      description: s.description,
    }));
  }

  async schedule(scheduler: SchedulerService): Promise<void> {
    for (const source of this.deps.sources) {
      await scheduler.scheduleTask({
        id: `aspm-source-${source.id}`,
        scope: 'global',
        ...(source.schedule ?? DEFAULT_SCHEDULE),
        fn: async signal => {
          this.deps.logger.debug(
            `Scheduled task aspm-source-${source.id} runs`,
          );
          await this.run(source.id, signal).catch(() => {
            // Already logged and recorded; the next tick retries.
          });
        },
      });
    }
  }

  /** Pulls one source now, or joins its pull already running in this process. */
  run(id: string, signal?: AbortSignal): Promise<AspmSourcePullResult> {
    const source = this.deps.sources.find(s => s.id === id);
    if (!source) {
      throw new NotFoundError(
        `No ingestion source '${id}'; registered: ${
          this.deps.sources.map(s => s.id).join(', ') || 'none'
        }`,
      );
    }
    let pending = this.running.get(id);
    if (!pending) {
      pending = this.pull(source, signal).finally(() =>
        this.running.delete(id),
      );
      this.running.set(id, pending);
    }
    return pending;
  }

  private async pull(
    source: AspmIngestionSource,
    signal?: AbortSignal,
  ): Promise<AspmSourcePullResult> {
    const { store, findings } = this.deps;
    const logger = this.deps.logger.child({ source: source.id });
    const sourceName = `source:${source.id}`;
    try {
      const result = await source.pull({
        logger,
        signal,
        listEntities: () => store.listEntitiesAsOf({ asOf: new Date() }),
        submitScan: scan =>
          findings.ingest({
            source: sourceName,
            format: 'pull',
            entityRef: scan.entityRef.toLocaleLowerCase('en-US'),
            receivedAt: new Date(),
            runs: [
              {
                tool: scan.tool,
                runKey: scan.runKey,
                scannedAt: scan.scannedAt,
                findings: scan.findings,
              },
            ],
          }),
        submitExceptions: batch =>
          importSourceExceptions({
            sourceId: source.id,
            batch,
            exceptions: this.deps.exceptions,
            categories: this.deps.categories,
          }),
      });
      for (const e of result.errors) {
        await findings.recordFailure({
          source: sourceName,
          entityRef: e.entityRef,
          error: e.message,
          at: new Date(),
        });
      }
      logger.info(
        `Source ${source.id} pulled ${result.entities} entities, ${result.errors.length} failed`,
      );
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Source ${source.id} failed: ${message}`);
      await findings.recordFailure({
        source: sourceName,
        error: message,
        at: new Date(),
      });
      throw error;
    }
  }
}

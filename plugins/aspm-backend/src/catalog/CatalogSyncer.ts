import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogSyncCounts,
  CatalogSyncRun,
  SYNCED_KINDS,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { toEntityRecords } from './toEntityRecords';
import { EntityMappingOptions } from './types';

/** The entity fields the sync needs; everything else stays in the catalog. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.type',
  'spec.lifecycle',
  'spec.system',
  'spec.domain',
  'spec.parent',
  'spec.memberOf',
  'relations',
];

/**
 * Reads the catalog (paged, with the plugin's own service credentials) and
 * writes the store's view of it. One run at a time per process; across
 * replicas the scheduler's global scope and the store's lock serialize runs.
 */
export class CatalogSyncer {
  private running: Promise<CatalogSyncRun> | undefined;

  constructor(
    private readonly deps: {
      catalog: CatalogApi;
      auth: AuthService;
      store: AspmStore;
      logger: LoggerService;
      mapping: EntityMappingOptions;
      pageSize: number;
      now?: () => Date;
    },
  ) {}

  /** Runs a sync, or joins the one already running in this process. */
  run(trigger: CatalogSyncRun['trigger']): Promise<CatalogSyncRun> {
    if (!this.running) {
      this.running = this.doRun(trigger).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async readCatalog(): Promise<Entity[]> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.deps.pageSize, fields: FIELDS }
          : {
              filter: { kind: [...SYNCED_KINDS] },
              limit: this.deps.pageSize,
              fields: FIELDS,
            },
        { token },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }

  private async doRun(
    trigger: CatalogSyncRun['trigger'],
  ): Promise<CatalogSyncRun> {
    const { store, logger } = this.deps;
    const started = this.now();
    const id = await store.startSyncRun(trigger, started);
    try {
      const entities = await this.readCatalog();
      const records = toEntityRecords(entities, this.deps.mapping);
      const result = await store.replaceCatalogEntities(records, this.now());
      const byKind: Record<string, number> = {};
      for (const r of records) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      const finished = this.now();
      const counts: CatalogSyncCounts = {
        read: entities.length,
        byKind,
        ...result,
        durationMs: finished.getTime() - started.getTime(),
      };
      await store.finishSyncRun(id, { status: 'succeeded', counts }, finished);
      logger.info(
        `Catalog sync (${trigger}) read ${counts.read} entities: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.gone} gone, in ${counts.durationMs} ms`,
      );
      return {
        id,
        trigger,
        status: 'succeeded',
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        counts,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.finishSyncRun(
        id,
        { status: 'failed', error: message },
        this.now(),
      );
      logger.error(`Catalog sync (${trigger}) failed: ${message}`);
      throw error;
    }
  }
}

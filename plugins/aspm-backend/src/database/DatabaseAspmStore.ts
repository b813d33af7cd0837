import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AspmEntity,
  CatalogSyncCounts,
  CatalogSyncRun,
  EntitiesQuery,
  Page,
} from '@aspm/plugin-aspm-common';
import { AspmStore, EntitySyncResult } from './AspmStore';
import { AspmEntityRecord } from '../catalog/types';
import { EntityRow, recordToRow, rowToEntity } from './entityRows';
import { normalizeGroupRef } from '../catalog/normalizeRef';
import { stableStringify } from '../util/stableStringify';
import { chunk } from '../util/chunk';
import { toIso } from '../util/time';

const migrationsDir = resolvePackagePath(
  '@aspm/plugin-aspm-backend',
  'migrations',
);

const ORDER_COLUMNS: Record<EntitiesQuery['orderBy'], string> = {
  entityRef: 'entity_ref',
  name: 'name',
  kind: 'kind',
  tier: 'tier',
  ownerResolution: 'owner_resolution',
  businessUnit: 'business_unit',
  owningTeam: 'owning_team',
  lastSyncedAt: 'last_synced_at',
};

/** The knex implementation of {@link AspmStore}, for SQLite and PostgreSQL. */
export class DatabaseAspmStore implements AspmStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseAspmStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAspmStore(client);
  }

  private constructor(private readonly db: Knex) {}

  private get isPostgres(): boolean {
    return String(this.db.client.config.client).includes('pg');
  }

  async replaceCatalogEntities(
    records: AspmEntityRecord[],
    now: Date,
  ): Promise<EntitySyncResult> {
    const nowIso = now.toISOString();
    return this.db.transaction(async tx => {
      if (this.isPostgres) {
        // One sync at a time across replicas; readers are not blocked.
        await tx.raw('LOCK TABLE aspm_entities IN SHARE ROW EXCLUSIVE MODE');
      }
      const existing = new Map<string, { hash: string; gone: boolean }>();
      for (const row of await tx<EntityRow>('aspm_entities').select(
        'entity_ref',
        'content_hash',
        'gone_at',
      )) {
        existing.set(row.entity_ref, {
          hash: row.content_hash,
          gone: row.gone_at !== null && row.gone_at !== undefined,
        });
      }

      const toInsert: EntityRow[] = [];
      const toUpdate: AspmEntityRecord[] = [];
      const versions: Array<{ record: AspmEntityRecord; hash: string }> = [];
      const hashes = new Map<string, string>();
      const present = new Set<string>();
      let unchanged = 0;
      for (const record of records) {
        present.add(record.entityRef);
        const hash = createHash('sha256')
          .update(stableStringify(record))
          .digest('hex');
        hashes.set(record.entityRef, hash);
        const prev = existing.get(record.entityRef);
        if (!prev) {
          toInsert.push({
            ...recordToRow(record),
            content_hash: hash,
            first_seen_at: nowIso,
            last_synced_at: nowIso,
            gone_at: null,
          });
          versions.push({ record, hash });
        } else if (prev.gone || prev.hash !== hash) {
          toUpdate.push(record);
          versions.push({ record, hash });
        } else {
          unchanged += 1;
        }
      }
      const goneRefs = [...existing.entries()]
        .filter(([ref, v]) => !v.gone && !present.has(ref))
        .map(([ref]) => ref);

      // Close the open history version of everything that changed or left.
      const closing = [...toUpdate.map(r => r.entityRef), ...goneRefs];
      for (const refs of chunk(closing, 500)) {
        await tx('aspm_entity_history')
          .whereIn('entity_ref', refs)
          .whereNull('valid_to')
          .update({ valid_to: nowIso });
      }

      for (const rows of chunk(toInsert, 40)) {
        await tx('aspm_entities').insert(rows);
      }
      for (const record of toUpdate) {
        await tx('aspm_entities')
          .where('entity_ref', record.entityRef)
          .update({
            ...recordToRow(record),
            content_hash: hashes.get(record.entityRef),
            gone_at: null,
          });
      }
      for (const refs of chunk(goneRefs, 500)) {
        await tx('aspm_entities')
          .whereIn('entity_ref', refs)
          .update({ gone_at: nowIso });
      }

      const firstSeen = new Map<string, string>();
      for (const refs of chunk(
        toUpdate.map(r => r.entityRef),
        500,
      )) {
        for (const row of await tx<EntityRow>('aspm_entities')
          .whereIn('entity_ref', refs)
          .select('entity_ref', 'first_seen_at')) {
          firstSeen.set(row.entity_ref, toIso(row.first_seen_at)!);
        }
      }
      const historyRows = versions.map(({ record }) => ({
        entity_ref: record.entityRef,
        kind: record.kind,
        valid_from: nowIso,
        valid_to: null,
        snapshot: JSON.stringify({
          ...record,
          firstSeenAt: firstSeen.get(record.entityRef) ?? nowIso,
        }),
      }));
      for (const rows of chunk(historyRows, 200)) {
        await tx('aspm_entity_history').insert(rows);
      }

      await tx('aspm_entities')
        .whereNull('gone_at')
        .update({ last_synced_at: nowIso });

      return {
        added: toInsert.length,
        changed: toUpdate.length,
        unchanged,
        gone: goneRefs.length,
      };
    });
  }

  async listEntities(query: EntitiesQuery): Promise<Page<AspmEntity>> {
    const q = this.db<EntityRow>('aspm_entities');
    if (query.includeGone !== 'true') q.whereNull('gone_at');
    if (query.kind?.length) {
      q.whereIn(
        'kind',
        query.kind.map(k => k.toLocaleLowerCase('en-US')),
      );
    }
    if (query.owner?.length)
      q.whereIn('owner_ref', query.owner.map(normalizeGroupRef));
    if (query.team?.length)
      q.whereIn('owning_team', query.team.map(normalizeGroupRef));
    if (query.businessUnit?.length) {
      q.whereIn('business_unit', query.businessUnit.map(normalizeGroupRef));
    }
    if (query.tier?.length) {
      const tiers = query.tier.filter(t => t !== 'untiered');
      const untiered = query.tier.includes('untiered');
      q.where(b => {
        if (tiers.length) b.orWhereIn('tier', tiers);
        if (untiered) b.orWhereNull('tier');
      });
    }
    if (query.exposure?.length) {
      const values = query.exposure.filter(t => t !== 'unknown');
      const unknown = query.exposure.includes('unknown');
      q.where(b => {
        if (values.length) b.orWhereIn('exposure', values);
        if (unknown) b.orWhereNull('exposure');
      });
    }
    if (query.repository) {
      q.where('repo_slug', query.repository.toLocaleLowerCase('en-US'));
    }
    if (query.ownerResolution?.length) {
      q.whereIn('owner_resolution', query.ownerResolution);
    }
    if (query.q) {
      const pattern = `%${query.q
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, m => `\\${m}`)}%`;
      q.where(b =>
        b
          .whereRaw(`lower(entity_ref) like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(coalesce(title, '')) like ? escape '\\'`, [
            pattern,
          ]),
      );
    }
    const [{ count }] = await q.clone().count({ count: '*' });
    const column = ORDER_COLUMNS[query.orderBy];
    const rows = await q
      // Nulls (untiered, no team...) last in either direction, on every engine.
      .orderByRaw(`case when ${column} is null then 1 else 0 end`)
      .orderBy(column, query.order)
      .orderBy('entity_ref', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .select('*');
    return {
      items: rows.map(rowToEntity),
      totalCount: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getEntity(entityRef: string): Promise<AspmEntity | undefined> {
    const row = await this.db<EntityRow>('aspm_entities')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row ? rowToEntity(row) : undefined;
  }

  async listEntitiesAsOf(options: {
    asOf: Date;
    kinds?: string[];
  }): Promise<AspmEntity[]> {
    const at = options.asOf.toISOString();
    const q = this.db('aspm_entity_history')
      .where('valid_from', '<=', at)
      .where(b => b.whereNull('valid_to').orWhere('valid_to', '>', at));
    if (options.kinds?.length) {
      q.whereIn(
        'kind',
        options.kinds.map(k => k.toLocaleLowerCase('en-US')),
      );
    }
    const rows = await q.select('snapshot', 'valid_from').orderBy('entity_ref');
    return rows.map(row => {
      const snapshot = JSON.parse(row.snapshot);
      delete snapshot.parentRef;
      return {
        ...snapshot,
        lastSyncedAt: toIso(row.valid_from)!,
      } as AspmEntity;
    });
  }

  async backdateFirstVersions(since: Date): Promise<number> {
    const iso = since.toISOString();
    return this.db.transaction(async tx => {
      const rows = await tx('aspm_entity_history')
        .select('id', 'entity_ref', 'valid_from')
        .orderBy([{ column: 'entity_ref' }, { column: 'valid_from' }]);
      const first = new Map<string, { id: number; validFrom: string }>();
      for (const r of rows) {
        if (!first.has(r.entity_ref)) {
          first.set(r.entity_ref, {
            id: Number(r.id),
            validFrom: toIso(r.valid_from)!,
          });
        }
      }
      const ids = [...first.values()]
        .filter(f => f.validFrom > iso)
        .map(f => f.id);
      for (const part of chunk(ids, 500)) {
        await tx('aspm_entity_history')
          .whereIn('id', part)
          .update({ valid_from: iso });
      }
      await tx('aspm_entities')
        .where('first_seen_at', '>', iso)
        .update({ first_seen_at: iso });
      return ids.length;
    });
  }

  async addEarlierVersion(
    entityRef: string,
    until: Date,
    patch: Record<string, unknown>,
  ): Promise<boolean> {
    const at = until.toISOString();
    return this.db.transaction(async tx => {
      const versions = await tx('aspm_entity_history')
        .where('entity_ref', entityRef)
        .select('id', 'kind', 'valid_from', 'valid_to', 'snapshot')
        .orderBy('valid_from');
      const first = versions[0];
      if (!first || toIso(first.valid_from)! >= at) return false;
      const firstEnds = toIso(first.valid_to);
      if (firstEnds !== undefined && firstEnds <= at) return false;
      if (versions.some(v => toIso(v.valid_to) === at)) return false;
      const snapshot = JSON.parse(first.snapshot);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete snapshot[key];
        else snapshot[key] = value;
      }
      await tx('aspm_entity_history').where('id', first.id).update({
        valid_from: at,
      });
      await tx('aspm_entity_history').insert({
        entity_ref: entityRef,
        kind: first.kind,
        valid_from: toIso(first.valid_from),
        valid_to: at,
        snapshot: JSON.stringify(snapshot),
      });
      return true;
    });
  }

  async getGroupTitles(): Promise<Map<string, string>> {
    const rows = await this.db<EntityRow>('aspm_entities')
      .where('kind', 'group')
      .select('entity_ref', 'title', 'name');
    return new Map(rows.map(r => [r.entity_ref, r.title ?? r.name]));
  }

  async startSyncRun(
    trigger: CatalogSyncRun['trigger'],
    now: Date,
  ): Promise<number> {
    const [row] = await this.db('aspm_sync_runs')
      .insert({ trigger, status: 'running', started_at: now.toISOString() })
      .returning('id');
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async finishSyncRun(
    id: number,
    result: {
      status: 'succeeded' | 'failed';
      counts?: CatalogSyncCounts;
      error?: string;
    },
    now: Date,
  ): Promise<void> {
    await this.db('aspm_sync_runs')
      .where({ id })
      .update({
        status: result.status,
        finished_at: now.toISOString(),
        counts: result.counts ? JSON.stringify(result.counts) : null,
        error: result.error ?? null,
      });
  }

  async getLastSyncRun(): Promise<CatalogSyncRun | undefined> {
    const row = await this.db('aspm_sync_runs').orderBy('id', 'desc').first();
    if (!row) return undefined;
    return {
      id: Number(row.id),
      trigger: row.trigger,
      status: row.status,
      startedAt: toIso(row.started_at)!,
      finishedAt: toIso(row.finished_at),
      counts: row.counts ? JSON.parse(row.counts) : undefined,
      error: row.error ?? undefined,
    };
  }
}

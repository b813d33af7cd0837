import { Knex } from 'knex';
import { CountingBasis } from '../metrics/countingBasis';
import { chunk } from '../util/chunk';
import { parseJsonColumn } from '../util/parseJsonColumn';
import { SnapshotRow, SnapshotStore, StoredSnapshot } from './SnapshotStore';

/** Parsed counting bases kept in memory (a basis row never changes). */
const BASIS_CACHE_SIZE = 64;

/** Daily metric snapshots in the plugin's database. */
export class DatabaseSnapshotStore implements SnapshotStore {
  /** Parsed bases by id, least recently used first. */
  private readonly basisCache = new Map<number, CountingBasis>();

  constructor(private readonly db: Knex) {}

  async saveDay(
    day: string,
    basis: { hash: string; basis: CountingBasis },
    rows: SnapshotRow[],
    now: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      let basisId = (
        await tx('aspm_metric_bases').where('hash', basis.hash).first('id')
      )?.id;
      if (basisId === undefined) {
        const [inserted] = await tx('aspm_metric_bases')
          .insert({
            hash: basis.hash,
            basis: JSON.stringify(basis.basis),
            created_at: now.toISOString(),
          })
          .returning('id');
        basisId = typeof inserted === 'object' ? inserted.id : inserted;
      }
      await tx('aspm_metric_snapshots').where('day', day).delete();
      await tx('aspm_metric_snapshot_days').where('day', day).delete();
      const records = rows.map(r => ({
        day,
        scope: r.scope,
        metric_id: r.metricId,
        value: r.value,
        numerator: r.numerator ?? null,
        denominator: r.denominator ?? null,
        details: r.details ? JSON.stringify(r.details) : null,
        unit: r.unit,
        item_count: r.itemCount,
      }));
      // No id column, so knex batches (bulkInsert returns ids).
      for (const part of chunk(records, 500)) {
        await tx('aspm_metric_snapshots').insert(part);
      }
      await tx('aspm_metric_snapshot_days').insert({
        day,
        basis_id: Number(basisId),
        scopes: new Set(rows.map(r => r.scope)).size,
        computed_at: now.toISOString(),
      });
    });
  }

  async read(options: {
    scope: string;
    days: string[];
    metricIds?: string[];
  }): Promise<StoredSnapshot[]> {
    const out: StoredSnapshot[] = [];
    for (const days of chunk(options.days, 500)) {
      const q = this.db('aspm_metric_snapshots as s')
        .join('aspm_metric_snapshot_days as d', 'd.day', 's.day')
        .where('s.scope', options.scope)
        .whereIn('s.day', days)
        .select(
          's.day',
          's.scope',
          's.metric_id',
          's.value',
          's.numerator',
          's.denominator',
          's.details',
          's.unit',
          's.item_count',
          'd.basis_id',
        );
      if (options.metricIds) q.whereIn('s.metric_id', options.metricIds);
      for (const r of await q) {
        out.push({
          day: r.day,
          scope: r.scope,
          metricId: r.metric_id,
          value: numberOrNull(r.value),
          numerator: numberOrUndefined(r.numerator),
          denominator: numberOrUndefined(r.denominator),
          details: r.details
            ? parseJsonColumn<Record<string, number | null>>(r.details, {})
            : undefined,
          unit: r.unit,
          itemCount: Number(r.item_count),
          basisId: Number(r.basis_id),
        });
      }
    }
    return out.sort((a, b) => a.day.localeCompare(b.day));
  }

  /**
   * The bases of the given ids. A basis is written once per distinct hash
   * and never updated, so parsed bases are cached: a basis holds the
   * counting attributes of every entity, and parsing it on every report
   * cost more than the report's own read.
   */
  async bases(ids: number[]): Promise<Map<number, CountingBasis>> {
    const out = new Map<number, CountingBasis>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const cached = this.basisCache.get(id);
      if (cached) {
        // Most recently used last.
        this.basisCache.delete(id);
        this.basisCache.set(id, cached);
        out.set(id, cached);
      } else {
        missing.push(id);
      }
    }
    for (const part of chunk(missing, 500)) {
      const rows = await this.db('aspm_metric_bases')
        .whereIn('id', part)
        .select('id', 'basis');
      for (const r of rows) {
        const basis = JSON.parse(r.basis) as CountingBasis;
        out.set(Number(r.id), basis);
        this.basisCache.set(Number(r.id), basis);
        if (this.basisCache.size > BASIS_CACHE_SIZE) {
          this.basisCache.delete(this.basisCache.keys().next().value!);
        }
      }
    }
    return out;
  }

  async lastDay(): Promise<string | undefined> {
    const row = await this.db('aspm_metric_snapshot_days').max('day as day');
    return row[0]?.day ?? undefined;
  }

  async days(options: { from?: string; to?: string }): Promise<string[]> {
    const q = this.db('aspm_metric_snapshot_days').select('day').orderBy('day');
    if (options.from) q.where('day', '>=', options.from);
    if (options.to) q.where('day', '<=', options.to);
    return (await q).map(r => r.day);
  }
}

function numberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
function numberOrUndefined(v: unknown): number | undefined {
  return v === null || v === undefined ? undefined : Number(v);
}

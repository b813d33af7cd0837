import { Knex } from 'knex';
import { CountingBasis } from '../metrics/countingBasis';
import { chunk } from '../util/chunk';
import { parseJsonColumn } from '../util/parseJsonColumn';
import { SnapshotRow, SnapshotStore, StoredSnapshot } from './SnapshotStore';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';

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
    const payloads = payloadsOf(day, rows);
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
      // A later day may lean on this day's rows (it stores only what
      // changed since): give it its own rows before this day changes.
      const next = await tx('aspm_metric_snapshot_days')
        .where('day', '>', day)
        .orderBy('day')
        .first('day');
      if (next) {
        const leaning = await latestRows(tx, next.day);
        const own = new Set(
          (
            await tx('aspm_metric_snapshots')
              .where('day', next.day)
              .select('scope')
          ).map(r => r.scope),
        );
        const copies = [...leaning]
          .filter(([scope]) => !own.has(scope))
          .map(([scope, metrics]) => ({
            day: next.day,
            scope,
            metrics: metrics === null ? null : encodeSnapshot(metrics),
          }));
        for (const part of chunk(copies, 500)) {
          await tx('aspm_metric_snapshots').insert(part);
        }
      }
      await tx('aspm_metric_snapshots').where('day', day).delete();
      await tx('aspm_metric_snapshot_days').where('day', day).delete();
      // Only the scopes whose numbers changed since their latest row, and
      // a null row for those no longer there.
      const before = await latestRows(tx, day, { before: true });
      const records: Array<{
        day: string;
        scope: string;
        metrics: Buffer | null;
      }> = [];
      for (const [scope, metrics] of payloads) {
        if (before.get(scope) !== metrics) {
          records.push({ day, scope, metrics: encodeSnapshot(metrics) });
        }
      }
      for (const [scope, metrics] of before) {
        if (metrics !== null && !payloads.has(scope)) {
          records.push({ day, scope, metrics: null });
        }
      }
      for (const part of chunk(records, 500)) {
        await tx('aspm_metric_snapshots').insert(part);
      }
      await tx('aspm_metric_snapshot_days').insert({
        day,
        basis_id: Number(basisId),
        scopes: payloads.size,
        computed_at: now.toISOString(),
      });
    });
  }

  async read(options: {
    scope: string;
    days: string[];
    metricIds?: string[];
  }): Promise<StoredSnapshot[]> {
    if (!options.days.length) return [];
    const wanted = [...new Set(options.days)].sort();
    const complete = new Map<string, number>();
    for (const days of chunk(wanted, 500)) {
      const rows = await this.db('aspm_metric_snapshot_days')
        .whereIn('day', days)
        .select('day', 'basis_id');
      for (const r of rows) complete.set(r.day, Number(r.basis_id));
    }
    if (!complete.size) return [];
    const first = wanted.find(d => complete.has(d))!;
    const last = [...wanted].reverse().find(d => complete.has(d))!;
    // The scope's rows from the one in force on the first day to the last.
    const start = await this.db('aspm_metric_snapshots')
      .where('scope', options.scope)
      .where('day', '<=', first)
      .max('day as day');
    const rows = await this.db('aspm_metric_snapshots')
      .where('scope', options.scope)
      .where('day', '>=', start[0]?.day ?? first)
      .where('day', '<=', last)
      .orderBy('day')
      .select('day', 'metrics');
    const only = options.metricIds && new Set(options.metricIds);
    const out: StoredSnapshot[] = [];
    let k = 0;
    let metrics: Record<string, Packed> | null = null;
    for (const day of wanted) {
      while (k < rows.length && rows[k].day <= day) {
        const text = decodeSnapshot(rows[k].metrics);
        metrics = text
          ? parseJsonColumn<Record<string, Packed>>(text, {})
          : null;
        k++;
      }
      const basisId = complete.get(day);
      if (basisId === undefined || !metrics) continue;
      for (const [metricId, m] of Object.entries(metrics)) {
        if (only && !only.has(metricId)) continue;
        out.push({
          day,
          scope: options.scope,
          metricId,
          value: numberOrNull(m[0]),
          numerator: numberOrUndefined(m[1]),
          denominator: numberOrUndefined(m[2]),
          details: m[3] ?? undefined,
          unit: m[4],
          itemCount: Number(m[5]),
          basisId,
        });
      }
    }
    return out;
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

/** One metric in a stored row: [value, numerator, denominator, details, unit, item count]. */
type Packed = [
  number | null,
  number | null,
  number | null,
  Record<string, number | null> | null,
  SnapshotRow['unit'],
  number,
];

/**
 * Each scope's metrics as the text a row stores: metric ids in order, so
 * equal numbers give equal text. A scope's metric twice is refused.
 */
function payloadsOf(day: string, rows: SnapshotRow[]): Map<string, string> {
  const byScope = new Map<string, Map<string, Packed>>();
  for (const r of rows) {
    let metrics = byScope.get(r.scope);
    if (!metrics) byScope.set(r.scope, (metrics = new Map()));
    if (metrics.has(r.metricId)) {
      throw new Error(
        `duplicate key: ${r.scope} has ${r.metricId} twice in the snapshot of ${day}`,
      );
    }
    metrics.set(r.metricId, [
      r.value,
      r.numerator ?? null,
      r.denominator ?? null,
      r.details ?? null,
      r.unit,
      r.itemCount,
    ]);
  }
  const out = new Map<string, string>();
  for (const [scope, metrics] of byScope) {
    const sorted = [...metrics.keys()].sort();
    out.set(
      scope,
      JSON.stringify(
        Object.fromEntries(sorted.map(id => [id, metrics.get(id)])),
      ),
    );
  }
  return out;
}

/**
 * Each scope's latest row at or before `day` (strictly before with
 * `before`): its metrics text (decoded), or null when it had left.
 */
async function latestRows(
  db: Knex,
  day: string,
  options: { before?: boolean } = {},
): Promise<Map<string, string | null>> {
  const latest = db('aspm_metric_snapshots')
    .where('day', options.before ? '<' : '<=', day)
    .groupBy('scope')
    .select('scope', db.raw('max(day) as day'));
  const rows = await db('aspm_metric_snapshots as s')
    .join(latest.as('l'), function on() {
      this.on('l.scope', '=', 's.scope').andOn('l.day', '=', 's.day');
    })
    .select('s.scope', 's.metrics');
  return new Map(rows.map(r => [r.scope, decodeSnapshot(r.metrics)]));
}

function numberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
function numberOrUndefined(v: unknown): number | undefined {
  return v === null || v === undefined ? undefined : Number(v);
}

import { PackNarrativeRevision, StrategicAsk } from '@aspm/plugin-aspm-common';
import { Knex } from 'knex';
import { chunk } from '../util/chunk';
import { parseJsonColumn } from '../util/parseJsonColumn';
import { toIso } from '../util/time';
import {
  NewStrategicAsk,
  PackKey,
  PackStore,
  StoredFacts,
  StrategicAskPatch,
} from './PackStore';

/** Characters of JSON the parsed-facts memo keeps at most. */
const FACTS_MEMO_CHARS = 64 * 2 ** 20;

const factsKey = (
  period: string,
  part: string,
  version: number,
  computedAt: unknown,
) => JSON.stringify([period, part, version, toIso(computedAt as string)]);

/** Freezes a parsed JSON value and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Director pack data in the plugin's database. */
export class DatabasePackStore implements PackStore {
  /**
   * Parsed facts by (period, part, version, computed at). A stored row is
   * never changed in place (a new version or a recompute writes a new
   * row with a new time), so a frozen pack's numbers are parsed once, not
   * on every request (an org's month detail is about 11 MB of JSON at
   * 5,000 services). Frozen: callers read, never change, them.
   */
  private readonly factsMemo = new Map<
    string,
    { data: unknown; size: number }
  >();

  constructor(private readonly db: Knex) {}

  async readFacts(
    periods: string[],
    part: StoredFacts['part'],
  ): Promise<Map<string, StoredFacts>> {
    const out = new Map<string, StoredFacts>();
    for (const list of chunk([...new Set(periods)], 500)) {
      // Which rows there are first; the data only of those not parsed yet.
      const rows = await this.db('aspm_pack_facts')
        .whereIn('period', list)
        .where('part', part)
        .select('period', 'part', 'version', 'computed_at');
      const missing: string[] = [];
      const found: Array<{ row: Record<string, unknown>; data: unknown }> = [];
      for (const r of rows) {
        const key = factsKey(
          r.period,
          r.part,
          Number(r.version),
          r.computed_at,
        );
        const kept = this.factsMemo.get(key);
        if (kept === undefined) missing.push(r.period);
        else {
          // Most recently used last.
          this.factsMemo.delete(key);
          this.factsMemo.set(key, kept);
          found.push({ row: r, data: kept.data });
        }
      }
      const fresh = missing.length
        ? await this.db('aspm_pack_facts')
            .whereIn('period', missing)
            .where('part', part)
        : [];
      for (const r of fresh) {
        const data = deepFreeze(parseJsonColumn<unknown>(r.data, undefined));
        this.remember(
          factsKey(r.period, r.part, Number(r.version), r.computed_at),
          { data, size: String(r.data).length },
        );
        found.push({ row: r, data });
      }
      for (const { row, data } of found) {
        out.set(row.period as string, {
          period: row.period as string,
          part: row.part as StoredFacts['part'],
          version: Number(row.version),
          data,
          computedAt: toIso(row.computed_at as string)!,
        });
      }
    }
    return out;
  }

  /** Keeps parsed facts, dropping the least recently used over budget. */
  private remember(key: string, entry: { data: unknown; size: number }) {
    this.factsMemo.set(key, entry);
    let total = 0;
    for (const e of this.factsMemo.values()) total += e.size;
    for (const [k, e] of this.factsMemo) {
      if (total <= FACTS_MEMO_CHARS || this.factsMemo.size <= 1) break;
      this.factsMemo.delete(k);
      total -= e.size;
    }
  }

  async saveFacts(rows: StoredFacts[]): Promise<void> {
    if (!rows.length) return;
    await this.db.transaction(async tx => {
      for (const r of rows) {
        // A version bump replaces older numbers; the same version keeps the first.
        await tx('aspm_pack_facts')
          .where({ period: r.period, part: r.part })
          .where('version', '<', r.version)
          .delete();
        await tx('aspm_pack_facts')
          .insert({
            period: r.period,
            part: r.part,
            version: r.version,
            data: JSON.stringify(r.data),
            computed_at: r.computedAt,
          })
          .onConflict(['period', 'part'])
          .ignore();
      }
    });
  }

  async deleteFacts(period: string): Promise<number> {
    return await this.db('aspm_pack_facts').where('period', period).delete();
  }

  async saveNarrative(
    key: PackKey,
    content: Pick<PackNarrativeRevision, 'headline' | 'items'>,
    author: string,
    now: Date,
  ): Promise<PackNarrativeRevision> {
    return await this.db.transaction(async tx => {
      const [{ last }] = await tx('aspm_pack_narratives')
        .where(key)
        .max({ last: 'revision' });
      const revision = Number(last ?? 0) + 1;
      await tx('aspm_pack_narratives').insert({
        ...key,
        revision,
        headline: content.headline ?? null,
        items: JSON.stringify(content.items),
        author,
        saved_at: now.toISOString(),
      });
      return {
        ...key,
        revision,
        ...(content.headline !== undefined
          ? { headline: content.headline }
          : {}),
        items: content.items,
        author,
        savedAt: now.toISOString(),
      };
    });
  }

  async latestNarrative(
    key: PackKey,
  ): Promise<PackNarrativeRevision | undefined> {
    const row = await this.db('aspm_pack_narratives')
      .where(key)
      .orderBy('revision', 'desc')
      .first();
    return row ? narrativeOf(row) : undefined;
  }

  async narrativeRevisions(key: PackKey): Promise<PackNarrativeRevision[]> {
    const rows = await this.db('aspm_pack_narratives')
      .where(key)
      .orderBy('revision', 'desc');
    return rows.map(narrativeOf);
  }

  async createAsk(
    ask: NewStrategicAsk,
    actor: string,
    now: Date,
  ): Promise<StrategicAsk> {
    const [row] = await this.db('aspm_pack_asks')
      .insert({
        scope: ask.scope,
        kind: ask.kind,
        title: ask.title,
        detail: ask.detail ?? null,
        metric_ids: JSON.stringify(ask.metricIds),
        raised_in: ask.raisedIn,
        raised_from: ask.raisedFrom.toISOString(),
        raised_by: actor,
        raised_at: now.toISOString(),
        status: 'open',
        updated_by: actor,
        updated_at: now.toISOString(),
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    return (await this.getAsk(id))!;
  }

  async updateAsk(
    id: number,
    patch: StrategicAskPatch,
    actor: string,
    now: Date,
  ): Promise<StrategicAsk | undefined> {
    const changes: Record<string, unknown> = {
      updated_by: actor,
      updated_at: now.toISOString(),
    };
    if (patch.kind !== undefined) changes.kind = patch.kind;
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.detail !== undefined) changes.detail = patch.detail || null;
    if (patch.metricIds !== undefined) {
      changes.metric_ids = JSON.stringify(patch.metricIds);
    }
    if (patch.resolution !== undefined) {
      changes.resolution = patch.resolution || null;
    }
    if (patch.status === 'closed') {
      Object.assign(changes, {
        status: 'closed',
        closed_in: patch.closedIn,
        closed_to: patch.closedTo?.toISOString(),
        closed_by: actor,
        closed_at: now.toISOString(),
      });
    } else if (patch.status === 'open') {
      Object.assign(changes, {
        status: 'open',
        closed_in: null,
        closed_to: null,
        closed_by: null,
        closed_at: null,
      });
    }
    const n = await this.db('aspm_pack_asks').where('id', id).update(changes);
    return n ? this.getAsk(id) : undefined;
  }

  async getAsk(id: number): Promise<StrategicAsk | undefined> {
    const row = await this.db('aspm_pack_asks').where('id', id).first();
    return row ? askOf(row) : undefined;
  }

  async listAsks(query: {
    scope: string;
    status?: 'open' | 'closed';
  }): Promise<StrategicAsk[]> {
    const q = this.db('aspm_pack_asks').where('scope', query.scope);
    if (query.status) q.where('status', query.status);
    return (await q.orderBy('id')).map(askOf);
  }

  async scanIntake(query: {
    from: Date;
    to: Date;
  }): Promise<
    Map<string, { received: number; duplicate: number; new: number }>
  > {
    const scanned = this.db('aspm_scans')
      .distinct('ingestion_id')
      .where('scanned_at', '>=', query.from.toISOString())
      .where('scanned_at', '<', query.to.toISOString());
    const rows = await this.db('aspm_ingestions')
      .whereIn('id', scanned)
      .whereNotNull('entity_ref')
      .select('entity_ref', 'counts');
    const out = new Map<
      string,
      { received: number; duplicate: number; new: number }
    >();
    for (const r of rows) {
      const counts = parseJsonColumn<Record<string, number>>(r.counts, {});
      const entry = out.get(r.entity_ref) ?? {
        received: 0,
        duplicate: 0,
        new: 0,
      };
      entry.received += Number(counts.received ?? 0);
      entry.duplicate += Number(counts.duplicate ?? 0);
      entry.new += Number(counts.new ?? 0);
      out.set(r.entity_ref, entry);
    }
    return out;
  }

  async asksForPeriod(query: {
    scope: string;
    from: Date;
    to: Date;
  }): Promise<StrategicAsk[]> {
    const rows = await this.db('aspm_pack_asks')
      .where('scope', query.scope)
      .where('raised_from', '<', query.to.toISOString())
      .where(q =>
        q
          .where('status', 'open')
          .orWhere('closed_to', '>', query.from.toISOString()),
      )
      .orderBy('id');
    return rows.map(askOf);
  }
}

function narrativeOf(r: Record<string, any>): PackNarrativeRevision {
  return {
    scope: r.scope,
    period: r.period,
    audience: r.audience,
    revision: Number(r.revision),
    ...(r.headline !== null && r.headline !== undefined
      ? { headline: r.headline }
      : {}),
    items: parseJsonColumn<PackNarrativeRevision['items']>(r.items, []),
    author: r.author,
    savedAt: toIso(r.saved_at)!,
  };
}

function askOf(r: Record<string, any>): StrategicAsk {
  const optional = (key: string, value: unknown) =>
    value === null || value === undefined ? {} : { [key]: value };
  return {
    id: Number(r.id),
    scope: r.scope,
    kind: r.kind,
    title: r.title,
    ...optional('detail', r.detail),
    metricIds: parseJsonColumn<string[]>(r.metric_ids, []),
    raisedIn: r.raised_in,
    raisedBy: r.raised_by,
    raisedAt: toIso(r.raised_at)!,
    status: r.status,
    ...optional('closedIn', r.closed_in),
    ...optional('closedBy', r.closed_by),
    ...optional('closedAt', toIso(r.closed_at)),
    ...optional('resolution', r.resolution),
    updatedBy: r.updated_by,
    updatedAt: toIso(r.updated_at)!,
  };
}

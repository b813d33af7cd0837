import { Knex } from 'knex';
import {
  AspmException,
  ExceptionCategorySummary,
  ExceptionCoveredFinding,
  ExceptionEvent,
  ExceptionScope,
  ExceptionStatus,
  NO_BUSINESS_UNIT,
  Page,
} from '@aspm/plugin-aspm-common';
import { chunk } from '../util/chunk';
import { toIso } from '../util/time';
import {
  ExceptionsQuery,
  ExceptionsStore,
  ExceptionTransition,
  ImportedException,
  NewException,
} from './ExceptionsStore';
import { recomputeCoverage } from './recomputeCoverage';

const ORDER: Record<ExceptionsQuery['orderBy'], string> = {
  requestedAt: 'x.requested_at',
  expiresAt: 'x.expires_at',
  status: 'x.status',
  entityRef: 'x.entity_ref',
};

const iso = (d?: Date) => (d ? d.toISOString() : null);

function scopeColumns(scope: ExceptionScope) {
  switch (scope.type) {
    case 'rule':
      return { scope_type: 'rule', scope_value: scope.rule };
    case 'category':
      return { scope_type: 'category', scope_value: scope.category };
    default:
      return { scope_type: scope.type, scope_value: null };
  }
}

function rowToException(
  row: Record<string, any>,
  findingIds: number[] | undefined,
  covered: number,
): AspmException {
  let scope: ExceptionScope;
  if (row.scope_type === 'findings') {
    scope = { type: 'findings', findingIds: findingIds ?? [] };
  } else if (row.scope_type === 'rule') {
    scope = { type: 'rule', rule: row.scope_value };
  } else if (row.scope_type === 'category') {
    scope = { type: 'category', category: row.scope_value };
  } else {
    scope = { type: 'entity' };
  }
  const out: AspmException = {
    id: Number(row.id),
    entityRef: row.entity_ref,
    scope,
    reason: row.reason,
    category: row.category,
    status: row.status,
    source: row.source,
    externalId: row.external_id ?? undefined,
    requestedBy: row.requested_by,
    requestedAt: toIso(row.requested_at)!,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: toIso(row.decided_at),
    decisionNote: row.decision_note ?? undefined,
    expiresAt: toIso(row.expires_at),
    requestedExpiresAt: toIso(row.requested_expires_at),
    reviewAt: toIso(row.review_at),
    compensatingControl: row.compensating_control
      ? {
          text: row.compensating_control,
          link: row.compensating_link ?? undefined,
        }
      : undefined,
    renewals: Number(row.renewals),
    coveredFindings: covered,
    team: row.owning_team ?? undefined,
    businessUnit: row.business_unit ?? undefined,
    tier: row.tier ?? undefined,
  };
  for (const k of Object.keys(out) as Array<keyof AspmException>) {
    if (out[k] === undefined) delete out[k];
  }
  return out;
}

/** The knex (SQLite / PostgreSQL) implementation of ExceptionsStore. */
export class DatabaseExceptionsStore implements ExceptionsStore {
  constructor(private readonly db: Knex) {}

  private base(db: Knex | Knex.Transaction = this.db) {
    return db('aspm_exceptions as x')
      .leftJoin('aspm_entities as e', 'e.entity_ref', 'x.entity_ref')
      .select('x.*', 'e.owning_team', 'e.business_unit', 'e.tier');
  }

  private async hydrate(
    rows: Record<string, any>[],
    db: Knex | Knex.Transaction = this.db,
  ): Promise<AspmException[]> {
    if (!rows.length) return [];
    const ids = rows.map(r => Number(r.id));
    const scoped = new Set(
      rows.filter(r => r.scope_type === 'findings').map(r => Number(r.id)),
    );
    const links = new Map<number, number[]>();
    const covered = new Map<number, number>();
    for (const part of chunk(ids, 500)) {
      const withLinks = part.filter(id => scoped.has(id));
      if (withLinks.length) {
        for (const l of await db('aspm_exception_findings')
          .whereIn('exception_id', withLinks)
          .orderBy('finding_id')) {
          const id = Number(l.exception_id);
          if (!links.has(id)) links.set(id, []);
          links.get(id)!.push(Number(l.finding_id));
        }
      }
      for (const c of await db('aspm_findings')
        .whereIn('exception_id', part)
        .groupBy('exception_id')
        .select('exception_id', db.raw('count(*) as n'))) {
        covered.set(Number(c.exception_id), Number(c.n));
      }
    }
    return rows.map(r =>
      rowToException(
        r,
        links.get(Number(r.id)),
        covered.get(Number(r.id)) ?? 0,
      ),
    );
  }

  private async insert(
    tx: Knex.Transaction,
    input: NewException,
    findingIds: number[],
    event: ExceptionEvent['type'],
    actor: string,
  ): Promise<number> {
    const [row] = await tx('aspm_exceptions')
      .insert({
        entity_ref: input.entityRef,
        ...scopeColumns(input.scope),
        reason: input.reason,
        category: input.category,
        status: input.status,
        source: input.source,
        external_id: input.externalId ?? null,
        requested_by: input.requestedBy,
        requested_at: input.requestedAt.toISOString(),
        decided_by: input.decidedBy ?? null,
        decided_at: iso(input.decidedAt),
        requested_expires_at: iso(input.requestedExpiresAt),
        expires_at: iso(input.expiresAt),
        review_at: iso(input.reviewAt),
        compensating_control: input.compensatingControl?.text ?? null,
        compensating_link: input.compensatingControl?.link ?? null,
        renewals: 0,
        updated_at: input.requestedAt.toISOString(),
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    for (const part of chunk([...new Set(findingIds)], 400)) {
      await tx('aspm_exception_findings').insert(
        part.map(f => ({ exception_id: id, finding_id: f })),
      );
    }
    await tx('aspm_exception_events').insert({
      exception_id: id,
      type: event,
      actor,
      at: (input.decidedAt ?? input.requestedAt).toISOString(),
      from_status: null,
      to_status: input.status,
      expires_at: iso(input.expiresAt ?? input.requestedExpiresAt),
      review_at: iso(input.reviewAt),
      note: null,
    });
    return id;
  }

  async create(input: NewException): Promise<number> {
    return this.db.transaction(async tx => {
      const ids = input.scope.type === 'findings' ? input.scope.findingIds : [];
      const id = await this.insert(
        tx,
        input,
        ids,
        'requested',
        input.requestedBy,
      );
      if (input.status === 'approved') {
        await recomputeCoverage(
          tx,
          input.entityRef,
          input.decidedAt ?? input.requestedAt,
        );
      }
      return id;
    });
  }

  async get(id: number): Promise<AspmException | undefined> {
    const row = await this.base().where('x.id', id).first();
    if (!row) return undefined;
    return (await this.hydrate([row]))[0];
  }

  async events(id: number): Promise<ExceptionEvent[]> {
    const rows = await this.db('aspm_exception_events')
      .where({ exception_id: id })
      .orderBy('at', 'asc')
      .orderBy('id', 'asc');
    return rows.map(r => {
      const e: ExceptionEvent = {
        type: r.type,
        actor: r.actor,
        at: toIso(r.at)!,
        fromStatus: r.from_status ?? undefined,
        toStatus: r.to_status ?? undefined,
        expiresAt: toIso(r.expires_at),
        reviewAt: toIso(r.review_at),
        note: r.note ?? undefined,
      };
      for (const k of Object.keys(e) as Array<keyof ExceptionEvent>) {
        if (e[k] === undefined) delete e[k];
      }
      return e;
    });
  }

  async coveredFindings(id: number): Promise<ExceptionCoveredFinding[]> {
    const rows = await this.db('aspm_findings')
      .where({ exception_id: id })
      .orderBy('id')
      .limit(500)
      .select('id', 'title', 'severity', 'state', 'rule_id');
    return rows.map(r => ({
      id: Number(r.id),
      title: r.title,
      severity: r.severity,
      state: r.state,
      ruleId: r.rule_id,
    }));
  }

  async list(query: ExceptionsQuery): Promise<Page<AspmException>> {
    const q = this.base();
    if (query.entityRefs) q.whereIn('x.entity_ref', query.entityRefs);
    if (query.ids) q.whereIn('x.id', query.ids);
    if (query.status?.length) q.whereIn('x.status', query.status);
    if (query.category?.length) q.whereIn('x.category', query.category);
    if (query.source?.length) q.whereIn('x.source', query.source);
    if (query.minAgeDays !== undefined) {
      const before = new Date(
        query.now.getTime() - query.minAgeDays * 86_400_000,
      );
      q.where('x.requested_at', '<=', before.toISOString());
    }
    if (query.noReviewDate) q.whereNull('x.review_at');
    if (query.noCompensatingControl) q.whereNull('x.compensating_control');
    if (query.expiringWithinDays !== undefined) {
      const until = new Date(
        query.now.getTime() + query.expiringWithinDays * 86_400_000,
      );
      q.where('x.status', 'approved')
        .where('x.expires_at', '>', query.now.toISOString())
        .where('x.expires_at', '<=', until.toISOString());
    }
    const [{ count }] = await q.clone().clearSelect().count({ count: '*' });
    const rows = await q
      .orderBy(ORDER[query.orderBy], query.order)
      .orderBy('x.id', 'desc')
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.hydrate(rows),
      totalCount: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async categorySummary(
    status: ExceptionStatus[],
  ): Promise<ExceptionCategorySummary> {
    const rows = await this.db('aspm_exceptions as x')
      .leftJoin('aspm_entities as e', 'e.entity_ref', 'x.entity_ref')
      .whereIn('x.status', status)
      .groupBy('e.business_unit', 'x.category')
      .select(
        'e.business_unit as business_unit',
        'x.category as category',
        this.db.raw('count(*) as n'),
      )
      .orderBy([
        { column: 'n', order: 'desc' },
        { column: 'business_unit', order: 'asc' },
        { column: 'category', order: 'asc' },
      ]);
    return {
      items: rows.map(r => ({
        businessUnit: r.business_unit ?? NO_BUSINESS_UNIT,
        category: r.category,
        count: Number(r.n),
      })),
    };
  }

  async transition(t: ExceptionTransition): Promise<AspmException | undefined> {
    const changed = await this.db.transaction(async tx => {
      const row = await tx('aspm_exceptions').where({ id: t.id }).first();
      if (!row || !t.from.includes(row.status)) return undefined;
      const at = t.at.toISOString();
      const patch: Record<string, unknown> = { status: t.to, updated_at: at };
      if (t.decided) {
        patch.decided_by = t.actor;
        patch.decided_at = at;
        patch.decision_note = t.note ?? null;
      }
      if (t.expiresAt) patch.expires_at = t.expiresAt.toISOString();
      if (t.reviewAt) patch.review_at = t.reviewAt.toISOString();
      if (t.renewal) patch.renewals = Number(row.renewals) + 1;
      // Optimistic: only if nobody changed the status meanwhile.
      const updated = await tx('aspm_exceptions')
        .where({ id: t.id, status: row.status })
        .update(patch);
      if (!updated) return undefined;
      await tx('aspm_exception_events').insert({
        exception_id: t.id,
        type: t.event,
        actor: t.actor,
        at,
        from_status: row.status,
        to_status: t.to,
        expires_at: iso(t.expiresAt),
        review_at: iso(t.reviewAt),
        note: t.note ?? null,
      });
      await recomputeCoverage(tx, row.entity_ref, t.at);
      return true;
    });
    return changed ? this.get(t.id) : undefined;
  }

  async expireDue(now: Date): Promise<number> {
    const due = await this.db('aspm_exceptions')
      .where({ status: 'approved' })
      .whereNotNull('expires_at')
      .where('expires_at', '<=', now.toISOString())
      .select('id');
    let n = 0;
    for (const { id } of due) {
      const done = await this.transition({
        id: Number(id),
        from: ['approved'],
        to: 'expired',
        event: 'expired',
        actor: 'system:expiry',
        at: now,
      });
      if (done) n += 1;
    }
    return n;
  }

  async findingIdsOfEntity(
    entityRef: string,
    ids: number[],
  ): Promise<number[]> {
    const out: number[] = [];
    for (const part of chunk(ids, 500)) {
      const rows = await this.db('aspm_findings')
        .where({ entity_ref: entityRef })
        .whereIn('id', part)
        .select('id');
      out.push(...rows.map(r => Number(r.id)));
    }
    return out;
  }

  async findingIdsByFingerprint(
    entityRef: string,
    refs: Array<{ tool: string; fingerprint: string; runKey?: string }>,
  ): Promise<Array<number | undefined>> {
    const found = new Map<string, number>();
    const key = (tool: string, runKey: string, fp: string) =>
      `${tool}\u0000${runKey}\u0000${fp}`;
    for (const part of chunk(refs, 400)) {
      const rows = await this.db('aspm_findings')
        .where({ entity_ref: entityRef })
        .whereIn(
          'fingerprint',
          part.map(r => r.fingerprint),
        )
        .select('id', 'tool', 'run_key', 'fingerprint');
      for (const r of rows) {
        found.set(key(r.tool, r.run_key ?? '', r.fingerprint), Number(r.id));
      }
    }
    return refs.map(r => found.get(key(r.tool, r.runKey ?? '', r.fingerprint)));
  }

  async importExceptions(
    entityRef: string,
    items: ImportedException[],
    actor: string,
    at: Date,
    options: { complete?: boolean; source?: string } = {},
  ): Promise<{
    created: number;
    updated: number;
    unchanged: number;
    retired: number;
  }> {
    const counts = { created: 0, updated: 0, unchanged: 0, retired: 0 };
    const retire = Boolean(options.complete && options.source);
    if (!items.length && !retire) return counts;
    await this.db.transaction(async tx => {
      for (const item of items) {
        const row = await tx('aspm_exceptions')
          .where({ source: item.source, external_id: item.externalId })
          .first();
        if (!row) {
          await this.insert(tx, item, item.findingIds, 'imported', actor);
          counts.created += 1;
          continue;
        }
        const patch: Record<string, unknown> = {};
        const want: Record<string, unknown> = {
          entity_ref: item.entityRef,
          reason: item.reason,
          category: item.category,
          status: item.status,
          decided_by: item.decidedBy ?? null,
          decided_at: iso(item.decidedAt),
          expires_at: iso(item.expiresAt),
          review_at: iso(item.reviewAt),
        };
        for (const [k, v] of Object.entries(want)) {
          const have = k.endsWith('_at')
            ? toIso(row[k]) ?? null
            : row[k] ?? null;
          if (have !== v) patch[k] = v;
        }
        const links = (
          await tx('aspm_exception_findings')
            .where({ exception_id: row.id })
            .select('finding_id')
        ).map(l => Number(l.finding_id));
        const wantLinks = [...new Set(item.findingIds)];
        const linksChanged =
          links.length !== wantLinks.length ||
          wantLinks.some(f => !links.includes(f));
        if (!Object.keys(patch).length && !linksChanged) {
          counts.unchanged += 1;
          continue;
        }
        if (Object.keys(patch).length) {
          await tx('aspm_exceptions')
            .where({ id: row.id })
            .update({ ...patch, updated_at: at.toISOString() });
        }
        if (linksChanged) {
          await tx('aspm_exception_findings')
            .where({ exception_id: row.id })
            .delete();
          for (const part of chunk(wantLinks, 400)) {
            await tx('aspm_exception_findings').insert(
              part.map(f => ({ exception_id: row.id, finding_id: f })),
            );
          }
        }
        await tx('aspm_exception_events').insert({
          exception_id: row.id,
          type: patch.status === 'expired' ? 'expired' : 'updated',
          actor,
          at: at.toISOString(),
          from_status: row.status,
          to_status: item.status,
          expires_at: iso(item.expiresAt),
          review_at: iso(item.reviewAt),
          note: Object.keys(patch).length
            ? `changed in the source: ${Object.keys(patch).join(', ')}`
            : 'covered findings changed in the source',
        });
        counts.updated += 1;
      }
      if (retire) {
        counts.retired = await this.retireWithdrawn(
          tx,
          entityRef,
          options.source!,
          new Set(items.map(i => i.externalId)),
          actor,
          at,
        );
      }
      await recomputeCoverage(tx, entityRef, at);
    });
    return counts;
  }

  /**
   * A complete batch lists every exception the source holds for the entity
   * now: live ones it no longer lists were withdrawn there (the acceptance
   * deleted, the alert reopened), so they are revoked here, with an event.
   */
  private async retireWithdrawn(
    tx: Knex.Transaction,
    entityRef: string,
    source: string,
    listed: Set<string>,
    actor: string,
    at: Date,
  ): Promise<number> {
    const live = await tx('aspm_exceptions')
      .where({ entity_ref: entityRef, source })
      .whereIn('status', ['requested', 'approved'])
      .select('id', 'status', 'external_id');
    const gone = live.filter(r => !listed.has(r.external_id));
    for (const row of gone) {
      await tx('aspm_exceptions')
        .where({ id: row.id })
        .update({ status: 'revoked', updated_at: at.toISOString() });
      await tx('aspm_exception_events').insert({
        exception_id: row.id,
        type: 'revoked',
        actor,
        at: at.toISOString(),
        from_status: row.status,
        to_status: 'revoked',
        note: `no longer in ${source}: withdrawn there`,
      });
    }
    return gone.length;
  }
}

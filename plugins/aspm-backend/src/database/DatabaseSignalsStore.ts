import { Knex } from 'knex';
import {
  Deployment,
  Incident,
  IncidentAction,
  Page,
  ScorecardRun,
  SecurityReview,
} from '@aspm/plugin-aspm-common';
import { chunk } from '../util/chunk';
import { toIso, toMs } from '../util/time';
import {
  DeploymentRecord,
  IncidentActionsRecord,
  IncidentActionWithIncident,
  ReviewRecord,
  ScorecardRecord,
  SignalsStore,
  StoredSignals,
  Upserted,
} from './SignalsStore';
import { lockKeys } from './lockKeys';

type Row = Record<string, any>;

const iso = (d?: Date) => (d ? d.toISOString() : null);
const opt = <T>(v: T | null | undefined): T | undefined =>
  v === null || v === undefined ? undefined : v;
/** Two stored values are the same (timestamps compared as instants). */
const same = (a: unknown, b: unknown) => {
  if ((a === null || a === undefined) && (b === null || b === undefined)) {
    return true;
  }
  if (a instanceof Date || b instanceof Date) return toMs(a) === toMs(b);
  if (typeof a === 'string' && typeof b === 'string' && a !== b) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && /T/.test(a) && /T/.test(b)) {
      return ta === tb;
    }
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return Boolean(a) === Boolean(b);
  }
  return a === b;
};
const unchangedRow = (stored: Row, wanted: Row) =>
  Object.entries(wanted).every(([k, v]) => same(stored[k], v));

function toReview(r: Row): SecurityReview {
  return {
    id: Number(r.id),
    entityRef: r.entity_ref,
    kind: r.kind,
    source: r.source,
    externalId: r.external_id,
    title: opt(r.title),
    requestedAt: toIso(r.requested_at)!,
    firstResponseAt: toIso(r.first_response_at),
    completedAt: toIso(r.completed_at),
    outcome: opt(r.outcome),
    link: opt(r.link),
    createdAt: toIso(r.created_at)!,
    updatedAt: toIso(r.updated_at)!,
  };
}

function toIncident(r: Row): Incident {
  return {
    id: r.id,
    title: opt(r.title),
    severity: r.severity,
    securityRelated: Boolean(r.security_related),
    openedAt: toIso(r.opened_at),
    link: opt(r.link),
  };
}

function toAction(r: Row): IncidentAction {
  return {
    id: Number(r.id),
    incidentId: r.incident_id,
    externalId: r.external_id,
    title: r.title,
    ownerEntityRef: r.owner_entity_ref,
    createdAt: toIso(r.created_at)!,
    dueAt: toIso(r.due_at),
    closedAt: toIso(r.closed_at),
  };
}

/** The deploy's release candidate passed its gates with complete evidence. */
const USED_CONTROLS = `exists (select 1 from aspm_releases r
  where r.entity_ref = d.entity_ref and r.environment = d.environment
    and r.version = d.version and r.released_at <= d.deployed_at
    and r.outcome in ('passed', 'passed-after-rerun')
    and r.evidence_complete)`;
const RELEASE_ID = `(select max(r.id) from aspm_releases r
  where r.entity_ref = d.entity_ref and r.environment = d.environment
    and r.version = d.version)`;

function toDeployment(r: Row): Deployment {
  return {
    id: Number(r.id),
    entityRef: r.entity_ref,
    environment: r.environment,
    releaseId: r.release_id === null ? undefined : Number(r.release_id),
    version: r.version,
    deployedAt: toIso(r.deployed_at)!,
    firstCommitAt: toIso(r.first_commit_at),
    failedAt: toIso(r.failed_at),
    causedByControlGap:
      r.caused_by_control_gap === null
        ? undefined
        : Boolean(r.caused_by_control_gap),
    restoredAt: toIso(r.restored_at),
    usedReleaseControls: Boolean(r.used_release_controls),
    source: r.source,
    externalId: r.external_id,
  };
}

/** The knex implementation of {@link SignalsStore}, for SQLite and PostgreSQL. */
export class DatabaseSignalsStore implements SignalsStore {
  constructor(private readonly db: Knex) {}

  async upsertReview(
    review: ReviewRecord,
    now: Date,
  ): Promise<Upserted<SecurityReview>> {
    const wanted = {
      entity_ref: review.entityRef,
      kind: review.kind,
      title: review.title ?? null,
      requested_at: iso(review.requestedAt),
      first_response_at: iso(review.firstResponseAt),
      completed_at: iso(review.completedAt),
      outcome: review.outcome ?? null,
      link: review.link ?? null,
    };
    return this.db.transaction(async tx => {
      const key = { source: review.source, external_id: review.externalId };
      const stored = await tx('aspm_reviews').where(key).first();
      if (stored && unchangedRow(stored, wanted)) {
        return { value: toReview(stored), created: false, changed: false };
      }
      if (stored) {
        await tx('aspm_reviews')
          .where('id', stored.id)
          .update({
            ...wanted,
            posted_by: review.postedBy ?? null,
            updated_at: now.toISOString(),
          });
      } else {
        await tx('aspm_reviews').insert({
          ...key,
          ...wanted,
          posted_by: review.postedBy ?? null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
      }
      const row = await tx('aspm_reviews').where(key).first();
      return { value: toReview(row), created: !stored, changed: true };
    });
  }

  async listReviews(query: {
    entityRefs?: string[];
    kinds?: string[];
    waiting?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<SecurityReview>> {
    const q = this.db('aspm_reviews');
    if (query.entityRefs) q.whereIn('entity_ref', query.entityRefs);
    if (query.kinds?.length) q.whereIn('kind', query.kinds);
    if (query.waiting === true) q.whereNull('first_response_at');
    if (query.waiting === false) q.whereNotNull('first_response_at');
    const [{ n }] = await q.clone().count({ n: '*' });
    const rows = await q
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(toReview),
      totalCount: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async upsertIncidentActions(
    incidentId: string,
    record: IncidentActionsRecord,
    now: Date,
  ) {
    const nowIso = now.toISOString();
    return this.db.transaction(async tx => {
      const incidentRow = {
        title: record.incident.title ?? null,
        severity: record.incident.severity,
        security_related: record.incident.securityRelated,
        opened_at: iso(record.incident.openedAt),
        link: record.incident.link ?? null,
      };
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const stored = await tx('aspm_incidents').where('id', incidentId).first();
      if (!stored) {
        await tx('aspm_incidents').insert({
          id: incidentId,
          ...incidentRow,
          updated_at: nowIso,
        });
      } else if (!unchangedRow(stored, incidentRow)) {
        await tx('aspm_incidents')
          .where('id', incidentId)
          .update({ ...incidentRow, updated_at: nowIso });
      }
      const ids = record.actions.map(a => a.externalId);
      const existing = new Map<string, Row>();
      for (const part of chunk(ids, 500)) {
        for (const r of await tx('aspm_incident_actions')
          .where('incident_id', incidentId)
          .whereIn('external_id', part)) {
          existing.set(r.external_id, r);
        }
      }
      for (const a of record.actions) {
        const prev = existing.get(a.externalId);
        const wanted = {
          title: a.title,
          owner_entity_ref: a.ownerEntityRef,
          // A repost without createdAt keeps the first one.
          created_at: prev ? prev.created_at : iso(a.createdAt),
          due_at: iso(a.dueAt),
          closed_at: iso(a.closedAt),
        };
        if (prev && unchangedRow(prev, wanted)) {
          unchanged++;
        } else if (prev) {
          await tx('aspm_incident_actions')
            .where('id', prev.id)
            .update({ ...wanted, updated_at: nowIso });
          updated++;
        } else {
          await tx('aspm_incident_actions').insert({
            incident_id: incidentId,
            external_id: a.externalId,
            ...wanted,
            updated_at: nowIso,
          });
          created++;
        }
      }
      const incident = toIncident(
        await tx('aspm_incidents').where('id', incidentId).first(),
      );
      const actions: IncidentAction[] = [];
      for (const part of chunk(ids, 500)) {
        for (const r of await tx('aspm_incident_actions')
          .where('incident_id', incidentId)
          .whereIn('external_id', part)
          .orderBy('id')) {
          actions.push(toAction(r));
        }
      }
      return { incident, actions, created, updated, unchanged };
    });
  }

  async listIncidentActions(query: {
    ownerEntityRefs?: string[];
    incidentIds?: string[];
    open?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<IncidentActionWithIncident>> {
    const q = this.db('aspm_incident_actions as a').join(
      'aspm_incidents as i',
      'i.id',
      'a.incident_id',
    );
    if (query.ownerEntityRefs) {
      q.whereIn('a.owner_entity_ref', query.ownerEntityRefs);
    }
    if (query.incidentIds?.length)
      q.whereIn('a.incident_id', query.incidentIds);
    if (query.open === true) q.whereNull('a.closed_at');
    if (query.open === false) q.whereNotNull('a.closed_at');
    const [{ n }] = await q.clone().count({ n: '*' });
    const rows = await q
      .select(
        'a.*',
        'i.title as incident_title',
        'i.severity',
        'i.security_related',
        'i.opened_at',
        'i.link',
      )
      .orderBy([
        { column: 'a.due_at', order: 'asc' },
        { column: 'a.id', order: 'asc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(r => ({
        ...toAction(r),
        incident: toIncident({
          ...r,
          id: r.incident_id,
          title: r.incident_title,
        }),
      })),
      totalCount: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async upsertDeployment(
    d: DeploymentRecord,
    now: Date,
  ): Promise<Upserted<Deployment>> {
    const key = {
      entity_ref: d.entityRef,
      source: d.source,
      external_id: d.externalId,
    };
    const wanted = {
      environment: d.environment,
      version: d.version,
      deployed_at: iso(d.deployedAt),
      first_commit_at: iso(d.firstCommitAt),
      failed_at: iso(d.failedAt),
      caused_by_control_gap:
        d.causedByControlGap === undefined ? null : d.causedByControlGap,
      restored_at: iso(d.restoredAt),
    };
    return this.db.transaction(async tx => {
      const stored = await tx('aspm_deployments').where(key).first();
      let changed = true;
      if (stored && unchangedRow(stored, wanted)) {
        changed = false;
      } else if (stored) {
        await tx('aspm_deployments')
          .where('id', stored.id)
          .update({
            ...wanted,
            posted_by: d.postedBy ?? null,
            updated_at: now.toISOString(),
          });
      } else {
        await tx('aspm_deployments').insert({
          ...key,
          ...wanted,
          posted_by: d.postedBy ?? null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
      }
      const row = await this.deploymentQuery(tx)
        .where({
          'd.entity_ref': d.entityRef,
          'd.source': d.source,
          'd.external_id': d.externalId,
        })
        .first();
      return { value: toDeployment(row), created: !stored, changed };
    });
  }

  private deploymentQuery(db: Knex) {
    return db('aspm_deployments as d').select(
      'd.*',
      db.raw(`${RELEASE_ID} as release_id`),
      db.raw(
        `case when ${USED_CONTROLS} then 1 else 0 end as used_release_controls`,
      ),
    );
  }

  async listDeployments(query: {
    entityRefs?: string[];
    environments?: string[];
    failed?: boolean;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  }): Promise<Page<Deployment>> {
    const filter = (q: Knex.QueryBuilder) => {
      if (query.entityRefs) q.whereIn('d.entity_ref', query.entityRefs);
      if (query.environments?.length) {
        q.whereIn('d.environment', query.environments);
      }
      if (query.failed === true) q.whereNotNull('d.failed_at');
      if (query.failed === false) q.whereNull('d.failed_at');
      if (query.from) q.where('d.deployed_at', '>=', query.from.toISOString());
      if (query.to) q.where('d.deployed_at', '<', query.to.toISOString());
      return q;
    };
    const [{ n }] = await filter(this.db('aspm_deployments as d')).count({
      n: '*',
    });
    const rows = await filter(this.deploymentQuery(this.db))
      .orderBy([
        { column: 'd.deployed_at', order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(toDeployment),
      totalCount: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async saveScorecardRun(
    run: ScorecardRecord,
    now: Date,
  ): Promise<{ run: ScorecardRun; replayOf?: number }> {
    return this.db.transaction(async tx => {
      await lockKeys(tx, 'aspm_scorecard_runs', [
        JSON.stringify([run.entityRef, run.contentHash]),
      ]);
      const stored = await tx('aspm_scorecard_runs')
        .where({ entity_ref: run.entityRef, content_hash: run.contentHash })
        .first('id');
      if (stored) {
        const [again] = await this.runsWithChecks(tx, [Number(stored.id)]);
        return { run: again, replayOf: again.id };
      }
      const [inserted] = await tx('aspm_scorecard_runs')
        .insert({
          entity_ref: run.entityRef,
          repository: run.repository,
          commit: run.commit ?? null,
          scorecard_version: run.scorecardVersion ?? null,
          score: run.score ?? null,
          scanned_at: run.scannedAt.toISOString(),
          received_at: now.toISOString(),
          content_hash: run.contentHash,
          posted_by: run.postedBy ?? null,
        })
        .returning('id');
      const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      for (const part of chunk(run.checks, 200)) {
        await tx('aspm_scorecard_checks').insert(
          part.map(c => ({
            run_id: id,
            name: c.name,
            score: c.score,
            reason: c.reason ?? null,
          })),
        );
      }
      const [saved] = await this.runsWithChecks(tx, [id]);
      return { run: saved };
    });
  }

  private async runsWithChecks(
    db: Knex,
    ids: number[],
  ): Promise<ScorecardRun[]> {
    const runs = new Map<number, ScorecardRun>();
    for (const part of chunk(ids, 500)) {
      for (const r of await db('aspm_scorecard_runs').whereIn('id', part)) {
        runs.set(Number(r.id), {
          id: Number(r.id),
          entityRef: r.entity_ref,
          repository: r.repository,
          commit: opt(r.commit),
          scorecardVersion: opt(r.scorecard_version),
          score: r.score === null ? undefined : Number(r.score),
          scannedAt: toIso(r.scanned_at)!,
          receivedAt: toIso(r.received_at)!,
          checks: [],
        });
      }
      for (const c of await db('aspm_scorecard_checks')
        .whereIn('run_id', part)
        .orderBy(['run_id', 'name'])) {
        runs.get(Number(c.run_id))?.checks.push({
          name: c.name,
          score: Number(c.score),
          reason: opt(c.reason),
        });
      }
    }
    return ids.map(id => runs.get(id)!).filter(Boolean);
  }

  async listScorecardRuns(query: {
    entityRefs?: string[];
    limit: number;
    offset: number;
  }): Promise<Page<ScorecardRun>> {
    const q = this.db('aspm_scorecard_runs');
    if (query.entityRefs) q.whereIn('entity_ref', query.entityRefs);
    const [{ n }] = await q.clone().count({ n: '*' });
    const rows = await q
      .select('id')
      .orderBy([
        { column: 'scanned_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.runsWithChecks(
        this.db,
        rows.map(r => Number(r.id)),
      ),
      totalCount: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async signalsAsOf(options: {
    asOf: number;
    since: number;
    scorecardSince: number;
  }): Promise<StoredSignals> {
    const [one] = await this.signalsAsOfEach([options]);
    return one;
  }

  async signalsAsOfEach(
    list: Array<{ asOf: number; since: number; scorecardSince: number }>,
  ): Promise<StoredSignals[]> {
    if (!list.length) return [];
    // One read covering every instant; each then takes its own dates.
    const options = {
      asOf: Math.max(...list.map(o => o.asOf)),
      since: Math.min(...list.map(o => o.since)),
      scorecardSince: Math.min(...list.map(o => o.scorecardSince)),
    };
    const asOf = new Date(options.asOf).toISOString();
    const reviews = (
      await this.db('aspm_reviews')
        .where('requested_at', '<=', asOf)
        .select(
          'id',
          'entity_ref',
          'kind',
          'source',
          'requested_at',
          'first_response_at',
          'completed_at',
        )
        .orderBy('id')
    ).map(r => ({
      id: Number(r.id),
      entityRef: r.entity_ref,
      kind: r.kind,
      source: r.source,
      requestedAt: toMs(r.requested_at)!,
      firstResponseAt: toMs(r.first_response_at),
      completedAt: toMs(r.completed_at),
    }));
    const incidentActions = (
      await this.db('aspm_incident_actions as a')
        .join('aspm_incidents as i', 'i.id', 'a.incident_id')
        .where('a.created_at', '<=', asOf)
        .select(
          'a.id',
          'a.incident_id',
          'a.title',
          'i.severity',
          'i.security_related',
          'a.owner_entity_ref',
          'a.created_at',
          'a.due_at',
          'a.closed_at',
        )
        .orderBy('a.id')
    ).map(r => ({
      id: Number(r.id),
      incidentId: r.incident_id,
      title: r.title,
      severity: r.severity,
      securityRelated: Boolean(r.security_related),
      ownerEntityRef: r.owner_entity_ref,
      createdAt: toMs(r.created_at)!,
      dueAt: toMs(r.due_at),
      closedAt: toMs(r.closed_at),
    }));
    const deployments = (
      await this.deploymentQuery(this.db)
        .where('d.deployed_at', '>=', new Date(options.since).toISOString())
        .where('d.deployed_at', '<=', asOf)
        .orderBy('d.id')
    ).map(r => ({
      id: Number(r.id),
      entityRef: r.entity_ref,
      environment: r.environment,
      version: r.version,
      source: r.source,
      deployedAt: toMs(r.deployed_at)!,
      firstCommitAt: toMs(r.first_commit_at),
      failedAt: toMs(r.failed_at),
      causedByControlGap: Boolean(r.caused_by_control_gap),
      restoredAt: toMs(r.restored_at),
      usedReleaseControls: Boolean(r.used_release_controls),
    }));
    // Each entity's latest run in the range.
    const runs = await this.db('aspm_scorecard_runs')
      .where('scanned_at', '<=', asOf)
      .where('scanned_at', '>=', new Date(options.scorecardSince).toISOString())
      .select('id', 'entity_ref', 'scanned_at')
      .orderBy([
        { column: 'entity_ref' },
        { column: 'scanned_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    // Each instant's latest run per entity (runs are newest first).
    const latestAt = list.map(o => {
      const latest = new Map<string, { id: number; at: number }>();
      for (const r of runs) {
        const at = toMs(r.scanned_at)!;
        if (at > o.asOf || at < o.scorecardSince) continue;
        if (!latest.has(r.entity_ref)) {
          latest.set(r.entity_ref, { id: Number(r.id), at });
        }
      }
      return latest;
    });
    const wanted = new Set(
      latestAt.flatMap(l => [...l.values()].map(v => v.id)),
    );
    const checksByRun = new Map<number, Record<string, number>>();
    for (const part of chunk([...wanted], 500)) {
      for (const c of await this.db('aspm_scorecard_checks')
        .whereIn('run_id', part)
        .select('run_id', 'name', 'score')) {
        const id = Number(c.run_id);
        if (!checksByRun.has(id)) checksByRun.set(id, {});
        checksByRun.get(id)![c.name] = Number(c.score);
      }
    }
    return list.map((o, i) => ({
      reviews: reviews.filter(r => r.requestedAt <= o.asOf),
      incidentActions: incidentActions.filter(a => a.createdAt <= o.asOf),
      deployments: deployments.filter(
        d => d.deployedAt >= o.since && d.deployedAt <= o.asOf,
      ),
      scorecards: [...latestAt[i].entries()].map(([entityRef, v]) => ({
        entityRef,
        at: v.at,
        checks: checksByRun.get(v.id) ?? {},
      })),
    }));
  }
}

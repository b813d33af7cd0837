import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import {
  AspmRelease,
  ChecklistItem,
  GateType,
  Page,
  ReleaseEvidence,
  ReleaseGate,
  ReleaseOutcome,
} from '@aspm/plugin-aspm-common';
import { toIso } from '../util/time';
import { chunk } from '../util/chunk';
import { parseJsonColumn } from '../util/parseJsonColumn';
import {
  ReleaseEvaluator,
  ReleasePost,
  ReleasesQuery,
  ReleasesStore,
  SecretFindingRow,
} from './ReleasesStore';
import { lockKeys } from './lockKeys';

const ORDER: Record<ReleasesQuery['orderBy'], string> = {
  releasedAt: 'r.released_at',
  entityRef: 'r.entity_ref',
  version: 'r.version',
};

function gateOfRow(r: Record<string, any>): ReleaseGate {
  return {
    type: r.type,
    outcome: r.outcome,
    attempt: Number(r.attempt),
    reason: r.reason ?? undefined,
    at: toIso(r.at),
  };
}

function evidenceOfRow(r: Record<string, any>): ReleaseEvidence {
  const summary = parseJsonColumn<Record<string, unknown> | undefined>(
    r.summary,
    undefined,
  );
  return {
    kind: r.kind,
    digest: r.digest,
    uri: r.uri ?? undefined,
    ...(r.kind === 'sbom' && summary ? { sbom: summary as any } : {}),
    ...(r.kind === 'provenance' && summary
      ? { provenance: summary as any }
      : {}),
    invalidReason: r.invalid_reason ?? undefined,
  };
}

/** The parsed facts of an evidence document, as stored. */
function summaryOf(e: ReleaseEvidence): string | null {
  const facts = e.sbom ?? e.provenance;
  return facts ? JSON.stringify(facts) : null;
}

const gateKey = (g: { type: string; attempt: number }) =>
  `${g.type}#${g.attempt}`;
const evidenceKey = (e: { kind: string; digest?: string }) =>
  `${e.kind}#${e.digest}`;

/** Release candidates and secret rotations in the plugin's database. */
export class DatabaseReleasesStore implements ReleasesStore {
  constructor(private readonly db: Knex) {}

  async upsertRelease(
    post: ReleasePost,
    evaluate: ReleaseEvaluator,
    now: Date,
  ): Promise<{ release: AspmRelease; created: boolean; changed: boolean }> {
    const result = await this.db.transaction(async tx => {
      // Two posts of one candidate at once take turns (see lockKeys).
      await lockKeys(tx, 'aspm_releases', [
        JSON.stringify([post.entityRef, post.environment, post.version]),
      ]);
      const existing = await tx('aspm_releases')
        .where({
          entity_ref: post.entityRef,
          environment: post.environment,
          version: post.version,
        })
        .first();
      const candidate = `${post.entityRef} ${post.version} (${post.environment})`;
      if (
        existing?.artifact_digest &&
        post.artifactDigest &&
        existing.artifact_digest !== post.artifactDigest
      ) {
        throw new ConflictError(
          `Release ${candidate} was posted with artifact ${existing.artifact_digest}; a candidate cannot change its artifact (post a new version)`,
        );
      }
      const storedGates: ReleaseGate[] = existing
        ? (
            await tx('aspm_release_gates').where({ release_id: existing.id })
          ).map(gateOfRow)
        : [];
      const storedEvidence: ReleaseEvidence[] = existing
        ? (
            await tx('aspm_release_evidence')
              .where({ release_id: existing.id })
              .orderBy('id')
          ).map(evidenceOfRow)
        : [];
      const gatesByKey = new Map(storedGates.map(g => [gateKey(g), g]));
      const newGates: ReleaseGate[] = [];
      for (const g of post.gates) {
        const had = gatesByKey.get(gateKey(g));
        if (!had) {
          newGates.push(g);
          gatesByKey.set(gateKey(g), g);
        } else if (had.outcome !== g.outcome) {
          throw new ConflictError(
            `Release ${candidate}: gate ${g.type} attempt ${
              g.attempt
            } was recorded as ${had.outcome}, not ${
              g.outcome
            }; post a re-run as attempt ${g.attempt + 1}`,
          );
        }
      }
      const evidenceKeys = new Set(storedEvidence.map(evidenceKey));
      const newEvidence = post.evidence.filter(e => {
        const key = evidenceKey(e);
        if (evidenceKeys.has(key)) return false;
        evidenceKeys.add(key);
        return true;
      });

      const approvedBy = post.approvedBy ?? existing?.approved_by ?? undefined;
      const pipelineUrl =
        post.pipelineUrl ?? existing?.pipeline_url ?? undefined;
      const releasedAt =
        existing && new Date(existing.released_at) > post.releasedAt
          ? new Date(existing.released_at)
          : post.releasedAt;
      const artifactDigest =
        existing?.artifact_digest ?? post.artifactDigest ?? null;
      const gates = [...gatesByKey.values()];
      const evidence = [...storedEvidence, ...newEvidence];
      const verdict = evaluate({ gates, evidence, approvedBy });
      const evidenceComplete = verdict.checklist.every(
        c => !c.required || c.status === 'met',
      );
      const row = {
        entity_ref: post.entityRef,
        version: post.version,
        environment: post.environment,
        artifact_digest: artifactDigest,
        released_at: releasedAt.toISOString(),
        pipeline_url: pipelineUrl ?? null,
        approved_by: approvedBy ?? null,
        first_pass: verdict.firstPass,
        outcome: verdict.outcome,
        blocked_by: verdict.blockedBy.join(',') || null,
        evidence_complete: evidenceComplete,
        checklist: JSON.stringify(verdict.checklist),
      };

      let id: number;
      let changed = true;
      if (!existing) {
        const [inserted] = await tx('aspm_releases')
          .insert({
            ...row,
            posted_by: post.postedBy,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .returning('id');
        id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      } else {
        id = Number(existing.id);
        const before = {
          artifact_digest: existing.artifact_digest ?? null,
          released_at: toIso(existing.released_at),
          pipeline_url: existing.pipeline_url ?? null,
          approved_by: existing.approved_by ?? null,
          checklist: existing.checklist,
          outcome: existing.outcome,
        };
        changed =
          newGates.length > 0 ||
          newEvidence.length > 0 ||
          before.artifact_digest !== row.artifact_digest ||
          before.released_at !== row.released_at ||
          before.pipeline_url !== row.pipeline_url ||
          before.approved_by !== row.approved_by ||
          before.checklist !== row.checklist ||
          before.outcome !== row.outcome;
        if (changed) {
          await tx('aspm_releases')
            .where({ id })
            .update({ ...row, updated_at: now.toISOString() });
        }
      }
      for (const part of chunk(newGates, 200)) {
        await tx('aspm_release_gates').insert(
          part.map(g => ({
            release_id: id,
            type: g.type,
            attempt: g.attempt,
            outcome: g.outcome,
            reason: g.reason ?? null,
            at: g.at ? new Date(g.at).toISOString() : null,
          })),
        );
      }
      for (const e of newEvidence) {
        await tx('aspm_release_evidence').insert({
          release_id: id,
          kind: e.kind,
          digest: e.digest,
          uri: e.uri ?? null,
          summary: summaryOf(e),
          invalid_reason: e.invalidReason ?? null,
          created_at: now.toISOString(),
        });
      }
      return { id, created: !existing, changed };
    });
    const release = (await this.getRelease(result.id))!;
    return { release, created: result.created, changed: result.changed };
  }

  /** Releases with their entity's team, business unit and tier. */
  private withEntity(q: Knex.QueryBuilder) {
    return q
      .leftJoin('aspm_entities as e', 'e.entity_ref', 'r.entity_ref')
      .select('r.*', 'e.owning_team', 'e.business_unit', 'e.tier');
  }

  async getRelease(id: number): Promise<AspmRelease | undefined> {
    const row = await this.withEntity(
      this.db('aspm_releases as r').where('r.id', id),
    ).first();
    if (!row) return undefined;
    const [release] = await this.hydrate([row]);
    return release;
  }

  private async hydrate(rows: Record<string, any>[]): Promise<AspmRelease[]> {
    const ids = rows.map(r => Number(r.id));
    const gates = new Map<number, ReleaseGate[]>();
    const evidence = new Map<number, ReleaseEvidence[]>();
    for (const part of chunk(ids, 400)) {
      for (const g of await this.db('aspm_release_gates')
        .whereIn('release_id', part)
        .orderBy(['release_id', 'type', 'attempt'])) {
        const list = gates.get(Number(g.release_id)) ?? [];
        list.push(gateOfRow(g));
        gates.set(Number(g.release_id), list);
      }
      for (const e of await this.db('aspm_release_evidence')
        .whereIn('release_id', part)
        .orderBy('id')) {
        const list = evidence.get(Number(e.release_id)) ?? [];
        list.push(evidenceOfRow(e));
        evidence.set(Number(e.release_id), list);
      }
    }
    return rows.map(r => ({
      id: Number(r.id),
      entityRef: r.entity_ref,
      version: r.version,
      environment: r.environment,
      artifactDigest: r.artifact_digest ?? undefined,
      releasedAt: toIso(r.released_at)!,
      pipelineUrl: r.pipeline_url ?? undefined,
      approvedBy: r.approved_by ?? undefined,
      postedBy: r.posted_by,
      firstPass: Boolean(r.first_pass),
      outcome: r.outcome as ReleaseOutcome,
      blockedBy: r.blocked_by
        ? (String(r.blocked_by).split(',') as GateType[])
        : [],
      evidenceComplete: Boolean(r.evidence_complete),
      gates: gates.get(Number(r.id)) ?? [],
      evidence: evidence.get(Number(r.id)) ?? [],
      checklist: parseJsonColumn<ChecklistItem[]>(r.checklist, []),
      team: r.owning_team ?? undefined,
      businessUnit: r.business_unit ?? undefined,
      tier: r.tier ?? undefined,
    }));
  }

  private filtered(query: Partial<ReleasesQuery>) {
    const q = this.db('aspm_releases as r');
    if (query.entityRefs) q.whereIn('r.entity_ref', query.entityRefs);
    if (query.environment?.length) {
      q.whereIn('r.environment', query.environment);
    }
    if (query.from) q.where('r.released_at', '>=', query.from.toISOString());
    if (query.to) q.where('r.released_at', '<', query.to.toISOString());
    if (query.firstPass !== undefined) q.where('r.first_pass', query.firstPass);
    if (query.evidenceComplete !== undefined) {
      q.where('r.evidence_complete', query.evidenceComplete);
    }
    if (query.outcome?.length) q.whereIn('r.outcome', query.outcome);
    return q;
  }

  async listReleases(query: ReleasesQuery): Promise<Page<AspmRelease>> {
    if (query.entityRefs && !query.entityRefs.length) {
      return {
        items: [],
        totalCount: 0,
        limit: query.limit,
        offset: query.offset,
      };
    }
    const [{ n }] = await this.filtered(query).count({ n: '*' });
    const rows = await this.withEntity(this.filtered(query))
      .orderBy([
        { column: ORDER[query.orderBy], order: query.order },
        { column: 'r.id', order: query.order },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.hydrate(rows),
      totalCount: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async releaseVerdicts(query: {
    entityRefs?: string[];
    environment?: string[];
    from: Date;
  }) {
    if (query.entityRefs && !query.entityRefs.length) return [];
    const rows = await this.filtered(query).select(
      'r.released_at',
      'r.outcome',
      'r.blocked_by',
    );
    return rows.map(r => ({
      releasedAt: new Date(r.released_at),
      outcome: r.outcome as ReleaseOutcome,
      blockedBy: r.blocked_by ? String(r.blocked_by).split(',') : [],
    }));
  }

  async secretFindings(
    filter: { entityRefs?: string[]; findingId?: number } = {},
  ): Promise<SecretFindingRow[]> {
    const { entityRefs, findingId } = filter;
    if (entityRefs && !entityRefs.length) return [];
    const q = this.db('aspm_findings as f')
      .leftJoin('aspm_secret_rotations as r', 'r.finding_id', 'f.id')
      .leftJoin('aspm_entities as e', 'e.entity_ref', 'f.entity_ref')
      .where('f.category', 'secret')
      .select(
        'f.id',
        'f.entity_ref',
        'f.title',
        'f.rule_id',
        'f.tool',
        'f.state',
        'f.first_seen_at',
        'f.fixed_at',
        'f.link',
        'f.properties',
        'r.rotated_at',
        'r.rotated_by',
        'r.note',
        'e.owning_team',
        'e.tier',
      )
      .orderBy('f.id');
    if (findingId !== undefined) q.where('f.id', findingId);
    const rows: Record<string, any>[] = [];
    if (entityRefs) {
      for (const part of chunk(entityRefs, 400)) {
        rows.push(...(await q.clone().whereIn('f.entity_ref', part)));
      }
    } else {
      rows.push(...(await q));
    }
    return rows.map(r => ({
      findingId: Number(r.id),
      entityRef: r.entity_ref,
      title: r.title,
      ruleId: r.rule_id,
      tool: r.tool,
      state: r.state,
      firstSeenAt: new Date(r.first_seen_at),
      fixedAt: r.fixed_at ? new Date(r.fixed_at) : undefined,
      link: r.link ?? undefined,
      properties: parseJsonColumn<Record<string, unknown>>(r.properties, {}),
      team: r.owning_team ?? undefined,
      tier: r.tier ?? undefined,
      rotation: r.rotated_at
        ? {
            rotatedAt: new Date(r.rotated_at),
            rotatedBy: r.rotated_by,
            note: r.note ?? undefined,
          }
        : undefined,
    }));
  }

  async recordRotation(
    findingId: number,
    rotation: { rotatedAt: Date; rotatedBy: string; note?: string },
    now: Date,
  ): Promise<{ changed: boolean }> {
    return this.db.transaction(async tx => {
      const had = await tx('aspm_secret_rotations')
        .where({ finding_id: findingId })
        .first();
      const row = {
        rotated_at: rotation.rotatedAt.toISOString(),
        rotated_by: rotation.rotatedBy,
        note: rotation.note ?? null,
      };
      if (
        had &&
        toIso(had.rotated_at) === row.rotated_at &&
        had.rotated_by === row.rotated_by &&
        (had.note ?? null) === row.note
      ) {
        return { changed: false };
      }
      if (had) {
        await tx('aspm_secret_rotations')
          .where({ finding_id: findingId })
          .update({ ...row, recorded_at: now.toISOString() });
      } else {
        await tx('aspm_secret_rotations').insert({
          finding_id: findingId,
          ...row,
          recorded_at: now.toISOString(),
        });
      }
      await tx('aspm_finding_events').insert({
        finding_id: findingId,
        type: 'rotated',
        at: row.rotated_at,
        from_value: null,
        to_value: null,
      });
      return { changed: true };
    });
  }
}

import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import {
  Finding,
  FindingEvent,
  IngestCounts,
  Ingestion,
  IngestResult,
  Page,
  SEVERITIES,
} from '@aspm/plugin-aspm-common';
import {
  emptyCounts,
  FindingsQuery,
  FindingsStore,
  IngestRequest,
  ScanToIngest,
} from './FindingsStore';
import { findingColumns, rowToFinding } from './findingRows';
import { KnownFinding, planScan } from '../ingest/planScan';
import { stableStringify } from '../util/stableStringify';
import { chunk } from '../util/chunk';
import { bulkInsert } from './bulkInsert';
import { lockKeys } from './lockKeys';
import { CoverageRow } from './recomputeCoverage';
import { coverageAfterScan } from './coverageAfterScan';
import { toIso } from '../util/time';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
// Per-finding change detection only: parsers build objects in a fixed key
// order, so plain JSON is stable and much cheaper than a canonical form.
const quickHash = (s: string) => createHash('sha1').update(s).digest('hex');

const ORDER: Record<FindingsQuery['orderBy'], string> = {
  severity: 'severity_rank',
  firstSeenAt: 'first_seen_at',
  lastSeenAt: 'last_seen_at',
  title: 'title',
  tool: 'tool',
};

/** A written finding row's columns that coverage reads. */
function coverageRow(id: number, row: Record<string, any>): CoverageRow {
  return {
    id,
    base_state: row.base_state,
    state: row.state,
    exception_id: row.exception_id ?? null,
    category: row.category,
    rule_id: row.rule_id,
    cves: row.cves,
    ghsa: row.ghsa,
  };
}

function addCounts(into: IngestCounts, add: IngestCounts) {
  for (const key of Object.keys(into) as Array<keyof IngestCounts>) {
    into[key] += add[key];
  }
}

/** The knex implementation of {@link FindingsStore}. */
export class DatabaseFindingsStore implements FindingsStore {
  constructor(private readonly db: Knex) {}

  async ingest(request: IngestRequest): Promise<IngestResult> {
    const prepared = request.runs.map(run => {
      const findings = run.findings.map(finding => ({
        finding,
        contentHash: quickHash(JSON.stringify(finding)),
      }));
      const contentHash = sha(
        stableStringify({
          tool: run.tool,
          runKey: run.runKey ?? '',
          findings: findings.map(f => f.contentHash).sort(),
        }),
      );
      return { run, findings, contentHash };
    });

    return this.db.transaction(async tx => {
      // The same scan arriving twice at once (two replicas): one at a time,
      // so the second finds the first and is a replay.
      await lockKeys(
        tx,
        'aspm_scans',
        request.runs.map(run =>
          JSON.stringify([request.entityRef, run.tool.name, run.runKey ?? '']),
        ),
      );
      const total = emptyCounts();
      const runs: IngestResult['runs'] = [];
      let replayOf: number | undefined;
      let changed = false;
      const [ingestion] = await tx('aspm_ingestions')
        .insert({
          source: request.source,
          status: 'succeeded',
          format: request.format,
          entity_ref: request.entityRef,
          actor: request.actor ?? null,
          received_at: request.receivedAt.toISOString(),
          tools: JSON.stringify(
            request.runs.map(r => ({
              name: r.tool.name,
              version: r.tool.version,
              runKey: r.runKey,
              scannedAt: r.scannedAt.toISOString(),
            })),
          ),
        })
        .returning('id');
      const ingestionId = Number(
        typeof ingestion === 'object' ? ingestion.id : ingestion,
      );

      for (const { run, findings, contentHash } of prepared) {
        const result = await this.ingestRun(tx, {
          request,
          run,
          findings,
          contentHash,
          ingestionId,
        });
        if (result.replayOf !== undefined) replayOf = result.replayOf;
        else changed = true;
        addCounts(total, result.counts);
        runs.push({
          tool: run.tool,
          runKey: run.runKey,
          scannedAt: run.scannedAt.toISOString(),
          counts: result.counts,
        });
      }

      if (!changed && replayOf !== undefined) {
        // The whole upload was seen before: leave no trace.
        await tx('aspm_ingestions').where({ id: ingestionId }).delete();
        return {
          ingestionId: replayOf,
          replayOf,
          format: request.format,
          entityRef: request.entityRef,
          runs,
          counts: total,
        };
      }
      await tx('aspm_ingestions')
        .where({ id: ingestionId })
        .update({
          counts: JSON.stringify(total),
          finished_at: new Date().toISOString(),
        });
      return {
        ingestionId,
        format: request.format,
        entityRef: request.entityRef,
        runs,
        counts: total,
      };
    });
  }

  private async ingestRun(
    tx: Knex.Transaction,
    options: {
      request: IngestRequest;
      run: ScanToIngest;
      findings: Array<{
        finding: ScanToIngest['findings'][number];
        contentHash: string;
      }>;
      contentHash: string;
      ingestionId: number;
    },
  ): Promise<{ counts: IngestCounts; replayOf?: number }> {
    const { request, run, findings, contentHash, ingestionId } = options;
    const key = {
      entity_ref: request.entityRef,
      tool: run.tool.name,
      run_key: run.runKey ?? '',
    };
    const at = run.scannedAt.toISOString();

    const latest = await tx('aspm_scans')
      .where(key)
      .orderBy('scanned_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    if (latest) {
      const latestAt = toIso(latest.scanned_at)!;
      if (latestAt === at && latest.content_hash === contentHash) {
        const counts = emptyCounts();
        counts.received = findings.length;
        const seen = new Set<string>();
        for (const f of findings) {
          if (seen.has(f.finding.fingerprint)) counts.duplicate += 1;
          else {
            seen.add(f.finding.fingerprint);
            if (f.finding.suppression) counts.suppressed += 1;
            else counts.unchanged += 1;
          }
        }
        return { counts, replayOf: Number(latest.ingestion_id) };
      }
      if (
        latestAt > at ||
        (latestAt === at && latest.content_hash !== contentHash)
      ) {
        throw new ConflictError(
          `A scan of ${request.entityRef} by ${run.tool.name}${
            run.runKey ? ` (${run.runKey})` : ''
          } at ${latestAt} is already stored; this scan is from ${at}. An older or conflicting scan cannot change current state, so nothing was ingested. Send scans in time order, or set the scan time (observedAt) correctly.`,
        );
      }
    }

    const knownRows = await tx('aspm_findings')
      .where(key)
      .select(
        'id',
        'fingerprint',
        'state',
        'base_state',
        'exception_id',
        'severity',
        'content_hash',
      );
    const known: KnownFinding[] = knownRows.map(r => ({
      id: Number(r.id),
      fingerprint: r.fingerprint,
      // What the scans said: an exception's acceptance is not the tool's.
      state: r.base_state ?? r.state,
      severity: r.severity,
      contentHash: r.content_hash,
    }));
    const plan = planScan(known, findings);
    // Known findings linked to an exception: finding id -> exception id.
    const linked = new Map<number, number>(
      knownRows
        .filter(r => r.exception_id !== null)
        .map(r => [Number(r.id), Number(r.exception_id)]),
    );
    // The inserted and updated findings as they are written, for coverage.
    const written: CoverageRow[] = [];

    const [scan] = await tx('aspm_scans')
      .insert({
        ...key,
        ingestion_id: ingestionId,
        tool_version: run.tool.version ?? null,
        scanned_at: at,
        content_hash: contentHash,
        finding_count: findings.length - plan.counts.duplicate,
      })
      .returning('id');
    const scanId = Number(typeof scan === 'object' ? scan.id : scan);

    // New findings through the engine's fast bulk path, built chunk by chunk
    // so a large scan never holds all its rows at once.
    const insertedIds = new Map<string, number>();
    for (const part of chunk(plan.inserts, 5000)) {
      const rows = part.map(i => ({
        ...key,
        tool_version: run.tool.version ?? null,
        fingerprint: i.finding.fingerprint,
        ...findingColumns(i.finding),
        state: i.state,
        base_state: i.state,
        first_seen_at: i.firstSeenAt ?? at,
        last_seen_at: at,
        fixed_at: i.fixedAt === undefined ? null : i.fixedAt ?? at,
        reopen_count: 0,
        content_hash: i.contentHash,
        last_scan_id: scanId,
      }));
      const returned = await bulkInsert(tx, 'aspm_findings', rows, [
        'fingerprint',
      ]);
      for (const r of returned) {
        insertedIds.set(String(r.fingerprint), Number(r.id));
      }
      for (const r of rows) {
        written.push(coverageRow(insertedIds.get(r.fingerprint)!, r));
      }
    }

    // Present findings whose fields or state change.
    for (const u of plan.updates) {
      const update: Record<string, unknown> = {
        ...findingColumns(u.finding),
        tool_version: run.tool.version ?? null,
        state: u.state,
        base_state: u.state,
        last_seen_at: at,
        content_hash: u.contentHash,
        last_scan_id: scanId,
      };
      // Still covered by its exception while open: stays accepted (coverage
      // is re-checked below); fixed or false positive: the link ends.
      if (linked.has(u.id)) {
        if (u.state === 'open' || u.state === 'accepted') {
          update.state = 'accepted';
        } else update.exception_id = null;
      }
      if (u.state === 'open') update.fixed_at = null;
      if (u.fixedAt !== undefined) update.fixed_at = u.fixedAt ?? at;
      if (u.reopened) update.reopen_count = tx.raw('reopen_count + 1');
      await tx('aspm_findings').where({ id: u.id }).update(update);
      written.push(
        coverageRow(u.id, {
          ...update,
          exception_id:
            'exception_id' in update ? null : linked.get(u.id) ?? null,
        }),
      );
    }
    // Present and unchanged (the scan saw them again) and absent (fixed at
    // the scan's time): one statement for both, a CASE telling them apart.
    const gone = new Set(plan.fixed);
    for (const ids of chunk([...plan.fixed, ...plan.touched], 500)) {
      const fixed = ids.filter(id => gone.has(id));
      const isFixed = fixed.length
        ? `id in (${fixed.map(() => '?').join(', ')})`
        : '1 = 0';
      const pick = (ifFixed: string, otherwise: string, value?: string) =>
        tx.raw(
          `case when ${isFixed} then ${ifFixed} else ${otherwise} end`,
          value === undefined ? fixed : [...fixed, value],
        );
      await tx('aspm_findings')
        .whereIn('id', ids)
        .update({
          last_scan_id: scanId,
          last_seen_at: pick('last_seen_at', '?', at),
          state: pick("'fixed'", 'state'),
          base_state: pick("'fixed'", 'base_state'),
          exception_id: pick('null', 'exception_id'),
          fixed_at: pick('?', 'fixed_at', at),
        });
    }

    for (const part of chunk(plan.events, 5000)) {
      await bulkInsert(
        tx,
        'aspm_finding_events',
        part.map(e => ({
          finding_id:
            'id' in e.target
              ? e.target.id
              : insertedIds.get(
                  plan.inserts[e.target.insert].finding.fingerprint,
                ),
          type: e.type,
          at: e.at ?? at,
          scan_id: scanId,
          from_value: e.from ?? null,
          to_value: e.to ?? null,
        })),
      );
    }
    // Exceptions of the entity: new or reopened findings they cover are
    // accepted at the scan's time.
    await coverageAfterScan(
      tx,
      request.entityRef,
      run.scannedAt,
      written,
      linked.values(),
    );
    return { counts: plan.counts };
  }

  async listFindings(query: FindingsQuery): Promise<Page<Finding>> {
    const q = this.db('aspm_findings');
    if (query.entityRefs) q.whereIn('entity_ref', query.entityRefs);
    if (query.ids) q.whereIn('id', query.ids);
    if (query.severity?.length) q.whereIn('severity', query.severity);
    if (query.state?.length) q.whereIn('state', query.state);
    if (query.category?.length) q.whereIn('category', query.category);
    if (query.tool?.length) q.whereIn('tool', query.tool);
    if (query.minAgeDays !== undefined) {
      const now = query.now ?? new Date();
      const before = new Date(now.getTime() - query.minAgeDays * 86_400_000);
      q.where('first_seen_at', '<=', before.toISOString());
    }
    const [{ count }] = await q.clone().count({ count: '*' });
    const rank = `case severity ${SEVERITIES.map(
      (s, i) => `when '${s}' then ${i}`,
    ).join(' ')} else 9 end`;
    const rows = await q
      .select('*', this.db.raw(`${rank} as severity_rank`))
      .orderBy(ORDER[query.orderBy], query.order)
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(rowToFinding),
      totalCount: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getFinding(
    id: number,
  ): Promise<(Finding & { events: FindingEvent[] }) | undefined> {
    const row = await this.db('aspm_findings').where({ id }).first();
    if (!row) return undefined;
    const events = await this.db('aspm_finding_events')
      .where({ finding_id: id })
      .orderBy('at', 'asc')
      .orderBy('id', 'asc');
    return {
      ...rowToFinding(row),
      events: events.map(e => ({
        type: e.type,
        at: toIso(e.at)!,
        from: e.from_value ?? undefined,
        to: e.to_value ?? undefined,
        scanId: e.scan_id === null ? undefined : Number(e.scan_id),
      })),
    };
  }

  async listIngestions(query: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<Page<Ingestion>> {
    const q = this.db('aspm_ingestions');
    if (query.entityRef) q.where('entity_ref', query.entityRef);
    const [{ count }] = await q.clone().count({ count: '*' });
    const rows = await q
      .select('*')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(r => ({
        id: Number(r.id),
        source: r.source,
        status: r.status,
        format: r.format ?? undefined,
        entityRef: r.entity_ref ?? undefined,
        actor: r.actor ?? undefined,
        receivedAt: toIso(r.received_at)!,
        finishedAt: toIso(r.finished_at),
        tools: r.tools ? JSON.parse(r.tools) : undefined,
        counts: r.counts ? JSON.parse(r.counts) : undefined,
        error: r.error ?? undefined,
      })),
      totalCount: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async recordFailure(entry: {
    source: string;
    entityRef?: string;
    error: string;
    at: Date;
  }): Promise<void> {
    await this.db('aspm_ingestions').insert({
      source: entry.source,
      status: 'failed',
      entity_ref: entry.entityRef ?? null,
      received_at: entry.at.toISOString(),
      finished_at: entry.at.toISOString(),
      error: entry.error.slice(0, 4000),
    });
  }

  async hasScanAt(entityRef: string, scannedAt: Date): Promise<boolean> {
    const row = await this.db('aspm_scans')
      .where({ entity_ref: entityRef, scanned_at: scannedAt.toISOString() })
      .first('id');
    return Boolean(row);
  }

  async countFindings(): Promise<number> {
    const [{ count }] = await this.db('aspm_findings').count({ count: '*' });
    return Number(count);
  }
}

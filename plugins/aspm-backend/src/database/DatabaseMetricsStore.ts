import { Knex } from 'knex';
import { FindingCategory, isOwned } from '@aspm/plugin-aspm-common';
import { MetricsStore } from './MetricsStore';
import {
  MetricsWorld,
  WorldEntity,
  WorldException,
  WorldFinding,
  WorldRelease,
  WorldScan,
  WorldSecret,
} from '../metrics/MetricsWorld';
import { ReplayEvent, replayFinding } from '../metrics/replayFinding';
import { scanCategories } from '../metrics/scanCategories';
import { rotationOf } from '../secrets/secretExposure';
import { parseJsonColumn } from '../util/parseJsonColumn';
import { toMs } from '../util/time';

const DAY = 86_400_000;

/**
 * Rebuilds the metrics' world from the history tables: entity versions
 * valid at asOf, findings replayed from their events, exceptions replayed
 * from their audit trail, releases, rotations and scans by time.
 */
export class DatabaseMetricsStore implements MetricsStore {
  constructor(private readonly db: Knex) {}

  async loadWorld(options: {
    asOf: Date;
    from: Date;
    to: Date;
    lookBackDays: number;
  }): Promise<MetricsWorld> {
    const asOf = options.asOf.getTime();
    const from = options.from.getTime();
    const to = options.to.getTime();
    const horizon = Math.max(asOf, to - 1);
    const entities = await this.entitiesAsOf(options.asOf);
    const { findings, fixes, reopens, secretRows } = await this.findings(
      asOf,
      from,
      to,
      horizon,
    );
    const lookBack = asOf - options.lookBackDays * DAY;
    return {
      asOf,
      from,
      to,
      entities,
      findings,
      fixes,
      reopens,
      exceptions: await this.exceptions(asOf),
      releases: await this.releases(Math.min(from, lookBack), horizon),
      secrets: await this.secrets(secretRows, asOf),
      scans: await this.scans(lookBack, asOf),
    };
  }

  private async entitiesAsOf(asOf: Date): Promise<WorldEntity[]> {
    const at = asOf.toISOString();
    const rows = await this.db('aspm_entity_history')
      .where('valid_from', '<=', at)
      .where(b => b.whereNull('valid_to').orWhere('valid_to', '>', at))
      .select('snapshot');
    return rows.map(r => {
      const s = JSON.parse(r.snapshot);
      return {
        entityRef: s.entityRef,
        kind: String(s.kind).toLocaleLowerCase('en-US'),
        title: s.title ?? undefined,
        type: s.type ?? undefined,
        tier: s.tier ?? undefined,
        exposure: s.exposure ?? undefined,
        owned: isOwned(s.ownerResolution),
        team: s.owningTeam ?? undefined,
        businessUnit: s.businessUnit ?? undefined,
        system: s.system ?? undefined,
        domain: s.domain ?? undefined,
        parentRef: s.parentRef ?? undefined,
        hasRepository: Boolean(s.repository),
      };
    });
  }

  private async findings(
    asOf: number,
    from: number,
    to: number,
    horizon: number,
  ) {
    const rows = await this.db('aspm_findings')
      .where('first_seen_at', '<=', new Date(horizon).toISOString())
      .select(
        'id',
        'entity_ref',
        'tool',
        'title',
        'category',
        'rule_id',
        'cwes',
        'severity',
        'epss',
        'known_exploited',
        'first_seen_at',
        'fixed_at',
        'state',
        'link',
        'properties',
      )
      .orderBy('id');
    const events = new Map<number, ReplayEvent[]>();
    // Later events too: a severity change after asOf tells the severity
    // the finding had before it.
    const eventRows = await this.db('aspm_finding_events')
      .where(b =>
        b
          .where('at', '<=', new Date(horizon).toISOString())
          .orWhere('type', 'severity_changed'),
      )
      .select('finding_id', 'type', 'at', 'from_value', 'to_value')
      .orderBy([{ column: 'finding_id' }, { column: 'at' }, { column: 'id' }]);
    for (const e of eventRows) {
      const id = Number(e.finding_id);
      if (!events.has(id)) events.set(id, []);
      events.get(id)!.push({
        type: e.type,
        at: toMs(e.at)!,
        from: e.from_value,
        to: e.to_value,
      });
    }
    const findings: WorldFinding[] = [];
    const fixes: MetricsWorld['fixes'] = [];
    const reopens: MetricsWorld['reopens'] = [];
    const secretRows: Array<{ row: Record<string, any>; state?: string }> = [];
    for (const r of rows) {
      const id = Number(r.id);
      const firstSeenAt = toMs(r.first_seen_at)!;
      const list = events.get(id) ?? [
        { type: 'opened', at: firstSeenAt, to: 'open' },
      ];
      const replay = replayFinding(list, r.severity, asOf, from, to);
      for (const f of replay.fixes) {
        fixes.push({
          findingId: id,
          entityRef: r.entity_ref,
          severity: f.severity,
          category: r.category,
          spellStart: f.spellStart,
          fixedAt: f.at,
        });
      }
      for (const at of replay.reopens) {
        reopens.push({ findingId: id, entityRef: r.entity_ref, at });
      }
      if (r.category === 'secret' && firstSeenAt <= asOf) {
        secretRows.push({ row: r, state: replay.state });
      }
      if (replay.state === undefined || firstSeenAt > asOf) continue;
      const accepted = replay.state === 'open' && replay.exceptionId;
      findings.push({
        id,
        entityRef: r.entity_ref,
        tool: r.tool,
        title: r.title,
        category: r.category,
        ruleId: r.rule_id,
        cwes: parseJsonColumn<string[]>(r.cwes, []),
        severity: replay.severity,
        epss: r.epss === null ? undefined : Number(r.epss),
        knownExploited: Boolean(r.known_exploited),
        state: accepted ? 'accepted' : replay.state,
        exceptionId: accepted ? replay.exceptionId : undefined,
        firstSeenAt,
        spellStart: replay.spellStart ?? firstSeenAt,
      });
    }
    return { findings, fixes, reopens, secretRows };
  }

  private async exceptions(asOf: number): Promise<WorldException[]> {
    const rows = await this.db('aspm_exceptions').select(
      'id',
      'entity_ref',
      'category',
      'status',
      'source',
      'decided_at',
      'expires_at',
      'review_at',
      'compensating_control',
    );
    const events = await this.db('aspm_exception_events')
      .where('at', '<=', new Date(asOf).toISOString())
      .select(
        'exception_id',
        'type',
        'at',
        'to_status',
        'expires_at',
        'review_at',
      )
      .orderBy([
        { column: 'exception_id' },
        { column: 'at' },
        { column: 'id' },
      ]);
    const byId = new Map<number, typeof events>();
    for (const e of events) {
      const id = Number(e.exception_id);
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id)!.push(e);
    }
    const out: WorldException[] = [];
    for (const r of rows) {
      const trail = byId.get(Number(r.id));
      if (!trail?.length) continue;
      let status: string | undefined;
      let approvedAt: number | undefined;
      let expiresAt: number | undefined;
      let reviewAt: number | undefined;
      for (const e of trail) {
        if (e.to_status) status = e.to_status;
        if (e.to_status === 'approved' && approvedAt === undefined) {
          approvedAt = toMs(e.at);
        }
        if (e.expires_at) expiresAt = toMs(e.expires_at);
        if (e.review_at) reviewAt = toMs(e.review_at);
      }
      if (status !== 'approved' || approvedAt === undefined) continue;
      expiresAt ??= toMs(r.expires_at);
      if (expiresAt !== undefined && expiresAt <= asOf) continue;
      out.push({
        id: Number(r.id),
        entityRef: r.entity_ref,
        category: r.category,
        approvedAt,
        expiresAt,
        reviewAt: reviewAt ?? toMs(r.review_at),
        hasCompensatingControl: Boolean(r.compensating_control),
        source: r.source,
      });
    }
    return out;
  }

  private async releases(
    since: number,
    until: number,
  ): Promise<WorldRelease[]> {
    const rows = await this.db('aspm_releases')
      .where('released_at', '>=', new Date(since).toISOString())
      .where('released_at', '<=', new Date(until).toISOString())
      .select(
        'id',
        'entity_ref',
        'version',
        'environment',
        'released_at',
        'first_pass',
        'outcome',
        'evidence_complete',
      );
    const failedFirst = new Map<number, string[]>();
    const gateRows = await this.db('aspm_release_gates as g')
      .join('aspm_releases as r', 'r.id', 'g.release_id')
      .where('r.released_at', '>=', new Date(since).toISOString())
      .where('r.released_at', '<=', new Date(until).toISOString())
      .where('g.attempt', 1)
      .where('g.outcome', 'fail')
      .select('g.release_id', 'g.type', 'g.attempt', 'g.outcome');
    for (const g of gateRows) {
      const id = Number(g.release_id);
      if (Number(g.attempt) === 1 && g.outcome === 'fail') {
        if (!failedFirst.has(id)) failedFirst.set(id, []);
        failedFirst.get(id)!.push(g.type);
      }
    }
    return rows.map(r => ({
      id: Number(r.id),
      entityRef: r.entity_ref,
      version: r.version,
      environment: r.environment,
      releasedAt: toMs(r.released_at)!,
      gated: r.outcome !== 'ungated',
      firstPass: Boolean(r.first_pass),
      failedFirst: (failedFirst.get(Number(r.id)) ?? []).sort(),
      evidenceComplete: Boolean(r.evidence_complete),
    }));
  }

  private async secrets(
    rows: Array<{ row: Record<string, any>; state?: string }>,
    asOf: number,
  ): Promise<WorldSecret[]> {
    const rotations = new Map<number, Record<string, any>>();
    const rotationRows = await this.db('aspm_secret_rotations').select(
      'finding_id',
      'rotated_at',
      'rotated_by',
    );
    for (const r of rotationRows) rotations.set(Number(r.finding_id), r);
    return rows.map(({ row, state }) => {
      const properties = parseJsonColumn<Record<string, unknown>>(
        row.properties,
        {},
      );
      const recorded = rotations.get(Number(row.id));
      const rotation = rotationOf({
        findingId: Number(row.id),
        entityRef: row.entity_ref,
        title: row.title,
        ruleId: row.rule_id,
        tool: row.tool,
        state: row.state,
        firstSeenAt: new Date(toMs(row.first_seen_at)!),
        fixedAt: row.fixed_at ? new Date(toMs(row.fixed_at)!) : undefined,
        properties,
        rotation: recorded
          ? {
              rotatedAt: new Date(toMs(recorded.rotated_at)!),
              rotatedBy: recorded.rotated_by,
            }
          : undefined,
      });
      const rotatedAt = rotation?.at.getTime();
      const validity = properties.validity;
      return {
        findingId: Number(row.id),
        entityRef: row.entity_ref,
        title: row.title,
        open: state !== 'false_positive',
        validity:
          validity === 'active' || validity === 'inactive'
            ? validity
            : 'unknown',
        detectedAt: toMs(row.first_seen_at)!,
        rotatedAt:
          rotatedAt !== undefined && rotatedAt <= asOf ? rotatedAt : undefined,
      };
    });
  }

  /**
   * Scans by the time they were taken (not received: a backfilled history
   * is uploaded long after it was scanned), with the format of the upload
   * that carried them.
   */
  private async scans(since: number, asOf: number): Promise<WorldScan[]> {
    const rows = await this.db('aspm_scans as s')
      .leftJoin('aspm_ingestions as i', 'i.id', 's.ingestion_id')
      .where('s.scanned_at', '>=', new Date(since).toISOString())
      .where('s.scanned_at', '<=', new Date(asOf).toISOString())
      .select('s.entity_ref', 's.tool', 's.scanned_at', 'i.format');
    const reported = new Map<string, Set<FindingCategory>>();
    const categoryRows = await this.db('aspm_findings').distinct(
      'entity_ref',
      'tool',
      'category',
    );
    for (const r of categoryRows) {
      const key = `${r.entity_ref}\u0000${r.tool}`;
      if (!reported.has(key)) reported.set(key, new Set());
      reported.get(key)!.add(r.category);
    }
    return rows.map(r => ({
      entityRef: r.entity_ref,
      tool: r.tool,
      at: toMs(r.scanned_at)!,
      categories: scanCategories(
        r.format ?? undefined,
        r.tool,
        reported.get(`${r.entity_ref}\u0000${r.tool}`),
      ),
    }));
  }
}

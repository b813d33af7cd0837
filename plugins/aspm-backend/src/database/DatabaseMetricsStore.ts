import { Knex } from 'knex';
import { FindingCategory, isOwned, Severity } from '@aspm/plugin-aspm-common';
import { MetricsStore } from './MetricsStore';
import { SignalsStore } from './SignalsStore';
import {
  MetricsWorld,
  WorldEntity,
  WorldException,
  WorldExceptionDecision,
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
import { chunk } from '../util/chunk';
import { resolveScope } from '../metrics/resolveScope';

const DAY = 86_400_000;
/** A Scorecard run older than this (days) no longer counts as current. */
const SCORECARD_MAX_AGE_DAYS = 90;
/** Rows a PostgreSQL page reads (keyset pagination by id). */
const PG_PAGE = 50_000;

/** What loadWorld is asked. */
export interface LoadWorldOptions {
  asOf: Date;
  from: Date;
  to: Date;
  lookBackDays: number;
  /**
   * Read only the records (findings, events, exceptions, releases, scans)
   * of these scopes' entities as of the world's asOf; the entities
   * themselves are all read. Those scopes' metrics are the same either way.
   */
  scopes?: string[];
}

/**
 * A finding kept by the metrics' read: not fixed, a secret, or fixed or
 * seen at or after the cutoff (two `?`: the cutoff twice).
 */
const UNSETTLED =
  "(state <> 'fixed' or category = 'secret' or fixed_at is null or fixed_at >= ? or last_seen_at >= ?)";
/** Findings whose events one PostgreSQL query reads. */
const PG_EVENT_FINDINGS = 20_000;

/** Above this many entities a scoped read filters nothing: read them all. */
const MAX_SCOPED_REFS = 2000;

/** A loadWorld call waiting for the batch of its tick. */
interface PendingLoad {
  options: LoadWorldOptions;
  resolve: (world: MetricsWorld) => void;
  reject: (error: unknown) => void;
}

/** One world's instants, as epoch milliseconds. */
interface Request {
  asOf: number;
  from: number;
  to: number;
  /** The last instant any of its events matter: max(asOf, to - 1). */
  horizon: number;
  lookBack: number;
}

type Value = string | number | boolean | bigint | Date | null;

/**
 * A timestamp as epoch milliseconds: what {@link toMs} gives, without a
 * round trip through an ISO string for every row (numbers are what the
 * PostgreSQL queries below select).
 */
function ms(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return toMs(value);
}

/** The findings of a read, column by column (index = position in id order). */
interface FindingColumns {
  id: number[];
  entityRef: string[];
  tool: string[];
  title: string[];
  category: FindingCategory[];
  ruleId: string[];
  cwes: string[][];
  severity: Severity[];
  epss: Array<number | undefined>;
  knownExploited: boolean[];
  firstSeenAt: number[];
  /**
   * Fixed (not a secret) and not seen since: from when on it stays fixed,
   * the later of its fix and its last sighting; Infinity otherwise.
   */
  settledAt: number[];
  /** The read's condition on aspm_findings (for its events' read). */
  where: { sql: string; params: string[]; scoped: boolean };
  /** Secrets only: what their rotation needs. */
  secret: Map<
    number,
    { state: string; fixedAt: number | undefined; properties: unknown }
  >;
}

/** Events of the findings read, grouped by finding in (at, id) order. */
interface EventColumns {
  /** Events of finding i: order[start[i]] .. order[start[i + 1] - 1]. */
  start: Int32Array;
  order: Int32Array;
  type: string[];
  at: number[];
  from: Array<string | null>;
  to: Array<string | null>;
}

/**
 * Rebuilds the metrics' world from the history tables: entity versions
 * valid at asOf, findings replayed from their events, exceptions replayed
 * from their audit trail, releases, rotations and scans by time.
 *
 * Worlds asked for together (a report asks for the current and the previous
 * window at once) share one read of the findings and their events, the
 * largest tables: calls made in the same tick are answered by one
 * {@link DatabaseMetricsStore.loadWorlds}.
 */
export class DatabaseMetricsStore implements MetricsStore {
  private pending?: PendingLoad[];
  /** Parsed catalog versions by history id (see parsedVersions). */
  private versionMemo = new Map<number, WorldEntity>();

  constructor(
    private readonly db: Knex,
    /** Program signals (reviews, incidents, deploys, Scorecard runs). */
    private readonly signals?: SignalsStore,
    private readonly options: {
      /**
       * Read settled findings too (see readFindings): every world then
       * lists every finding first seen by its asOf. The reference the
       * shorter read is tested against; slower on a long history.
       */
      readSettled?: boolean;
      /**
       * PostgreSQL, the org's worlds: above this many findings their events
       * are read all in id order instead of looked up by finding.
       */
      eventLookupLimit?: number;
    } = {},
  ) {}

  loadWorld(options: LoadWorldOptions): Promise<MetricsWorld> {
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        const batch: PendingLoad[] = [];
        this.pending = batch;
        queueMicrotask(() => {
          this.pending = undefined;
          this.loadWorlds(batch.map(b => b.options)).then(
            worlds => batch.forEach((b, i) => b.resolve(worlds[i])),
            error => batch.forEach(b => b.reject(error)),
          );
        });
      }
      this.pending.push({ options, resolve, reject });
    });
  }

  /**
   * Several worlds from one read of the findings and their events (each
   * world equal to what loadWorld gives for its options alone).
   */
  async loadWorlds(list: LoadWorldOptions[]): Promise<MetricsWorld[]> {
    if (!list.length) return [];
    // One read per set of scopes asked for.
    const keyOf = (o: LoadWorldOptions) =>
      o.scopes?.length ? JSON.stringify([...o.scopes].sort()) : 'org';
    const keys = [...new Set(list.map(keyOf))];
    if (keys.length > 1) {
      const out: MetricsWorld[] = new Array(list.length);
      for (const key of keys) {
        const positions = list
          .map((o, i) => (keyOf(o) === key ? i : -1))
          .filter(i => i >= 0);
        const worlds = await this.loadWorlds(positions.map(i => list[i]));
        positions.forEach((i, k) => {
          out[i] = worlds[k];
        });
      }
      return out;
    }
    // The catalog at every asOf, from one read of the entity history.
    const catalogs = await this.entitiesAsOfEach(list.map(o => o.asOf));
    const entitiesAt = async (asOf: Date) => catalogs.get(asOf.getTime())!;
    const refs = await this.scopeRefs(list[0].scopes, list, entitiesAt);
    const requests: Request[] = list.map(o => {
      const asOf = o.asOf.getTime();
      const to = o.to.getTime();
      return {
        asOf,
        from: o.from.getTime(),
        to,
        horizon: Math.max(asOf, to - 1),
        lookBack: asOf - o.lookBackDays * DAY,
      };
    });
    const horizon = Math.max(...requests.map(r => r.horizon));
    // Findings fixed for good before every world's window count in none.
    const settledBefore = this.options.readSettled
      ? -Infinity
      : Math.min(...requests.map(cutoffOf));
    const findings = await this.readFindings(horizon, settledBefore, refs);
    const events = await this.readEvents(findings, horizon);
    const replayed = replayAll(findings, events, requests, settledBefore);
    const sources = await this.findingSources(horizon, refs);
    const rotations = await this.rotations();
    // Exceptions, releases and scans: one read covering every world, each
    // world then taking its own dates.
    const earliest = Math.min(
      ...requests.map(r => Math.min(r.from, r.lookBack)),
    );
    const latestAsOf = Math.max(...requests.map(r => r.asOf));
    const trails = await this.exceptionTrails(latestAsOf, refs);
    const allReleases = await this.releases(earliest, horizon, refs);
    const allScans = await this.scans(
      Math.min(...requests.map(r => r.lookBack)),
      latestAsOf,
      // Read only when there are scans to give categories to (every
      // finding of the scope: half a second for a million).
      () => this.reportedCategories(refs),
      refs,
    );
    const signals = await this.signals?.signalsAsOfEach(
      requests.map(r => ({
        asOf: r.horizon,
        since: Math.min(r.from, r.lookBack),
        scorecardSince: r.asOf - SCORECARD_MAX_AGE_DAYS * DAY,
      })),
    );
    const worlds: MetricsWorld[] = [];
    for (let w = 0; w < requests.length; w++) {
      const { asOf, from, to, lookBack } = requests[w];
      const exceptions = exceptionsAt(trails, asOf);
      const since = Math.min(from, lookBack);
      const stored = signals?.[w];
      worlds.push({
        asOf,
        from,
        to,
        entities: await entitiesAt(list[w].asOf),
        findings: replayed[w].findings,
        findingSources: sources
          .filter(x => x.since <= asOf)
          .map(({ tool, entityRef }) => ({ tool, entityRef })),
        fixes: replayed[w].fixes,
        reopens: replayed[w].reopens,
        exceptions: exceptions.active,
        releases: allReleases.filter(
          r => r.releasedAt >= since && r.releasedAt <= requests[w].horizon,
        ),
        secrets: secretsOf(findings, replayed[w].secrets, rotations, asOf),
        scans: allScans.filter(x => x.at >= lookBack && x.at <= asOf),
        signals: stored && {
          ...stored,
          // Known at asOf: later responses and completions are not yet.
          reviews: stored.reviews.filter(r => r.requestedAt <= asOf),
          scorecards: stored.scorecards.filter(s => s.at <= asOf),
          exceptionDecisions: exceptions.decisions,
        },
      });
    }
    return worlds;
  }

  /**
   * The refs of the scopes' (non-group) entities as of any of the worlds'
   * dates; undefined for the org, or scopes too large to be worth a filter.
   */
  private async scopeRefs(
    scopes: string[] | undefined,
    list: LoadWorldOptions[],
    entitiesAt: (asOf: Date) => Promise<WorldEntity[]>,
  ): Promise<string[] | undefined> {
    if (!scopes?.length) return undefined;
    if (scopes.some(s => resolveScope(s, []).kind === 'org')) return undefined;
    const refs = new Set<string>();
    for (const o of list) {
      const entities = await entitiesAt(o.asOf);
      for (const scope of scopes) {
        const resolved = resolveScope(scope, entities);
        for (const e of entities) {
          if (e.kind !== 'group' && resolved.includes(e)) {
            refs.add(e.entityRef);
          }
        }
      }
    }
    return refs.size > MAX_SCOPED_REFS ? undefined : [...refs].sort();
  }

  /**
   * The entities valid at each of the instants (keyed by epoch ms), from one
   * read of the versions valid at any of them; each version parsed once.
   */
  private async entitiesAsOfEach(
    instants: Date[],
  ): Promise<Map<number, WorldEntity[]>> {
    const times = [...new Set(instants.map(d => d.getTime()))];
    const first = new Date(Math.min(...times)).toISOString();
    const last = new Date(Math.max(...times)).toISOString();
    const rows: Row[] = await this.db('aspm_entity_history')
      .where('valid_from', '<=', last)
      .where(b => b.whereNull('valid_to').orWhere('valid_to', '>', first))
      // Epoch milliseconds on PostgreSQL (see ts): no Date per row.
      .select(
        'id',
        this.db.raw(`${this.ts('valid_from')} as valid_from`),
        this.db.raw(`${this.ts('valid_to')} as valid_to`),
      );
    const entities = await this.parsedVersions(rows.map(r => Number(r.id)));
    const versions = rows.map((r, i) => ({
      from: ms(r.valid_from)!,
      to: r.valid_to === null ? undefined : ms(r.valid_to),
      entity: entities[i],
    }));
    return new Map(
      times.map(t => [
        t,
        versions
          .filter(v => v.from <= t && (v.to === undefined || v.to > t))
          .map(v => v.entity),
      ]),
    );
  }

  /**
   * The entities of catalog versions, in the order of the history ids
   * given. A version's snapshot is never rewritten (a sync closes it and
   * adds a new one; only its dates move), so what was parsed once is kept,
   * frozen, and only versions not seen before are read: a request no longer
   * moves and parses the whole catalog's JSON. The memo holds at most a few
   * reads' worth of versions.
   */
  private async parsedVersions(ids: number[]): Promise<WorldEntity[]> {
    const memo = this.versionMemo;
    const unseen = ids.filter(id => !memo.has(id));
    for (const part of chunk(unseen, 500)) {
      const rows: Row[] = await this.db('aspm_entity_history')
        .whereIn('id', part)
        .select('id', 'snapshot');
      for (const r of rows) {
        memo.set(Number(r.id), Object.freeze(worldEntityOf(r.snapshot)));
      }
    }
    const entities = ids.map(id => memo.get(id)!);
    if (memo.size > 4 * ids.length + 10_000) {
      this.versionMemo = new Map(ids.map((id, i) => [id, entities[i]]));
    }
    return entities;
  }

  private get client(): 'sqlite' | 'pg' | 'other' {
    const name = String(this.db.client.config.client);
    if (name === 'better-sqlite3') return 'sqlite';
    if (name === 'pg' || name === 'postgres' || name === 'postgresql') {
      return 'pg';
    }
    return 'other';
  }

  /** A timestamp column as the row reader selects it (see {@link ms}). */
  private ts(column: string): string {
    // PostgreSQL: epoch milliseconds (a float8 the driver reads with
    // parseFloat) instead of a Date built for every row. Truncated to the
    // millisecond, as a Date is.
    return this.client === 'pg'
      ? `floor(extract(epoch from ${column}) * 1000)::float8`
      : column;
  }

  /**
   * Streams `select <columns> from <table> where <where> order by id` as
   * arrays, without an object per row: better-sqlite3 iterates a raw
   * statement; PostgreSQL reads pages by id in array mode; other clients go
   * through knex. `columns[0]` must be `id`; `where` uses `?` placeholders.
   */
  private async eachRow(
    table: string,
    columns: string[],
    where: string,
    params: unknown[],
    onRow: (row: Value[]) => void,
    /** PostgreSQL: one query, in no order (the caller sorts). */
    unpaged = false,
  ): Promise<void> {
    const client = this.client;
    if (client === 'sqlite') {
      const conn = (await this.db.client.acquireConnection()) as {
        prepare(sql: string): {
          raw(on: boolean): { iterate(...p: unknown[]): Iterable<Value[]> };
        };
      };
      try {
        const sql = `select ${columns.join(
          ', ',
        )} from ${table} where ${where} order by id`;
        for (const row of conn
          .prepare(sql)
          .raw(true)
          .iterate(...params)) {
          onRow(row);
        }
      } finally {
        await this.db.client.releaseConnection(conn);
      }
      return;
    }
    if (client === 'pg') {
      const conn = (await this.db.client.acquireConnection()) as {
        query(q: {
          text: string;
          values: unknown[];
          rowMode: 'array';
        }): Promise<{ rows: Value[][] }>;
      };
      try {
        let n = 0;
        const condition = where.replace(/\?/g, () => `$${++n}`);
        if (unpaged) {
          const { rows } = await conn.query({
            text: `select ${columns.join(
              ', ',
            )} from ${table} where ${condition}`,
            values: params,
            rowMode: 'array',
          });
          for (const row of rows) onRow(row);
          return;
        }
        const text = `select ${columns.join(
          ', ',
        )} from ${table} where (${condition}) and id > $${
          n + 1
        } order by id limit ${PG_PAGE}`;
        let after: Value = 0;
        for (;;) {
          const { rows } = await conn.query({
            text,
            values: [...params, after],
            rowMode: 'array',
          });
          for (const row of rows) onRow(row);
          if (rows.length < PG_PAGE) break;
          after = rows[rows.length - 1][0];
        }
      } finally {
        await this.db.client.releaseConnection(conn);
      }
      return;
    }
    const rows = await this.db(table)
      .select(columns.map((c, i) => this.db.raw(`${c} as c${i}`)))
      .whereRaw(where, params as Knex.RawBinding[])
      .orderBy('id');
    for (const r of rows) onRow(columns.map((_, i) => r[`c${i}`]));
  }

  /**
   * Each (tool, entity) with a finding first seen by `horizon`, and since
   * when: the counting basis's sources, which the findings read leaves
   * settled findings out of.
   */
  private async findingSources(
    horizon: number,
    refs?: string[],
  ): Promise<Array<{ tool: string; entityRef: string; since: number }>> {
    const q = this.db('aspm_findings')
      .where('first_seen_at', '<=', new Date(horizon).toISOString())
      .groupBy('tool', 'entity_ref')
      .select('tool', 'entity_ref', this.db.raw('min(first_seen_at) as since'));
    if (refs) q.whereIn('entity_ref', refs);
    const rows: Row[] = await q;
    return rows.map(r => ({
      tool: r.tool,
      entityRef: r.entity_ref,
      since: toMs(r.since)!,
    }));
  }

  /**
   * Findings first seen at or before `horizon`, in id order, without those
   * settled (fixed, not seen since, not secrets) before `settledBefore`.
   *
   * Why that is safe: a fixed finding's `fixed_at` is its last fix event,
   * and every event that opens a finding again (reopened, unsuppressed)
   * comes with a sighting (`last_seen_at`); a severity change too. So a
   * finding still fixed with both before the cutoff had no event from then
   * on: no fix or reopen in any window after it, fixed at every asOf after
   * it. No metric counts such a finding; the counting basis's sources
   * come from {@link findingSources}.
   */
  private async readFindings(
    horizon: number,
    settledBefore: number,
    refs?: string[],
  ): Promise<FindingColumns> {
    const f: FindingColumns = {
      id: [],
      entityRef: [],
      tool: [],
      title: [],
      category: [],
      ruleId: [],
      cwes: [],
      severity: [],
      epss: [],
      knownExploited: [],
      firstSeenAt: [],
      settledAt: [],
      where: { sql: '', params: [], scoped: false },
      secret: new Map(),
    };
    const settled = Number.isFinite(settledBefore)
      ? new Date(settledBefore).toISOString()
      : undefined;
    f.where = {
      sql: `first_seen_at <= ?${settled ? ` and ${UNSETTLED}` : ''}${
        refs ? ` and ${inList('entity_ref', refs)}` : ''
      }`,
      params: [
        new Date(horizon).toISOString(),
        ...(settled ? [settled, settled] : []),
        ...(refs ?? []),
      ],
      scoped: Boolean(refs),
    };
    // The same CWE lists repeat: parse each text once (the lists are read,
    // never changed).
    const cwes = new Map<string, string[]>();
    const none: string[] = [];
    const secretOnly = (column: string) =>
      `case when category = 'secret' then ${column} end`;
    await this.eachRow(
      'aspm_findings',
      [
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
        this.ts('first_seen_at'),
        secretOnly('state'),
        secretOnly(this.ts('fixed_at')),
        secretOnly('properties'),
        `case when state = 'fixed' and category <> 'secret' then ${this.ts(
          'fixed_at',
        )} end`,
        this.ts('last_seen_at'),
      ],
      f.where.sql,
      f.where.params,
      r => {
        const i = f.id.length;
        f.id.push(Number(r[0]));
        f.entityRef.push(r[1] as string);
        f.tool.push(r[2] as string);
        f.title.push(r[3] as string);
        f.category.push(r[4] as FindingCategory);
        f.ruleId.push(r[5] as string);
        const text = r[6];
        if (typeof text === 'string' && text) {
          let list = cwes.get(text);
          if (!list) cwes.set(text, (list = parseJsonColumn(text, none)));
          f.cwes.push(list);
        } else {
          f.cwes.push(none);
        }
        f.severity.push(r[7] as Severity);
        f.epss.push(r[8] === null ? undefined : Number(r[8]));
        f.knownExploited.push(Boolean(r[9]));
        f.firstSeenAt.push(ms(r[10])!);
        const fixedAt = r[14] === null ? undefined : ms(r[14]);
        const lastSeenAt = r[15] === null ? undefined : ms(r[15]);
        f.settledAt.push(
          fixedAt === undefined
            ? Infinity
            : Math.max(fixedAt, lastSeenAt ?? fixedAt),
        );
        if (r[4] === 'secret') {
          f.secret.set(i, {
            state: r[11] as string,
            fixedAt: r[12] === null ? undefined : ms(r[12]),
            properties: r[13],
          });
        }
      },
    );
    return f;
  }

  /**
   * The events of the findings read (at or before `horizon`, and every
   * severity change: a change after asOf tells the severity before it),
   * grouped by finding in (at, id) order. Read in id order and grouped here:
   * neither engine sorts millions of rows, and no list is built per finding.
   */
  private async readEvents(
    f: FindingColumns,
    horizon: number,
  ): Promise<EventColumns> {
    const n = f.id.length;
    // Finding id -> position: a dense table when ids are dense, else a map.
    const minId = n ? f.id[0] : 0;
    const span = n ? f.id[n - 1] - minId + 1 : 0;
    let indexOf: (id: number) => number;
    if (span <= 4 * n + 1024) {
      const dense = new Int32Array(span).fill(-1);
      for (let i = 0; i < n; i++) dense[f.id[i] - minId] = i;
      indexOf = id => {
        const k = id - minId;
        return k >= 0 && k < span ? dense[k] : -1;
      };
    } else {
      const map = new Map<number, number>();
      for (let i = 0; i < n; i++) map.set(f.id[i], i);
      indexOf = id => map.get(id) ?? -1;
    }
    const finding: number[] = [];
    const eventId: number[] = [];
    const type: string[] = [];
    const at: number[] = [];
    const from: Array<string | null> = [];
    const to: Array<string | null> = [];
    // Few distinct values: keep one string of each, not one per row.
    const interned = new Map<string, string>();
    const intern = (v: Value) => {
      if (v === null || v === undefined) return null;
      const s = String(v);
      let kept = interned.get(s);
      if (kept === undefined) {
        kept = s;
        if (interned.size < 10_000) interned.set(s, s);
      }
      return kept;
    };
    const columns = [
      'id',
      'finding_id',
      'type',
      this.ts('at'),
      'from_value',
      'to_value',
    ];
    const onRow = (r: Value[]) => {
      const i = indexOf(Number(r[1]));
      if (i < 0) return;
      finding.push(i);
      eventId.push(Number(r[0]));
      type.push(intern(r[2])!);
      at.push(ms(r[3])!);
      from.push(intern(r[4]));
      to.push(intern(r[5]));
    };
    const when = "(at <= ? or type = 'severity_changed')";
    const horizonIso = new Date(horizon).toISOString();
    const limit = this.options.eventLookupLimit ?? PG_EVENT_FINDINGS * 4;
    if (this.client === 'pg' && !f.where.scoped && n > limit) {
      // Most of the org's findings: every event in id order, pages of one
      // index range each, is cheaper than looking them up by finding (the
      // others are dropped by indexOf).
      await this.eachRow(
        'aspm_finding_events',
        columns,
        when,
        [horizonIso],
        onRow,
      );
    } else if (this.client === 'pg') {
      // By finding ids, a page at a time: each page one index read, where
      // a subquery on the findings would be evaluated again per page.
      for (const ids of chunk(f.id, PG_EVENT_FINDINGS)) {
        await this.eachRow(
          'aspm_finding_events',
          columns,
          `finding_id = any(?::bigint[]) and ${when}`,
          [ids, horizonIso],
          onRow,
          true,
        );
      }
    } else {
      await this.eachRow(
        'aspm_finding_events',
        columns,
        `finding_id in (select id from aspm_findings where ${f.where.sql}) and ${when}`,
        [...f.where.params, horizonIso],
        onRow,
      );
    }
    // Counting sort by finding (stable), then (at, id) within each finding.
    const m = finding.length;
    const start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) start[finding[e] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const next = start.slice(0, n);
    const order = new Int32Array(m);
    for (let e = 0; e < m; e++) order[next[finding[e]]++] = e;
    for (let i = 0; i < n; i++) {
      // Insertion sort: a finding has a few events, mostly in order already.
      for (let k = start[i] + 1; k < start[i + 1]; k++) {
        const e = order[k];
        let j = k - 1;
        while (
          j >= start[i] &&
          (at[order[j]] > at[e] ||
            (at[order[j]] === at[e] && eventId[order[j]] > eventId[e]))
        ) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = e;
      }
    }
    return { start, order, type, at, from, to };
  }

  /**
   * Every exception (of the scope's entities) with its audit trail up to
   * `asOf`, in order: what {@link exceptionsAt} reads for any earlier date.
   */
  private async exceptionTrails(
    asOf: number,
    refs?: string[],
  ): Promise<ExceptionTrails> {
    const scoped = (q: Knex.QueryBuilder, column: string) => {
      if (refs) q.whereIn(column, refs);
    };
    const asOfIso = new Date(asOf).toISOString();
    const rows: Row[] = await this.db('aspm_exceptions')
      .modify(scoped, 'entity_ref')
      // Only those with a trail by asOf (exceptionsAt skips the others):
      // a date before the first request reads none.
      .whereIn(
        'id',
        this.db('aspm_exception_events')
          .where('at', '<=', asOfIso)
          .select('exception_id'),
      )
      .select(
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
    const events: Row[] = await this.db('aspm_exception_events')
      .where('at', '<=', asOfIso)
      .modify(q => {
        if (refs) {
          q.whereIn(
            'exception_id',
            this.db('aspm_exceptions').whereIn('entity_ref', refs).select('id'),
          );
        }
      })
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
    return { rows, byId };
  }

  private async releases(
    since: number,
    until: number,
    refs?: string[],
  ): Promise<WorldRelease[]> {
    const rows: Row[] = await this.db('aspm_releases')
      .modify(q => {
        if (refs) q.whereIn('entity_ref', refs);
      })
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
      .modify(q => {
        if (refs) q.whereIn('r.entity_ref', refs);
      })
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

  /** Rotations recorded through the API, by finding id. */
  private async rotations(): Promise<Map<number, Record<string, any>>> {
    const rotations = new Map<number, Record<string, any>>();
    const rotationRows = await this.db('aspm_secret_rotations').select(
      'finding_id',
      'rotated_at',
      'rotated_by',
    );
    for (const r of rotationRows) rotations.set(Number(r.finding_id), r);
    return rotations;
  }

  /** The categories each (entity, tool) has reported, from every finding. */
  private async reportedCategories(
    refs?: string[],
  ): Promise<Map<string, Set<FindingCategory>>> {
    const reported = new Map<string, Set<FindingCategory>>();
    const categoryRows: Row[] = await this.db('aspm_findings')
      .modify(q => {
        if (refs) q.whereIn('entity_ref', refs);
      })
      .distinct('entity_ref', 'tool', 'category');
    for (const r of categoryRows) {
      const key = `${r.entity_ref}\u0000${r.tool}`;
      if (!reported.has(key)) reported.set(key, new Set());
      reported.get(key)!.add(r.category);
    }
    return reported;
  }

  /**
   * Scans by the time they were taken (not received: a backfilled history
   * is uploaded long after it was scanned), with the format of the upload
   * that carried them.
   */
  private async scans(
    since: number,
    asOf: number,
    reportedOf: () => Promise<Map<string, Set<FindingCategory>>>,
    refs?: string[],
  ): Promise<WorldScan[]> {
    const rows: Row[] = await this.db('aspm_scans as s')
      .modify(q => {
        if (refs) q.whereIn('s.entity_ref', refs);
      })
      .leftJoin('aspm_ingestions as i', 'i.id', 's.ingestion_id')
      .where('s.scanned_at', '>=', new Date(since).toISOString())
      .where('s.scanned_at', '<=', new Date(asOf).toISOString())
      .select('s.entity_ref', 's.tool', 's.scanned_at', 'i.format');
    if (!rows.length) return [];
    const reported = await reportedOf();
    // The categories depend on (format, entity, tool) only: compute each
    // once (the lists are read, never changed).
    const categories = new Map<string, FindingCategory[]>();
    return rows.map(r => {
      const key = `${r.entity_ref}\u0000${r.tool}`;
      const memo = `${r.format ?? ''}\u0000${key}`;
      let list = categories.get(memo);
      if (!list) {
        list = scanCategories(r.format ?? undefined, r.tool, reported.get(key));
        categories.set(memo, list);
      }
      return {
        entityRef: r.entity_ref,
        tool: r.tool,
        at: ms(r.scanned_at)!,
        categories: list,
      };
    });
  }
}

/** A catalog version's snapshot (JSON) as the metrics see the entity. */
function worldEntityOf(snapshot: string): WorldEntity {
  const s = JSON.parse(snapshot);
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
    // Only when set, so bases taken before golden paths were read
    // hash as they did.
    goldenPath: s.goldenPath ? true : undefined,
  };
}

/** Exceptions with their audit trails, as exceptionTrails reads them. */
interface ExceptionTrails {
  rows: Row[];
  byId: Map<number, Row[]>;
}

/** Active exceptions at `asOf` and the decisions made by then. */
function exceptionsAt(
  { rows, byId }: ExceptionTrails,
  asOf: number,
): { active: WorldException[]; decisions: WorldExceptionDecision[] } {
  const out: WorldException[] = [];
  const decisions: WorldExceptionDecision[] = [];
  for (const r of rows) {
    const trail = byId.get(Number(r.id))?.filter(e => toMs(e.at)! <= asOf);
    if (!trail?.length) continue;
    const requested = trail.find(e => e.type === 'requested');
    const decided = trail.find(
      e => e.type === 'approved' || e.type === 'rejected',
    );
    if (requested && decided) {
      decisions.push({
        id: Number(r.id),
        entityRef: r.entity_ref,
        category: r.category,
        requestedAt: toMs(requested.at)!,
        decidedAt: toMs(decided.at)!,
        outcome: decided.type,
      });
    }
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
  return { active: out, decisions };
}

/** A row as knex reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** `column in (?, ...)` for raw SQL (`1 = 0` for no values). */
function inList(column: string, values: string[]): string {
  return values.length
    ? `${column} in (${values.map(() => '?').join(', ')})`
    : '1 = 0';
}

/** Findings settled before this instant count in none of a world's metrics. */
function cutoffOf(r: Request): number {
  return Math.min(r.from, r.asOf);
}

/** What one world takes from the replay of every finding. */
interface Replayed {
  findings: WorldFinding[];
  fixes: MetricsWorld['fixes'];
  reopens: MetricsWorld['reopens'];
  /** Secret findings first seen at or before asOf: position and state. */
  secrets: Array<{ index: number; state?: string }>;
}

/**
 * Replays every finding's events once per world: each world sees the
 * findings first seen by its horizon, with their events up to it (and every
 * severity change), exactly as a read for that world alone would give them.
 */
function replayAll(
  f: FindingColumns,
  e: EventColumns,
  requests: Request[],
  /** -Infinity: keep settled findings in every world. */
  settledBefore: number,
): Replayed[] {
  const out: Replayed[] = requests.map(() => ({
    findings: [],
    fixes: [],
    reopens: [],
    secrets: [],
  }));
  const n = f.id.length;
  const prune = settledBefore !== -Infinity;
  const cutoffs = requests.map(cutoffOf);
  // Settled before a world's window (see readFindings): nothing to replay
  // for it; left out whatever else a batch read, so a world is the same
  // asked alone.
  const skips = (i: number, w: number) =>
    f.firstSeenAt[i] > requests[w].horizon ||
    (prune && f.settledAt[i] < cutoffs[w]);
  for (let i = 0; i < n; i++) {
    let needed = false;
    for (let w = 0; w < requests.length && !needed; w++) {
      needed = !skips(i, w);
    }
    if (!needed) continue;
    const id = f.id[i];
    const entityRef = f.entityRef[i];
    const category = f.category[i];
    const firstSeenAt = f.firstSeenAt[i];
    const all: ReplayEvent[] = [];
    for (let k = e.start[i]; k < e.start[i + 1]; k++) {
      const x = e.order[k];
      all.push({ type: e.type[x], at: e.at[x], from: e.from[x], to: e.to[x] });
    }
    for (let w = 0; w < requests.length; w++) {
      if (skips(i, w)) continue;
      const { asOf, from, to, horizon } = requests[w];
      // This world's events: at or before its horizon, or severity changes.
      let list = all;
      for (const ev of all) {
        if (ev.at > horizon && ev.type !== 'severity_changed') {
          list = all.filter(
            x => x.at <= horizon || x.type === 'severity_changed',
          );
          break;
        }
      }
      if (!list.length)
        list = [{ type: 'opened', at: firstSeenAt, to: 'open' }];
      const replay = replayFinding(list, f.severity[i], asOf, from, to);
      const world = out[w];
      for (const fix of replay.fixes) {
        world.fixes.push({
          findingId: id,
          entityRef,
          severity: fix.severity,
          category,
          spellStart: fix.spellStart,
          fixedAt: fix.at,
        });
      }
      for (const at of replay.reopens) {
        world.reopens.push({ findingId: id, entityRef, at });
      }
      if (category === 'secret' && firstSeenAt <= asOf) {
        world.secrets.push({ index: i, state: replay.state });
      }
      if (replay.state === undefined || firstSeenAt > asOf) continue;
      const accepted = replay.state === 'open' && replay.exceptionId;
      world.findings.push({
        id,
        entityRef,
        tool: f.tool[i],
        title: f.title[i],
        category,
        ruleId: f.ruleId[i],
        cwes: f.cwes[i],
        severity: replay.severity,
        epss: f.epss[i],
        knownExploited: f.knownExploited[i],
        state: accepted ? 'accepted' : replay.state,
        exceptionId: accepted ? replay.exceptionId : undefined,
        firstSeenAt,
        spellStart: replay.spellStart ?? firstSeenAt,
      });
    }
  }
  return out;
}

/** The secret findings of a world, with their rotation as of asOf. */
function secretsOf(
  f: FindingColumns,
  rows: Replayed['secrets'],
  rotations: Map<number, Record<string, any>>,
  asOf: number,
): WorldSecret[] {
  return rows.map(({ index, state }) => {
    const id = f.id[index];
    const extra = f.secret.get(index)!;
    const properties = parseJsonColumn<Record<string, unknown>>(
      extra.properties,
      {},
    );
    const recorded = rotations.get(id);
    const rotation = rotationOf({
      findingId: id,
      entityRef: f.entityRef[index],
      title: f.title[index],
      ruleId: f.ruleId[index],
      tool: f.tool[index],
      state: extra.state,
      firstSeenAt: new Date(f.firstSeenAt[index]),
      fixedAt:
        extra.fixedAt !== undefined ? new Date(extra.fixedAt) : undefined,
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
      findingId: id,
      entityRef: f.entityRef[index],
      title: f.title[index],
      open: state !== 'false_positive',
      validity:
        validity === 'active' || validity === 'inactive' ? validity : 'unknown',
      detectedAt: f.firstSeenAt[index],
      rotatedAt:
        rotatedAt !== undefined && rotatedAt <= asOf ? rotatedAt : undefined,
    };
  });
}

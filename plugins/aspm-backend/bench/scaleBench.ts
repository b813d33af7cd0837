/*
 * Scale benchmark (not a test; `yarn bench`): builds a synthetic org through
 * the real write paths and measures what its users would wait for.
 *
 * 1. A catalog of 5,000 components, 500 teams in 20 business units, systems
 *    and domains, served over HTTP in the catalog API's shape
 *    (GET /entities/by-query, cursor pages); the plugin's CatalogSyncer
 *    reads it through @backstage/catalog-client (timed).
 * 2. A year of weekly scans, one SARIF document per component and week,
 *    given to IngestService.ingest: the call POST /ingest makes (parse,
 *    diff against the previous scan, one transaction). Findings arrive,
 *    get fixed, and some come back, so the year reaches ~1,000,000
 *    distinct findings. Each week also requests and approves exceptions
 *    through ExceptionService (20,000 over the year; the expiry job's own
 *    call runs weekly) and posts releases with gates and evidence through
 *    ReleaseService (50,000), each body validated by the route's schema.
 * 3. The raw baseline: the same database's bulk insert of finding rows of
 *    the same shape (the store's fastest writer), in the same run.
 * 4. The snapshot job for one day.
 * 5. A real backend process (dev/benchBackend.ts) on that database: the
 *    org director pack, one entity's scorecard (p50/p95 of 100), a 300-
 *    service team's scorecard, the metrics as of a past date; its peak RSS.
 * 6. The database's size.
 *
 *   yarn bench                                          # 5,000 / 1,000,000
 *   ASPM_BENCH_ENTITIES=300 ASPM_BENCH_FINDINGS=30000 ASPM_BENCH_WEEKS=8 yarn bench
 *
 * Knobs: ASPM_BENCH_ENGINES=sqlite,pg, ASPM_BENCH_EXCEPTIONS (20000),
 * ASPM_BENCH_RELEASES (50000), ASPM_BENCH_CONCURRENCY (ingests at once;
 * default 1 on SQLite, 4 on PostgreSQL), ASPM_BENCH_KEEP=1 (keep the
 * databases; each prints the backend setting for the next knob),
 * ASPM_BENCH_MEASURE_ONLY='<that setting>' (only the backend part, again),
 * ASPM_TEST_POSTGRES_URL.
 */
import os from 'node:os';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { CatalogClient } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  exceptionApprovalSchema,
  exceptionRequestSchema,
  ingestQuerySchema,
  releaseInputSchema,
} from '@aspm/plugin-aspm-common';
import { createStores } from '../src/database/createStores';
import { bulkInsert } from '../src/database/bulkInsert';
import { readAspmConfig } from '../src/config/readAspmConfig';
import { CatalogSyncer } from '../src/catalog/CatalogSyncer';
import { IngestService } from '../src/ingest/IngestService';
import { ExceptionService } from '../src/exceptions/ExceptionService';
import { ReleaseService } from '../src/releases/ReleaseService';
import { SnapshotService } from '../src/metrics/SnapshotService';
import { ProgramSignalsService } from '../src/signals/ProgramSignalsService';
import { pgAnswers } from './pgAnswers';
import { fmt, percentile, progress } from './benchFormat';
import { poisson, seededRandom } from '../src/demo/random';
import {
  componentName as component,
  syntheticOrg,
  teamName as team,
} from './syntheticOrg';

type Engine = 'sqlite' | 'pg';

const ENTITIES = Number(process.env.ASPM_BENCH_ENTITIES ?? 5000);
const ORG = syntheticOrg(ENTITIES);
const TEAMS = ORG.teams;
const UNITS = ORG.units;
const FINDINGS = Number(process.env.ASPM_BENCH_FINDINGS ?? 1_000_000);
const WEEKS = Number(process.env.ASPM_BENCH_WEEKS ?? 52);
const EXCEPTIONS = Number(process.env.ASPM_BENCH_EXCEPTIONS ?? 20_000);
const RELEASES = Number(process.env.ASPM_BENCH_RELEASES ?? 50_000);
/** The team whose page shows 300 services (or a tenth of a small org). */
const BIG_TEAM_SERVICES = ORG.bigTeamServices;
const pgUrl = (
  process.env.ASPM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432'
).replace(/\/$/, '');

const DAY = 86_400_000;
const NOW = Date.now();
/** The year starts on a day boundary WEEKS weeks back. */
const START = Math.floor((NOW - WEEKS * 7 * DAY) / DAY) * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const elapsedMs = (since: bigint) =>
  Number(process.hrtime.bigint() - since) / 1e6;

// ---------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------

/** The catalog's GET /entities/by-query, cursor-paged, over real HTTP. */
async function serveCatalog(entities: Entity[]) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/catalog/entities/by-query') {
      res.writeHead(404).end();
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const cursor = url.searchParams.get('cursor');
    const offset = cursor
      ? Number(Buffer.from(cursor, 'base64url').toString())
      : 0;
    const items = entities.slice(offset, offset + limit);
    const next = offset + limit < entities.length ? offset + limit : undefined;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        items,
        totalItems: entities.length,
        pageInfo: next
          ? { nextCursor: Buffer.from(String(next)).toString('base64url') }
          : {},
      }),
    );
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, baseUrl: `http://127.0.0.1:${port}/api/catalog` };
}

// ---------------------------------------------------------------------------
// The year of scans
// ---------------------------------------------------------------------------

interface ComponentState {
  open: number[];
  fixed: number[];
  /** Expected new findings a week. */
  rate: number;
}

const SEVERITIES: Array<[number, number]> = [
  [9.5, 0.03],
  [7.5, 0.15],
  [5.0, 0.42],
  [2.0, 0.4],
];

function severityScore(n: number): number {
  let r = ((n * 2654435761) >>> 0) / 4294967296;
  for (const [score, weight] of SEVERITIES) {
    if (r < weight) return score;
    r -= weight;
  }
  return 2.0;
}

function sarif(i: number, open: number[], scannedAt: string): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Semgrep', version: '1.90.0' } },
        invocations: [{ executionSuccessful: true, endTimeUtc: scannedAt }],
        results: open.map(n => ({
          ruleId: `bench.rule-${n % 400}`,
          level: severityScore(n) >= 7 ? 'error' : 'warning',
          message: { text: `Synthetic finding ${n} in ${component(i)}` },
          properties: { 'security-severity': String(severityScore(n)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: `src/module-${n}.ts` },
                region: { startLine: 1 + (n % 500) },
              },
            },
          ],
        })),
      },
    ],
  });
}

/** Runs fn over items with at most `limit` at once. */
async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

// ---------------------------------------------------------------------------
// One engine
// ---------------------------------------------------------------------------

interface Result {
  engine: Engine;
  rows: Array<[string, string]>;
}

/** Rows of a result, each also printed as soon as it is measured. */
function liveRows(engine: Engine): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const push = rows.push.bind(rows);
  rows.push = (...items: Array<[string, string]>) => {
    for (const [k, v] of items) progress(`${engine}: ${k}: ${v}`);
    return push(...items);
  };
  return rows;
}

async function createDatabase(engine: Engine) {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aspm-scale-bench-'));
    const file = path.join(dir, 'aspm.sqlite');
    return {
      knex: knexFactory({
        client: 'better-sqlite3',
        connection: { filename: file },
        useNullAsDefault: true,
      }),
      backendDb: { client: 'better-sqlite3', connection: { directory: dir } },
      size: async (k: Knex) => {
        const [{ page_count: pages }] = await k.raw('pragma page_count');
        const [{ page_size: size }] = await k.raw('pragma page_size');
        return Number(pages) * Number(size);
      },
      where: file,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const prefix = `aspm_scale_${process.pid}_`;
  const name = `${prefix}aspm`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw(`drop database if exists ${name}`);
  await admin.raw(`create database ${name}`);
  await admin.destroy();
  return {
    knex: knexFactory({
      client: 'pg',
      connection: `${pgUrl}/${name}`,
      pool: { min: 0, max: 8 },
    }),
    backendDb: { client: 'pg', connection: pgUrl, prefix },
    size: async (k: Knex) => {
      const r = await k.raw('select pg_database_size(current_database()) as n');
      return Number(r.rows[0].n);
    },
    where: `${pgUrl}/${name}`,
    drop: async () => {
      const k = knexFactory({ client: 'pg', connection: pgUrl });
      await k.raw(`drop database if exists ${name} with (force)`);
      await k.destroy();
    },
  };
}

async function runEngine(engine: Engine): Promise<Result> {
  const rows = liveRows(engine);
  const db = await createDatabase(engine);
  const knex = db.knex;
  const concurrency = Number(
    process.env.ASPM_BENCH_CONCURRENCY ?? (engine === 'pg' ? 4 : 1),
  );
  const config = readAspmConfig(new ConfigReader({}));
  const logger = mockServices.rootLogger({ level: 'warn' });
  const stores = await createStores({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const { store, findings } = stores;

  // 1. Catalog sync.
  const catalogEntities = ORG.catalog();
  const catalog = await serveCatalog(catalogEntities);
  const syncer = new CatalogSyncer({
    catalog: new CatalogClient({
      discoveryApi: {
        getBaseUrl: async () => catalog.baseUrl,
      },
    }),
    auth: mockServices.auth(),
    store,
    logger,
    mapping: config.mapping,
    pageSize: config.catalogSync.pageSize,
  });
  let t0 = process.hrtime.bigint();
  const sync = await syncer.run('api');
  const syncMs = elapsedMs(t0);
  t0 = process.hrtime.bigint();
  const resync = await syncer.run('api');
  const resyncMs = elapsedMs(t0);
  catalog.server.close();
  if (sync.status !== 'succeeded') {
    throw new Error(`catalog sync ${sync.status}: ${JSON.stringify(sync)}`);
  }
  rows.push([
    `catalog sync of ${fmt(catalogEntities.length)} entities (${fmt(
      ENTITIES,
    )} components), first / unchanged`,
    `${fmt(syncMs)} / ${fmt(resyncMs)} ms`,
  ]);
  progress(
    `${engine}: catalog synced (${sync.counts?.added ?? '?'} added; again: ${
      resync.counts?.changed ?? '?'
    } changed)`,
  );
  await store.backdateFirstVersions(new Date(START - DAY));

  // 2. The year.
  let clock = new Date(START);
  const ingest = new IngestService({
    store,
    findings,
    signals: new ProgramSignalsService({ store, signals: stores.signals }),
  });
  const exceptions = new ExceptionService({
    exceptions: stores.exceptions,
    store,
    config: config.exceptions,
    now: () => clock,
  });
  const releases = new ReleaseService({
    store,
    findings,
    releases: stores.releases,
    config,
    now: () => clock,
  });

  const rnd = seededRandom('scale-bench history');
  const weights = Array.from({ length: ENTITIES }, () =>
    Math.min(60, Math.pow(rnd() + 1e-3, -0.8)),
  );
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const initial = 0.3 * FINDINGS;
  const weekly = (0.7 * FINDINGS) / WEEKS;
  let nextFinding = 0;
  const state: ComponentState[] = weights.map(w => {
    const n = Math.round((initial * w) / weightSum);
    const open = Array.from({ length: n }, () => nextFinding++);
    return { open, fixed: [], rate: (weekly * w) / weightSum };
  });
  // Knuth (shared with the demo) for small rates, a normal approximation
  // for large ones.
  const arrivals = (lambda: number) => {
    if (lambda <= 30) return poisson(rnd, lambda);
    const u =
      Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * u));
  };

  const totals = {
    ingests: 0,
    received: 0,
    created: 0,
    fixed: 0,
    reopened: 0,
    ingestMs: 0,
    exceptions: 0,
    exceptionsRefused: 0,
    exceptionMs: 0,
    releases: 0,
    releaseMs: 0,
  };
  const exceptionsPerWeek = EXCEPTIONS / WEEKS;
  const releasesPerWeek = RELEASES / WEEKS;
  const maxDays = config.exceptions.maxDaysByTier;
  const tierOf = new Map(
    catalogEntities.map(e => [
      e.metadata.name,
      e.metadata.annotations?.['aspm.io/tier'],
    ]),
  );
  const started = Date.now();
  for (let w = 0; w < WEEKS; w++) {
    const weekStart = START + w * 7 * DAY;
    // Churn: fixes, reopens, arrivals (the scanner's view of the week).
    for (const s of state) {
      const keep: number[] = [];
      for (const n of s.open) {
        if (rnd() < 0.08) s.fixed.push(n);
        else keep.push(n);
      }
      if (s.fixed.length && rnd() < 0.3) {
        const back = s.fixed.splice(Math.floor(rnd() * s.fixed.length), 1);
        keep.push(...back);
      }
      for (let k = arrivals(s.rate); k > 0; k--) keep.push(nextFinding++);
      s.open = keep;
    }
    const order = state.map((_, i) => i);
    let t = process.hrtime.bigint();
    await pool(order, concurrency, async i => {
      // Each component scans on its own weekday, an hour apart from others.
      const at = weekStart + (i % 6) * DAY + (i % 20) * 3_600_000;
      const body = Buffer.from(sarif(i, state[i].open, iso(at)));
      const result = await ingest.ingest({
        body,
        query: ingestQuerySchema.parse({
          entityRef: `component:default/${component(i)}`,
          observedAt: iso(at),
        }),
        source: 'push',
        actor: 'external:bench-ci',
        now: new Date(at + 60_000),
      });
      if ('counts' in result) {
        totals.received += result.counts.received;
        totals.created += result.counts.new + result.counts.suppressed;
        totals.fixed += result.counts.fixed;
        totals.reopened += result.counts.reopened;
      }
      totals.ingests += 1;
    });
    totals.ingestMs += elapsedMs(t);

    // The end of the week: exceptions, the expiry job, releases.
    clock = new Date(weekStart + 6 * DAY + 18 * 3_600_000);
    t = process.hrtime.bigint();
    const wantExceptions =
      Math.round((w + 1) * exceptionsPerWeek) -
      Math.round(w * exceptionsPerWeek);
    for (let k = 0; k < wantExceptions; k++) {
      const i = Math.floor(rnd() * ENTITIES);
      const entityRef = `component:default/${component(i)}`;
      const candidate = await knex('aspm_findings')
        .where({ entity_ref: entityRef, state: 'open' })
        .whereNull('exception_id')
        .orderBy('id')
        .offset(Math.floor(rnd() * 5))
        .first('id');
      if (!candidate) {
        totals.exceptionsRefused += 1;
        continue;
      }
      const tier = tierOf.get(component(i));
      const limit = maxDays[tier ?? 'untiered'] ?? maxDays.default ?? 90;
      const days = Math.max(7, Math.min(limit, 30 + Math.floor(rnd() * 150)));
      try {
        const requested = await exceptions.request(
          exceptionRequestSchema.parse({
            entityRef,
            scope: { type: 'findings', findingIds: [Number(candidate.id)] },
            reason: 'Not reachable from user input; fix planned next quarter',
            category: config.exceptions.categories[k % 2],
            ...(rnd() < 0.6
              ? {
                  compensatingControl: {
                    text: 'WAF rule blocks the request pattern',
                  },
                }
              : {}),
          }),
          { actor: `user:default/dev-${i % 97}`, canApprove: false },
        );
        await exceptions.approve(
          requested.id,
          exceptionApprovalSchema.parse({
            expiresAt: day(clock.getTime() + days * DAY),
            ...(rnd() < 0.7
              ? { reviewAt: day(clock.getTime() + Math.floor(days / 2) * DAY) }
              : {}),
          }),
          { actor: 'user:default/security-lead', canApprove: true },
        );
        totals.exceptions += 1;
      } catch (e) {
        totals.exceptionsRefused += 1;
        if (totals.exceptionsRefused <= 3) {
          progress(`exception refused: ${(e as Error).message}`);
        }
      }
    }
    await stores.exceptions.expireDue(clock);
    totals.exceptionMs += elapsedMs(t);

    t = process.hrtime.bigint();
    const wantReleases =
      Math.round((w + 1) * releasesPerWeek) - Math.round(w * releasesPerWeek);
    for (let k = 0; k < wantReleases; k++) {
      const i = Math.floor(rnd() * ENTITIES);
      const at = weekStart + Math.floor(rnd() * 6 * DAY);
      const firstPass = rnd() < 0.82;
      const version = `1.${w}.${k}`;
      const body = releaseInputSchema.parse({
        entityRef: `component:default/${component(i)}`,
        version,
        environment: rnd() < 0.7 ? 'production' : 'staging',
        artifactDigest: `sha256:${createHash('sha256')
          .update(`${i}@${version}`)
          .digest('hex')}`,
        releasedAt: iso(at),
        gates: [
          { type: 'sast', outcome: firstPass ? 'pass' : 'fail', attempt: 1 },
          ...(firstPass
            ? []
            : [{ type: 'sast', outcome: 'pass', attempt: 2 } as const]),
          { type: 'sca', outcome: 'pass', attempt: 1 },
        ],
        evidence:
          rnd() < 0.8
            ? [
                {
                  kind: 'sbom',
                  digest: `sha256:${createHash('sha256')
                    .update(`sbom ${i}@${version}`)
                    .digest('hex')}`,
                  uri: `https://artifacts.example.com/${component(
                    i,
                  )}/${version}/sbom.json`,
                },
              ]
            : [],
      });
      await releases.post(body, 'external:bench-ci');
      totals.releases += 1;
    }
    totals.releaseMs += elapsedMs(t);
    const [{ n: stored }] = await knex('aspm_findings').count({ n: '*' });
    progress(
      `${engine}: week ${w + 1}/${WEEKS}: ${fmt(
        Number(stored),
      )} findings, ${fmt(totals.exceptions)} exceptions, ${fmt(
        totals.releases,
      )} releases (${fmt((Date.now() - started) / 1000)} s)`,
    );
  }
  const [{ n: findingRows }] = await knex('aspm_findings').count({ n: '*' });
  const [{ n: eventRows }] = await knex('aspm_finding_events').count({
    n: '*',
  });
  const ingestRate = totals.received / (totals.ingestMs / 1000);
  rows.push([
    `ingest: ${fmt(totals.ingests)} weekly scans, ${fmt(
      totals.received,
    )} results received`,
    `${fmt(totals.ingestMs / 1000, 1)} s (concurrency ${concurrency})`,
  ]);
  rows.push([
    `findings stored / events / fixes / reopens`,
    `${fmt(Number(findingRows))} / ${fmt(Number(eventRows))} / ${fmt(
      totals.fixed,
    )} / ${fmt(totals.reopened)}`,
  ]);

  // 3. The raw baseline: the store's bulk writer, same rows, same database.
  const sample = await knex('aspm_findings').first();
  delete sample.id;
  const RAW = Math.min(200_000, Math.max(10_000, Math.round(FINDINGS / 5)));
  t0 = process.hrtime.bigint();
  await knex.transaction(async tx => {
    for (let from = 0; from < RAW; from += 5000) {
      const part = Array.from(
        { length: Math.min(5000, RAW - from) },
        (_, j) => ({
          ...sample,
          entity_ref: 'component:default/bench-raw-baseline',
          fingerprint: `raw-${from + j}`,
        }),
      );
      await bulkInsert(tx, 'aspm_findings', part, ['fingerprint']);
    }
  });
  const rawMs = elapsedMs(t0);
  await knex('aspm_findings')
    .where({ entity_ref: 'component:default/bench-raw-baseline' })
    .delete();
  const rawRate = RAW / (rawMs / 1000);
  rows.push([
    `ingest rate (results/s) vs raw bulk insert (rows/s), ratio`,
    `${fmt(ingestRate)} vs ${fmt(rawRate)} = ${fmt(ingestRate / rawRate, 2)}`,
  ]);
  rows.push([
    `of which new findings written/s (created + events)`,
    `${fmt(totals.created / (totals.ingestMs / 1000))}`,
  ]);
  rows.push([
    `exceptions requested + approved (refused)`,
    `${fmt(totals.exceptions)} (${fmt(totals.exceptionsRefused)}) in ${fmt(
      totals.exceptionMs / 1000,
      1,
    )} s`,
  ]);
  rows.push([
    `releases posted`,
    `${fmt(totals.releases)} in ${fmt(totals.releaseMs / 1000, 1)} s`,
  ]);

  // 4. The snapshot job.
  await measureSnapshots(engine, knex, stores, db.size, rows);
  await knex.destroy();

  // 5. The backend.
  await measureBackend(db.backendDb, rows);

  if (process.env.ASPM_BENCH_KEEP === '1') {
    progress(
      `${engine}: kept ${db.where}; ASPM_BENCH_MEASURE_ONLY='${JSON.stringify(
        db.backendDb,
      )}'`,
    );
  } else {
    await db.drop();
  }
  return { engine, rows };
}

/** Days of snapshots after the first: a week, each component's scan day once. */
const SNAPSHOT_WEEK = 7;

/**
 * The snapshot job over the last eight complete days: the first writes
 * every scope (nothing stored before it), the next seven only the scopes
 * whose numbers changed. A year is estimated as the first day plus 52
 * weeks like the one measured.
 */
async function measureSnapshots(
  engine: Engine,
  knex: Knex,
  stores: Awaited<ReturnType<typeof createStores>>,
  size: (k: Knex) => Promise<number>,
  rows: Array<[string, string]>,
) {
  const config = readAspmConfig(new ConfigReader({}));
  const vacuum = async () => {
    if (engine === 'pg') await knex.raw('vacuum analyze');
    else await knex.raw('analyze');
  };
  await vacuum();
  const sizeBefore = await size(knex);
  const snapshots = new SnapshotService({
    store: stores.metrics,
    snapshots: stores.snapshots,
    settings: {
      config: config.metrics,
      ownershipKinds: config.ownership.kinds,
      rotationSlaDays: config.secrets.rotationSlaDaysByTier,
    },
    logger: mockServices.rootLogger({ level: 'warn' }),
  });
  const days = Array.from({ length: SNAPSHOT_WEEK + 1 }, (_, k) =>
    day(NOW - (SNAPSHOT_WEEK + 1 - k) * DAY),
  );
  let t0 = process.hrtime.bigint();
  const scopes = await snapshots.snapshotDay(days[0], new Date(NOW));
  const firstMs = elapsedMs(t0);
  await vacuum();
  const sizeFirst = await size(knex);
  const stored = async () =>
    Number((await knex('aspm_metric_snapshots').count({ n: '*' }))[0].n);
  const firstRows = await stored();
  t0 = process.hrtime.bigint();
  for (const d of days.slice(1)) await snapshots.snapshotDay(d, new Date(NOW));
  const weekMs = elapsedMs(t0);
  await vacuum();
  const sizeWeek = await size(knex);
  const weekRows = (await stored()) - firstRows;
  rows.push([
    `snapshot job, first day (${fmt(
      scopes,
    )} scopes) / mean of the next ${SNAPSHOT_WEEK}`,
    `${fmt(firstMs / 1000, 1)} s / ${fmt(weekMs / SNAPSHOT_WEEK / 1000, 1)} s`,
  ]);
  rows.push([
    `snapshot rows: first day / the next ${SNAPSHOT_WEEK} days (changed scopes)`,
    `${fmt(firstRows)} / ${fmt(weekRows)}`,
  ]);
  const perWeek = Math.max(0, sizeWeek - sizeFirst);
  const year = sizeFirst + (364 / SNAPSHOT_WEEK) * perWeek;
  rows.push([
    `database size: history / + first day / + a week / with a year of daily snapshots (estimate)`,
    `${fmt(sizeBefore / 2 ** 20)} MB / ${fmt(sizeFirst / 2 ** 20)} MB / ${fmt(
      sizeWeek / 2 ** 20,
    )} MB / ${fmt(year / 2 ** 20)} MB`,
  ]);
}

async function measureBackend(
  database: unknown,
  rows: Array<[string, string]>,
) {
  const port = 7300 + Math.floor(Math.random() * 200);
  const token = randomBytes(16).toString('hex');
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, '../dev/benchBackend.ts'),
    ],
    {
      cwd: path.join(__dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        ASPM_BENCH_PORT: String(port),
        ASPM_BENCH_TOKEN: token,
        ASPM_BENCH_DB: JSON.stringify(database),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = `http://localhost:${port}/api/aspm`;
  // node:http, not fetch: a first pack at this size may take longer than
  // fetch's five-minute header timeout.
  const get = (p: string) =>
    new Promise<{ ms: number; body: any }>((resolve, reject) => {
      const t = process.hrtime.bigint();
      const req = http.get(
        `${base}${p}`,
        { headers: { Authorization: `Bearer ${token}` } },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            const ms = elapsedMs(t);
            if ((res.statusCode ?? 0) >= 400) {
              reject(
                new Error(`GET ${p}: ${res.statusCode} ${text.slice(0, 300)}`),
              );
            } else {
              resolve({ ms, body: JSON.parse(text) });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const res = await fetch(`${base}/entities?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      }).catch(() => null);
      if (res?.ok) break;
      if (Date.now() > deadline) throw new Error('the backend did not start');
      await new Promise(r => setTimeout(r, 500));
    }
    // One failed measurement is reported, and the others still run.
    const measure = async (label: string, fn: () => Promise<string>) => {
      try {
        rows.push([label, await fn()]);
      } catch (e) {
        rows.push([label, `failed: ${(e as Error).message.slice(0, 200)}`]);
      }
    };
    await measure(
      `org director pack A (last month), first / p50 of the next 5`,
      async () => {
        const pack = [];
        for (let k = 0; k < 6; k++) pack.push((await get('/packs/a')).ms);
        return `${fmt(pack[0])} / ${fmt(percentile(pack.slice(1), 0.5))} ms`;
      },
    );
    await measure(
      `entity scorecard, p50 / p95 of 100 (after 5 warm-up), first visit / again`,
      async () => {
        // First visits read each service's pages from disk unless cached;
        // the same 100 again show the request with its pages in memory.
        const rnd = seededRandom('scale-bench requests');
        const refs = Array.from(
          { length: 105 },
          () => `component:default/${component(Math.floor(rnd() * ENTITIES))}`,
        );
        const pass = async () => {
          const card: number[] = [];
          for (let k = 0; k < refs.length; k++) {
            const { ms } = await get(`/scorecard/entity?entityRef=${refs[k]}`);
            if (k >= 5) card.push(ms);
          }
          return `${fmt(percentile(card, 0.5), 1)} / ${fmt(
            percentile(card, 0.95),
            1,
          )}`;
        };
        const first = await pass();
        return `${first} / again ${await pass()} ms`;
      },
    );
    await measure(
      `team scorecard, ${BIG_TEAM_SERVICES} services, first / p50 of next 3`,
      async () => {
        const teamCard: number[] = [];
        for (let k = 0; k < 4; k++) {
          teamCard.push(
            (await get(`/scorecard/team?group=group:default/${team(0)}`)).ms,
          );
        }
        return `${fmt(teamCard[0])} / ${fmt(
          percentile(teamCard.slice(1), 0.5),
        )} ms`;
      },
    );
    const asOf = day(NOW - 100 * DAY);
    await measure(
      `all director metrics, org, as of ${asOf} (no snapshot: from events), twice`,
      async () => {
        const past = [];
        for (let k = 0; k < 2; k++) {
          past.push((await get(`/metrics?asOf=${asOf}`)).ms);
        }
        return `${fmt(past[0])} / ${fmt(past[1])} ms`;
      },
    );
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    rows.push([
      `peak RSS of the backend`,
      hwm ? `${fmt(Number(hwm) / 1024)} MB` : 'n/a (no /proc)',
    ]);
  } finally {
    child.kill('SIGKILL');
    await new Promise(r => setTimeout(r, 500));
  }
  return rows;
}

async function main() {
  const engines = (process.env.ASPM_BENCH_ENGINES ?? 'sqlite,pg')
    .split(',')
    .map(s => s.trim()) as Engine[];
  console.log(
    `scale benchmark: ${fmt(ENTITIES)} components, ${fmt(TEAMS)} teams, ${fmt(
      UNITS,
    )} business units, ${WEEKS} weeks of weekly scans to ~${fmt(
      FINDINGS,
    )} findings, ${fmt(EXCEPTIONS)} exceptions, ${fmt(RELEASES)} releases; ${
      os.cpus().length
    } cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${
      process.versions.node
    }`,
  );
  const print = (r: Result) => {
    console.log(`\n${r.engine === 'pg' ? 'PostgreSQL' : 'SQLite'}`);
    const width = Math.max(...r.rows.map(([k]) => k.length));
    for (const [k, v] of r.rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  };
  const only = process.env.ASPM_BENCH_MEASURE_ONLY;
  if (only) {
    // The backend part again, on a database kept by ASPM_BENCH_KEEP=1.
    const engine: Engine = only.includes('"pg"') ? 'pg' : 'sqlite';
    const rows = liveRows(engine);
    const database = JSON.parse(only);
    if (process.env.ASPM_BENCH_SNAPSHOTS === '1') {
      // The snapshot job again too, from no snapshots.
      const knex = knexFactory(
        engine === 'pg'
          ? {
              client: 'pg',
              connection: `${database.connection}/${database.prefix}aspm`,
            }
          : {
              client: 'better-sqlite3',
              connection: {
                filename: path.join(
                  database.connection.directory,
                  'aspm.sqlite',
                ),
              },
              useNullAsDefault: true,
            },
      );
      const stores = await createStores({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      for (const table of [
        'aspm_metric_snapshots',
        'aspm_metric_snapshot_days',
        'aspm_metric_bases',
      ]) {
        await knex(table).delete();
      }
      const size =
        engine === 'pg'
          ? async (k: Knex) =>
              Number(
                (
                  await k.raw(
                    'select pg_database_size(current_database()) as n',
                  )
                ).rows[0].n,
              )
          : async (k: Knex) => {
              const [{ page_count: pages }] = await k.raw('pragma page_count');
              const [{ page_size: bytes }] = await k.raw('pragma page_size');
              return Number(pages) * Number(bytes);
            };
      await measureSnapshots(engine, knex, stores, size, rows);
      await knex.destroy();
    }
    await measureBackend(database, rows);
    print({ engine, rows });
    return;
  }
  for (const engine of engines) {
    if (engine === 'pg' && !(await pgAnswers(pgUrl))) {
      console.log(`PostgreSQL at ${pgUrl} does not answer: skipped`);
      continue;
    }
    const t = Date.now();
    // Each engine's table as soon as it is measured.
    print(await runEngine(engine));
    progress(`${engine}: done in ${fmt((Date.now() - t) / 1000)} s`);
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

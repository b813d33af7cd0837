/*
 * Ingest benchmark (not a test): generates SARIF scans of 13k and 100k
 * results, ingests each through the real path (parse -> plan -> one
 * transaction) into SQLite and PostgreSQL, and prints findings per second next
 * to the raw bulk-insert rate of the same rows into the same database in the
 * same run. The ratio is the figure. Also prints peak RSS.
 *
 *   yarn bench:ingest            # both sizes, both engines (PostgreSQL if it answers)
 *   ASPM_BENCH_SIZES=13000 yarn bench:ingest
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseAspmStore } from '../src/database/DatabaseAspmStore';
import { DatabaseFindingsStore } from '../src/database/DatabaseFindingsStore';
import { findingColumns } from '../src/database/findingRows';
import {
  parseScanBody,
  parseScanBodyAsync,
} from '../src/ingest/parsers/parseScan';
import { chunk } from '../src/util/chunk';
import { bulkInsert } from '../src/database/bulkInsert';
import { pgAnswers } from './pgAnswers';

const sizes = (process.env.ASPM_BENCH_SIZES ?? '13000,100000')
  .split(',')
  .map(Number);
const pgUrl =
  process.env.ASPM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

// The kernel's high-water mark: synchronous work (parsing, SQLite) would
// starve a sampling timer.
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function sarif(results: number, at: string): Buffer {
  const rules = Array.from({ length: 50 }, (_, i) => ({
    id: `bench.rule.${i}`,
    shortDescription: { text: `Benchmark rule ${i}` },
    properties: {
      'security-severity': String((i % 10) + 0.5),
      tags: [`CWE-${100 + i}`],
    },
  }));
  const parts: string[] = [];
  for (let i = 0; i < results; i++) {
    parts.push(
      JSON.stringify({
        ruleId: `bench.rule.${i % 50}`,
        ruleIndex: i % 50,
        level: 'warning',
        message: { text: `Finding number ${i} in a generated benchmark scan` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `src/module${i % 400}/file${i}.ts` },
              region: {
                startLine: (i % 900) + 1,
                snippet: { text: `call${i}(input)` },
              },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: `bench-${i}` },
      }),
    );
  }
  const head = JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'BenchScanner', version: '1.0.0', rules } },
        invocations: [{ executionSuccessful: true, endTimeUtc: at }],
        results: ['__RESULTS__'],
      },
    ],
  });
  return Buffer.from(head.replace('"__RESULTS__"', parts.join(',')));
}

async function connect(
  engine: 'sqlite' | 'pg',
): Promise<{ knex: Knex; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aspm-bench-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'bench.sqlite') },
      useNullAsDefault: true,
    });
    return {
      knex,
      close: async () => {
        await knex.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `aspm_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw(`drop database if exists ${name}`);
  await admin.raw(`create database ${name}`);
  const knex = knexFactory({ client: 'pg', connection: `${pgUrl}/${name}` });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`drop database if exists ${name}`);
      await admin.destroy();
    },
  };
}

async function bench(engine: 'sqlite' | 'pg', size: number) {
  const { knex, close } = await connect(engine);
  try {
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const store = new DatabaseFindingsStore(knex);
    const body = sarif(size, '2026-11-01T10:00:00Z');
    const mb = body.length / 1024 / 1024;

    // Baseline: the same rows, bulk-inserted straight into aspm_findings.
    const scan = parseScanBody(body);
    const rows = scan.runs[0].findings.map(f => ({
      entity_ref: 'component:default/raw',
      tool: 'BenchScanner',
      run_key: '',
      fingerprint: f.fingerprint,
      ...findingColumns(f),
      state: 'open',
      first_seen_at: '2026-11-01T10:00:00.000Z',
      last_seen_at: '2026-11-01T10:00:00.000Z',
      reopen_count: 0,
      content_hash: 'x',
    }));
    const rawStart = process.hrtime.bigint();
    await knex.transaction(async tx => {
      for (const part of chunk(rows, 400))
        await tx('aspm_findings').insert(part);
    });
    const rawMs = Number(process.hrtime.bigint() - rawStart) / 1e6;
    await knex('aspm_findings').delete();
    // Second baseline: the same rows through the store's own bulk writer
    // (prepared statement on SQLite, unnest on PostgreSQL).
    const fastStart = process.hrtime.bigint();
    await knex.transaction(async tx => {
      await bulkInsert(tx, 'aspm_findings', rows);
    });
    const fastMs = Number(process.hrtime.bigint() - fastStart) / 1e6;
    await knex('aspm_findings').delete();

    // The real path: parse, plan against the store, one transaction.
    const t0 = process.hrtime.bigint();
    const parsed = parseScanBody(body);
    const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const result = await store.ingest({
      source: 'bench',
      format: parsed.format,
      entityRef: 'component:default/bench',
      receivedAt: new Date(),
      runs: parsed.runs.map(r => ({ ...r, scannedAt: new Date(r.scannedAt!) })),
    });
    const ingestMs = Number(process.hrtime.bigint() - t0) / 1e6;

    // A second, later scan of the same size: the diff path (unchanged + fixed + new).
    const second = sarif(size, '2026-11-08T10:00:00Z');
    const t1 = process.hrtime.bigint();
    const parsed2 = parseScanBody(second);
    await store.ingest({
      source: 'bench',
      format: parsed2.format,
      entityRef: 'component:default/bench',
      receivedAt: new Date(),
      runs: parsed2.runs.map(r => ({
        ...r,
        scannedAt: new Date(r.scannedAt!),
      })),
    });
    const rescanMs = Number(process.hrtime.bigint() - t1) / 1e6;

    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
    return {
      engine,
      size,
      mb: mb.toFixed(1),
      new: result.counts.new,
      rawPerSec: rate(size, rawMs),
      ingestPerSec: rate(size, ingestMs),
      ratio: (rawMs / ingestMs).toFixed(2),
      fastPerSec: rate(size, fastMs),
      fastRatio: (fastMs / ingestMs).toFixed(2),
      storeMs: Math.round(ingestMs - parseMs),
      storeFastRatio: (fastMs / (ingestMs - parseMs)).toFixed(2),
      ingestMs: Math.round(ingestMs),
      parseMs: Math.round(parseMs),
      rescanMs: Math.round(rescanMs),
    };
  } finally {
    await close();
  }
}

/** Peak RSS of ingesting one large upload alone (no baseline, no rescan). */
async function rssOnly(size: number) {
  const { knex, close } = await connect('sqlite');
  try {
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const store = new DatabaseFindingsStore(knex);
    // Generated in a child process, so this process holds only what the
    // server would: the upload, the parsed scan and the transaction.
    const file = path.join(os.tmpdir(), `aspm-bench-${size}.sarif`);
    if (!fs.existsSync(file)) {
      execFileSync(process.execPath, [...process.execArgv, __filename], {
        env: {
          ...process.env,
          ASPM_BENCH_WRITE: file,
          ASPM_BENCH_RSS_ONLY: String(size),
        },
        stdio: 'inherit',
      });
    }
    let body: Buffer | undefined = fs.readFileSync(file);
    const mb = body.length / 2 ** 20;
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const parsed = await parseScanBodyAsync(body);
    body = undefined;
    await store.ingest({
      source: 'bench',
      format: parsed.format,
      entityRef: 'component:default/bench',
      receivedAt: new Date(),
      runs: parsed.runs.map(r => ({ ...r, scannedAt: new Date(r.scannedAt!) })),
    });
    console.log(
      `one ${mb.toFixed(
        0,
      )} MB SARIF (${size} results) into SQLite: RSS ${Math.round(
        before / 2 ** 20,
      )} MB with the upload read, peak ${peakRssMb()} MB`,
    );
  } finally {
    await close();
  }
}

async function main() {
  if (process.env.ASPM_BENCH_WRITE) {
    fs.writeFileSync(
      process.env.ASPM_BENCH_WRITE,
      sarif(Number(process.env.ASPM_BENCH_RSS_ONLY), '2026-11-01T10:00:00Z'),
    );
    return;
  }
  if (process.env.ASPM_BENCH_RSS_ONLY) {
    await rssOnly(Number(process.env.ASPM_BENCH_RSS_ONLY));
    return;
  }
  const engines: Array<'sqlite' | 'pg'> = ['sqlite'];
  if (await pgAnswers(pgUrl)) engines.push('pg');
  else console.log(`PostgreSQL at ${pgUrl} does not answer: SQLite only`);
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GiB, node ${process.version}`,
  );
  const rows = [];
  for (const size of sizes) {
    for (const engine of engines) {
      const r = await bench(engine, size);
      rows.push(r);
      console.log(
        [
          `${r.engine.padEnd(6)} ${String(r.size).padStart(7)} results (${
            r.mb
          } MB): ingest ${r.ingestMs} ms = ${r.ingestPerSec}/s (parse ${
            r.parseMs
          } ms, store ${r.storeMs} ms); rescan ${r.rescanMs} ms`,
          `         raw insert, knex 400-row batches: ${r.rawPerSec}/s -> ingest/raw = ${r.ratio}`,
          `         raw insert, the store's bulk writer: ${r.fastPerSec}/s -> ingest/raw = ${r.fastRatio} (store part alone: ${r.storeFastRatio})`,
        ].join('\n'),
      );
    }
  }
  console.log(`peak RSS: ${peakRssMb()} MB`);
  console.log(JSON.stringify(rows));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

/*
 * Burst benchmark (not a test): one real backend (dev/replica.ts) on
 * PostgreSQL, 200 concurrent ingests on loopback for 60 s. Prints the
 * throughput, the answers by status, latency percentiles, and checks that
 * every scan acknowledged with 200 is in the store (no lost scans).
 *
 *   yarn bench:burst
 *   ASPM_BURST_CONCURRENCY=50 ASPM_BURST_SECONDS=20 yarn bench:burst
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';

const CONCURRENCY = Number(process.env.ASPM_BURST_CONCURRENCY ?? 200);
const SECONDS = Number(process.env.ASPM_BURST_SECONDS ?? 60);
const RESULTS_PER_SCAN = Number(process.env.ASPM_BURST_RESULTS ?? 20);
const PORT = 7301;
const pgUrl =
  process.env.ASPM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const root = path.resolve(__dirname, '../../..');

const COMPONENTS = [
  'payments-api',
  'checkout-web',
  'card-vault',
  'ledger-service',
  'settlement-batch',
  'fraud-scoring',
  'refunds-worker',
  'storefront-web',
  'product-api',
  'cart-service',
  'pricing-engine',
  'search-api',
];

function sarif(tool: string, n: number): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, version: '1.0.0' } },
        results: Array.from({ length: RESULTS_PER_SCAN }, (_, i) => ({
          ruleId: `burst-${(n + i) % 40}`,
          level: i % 3 ? 'warning' : 'error',
          message: { text: `Burst finding ${i}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: `src/burst/${(n * 7 + i) % 200}.ts` },
                region: { startLine: 1 + i },
              },
            },
          ],
        })),
      },
    ],
  });
}

const percentile = (sorted: number[], q: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
    : NaN;

async function main() {
  const prefix = `aspm_burst_${process.pid}_`;
  const token = randomBytes(16).toString('hex');
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw('select 1').catch(() => {
    console.log(`PostgreSQL at ${pgUrl} does not answer: nothing to measure`);
    process.exit(0);
  });
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, '../dev/replica.ts'),
    ],
    {
      cwd: path.join(__dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        ASPM_REPLICA_PORT: String(PORT),
        ASPM_REPLICA_PG: pgUrl,
        ASPM_REPLICA_PREFIX: prefix,
        ASPM_REPLICA_TOKEN: token,
        ASPM_REPLICA_CATALOG: path.join(root, 'examples'),
        // Only the first catalog sync matters here.
        ASPM_REPLICA_TICK_SECONDS: '20',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let ready = false;
  child.stdout!.on('data', (b: Buffer) => {
    if (b.toString().includes('replica ready')) ready = true;
  });
  const base = `http://localhost:${PORT}`;
  const call = (p: string, init: RequestInit = {}) =>
    fetch(`${base}${p}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...init.headers },
    });
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (ready) {
        const res = await call('/api/aspm/entities?limit=1').catch(() => null);
        if (res?.ok && (await res.json()).totalCount >= 40) break;
      }
      if (Date.now() > deadline) throw new Error('the backend did not start');
      await new Promise(r => setTimeout(r, 1000));
    }
    console.log(
      `burst: ${CONCURRENCY} concurrent ingests for ${SECONDS} s, ${RESULTS_PER_SCAN} results a scan, PostgreSQL`,
    );
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    let acknowledged = 0;
    const stopAt = Date.now() + SECONDS * 1000;
    const scanBase = Date.now() - 3_600_000;
    const worker = async (w: number) => {
      // Each worker is its own tool, scanning later each time: no two
      // in-flight scans compete for one (entity, tool).
      for (let n = 0; Date.now() < stopAt; n++) {
        const entity = COMPONENTS[(w + n) % COMPONENTS.length];
        const observedAt = new Date(scanBase + n * 1000).toISOString();
        const t0 = performance.now();
        let status = -1;
        try {
          const res = await call(
            `/api/aspm/ingest?entityRef=component:default/${entity}&observedAt=${observedAt}`,
            {
              method: 'POST',
              body: sarif(`Burst-${w}`, n),
              headers: { 'Content-Type': 'application/json' },
            },
          );
          status = res.status;
          const body = await res.json().catch(() => ({}));
          if (res.status === 200 && !body.replayOf) acknowledged++;
        } catch {
          status = -1;
        }
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    const elapsed = (Date.now() - t0) / 1000;
    const db = knexFactory({
      client: 'pg',
      connection: `${pgUrl.replace(/\/$/, '')}/${prefix}aspm`,
    });
    const [{ n: stored }] = await db('aspm_scans')
      .where('tool', 'like', 'Burst-%')
      .count({ n: '*' });
    const [{ n: findings }] = await db('aspm_findings')
      .where('tool', 'like', 'Burst-%')
      .count({ n: '*' });
    await db.destroy();
    latencies.sort((a, b) => a - b);
    const total = latencies.length;
    console.log(
      [
        `requests: ${total} in ${elapsed.toFixed(1)} s = ${(
          total / elapsed
        ).toFixed(1)}/s`,
        `answers: ${[...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s === -1 ? 'network error' : s}: ${n}`)
          .join(', ')}`,
        `latency ms: p50 ${percentile(latencies, 0.5).toFixed(
          0,
        )}, p95 ${percentile(latencies, 0.95).toFixed(0)}, max ${latencies[
          total - 1
        ]?.toFixed(0)}`,
        `scans acknowledged (200): ${acknowledged}; stored: ${stored}; lost: ${
          acknowledged - Number(stored)
        }; findings stored: ${findings}`,
      ].join('\n'),
    );
    if (acknowledged !== Number(stored)) process.exitCode = 1;
  } finally {
    child.kill('SIGKILL');
    await new Promise(r => setTimeout(r, 1000));
    const rows = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows.rows) {
      await admin.raw(`drop database if exists "${datname}" with (force)`);
    }
    await admin.destroy();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';

/*
 * Two backend replicas on one PostgreSQL (the way Backstage scales out):
 * every scheduled ASPM job runs once per tick across both, two concurrent
 * ingests for the same entity both land without lost or duplicated
 * findings, and a replica killed in the middle of an ingest leaves no
 * partial scan. The replicas are real processes (dev/replica.ts); without a
 * PostgreSQL server the test says so and does not run.
 */

jest.setTimeout(300_000);

const pgUrl = Object.entries(process.env).find(([k]) =>
  /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
)?.[1];
const describePg = pgUrl ? describe : describe.skip;
if (!pgUrl) {
  // eslint-disable-next-line no-console
  console.warn(
    '[two replicas] SKIPPED: no PostgreSQL configured (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING); scripts/test.sh sets it when postgresql://postgres@127.0.0.1:5432 answers',
  );
}

const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples');
const fixtures = path.join(__dirname, 'ingest/parsers/__fixtures__');
const ENTITY = 'component:default/payments-api';
const TICK_SECONDS = 3;
const TASKS = [
  'aspm-catalog-sync',
  'aspm-exception-expiry',
  'aspm-metric-snapshots',
  'aspm-source-replica-counter',
];

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  /** Log lines with the time they arrived. */
  lines: Array<{ at: number; text: string }>;
}

describePg('two replicas on one PostgreSQL', () => {
  const prefix = `aspm_replicas_${process.pid}_`;
  const token = randomBytes(16).toString('hex');
  const replicas: Replica[] = [];
  let admin: Knex;
  let db: Knex;

  const start = (name: string, port: number): Replica => {
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
          LOG_LEVEL: 'debug',
          ASPM_REPLICA_PORT: String(port),
          ASPM_REPLICA_PG: pgUrl!,
          ASPM_REPLICA_PREFIX: prefix,
          ASPM_REPLICA_TOKEN: token,
          ASPM_REPLICA_CATALOG: examples,
          ASPM_REPLICA_TICK_SECONDS: String(TICK_SECONDS),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const replica: Replica = { name, port, child, lines: [] };
    const collect = (chunk: Buffer) => {
      for (const text of chunk.toString().split('\n')) {
        if (text) replica.lines.push({ at: Date.now(), text });
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    replicas.push(replica);
    return replica;
  };

  const call = async (
    replica: Replica,
    pathname: string,
    init: RequestInit = {},
  ) => {
    const res = await fetch(`http://localhost:${replica.port}${pathname}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...init.headers },
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  };

  const until = async (
    what: string,
    check: () => Promise<boolean>,
    ms = 120_000,
  ) => {
    const deadline = Date.now() + ms;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) {
        const tails = replicas
          .map(
            r =>
              `${r.name}:\n${r.lines
                .slice(-15)
                .map(l => l.text)
                .join('\n')}`,
          )
          .join('\n');
        throw new Error(`timed out waiting for ${what}\n${tails}`);
      }
      await new Promise(r => setTimeout(r, 500));
    }
  };

  const findingsOf = async (r: Replica) =>
    Number(
      (await call(r, `/api/aspm/findings?entityRef=${ENTITY}&limit=1`)).body
        .totalCount,
    );

  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: pgUrl });
    // One after the other, as a rollout does: on an empty database two
    // backends starting in the same instant race to create the scheduler's
    // migration lock table (Backstage's own migrations, seen here).
    const a = start('A', 7201);
    await until('replica A', async () =>
      a.lines.some(l => l.text.includes('replica ready')),
    );
    const b = start('B', 7202);
    await until('replica B', async () =>
      b.lines.some(l => l.text.includes('replica ready')),
    );
    await until('the catalog', async () => {
      const res = await call(
        a,
        '/api/catalog/entities/by-query?filter=kind=component&limit=1',
      );
      return res.body.totalItems >= 40;
    });
    await until('the ASPM catalog sync', async () => {
      const res = await call(b, '/api/aspm/entities?limit=1');
      return res.body.totalCount >= 40;
    });
    db = knexFactory({
      client: 'pg',
      connection: `${pgUrl!.replace(/\/$/, '')}/${prefix}aspm`,
    });
  });

  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await db?.destroy();
    if (admin) {
      const rows = await admin.raw(
        'select datname from pg_database where datname like ?',
        [`${prefix}%`],
      );
      for (const { datname } of rows.rows) {
        await admin.raw(`drop database if exists "${datname}" with (force)`);
      }
      await admin.destroy();
    }
  });

  it('runs every scheduled job once per tick across both replicas', async () => {
    const from = Date.now();
    const windowSeconds = 7 * TICK_SECONDS;
    await new Promise(r => setTimeout(r, windowSeconds * 1000));
    const to = Date.now();
    const report: string[] = [];
    for (const task of TASKS) {
      const per = replicas.map(
        r =>
          r.lines.filter(
            l =>
              l.at >= from &&
              l.at < to &&
              l.text.includes(`Scheduled task ${task} runs`),
          ).length,
      );
      const total = per.reduce((s, n) => s + n, 0);
      report.push(`${task}: ${per.join(' + ')} = ${total}`);
      // One run a tick in all: at most the window's ticks (+1 at the edges);
      // two replicas each running every tick would make twice as many.
      expect([task, total <= windowSeconds / TICK_SECONDS + 1]).toEqual([
        task,
        true,
      ]);
      expect([task, total >= 3]).toEqual([task, true]);
    }
    // eslint-disable-next-line no-console
    console.log(
      `runs in ${windowSeconds} s (ticks of ${TICK_SECONDS} s):\n${report.join(
        '\n',
      )}`,
    );
  });

  it('lands two concurrent ingests for the same entity, and a replayed upload once', async () => {
    const [a, b] = replicas;
    const before = await findingsOf(a);
    const semgrep = fs.readFileSync(path.join(fixtures, 'semgrep-sample.json'));
    const trivy = fs.readFileSync(path.join(fixtures, 'trivy-sample.json'));
    const post = (r: Replica, body: Buffer) =>
      call(r, `/api/aspm/ingest?entityRef=${ENTITY}`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      });
    const [x, y] = await Promise.all([post(a, semgrep), post(b, trivy)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    // New findings, and new ones the scanner itself marks suppressed.
    const created = (r: { body: any }) =>
      r.body.counts.new + r.body.counts.suppressed;
    const added = created(x) + created(y);
    expect(added).toBeGreaterThan(0);
    expect(await findingsOf(b)).toBe(before + added);

    // The same upload to both at once: it is stored once.
    const grype = fs.readFileSync(path.join(fixtures, 'grype-sample.json'));
    const mid = await findingsOf(a);
    const [p, q] = await Promise.all([post(a, grype), post(b, grype)]);
    const statuses = [p.status, q.status].sort();
    expect(statuses[0]).toBe(200);
    const fresh = [p, q].filter(r => r.status === 200 && !r.body.replayOf);
    expect(fresh).toHaveLength(1);
    expect(await findingsOf(a)).toBe(mid + created(fresh[0]));
  });

  it('leaves no partial scan when a replica is killed in the middle of an ingest', async () => {
    const [a, b] = replicas;
    const before = await findingsOf(b);
    const ingestionsBefore = (await call(b, '/api/aspm/ingestions?limit=1'))
      .body.totalCount;
    // A large SARIF: its store transaction takes long enough to be caught.
    const results = Array.from({ length: 40_000 }, (_, i) => ({
      ruleId: `big-${i % 50}`,
      level: 'error',
      message: { text: `Big scan finding ${i}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/f${i}.ts` },
            region: { startLine: 1 + (i % 500) },
          },
        },
      ],
    }));
    const sarif = JSON.stringify({
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'BigScan', version: '1.0.0' } }, results },
      ],
    });
    const upload = call(a, `/api/aspm/ingest?entityRef=${ENTITY}`, {
      method: 'POST',
      body: sarif,
      headers: { 'Content-Type': 'application/json' },
    }).catch(e => ({ status: -1, body: String(e) }));
    // Wait until the ingest's transaction is writing findings, then kill A.
    await until(
      'the ingest transaction',
      async () => {
        const rows = await db.raw(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and xact_start is not null
              and pid <> pg_backend_pid()
              and (query ilike '%aspm_findings%' or query ilike '%aspm_finding_events%')`,
        );
        return rows.rows[0].n > 0;
      },
      60_000,
    );
    a.child.kill('SIGKILL');
    const answer = await upload;
    expect(answer.status).not.toBe(200);
    // PostgreSQL rolls the dead connection's transaction back.
    await until(
      "the killed replica's connections to end",
      async () => {
        const rows = await db.raw(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and xact_start is not null
              and pid <> pg_backend_pid()
              and (query ilike '%aspm_findings%' or query ilike '%aspm_finding_events%')`,
        );
        return rows.rows[0].n === 0;
      },
      60_000,
    );
    expect(await findingsOf(b)).toBe(before);
    const scans = await db('aspm_scans')
      .where('tool', 'BigScan')
      .count({ n: '*' });
    expect(Number(scans[0].n)).toBe(0);
    const events = await db('aspm_findings')
      .where('tool', 'BigScan')
      .count({ n: '*' });
    expect(Number(events[0].n)).toBe(0);
    const ingestions = (await call(b, '/api/aspm/ingestions?limit=1')).body
      .totalCount;
    // The ingestion log may hold a "failed" entry, never a succeeded one.
    const succeeded = await db('aspm_ingestions')
      .where({ status: 'succeeded' })
      .whereRaw("tools like '%BigScan%'")
      .count({ n: '*' });
    expect(Number(succeeded[0].n)).toBe(0);
    expect(ingestions - ingestionsBefore).toBeLessThanOrEqual(1);
  });
});

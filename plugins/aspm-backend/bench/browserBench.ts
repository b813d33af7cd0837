/*
 * Browser benchmark (not a test): how long the director pack and a team page
 * with 300 services take to become interactive in headless Chromium once
 * their data have arrived. Reported, never asserted.
 *
 *   yarn bench:browser
 *     fills a SQLite database first (the scale benchmark's org at 3,000
 *     components, so team-000 owns 300 services, with a shorter history);
 *   ASPM_BENCH_DB='<the setting yarn bench prints with ASPM_BENCH_KEEP=1>' \
 *   ASPM_BENCH_ENTITIES=5000 yarn bench:browser
 *     measures on a database the scale benchmark kept (same entity count).
 *
 * What runs: the portal's own backend (packages/backend: catalog, auth,
 * permissions, ASPM) on that database, with the synthetic org as its catalog
 * (a file location); the app's production bundle (`backstage-cli package
 * build`, served as static files); Debian's Chromium through playwright-core
 * signed in as the guest. Each page is opened RUNS times inside the running
 * app (the first is cold). Per run:
 *   - data: when the last /api/ response the page asked for had arrived;
 *   - ready: when the page's content is on screen (the pack's title and its
 *     sections; the team's services table with its rows) and the next
 *     animation frame has run, i.e. the main thread is free to take input;
 *   - render after data = ready - data (the goal: < 2 s), and the long tasks
 *     (> 50 ms, PerformanceObserver) the page ran in that time;
 *   - one interaction: the team table's search for one service (filters 300
 *     rows) and a sort by backlog; the pack's first trend dialog.
 * Knobs: ASPM_BENCH_RUNS (5), ASPM_BENCH_SKIP_BUILD=1 (reuse
 * packages/app/dist from an earlier run with the same ports), ASPM_CHROMIUM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { fmt, percentile, progress } from './benchFormat';
import { ownedComponents, syntheticOrg } from './syntheticOrg';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.ASPM_BENCH_RUNS ?? 5);
const APP_PORT = 3210;
const BACKEND_PORT = 7210;
const APP = `http://localhost:${APP_PORT}`;
const BACKEND = `http://localhost:${BACKEND_PORT}`;
const TOKEN = randomBytes(16).toString('hex');
const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');

const median = (xs: number[]) => (xs.length ? percentile(xs, 0.5) : NaN);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Runs a command to its end; rejects with its output's tail on failure. */
function run(cmd: string, args: string[], opts: { cwd: string; env?: object }) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => {
      out += d;
      process.stderr.write(d);
    });
    child.on('exit', code =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${cmd} ${args.join(' ')}: exit ${code}\n${out.slice(-3000)}`,
            ),
          ),
    );
  });
}

/** The database to measure on: the one given, or a SQLite one filled now. */
async function database(): Promise<{ db: unknown; entities: number }> {
  if (process.env.ASPM_BENCH_DB) {
    return {
      db: JSON.parse(process.env.ASPM_BENCH_DB),
      entities: Number(process.env.ASPM_BENCH_ENTITIES ?? 5000),
    };
  }
  const entities = 3000;
  progress(
    `filling a SQLite database with the scale benchmark (${fmt(
      entities,
    )} components)`,
  );
  const out = await run(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--require',
      transform,
      'bench/scaleBench.ts',
    ],
    {
      cwd: path.join(__dirname, '..'),
      env: {
        ASPM_BENCH_ENGINES: 'sqlite',
        ASPM_BENCH_KEEP: '1',
        ASPM_BENCH_ENTITIES: String(entities),
        ASPM_BENCH_FINDINGS: '100000',
        ASPM_BENCH_WEEKS: '8',
        ASPM_BENCH_EXCEPTIONS: '2000',
        ASPM_BENCH_RELEASES: '5000',
      },
    },
  );
  const kept = out.match(/ASPM_BENCH_MEASURE_ONLY='([^']+)'/);
  if (!kept) throw new Error('the scale benchmark did not keep its database');
  return { db: JSON.parse(kept[1]), entities };
}

/** The portal's config for this run (frontend and backend read the same). */
function writeConfig(dir: string, db: unknown, catalogFile: string) {
  const later = {
    frequency: { hours: 24 },
    timeout: { hours: 1 },
    initialDelay: { hours: 24 },
  };
  const config = {
    app: { baseUrl: APP },
    backend: {
      baseUrl: BACKEND,
      listen: { port: BACKEND_PORT },
      cors: { origin: APP, credentials: true },
      database: db,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: TOKEN, subject: 'browser-bench' },
          },
        ],
      },
    },
    catalog: {
      locations: [{ type: 'file', target: catalogFile }],
      processingInterval: { hours: 24 },
    },
    aspm: {
      demo: { enabled: false },
      catalogSync: { schedule: later },
      exceptions: { expirySchedule: later },
      snapshots: { schedule: later },
    },
  };
  // JSON is YAML: the config loader reads it as such.
  const file = path.join(dir, 'app-config.browser-bench.yaml');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** The app's production bundle, with this run's config built in. */
async function buildApp(configFile: string) {
  const dist = path.join(ROOT, 'packages/app/dist');
  if (process.env.ASPM_BENCH_SKIP_BUILD === '1' && fs.existsSync(dist)) {
    progress('reusing packages/app/dist (ASPM_BENCH_SKIP_BUILD=1)');
    return dist;
  }
  progress('building the app (backstage-cli package build; a few minutes)');
  const t0 = Date.now();
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli'),
      'package',
      'build',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    { cwd: path.join(ROOT, 'packages/app') },
  );
  progress(`app built in ${fmt((Date.now() - t0) / 1000)} s`);
  return dist;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves the bundle; every path that is not a file gets index.html. */
function serveApp(dist: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', APP);
    let file = path.join(dist, path.normalize(url.pathname));
    if (
      !file.startsWith(dist) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      file = path.join(dist, 'index.html');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise<http.Server>(resolve =>
    server.listen(APP_PORT, () => resolve(server)),
  );
}

function startBackend(configFile: string): ChildProcess {
  const log = fs.openSync(
    path.join(os.tmpdir(), 'aspm-browser-bench-backend.log'),
    'w',
  );
  return spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--require',
      transform,
      'src/index.ts',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      // Guest and demo sign-in run only in development (app-config.yaml).
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', log, log],
    },
  );
}

async function api(pathname: string) {
  const res = await fetch(`${BACKEND}${pathname}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return { status: res.status, body: res.ok ? await res.json() : undefined };
}

/**
 * Waits until the catalog holds every component that names an owner (it
 * refuses the others) and team-000 owns all of its services.
 */
async function waitForCatalog(components: number, bigTeam: number) {
  const t0 = Date.now();
  let seen = 0;
  for (;;) {
    const res = await api(
      '/api/catalog/entities/by-query?filter=kind=component&limit=1',
    ).catch(() => ({ status: 0, body: undefined }));
    const team = await api(
      '/api/catalog/entities/by-name/group/default/team-000',
    ).catch(() => ({ status: 0, body: undefined }));
    seen = res.body?.totalItems ?? 0;
    const owns = (team.body?.relations ?? []).filter(
      (r: { type: string }) => r.type === 'ownerOf',
    ).length;
    if (seen >= components && owns >= bigTeam) {
      progress(
        `catalog holds ${fmt(seen)} components; team-000 owns ${owns} (${fmt(
          (Date.now() - t0) / 1000,
        )} s)`,
      );
      return;
    }
    if (Date.now() - t0 > 10 * 60_000) {
      throw new Error(
        `catalog not loaded in 10 minutes: ${seen} of ${components} components, team-000 owns ${owns} of ${bigTeam}`,
      );
    }
    await sleep(3000);
  }
}

type Page = import('playwright-core').Page;
type Measure = {
  data: number;
  ready: number;
  longTasks: number;
  action: number;
};

/**
 * Opens `pathname` inside the running app and times it (see the header).
 * `ready` waits for the page's content; `act` times one interaction.
 */
async function measure(
  page: Page,
  go: (p: string) => Promise<void>,
  pathname: string,
  ready: (page: Page) => Promise<void>,
  act: (page: Page) => Promise<void>,
): Promise<Measure> {
  await go('/');
  await page.waitForLoadState('networkidle');
  let lastApi = 0;
  const pending = new Set<unknown>();
  const onRequest = (r: import('playwright-core').Request) => {
    if (r.url().includes('/api/')) pending.add(r);
  };
  const onDone = (r: import('playwright-core').Request) => {
    if (pending.delete(r)) lastApi = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  await page.evaluate(() => {
    (window as any).__longTasks = [];
  });
  const start = Date.now();
  await go(pathname);
  await ready(page);
  // The next frame after the content: the main thread is free for input.
  await page.evaluate(
    () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))),
  );
  const readyAt = Date.now();
  const data = lastApi || start;
  // Long tasks between the data's arrival and ready, on the page's clock.
  const longTasks: number = await page.evaluate(
    ([sinceData, sinceReady]) => {
      const readyAtPage = performance.now() - sinceReady;
      const dataAtPage = readyAtPage - sinceData;
      return (
        (window as any).__longTasks as Array<{
          start: number;
          duration: number;
        }>
      )
        .filter(
          t => t.start + t.duration >= dataAtPage && t.start <= readyAtPage,
        )
        .reduce((s, t) => s + t.duration, 0);
    },
    [readyAt - data, Date.now() - readyAt],
  );
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  page.off('requestfailed', onDone);
  const t1 = Date.now();
  await act(page).catch(async e => {
    const shot = path.join(os.tmpdir(), 'aspm-browser-bench-failed.png');
    await page.screenshot({ path: shot, fullPage: true });
    throw new Error(`${pathname}: ${e}; screenshot in ${shot}`);
  });
  const action = Date.now() - t1;
  return { data: data - start, ready: readyAt - start, longTasks, action };
}

async function main() {
  const t0 = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aspm-browser-bench-'));
  const { db, entities } = await database();
  const catalog = syntheticOrg(entities).catalog();
  const owned = ownedComponents(catalog);
  const [firstService, lastService] = [owned.bigTeam[0], owned.bigTeam.at(-1)];
  const catalogFile = path.join(work, 'catalog.yaml');
  fs.writeFileSync(
    catalogFile,
    catalog.map(e => JSON.stringify(e)).join('\n---\n'),
  );
  const configFile = writeConfig(work, db, catalogFile);
  const dist = await buildApp(configFile);
  const server = await serveApp(dist);
  const backend = startBackend(configFile);
  const stop = () => {
    backend.kill('SIGTERM');
    server.close();
  };
  process.on('exit', stop);
  try {
    await waitForCatalog(owned.count, owned.bigTeam.length);
    process.env.ASPM_E2E_APP = APP;
    process.env.ASPM_E2E_BACKEND = BACKEND;
    process.env.ASPM_E2E_TOKEN = TOKEN;
    const lib = await import(path.join(ROOT, 'tests/e2e/lib.mjs'));
    const portal = await lib.openPortal();
    const page: Page = portal.page;
    await page.addInitScript(() => {
      (window as any).__longTasks = [];
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) {
          (window as any).__longTasks.push({
            start: e.startTime,
            duration: e.duration,
          });
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    // The init script runs on the next document: load the app once more.
    await portal.go('/', { reload: true });

    const pages = [
      {
        name: 'director pack (org, last month)',
        path: '/aspm',
        ready: async (p: Page) => {
          await p
            .getByRole('heading', { name: /^Security review: / })
            .waitFor({ timeout: 600_000 });
          await p.locator('section[data-section]').last().waitFor();
        },
        act: async (p: Page) => {
          await p
            .getByRole('button', { name: /^Open the trend of / })
            .first()
            .click();
          await p.getByRole('dialog').waitFor();
          await p.keyboard.press('Escape');
          await p.getByRole('dialog').waitFor({ state: 'hidden' });
        },
        action: 'open the first trend dialog',
      },
      {
        name: `team page, ${owned.bigTeam.length} services (team-000)`,
        path: '/catalog/default/group/team-000/security',
        ready: async (p: Page) => {
          await p
            .getByRole('button', { name: /: open backlog of svc-/ })
            .first()
            .waitFor({ timeout: 600_000 });
        },
        act: async (p: Page) => {
          // The services table (a Backstage Table titled "Services", its
          // search field is called Filter); other cards have tables too.
          const table = p
            .locator('.MuiPaper-root')
            .filter({
              has: p.getByRole('heading', { name: 'Services', exact: true }),
            })
            .last();
          const search = table.getByPlaceholder('Filter');
          // Each row's service name links to it; no other cell does.
          const services = table.getByRole('link', { name: /^svc-/ });
          await search.fill(lastService);
          await table.getByRole('link', { name: lastService }).waitFor();
          await services.nth(1).waitFor({ state: 'hidden' });
          await search.fill('');
          await services.nth(19).waitFor();
        },
        action: 'search for one service and clear',
      },
    ];

    const lines: string[] = [];
    for (const target of pages) {
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(
          await measure(
            page,
            p => portal.go(p),
            target.path,
            target.ready,
            target.act,
          ),
        );
        const r = runs[runs.length - 1];
        progress(
          `${target.name}, run ${i + 1}: data ${fmt(r.data)} ms, ready ${fmt(
            r.ready,
          )} ms, render after data ${fmt(
            r.ready - r.data,
          )} ms, long tasks ${fmt(r.longTasks)} ms, ${target.action} ${fmt(
            r.action,
          )} ms`,
        );
      }
      const later = runs.slice(1);
      const pick = (f: (m: Measure) => number) =>
        `${fmt(f(runs[0]))} / ${fmt(median(later.map(f)))}`;
      lines.push(
        `| ${target.name} | ${pick(m => m.data)} | ${pick(
          m => m.ready - m.data,
        )} | ${pick(m => m.longTasks)} | ${target.action}: ${pick(
          m => m.action,
        )} |`,
      );
    }
    if (portal.errors.length) {
      progress(`page errors: ${portal.errors.join('; ')}`);
    }
    await portal.close();
    const cpu = os.cpus();
    console.log(
      `\nbrowser benchmark: ${fmt(
        entities,
      )} components, production bundle, headless Chromium; ${
        cpu.length
      } cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${
        process.versions.node
      }; ${RUNS} runs, first / median of the rest (ms)\n`,
    );
    console.log(
      '| page | data arrived | render after data (goal < 2,000) | long tasks after data | interaction |',
    );
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const line of lines) console.log(line);
    console.log(
      `\n(${fmt(
        (Date.now() - t0) / 1000,
      )} s in all; database kept: ${JSON.stringify(db)})`,
    );
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);

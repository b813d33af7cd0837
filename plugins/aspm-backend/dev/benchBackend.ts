/*
 * The backend the scale benchmark (bench/scaleBench.ts) measures: the ASPM
 * plugin alone, started the way any Backstage backend starts, on a database
 * the benchmark has already filled (SQLite directory or PostgreSQL prefix).
 * Its jobs are scheduled a day out, so only the measured requests run.
 *
 *   ASPM_BENCH_PORT=7301 ASPM_BENCH_TOKEN=... \
 *   ASPM_BENCH_DB='{"client":"better-sqlite3","connection":{"directory":"/tmp/x"}}' \
 *   node --require .../nodeTransform.cjs dev/benchBackend.ts
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const port = Number(env('ASPM_BENCH_PORT'));
const later = {
  frequency: { hours: 24 },
  timeout: { hours: 1 },
  initialDelay: { hours: 24 },
};

const config = {
  app: { baseUrl: 'http://localhost:3000' },
  backend: {
    baseUrl: `http://localhost:${port}`,
    listen: { port },
    database: JSON.parse(env('ASPM_BENCH_DB')),
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: { token: env('ASPM_BENCH_TOKEN'), subject: 'scale-bench' },
        },
      ],
    },
  },
  aspm: {
    catalogSync: { schedule: later },
    exceptions: { expirySchedule: later },
    snapshots: { schedule: later },
  },
};

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(config),
  }),
);
backend.add(import('../src'));
backend.start().then(
  () => console.log(`bench backend ready on ${port}`),
  e => {
    console.error(e);
    process.exit(1);
  },
);

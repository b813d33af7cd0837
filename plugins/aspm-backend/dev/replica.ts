/*
 * One backend replica for the two-replica test (src/replicas.test.ts): the
 * catalog, the ASPM plugin and a counting source, on the PostgreSQL
 * database and port the environment names. Not the demo portal: only what
 * the test needs, started the way any Backstage backend starts.
 *
 *   ASPM_REPLICA_PORT=7201 ASPM_REPLICA_PG=postgresql://... \
 *   ASPM_REPLICA_PREFIX=aspm_replicas_1_ ASPM_REPLICA_TOKEN=... \
 *   ASPM_REPLICA_CATALOG=/abs/examples node --require .../nodeTransform.cjs dev/replica.ts
 */
import path from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { aspmSourcesExtensionPoint } from '@aspm/plugin-aspm-node';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const port = Number(env('ASPM_REPLICA_PORT'));
const examples = env('ASPM_REPLICA_CATALOG');
const every = { seconds: Number(process.env.ASPM_REPLICA_TICK_SECONDS ?? 3) };
const schedule = {
  frequency: every,
  timeout: { seconds: 60 },
  initialDelay: { seconds: 1 },
};

const config = {
  app: { baseUrl: 'http://localhost:3000' },
  backend: {
    baseUrl: `http://localhost:${port}`,
    listen: { port },
    database: {
      client: 'pg',
      connection: env('ASPM_REPLICA_PG'),
      prefix: env('ASPM_REPLICA_PREFIX'),
    },
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: {
            token: env('ASPM_REPLICA_TOKEN'),
            subject: 'replica-test',
          },
        },
      ],
    },
  },
  catalog: {
    rules: [
      {
        allow: [
          'Component',
          'System',
          'Domain',
          'API',
          'Resource',
          'Location',
          'Group',
          'User',
        ],
      },
    ],
    locations: [
      { type: 'file', target: path.join(examples, 'org.yaml') },
      { type: 'file', target: path.join(examples, 'entities.yaml') },
    ],
  },
  aspm: {
    catalogSync: { schedule },
    exceptions: { expirySchedule: schedule },
    snapshots: { schedule },
    ingest: { maxBytes: 128 * 1024 * 1024 },
  },
};

/** A source that pulls nothing: it only shows when its task runs. */
const countingSource = createBackendModule({
  pluginId: 'aspm',
  moduleId: 'replica-test-source',
  register(reg) {
    reg.registerInit({
      deps: { sources: aspmSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSource({
          id: 'replica-counter',
          description: 'counts its own runs (two-replica test)',
          schedule,
          async pull() {
            return { entities: 0, errors: [] };
          },
        });
      },
    });
  },
});

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(config),
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@aspm/plugin-catalog-backend-module-aspm'));
backend.add(import('../src'));
backend.add(countingSource);
backend.start().then(
  () => console.log(`replica ready on ${port}`),
  e => {
    console.error(e);
    process.exit(1);
  },
);

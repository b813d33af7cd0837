import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { BackendFeature } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAspm from '@aspm/plugin-catalog-backend-module-aspm';
import aspmPlugin from '../index';

/** A catalog file location for the test backend. */
export type FileLocation = {
  type: 'file';
  target: string;
};

/**
 * Starts a backend with the real catalog (reading the given YAML files), the
 * ASPM catalog module and the ASPM plugin, and waits until the catalog has
 * ingested at least `expect.components` Components.
 */
export async function startCatalogBackend(options: {
  locations: FileLocation[];
  expectComponents: number;
  extraConfig?: Record<string, unknown>;
  features?: BackendFeature[];
  /** Load the demo history (with this many weeks) and wait for it. */
  demo?: { weeks: number };
}) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAspm,
      ...(options.features ?? []),
      aspmPlugin,
      // No Authorization header means no credentials (the mock default is a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
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
            locations: options.locations,
            processingInterval: { seconds: 1 },
          },
          aspm: {
            ingest: { maxBytes: 4 * 1024 * 1024 },
            demo: options.demo
              ? { enabled: true, weeks: options.demo.weeks, snapshots: false }
              : { enabled: false },
            // The tests trigger syncs themselves.
            catalogSync: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
          ...options.extraConfig,
        },
      }),
    ],
  });
  const auth = mockCredentials.user.header();
  const deadline = Date.now() + 60_000;
  let seen = 0;
  for (;;) {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=component&limit=1')
      .set('Authorization', auth);
    seen = res.body?.totalItems ?? 0;
    if (seen >= options.expectComponents) break;
    if (Date.now() > deadline) {
      throw new Error(
        `catalog ingested ${seen} of ${options.expectComponents} components in 60 s`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
  // Let relations (memberOf, parent) settle after the last component appears.
  await new Promise(r => setTimeout(r, 1500));
  if (options.demo) {
    await request(backend.server)
      .post('/api/aspm/demo')
      .set('Authorization', auth);
    for (;;) {
      const res = await request(backend.server)
        .get('/api/aspm/demo')
        .set('Authorization', auth);
      if (res.body.state === 'done' || res.body.state === 'failed') break;
      if (Date.now() > deadline + 120_000) {
        throw new Error(
          `demo history did not load: ${JSON.stringify(res.body)}`,
        );
      }
      await new Promise(r => setTimeout(r, 250));
    }
  }
  return { backend, auth };
}

import path from 'node:path';
import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestBackend } from '@backstage/backend-test-utils';
import { aspmSourcesExtensionPoint } from '@aspm/plugin-aspm-node';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
let pulls = 0;

/** A source that reports two alerts for one entity and fails for another. */
const fakeSourceModule = createBackendModule({
  pluginId: 'aspm',
  moduleId: 'fake-source',
  register(env) {
    env.registerInit({
      deps: { sources: aspmSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSource({
          id: 'fake',
          description: 'A test source',
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 24 },
          },
          async pull({ listEntities, submitScan }) {
            pulls += 1;
            const entities = await listEntities();
            const target = entities.find(
              e => e.entityRef === 'component:default/card-vault',
            );
            await submitScan({
              entityRef: target!.entityRef,
              tool: { name: 'FakeAlerts' },
              scannedAt: new Date(`2026-10-0${pulls}T00:00:00Z`),
              findings: [
                {
                  category: 'dependency',
                  ruleId: 'GHSA-aaaa-bbbb-cccc',
                  title: 'Prototype pollution',
                  severity: 'critical',
                  fingerprint: 'fake-1',
                  sourceState: {
                    state: 'open',
                    firstSeenAt: '2026-09-01T00:00:00Z',
                  },
                },
                {
                  category: 'dependency',
                  ruleId: 'GHSA-dddd-eeee-ffff',
                  title: 'ReDoS',
                  severity: 'medium',
                  fingerprint: 'fake-2',
                  sourceState: {
                    state: pulls === 1 ? 'open' : 'fixed',
                    firstSeenAt: '2026-09-02T00:00:00Z',
                    changedAt: '2026-09-20T00:00:00Z',
                  },
                },
              ],
            });
            return {
              entities: 1,
              errors: [
                {
                  entityRef: 'component:default/ledger-service',
                  message: 'HTTP 403 from the source',
                },
              ],
            };
          },
        });
      },
    });
  },
});

describe('ingestion sources', () => {
  let backend: TestBackend;
  let auth: string;

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      features: [fakeSourceModule],
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists sources, runs one on demand, keeps the source times and logs failures', async () => {
    const list = await request(backend.server)
      .get('/api/aspm/sources')
      .set('Authorization', auth);
    expect(list.body.items).toEqual([
      { id: 'fake', description: 'A test source' },
    ]);

    const run = await request(backend.server)
      .post('/api/aspm/sources/fake/run')
      .set('Authorization', auth);
    expect(run.status).toBe(200);
    expect(run.body.entities).toBe(1);

    const findings = await request(backend.server)
      .get(
        '/api/aspm/findings?entityRef=component:default/card-vault&orderBy=title',
      )
      .set('Authorization', auth);
    expect(
      findings.body.items.map((f: any) => [f.title, f.state, f.firstSeenAt]),
    ).toEqual([
      ['Prototype pollution', 'open', '2026-09-01T00:00:00.000Z'],
      ['ReDoS', 'open', '2026-09-02T00:00:00.000Z'],
    ]);

    await request(backend.server)
      .post('/api/aspm/sources/fake/run')
      .set('Authorization', auth);
    const fixed = await request(backend.server)
      .get(
        '/api/aspm/findings?entityRef=component:default/card-vault&state=fixed',
      )
      .set('Authorization', auth);
    expect(fixed.body.items.map((f: any) => [f.title, f.fixedAt])).toEqual([
      ['ReDoS', '2026-09-20T00:00:00.000Z'],
    ]);

    const log = await request(backend.server)
      .get('/api/aspm/ingestions')
      .set('Authorization', auth);
    expect(
      log.body.items.map((i: any) => [i.source, i.status, i.entityRef]),
    ).toEqual(
      expect.arrayContaining([
        ['source:fake', 'failed', 'component:default/ledger-service'],
        ['source:fake', 'succeeded', 'component:default/card-vault'],
      ]),
    );
  });

  it('answers 404 for an unknown source and 400 for a malformed id', async () => {
    const unknown = await request(backend.server)
      .post('/api/aspm/sources/nope/run')
      .set('Authorization', auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/registered: fake/);
    const bad = await request(backend.server)
      .post('/api/aspm/sources/Bad%20Id/run')
      .set('Authorization', auth);
    expect(bad.status).toBe(400);
  });
});

import path from 'node:path';
import request from 'supertest';
import { TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';

jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../../examples');

/**
 * The demo history through the real backend: loaded once through the ingest
 * path, with fixes, reopens and aging criticals; a second run loads nothing.
 */
describe('demo history', () => {
  let backend: TestBackend;
  let auth: string;

  beforeAll(async () => {
    ({ backend, auth } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      extraConfig: {},
      demo: { weeks: 12 },
    }));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const get = async (url: string) =>
    (await request(backend.server).get(url).set('Authorization', auth)).body;

  it('loads weekly scans for every component with a repository', async () => {
    const status = await get('/api/aspm/demo');
    expect(status).toMatchObject({ state: 'done' });
    expect(status.total).toBeGreaterThan(38 * 2 * 12 - 1);

    const open = await get('/api/aspm/findings?state=open&limit=1');
    const fixed = await get('/api/aspm/findings?state=fixed&limit=1');
    expect(open.totalCount).toBeGreaterThan(50);
    expect(fixed.totalCount).toBeGreaterThan(10);

    // A planted critical ages on an internet-facing tier-1 service.
    const crit = await get(
      '/api/aspm/findings?entityRef=component:default/payments-api&severity=critical&state=open',
    );
    expect(crit.items.map((f: any) => f.ruleId)).toContain('CVE-2024-3094');

    // No history for components without a repository.
    const none = await get(
      '/api/aspm/findings?entityRef=component:default/legacy-cron&limit=1',
    );
    expect(none.totalCount).toBe(0);

    const log = await get('/api/aspm/ingestions?limit=1');
    expect(log.items[0]).toMatchObject({
      source: 'demo',
      status: 'succeeded',
      actor: 'demo',
    });
  });
});

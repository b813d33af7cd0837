import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AspmEntity, IngestResult } from '@aspm/plugin-aspm-common';
import { AspmSourcePullContext, AspmSourceScan } from '@aspm/plugin-aspm-node';
import { parseRetryAfter } from './DefectDojoClient';
import { DefectDojoSource, DefectDojoSourceOptions } from './DefectDojoSource';
import { FakeDefectDojo, FakeProduct } from './__testUtils__/fakeDefectDojo';
import {
  readSample,
  realDjangoFindings,
  realListedFindings,
  realPayloadsDir,
} from './__testUtils__/sharedFixtures';

const describeReal = realPayloadsDir('DefectDojoSource.test')
  ? describe
  : describe.skip;

/** The JSON object type ConfigReader takes. */
type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const TOKEN = 'test-token';
const samples = readSample<{ results: any[] }>(
  'findings-payments-api.json',
).results;
const gatewaySamples = readSample<{ results: any[] }>(
  'findings-search-gateway.json',
).results;

function entity(name: string, extra: Partial<AspmEntity> = {}): AspmEntity {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    ...extra,
  } as AspmEntity;
}

function context(
  entities: AspmEntity[],
  options: { signal?: AbortSignal; failSubmit?: string } = {},
) {
  const scans: AspmSourceScan[] = [];
  const logger = mockServices.logger.mock();
  const ctx: AspmSourcePullContext = {
    logger,
    signal: options.signal,
    listEntities: async () => entities,
    submitScan: async scan => {
      if (options.failSubmit === scan.entityRef) {
        throw new Error('the store is read-only today');
      }
      scans.push(scan);
      return { ingestionId: scans.length } as IngestResult;
    },
  };
  return { ctx, scans, logger };
}

describe('DefectDojoSource', () => {
  let server: FakeDefectDojo;

  async function startServer(products: FakeProduct[], maxPageSize = 4) {
    server = await new FakeDefectDojo({
      token: TOKEN,
      products,
      maxPageSize,
    }).start();
    return server;
  }

  function source(extra: Partial<DefectDojoSourceOptions> = {}) {
    return new DefectDojoSource({
      baseUrl: server.baseUrl,
      token: TOKEN,
      pageSize: 100,
      maxRetryWaitSeconds: 0,
      ...extra,
    });
  }

  afterEach(async () => {
    await server?.stop();
  });

  it('submits one complete scan per entity, following next links over several pages and retrying a 429', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples, rateLimitOnce: true },
    ]);
    const { ctx, scans } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const before = Date.now();
    const result = await source().pull(ctx);

    expect(result).toEqual({ entities: 1, errors: [] });
    expect(scans).toHaveLength(1);
    const [scan] = scans;
    expect(scan.entityRef).toBe('component:default/payments-api');
    expect(scan.tool).toEqual({ name: 'DefectDojo' });
    expect(scan.runKey).toBe('defectdojo:101');
    expect(scan.scannedAt.getTime()).toBeGreaterThanOrEqual(before);
    // 11 findings, one of them a duplicate.
    expect(scan.findings.map(f => f.fingerprint)).toEqual(
      [1001, 1002, 1003, 1004, 1005, 1007, 1008, 1009, 1010, 1011].map(
        id => `dd:101:${id}`,
      ),
    );
    expect(scan.findings[0].link).toBe(`${server.baseUrl}/finding/1001`);

    const listing = server.findingRequests(101);
    expect(listing.map(r => [r.status, r.query.offset, r.query.limit])).toEqual(
      [
        [429, '0', '100'],
        [200, '0', '100'],
        [200, '4', '4'],
        [200, '8', '4'],
      ],
    );
    expect(listing[0].query).toMatchObject({ related_fields: 'true', o: 'id' });
    expect(server.requests[0].path).toBe('/api/v2/products/101/');
  });

  it('records an entity whose product answers 500 as an error and submits nothing for it', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples },
      {
        id: 103,
        name: 'broken-service',
        findings: samples,
        findingsStatus: 500,
      },
    ]);
    const { ctx, scans } = context([
      entity('broken-service', { defectdojoProductId: '103' }),
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source().pull(ctx);

    expect(result.entities).toBe(1);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/broken-service',
        message: expect.stringMatching(
          /^DefectDojo product 103: DefectDojo answered 500 Internal Server Error to GET \/api\/v2\/findings\/\?.* \(after 4 attempts\)$/,
        ),
      },
    ]);
    expect(server.findingRequests(103)).toHaveLength(4);
    expect(scans.map(s => s.entityRef)).toEqual([
      'component:default/payments-api',
    ]);
  });

  it('records a product id that does not exist', async () => {
    await startServer([]);
    const { ctx, scans } = context([
      entity('ghost', { defectdojoProductId: '999' }),
    ]);
    const result = await source().pull(ctx);
    expect(result).toEqual({
      entities: 0,
      errors: [
        {
          entityRef: 'component:default/ghost',
          message: expect.stringContaining(
            'DefectDojo product 999 (annotation defectdojo.org/product-id of component:default/ghost) was not found',
          ),
        },
      ],
    });
    expect(scans).toHaveLength(0);
    expect(server.findingRequests(999)).toHaveLength(0);
  });

  it('reports a rejected token once per entity, naming the config key, and stops asking', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples },
      { id: 102, name: 'legacy-portal', findings: samples },
    ]);
    const { ctx, scans } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
      entity('legacy-portal', { defectdojoProductId: '102' }),
      entity('search-gateway'),
    ]);
    const result = await source({ token: 'wrong' }).pull(ctx);
    expect(result.entities).toBe(0);
    expect(result.errors.map(e => e.entityRef)).toEqual([
      'component:default/payments-api',
      'component:default/legacy-portal',
    ]);
    for (const e of result.errors) {
      expect(e.message).toContain('401 Unauthorized');
      expect(e.message).toContain('aspm.sources.defectdojo.token');
      expect(e.message).not.toContain('wrong');
    }
    expect(server.requests).toHaveLength(1);
    expect(scans).toHaveLength(0);
  });

  it('reports a 403 for one product and goes on with the others', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples },
      {
        id: 105,
        name: 'secret-product',
        findings: samples,
        findingsStatus: 403,
      },
    ]);
    const { ctx, scans } = context([
      entity('secret-product', { defectdojoProductId: '105' }),
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source().pull(ctx);
    expect(result.entities).toBe(1);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/secret-product',
        message: expect.stringMatching(
          /403 Forbidden.*aspm\.sources\.defectdojo\.token/,
        ),
      },
    ]);
    expect(server.findingRequests(105)).toHaveLength(1); // not retried
    expect(scans.map(s => s.entityRef)).toEqual([
      'component:default/payments-api',
    ]);
  });

  it('matches an entity without the annotation to the product of the same name', async () => {
    await startServer([
      { id: 104, name: 'search-gateway', findings: gatewaySamples },
      { id: 106, name: 'search-gateway-legacy', findings: samples },
      { id: 107, name: 'Billing Service', findings: gatewaySamples },
    ]);
    const { ctx, scans } = context([
      entity('search-gateway'),
      entity('billing', { title: 'Billing Service' }),
      entity('no-product-here'),
      {
        ...entity('team-payments'),
        kind: 'Group',
        entityRef: 'group:default/search-gateway',
        name: 'search-gateway',
      },
    ]);
    const result = await source().pull(ctx);
    expect(result).toEqual({ entities: 2, errors: [] });
    expect(scans.map(s => [s.entityRef, s.runKey, s.findings.length])).toEqual([
      ['component:default/search-gateway', 'defectdojo:104', 2],
      ['component:default/billing', 'defectdojo:107', 2],
    ]);
    expect(scans[0].findings.map(f => f.sourceState?.state)).toEqual([
      'open',
      'fixed',
    ]);
    const lookups = server.requests.filter(r => r.path === '/api/v2/products/');
    expect(lookups.map(r => r.query.name)).toEqual([
      'search-gateway',
      'billing',
      'Billing Service',
      'no-product-here',
    ]);

    const off = context([entity('search-gateway')]);
    expect(await source({ matchByName: false }).pull(off.ctx)).toEqual({
      entities: 0,
      errors: [],
    });
  });

  it('rejects a listing whose pages do not add up to its count', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples, countOffset: 1 },
    ]);
    const { ctx, scans } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source().pull(ctx);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/payments-api',
        message:
          'DefectDojo product 101: DefectDojo listed 11 results but said there are 12; it is read again on the next pull',
      },
    ]);
    expect(scans).toHaveLength(0);
  });

  it('follows next links on the configured origin only', async () => {
    await startServer([{ id: 101, name: 'payments-api', findings: samples }]);
    server.nextOrigin = 'http://defectdojo.internal:8080';
    const { ctx, scans, logger } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source().pull(ctx);
    expect(result).toEqual({ entities: 1, errors: [] });
    expect(scans[0].findings).toHaveLength(10);
    expect(server.findingRequests(101)).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'pagination links point to http://defectdojo.internal:8080',
      ),
    );
  });

  it('lists a product once for several entities on it', async () => {
    await startServer([{ id: 101, name: 'payments-api', findings: samples }]);
    const { ctx, scans } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
      entity('payments-worker', { defectdojoProductId: '101' }),
    ]);
    expect(await source().pull(ctx)).toEqual({ entities: 2, errors: [] });
    expect(scans.map(s => [s.entityRef, s.findings.length])).toEqual([
      ['component:default/payments-api', 10],
      ['component:default/payments-worker', 10],
    ]);
    expect(server.findingRequests(101)).toHaveLength(3);
  });

  it('records an entity whose scan the store refused', async () => {
    await startServer([{ id: 101, name: 'payments-api', findings: samples }]);
    const { ctx } = context(
      [entity('payments-api', { defectdojoProductId: '101' })],
      {
        failSubmit: 'component:default/payments-api',
      },
    );
    expect(await source().pull(ctx)).toEqual({
      entities: 0,
      errors: [
        {
          entityRef: 'component:default/payments-api',
          message: 'DefectDojo product 101: the store is read-only today',
        },
      ],
    });
  });

  it('stops when the signal aborts', async () => {
    await startServer([
      { id: 101, name: 'payments-api', findings: samples, rateLimitOnce: '1' },
    ]);
    const controller = new AbortController();
    const { ctx, scans } = context(
      [entity('payments-api', { defectdojoProductId: '101' })],
      {
        signal: controller.signal,
      },
    );
    // The 429 asks for a 1 s wait; abort during it.
    const pull = source({ maxRetryWaitSeconds: 30 }).pull(ctx);
    setTimeout(() => controller.abort(new Error('task timed out')), 200);
    await expect(pull).rejects.toThrow('task timed out');
    expect(scans).toHaveLength(0);
  });

  it('caps Retry-After at maxRetryWaitSeconds', async () => {
    await startServer([
      {
        id: 101,
        name: 'payments-api',
        findings: samples,
        rateLimitOnce: '3600',
      },
    ]);
    const { ctx } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const started = Date.now();
    expect(await source({ maxRetryWaitSeconds: 0.05 }).pull(ctx)).toEqual({
      entities: 1,
      errors: [],
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-10-01T00:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Oct 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 30 Sep 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('DefectDojoSource.fromConfig', () => {
  const base = { baseUrl: 'https://defectdojo.example.com/', token: 'tkn' };
  const read = (defectdojo: JsonObject) =>
    DefectDojoSource.fromConfig(
      new ConfigReader({ aspm: { sources: { defectdojo } } }),
    );

  it('applies the defaults', () => {
    const s = read(base);
    expect(s.id).toBe('defectdojo');
    expect(s.description).toBe(
      'DefectDojo findings (API v2) from https://defectdojo.example.com',
    );
    expect(s.schedule).toEqual({
      frequency: { hours: 1 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 2 },
    });
  });

  it('reads the schedule', () => {
    const s = read({
      ...base,
      schedule: { frequency: { hours: 6 }, timeout: { minutes: 10 } },
    });
    expect(s.schedule).toEqual({
      frequency: { hours: 6 },
      timeout: { minutes: 10 },
    });
  });

  it('rejects bad values with the key in the message', () => {
    expect(() => read({ baseUrl: base.baseUrl })).toThrow(/token/);
    expect(() => read({ ...base, baseUrl: 'defectdojo' })).toThrow(
      'aspm.sources.defectdojo.baseUrl must be a URL',
    );
    expect(() => read({ ...base, pageSize: 0 })).toThrow(
      'aspm.sources.defectdojo.pageSize must be a whole number in 1..1000, got 0',
    );
    expect(() => read({ ...base, maxRetryWaitSeconds: -1 })).toThrow(
      'aspm.sources.defectdojo.maxRetryWaitSeconds must be in 0..3600',
    );
  });
});

describeReal('DefectDojoSource on real DefectDojo payloads', () => {
  let server: FakeDefectDojo;
  afterAll(async () => {
    await server?.stop();
  });

  it('reads the real findings over several pages and submits every non-duplicate', async () => {
    const real = [...realListedFindings(), ...realDjangoFindings()];
    server = await new FakeDefectDojo({
      token: TOKEN,
      maxPageSize: 5,
      products: [
        { id: 102, name: 'legacy-portal', findings: real, rateLimitOnce: true },
      ],
    }).start();
    const { ctx, scans } = context([
      entity('legacy-portal', { defectdojoProductId: '102' }),
    ]);
    const result = await new DefectDojoSource({
      baseUrl: server.baseUrl,
      token: TOKEN,
      pageSize: 5,
      maxRetryWaitSeconds: 0,
    }).pull(ctx);
    expect(result).toEqual({ entities: 1, errors: [] });
    // 22 records: 8 duplicates skipped.
    expect(scans[0].findings).toHaveLength(14);
    expect(
      server.findingRequests(102).map(r => [r.status, r.query.offset]),
    ).toEqual([
      [429, '0'],
      [200, '0'],
      [200, '5'],
      [200, '10'],
      [200, '15'],
      [200, '20'],
    ]);
    const states = scans[0].findings.reduce<Record<string, number>>(
      (acc, f) => {
        const s = f.sourceState!.state;
        acc[s] = (acc[s] ?? 0) + 1;
        return acc;
      },
      {},
    );
    expect(states).toEqual({ open: 11, fixed: 2, accepted: 1 });
  });
});

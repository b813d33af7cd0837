import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AspmEntity, IngestResult } from '@aspm/plugin-aspm-common';
import {
  AspmSourceExceptions,
  AspmSourcePullContext,
  AspmSourceScan,
} from '@aspm/plugin-aspm-node';
import { parseRetryAfter } from './DefectDojoClient';
import { DefectDojoSource, DefectDojoSourceOptions } from './DefectDojoSource';
import { FakeDefectDojo, FakeProduct } from './__testUtils__/fakeDefectDojo';
import {
  readSample,
  realDjangoFindings,
  realListedFindings,
  realPayloadsDir,
  realRiskAcceptances,
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
const acceptanceSamples = readSample<{ results: any[] }>(
  'risk-acceptances.json',
).results;
/** Before every sample acceptance's expiry, after #8 was handled as expired. */
const OCTOBER = new Date('2026-10-15T00:00:00Z');

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
  options: {
    signal?: AbortSignal;
    failSubmit?: string;
    failExceptions?: string;
  } = {},
) {
  const scans: AspmSourceScan[] = [];
  const exceptions: AspmSourceExceptions[] = [];
  /** Every submission in order: `scan <ref>` / `exceptions <ref>`. */
  const calls: string[] = [];
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
      calls.push(`scan ${scan.entityRef}`);
      return { ingestionId: scans.length } as IngestResult;
    },
    submitExceptions: async batch => {
      if (options.failExceptions === batch.entityRef) {
        throw new Error('the exceptions table is locked');
      }
      exceptions.push(batch);
      calls.push(`exceptions ${batch.entityRef}`);
      return {
        created: batch.exceptions.length,
        updated: 0,
        unchanged: 0,
        retired: 0,
        unmatchedFindings: 0,
      };
    },
  };
  return { ctx, scans, exceptions, calls, logger };
}

describe('DefectDojoSource', () => {
  let server: FakeDefectDojo;

  async function startServer(
    products: FakeProduct[],
    maxPageSize = 4,
    riskAcceptances: unknown[] = [],
  ) {
    server = await new FakeDefectDojo({
      token: TOKEN,
      products,
      maxPageSize,
      riskAcceptances,
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
    const { ctx, scans, exceptions } = context([
      entity('broken-service', { defectdojoProductId: '103' }),
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source().pull(ctx);

    expect(result.entities).toBe(1);
    // Exceptions only for the entity whose findings were read.
    expect(exceptions.map(b => [b.entityRef, b.complete])).toEqual([
      ['component:default/payments-api', true],
    ]);
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

  it('lists a product once for several entities on it; its risk acceptances go to the first', async () => {
    await startServer(
      [{ id: 101, name: 'payments-api', findings: samples }],
      4,
      acceptanceSamples,
    );
    const { ctx, scans, exceptions, logger } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
      entity('payments-worker', { defectdojoProductId: '101' }),
    ]);
    expect(await source({ now: () => OCTOBER }).pull(ctx)).toEqual({
      entities: 2,
      errors: [],
    });
    expect(scans.map(s => [s.entityRef, s.findings.length])).toEqual([
      ['component:default/payments-api', 10],
      ['component:default/payments-worker', 10],
    ]);
    expect(server.findingRequests(101)).toHaveLength(3);
    expect(server.riskAcceptanceRequests()).toHaveLength(1);
    // The store keys imports by external id: a second entity would take them over.
    expect(
      exceptions.map(b => [b.entityRef, b.exceptions.map(e => e.externalId)]),
    ).toEqual([
      [
        'component:default/payments-api',
        [
          'defectdojo:risk_acceptance:7',
          'defectdojo:risk_acceptance:8',
          'defectdojo:risk_acceptance:9',
        ],
      ],
      ['component:default/payments-worker', []],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'are imported for the first of them only, not for component:default/payments-worker',
      ),
    );
  });

  it("imports each entity's risk acceptances after its scan, as approved, expired and rejected exceptions", async () => {
    await startServer(
      [
        { id: 101, name: 'payments-api', findings: samples },
        { id: 104, name: 'search-gateway', findings: gatewaySamples },
      ],
      4,
      acceptanceSamples,
    );
    const { ctx, scans, exceptions, calls } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
      entity('search-gateway', { defectdojoProductId: '104' }),
    ]);
    expect(await source({ now: () => OCTOBER }).pull(ctx)).toEqual({
      entities: 2,
      errors: [],
    });
    expect(calls).toEqual([
      'scan component:default/payments-api',
      'exceptions component:default/payments-api',
      'scan component:default/search-gateway',
      // The source answered and none is the gateway's (#10 covers no listed
      // finding): an empty batch.
      'exceptions component:default/search-gateway',
    ]);
    expect(exceptions[1].exceptions).toEqual([]);
    // Listed once for the pull, with the token, not per entity.
    const listing = server.riskAcceptanceRequests();
    expect(listing.map(r => [r.status, r.query.offset, r.query.limit])).toEqual(
      [[200, '0', '100']],
    );

    const runKey = 'defectdojo:101';
    expect(exceptions[0]).toEqual({
      entityRef: 'component:default/payments-api',
      complete: true,
      exceptions: [
        {
          externalId: 'defectdojo:risk_acceptance:7',
          reason:
            'Accept: Missing rate limiting on login — Compensating WAF rule until Q4',
          category: 'other',
          status: 'approved',
          requestedBy: 'defectdojo:user:3',
          requestedAt: new Date('2026-09-10T08:00:00Z'),
          decidedBy: 'Dana Ruiz (CISO)',
          decidedAt: new Date('2026-09-10T08:00:00Z'),
          expiresAt: new Date('2026-12-31T00:00:00Z'),
          findings: [
            { tool: 'DefectDojo', fingerprint: 'dd:101:1005', runKey },
          ],
        },
        {
          // Handled as expired by DefectDojo, whatever the clock says; 1006
          // is a duplicate (not submitted), so only 1002 is covered.
          externalId: 'defectdojo:risk_acceptance:8',
          reason:
            'Accept: Tainted SQL string in reporting — Internal reporting only; rewrite planned',
          category: 'other',
          status: 'expired',
          requestedBy: 'defectdojo:user:3',
          requestedAt: new Date('2026-09-03T10:00:00Z'),
          decidedBy: 'Dana Ruiz (CISO)',
          decidedAt: new Date('2026-09-03T10:00:00Z'),
          expiresAt: new Date('2026-10-31T00:00:00Z'),
          findings: [
            { tool: 'DefectDojo', fingerprint: 'dd:101:1002', runKey },
          ],
        },
        {
          // Decision V (Avoid): the risk was not accepted. No accepted_by,
          // no expiration.
          externalId: 'defectdojo:risk_acceptance:9',
          reason:
            'Avoid: lodash template injection — Template preview feature is being removed (DefectDojo decision: Avoid)',
          category: 'other',
          status: 'rejected',
          requestedBy: 'defectdojo:user:5',
          requestedAt: new Date('2026-09-12T14:30:00Z'),
          decidedAt: new Date('2026-09-12T14:30:00Z'),
          findings: [
            { tool: 'DefectDojo', fingerprint: 'dd:101:1011', runKey },
          ],
        },
      ],
    });
    // Every covered finding is one the entity's scan submitted, under its run key.
    const submitted = new Set(
      scans[0].findings.map(f => `${scans[0].runKey} ${f.fingerprint}`),
    );
    for (const e of exceptions[0].exceptions) {
      for (const f of e.findings) {
        expect(submitted.has(`${f.runKey} ${f.fingerprint}`)).toBe(true);
      }
    }
  });

  it('expires an accepted risk acceptance when the clock passes its expiration date', async () => {
    await startServer(
      [{ id: 101, name: 'payments-api', findings: samples }],
      4,
      acceptanceSamples,
    );
    const statuses = async (now: Date) => {
      const { ctx, exceptions } = context([
        entity('payments-api', { defectdojoProductId: '101' }),
      ]);
      await source({ now: () => now }).pull(ctx);
      return Object.fromEntries(
        exceptions[0].exceptions.map(e => [e.externalId, e.status]),
      );
    };
    expect(await statuses(new Date('2026-12-30T23:59:59Z'))).toEqual({
      'defectdojo:risk_acceptance:7': 'approved',
      'defectdojo:risk_acceptance:8': 'expired',
      'defectdojo:risk_acceptance:9': 'rejected',
    });
    expect(await statuses(new Date('2026-12-31T00:00:00Z'))).toEqual({
      'defectdojo:risk_acceptance:7': 'expired',
      'defectdojo:risk_acceptance:8': 'expired',
      // No expiration date: it never expires.
      'defectdojo:risk_acceptance:9': 'rejected',
    });
  });

  it('follows the pages of the risk acceptance listing', async () => {
    await startServer(
      [{ id: 101, name: 'payments-api', findings: samples }],
      3,
      acceptanceSamples,
    );
    const { ctx, exceptions } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    expect(await source({ now: () => OCTOBER }).pull(ctx)).toEqual({
      entities: 1,
      errors: [],
    });
    expect(
      server.riskAcceptanceRequests().map(r => [r.status, r.query.offset]),
    ).toEqual([
      [200, '0'],
      [200, '3'],
    ]);
    // #9 is on the first page, #10 (no finding of this product) on the second.
    expect(exceptions[0].exceptions.map(e => e.externalId)).toEqual([
      'defectdojo:risk_acceptance:7',
      'defectdojo:risk_acceptance:8',
      'defectdojo:risk_acceptance:9',
    ]);

    // A listing whose pages do not add up is not used.
    server.riskAcceptances = [...acceptanceSamples, acceptanceSamples[0]];
    const again = context([
      entity('payments-api', { defectdojoProductId: '101' }),
    ]);
    const result = await source({ now: () => OCTOBER }).pull(again.ctx);
    expect(result.errors).toEqual([
      {
        entityRef: 'component:default/payments-api',
        message: expect.stringContaining(
          'risk acceptances not read, so no exceptions imported (the findings were stored): the listing changed while it was read (id 7 on two pages)',
        ),
      },
    ]);
    expect(again.scans).toHaveLength(1);
    expect(again.exceptions).toEqual([]);
  });

  it('submits no exceptions for an entity whose risk acceptances could not be read, and reports it', async () => {
    await startServer(
      [
        { id: 101, name: 'payments-api', findings: samples },
        { id: 104, name: 'search-gateway', findings: gatewaySamples },
      ],
      4,
      acceptanceSamples,
    );
    server.riskAcceptanceStatus = 500;
    const { ctx, scans, exceptions, logger } = context([
      entity('payments-api', { defectdojoProductId: '101' }),
      entity('search-gateway', { defectdojoProductId: '104' }),
    ]);
    const result = await source({ now: () => OCTOBER }).pull(ctx);

    expect(result.entities).toBe(0);
    const message = expect.stringMatching(
      /^DefectDojo product 10[14]: risk acceptances not read, so no exceptions imported \(the findings were stored\): DefectDojo answered 500 Internal Server Error to GET \/api\/v2\/risk_acceptance\/\?limit=100&offset=0 \(after 4 attempts\)$/,
    );
    expect(result.errors).toEqual([
      { entityRef: 'component:default/payments-api', message },
      { entityRef: 'component:default/search-gateway', message },
    ]);
    expect(result.errors[1].message).toContain('product 104');
    // The findings were stored; nothing may touch the stored exceptions.
    expect(scans.map(s => s.entityRef)).toEqual([
      'component:default/payments-api',
      'component:default/search-gateway',
    ]);
    expect(exceptions).toEqual([]);
    // Retried, then not asked again for the second entity.
    expect(server.riskAcceptanceRequests()).toHaveLength(4);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'DefectDojo pull for component:default/payments-api failed',
      ),
    );
  });

  it('asks for no risk acceptances when no entity was read, and submits none for a failed entity', async () => {
    await startServer(
      [
        {
          id: 103,
          name: 'broken-service',
          findings: samples,
          findingsStatus: 500,
        },
      ],
      4,
      acceptanceSamples,
    );
    const { ctx, exceptions } = context([
      entity('broken-service', { defectdojoProductId: '103' }),
    ]);
    const result = await source().pull(ctx);
    expect(result.errors).toHaveLength(1);
    expect(exceptions).toEqual([]);
    expect(server.riskAcceptanceRequests()).toHaveLength(0);
  });

  it('records an entity whose exceptions the store refused', async () => {
    await startServer(
      [{ id: 101, name: 'payments-api', findings: samples }],
      4,
      acceptanceSamples,
    );
    const { ctx, scans } = context(
      [entity('payments-api', { defectdojoProductId: '101' })],
      { failExceptions: 'component:default/payments-api' },
    );
    expect(await source({ now: () => OCTOBER }).pull(ctx)).toEqual({
      entities: 0,
      errors: [
        {
          entityRef: 'component:default/payments-api',
          message:
            'DefectDojo product 101: risk acceptances not stored (the findings were): the exceptions table is locked',
        },
      ],
    });
    expect(scans).toHaveLength(1);
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
      riskAcceptances: realRiskAcceptances(),
    }).start();
    const { ctx, scans, exceptions } = context([
      entity('legacy-portal', { defectdojoProductId: '102' }),
    ]);
    const result = await new DefectDojoSource({
      baseUrl: server.baseUrl,
      token: TOKEN,
      pageSize: 5,
      maxRetryWaitSeconds: 0,
    }).pull(ctx);
    expect(result).toEqual({ entities: 1, errors: [] });
    // DefectDojo's own risk acceptance #1 covers finding 226, which the
    // product lists (not a duplicate): one exception for it. Its expiration
    // (2023-08-28) has passed and was never handled: expired by the clock.
    expect(exceptions).toEqual([
      {
        entityRef: 'component:default/legacy-portal',
        complete: true,
        exceptions: [
          {
            externalId: 'defectdojo:risk_acceptance:1',
            reason: 'Accept: Qwegqer — The issue is not that big of a deal',
            category: 'other',
            status: 'expired',
            requestedBy: 'defectdojo:user:1',
            requestedAt: new Date('2023-03-01T22:12:43.829Z'),
            decidedBy: 'Somebody',
            decidedAt: new Date('2023-03-01T22:12:43.829Z'),
            expiresAt: new Date('2023-08-28T00:00:00Z'),
            findings: [
              {
                tool: 'DefectDojo',
                fingerprint: 'dd:102:226',
                runKey: 'defectdojo:102',
              },
            ],
          },
        ],
      },
    ]);
    const covered = scans[0].findings.find(f => f.fingerprint === 'dd:102:226');
    expect(covered?.sourceState).toMatchObject({
      state: 'accepted',
      changedAt: '2023-03-01T22:12:43.829Z',
    });
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

  it('imports the real risk acceptance as approved before its expiration, and only for the product holding finding 226', async () => {
    await server?.stop();
    const real = realDjangoFindings();
    server = await new FakeDefectDojo({
      token: TOKEN,
      products: [
        { id: 102, name: 'legacy-portal', findings: real },
        // The real findings list (finding 42) without the Django fixture's.
        { id: 105, name: 'nmap-scans', findings: realListedFindings() },
      ],
      riskAcceptances: realRiskAcceptances(),
    }).start();
    const { ctx, exceptions } = context([
      entity('legacy-portal', { defectdojoProductId: '102' }),
      entity('nmap-scans', { defectdojoProductId: '105' }),
    ]);
    const result = await new DefectDojoSource({
      baseUrl: server.baseUrl,
      token: TOKEN,
      maxRetryWaitSeconds: 0,
      now: () => new Date('2023-05-01T00:00:00Z'),
    }).pull(ctx);
    expect(result).toEqual({ entities: 2, errors: [] });
    expect(
      exceptions.map(b => [
        b.entityRef,
        b.exceptions.map(e => [e.externalId, e.status, e.findings.length]),
      ]),
    ).toEqual([
      [
        'component:default/legacy-portal',
        [['defectdojo:risk_acceptance:1', 'approved', 1]],
      ],
      ['component:default/nmap-scans', []],
    ]);
  });
});

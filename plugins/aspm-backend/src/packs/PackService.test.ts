/*
 * The daily job freezes the last closed month's pack numbers, so the first
 * director to open it does not wait for them. Runs on every database engine
 * configured.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { componentRecord } from '../__testUtils__/componentRecord';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { createStores } from '../database/createStores';
import { MetricsService } from '../metrics/MetricsService';
import { lastFullPeriod } from './packPeriods';
import { PackService } from './PackService';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases('PackService');

const NOW = new Date(Date.UTC(2026, 11, 3, 12));
const LONG_AGO = new Date(Date.UTC(2025, 0, 1));

const api = componentRecord('api', { tier: '1', exposure: 'internet' });

describe.each(ids)('PackService on %s', databaseId => {
  it('freezes the last closed month once, and not while freezing is held back', async () => {
    const knex = await databases.init(databaseId);
    const stores = await createStores({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await stores.store.replaceCatalogEntities([api], LONG_AGO);
    const settings = {
      config: DEFAULT_METRICS_CONFIG,
      ownershipKinds: ['Component'],
      rotationSlaDays: { default: 7 },
    };
    let allowed = false;
    const service = new PackService({
      metrics: new MetricsService({ store: stores.metrics, ...settings }),
      store: stores.metrics,
      releases: stores.releases,
      packs: stores.packs,
      settings,
      canFreeze: () => allowed,
    });
    const month = lastFullPeriod('month', NOW);
    expect(month).toBe('2026-11');

    // Held back (a demo history still loading): nothing computed or kept.
    expect(await service.freezeClosed(NOW)).toEqual([]);
    expect((await stores.packs.readFacts([month], 'detail')).size).toBe(0);

    allowed = true;
    expect(await service.freezeClosed(NOW)).toEqual([month]);
    const detail = (await stores.packs.readFacts([month], 'detail')).get(month);
    expect(detail?.computedAt).toBe(NOW.toISOString());
    const trend = await stores.packs.readFacts([month], 'trend');
    expect(trend.get(month)?.computedAt).toBe(NOW.toISOString());
    // Again: already frozen, nothing to do.
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(await service.freezeClosed(later)).toEqual([]);
    // The pack a director opens later reads those numbers.
    const pack = await service.pack(
      { audience: 'leadership' },
      undefined,
      later,
    );
    expect(pack.period.id).toBe(month);
    expect(pack.period.frozenAt).toBe(NOW.toISOString());
  });
});

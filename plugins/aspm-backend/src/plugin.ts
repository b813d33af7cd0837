import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { CatalogClient } from '@backstage/catalog-client';
import { ConflictError } from '@backstage/errors';
import { aspmPermissions } from '@aspm/plugin-aspm-common';
import {
  AspmIngestionSource,
  aspmSourcesExtensionPoint,
} from '@aspm/plugin-aspm-node';
import { createStores } from './database/createStores';
import { ReleaseService } from './releases/ReleaseService';
import { MetricsService } from './metrics/MetricsService';
import { SnapshotService } from './metrics/SnapshotService';
import { OperatingMetricsService } from './metrics/OperatingMetricsService';
import { ProgramSignalsService } from './signals/ProgramSignalsService';
import { ScorecardService } from './scorecard/ScorecardService';
import { CatalogSyncer } from './catalog/CatalogSyncer';
import { readAspmConfig } from './config/readAspmConfig';
import { createRouter } from './service/router';
import { registerAspmActions } from './agentActions/registerAspmActions';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { SourceRunner } from './sources/SourceRunner';
import { IngestService } from './ingest/IngestService';
import { DemoHistorySeeder } from './demo/DemoHistorySeeder';
import { ExceptionService } from './exceptions/ExceptionService';
import { PackService } from './packs/PackService';

/**
 * The ASPM backend plugin: the store with history, the catalog sync and the
 * HTTP API under /api/aspm. Wiring only; the work is in the classes it builds.
 * @public
 */
export const aspmPlugin = createBackendPlugin({
  pluginId: 'aspm',
  register(env) {
    const sources: AspmIngestionSource[] = [];
    env.registerExtensionPoint(aspmSourcesExtensionPoint, {
      addSource(...added) {
        for (const source of added) {
          if (sources.some(s => s.id === source.id)) {
            throw new Error(`ASPM source '${source.id}' is registered twice`);
          }
          sources.push(source);
        }
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        rootConfig: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        logger,
        rootConfig,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        auth,
        discovery,
        permissions,
        permissionsRegistry,
        actionsRegistry,
      }) {
        const config = readAspmConfig(rootConfig);
        const {
          store,
          findings,
          exceptions: exceptionsStore,
          releases: releasesStore,
          metrics: metricsStore,
          snapshots: snapshotStore,
          signals: signalsStore,
          packs: packStore,
        } = await createStores({
          database,
        });
        permissionsRegistry.addPermissions(aspmPermissions);

        const syncer = new CatalogSyncer({
          catalog: new CatalogClient({ discoveryApi: discovery }),
          auth,
          store,
          logger: logger.child({ task: 'catalog-sync' }),
          mapping: config.mapping,
          pageSize: config.catalogSync.pageSize,
        });

        await scheduler.scheduleTask({
          id: 'aspm-catalog-sync',
          scope: 'global',
          ...config.catalogSync.schedule,
          fn: async () => {
            logger.debug('Scheduled task aspm-catalog-sync runs');
            await syncer.run('schedule');
          },
        });

        const releaseService = new ReleaseService({
          store,
          findings,
          releases: releasesStore,
          config,
        });

        const metricSettings = {
          config: config.metrics,
          ownershipKinds: config.ownership.kinds,
          rotationSlaDays: config.secrets.rotationSlaDaysByTier,
        };
        const metrics = new MetricsService({
          store: metricsStore,
          snapshots: snapshotStore,
          ...metricSettings,
        });
        const operatingMetrics = new OperatingMetricsService({
          store: metricsStore,
          releases: releasesStore,
          ...metricSettings,
        });
        const scorecards = new ScorecardService({
          store,
          metricsStore,
          metrics,
          snapshots: snapshotStore,
          settings: metricSettings,
        });
        const snapshots = new SnapshotService({
          store: metricsStore,
          snapshots: snapshotStore,
          settings: metricSettings,
          logger: logger.child({ task: 'metric-snapshots' }),
          catchUpDays: config.snapshots.catchUpDays,
        });

        const exceptions = new ExceptionService({
          exceptions: exceptionsStore,
          store,
          config: config.exceptions,
        });
        await scheduler.scheduleTask({
          id: 'aspm-exception-expiry',
          scope: 'global',
          ...config.exceptions.expirySchedule,
          fn: async () => {
            logger.debug('Scheduled task aspm-exception-expiry runs');
            const n = await exceptionsStore.expireDue(new Date());
            if (n) logger.info(`Expired ${n} exception(s)`);
          },
        });

        const sourceRunner = new SourceRunner({
          sources,
          store,
          findings,
          exceptions: exceptionsStore,
          categories: config.exceptions.categories,
          logger,
        });
        await sourceRunner.schedule(scheduler);

        const signals = new ProgramSignalsService({
          store,
          signals: signalsStore,
        });
        const ingest = new IngestService({ store, findings, signals });
        let demo: DemoHistorySeeder | undefined;
        if (config.demo.enabled) {
          demo = new DemoHistorySeeder({
            store,
            findings,
            ingest,
            syncer,
            exceptions: exceptionsStore,
            categories: config.exceptions.categories,
            releases: releaseService,
            signals,
            logger: logger.child({ task: 'demo-history' }),
            weeks: config.demo.weeks,
            settleMs: 5000,
          });
          await scheduler.scheduleTask({
            id: 'aspm-demo-history',
            scope: 'global',
            frequency: { days: 365 },
            timeout: { hours: 1 },
            initialDelay: { seconds: 5 },
            fn: async () => {
              const status = await demo!.run();
              // A fresh demo gets its year of daily snapshots, in the
              // background (GET /snapshots/status shows the progress).
              if (
                status.state === 'done' &&
                config.demo.snapshots &&
                !(await snapshotStore.lastDay())
              ) {
                snapshots.rebuild({
                  from: new Date(
                    Date.now() - config.demo.weeks * 7 * 86_400_000,
                  )
                    .toISOString()
                    .slice(0, 10),
                });
              }
            },
          });
        }

        const packs = new PackService({
          metrics,
          store: metricsStore,
          releases: releasesStore,
          packs: packStore,
          settings: metricSettings,
          // A closed period is not frozen while the demo history still loads.
          canFreeze: () => !demo || demo.getStatus().state === 'done',
        });

        await scheduler.scheduleTask({
          id: 'aspm-metric-snapshots',
          scope: 'global',
          ...config.snapshots.schedule,
          fn: async () => {
            logger.debug('Scheduled task aspm-metric-snapshots runs');
            // Not while the demo history is still loading: its days would
            // be snapshotted half-filled.
            if (demo && demo.getStatus().state !== 'done') return;
            await snapshots.daily().catch(e => {
              if (!(e instanceof ConflictError)) throw e;
            });
            // The last closed month's pack, frozen before anyone asks.
            const frozen = await packs.freezeClosed();
            if (frozen.length) {
              logger.info(`Froze the director pack numbers of ${frozen}`);
            }
          },
        });

        // The same questions for agents (served over MCP by the MCP actions
        // backend), under the same permissions.
        registerAspmActions({
          actionsRegistry,
          permissions,
          store,
          findings,
          exceptions,
          exceptionsStore,
          releases: releaseService,
          metrics,
          scorecards,
          packs,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            store,
            findings,
            syncer,
            sources: sourceRunner,
            ingest,
            demo,
            config,
            exceptions,
            exceptionsStore,
            releases: releaseService,
            metrics,
            snapshots,
            operatingMetrics,
            signals,
            scorecards,
            packs,
          }),
        );
      },
    });
  },
});

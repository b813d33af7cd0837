import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import {
  aspmCatalogSyncPermission,
  aspmFindingsIngestPermission,
  aspmReadPermission,
  aspmSourcesRunPermission,
  catalogSyncBodySchema,
  sourceIdSchema,
  entitiesQuerySchema,
  entityPathSchema,
  findingIdSchema,
  findingsQuerySchema,
  ingestionsQuerySchema,
  ingestQuerySchema,
  ownershipQuerySchema,
} from '@aspm/plugin-aspm-common';
import { FindingsStore } from '../database/FindingsStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { IngestService } from '../ingest/IngestService';
import { findingsQueryFromParams } from './findingsQueryFromParams';
import { readRawBody } from './readRawBody';
import { SourceRunner } from '../sources/SourceRunner';
import { DemoHistorySeeder } from '../demo/DemoHistorySeeder';
import { AspmStore } from '../database/AspmStore';
import { CatalogSyncer } from '../catalog/CatalogSyncer';
import { AspmConfig } from '../config/readAspmConfig';
import { getOwnershipReport } from '../ownership/getOwnershipReport';
import { parseInput } from './parseInput';
import { createPermissionGuard } from './createPermissionGuard';
import { actorOf } from './actorOf';
import { ExceptionService } from '../exceptions/ExceptionService';
import { exceptionRoutes } from './exceptionRoutes';
import { releaseRoutes } from './releaseRoutes';
import { ReleaseService } from '../releases/ReleaseService';
import { MetricsService } from '../metrics/MetricsService';
import { metricRoutes } from './metricRoutes';
import { SnapshotService } from '../metrics/SnapshotService';
import { snapshotRoutes } from './snapshotRoutes';
import { OperatingMetricsService } from '../metrics/OperatingMetricsService';
import { operatingRoutes } from './operatingRoutes';
import { ProgramSignalsService } from '../signals/ProgramSignalsService';
import { signalRoutes } from './signalRoutes';
import { ScorecardService } from '../scorecard/ScorecardService';
import { scorecardRoutes } from './scorecardRoutes';
import { PackService } from '../packs/PackService';
import { packRoutes } from './packRoutes';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: AspmStore;
  findings: FindingsStore;
  syncer: CatalogSyncer;
  sources: SourceRunner;
  ingest: IngestService;
  demo?: DemoHistorySeeder;
  config: AspmConfig;
  exceptions: ExceptionService;
  exceptionsStore: ExceptionsStore;
  releases: ReleaseService;
  metrics: MetricsService;
  snapshots: SnapshotService;
  operatingMetrics: OperatingMetricsService;
  signals: ProgramSignalsService;
  scorecards: ScorecardService;
  packs: PackService;
}

/** The HTTP API under /api/aspm. Thin: validate, authorize, delegate. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, findings, syncer, sources, config, demo } = options;
  const ingestService = options.ingest;
  const guard = createPermissionGuard(options);
  const router = Router();
  const json = express.json({ limit: '1mb' });

  router.post('/ingest', async (req, res) => {
    const credentials = await guard(req, aspmFindingsIngestPermission);
    const query = parseInput(ingestQuerySchema, req.query, 'query');
    const body = await readRawBody(req, config.ingest.maxBytes);
    const actor = actorOf(credentials);
    res.json(await ingestService.ingest({ body, query, actor }));
  });

  router.get('/findings', async (req, res) => {
    await guard(req, aspmReadPermission);
    const params = parseInput(findingsQuerySchema, req.query, 'query');
    const query = await findingsQueryFromParams(store, params);
    if (!query) {
      res.json({
        items: [],
        totalCount: 0,
        limit: params.limit,
        offset: params.offset,
      });
      return;
    }
    res.json(await findings.listFindings(query));
  });

  router.get('/findings/:id', async (req, res) => {
    await guard(req, aspmReadPermission);
    const { id } = parseInput(findingIdSchema, req.params, 'path');
    const finding = await findings.getFinding(id);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    res.json(finding);
  });

  router.get('/demo', async (req, res) => {
    await guard(req, aspmReadPermission);
    res.json(demo?.getStatus() ?? { state: 'disabled', done: 0, total: 0 });
  });

  router.post('/demo', async (req, res) => {
    await guard(req, aspmCatalogSyncPermission);
    if (!demo) {
      throw new NotFoundError(
        'The demo history is disabled (aspm.demo.enabled is false)',
      );
    }
    demo.run().catch(() => {}); // progress and errors: GET /demo
    res.status(202).json(demo.getStatus());
  });

  router.get('/sources', async (req, res) => {
    await guard(req, aspmReadPermission);
    res.json({ items: sources.list() });
  });

  router.post('/sources/:id/run', async (req, res) => {
    await guard(req, aspmSourcesRunPermission);
    const { id } = parseInput(sourceIdSchema, req.params, 'path');
    res.json(await sources.run(id));
  });

  router.get('/ingestions', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(ingestionsQuerySchema, req.query, 'query');
    res.json(
      await findings.listIngestions({
        ...query,
        entityRef: query.entityRef?.toLocaleLowerCase('en-US'),
      }),
    );
  });

  router.get('/entities', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(entitiesQuerySchema, req.query, 'query');
    res.json(await store.listEntities(query));
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    await guard(req, aspmReadPermission);
    const { kind, namespace, name } = parseInput(
      entityPathSchema,
      req.params,
      'path',
    );
    const ref = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
    const entity = await store.getEntity(ref);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${ref} in the ASPM store; it is not in the catalog, or the catalog sync has not run since it was added`,
      );
    }
    res.json(entity);
  });

  router.get('/ownership', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(ownershipQuerySchema, req.query, 'query');
    res.json(await getOwnershipReport({ store, config, query }));
  });

  router.get('/catalog-sync', async (req, res) => {
    await guard(req, aspmReadPermission);
    res.json({ lastRun: await store.getLastSyncRun() });
  });

  router.post('/catalog-sync', json, async (req, res) => {
    await guard(req, aspmCatalogSyncPermission);
    parseInput(catalogSyncBodySchema, req.body, 'body');
    res.json(await syncer.run('api'));
  });

  router.use(
    exceptionRoutes({
      guard,
      store,
      exceptions: options.exceptions,
      exceptionsStore: options.exceptionsStore,
      json,
    }),
  );

  router.use(
    releaseRoutes({
      guard,
      store,
      releases: options.releases,
      // Evidence documents (SBOMs) travel inside release posts.
      releaseJson: express.json({ limit: '10mb' }),
      json,
    }),
  );

  router.use(metricRoutes({ guard, metrics: options.metrics }));
  router.use(snapshotRoutes({ guard, snapshots: options.snapshots }));
  router.use(
    operatingRoutes({ guard, operatingMetrics: options.operatingMetrics }),
  );
  router.use(signalRoutes({ guard, signals: options.signals, json }));
  router.use(scorecardRoutes({ guard, scorecards: options.scorecards }));
  router.use(packRoutes({ guard, packs: options.packs, json }));

  return router;
}

import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import {
  aspmCatalogSyncPermission,
  aspmReadPermission,
  catalogSyncBodySchema,
  entitiesQuerySchema,
  entityPathSchema,
  ownershipQuerySchema,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { CatalogSyncer } from '../catalog/CatalogSyncer';
import { AspmConfig } from '../config/readAspmConfig';
import { getOwnershipReport } from '../ownership/getOwnershipReport';
import { parseInput } from './parseInput';
import { createPermissionGuard } from './createPermissionGuard';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: AspmStore;
  syncer: CatalogSyncer;
  config: AspmConfig;
}

/** The HTTP API under /api/aspm. Thin: validate, authorize, delegate. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, syncer, config } = options;
  const guard = createPermissionGuard(options);
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

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

  router.post('/catalog-sync', async (req, res) => {
    await guard(req, aspmCatalogSyncPermission);
    parseInput(catalogSyncBodySchema, req.body, 'body');
    res.json(await syncer.run('api'));
  });

  return router;
}

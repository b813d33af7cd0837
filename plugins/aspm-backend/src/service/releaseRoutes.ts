import express from 'express';
import Router from 'express-promise-router';
import {
  aspmReadPermission,
  aspmReleaseCreatePermission,
  aspmSecretRotatePermission,
  findingIdSchema,
  gateTrendQuerySchema,
  releaseIdSchema,
  releaseInputSchema,
  releasesQuerySchema,
  secretRotationSchema,
  secretsQuerySchema,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { ReleaseService } from '../releases/ReleaseService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';
import { actorOf } from './actorOf';
import { entityRefsForFilters } from './entityRefsForFilters';

/** /releases and /secrets: delivery trust. Thin, like the rest. */
export function releaseRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  store: AspmStore;
  releases: ReleaseService;
  /** Body parser for release posts (evidence documents make them larger). */
  releaseJson: express.RequestHandler;
  json: express.RequestHandler;
}): express.Router {
  const { guard, releases, store } = deps;
  const router = Router();

  router.post('/releases', deps.releaseJson, async (req, res) => {
    const credentials = await guard(req, aspmReleaseCreatePermission);
    const body = parseInput(releaseInputSchema, req.body, 'body');
    const result = await releases.post(body, actorOf(credentials));
    res.status(result.created ? 201 : 200).json({
      ...result.release,
      created: result.created,
      changed: result.changed,
    });
  });

  router.get('/releases', async (req, res) => {
    await guard(req, aspmReadPermission);
    const params = parseInput(releasesQuerySchema, req.query, 'query');
    const entityRefs = await entityRefsForFilters(store, params);
    res.json(await releases.list(params, entityRefs));
  });

  router.get('/releases/gate-trend', async (req, res) => {
    await guard(req, aspmReadPermission);
    const params = parseInput(gateTrendQuerySchema, req.query, 'query');
    const entityRefs = await entityRefsForFilters(store, params);
    res.json(await releases.gateTrend(params, entityRefs));
  });

  router.get('/releases/:id', async (req, res) => {
    await guard(req, aspmReadPermission);
    const { id } = parseInput(releaseIdSchema, req.params, 'path');
    res.json(await releases.get(id));
  });

  router.get('/secrets', async (req, res) => {
    await guard(req, aspmReadPermission);
    const params = parseInput(secretsQuerySchema, req.query, 'query');
    const entityRefs = await entityRefsForFilters(store, params);
    res.json(await releases.secrets(params, entityRefs));
  });

  router.post('/findings/:id/rotation', deps.json, async (req, res) => {
    const credentials = await guard(req, aspmSecretRotatePermission);
    const { id } = parseInput(findingIdSchema, req.params, 'path');
    const body = parseInput(secretRotationSchema, req.body, 'body');
    res.json(await releases.recordRotation(id, body, actorOf(credentials)));
  });

  return router;
}

import express from 'express';
import Router from 'express-promise-router';
import {
  aspmReadPermission,
  aspmSnapshotsRebuildPermission,
  snapshotRebuildQuerySchema,
} from '@aspm/plugin-aspm-common';
import { SnapshotService } from '../metrics/SnapshotService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';

/** /snapshots: the daily metric snapshots' job and its progress. */
export function snapshotRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  snapshots: SnapshotService;
}): express.Router {
  const { guard, snapshots } = deps;
  const router = Router();

  router.get('/snapshots/status', async (req, res) => {
    await guard(req, aspmReadPermission);
    res.json(await snapshots.statusWithLastDay());
  });

  router.post('/snapshots/rebuild', async (req, res) => {
    await guard(req, aspmSnapshotsRebuildPermission);
    const query = parseInput(snapshotRebuildQuerySchema, req.query, 'query');
    res.status(202).json(snapshots.rebuild(query));
  });

  return router;
}

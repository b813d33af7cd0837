import express from 'express';
import Router from 'express-promise-router';
import {
  aspmReadPermission,
  operatingMetricsQuerySchema,
} from '@aspm/plugin-aspm-common';
import { OperatingMetricsService } from '../metrics/OperatingMetricsService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';

/** /metrics-operating: the weekly and monthly operating metrics of a scope. */
export function operatingRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  operatingMetrics: OperatingMetricsService;
}): express.Router {
  const { guard, operatingMetrics } = deps;
  const router = Router();

  router.get('/metrics-operating', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(operatingMetricsQuerySchema, req.query, 'query');
    res.json(await operatingMetrics.report(query));
  });

  return router;
}

import express from 'express';
import Router from 'express-promise-router';
import {
  actionsQuerySchema,
  aspmReadPermission,
  metricDetailQuerySchema,
  metricsQuerySchema,
  metricTrendQuerySchema,
} from '@aspm/plugin-aspm-common';
import { MetricsService } from '../metrics/MetricsService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';

/**
 * /metrics: the director metrics, one metric with its items, trends; and
 * /actions: the next days' work derived from the same state.
 */
export function metricRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  metrics: MetricsService;
}): express.Router {
  const { guard, metrics } = deps;
  const router = Router();

  router.get('/metrics', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(metricsQuerySchema, req.query, 'query');
    res.json(await metrics.report(query));
  });

  router.get('/metrics/:id', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(metricDetailQuerySchema, req.query, 'query');
    res.json(await metrics.detail(req.params.id, query));
  });

  router.get('/actions', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(actionsQuerySchema, req.query, 'query');
    res.json(await metrics.actions(query));
  });

  router.get('/metrics/:id/trend', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(metricTrendQuerySchema, req.query, 'query');
    res.json(await metrics.trend(req.params.id, query));
  });

  return router;
}

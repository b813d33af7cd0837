import express from 'express';
import Router from 'express-promise-router';
import {
  aspmReadPermission,
  aspmSignalsCreatePermission,
  deploymentInputSchema,
  deploymentsQuerySchema,
  incidentActionsInputSchema,
  incidentActionsQuerySchema,
  incidentPathSchema,
  reviewInputSchema,
  reviewsQuerySchema,
  scorecardsQuerySchema,
} from '@aspm/plugin-aspm-common';
import { ProgramSignalsService } from '../signals/ProgramSignalsService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';
import { actorOf } from './actorOf';

/**
 * Program signals: /reviews, /incidents/:id/actions and /incident-actions,
 * /deployments, /scorecards (Scorecard results themselves arrive through
 * POST /ingest). Thin: validate, authorize, delegate.
 */
export function signalRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  signals: ProgramSignalsService;
  json: express.RequestHandler;
}): express.Router {
  const { guard, signals, json } = deps;
  const router = Router();

  router.post('/reviews', json, async (req, res) => {
    const credentials = await guard(req, aspmSignalsCreatePermission);
    const body = parseInput(reviewInputSchema, req.body, 'body');
    const result = await signals.postReview(body, actorOf(credentials));
    res.status(result.created ? 201 : 200).json({
      ...result.value,
      created: result.created,
      changed: result.changed,
    });
  });

  router.get('/reviews', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(reviewsQuerySchema, req.query, 'query');
    res.json(await signals.listReviews(query));
  });

  router.post('/incidents/:id/actions', json, async (req, res) => {
    await guard(req, aspmSignalsCreatePermission);
    const { id } = parseInput(incidentPathSchema, req.params, 'path');
    const body = parseInput(incidentActionsInputSchema, req.body, 'body');
    const result = await signals.postIncidentActions(id, body);
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/incident-actions', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(incidentActionsQuerySchema, req.query, 'query');
    res.json(await signals.listIncidentActions(query));
  });

  router.post('/deployments', json, async (req, res) => {
    const credentials = await guard(req, aspmSignalsCreatePermission);
    const body = parseInput(deploymentInputSchema, req.body, 'body');
    const result = await signals.postDeployment(body, actorOf(credentials));
    res.status(result.created ? 201 : 200).json({
      ...result.value,
      created: result.created,
      changed: result.changed,
    });
  });

  router.get('/deployments', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(deploymentsQuerySchema, req.query, 'query');
    res.json(await signals.listDeployments(query));
  });

  router.get('/scorecards', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(scorecardsQuerySchema, req.query, 'query');
    res.json(await signals.listScorecards(query));
  });

  return router;
}

import express from 'express';
import Router from 'express-promise-router';
import {
  aspmReadPermission,
  entityScorecardQuerySchema,
  teamScorecardQuerySchema,
} from '@aspm/plugin-aspm-common';
import { ScorecardService } from '../scorecard/ScorecardService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';

/** /scorecard: the Security tab of an entity and the scorecard of a team. */
export function scorecardRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  scorecards: ScorecardService;
}): express.Router {
  const { guard, scorecards } = deps;
  const router = Router();

  router.get('/scorecard/entity', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(entityScorecardQuerySchema, req.query, 'query');
    res.json(await scorecards.entity(query));
  });

  router.get('/scorecard/team', async (req, res) => {
    await guard(req, aspmReadPermission);
    const query = parseInput(teamScorecardQuerySchema, req.query, 'query');
    res.json(await scorecards.team(query));
  });

  return router;
}

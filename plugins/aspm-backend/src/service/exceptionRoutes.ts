import express from 'express';
import Router from 'express-promise-router';
import {
  aspmExceptionApprovePermission,
  aspmExceptionCreatePermission,
  aspmReadPermission,
  exceptionApprovalSchema,
  exceptionIdSchema,
  exceptionNoteSchema,
  exceptionRequestSchema,
  exceptionsQuerySchema,
  exceptionSummaryQuerySchema,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { ExceptionService } from '../exceptions/ExceptionService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';
import { actorOf } from './actorOf';
import { findingsQueryFromParams } from './findingsQueryFromParams';

/** /exceptions: the register, the workflow, the policy. Thin, like the rest. */
export function exceptionRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  store: AspmStore;
  exceptions: ExceptionService;
  exceptionsStore: ExceptionsStore;
  json: express.RequestHandler;
}): express.Router {
  const { guard, exceptions, json } = deps;
  const router = Router();

  /** The caller as an actor, and whether they may decide exceptions. */
  const callerOf = async (credentials: Awaited<ReturnType<typeof guard>>) => ({
    actor: actorOf(credentials),
    canApprove: await guard.can(credentials, aspmExceptionApprovePermission),
  });

  router.get('/exceptions', async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const params = parseInput(exceptionsQuerySchema, req.query, 'query');
    const entityQuery = await findingsQueryFromParams(deps.store, {
      entityRef: params.entityRef,
      team: params.team,
      businessUnit: params.businessUnit,
      tier: params.tier,
      orderBy: 'severity',
      order: 'asc',
      limit: 1,
      offset: 0,
    });
    if (!entityQuery) {
      res.json({
        items: [],
        totalCount: 0,
        limit: params.limit,
        offset: params.offset,
      });
      return;
    }
    const page = await deps.exceptionsStore.list({
      entityRefs: entityQuery.entityRefs,
      status: params.status,
      category: params.category,
      source: params.source,
      minAgeDays: params.minAgeDays,
      noReviewDate: params.noReviewDate,
      noCompensatingControl: params.noCompensatingControl,
      expiringWithinDays: params.expiringWithinDays,
      orderBy: params.orderBy,
      order: params.order,
      limit: params.limit,
      offset: params.offset,
      now: new Date(),
    });
    const caller = await callerOf(credentials);
    res.json({
      ...page,
      items: page.items.map(e => ({
        ...e,
        allowedActions: exceptions.allowedActions(e, caller),
      })),
    });
  });

  router.get('/exceptions/policy', async (req, res) => {
    await guard(req, aspmReadPermission);
    res.json(exceptions.policy());
  });

  router.get('/exceptions/summary', async (req, res) => {
    await guard(req, aspmReadPermission);
    const params = parseInput(exceptionSummaryQuerySchema, req.query, 'query');
    res.json(
      await deps.exceptionsStore.categorySummary(
        params.status?.length ? params.status : ['requested', 'approved'],
      ),
    );
  });

  router.get('/exceptions/:id', async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const { id } = parseInput(exceptionIdSchema, req.params, 'path');
    res.json(await exceptions.details(id, await callerOf(credentials)));
  });

  router.post('/exceptions', json, async (req, res) => {
    const credentials = await guard(req, aspmExceptionCreatePermission);
    const body = parseInput(exceptionRequestSchema, req.body, 'body');
    res
      .status(201)
      .json(await exceptions.request(body, await callerOf(credentials)));
  });

  router.post('/exceptions/:id/approve', json, async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const { id } = parseInput(exceptionIdSchema, req.params, 'path');
    const body = parseInput(exceptionApprovalSchema, req.body, 'body');
    res.json(await exceptions.approve(id, body, await callerOf(credentials)));
  });

  router.post('/exceptions/:id/renew', json, async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const { id } = parseInput(exceptionIdSchema, req.params, 'path');
    const body = parseInput(exceptionApprovalSchema, req.body, 'body');
    res.json(await exceptions.renew(id, body, await callerOf(credentials)));
  });

  router.post('/exceptions/:id/reject', json, async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const { id } = parseInput(exceptionIdSchema, req.params, 'path');
    const { note } = parseInput(exceptionNoteSchema, req.body, 'body');
    res.json(await exceptions.reject(id, note, await callerOf(credentials)));
  });

  router.post('/exceptions/:id/revoke', json, async (req, res) => {
    const credentials = await guard(req, aspmReadPermission);
    const { id } = parseInput(exceptionIdSchema, req.params, 'path');
    const { note } = parseInput(exceptionNoteSchema, req.body, 'body');
    res.json(await exceptions.revoke(id, note, await callerOf(credentials)));
  });

  return router;
}

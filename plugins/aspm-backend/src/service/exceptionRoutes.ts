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
import {
  ExceptionCaller,
  ExceptionService,
} from '../exceptions/ExceptionService';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';
import { actorOf } from './actorOf';
import { listExceptionsPage } from './listExceptionsPage';

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
    res.json(
      await listExceptionsPage(deps, params, await callerOf(credentials)),
    );
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

  // The four decisions: same shape, each with its body schema.
  const decisions = {
    approve: (id: number, body: unknown, caller: ExceptionCaller) =>
      exceptions.approve(
        id,
        parseInput(exceptionApprovalSchema, body, 'body'),
        caller,
      ),
    renew: (id: number, body: unknown, caller: ExceptionCaller) =>
      exceptions.renew(
        id,
        parseInput(exceptionApprovalSchema, body, 'body'),
        caller,
      ),
    reject: (id: number, body: unknown, caller: ExceptionCaller) =>
      exceptions.reject(
        id,
        parseInput(exceptionNoteSchema, body, 'body').note,
        caller,
      ),
    revoke: (id: number, body: unknown, caller: ExceptionCaller) =>
      exceptions.revoke(
        id,
        parseInput(exceptionNoteSchema, body, 'body').note,
        caller,
      ),
  };
  for (const [action, decide] of Object.entries(decisions)) {
    router.post(`/exceptions/:id/${action}`, json, async (req, res) => {
      // Who may decide is the service's business (permission and
      // separation of duties); reading is the floor.
      const credentials = await guard(req, aspmReadPermission);
      const { id } = parseInput(exceptionIdSchema, req.params, 'path');
      res.json(await decide(id, req.body, await callerOf(credentials)));
    });
  }

  return router;
}

import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import {
  aspmPackEditPermission,
  aspmPackReadPermission,
  packAudiencePathSchema,
  packNarrativeBodySchema,
  packNarrativeQuerySchema,
  packQuerySchema,
  packRefreshQuerySchema,
  strategicAskIdSchema,
  strategicAskInputSchema,
  strategicAsksQuerySchema,
  strategicAskUpdateSchema,
} from '@aspm/plugin-aspm-common';
import { packCsv } from '../packs/exports/packCsv';
import { packMarkdown } from '../packs/exports/packMarkdown';
import { PackService } from '../packs/PackService';
import { actorOf } from './actorOf';
import { createPermissionGuard } from './createPermissionGuard';
import { parseInput } from './parseInput';

/** `payments-bu` of `businessUnit:group:default/payments-bu`, for file names. */
const scopeSlug = (scope: string) =>
  scope === 'org'
    ? 'org'
    : scope.replace(/^.*\//, '').replace(/[^a-z0-9-]/gi, '-');

/**
 * /packs: director packs (A leadership, B managers, C board) as JSON,
 * Markdown or CSV; their narratives and the strategic asks. Reading needs
 * aspm.pack.read, editing aspm.pack.edit.
 */
export function packRoutes(deps: {
  guard: ReturnType<typeof createPermissionGuard>;
  packs: PackService;
  json: express.RequestHandler;
}): express.Router {
  const { guard, packs, json } = deps;
  const router = Router();

  router.get('/packs/asks', async (req, res) => {
    await guard(req, aspmPackReadPermission);
    const query = parseInput(strategicAsksQuerySchema, req.query, 'query');
    res.json({ items: await packs.listAsks(query) });
  });

  router.post('/packs/asks', json, async (req, res) => {
    const credentials = await guard(req, aspmPackEditPermission);
    const body = parseInput(strategicAskInputSchema, req.body, 'body');
    res.status(201).json(await packs.createAsk(body, actorOf(credentials)));
  });

  router.patch('/packs/asks/:id', json, async (req, res) => {
    const credentials = await guard(req, aspmPackEditPermission);
    const { id } = parseInput(strategicAskIdSchema, req.params, 'path');
    const body = parseInput(strategicAskUpdateSchema, req.body, 'body');
    res.json(await packs.updateAsk(id, body, actorOf(credentials)));
  });

  router.post('/packs/refresh', async (req, res) => {
    await guard(req, aspmPackEditPermission);
    const { period } = parseInput(packRefreshQuerySchema, req.query, 'query');
    res.json(await packs.refresh(period));
  });

  router.get('/packs/:audience', async (req, res) => {
    const credentials = await guard(req, aspmPackReadPermission);
    const { audience } = parseInput(packAudiencePathSchema, req.params, 'path');
    const query = parseInput(packQuerySchema, req.query, 'query');
    if (query.table && query.format !== 'csv') {
      throw new InputError(`Invalid query: 'table': goes with format=csv only`);
    }
    const canEdit = await guard.can(credentials, aspmPackEditPermission);
    const pack = await packs.pack(
      { audience, scope: query.scope, period: query.period },
      { canEdit },
    );
    const name = `aspm-pack-${audience}-${scopeSlug(pack.scope)}-${
      pack.period.id
    }`;
    // The portal (another origin) reads the file name.
    if (query.format !== 'json') {
      res.append('Access-Control-Expose-Headers', 'Content-Disposition');
    }
    if (query.format === 'md') {
      res
        .type('text/markdown; charset=utf-8')
        .attachment(`${name}.md`)
        .send(packMarkdown(pack));
      return;
    }
    if (query.format === 'csv') {
      const table = query.table ?? 'scorecard';
      const csv = packCsv(pack, table);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${name}-${table}.csv`)
        .send(csv);
      return;
    }
    res.json(pack);
  });

  router.get('/packs/:audience/narrative', async (req, res) => {
    await guard(req, aspmPackReadPermission);
    const { audience } = parseInput(packAudiencePathSchema, req.params, 'path');
    const query = parseInput(packNarrativeQuerySchema, req.query, 'query');
    res.json({ items: await packs.narrativeRevisions({ audience, ...query }) });
  });

  router.put('/packs/:audience/narrative', json, async (req, res) => {
    const credentials = await guard(req, aspmPackEditPermission);
    const { audience } = parseInput(packAudiencePathSchema, req.params, 'path');
    const query = parseInput(packNarrativeQuerySchema, req.query, 'query');
    const body = parseInput(packNarrativeBodySchema, req.body, 'body');
    res.json(
      await packs.saveNarrative(
        { audience, ...query },
        body,
        actorOf(credentials),
      ),
    );
  });

  return router;
}

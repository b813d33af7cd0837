import { z } from 'zod';
import { asOfSchema, entityRefSchema } from './schemas';
import {
  INCIDENT_SEVERITIES,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
} from './programSignals';

/** An ISO 8601 time (or a date, meaning its start, UTC). */
const time = asOfSchema;
const ms = (s?: string) => (s === undefined ? undefined : Date.parse(s));

/** Time `later` must not be before `earlier` (when both are given). */
function notBefore(
  ctx: z.RefinementCtx,
  later: string | undefined,
  earlier: string | undefined,
  path: string,
  message: string,
) {
  if (later === undefined || earlier === undefined) return;
  if (ms(later)! < ms(earlier)!) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
}

/** An id of another tool (tracker, CI): printable, no spaces. */
const externalIdSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:#/-]{0,199}$/,
    'must be the id in the other tool: letters, digits and . _ : # / - (at most 200)',
  );
const sourceSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,59}$/,
    'must be a lower-case tool name like jira or servicenow',
  );
const linkSchema = z.url({ message: 'must be a URL' }).max(2000);
const titleSchema = z.string().trim().min(1, 'must not be empty').max(500);

/**
 * Body of POST /reviews: a design review, threat model or pentest of an
 * entity. `source` + `externalId` name it; reposting them updates it
 * (default id: `<kind>:<requestedAt>`, so a replayed post is a no-op).
 * @public
 */
export const reviewInputSchema = z
  .strictObject({
    entityRef: entityRefSchema,
    kind: z.enum(REVIEW_KINDS, {
      message: `must be one of ${REVIEW_KINDS.join(', ')}`,
    }),
    source: sourceSchema.default('manual'),
    externalId: externalIdSchema.optional(),
    title: titleSchema.optional(),
    requestedAt: time,
    firstResponseAt: time.optional(),
    completedAt: time.optional(),
    outcome: z
      .enum(REVIEW_OUTCOMES, {
        message: `must be one of ${REVIEW_OUTCOMES.join(', ')}`,
      })
      .optional(),
    link: linkSchema.optional(),
  })
  .superRefine((v, ctx) => {
    notBefore(
      ctx,
      v.firstResponseAt,
      v.requestedAt,
      'firstResponseAt',
      'must not be before requestedAt',
    );
    notBefore(
      ctx,
      v.completedAt,
      v.requestedAt,
      'completedAt',
      'must not be before requestedAt',
    );
    notBefore(
      ctx,
      v.completedAt,
      v.firstResponseAt,
      'completedAt',
      'must not be before firstResponseAt',
    );
    if (v.outcome && !v.completedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'an outcome needs the time the review was completed',
      });
    }
  });
/** @public */
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** Path of /incidents/:id/actions: the incident tracker's id. @public */
export const incidentPathSchema = z.strictObject({
  id: externalIdSchema.refine(s => !s.includes('/'), 'must not contain /'),
});

/** One follow-up action in POST /incidents/:id/actions. @public */
export const incidentActionInputSchema = z
  .strictObject({
    id: externalIdSchema,
    title: titleSchema,
    ownerEntityRef: entityRefSchema,
    createdAt: time.optional(),
    dueAt: time.optional(),
    closedAt: time.optional(),
  })
  .superRefine((v, ctx) => {
    notBefore(
      ctx,
      v.closedAt,
      v.createdAt,
      'closedAt',
      'must not be before createdAt',
    );
    notBefore(
      ctx,
      v.dueAt,
      v.createdAt,
      'dueAt',
      'must not be before createdAt',
    );
  });

/**
 * Body of POST /incidents/:id/actions: the incident and its follow-up
 * actions (all of them or some; actions not listed are kept). @public
 */
export const incidentActionsInputSchema = z
  .strictObject({
    incident: z.strictObject({
      title: titleSchema.optional(),
      severity: z.enum(INCIDENT_SEVERITIES, {
        message: `must be one of ${INCIDENT_SEVERITIES.join(', ')}`,
      }),
      securityRelated: z.boolean({ message: 'must be true or false' }),
      openedAt: time.optional(),
      link: linkSchema.optional(),
    }),
    actions: z
      .array(incidentActionInputSchema)
      .min(1, 'list at least one action')
      .max(500, 'at most 500 actions a post'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.actions.forEach((a, i) => {
      if (seen.has(a.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'id'],
          message: `action ${a.id} is listed twice`,
        });
      }
      seen.add(a.id);
    });
  });
/** @public */
export type IncidentActionsInput = z.infer<typeof incidentActionsInputSchema>;

/**
 * Body of POST /deployments: a deploy of a version to an environment, and
 * later what became of it (failed, restored). `source` + `externalId` name
 * it (default id: `<environment>:<version>:<deployedAt>`); reposting them
 * updates it. @public
 */
export const deploymentInputSchema = z
  .strictObject({
    entityRef: entityRefSchema,
    environment: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,39}$/,
        'must be a lower-case name like production or staging',
      ),
    version: z.string().trim().min(1, 'name the version').max(200),
    deployedAt: time,
    firstCommitAt: time.optional(),
    failedAt: time.optional(),
    causedByControlGap: z
      .boolean({ message: 'must be true or false' })
      .optional(),
    restoredAt: time.optional(),
    source: sourceSchema.default('ci'),
    externalId: externalIdSchema.optional(),
  })
  .superRefine((v, ctx) => {
    notBefore(
      ctx,
      v.deployedAt,
      v.firstCommitAt,
      'firstCommitAt',
      'must not be after deployedAt',
    );
    notBefore(
      ctx,
      v.failedAt,
      v.deployedAt,
      'failedAt',
      'must not be before deployedAt',
    );
    notBefore(
      ctx,
      v.restoredAt,
      v.failedAt,
      'restoredAt',
      'must not be before failedAt',
    );
    if (v.restoredAt && !v.failedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['restoredAt'],
        message: 'a restore needs the failure it ended (failedAt)',
      });
    }
    if (v.causedByControlGap !== undefined && !v.failedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['causedByControlGap'],
        message: 'only a failed deploy (failedAt) has a cause',
      });
    }
  });
/** @public */
export type DeploymentInput = z.infer<typeof deploymentInputSchema>;

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(100));
const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);
const boolParam = z
  .enum(['true', 'false'], { message: "must be 'true' or 'false'" })
  .transform(v => v === 'true');
const paging = {
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
};

/** Query of GET /reviews. @public */
export const reviewsQuerySchema = z.strictObject({
  entityRef: list(entityRefSchema).optional(),
  kind: list(z.enum(REVIEW_KINDS)).optional(),
  /** Only reviews still waiting for a first response. */
  waiting: boolParam.optional(),
  ...paging,
});
/** @public */
export type ReviewsQuery = z.infer<typeof reviewsQuerySchema>;

/** Query of GET /incident-actions. @public */
export const incidentActionsQuerySchema = z.strictObject({
  ownerEntityRef: list(entityRefSchema).optional(),
  incidentId: list(externalIdSchema).optional(),
  open: boolParam.optional(),
  ...paging,
});
/** @public */
export type IncidentActionsQuery = z.infer<typeof incidentActionsQuerySchema>;

/** Query of GET /deployments. @public */
export const deploymentsQuerySchema = z.strictObject({
  entityRef: list(entityRefSchema).optional(),
  environment: list(z.string().max(40)).optional(),
  failed: boolParam.optional(),
  from: time.optional(),
  to: time.optional(),
  ...paging,
});
/** @public */
export type DeploymentsQuery = z.infer<typeof deploymentsQuerySchema>;

/** Query of GET /scorecards: an entity's Scorecard runs, newest first. @public */
export const scorecardsQuerySchema = z.strictObject({
  entityRef: list(entityRefSchema).optional(),
  ...paging,
});
/** @public */
export type ScorecardsQuery = z.infer<typeof scorecardsQuerySchema>;

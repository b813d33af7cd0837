import { z } from 'zod';
import { METRIC_SETS } from './metricIds';
import { EXPOSURES, TIERS } from './annotations';
import { OWNER_RESOLUTIONS } from './types';
import { FINDING_CATEGORIES, FINDING_STATES, SEVERITIES } from './findings';
import {
  EXCEPTION_SCOPE_TYPES,
  EXCEPTION_SOURCES,
  EXCEPTION_STATUSES,
} from './exceptions';
import {
  EVIDENCE_KINDS,
  GATE_OUTCOMES,
  GATE_TYPES,
  RELEASE_OUTCOMES,
} from './releases';

/** Entity kinds the catalog sync reads. @public */
export const SYNCED_KINDS = [
  'Component',
  'System',
  'Domain',
  'API',
  'Resource',
  'Group',
  'User',
] as const;

/**
 * A query parameter that may be given once, several times, or as a
 * comma-separated list (`?tier=1,2` or `?tier=1&tier=2`).
 */
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

/** A calendar date (YYYY-MM-DD) or full ISO 8601 timestamp. @public */
export const asOfSchema = z
  .string()
  .refine(
    s =>
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    'must be a date like 2026-10-31 or an ISO 8601 timestamp',
  );

/** An entity ref such as `component:default/payments-api`. @public */
export const entityRefSchema = z
  .string()
  .max(300)
  .regex(
    /^[a-zA-Z][a-zA-Z0-9-]*:([a-zA-Z0-9._-]+\/)?[a-zA-Z0-9._-]+$/,
    'must be an entity ref like component:default/my-service',
  );

const tierFilter = z.enum([...TIERS, 'untiered']);
const exposureFilter = z.enum([...EXPOSURES, 'unknown']);

/** Query of GET /entities. @public */
export const entitiesQuerySchema = z.strictObject({
  kind: list(z.string().max(50)).optional(),
  owner: list(entityRefSchema.or(z.string().max(200))).optional(),
  team: list(z.string().max(200)).optional(),
  businessUnit: list(z.string().max(200)).optional(),
  tier: list(tierFilter).optional(),
  exposure: list(exposureFilter).optional(),
  ownerResolution: list(
    z.enum(OWNER_RESOLUTIONS as [string, ...string[]]),
  ).optional(),
  q: z.string().max(200).optional(),
  repository: z.string().max(300).optional(),
  includeGone: z.enum(['true', 'false']).optional(),
  orderBy: z
    .enum([
      'entityRef',
      'name',
      'kind',
      'tier',
      'ownerResolution',
      'businessUnit',
      'owningTeam',
      'lastSyncedAt',
    ])
    .default('entityRef'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});
/** @public */
export type EntitiesQuery = z.infer<typeof entitiesQuerySchema>;

/** Path of GET /entities/:kind/:namespace/:name. @public */
export const entityPathSchema = z.strictObject({
  kind: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'must be an entity kind'),
  namespace: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-zA-Z0-9._-]+$/, 'must be a namespace'),
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-zA-Z0-9._-]+$/, 'must be an entity name'),
});

/** Query of GET /ownership. @public */
export const ownershipQuerySchema = z.strictObject({
  groupBy: z.enum(['businessUnit', 'team', 'tier']).optional(),
  asOf: asOfSchema.optional(),
  kind: list(z.string().max(50)).optional(),
  businessUnit: list(z.string().max(200)).optional(),
  team: list(z.string().max(200)).optional(),
  tier: list(tierFilter).optional(),
  offendersLimit: intParam(0, 1000, 100),
});
/** @public */
export type OwnershipQuery = z.infer<typeof ownershipQuerySchema>;

/** Body of POST /catalog-sync (empty, or `{}`). @public */
export const catalogSyncBodySchema = z.strictObject({}).optional();

/** Query of POST /ingest. @public */
export const ingestQuerySchema = z
  .strictObject({
    entityRef: entityRefSchema.optional(),
    repository: z
      .string()
      .max(300)
      .regex(/^[\w.-]+\/[\w.-]+$/, 'must be a repository like org/repo')
      .optional(),
    observedAt: z
      .string()
      .refine(
        s => !Number.isNaN(Date.parse(s)),
        'must be an ISO 8601 timestamp',
      )
      .optional(),
  })
  .refine(q => Boolean(q.entityRef) !== Boolean(q.repository), {
    message: 'give exactly one of entityRef or repository',
    path: ['entityRef'],
  });
/** @public */
export type IngestQuery = z.infer<typeof ingestQuerySchema>;

/** A `/:id` path of a numbered record. */
const numericIdPath = (message: string) =>
  z.strictObject({
    id: z
      .string()
      .regex(/^\d{1,15}$/, message)
      .transform(Number),
  });

/**
 * The entity filters list endpoints share: entity refs, or the entities of
 * teams, business units and tiers (`untiered` for entities without one).
 */
/** A list of at most 100 numeric ids (`id=3,12`). */
const idList = (message: string) =>
  list(z.string().regex(/^\d{1,15}$/, message)).transform(ids =>
    ids.map(Number),
  );

const entityFilters = {
  entityRef: list(entityRefSchema).optional(),
  team: list(z.string().max(200)).optional(),
  businessUnit: list(z.string().max(200)).optional(),
  tier: list(tierFilter).optional(),
};

/** Query of GET /findings. @public */
export const findingsQuerySchema = z.strictObject({
  ...entityFilters,
  /** These findings only (at most 100 ids), e.g. the ones behind a scorecard's number. */
  id: idList('must be a finding id (a number)').optional(),
  severity: list(z.enum(SEVERITIES)).optional(),
  state: list(z.enum(FINDING_STATES)).optional(),
  category: list(z.enum(FINDING_CATEGORIES)).optional(),
  tool: list(z.string().max(200)).optional(),
  minAgeDays: intParam(0, 100_000, 0).optional(),
  orderBy: z
    .enum(['severity', 'firstSeenAt', 'lastSeenAt', 'title', 'tool'])
    .default('severity'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});
/** @public */
export type FindingsQueryParams = z.infer<typeof findingsQuerySchema>;

/** Path of GET /findings/:id. @public */
export const findingIdSchema = numericIdPath('must be a finding id (a number)');

/** Query of GET /ingestions. @public */
export const ingestionsQuerySchema = z.strictObject({
  entityRef: entityRefSchema.optional(),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});

/** Path of POST /sources/:id/run. @public */
export const sourceIdSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a source id like github'),
});

const dateInput = asOfSchema;
const boolParam = z
  .enum(['true', 'false'], { message: "must be 'true' or 'false'" })
  .transform(v => v === 'true');

/** The scope of a new exception. @public */
export const exceptionScopeSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('findings'),
      findingIds: z
        .array(z.number().int().positive())
        .min(1, 'list at least one finding id')
        .max(500),
    }),
    z.strictObject({
      type: z.literal('rule'),
      rule: z.string().trim().min(1, 'name the rule id, CVE or GHSA').max(300),
    }),
    z.strictObject({
      type: z.literal('category'),
      category: z.enum(FINDING_CATEGORIES),
    }),
    z.strictObject({ type: z.literal('entity') }),
  ],
  {
    error: issue =>
      issue.code === 'invalid_union'
        ? `scope.type must be one of ${EXCEPTION_SCOPE_TYPES.join(', ')}`
        : undefined,
  },
);

const compensatingControlSchema = z.strictObject({
  text: z.string().trim().min(1, 'describe the control').max(2000),
  link: z.url({ message: 'must be a URL' }).max(2000).optional(),
});

const inOrder = (
  v: { expiresAt?: string; reviewAt?: string },
  ctx: z.RefinementCtx,
) => {
  if (
    v.expiresAt &&
    v.reviewAt &&
    Date.parse(v.reviewAt) > Date.parse(v.expiresAt)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewAt'],
      message: 'must not be after expiresAt',
    });
  }
};

/** Body of POST /exceptions. @public */
export const exceptionRequestSchema = z
  .strictObject({
    entityRef: entityRefSchema,
    scope: exceptionScopeSchema,
    reason: z
      .string()
      .trim()
      .min(10, 'say why, in at least 10 characters')
      .max(4000),
    category: z.string().trim().min(1).max(60),
    /** The expiry the requester asks for; the approver sets the real one. */
    expiresAt: dateInput.optional(),
    reviewAt: dateInput.optional(),
    compensatingControl: compensatingControlSchema.optional(),
  })
  .superRefine(inOrder);
/** @public */
export type ExceptionRequest = z.infer<typeof exceptionRequestSchema>;

/** Body of POST /exceptions/:id/approve and /renew. @public */
export const exceptionApprovalSchema = z
  .strictObject({
    expiresAt: dateInput,
    reviewAt: dateInput.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine(inOrder);
/** @public */
export type ExceptionApproval = z.infer<typeof exceptionApprovalSchema>;

/** Body of POST /exceptions/:id/reject and /revoke: a note is required. @public */
export const exceptionNoteSchema = z.strictObject({
  note: z.string().trim().min(1, 'say why').max(2000),
});

/** Path of /exceptions/:id. @public */
export const exceptionIdSchema = numericIdPath(
  'must be an exception id (a number)',
);

/** Query of GET /exceptions. @public */
export const exceptionsQuerySchema = z.strictObject({
  ...entityFilters,
  /** These exceptions only (at most 100 ids), e.g. the ones behind a scorecard's number. */
  id: idList('must be an exception id (a number)').optional(),
  status: list(z.enum(EXCEPTION_STATUSES)).optional(),
  category: list(z.string().max(60)).optional(),
  source: list(z.enum(EXCEPTION_SOURCES)).optional(),
  /** Requested at least this many days ago. */
  minAgeDays: z
    .enum(['30', '90', '180'], { message: 'must be 30, 90 or 180' })
    .transform(Number)
    .optional(),
  noReviewDate: boolParam.optional(),
  noCompensatingControl: boolParam.optional(),
  /** Approved and expiring within this many days (already expired ones are not included). */
  expiringWithinDays: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days')
    .transform(Number)
    .pipe(z.number().int().min(0).max(3650))
    .optional(),
  orderBy: z
    .enum(['requestedAt', 'expiresAt', 'status', 'entityRef'])
    .default('requestedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});
/** @public */
export type ExceptionsQueryParams = z.infer<typeof exceptionsQuerySchema>;

/** Query of GET /exceptions/summary. @public */
export const exceptionSummaryQuerySchema = z.strictObject({
  status: list(z.enum(EXCEPTION_STATUSES)).optional(),
});

const isoTime = asOfSchema;

/** `sha256:<hex>` (or sha384 / sha512 / sha1), the hex length matching. @public */
export const artifactDigestSchema = z
  .string()
  .max(200)
  .transform(s => s.trim().toLocaleLowerCase('en-US'))
  .refine(s => {
    const m = /^(sha1|sha256|sha384|sha512):([0-9a-f]+)$/.exec(s);
    if (!m) return false;
    const hexLength: Record<string, number> = {
      sha1: 40,
      sha256: 64,
      sha384: 96,
      sha512: 128,
    };
    return m[2].length === hexLength[m[1]];
  }, 'must be a digest like sha256:<64 hex digits> (sha1, sha256, sha384 or sha512)');

/** One gate result in POST /releases. @public */
export const releaseGateSchema = z.strictObject({
  type: z.enum(GATE_TYPES, {
    message: `must be one of ${GATE_TYPES.join(', ')}`,
  }),
  outcome: z.enum(GATE_OUTCOMES, {
    message: `must be one of ${GATE_OUTCOMES.join(', ')}`,
  }),
  attempt: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more (1 is the first run)')
    .max(100),
  reason: z.string().trim().max(2000).optional(),
  at: isoTime.optional(),
});

/**
 * One evidence item in POST /releases: the document itself (JSON, or text
 * for a `.intoto.jsonl`), or, when too big, its digest and a link. @public
 */
export const releaseEvidenceInputSchema = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS, {
      message: `must be one of ${EVIDENCE_KINDS.join(', ')}`,
    }),
    document: z
      .union([z.record(z.string(), z.unknown()), z.string()])
      .optional(),
    digest: artifactDigestSchema.optional(),
    uri: z.url({ message: 'must be a URL' }).max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.document === undefined && !v.uri) {
      ctx.addIssue({
        code: 'custom',
        path: ['document'],
        message: 'attach the document, or give its digest and uri',
      });
    }
    if (
      v.document === undefined &&
      v.uri &&
      !v.digest &&
      v.kind !== 'scanResults'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['digest'],
        message: 'a linked document needs its digest',
      });
    }
  });

/** Body of POST /releases. @public */
export const releaseInputSchema = z
  .strictObject({
    entityRef: entityRefSchema,
    version: z.string().trim().min(1, 'name the version').max(200),
    environment: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,39}$/,
        'must be a lower-case name like production or staging',
      ),
    artifactDigest: artifactDigestSchema.optional(),
    releasedAt: isoTime,
    pipelineUrl: z.url({ message: 'must be a URL' }).max(2000).optional(),
    approvedBy: z.string().trim().min(1).max(300).optional(),
    gates: z.array(releaseGateSchema).max(200).default([]),
    evidence: z.array(releaseEvidenceInputSchema).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.gates.forEach((g, i) => {
      const key = `${g.type}#${g.attempt}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['gates', i],
          message: `${g.type} attempt ${g.attempt} is listed twice`,
        });
      }
      seen.add(key);
    });
  });
/** @public */
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

/** Path of /releases/:id. @public */
export const releaseIdSchema = numericIdPath('must be a release id (a number)');

/** Query of GET /releases. @public */
export const releasesQuerySchema = z.strictObject({
  ...entityFilters,
  environment: list(z.string().max(40)).optional(),
  /** Released at or after this time. */
  from: isoTime.optional(),
  /** Released before this time. */
  to: isoTime.optional(),
  firstPass: boolParam.optional(),
  evidenceComplete: boolParam.optional(),
  outcome: list(z.enum(RELEASE_OUTCOMES)).optional(),
  orderBy: z.enum(['releasedAt', 'entityRef', 'version']).default('releasedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});
/** @public */
export type ReleasesQueryParams = z.infer<typeof releasesQuerySchema>;

/** Query of GET /releases/gate-trend: weekly gate outcomes. @public */
export const gateTrendQuerySchema = z.strictObject({
  ...entityFilters,
  environment: list(z.string().max(40)).optional(),
  weeks: intParam(1, 104, 26),
});

/** Body of POST /findings/:id/rotation. @public */
export const secretRotationSchema = z.strictObject({
  /** When the secret was rotated; default now. */
  rotatedAt: isoTime.optional(),
  note: z.string().trim().max(2000).optional(),
});

/** Query of GET /secrets. @public */
export const secretsQuerySchema = z.strictObject({
  ...entityFilters,
  status: list(
    z.enum(['pending', 'overdue', 'rotated-on-time', 'rotated-late', 'closed']),
  ).optional(),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 10_000_000, 0),
});

const scopeParam = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .describe('org, businessUnit:<group>, or an entity ref');
const periodParam = z
  .string()
  .regex(
    /^\d{4}-(\d{2}|Q[1-4]|W\d{2})$/,
    'must be a month (2026-10), a quarter (2026-Q3) or an ISO week (2026-W42)',
  );

/** Query of GET /metrics. @public */
export const metricsQuerySchema = z.strictObject({
  scope: scopeParam.optional(),
  set: z
    .enum(METRIC_SETS, {
      message: `must be one of ${METRIC_SETS.join(', ')}`,
    })
    .default('director'),
  asOf: asOfSchema.optional(),
  period: periodParam.optional(),
  from: asOfSchema.optional(),
  to: asOfSchema.optional(),
});
/** @public */
export type MetricsQueryParams = z.infer<typeof metricsQuerySchema>;

/** Query of GET /metrics/:id: the report's, plus a page of items. @public */
export const metricDetailQuerySchema = metricsQuerySchema.omit({ set: true }).extend({
  limit: intParam(1, 1000, 100),
  offset: intParam(0, 10_000_000, 0),
});

/** Query of GET /metrics/:id/trend. @public */
export const metricTrendQuerySchema = z.strictObject({
  scope: scopeParam.optional(),
  from: asOfSchema,
  to: asOfSchema,
  interval: z.enum(['week', 'month']).default('month'),
  source: z
    .enum(['auto', 'computed'], {
      message:
        "must be 'auto' (snapshots where taken) or 'computed' (from events)",
    })
    .default('auto'),
});

const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine(
    v => {
      const t = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
    },
    { message: 'must be a real date' },
  );

/** Query of POST /snapshots/rebuild. @public */
export const snapshotRebuildQuerySchema = z.strictObject({
  from: dayParam,
  to: dayParam.optional(),
});

/** Query of GET /actions: the next days' work of a scope. @public */
export const actionsQuerySchema = z.strictObject({
  scope: scopeParam.optional(),
  withinDays: intParam(1, 90, 30),
});

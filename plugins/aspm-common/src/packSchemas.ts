import { z } from 'zod';
import { DIRECTOR_METRIC_IDS } from './metricIds';
import {
  PACK_AUDIENCES,
  PACK_LETTERS,
  PackAudience,
  STRATEGIC_ASK_KINDS,
} from './packs';

/**
 * A pack period: `2026-W42` (ISO week), `2026-11` (month), `2026-Q3`
 * (quarter), `2026-H2` (half-year). @public
 */
export const packPeriodSchema = z
  .string()
  .trim()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12]|W(0[1-9]|[1-4]\d|5[0-3]))$/,
    'must be a week (2026-W42), a month (2026-11), a quarter (2026-Q3) or a half-year (2026-H2)',
  );

/** A pack scope: `org` or `businessUnit:<group ref>`. @public */
export const packScopeSchema = z
  .string()
  .trim()
  .max(400)
  .regex(
    /^(org|businessUnit:(group:)?([a-zA-Z0-9._-]+\/)?[a-zA-Z0-9._-]+)$/,
    'must be org or businessUnit:<group>, e.g. businessUnit:group:default/payments-bu',
  );

/** Path of /packs/:audience: an audience, or its pack letter. @public */
export const packAudiencePathSchema = z.strictObject({
  audience: z
    .string()
    .transform(s => s.toLocaleLowerCase('en-US'))
    .pipe(
      z.enum([...PACK_AUDIENCES, ...Object.keys(PACK_LETTERS)], {
        message: `must be one of ${PACK_AUDIENCES.join(', ')} (or a, b, c)`,
      }),
    )
    .transform(s => (PACK_LETTERS[s] ?? s) as PackAudience),
});

/** Query of GET /packs/:audience. @public */
export const packQuerySchema = z.strictObject({
  scope: packScopeSchema.default('org'),
  /** Default: the last full month. */
  period: packPeriodSchema.optional(),
  format: z
    .enum(['json', 'md', 'csv'], {
      message: "must be 'json', 'md' (Markdown) or 'csv'",
    })
    .default('json'),
  /** CSV only: which table (default the metric scorecard). */
  table: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/, 'must be a table id such as scorecard')
    .optional(),
});
/** @public */
export type PackQueryParams = z.infer<typeof packQuerySchema>;

/** Query of the narrative routes: which pack's narrative. @public */
export const packNarrativeQuerySchema = z.strictObject({
  scope: packScopeSchema.default('org'),
  period: packPeriodSchema,
});

const metricIdList = z
  .array(
    z.enum(DIRECTOR_METRIC_IDS, {
      message: `must be a metric id: ${DIRECTOR_METRIC_IDS.join(', ')}`,
    }),
  )
  .max(DIRECTOR_METRIC_IDS.length)
  .transform(ids => [...new Set(ids)]);

const text = (max: number) => z.string().trim().max(max);

/** Body of PUT /packs/:audience/narrative: the edited narrative. @public */
export const packNarrativeBodySchema = z.strictObject({
  headline: text(500).optional(),
  items: z
    .array(
      z.strictObject({
        whatChanged: text(1000).min(1, 'must say what changed'),
        why: text(2000).default(''),
        decision: text(1000).optional(),
        metricIds: metricIdList.default([]),
        tone: z
          .enum(['improving', 'flat', 'worsening', 'counting', 'no-data'])
          .optional(),
      }),
    )
    .max(20, 'at most 20 items: a summary is one screen'),
});
/** @public */
export type PackNarrativeBody = z.infer<typeof packNarrativeBodySchema>;
/** What a client sends to PUT /packs/:audience/narrative (defaults optional). @public */
export type PackNarrativeRequest = z.input<typeof packNarrativeBodySchema>;

/** Body of POST /packs/asks. @public */
export const strategicAskInputSchema = z.strictObject({
  scope: packScopeSchema.default('org'),
  kind: z.enum(STRATEGIC_ASK_KINDS, {
    message: `must be one of ${STRATEGIC_ASK_KINDS.join(', ')}`,
  }),
  title: text(200).min(1, 'must not be empty'),
  detail: text(4000).optional(),
  metricIds: metricIdList.default([]),
  /** The period it is raised in (default: the last full month). */
  raisedIn: packPeriodSchema.optional(),
});
/** @public */
export type StrategicAskInput = z.infer<typeof strategicAskInputSchema>;
/** What a client sends to POST /packs/asks (defaults optional). @public */
export type StrategicAskRequest = z.input<typeof strategicAskInputSchema>;

/** Body of PATCH /packs/asks/:id: what changes; closing needs the period. @public */
export const strategicAskUpdateSchema = z
  .strictObject({
    kind: z.enum(STRATEGIC_ASK_KINDS).optional(),
    title: text(200).min(1, 'must not be empty').optional(),
    detail: text(4000).optional(),
    metricIds: metricIdList.optional(),
    status: z.enum(['open', 'closed']).optional(),
    closedIn: packPeriodSchema.optional(),
    resolution: text(2000).optional(),
  })
  .refine(v => Object.keys(v).length > 0, 'nothing to change')
  .refine(
    v => v.status !== 'closed' || v.closedIn !== undefined,
    "closing an ask needs 'closedIn', the period it was closed in",
  );
/** @public */
export type StrategicAskUpdate = z.infer<typeof strategicAskUpdateSchema>;

/** Path of /packs/asks/:id. @public */
export const strategicAskIdSchema = z.strictObject({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'must be an ask id (a number)')
    .transform(Number),
});

/** Query of GET /packs/asks. @public */
export const strategicAsksQuerySchema = z.strictObject({
  scope: packScopeSchema.default('org'),
  status: z.enum(['open', 'closed', 'all']).default('all'),
});

/** Query of POST /packs/refresh: forget a closed period's frozen numbers. @public */
export const packRefreshQuerySchema = z.strictObject({
  period: packPeriodSchema,
});

import { z } from 'zod';
import { asOfSchema } from './schemas';

/** Most weekly points GET /metrics-operating computes. @public */
export const MAX_OPERATING_WEEKS = 26;
/** Most monthly points GET /metrics-operating computes. @public */
export const MAX_OPERATING_MONTHS = 12;

/** A count of periods: a whole number from 0 to `max`. */
const periodCount = (unit: string, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of ${unit} (0 to ${max})`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .max(
          max,
          `at most ${max} ${unit}: each is computed from the event history`,
        ),
    )
    .default(fallback);

/**
 * Query of GET /metrics-operating: the scope, the last day counted, and how
 * many weeks and months (ending with asOf's) to answer; 0 leaves them out.
 * @public
 */
export const operatingMetricsQuerySchema = z.strictObject({
  scope: z
    .string()
    .trim()
    .min(1)
    .max(400)
    .describe('org, businessUnit:<group>, or an entity ref')
    .optional(),
  asOf: asOfSchema.optional(),
  weeks: periodCount('weeks', MAX_OPERATING_WEEKS, 12),
  months: periodCount('months', MAX_OPERATING_MONTHS, 6),
});
/** @public */
export type OperatingMetricsQueryParams = z.infer<
  typeof operatingMetricsQuerySchema
>;

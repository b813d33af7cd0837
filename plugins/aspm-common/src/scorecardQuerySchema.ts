import { z } from 'zod';
import { entityRefSchema } from './schemas';

/** Most weeks a scorecard's trends reach back (each week is a world rebuilt from events). @public */
export const MAX_SCORECARD_WEEKS = 26;

/** A whole number from `min` to `max`, `fallback` when absent. */
const count = (what: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of ${what} (${min} to ${max})`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `at least ${min} ${what}`)
        .max(max, `at most ${max} ${what}`),
    )
    .default(fallback);

const common = {
  /** Weeks of the aging and metric trends, ending with this one. */
  weeks: count('weeks', 1, MAX_SCORECARD_WEEKS, 12),
  /** How far ahead the actions and "expiring soon" look. */
  withinDays: count('days', 1, 90, 30),
  /** How many top risks to list. */
  limit: count('findings', 1, 100, 10),
};

/** Query of GET /scorecard/entity: a Component or System. @public */
export const entityScorecardQuerySchema = z.strictObject({
  entityRef: entityRefSchema.refine(
    ref => !/^group:/i.test(ref),
    'is a Group: a team scorecard is GET /scorecard/team?group=',
  ),
  ...common,
});
/** @public */
export type EntityScorecardQueryParams = z.infer<
  typeof entityScorecardQuerySchema
>;

/** Query of GET /scorecard/team: a Group (with its sub-teams). @public */
export const teamScorecardQuerySchema = z.strictObject({
  group: entityRefSchema.refine(
    ref => /^group:/i.test(ref),
    'must be a Group ref like group:default/team-checkout',
  ),
  ...common,
});
/** @public */
export type TeamScorecardQueryParams = z.infer<typeof teamScorecardQuerySchema>;

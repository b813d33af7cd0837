import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '@backstage/errors';
import { ScorecardCheck } from '@aspm/plugin-aspm-common';

/** The parts of an OpenSSF Scorecard JSON result (v4 and later) we read. */
const scorecardResultSchema = z.looseObject({
  date: z
    .string({ message: 'must be the date Scorecard ran (YYYY-MM-DD)' })
    .refine(
      s => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
      'must be the date Scorecard ran (YYYY-MM-DD or an ISO timestamp)',
    ),
  repo: z.looseObject({
    name: z
      .string({ message: 'must name the repository' })
      .trim()
      .min(1, 'must name the repository')
      .max(400),
    commit: z.string().max(80).optional(),
  }),
  scorecard: z
    .looseObject({
      version: z.string().max(80).optional(),
      commit: z.string().max(80).optional(),
    })
    .optional(),
  score: z.number().min(-1).max(10).optional(),
  checks: z
    .array(
      z.looseObject({
        name: z.string().trim().min(1).max(100),
        score: z
          .number({ message: 'must be a number from -1 to 10' })
          .int('must be a whole number from -1 to 10')
          .min(-1, 'must be from -1 (inconclusive) to 10')
          .max(10, 'must be from -1 (inconclusive) to 10'),
        reason: z.string().max(2000).nullish(),
      }),
    )
    .min(1, 'a Scorecard result lists at least one check')
    .max(200),
});

/** A Scorecard result, parsed. */
export interface ParsedScorecard {
  repository: string;
  commit?: string;
  scorecardVersion?: string;
  score?: number;
  scannedAt: Date;
  checks: ScorecardCheck[];
  /** Same run, same hash: a re-upload is recognised as a replay. */
  contentHash: string;
}

/**
 * Whether a parsed JSON document is an OpenSSF Scorecard result (`--format
 * json`): a `checks` array beside `repo` and `scorecard` objects.
 */
export function isScorecardResult(doc: unknown): boolean {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const o = doc as Record<string, unknown>;
  return (
    Array.isArray(o.checks) &&
    typeof o.repo === 'object' &&
    o.repo !== null &&
    typeof o.scorecard === 'object' &&
    o.scorecard !== null
  );
}

/** Parses a Scorecard result; InputError naming the field that is wrong. */
export function parseScorecardResult(doc: unknown): ParsedScorecard {
  const parsed = scorecardResultSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the document';
    throw new InputError(
      `Invalid OpenSSF Scorecard result: ${where}: ${issue.message}`,
    );
  }
  const v = parsed.data;
  const names = new Set<string>();
  for (const c of v.checks) {
    if (names.has(c.name)) {
      throw new InputError(
        `Invalid OpenSSF Scorecard result: the check ${c.name} is listed twice`,
      );
    }
    names.add(c.name);
  }
  const checks = v.checks
    .map(c => ({
      name: c.name,
      score: c.score,
      reason: c.reason ?? undefined,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const scannedAt = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? `${v.date}T00:00:00Z` : v.date,
  );
  const version =
    v.scorecard?.version && v.scorecard.version !== 'unknown'
      ? v.scorecard.version
      : undefined;
  const contentHash = createHash('sha256')
    .update(
      JSON.stringify([
        v.repo.name,
        v.repo.commit ?? '',
        scannedAt.toISOString(),
        checks.map(c => [c.name, c.score]),
      ]),
    )
    .digest('hex');
  return {
    repository: v.repo.name,
    commit: v.repo.commit,
    scorecardVersion: version,
    score: v.score,
    scannedAt,
    checks,
    contentHash,
  };
}

import { GateTrend, ReleaseOutcome } from '@aspm/plugin-aspm-common';

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week holding `t`. */
export function weekStartOf(t: Date): Date {
  const day = new Date(
    Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()),
  );
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

/**
 * Weekly counts of candidates that passed first time, passed after a
 * re-run, or were blocked, for the `weeks` weeks ending with the week of
 * `now` (oldest first, empty weeks included); ungated releases are left
 * out. `blockedBy` counts blocks by root cause over the same weeks.
 */
export function weeklyGateTrend(
  releases: Array<{
    releasedAt: Date;
    outcome: ReleaseOutcome;
    blockedBy: string[];
  }>,
  now: Date,
  weeks: number,
): GateTrend {
  const last = weekStartOf(now).getTime();
  const first = last - (weeks - 1) * 7 * DAY;
  const rows = Array.from({ length: weeks }, (_, i) => ({
    weekStart: new Date(first + i * 7 * DAY).toISOString().slice(0, 10),
    firstPass: 0,
    passedAfterRerun: 0,
    blocked: 0,
  }));
  const blockedBy: Record<string, number> = {};
  for (const r of releases) {
    const i = Math.round(
      (weekStartOf(r.releasedAt).getTime() - first) / (7 * DAY),
    );
    if (i < 0 || i >= weeks) continue;
    if (r.outcome === 'passed') rows[i].firstPass += 1;
    else if (r.outcome === 'passed-after-rerun') rows[i].passedAfterRerun += 1;
    else if (r.outcome === 'blocked') {
      rows[i].blocked += 1;
      for (const type of r.blockedBy) {
        blockedBy[type] = (blockedBy[type] ?? 0) + 1;
      }
    }
  }
  return { weeks: rows, blockedBy };
}

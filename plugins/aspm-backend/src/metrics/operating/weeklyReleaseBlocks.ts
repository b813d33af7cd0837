import { WeeklyReleaseBlocks } from '@aspm/plugin-aspm-common';
import { ReleaseVerdictAt } from './ReleaseVerdictAt';

/**
 * Candidates released in [from, to) whose verdict is `blocked`, and the
 * blocks per root cause (each gate type whose last attempt failed; a
 * candidate blocked by two gates counts under both).
 */
export function weeklyReleaseBlocks(
  verdicts: ReleaseVerdictAt[],
  from: number,
  to: number,
): WeeklyReleaseBlocks {
  let blocked = 0;
  const counts = new Map<string, number>();
  for (const v of verdicts) {
    const t = v.releasedAt.getTime();
    if (v.outcome !== 'blocked' || t < from || t >= to) continue;
    blocked += 1;
    for (const cause of new Set(v.blockedBy)) {
      counts.set(cause, (counts.get(cause) ?? 0) + 1);
    }
  }
  const byRootCause: Record<string, number> = {};
  for (const cause of [...counts.keys()].sort()) {
    byRootCause[cause] = counts.get(cause)!;
  }
  return { blocked, byRootCause };
}

import { TeamScorecardService } from '@aspm/plugin-aspm-common';
import { exposureLabel, tierLabel } from '../format';

/** One row of a team's per-service table, flattened for sorting. */
export interface ServiceTableRow extends TeamScorecardService {
  /** What the row is sorted and searched by. */
  name: string;
  tierText: string;
  exposureText: string;
  /** Days its oldest open critical has been open (none: no open critical). */
  oldestCriticalDays?: number;
  gapCount: number;
}

/** The table's rows, in the scorecard's order (heaviest backlog first). */
export function serviceTableRows(
  services: TeamScorecardService[],
): ServiceTableRow[] {
  return services.map(s => ({
    ...s,
    name: s.title ?? s.entityRef.split('/').pop() ?? s.entityRef,
    // "Tier 1".."Tier 3" sort in order; untiered after them.
    tierText: tierLabel(s.tier),
    exposureText: exposureLabel(s.exposure),
    oldestCriticalDays: s.oldestCritical?.ageDays,
    gapCount: s.coverageGaps.length,
  }));
}

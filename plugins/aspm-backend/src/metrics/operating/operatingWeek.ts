import { OperatingWeek } from '@aspm/plugin-aspm-common';
import { DAY, MetricContext } from '../MetricContext';
import { OperatingWindow } from './OperatingWindow';
import { operatingTime } from './operatingTime';
import { ReleaseVerdictAt } from './ReleaseVerdictAt';
import { weeklyExceptionAging } from './weeklyExceptionAging';
import { weeklyFindingFlow } from './weeklyFindingFlow';
import { weeklyReleaseBlocks } from './weeklyReleaseBlocks';

const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * One week's operating numbers, from the scope's context of a world taken
 * over the week (asOf its end, window the week) and the stored verdicts of
 * the scope's release candidates.
 */
export function operatingWeek(
  ctx: MetricContext,
  week: OperatingWindow,
  verdicts: ReleaseVerdictAt[],
): OperatingWeek {
  return {
    weekStart: dateOf(week.from),
    weekEnd: dateOf(week.from + 6 * DAY),
    time: operatingTime(week),
    findings: weeklyFindingFlow(ctx),
    exceptions: weeklyExceptionAging(ctx),
    releaseBlocks: weeklyReleaseBlocks(verdicts, week.from, week.to),
  };
}

import { MetricContext } from '../../MetricContext';
import { latestScorecard } from './scopedSignals';

/**
 * Why an entity's repository does not count as protected at asOf: no
 * OpenSSF Scorecard run in the last 90 days, or the required checks that
 * scored under the threshold (an inconclusive -1 is under it). Empty when
 * protected.
 */
export function protectionGaps(
  ctx: MetricContext,
  entityRef: string,
): string[] {
  const run = latestScorecard(ctx.world, entityRef);
  if (!run) return ['no OpenSSF Scorecard run in the last 90 days'];
  const { protectionChecks, protectionThreshold } = ctx.config.signals;
  return protectionChecks
    .filter(check => (run.checks[check] ?? -1) < protectionThreshold)
    .map(check => {
      const score = run.checks[check];
      if (score === undefined) return `${check} not reported`;
      return score < 0 ? `${check} inconclusive` : `${check} ${score}/10`;
    });
}

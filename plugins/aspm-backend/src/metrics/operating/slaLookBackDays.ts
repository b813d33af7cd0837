import { SLA_ATTAINMENT_SEVERITIES } from '@aspm/plugin-aspm-common';
import { MetricsConfig } from '../../config/readMetricsConfig';

/**
 * The longest SLA of the severities attainment counts: a spell whose
 * deadline falls in a month started at most this many days before it, so a
 * month's world must hold the fixes from then on.
 */
export function slaLookBackDays(slaDays: MetricsConfig['slaDays']): number {
  let most = 0;
  for (const severity of SLA_ATTAINMENT_SEVERITIES) {
    for (const days of Object.values(slaDays[severity] ?? {})) {
      most = Math.max(most, days);
    }
  }
  return most;
}

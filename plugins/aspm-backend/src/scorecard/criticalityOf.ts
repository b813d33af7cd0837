import { Exposure, ScorecardCriticality, Tier } from '@aspm/plugin-aspm-common';
import { MetricsConfig } from '../config/readMetricsConfig';
import { round } from '../metrics/MetricContext';

/**
 * What an entity's tier and exposure multiply its findings' weights by
 * (`aspm.metrics.weights.tier` and `.exposure`; untiered and unknown
 * exposure have weights of their own), and what a critical finding
 * without exploitation signals therefore weighs.
 */
export function criticalityOf(
  entity: { tier?: Tier; exposure?: Exposure },
  weights: MetricsConfig['weights'],
): ScorecardCriticality {
  const tierWeight = weights.tier[entity.tier ?? 'untiered'] ?? 1;
  const exposureWeight = weights.exposure[entity.exposure ?? 'unknown'] ?? 1;
  const multiplier = round(tierWeight * exposureWeight, 2);
  return {
    ...(entity.tier ? { tier: entity.tier } : {}),
    ...(entity.exposure ? { exposure: entity.exposure } : {}),
    tierWeight,
    exposureWeight,
    multiplier,
    criticalWeight: round(
      (weights.severity.critical ?? 0) *
        weights.otherExploitability *
        multiplier,
      2,
    ),
    severityWeights: { ...weights.severity },
  };
}

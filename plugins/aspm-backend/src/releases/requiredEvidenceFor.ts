import { EvidenceItem } from '@aspm/plugin-aspm-common';
import { AspmConfig } from '../config/readAspmConfig';

/**
 * The evidence a release to `environment` of an entity of `tier` must carry:
 * the tier's list when configured, else the environment's `default`, else
 * nothing.
 */
export function requiredEvidenceFor(
  config: AspmConfig['releases'],
  environment: string,
  tier: string | undefined,
): EvidenceItem[] {
  const byTier = config.requiredEvidence[environment];
  if (!byTier) return [];
  return (tier && byTier[tier]) || byTier.default || [];
}

import { Finding } from '@aspm/plugin-aspm-common';
import { RequestFormPrefill } from './requestFormValues';

/**
 * The request form for one finding: scoped to it, with its advisory (CVE,
 * else GHSA, else rule id) and category ready for the broader scopes.
 */
export function requestPrefillOfFinding(
  finding: Pick<Finding, 'id' | 'ruleId' | 'cves' | 'ghsa' | 'category'>,
): RequestFormPrefill {
  return {
    findingIds: [finding.id],
    rule: finding.cves?.[0] ?? finding.ghsa ?? finding.ruleId,
    findingCategory: finding.category,
  };
}

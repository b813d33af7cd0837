import { Finding } from '@aspm/plugin-aspm-common';
import { findingStateLabel } from '../findings';

/**
 * The state of a finding in words; a finding accepted through a portal
 * exception names it: "Accepted (exception #12)".
 */
export function findingStateText(
  finding: Pick<Finding, 'state' | 'exceptionId'>,
): string {
  if (finding.state === 'accepted' && finding.exceptionId !== undefined) {
    return `Accepted (exception #${finding.exceptionId})`;
  }
  return findingStateLabel(finding.state);
}

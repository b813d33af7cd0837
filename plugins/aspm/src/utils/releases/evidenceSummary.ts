import { AspmRelease } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

/** How complete a release's evidence is, in a few words. */
export interface EvidenceSummary {
  /** "Complete", "2 missing", "1 invalid", "1 missing, 1 invalid", "None required". */
  label: string;
  severity: Severity | 'neutral';
  missing: number;
  invalid: number;
}

/**
 * Summarises the required items of a release's checklist: complete when
 * every required item is met, else how many are missing and invalid (an
 * invalid item is an error: what was attached does not hold).
 */
export function evidenceSummary(
  release: Pick<AspmRelease, 'checklist' | 'evidenceComplete'>,
): EvidenceSummary {
  const required = release.checklist.filter(c => c.required);
  const missing = required.filter(c => c.status === 'missing').length;
  const invalid = required.filter(c => c.status === 'invalid').length;
  if (required.length === 0) {
    return { label: 'None required', severity: 'neutral', missing, invalid };
  }
  if (missing === 0 && invalid === 0) {
    return release.evidenceComplete
      ? { label: 'Complete', severity: 'ok', missing, invalid }
      : { label: 'Incomplete', severity: 'warning', missing, invalid };
  }
  const parts = [
    missing > 0 ? `${missing} missing` : undefined,
    invalid > 0 ? `${invalid} invalid` : undefined,
  ].filter(Boolean);
  return {
    label: parts.join(', '),
    severity: invalid > 0 ? 'error' : 'warning',
    missing,
    invalid,
  };
}

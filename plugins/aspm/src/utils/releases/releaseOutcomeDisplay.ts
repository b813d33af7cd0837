import { ReleaseOutcome } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

const DISPLAY: Record<
  ReleaseOutcome,
  { label: string; severity: Severity | 'neutral' }
> = {
  passed: { label: 'Passed first time', severity: 'ok' },
  'passed-after-rerun': { label: 'Passed after re-run', severity: 'warning' },
  blocked: { label: 'Blocked', severity: 'error' },
  ungated: { label: 'No gates', severity: 'neutral' },
};

/**
 * Label and colour of a release candidate's gate verdict: green when every
 * gate passed at once, amber when a re-run was needed, red when blocked.
 */
export function releaseOutcomeDisplay(outcome: ReleaseOutcome): {
  label: string;
  severity: Severity | 'neutral';
} {
  return DISPLAY[outcome] ?? { label: outcome, severity: 'neutral' };
}

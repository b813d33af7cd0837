import { GateOutcome } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

const DISPLAY: Record<GateOutcome, { label: string; severity: Severity }> = {
  pass: { label: 'Pass', severity: 'ok' },
  warn: { label: 'Warn', severity: 'warning' },
  fail: { label: 'Fail', severity: 'error' },
};

/** Label and colour of one gate result; a warning does not fail a gate. */
export function gateOutcomeDisplay(outcome: GateOutcome): {
  label: string;
  severity: Severity | 'neutral';
} {
  return DISPLAY[outcome] ?? { label: outcome, severity: 'neutral' };
}

import { ExceptionStatus } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

const DISPLAY: Record<
  ExceptionStatus,
  { label: string; severity: Severity | 'neutral' }
> = {
  requested: { label: 'Requested', severity: 'warning' },
  approved: { label: 'Approved', severity: 'ok' },
  rejected: { label: 'Rejected', severity: 'neutral' },
  expired: { label: 'Expired', severity: 'error' },
  revoked: { label: 'Revoked', severity: 'neutral' },
};

/**
 * Label and colour of an exception's status: waiting for a decision is a
 * warning, an expired exception an error (its findings are open again).
 */
export function exceptionStatusDisplay(status: ExceptionStatus): {
  label: string;
  severity: Severity | 'neutral';
} {
  return DISPLAY[status] ?? { label: status, severity: 'neutral' };
}

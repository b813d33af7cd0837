import { SecretRotationStatus } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

const DISPLAY: Record<
  SecretRotationStatus,
  { label: string; severity: Severity | 'neutral' }
> = {
  pending: { label: 'Rotation pending', severity: 'warning' },
  overdue: { label: 'Overdue', severity: 'error' },
  'rotated-on-time': { label: 'Rotated on time', severity: 'ok' },
  'rotated-late': { label: 'Rotated late', severity: 'warning' },
  closed: { label: 'Closed', severity: 'neutral' },
};

/**
 * Label and colour of a leaked secret's rotation status: a secret past its
 * deadline is an error, one still to rotate a warning.
 */
export function secretStatusDisplay(status: SecretRotationStatus): {
  label: string;
  severity: Severity | 'neutral';
} {
  return DISPLAY[status] ?? { label: status, severity: 'neutral' };
}

/** Whether a rotation can still be recorded (not rotated, not dismissed). */
export function awaitsRotation(status: SecretRotationStatus): boolean {
  return status === 'pending' || status === 'overdue';
}

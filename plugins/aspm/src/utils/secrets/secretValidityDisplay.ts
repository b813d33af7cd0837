import { SecretValidity } from '@aspm/plugin-aspm-common';
import { Severity } from '../format';

const DISPLAY: Record<
  SecretValidity,
  { label: string; severity: Severity | 'neutral' }
> = {
  active: { label: 'Active', severity: 'error' },
  inactive: { label: 'Inactive', severity: 'ok' },
  unknown: { label: 'Unknown', severity: 'neutral' },
};

/** Whether the provider says a leaked secret still works: active is an error. */
export function secretValidityDisplay(validity: SecretValidity): {
  label: string;
  severity: Severity | 'neutral';
} {
  return DISPLAY[validity] ?? { label: validity, severity: 'neutral' };
}

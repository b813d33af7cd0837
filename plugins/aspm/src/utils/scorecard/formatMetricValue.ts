import {
  MetricDirection,
  MetricStatus,
  MetricTarget,
  MetricValue,
} from '@aspm/plugin-aspm-common';
import { NO_VALUE, Severity, formatPercent } from '../format';

const number = (value: number, locale?: string, digits = 1) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(
    value,
  );

/** A metric's value in its unit: "92.5%", "12.3 days", "120 points". */
export function formatMetricValue(
  value: number | null | undefined,
  unit: MetricValue['unit'],
  locale?: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  switch (unit) {
    case 'ratio':
      return formatPercent(value, locale);
    case 'days':
      return `${number(value, locale)} ${value === 1 ? 'day' : 'days'}`;
    case 'points':
      return `${number(value, locale)} ${value === 1 ? 'point' : 'points'}`;
    case 'per100':
      return `${number(value, locale, 2)} per 100 repositories`;
    default:
      return number(value, locale, 2);
  }
}

const OPS: Record<MetricTarget['op'], string> = {
  '>=': '≥',
  '>': '>',
  '<': '<',
  '<=': '≤',
};

/** "≥ 95.0%", "< 14 days"; a metric without a fixed target must not worsen. */
export function formatMetricTarget(
  target: MetricTarget | undefined,
  unit: MetricValue['unit'],
  locale?: string,
): string {
  if (!target) return 'Must not worsen';
  return `${OPS[target.op]} ${formatMetricValue(target.value, unit, locale)}`;
}

const DIRECTIONS: Record<MetricDirection, string> = {
  improving: 'Improving',
  flat: 'Flat',
  worsening: 'Worsening',
};

/** "Improving", "Flat", "Worsening"; none when either window had no data. */
export function directionLabel(direction?: MetricDirection): string {
  return direction ? DIRECTIONS[direction] : 'No comparison';
}

/** How a metric's status colours: met ok, not met an error, no data neutral. */
export function metricStatusSeverity(
  status: MetricStatus,
): Severity | 'neutral' {
  if (status === 'met') return 'ok';
  if (status === 'not-met') return 'error';
  return 'neutral';
}

const STATUS_LABELS: Record<MetricStatus, string> = {
  met: 'Meets target',
  'not-met': 'Below target',
  'no-data': 'No data',
};

/** "Meets target", "Below target", "No data". */
export function metricStatusLabel(status: MetricStatus): string {
  return STATUS_LABELS[status];
}

import {
  MetricStatus,
  MetricTarget,
  PackCellValue,
  PackColumnType,
} from '@aspm/plugin-aspm-common';
import { NO_VALUE, formatDate, formatPercent } from '../format';

const number = (value: number, digits: number, locale?: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(
    value,
  );

/** A metric value in its unit, in the user's locale: `92.5%`, `12.3 days`, `1,240 pts`. */
export function formatPackValue(
  unit: string,
  value: number | null | undefined,
  locale?: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  switch (unit) {
    case 'ratio':
      return formatPercent(value, locale);
    case 'days':
      return `${number(value, 1, locale)} days`;
    case 'points':
      return `${number(value, 0, locale)} pts`;
    case 'per100':
      return `${number(value, 1, locale)} / 100 repos`;
    case 'perWeek':
      return `${number(value, 1, locale)} / week`;
    default:
      return number(value, 1, locale);
  }
}

const STATUS_LABELS: Record<MetricStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  'no-data': 'No data',
};

/** `Met`, `Not met`, `No data`. */
export const statusLabel = (status: MetricStatus | string) =>
  STATUS_LABELS[status as MetricStatus] ?? status;

/** A table cell in its column's type. */
export function formatPackCell(
  type: PackColumnType,
  value: PackCellValue | undefined,
  locale?: string,
): string {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (typeof value === 'string') {
    if (type === 'date') return formatDate(value, locale);
    if (type === 'status') return statusLabel(value);
    return value;
  }
  if (type === 'count') return number(value, 0, locale);
  return formatPackValue(type, value, locale);
}

/** A target in words: `≥ 95.0%`, `< 14 days`, `must not worsen`. */
export function formatTarget(
  unit: string,
  target: MetricTarget | undefined,
  locale?: string,
): string {
  if (!target) return 'must not worsen';
  const op = { '>=': '≥', '>': '>', '<': '<', '<=': '≤' }[target.op];
  return `${op} ${formatPackValue(unit, target.value, locale)}`;
}

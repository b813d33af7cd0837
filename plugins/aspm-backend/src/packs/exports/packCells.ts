import { PackCellValue, PackColumnType } from '@aspm/plugin-aspm-common';
import { formatPackValue } from '../narrative/formatPackValue';

/** A cell in words, in its column's unit (exports). */
export function cellText(
  type: PackColumnType,
  value: PackCellValue | undefined,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    if (type === 'date') return value.slice(0, 10);
    if (type === 'status')
      return value === 'not-met' ? 'not met' : value.replace('-', ' ');
    return value;
  }
  switch (type) {
    case 'ratio':
    case 'days':
    case 'points':
    case 'perWeek':
      return formatPackValue(type, value);
    case 'per100':
      return formatPackValue('count', value);
    default:
      return formatPackValue('count', value);
  }
}

/** A cell as a CSV value: numbers raw (ratios as 0..1), text as is. */
export function cellRaw(value: PackCellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

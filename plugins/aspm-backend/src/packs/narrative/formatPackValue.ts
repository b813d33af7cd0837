import { MetricTarget } from '@aspm/plugin-aspm-common';

const number = (v: number, digits: number) =>
  v.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });

/**
 * A value in words for narrative and exports: `82 %`, `12.3 days`,
 * `1,240 points`, `3.1 per 100 repositories`; `no data` for null. (The
 * portal formats numbers in the user's locale itself.)
 */
export function formatPackValue(
  unit: string,
  value: number | null | undefined,
): string {
  if (value === null || value === undefined) return 'no data';
  switch (unit) {
    case 'ratio':
      return `${number(value * 100, 1)} %`;
    case 'days':
      return `${number(value, 1)} days`;
    case 'points':
      return `${number(value, 0)} points`;
    case 'per100':
      return `${number(value, 1)} per 100 repositories`;
    case 'perWeek':
      return `${number(value, 1)} a week`;
    default:
      return number(value, 1);
  }
}

/** A target in words: `at least 95 %`, `under 14 days`. */
export function formatTarget(unit: string, target?: MetricTarget): string {
  if (!target) return 'must not worsen';
  const words = {
    '>=': 'at least',
    '>': 'above',
    '<': 'under',
    '<=': 'at most',
  };
  return `${words[target.op]} ${formatPackValue(unit, target.value)}`;
}

/** A change between two values in the unit (`+4.2 pts`, `-3 days`). */
export function formatChange(unit: string, delta: number): string {
  let sign = '±';
  if (delta > 0) sign = '+';
  if (delta < 0) sign = '-';
  const abs = Math.abs(delta);
  if (unit === 'ratio') return `${sign}${number(abs * 100, 1)} pts`;
  if (unit === 'days') return `${sign}${number(abs, 1)} days`;
  if (unit === 'points') return `${sign}${number(abs, 0)} points`;
  return `${sign}${number(abs, 1)}`;
}

import {
  MetricDirection,
  MetricStatus,
  MetricTarget,
} from '@aspm/plugin-aspm-common';

/** met / not-met against a target; no-data without a value. */
export function metricStatus(
  value: number | null,
  target: MetricTarget | undefined,
  direction: MetricDirection | undefined,
): MetricStatus {
  if (value === null) return 'no-data';
  if (!target) {
    // No fixed target: the metric must not get worse window on window.
    if (!direction) return 'no-data';
    return direction === 'worsening' ? 'not-met' : 'met';
  }
  switch (target.op) {
    case '>=':
      return value >= target.value ? 'met' : 'not-met';
    case '>':
      return value > target.value ? 'met' : 'not-met';
    case '<=':
      return value <= target.value ? 'met' : 'not-met';
    default:
      return value < target.value ? 'met' : 'not-met';
  }
}

/**
 * improving / flat / worsening from the previous value: flat when the
 * change is within `band` of the previous value (or both are zero).
 */
export function metricDirection(
  value: number | null,
  previous: number | null | undefined,
  higherIsBetter: boolean,
  band: number,
): MetricDirection | undefined {
  if (value === null || previous === null || previous === undefined) {
    return undefined;
  }
  const change = value - previous;
  if (Math.abs(change) <= band * Math.abs(previous)) return 'flat';
  if (change === 0) return 'flat';
  return change > 0 === higherIsBetter ? 'improving' : 'worsening';
}

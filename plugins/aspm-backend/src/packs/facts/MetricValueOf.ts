import { MetricId, MetricValue } from '@aspm/plugin-aspm-common';
import { MetricContext } from '../../metrics/MetricContext';

/**
 * A metric's value with target, status and direction against `previous`
 * (MetricsService.value, passed in so that the facts stay pure).
 */
export type MetricValueOf = (
  id: MetricId,
  ctx: MetricContext,
  previous: MetricContext,
) => MetricValue;

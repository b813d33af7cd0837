import { MetricsConfig } from '../config/readMetricsConfig';

/**
 * Days an open finding of `severity` on an entity of `tier` may stay open:
 * `aspm.metrics.slaDays.<severity>.<tier>`, else its `default`; undefined
 * when the severity has no SLA.
 */
export function findingSlaDays(
  slaDays: MetricsConfig['slaDays'],
  severity: string,
  tier: string | undefined,
): number | undefined {
  const bySeverity = (slaDays as Record<string, Record<string, number>>)[
    severity
  ];
  if (!bySeverity) return undefined;
  return (
    (tier !== undefined ? bySeverity[tier] : undefined) ?? bySeverity.default
  );
}

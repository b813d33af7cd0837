/**
 * Ids of the director metrics; part of the HTTP API. Metric 9 of the
 * director set has two numbers (exposure and rotation SLA), so the ten
 * metrics have eleven ids. @public
 */
export const DIRECTOR_METRIC_IDS = [
  'tier1_coverage',
  'risk_weighted_critical_backlog',
  'critical_age_internet_tier1',
  'mttr',
  'reopen_rate',
  'gate_pass_rate',
  'exception_debt',
  'ownership_completeness',
  'secret_exposure_rate',
  'secret_rotation_sla',
  'evidence_completeness',
] as const;

/** @public */
export type DirectorMetricId = (typeof DIRECTOR_METRIC_IDS)[number];

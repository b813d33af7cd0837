/** Ids of the ten director metrics; part of the HTTP API. @public */
export const DIRECTOR_METRIC_IDS = [
  'tier1_coverage',
  'risk_weighted_critical_backlog',
  'critical_age',
  'mttr',
  'reopen_rate',
  'first_pass_gate_rate',
  'exception_debt',
  'ownership_completeness',
  'secret_rotation',
  'evidence_completeness',
] as const;

/** @public */
export type DirectorMetricId = (typeof DIRECTOR_METRIC_IDS)[number];

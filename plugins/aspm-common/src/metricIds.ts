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

/**
 * Ids of the program-signal metrics (security reviews, incident follow-ups,
 * repository protections, golden paths, exception decisions, and DORA with
 * a security lens); part of the HTTP API. @public
 */
export const PROGRAM_METRIC_IDS = [
  'review_first_response_time',
  'reviews_waiting',
  'threat_model_coverage',
  'incident_actions_aging',
  'repo_protection_coverage',
  'golden_path_adoption',
  'exception_decision_time',
  'deployment_frequency',
  'lead_time_for_changes',
  'change_failure_rate',
  'time_to_restore',
] as const;

/** @public */
export type ProgramMetricId = (typeof PROGRAM_METRIC_IDS)[number];

/** Every metric id: the director metrics, then the program signals. @public */
export const METRIC_IDS = [...DIRECTOR_METRIC_IDS, ...PROGRAM_METRIC_IDS];

/** @public */
export type MetricId = DirectorMetricId | ProgramMetricId;

/** The sets `GET /metrics?set=` answers. @public */
export const METRIC_SETS = ['director', 'program', 'all'] as const;
/** @public */
export type MetricSet = (typeof METRIC_SETS)[number];

/** The ids of a metric set. @public */
export function metricIdsOf(set: MetricSet): readonly MetricId[] {
  if (set === 'program') return PROGRAM_METRIC_IDS;
  if (set === 'all') return METRIC_IDS;
  return DIRECTOR_METRIC_IDS;
}

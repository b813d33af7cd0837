import { MetricId, MetricItemKind } from '@aspm/plugin-aspm-common';
import {
  reviewFirstResponseTime,
  reviewsWaiting,
  threatModelCoverage,
} from './program/reviewMetrics';
import { incidentActionsAging } from './program/incidentActionsAging';
import { repoProtectionCoverage } from './program/repoProtectionCoverage';
import { goldenPathAdoption } from './program/goldenPathAdoption';
import { exceptionDecisionTime } from './program/exceptionDecisionTime';
import {
  changeFailureRate,
  deploymentFrequency,
  leadTimeForChanges,
  timeToRestore,
} from './program/doraMetrics';
import { MetricComputation, MetricContext } from '../MetricContext';
import { criticalAgeInternetTier1 } from './criticalAgeInternetTier1';
import { evidenceCompleteness } from './evidenceCompleteness';
import { exceptionDebt } from './exceptionDebt';
import { gatePassRate } from './gatePassRate';
import { mttr } from './mttr';
import { ownershipCompleteness } from './ownershipCompleteness';
import { reopenRate } from './reopenRate';
import { riskWeightedCriticalBacklog } from './riskWeightedCriticalBacklog';
import { secretExposureRate, secretRotationSla } from './secretMetrics';
import { tier1Coverage } from './tier1Coverage';

/** A metric: its title, which way is better, and its computation. */
export interface MetricDefinition {
  title: string;
  /** Whether a higher value is better (for direction). */
  higherIsBetter: boolean;
  /** Stock metrics are read at asOf; flow metrics count the window. */
  kind: 'stock' | 'flow';
  /** What the items behind the number are. */
  itemKind: MetricItemKind;
  compute: (ctx: MetricContext) => MetricComputation;
}

/** The director and program-signal metrics by id, in the API's order. */
export const METRIC_DEFINITIONS: Record<MetricId, MetricDefinition> = {
  tier1_coverage: {
    itemKind: 'entity',
    title: 'Tier-1 control coverage',
    higherIsBetter: true,
    kind: 'stock',
    compute: tier1Coverage,
  },
  risk_weighted_critical_backlog: {
    itemKind: 'finding',
    title: 'Risk-weighted critical backlog',
    higherIsBetter: false,
    kind: 'stock',
    compute: riskWeightedCriticalBacklog,
  },
  critical_age_internet_tier1: {
    itemKind: 'finding',
    title: 'Median age of open criticals (tier 1, internet-facing)',
    higherIsBetter: false,
    kind: 'stock',
    compute: criticalAgeInternetTier1,
  },
  mttr: {
    itemKind: 'finding',
    title: 'Mean time to remediate (critical)',
    higherIsBetter: false,
    kind: 'flow',
    compute: mttr,
  },
  reopen_rate: {
    itemKind: 'finding',
    title: 'Reopen rate',
    higherIsBetter: false,
    kind: 'flow',
    compute: reopenRate,
  },
  gate_pass_rate: {
    itemKind: 'release',
    title: 'First-pass security gate rate',
    higherIsBetter: true,
    kind: 'flow',
    compute: gatePassRate,
  },
  exception_debt: {
    itemKind: 'exception',
    title: 'Exception debt',
    higherIsBetter: false,
    kind: 'stock',
    compute: exceptionDebt,
  },
  ownership_completeness: {
    itemKind: 'entity',
    title: 'Ownership completeness',
    higherIsBetter: true,
    kind: 'stock',
    compute: ownershipCompleteness,
  },
  secret_exposure_rate: {
    itemKind: 'finding',
    title: 'Exposed secrets per 100 repositories',
    higherIsBetter: false,
    kind: 'stock',
    compute: secretExposureRate,
  },
  secret_rotation_sla: {
    itemKind: 'finding',
    title: 'Secrets rotated within SLA',
    higherIsBetter: true,
    kind: 'flow',
    compute: secretRotationSla,
  },
  evidence_completeness: {
    itemKind: 'release',
    title: 'Release evidence completeness',
    higherIsBetter: true,
    kind: 'flow',
    compute: evidenceCompleteness,
  },
  review_first_response_time: {
    itemKind: 'review',
    title: 'Security review: time to first response',
    higherIsBetter: false,
    kind: 'flow',
    compute: reviewFirstResponseTime,
  },
  reviews_waiting: {
    itemKind: 'review',
    title: 'Security reviews waiting for a first response',
    higherIsBetter: false,
    kind: 'stock',
    compute: reviewsWaiting,
  },
  threat_model_coverage: {
    itemKind: 'entity',
    title: 'Critical services with a threat model or design review',
    higherIsBetter: true,
    kind: 'stock',
    compute: threatModelCoverage,
  },
  incident_actions_aging: {
    itemKind: 'incident-action',
    title: 'Incident follow-up actions: median age of open ones',
    higherIsBetter: false,
    kind: 'stock',
    compute: incidentActionsAging,
  },
  repo_protection_coverage: {
    itemKind: 'entity',
    title: 'Privileged repositories with required protections',
    higherIsBetter: true,
    kind: 'stock',
    compute: repoProtectionCoverage,
  },
  golden_path_adoption: {
    itemKind: 'entity',
    title: 'Services on approved golden paths',
    higherIsBetter: true,
    kind: 'stock',
    compute: goldenPathAdoption,
  },
  exception_decision_time: {
    itemKind: 'exception',
    title: 'Exception decision time',
    higherIsBetter: false,
    kind: 'flow',
    compute: exceptionDecisionTime,
  },
  deployment_frequency: {
    itemKind: 'deployment',
    title: 'Production deployment frequency',
    higherIsBetter: true,
    kind: 'flow',
    compute: deploymentFrequency,
  },
  lead_time_for_changes: {
    itemKind: 'deployment',
    title: 'Lead time for changes',
    higherIsBetter: false,
    kind: 'flow',
    compute: leadTimeForChanges,
  },
  change_failure_rate: {
    itemKind: 'deployment',
    title: 'Change failure rate',
    higherIsBetter: false,
    kind: 'flow',
    compute: changeFailureRate,
  },
  time_to_restore: {
    itemKind: 'deployment',
    title: 'Time to restore service',
    higherIsBetter: false,
    kind: 'flow',
    compute: timeToRestore,
  },
};

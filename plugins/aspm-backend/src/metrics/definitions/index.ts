import { DirectorMetricId, MetricItemKind } from '@aspm/plugin-aspm-common';
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

/** A director metric: its title, which way is better, and its computation. */
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

/** The director metrics by id, in the API's order. */
export const METRIC_DEFINITIONS: Record<DirectorMetricId, MetricDefinition> = {
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
};

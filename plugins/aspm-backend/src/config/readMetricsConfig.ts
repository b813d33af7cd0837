import { Config } from '@backstage/config';
import {
  METRIC_IDS,
  MetricId,
  REPO_PROTECTION_CHECKS,
  MetricTarget,
  SEVERITIES,
  Severity,
} from '@aspm/plugin-aspm-common';
import { z } from 'zod';

/** The coverage controls `tier1_coverage` can require. */
export const COVERAGE_CONTROLS = [
  'owner',
  'repository',
  'sast',
  'sca',
  'secrets',
  'container',
  'release-evidence',
  'repository-protection',
] as const;
/** A coverage control. */
export type CoverageControl = (typeof COVERAGE_CONTROLS)[number];

/** Everything the metrics count with; part of each snapshot's fingerprint. */
export interface MetricsConfig {
  /** Default flow window in days, ending at asOf. */
  windowDays: number;
  /** |change| / |previous| at or under this is `flat`. */
  flatBand: number;
  /** Severities the risk-weighted backlog sums (default critical). */
  backlogSeverities: Severity[];
  weights: {
    severity: Record<Severity, number>;
    knownExploited: number;
    epssThreshold: number;
    epssAbove: number;
    otherExploitability: number;
    /** By tier "1".."3" and `untiered`. */
    tier: Record<string, number>;
    /** `internet`, `internal`, `unknown`. */
    exposure: Record<string, number>;
  };
  coverage: {
    controls: CoverageControl[];
    /** A scan counts this many days. */
    scanDays: number;
    /** A release counts this many days. */
    releaseDays: number;
  };
  /** Remediation SLA days by severity, then tier ("1".."3", `default`). */
  slaDays: Record<Severity, Record<string, number>>;
  /** The program-signal metrics (reviews, protections, DORA). */
  signals: {
    /** A completed review counts for threat_model_coverage this many days. */
    reviewCoverageDays: number;
    /** Review kinds that count for threat_model_coverage. */
    reviewKinds: string[];
    /** Tiers threat_model_coverage and repo_protection_coverage count. */
    criticalTiers: string[];
    /** Scorecard checks that make up "protected". */
    protectionChecks: string[];
    /** Each of them must score at least this (0..10). */
    protectionThreshold: number;
    /** Deploys to these environments count for DORA. */
    productionEnvironments: string[];
  };
  targets: Record<MetricId, MetricTarget | undefined>;
}

const positive = z.number().finite().min(0);
const tierKey = z.enum(['1', '2', '3', 'untiered']);
const slaTierKey = z.enum(['1', '2', '3', 'default']);
const target = z.strictObject({
  op: z.enum(['>=', '<', '<=', '>']),
  value: z.number().finite(),
});

const days = z.number().int().min(1).max(3650);
const schema = z.strictObject({
  windowDays: days.optional(),
  flatBand: z.number().min(0).max(1).optional(),
  backlogSeverities: z.array(z.enum(SEVERITIES)).min(1).optional(),
  weights: z
    .strictObject({
      severity: z.partialRecord(z.enum(SEVERITIES), positive).optional(),
      knownExploited: positive.optional(),
      epssThreshold: z.number().min(0).max(1).optional(),
      epssAbove: positive.optional(),
      otherExploitability: positive.optional(),
      tier: z.partialRecord(tierKey, positive).optional(),
      exposure: z
        .partialRecord(z.enum(['internet', 'internal', 'unknown']), positive)
        .optional(),
    })
    .optional(),
  coverage: z
    .strictObject({
      controls: z.array(z.enum(COVERAGE_CONTROLS)).min(1).optional(),
      scanDays: days.optional(),
      releaseDays: days.optional(),
    })
    .optional(),
  slaDays: z
    .partialRecord(
      z.enum(SEVERITIES),
      z.union([days, z.partialRecord(slaTierKey, days)]),
    )
    .optional(),
  signals: z
    .strictObject({
      reviewCoverageDays: days.optional(),
      reviewKinds: z
        .array(z.enum(['design-review', 'threat-model', 'pentest']))
        .min(1)
        .optional(),
      criticalTiers: z
        .array(z.enum(['1', '2', '3']))
        .min(1)
        .optional(),
      protectionChecks: z.array(z.string().min(1).max(100)).min(1).optional(),
      protectionThreshold: z.number().min(0).max(10).optional(),
      productionEnvironments: z
        .array(z.string().min(1).max(40))
        .min(1)
        .optional(),
    })
    .optional(),
  targets: z
    .strictObject(
      Object.fromEntries(
        METRIC_IDS.map(id => [
          id,
          z.union([target, z.literal('none'), z.null()]).optional(),
        ]),
      ) as Record<
        MetricId,
        z.ZodOptional<
          z.ZodUnion<[typeof target, z.ZodLiteral<'none'>, z.ZodNull]>
        >
      >,
    )
    .optional(),
});

/** The defaults of docs/metrics.md. */
export const DEFAULT_METRICS_CONFIG: MetricsConfig = {
  windowDays: 90,
  flatBand: 0.02,
  backlogSeverities: ['critical'],
  weights: {
    severity: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
    knownExploited: 2,
    epssThreshold: 0.1,
    epssAbove: 1.5,
    otherExploitability: 1,
    tier: { '1': 3, '2': 2, '3': 1, untiered: 2 },
    exposure: { internet: 2, internal: 1, unknown: 1.5 },
  },
  coverage: {
    // repository-protection (OpenSSF Scorecard) is opt-in: add it to
    // aspm.metrics.coverage.controls once Scorecard runs are pushed.
    controls: COVERAGE_CONTROLS.filter(c => c !== 'repository-protection'),
    scanDays: 30,
    releaseDays: 90,
  },
  slaDays: {
    critical: { '1': 7, '2': 14, '3': 30, default: 30 },
    high: { '1': 30, '2': 45, '3': 60, default: 60 },
    medium: { default: 90 },
    low: { default: 180 },
    info: { default: 365 },
  },
  targets: {
    tier1_coverage: { op: '>=', value: 0.95 },
    risk_weighted_critical_backlog: undefined,
    critical_age_internet_tier1: { op: '<', value: 14 },
    mttr: { op: '<', value: 10 },
    reopen_rate: { op: '<', value: 0.05 },
    gate_pass_rate: { op: '>=', value: 0.85 },
    exception_debt: undefined,
    ownership_completeness: { op: '>=', value: 1 },
    secret_exposure_rate: undefined,
    secret_rotation_sla: { op: '>', value: 0.95 },
    evidence_completeness: { op: '>=', value: 1 },
    review_first_response_time: { op: '<=', value: 5 },
    reviews_waiting: undefined,
    threat_model_coverage: { op: '>=', value: 0.9 },
    incident_actions_aging: { op: '<', value: 30 },
    repo_protection_coverage: { op: '>=', value: 0.9 },
    golden_path_adoption: { op: '>=', value: 0.8 },
    exception_decision_time: { op: '<=', value: 5 },
    deployment_frequency: undefined,
    lead_time_for_changes: { op: '<', value: 7 },
    change_failure_rate: { op: '<', value: 0.15 },
    time_to_restore: { op: '<', value: 1 },
  },
  signals: {
    reviewCoverageDays: 365,
    reviewKinds: ['threat-model', 'design-review'],
    criticalTiers: ['1', '2'],
    protectionChecks: [...REPO_PROTECTION_CHECKS],
    protectionThreshold: 8,
    productionEnvironments: ['production'],
  },
};

/**
 * Reads `aspm.metrics` over the defaults. The block is read as a plain
 * object (Backstage config refuses keys that are numbers, like tiers) and
 * checked with zod, so a wrong key or value names its path.
 */
export function readMetricsConfig(root: Config): MetricsConfig {
  const raw = root.getOptional('aspm.metrics') ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`aspm.metrics.${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  const d = DEFAULT_METRICS_CONFIG;
  const slaDays = { ...d.slaDays };
  for (const [severity, value] of Object.entries(c.slaDays ?? {})) {
    slaDays[severity as Severity] =
      typeof value === 'number'
        ? { default: value }
        : { ...d.slaDays[severity as Severity], ...(value as object) };
  }
  const targets = { ...d.targets };
  for (const [id, value] of Object.entries(c.targets ?? {})) {
    targets[id as MetricId] =
      value && value !== 'none' ? (value as MetricTarget) : undefined;
  }
  return {
    windowDays: c.windowDays ?? d.windowDays,
    flatBand: c.flatBand ?? d.flatBand,
    backlogSeverities: c.backlogSeverities ?? d.backlogSeverities,
    weights: {
      severity: { ...d.weights.severity, ...c.weights?.severity },
      knownExploited: c.weights?.knownExploited ?? d.weights.knownExploited,
      epssThreshold: c.weights?.epssThreshold ?? d.weights.epssThreshold,
      epssAbove: c.weights?.epssAbove ?? d.weights.epssAbove,
      otherExploitability:
        c.weights?.otherExploitability ?? d.weights.otherExploitability,
      tier: { ...d.weights.tier, ...c.weights?.tier },
      exposure: { ...d.weights.exposure, ...c.weights?.exposure },
    },
    coverage: {
      controls: c.coverage?.controls ?? d.coverage.controls,
      scanDays: c.coverage?.scanDays ?? d.coverage.scanDays,
      releaseDays: c.coverage?.releaseDays ?? d.coverage.releaseDays,
    },
    slaDays,
    signals: { ...d.signals, ...c.signals },
    targets,
  };
}

import { SecurityAction, SecurityActionKind } from './actions';
import { MetricValue } from './metrics';
import { Exposure, Tier } from './annotations';
import { Severity } from './findings';
import { AspmEntity } from './types';

/**
 * What an entity's tier and exposure do to the weight of its findings:
 * weight = severity x exploitability x `tierWeight` x `exposureWeight`
 * (`aspm.metrics.weights`). @public
 */
export interface ScorecardCriticality {
  tier?: Tier;
  exposure?: Exposure;
  /** The tier weight (untiered has its own). */
  tierWeight: number;
  /** The exposure weight (unknown exposure has its own). */
  exposureWeight: number;
  /** tierWeight x exposureWeight: what every finding here is multiplied by. */
  multiplier: number;
  /** The weight of a critical finding without exploitation signals here. */
  criticalWeight: number;
  /** The severity weights, for the explanation. */
  severityWeights: Record<Severity, number>;
}

/** An open finding as a scorecard ranks it. @public */
export interface ScorecardFinding {
  id: number;
  entityRef: string;
  title: string;
  severity: Severity;
  tool: string;
  category: string;
  ruleId: string;
  knownExploited: boolean;
  epss?: number;
  /** severity x exploitability x tier x exposure weight. */
  weight: number;
  /** First seen (ISO). */
  firstSeenAt: string;
  /** Days since first seen, one decimal. */
  ageDays: number;
  /** The remediation SLA of its severity on its entity's tier, in days. */
  slaDays?: number;
  /** Start of its open spell + SLA (ISO): when it must be fixed. */
  dueAt?: string;
  /** The deadline has passed. */
  overdue: boolean;
  /** Whole days to the deadline (negative when overdue). */
  daysLeft?: number;
}

/**
 * Finding ids of the open criticals and highs, heaviest first: each number
 * of the aging section is the length of its list, and the list is what the
 * number links to (GET /findings?id=). @public
 */
export interface ScorecardAgingIds {
  critical: number[];
  high: number[];
}

/** One age bucket of the open critical and high findings. @public */
export interface ScorecardAgingBucket extends ScorecardAgingIds {
  /** e.g. `8–14 days`. */
  label: string;
  /** Whole days since first seen: at least `minDays`, below `maxDays` (none: no upper bound). */
  minDays: number;
  maxDays?: number;
  /** Of the bucket's, those past their SLA deadline. */
  pastSla: number[];
}

/** The open critical and high findings at one week's end. @public */
export interface ScorecardAgingPoint {
  /** Monday of the ISO week (YYYY-MM-DD). */
  weekStart: string;
  /** When it was counted (ISO): the week's Sunday end, or now. */
  asOf: string;
  critical: number;
  high: number;
  /** Of those, past their SLA deadline then. */
  pastSla: number;
  /** The week is not over (counted now). */
  partial: boolean;
}

/** Critical / high finding aging against the SLA. @public */
export interface ScorecardAging {
  /** SLA days of critical and high findings by tier (`1`..`3`, `untiered`) of the scope's entities. */
  slaDays: Record<string, { critical?: number; high?: number }>;
  /** The open critical and high findings. */
  open: ScorecardAgingIds;
  /** Those past their SLA deadline, most overdue first. */
  pastSla: ScorecardAgingIds;
  buckets: ScorecardAgingBucket[];
  /** Oldest week first; the last is the current week, counted now. */
  trend: ScorecardAgingPoint[];
}

/** One baseline control across the scope's Components. @public */
export interface ScorecardControl {
  /** `owner`, `repository`, `sast`, `sca`, `secrets`, `container`, `release-evidence`. */
  control: string;
  title: string;
  /** Components the control applies to (container scans: services only). */
  applicable: number;
  present: number;
  /** Components lacking it (refs, sorted). */
  missing: string[];
  /** How to add it, in words. */
  howTo: string;
  /** The annotation or CI step that adds it. */
  snippet: { language: 'yaml' | 'shell'; text: string };
}

/** A metric's week-end values (GET /metrics/:id/trend's weekly points). @public */
export interface ScorecardMetricPoint {
  asOf: string;
  value: number | null;
  source: 'snapshot' | 'computed';
}

/** A director metric of the scope, with trend and business-unit median. @public */
export interface ScorecardMetric extends MetricValue {
  /** Weekly points, oldest first, the last one now (team scorecards). */
  trend?: ScorecardMetricPoint[];
  /** The median of the business unit's teams (team scorecards). */
  businessUnitMedian?: number | null;
  /** How many of those teams have a value. */
  businessUnitTeams?: number;
}

/** The next days' work, as GET /actions answers it. @public */
export interface ScorecardActions {
  withinDays: number;
  items: SecurityAction[];
  counts: Partial<Record<SecurityActionKind, number>>;
}

/** The accepted risks of the scope now; `ids` are the exceptions behind each count (GET /exceptions?id=). @public */
export interface ScorecardExceptions {
  /** Approved, not expired. */
  active: number;
  /** Of those, expiring within `withinDays`. */
  expiringSoon: number;
  /** Of those, with a review date that falls within `withinDays` or has passed. */
  reviewDue: number;
  withoutCompensatingControl: number;
  withinDays: number;
  ids: {
    active: number[];
    expiringSoon: number[];
    reviewDue: number[];
    withoutCompensatingControl: number[];
  };
}

/** The time a scorecard was taken at. @public */
export interface ScorecardTime {
  /** Now (ISO). */
  asOf: string;
  /** The metrics' window [from, to) (ISO), the default `windowDays`. */
  from: string;
  to: string;
}

/**
 * GET /scorecard/entity: the Security tab of a Component or System, section
 * by section. For a System the sections cover its Components. @public
 */
export interface EntityScorecard {
  entityRef: string;
  time: ScorecardTime;
  /** 1. Name, owner with its resolution, business unit. */
  identity: AspmEntity;
  /** The entities the sections cover (the entity, or a System's), sorted. */
  entityRefs: string[];
  /** 2. Tier and exposure with the weight they imply. */
  criticality: ScorecardCriticality;
  /** 3. Open findings ranked by risk weight (the first `limit`). */
  topRisks: { items: ScorecardFinding[]; total: number };
  /** 4. Exceptions, counted (the list: GET /exceptions). */
  exceptions: ScorecardExceptions;
  /** 6. Critical / high aging and the weekly open count. */
  aging: ScorecardAging;
  /** 7. Baseline controls present or missing. */
  controls: ScorecardControl[];
  /** 8. The director metrics of the entity. */
  metrics: ScorecardMetric[];
  /** 9. The next days' work. */
  actions: ScorecardActions;
}

/** One service of a team scorecard's table. @public */
export interface TeamScorecardService {
  entityRef: string;
  title?: string;
  type?: string;
  owningTeam?: string;
  tier?: Tier;
  exposure?: Exposure;
  /** Sum of the risk weights of its open backlog findings (critical by default). */
  weightedBacklog: number;
  backlogFindingIds: number[];
  openCritical: number;
  openHigh: number;
  /** Its oldest open critical. */
  oldestCritical?: { findingId: number; title: string; ageDays: number };
  /** Approved, unexpired exceptions. */
  activeExceptions: number;
  activeExceptionIds: number[];
  /** Of those, expiring within the scorecard's `withinDays`. */
  expiringExceptions: number;
  /** Baseline controls it lacks. */
  coverageGaps: string[];
  /** Gated release candidates in the window passing every gate at attempt 1. */
  gatePassRate: number | null;
  gateCandidates: number;
  gateFirstPass: number;
}

/** GET /scorecard/team: a Group's services (with its sub-teams'). @public */
export interface TeamScorecard {
  groupRef: string;
  time: ScorecardTime;
  identity: {
    groupRef: string;
    title?: string;
    businessUnit?: string;
    /** The team and every Group below it, sorted. */
    teams: string[];
  };
  /** The entities the sections cover (owned by the team or a sub-team), sorted. */
  entityRefs: string[];
  /** Components owned by the team or its sub-teams, heaviest backlog first. */
  services: TeamScorecardService[];
  topRisks: { items: ScorecardFinding[]; total: number };
  exceptions: ScorecardExceptions;
  aging: ScorecardAging;
  controls: ScorecardControl[];
  /** The team's metrics with weekly trends and the business unit's median. */
  metrics: ScorecardMetric[];
  /** The program-signal metrics (reviews, incidents, protections, DORA), alike. */
  programMetrics?: ScorecardMetric[];
  /** The business unit's teams the medians are taken over. */
  businessUnit?: { groupRef: string; teams: string[] };
  actions: ScorecardActions;
}

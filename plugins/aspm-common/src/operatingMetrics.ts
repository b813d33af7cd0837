/**
 * The operating metrics (GET /metrics-operating): the weekly and monthly
 * numbers security leads run the programme with. Definitions in
 * docs/metrics.md, "Operating metrics".
 */

/** Severities the weekly finding flow counts. @public */
export const OPERATING_FLOW_SEVERITIES = ['critical', 'high'] as const;

/** Severities remediation SLA attainment counts. @public */
export const SLA_ATTAINMENT_SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
] as const;

/** Counts of critical and high findings, and their sum. @public */
export interface SeverityFlowCounts {
  critical: number;
  high: number;
  total: number;
}

/** The instants one weekly or monthly point was taken over (ISO). @public */
export interface OperatingTime {
  /** Stock numbers are read at this instant (end of the period's last day, or the asOf asked). */
  asOf: string;
  /** The period's events are counted in [from, to). */
  from: string;
  to: string;
  /** The period ends after asOf: it is counted up to asOf only. */
  partial: boolean;
}

/** Critical and high findings opened, reopened and closed in a week. @public */
export interface WeeklyFindingFlow {
  /** First seen in the week (severity at the week's end). */
  opened: SeverityFlowCounts;
  /** Reopen events in the week (severity at the week's end). */
  reopened: SeverityFlowCounts;
  /** Fix events in the week (severity when fixed). */
  closed: SeverityFlowCounts;
  /** opened + reopened - closed (critical and high). */
  net: number;
}

/** Exceptions active at the week's end, and how long ago they were approved. @public */
export interface WeeklyExceptionAging {
  active: number;
  /** Approved more than 30 / 90 / 180 days before the week's end. */
  over30Days: number;
  over90Days: number;
  over180Days: number;
}

/** Release candidates blocked in a week, by root cause. @public */
export interface WeeklyReleaseBlocks {
  /** Blocked candidates released in the week. */
  blocked: number;
  /**
   * Blocks per gate type whose last attempt failed (a candidate blocked by
   * two gates counts once under each), gate types sorted.
   */
  byRootCause: Record<string, number>;
}

/** One ISO week (Monday to Sunday, UTC). @public */
export interface OperatingWeek {
  /** Monday, YYYY-MM-DD. */
  weekStart: string;
  /** Sunday, YYYY-MM-DD. */
  weekEnd: string;
  time: OperatingTime;
  findings: WeeklyFindingFlow;
  exceptions: WeeklyExceptionAging;
  releaseBlocks: WeeklyReleaseBlocks;
}

/** Adoption of one coverage control by the Components of one tier. @public */
export interface ControlAdoptionCell {
  control: string;
  /** "1".."3" or `untiered`. */
  tier: string;
  /** Components of the tier with the control present. */
  numerator: number;
  /** Components of the tier the control applies to. */
  denominator: number;
  ratio: number | null;
}

/** SLA attainment of one group of open spells. @public */
export interface SlaAttainmentCell {
  /** The group's key (a business unit ref, `(none)`, a severity...). */
  key: string;
  /** Spells fixed by their deadline. */
  attained: number;
  /** Spells whose deadline fell in the month. */
  due: number;
  ratio: number | null;
}

/** An open spell that missed its deadline. @public */
export interface SlaMiss {
  findingId: number;
  entityRef: string;
  severity: string;
  tier: string;
  /** Deadline (ISO): spell start + SLA days. */
  deadline: string;
  /** When it was fixed (after the deadline); absent when still not fixed at the month's end. */
  fixedAt?: string;
}

/** Remediation SLA attainment in a month. @public */
export interface MonthlySlaAttainment {
  overall: SlaAttainmentCell;
  byBusinessUnit: SlaAttainmentCell[];
  bySeverity: SlaAttainmentCell[];
  /** The misses, earliest deadline first (at most 100). */
  missed: SlaMiss[];
  missedTotal: number;
}

/** Exceptions of one category approved in a month. @public */
export interface ExceptionCategoryCount {
  category: string;
  exceptions: number;
  entities: number;
  /** Two or more exceptions (on one entity or more) in the month. */
  repeated: boolean;
  entityRefs: string[];
}

/** A rule or CWE found open on two or more entities of one System or Domain. @public */
export interface RecurringFindingCategory {
  /** What the entities share. */
  groupBy: 'system' | 'domain';
  /** The System or Domain ref. */
  group: string;
  kind: 'rule' | 'cwe';
  /** The rule id, or the CWE id (`CWE-79`). */
  key: string;
  /** Entities of the group with an open finding of it. */
  entities: number;
  /** Open findings of it in the group. */
  findings: number;
  entityRefs: string[];
}

/** Recurring finding categories at a month's end. @public */
export interface MonthlyRecurringCategories {
  /** The largest of each groupBy x kind (at most 20 each), most entities first. */
  items: RecurringFindingCategory[];
  /** How many there are of each `groupBy x kind` (e.g. `system x rule`). */
  totals: Record<string, number>;
}

/** One team's part of the risk-weighted backlog. @public */
export interface RiskConcentrationTeam {
  team: string;
  weight: number;
  findings: number;
  /** weight / the backlog's total weight. */
  share: number | null;
}

/** How much of the risk-weighted backlog the top 10 % of teams hold. @public */
export interface MonthlyRiskConcentration {
  /** The backlog's total weight (unowned findings included). */
  totalWeight: number;
  /** Weight of findings on entities without a team. */
  unownedWeight: number;
  /** Teams owning at least one entity in scope. */
  teamCount: number;
  /** ceil(10 % of teamCount), at least 1. */
  topCount: number;
  /** Weight held by the top teams. */
  topWeight: number;
  /** topWeight / totalWeight; null when the backlog is empty. */
  share: number | null;
  /** The top teams holding backlog, heaviest first (fewer than topCount when fewer hold any). */
  topTeams: RiskConcentrationTeam[];
}

/** One calendar month (UTC). @public */
export interface OperatingMonth {
  /** YYYY-MM. */
  month: string;
  time: OperatingTime;
  controlAdoption: ControlAdoptionCell[];
  slaAttainment: MonthlySlaAttainment;
  exceptionCategories: ExceptionCategoryCount[];
  recurringFindingCategories: MonthlyRecurringCategories;
  riskConcentration: MonthlyRiskConcentration;
}

/** GET /metrics-operating. @public */
export interface OperatingMetricsReport {
  scope: string;
  asOf: string;
  /** Oldest first; the last holds asOf. */
  weeks: OperatingWeek[];
  /** Oldest first; the last holds asOf. */
  months: OperatingMonth[];
}

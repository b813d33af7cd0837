import {
  ControlAdoptionCell,
  CountingChange,
  ExceptionCategoryCount,
  MetricDirection,
  MetricStatus,
  MetricValue,
  MonthlyRecurringCategories,
  MonthlyRiskConcentration,
  MonthlySlaAttainment,
  WeeklyFindingFlow,
  WeeklyReleaseBlocks,
} from '@aspm/plugin-aspm-common';

/**
 * The numbers of packs, computed from the stored history per period and
 * frozen once the period is closed (so a closed period's pack shows the
 * same numbers whenever it is generated). Plain JSON: it is stored as is.
 * Bump FACTS_VERSION when the shape changes (older rows are recomputed).
 */
export const FACTS_VERSION = 2;

/** A metric of a drill-down row: its value, status and direction. */
export interface CompactMetric {
  id: string;
  value: number | null;
  previousValue?: number | null;
  status: MetricStatus;
  direction?: MetricDirection;
}

/** Remediation numbers of a drill-down row over the period. */
export interface RowOperations {
  /** Critical and high findings opened (first seen or reopened) and closed. */
  opened: number;
  closed: number;
  /** Remediation SLA deadlines in the period met, and due. */
  slaAttained: number;
  slaDue: number;
}

/** The director metrics of a pack scope over one period. */
export interface ScopeTrendFacts {
  title: string;
  /** Status against target, direction against the previous period. */
  metrics: MetricValue[];
  /** The program-signal metrics (reviews, incidents, protections, DORA), alike. */
  programMetrics: MetricValue[];
  /** Counting changes since the previous period, per metric, each with its effect. */
  countingChanges: Record<string, CountingChange[]>;
  /** The risk-weighted backlog by source of findings (drivers). */
  backlogBySource: BacklogPart[];
}

/** What the trend of a pack reads from one period. */
export interface TrendFacts {
  version: number;
  period: string;
  asOf: string;
  from: string;
  to: string;
  /** The catalog had entities at the period's end (history reaches it). */
  hasCatalog: boolean;
  /** Pack scopes: `org` and `businessUnit:<ref>`. */
  scopes: Record<string, ScopeTrendFacts>;
}

/** A team, system or domain with its metrics (drill-down rows). */
export interface FactsGroup {
  ref: string;
  title: string;
  businessUnit?: string;
  /** Business units of its entities (for business-unit packs). */
  businessUnits: string[];
  metrics: CompactMetric[];
  operations: RowOperations;
}

/** A service (an entity of the ownership kinds) with its metrics. */
export interface FactsEntity {
  ref: string;
  title: string;
  kind: string;
  tier?: string;
  exposure?: string;
  team?: string;
  businessUnit?: string;
  system?: string;
  domain?: string;
  metrics: CompactMetric[];
  operations: RowOperations;
  /** Coverage controls it lacks at the period end. */
  missingControls: string[];
}

/** An exception active at the period's end. */
export interface FactsException {
  id: number;
  entityRef: string;
  team?: string;
  businessUnit?: string;
  category: string;
  ageDays: number;
  expiresAt?: string;
  reviewAt?: string;
  hasCompensatingControl: boolean;
  source: string;
}

/** A part of the risk-weighted backlog (a tool, a team, an entity...). */
export interface BacklogPart {
  key: string;
  weight: number;
  count: number;
}

/** A system or domain by its part of the scope's backlog. */
export interface ProductLine {
  ref: string;
  kind: 'system' | 'domain';
  title: string;
  weight: number;
  count: number;
  /** Its entities holding backlog, heaviest first. */
  entities: BacklogPart[];
}

/** A gate type by how often it failed at the first attempt. */
export interface GateFailure {
  gate: string;
  failedFirst: number;
  candidates: number;
  /** Entities whose candidates it failed, with how many. */
  entities: BacklogPart[];
}

/** The detail of one pack scope over the pack's own period. */
export interface ScopeDetailFacts {
  backlogBySource: BacklogPart[];
  backlogByTeam: BacklogPart[];
  backlogByEntity: BacklogPart[];
  productLines: ProductLine[];
  riskConcentration: MonthlyRiskConcentration;
  exceptions: FactsException[];
  /** Categories of exceptions approved in the period. */
  exceptionCategories: ExceptionCategoryCount[];
  recurring: MonthlyRecurringCategories;
  gateFailures: GateFailure[];
  /** Services that released in the period, and those whose releases ran gates. */
  gateAdoption: { releasing: number; gated: number; ungated: string[] };
  controlAdoption: ControlAdoptionCell[];
  /** Tier-1 services lacking controls; `newTier1` when not tier 1 a period earlier. */
  tier1Gaps: Array<{ entityRef: string; missing: string[]; newTier1: boolean }>;
  /** Critical and high findings opened, reopened and closed in the period. */
  flow: WeeklyFindingFlow;
  /** Findings first seen in the period, and of those marked false positive by its end, per source. */
  signal: Array<{ tool: string; firstSeen: number; falsePositives: number }>;
  /** Remediation SLA attainment of deadlines in the period. */
  sla: MonthlySlaAttainment;
  /** Release candidates blocked in the period, by root cause. */
  releaseBlocks: WeeklyReleaseBlocks;
  /** Findings received in scans taken in the period: duplicates within a scan, new, already known. */
  intake: { received: number; duplicate: number; new: number; known: number };
}

/** What a pack reads of its own period beyond the trend. */
export interface DetailFacts {
  version: number;
  period: string;
  businessUnits: Array<{ ref: string; title: string }>;
  scopes: Record<string, ScopeDetailFacts>;
  teams: FactsGroup[];
  systems: FactsGroup[];
  domains: FactsGroup[];
  entities: FactsEntity[];
}

import {
  CountingChange,
  MetricDirection,
  MetricStatus,
  MetricTarget,
  MetricValue,
  PackAudience,
} from '@aspm/plugin-aspm-common';

/** One part of a scope (a business unit, team or source) now and a period earlier. */
export interface NarrativeDriver {
  key: string;
  title: string;
  value: number | null;
  previousValue: number | null;
}

/** A metric as the narrative reads it. */
export interface NarrativeMetric {
  id: string;
  unit: MetricValue['unit'];
  higherIsBetter: boolean;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Undefined when there is no previous period in the history. */
  previousValue?: number | null;
  yearAgoValue?: number | null;
  target?: MetricTarget;
  status: MetricStatus;
  direction?: MetricDirection;
  details?: Record<string, number | null>;
  byBusinessUnit: NarrativeDriver[];
  byTeam: NarrativeDriver[];
  /** Backlog only: its weight by source of findings. */
  bySource?: NarrativeDriver[];
  countingChanges: CountingChange[];
}

/** Facts the decisions are phrased from. */
export interface NarrativeHints {
  /** Tier-1 services lacking each control, most first; `newTier1` of them became tier 1 in the period. */
  tier1Gaps: Array<{ control: string; count: number; newTier1: number }>;
  /** The team holding most of the backlog, and its share. */
  topBacklogTeam?: { title: string; share: number };
  exceptions: { over90: number; withoutControl: number; withoutReview: number };
  /** The gate type failing most often at the first attempt. */
  topGateFailure?: { gate: string; failedFirst: number; candidates: number };
}

/** Everything the executive summary is generated from. */
export interface NarrativeInput {
  audience: PackAudience;
  scopeTitle: string;
  /** `November 2026`. */
  periodLabel: string;
  previousLabel: string;
  /** Whether the scope had any entity in the period. */
  hasData: boolean;
  metrics: NarrativeMetric[];
  hints: NarrativeHints;
}

import { MetricId } from './metricIds';

/** Whether a metric meets its target. @public */
export type MetricStatus = 'met' | 'not-met' | 'no-data';

/** Movement against the previous equal window. @public */
export type MetricDirection = 'improving' | 'flat' | 'worsening';

/** What kind of things stand behind a metric's number. @public */
export type MetricItemKind =
  | 'finding'
  | 'entity'
  | 'exception'
  | 'release'
  | 'review'
  | 'incident-action'
  | 'deployment';

/** A target: the value must be at least (`>=`) or below (`<`) it. @public */
export interface MetricTarget {
  op: '>=' | '<' | '<=' | '>';
  value: number;
}

/** The time a metric was taken over. @public */
export interface MetricTime {
  /** End of the UTC day of the stock metrics (ISO). */
  asOf: string;
  /** The flow metrics' window [from, to) (ISO). */
  from: string;
  to: string;
}

/** One segment of a metric (a tier, a team, a severity x tier cell...). @public */
export interface MetricSegment {
  /** The dimension, e.g. `tier`, `team`, `severity`. Joined with `x` for cells. */
  dimension: string;
  key: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** A metric's answer. @public */
export interface MetricValue {
  id: MetricId;
  title: string;
  /**
   * `ratio` (0..1), `days`, `points` (risk weight), `count`, `per100`,
   * `perWeek` (events a week).
   */
  unit: 'ratio' | 'days' | 'points' | 'count' | 'per100' | 'perWeek';
  /** Null when there is nothing to measure (no data, not zero). */
  value: number | null;
  numerator?: number;
  denominator?: number;
  target?: MetricTarget;
  status: MetricStatus;
  /** Against the previous equal window; absent when either has no data. */
  direction?: MetricDirection;
  previousValue?: number | null;
  /** Further numbers of the metric (e.g. the raw count beside the weight). */
  details?: Record<string, number | null>;
  /** What the items behind the number are. */
  itemKind: MetricItemKind;
  /** How many items stand behind the number. */
  itemCount: number;
}

/** GET /metrics. @public */
export interface MetricsReport {
  scope: string;
  time: MetricTime;
  metrics: MetricValue[];
  /** Read from the daily snapshots, or computed from the event history. */
  source: 'snapshot' | 'computed';
}

/** The daily snapshot job (GET /snapshots/status). @public */
export interface SnapshotJobStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  /** `schedule` (the daily job) or `rebuild` (POST /snapshots/rebuild). */
  trigger?: 'schedule' | 'rebuild';
  /** First and last day (YYYY-MM-DD) of the job. */
  from?: string;
  to?: string;
  /** Days done and to do. */
  done: number;
  total: number;
  /** The day being computed. */
  day?: string;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  /** The last complete snapshot day, if any. */
  lastDay?: string;
}

/** One item behind a metric's number. @public */
export interface MetricItem {
  kind: MetricItemKind;
  /** Finding, exception or release id, or entity ref. */
  id: string;
  entityRef: string;
  label: string;
  /** Whether it counts in the numerator (for ratios). */
  inNumerator?: boolean;
  /** Its contribution to the value (weight, age in days, ...). */
  value?: number;
  /** Why it counts, or why not, in words. */
  note?: string;
}

/** GET /metrics/:id. @public */
export interface MetricDetail {
  scope: string;
  time: MetricTime;
  metric: MetricValue;
  segments: MetricSegment[];
  items: MetricItem[];
  /** All items, before limit/offset. */
  itemsTotal: number;
}

/** One point of GET /metrics/:id/trend. @public */
export interface MetricTrendPoint {
  asOf: string;
  from: string;
  to: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Where the point was read from. */
  source: 'snapshot' | 'computed';
  /** What changed in the counting since the previous point, if anything. */
  countingChanges?: CountingChange[];
}

/** A change of what a metric counted, and what it did to the number. @public */
export interface CountingChange {
  kind: 'config' | 'sources' | 'entities';
  /** In words: "scanner trivy started reporting: +300 findings". */
  description: string;
  /** The metric as counted before the change, on the new date. */
  valueWithoutChange?: number | null;
  /** Its numerator and denominator counted before the change. */
  numeratorWithoutChange?: number;
  denominatorWithoutChange?: number;
  /** value - valueWithoutChange. */
  effect?: number | null;
}

/** GET /metrics/:id/trend. @public */
export interface MetricTrend {
  id: MetricId;
  scope: string;
  interval: 'week' | 'month';
  points: MetricTrendPoint[];
}

/**
 * Director packs (GET /packs/:audience): the reporting bundle a security
 * programme is reviewed with, for one scope (the org or a business unit)
 * and one period. Definitions in docs/packs.md.
 */
import { DirectorMetricId } from './metricIds';
import {
  CountingChange,
  MetricDirection,
  MetricStatus,
  MetricTarget,
  MetricValue,
} from './metrics';

/**
 * Who a pack is for: platform and product leadership (pack A), security
 * managers and team leads (pack B), the board (pack C). @public
 */
export const PACK_AUDIENCES = ['leadership', 'managers', 'board'] as const;
/** @public */
export type PackAudience = (typeof PACK_AUDIENCES)[number];

/** The letters of the packs, accepted in the path for their audience. @public */
export const PACK_LETTERS: Record<string, PackAudience> = {
  a: 'leadership',
  b: 'managers',
  c: 'board',
};

/** Period lengths a pack covers. @public */
export const PACK_PERIOD_KINDS = ['week', 'month', 'quarter', 'half'] as const;
/** @public */
export type PackPeriodKind = (typeof PACK_PERIOD_KINDS)[number];

/** Kinds of strategic ask. @public */
export const STRATEGIC_ASK_KINDS = [
  'budget',
  'platform',
  'hiring',
  'ownership',
  'policy',
  'other',
] as const;
/** @public */
export type StrategicAskKind = (typeof STRATEGIC_ASK_KINDS)[number];

/**
 * A pack's period: `2026-W42` (ISO week), `2026-11` (month), `2026-Q3`
 * (quarter) or `2026-H2` (half-year), with its instants. @public
 */
export interface PackPeriod {
  id: string;
  kind: PackPeriodKind;
  /** [from, to): the period's flow window (ISO). */
  from: string;
  to: string;
  /** Stock numbers are read here: the period's last instant, or now while it runs. */
  asOf: string;
  /**
   * `open`: not over yet (counted up to now); `provisional`: over, but late
   * data may still arrive, numbers recomputed on each request; `closed`:
   * numbers frozen when first generated after the grace day, the same on
   * every later request.
   */
  state: 'open' | 'provisional' | 'closed';
  /** When the frozen numbers of a closed period were computed (ISO). */
  frozenAt?: string;
}

/** A period compared with. @public */
export interface PackComparison {
  period: string;
  /** Whether the stored history reaches back to it (the catalog existed). */
  available: boolean;
}

/** A table cell: text, a number (in the column's unit), or nothing. @public */
export type PackCellValue = string | number | null;

/** How a column's values read. @public */
export type PackColumnType =
  | 'text'
  | 'entity'
  | 'count'
  | 'ratio'
  | 'days'
  | 'points'
  | 'per100'
  | 'perWeek'
  | 'date'
  | 'status'
  | 'direction';

/** One column of a pack table. @public */
export interface PackColumn {
  key: string;
  label: string;
  type: PackColumnType;
  /** The cell holding the status (met / not-met / no-data) of this column's value. */
  statusKey?: string;
}

/**
 * One row of a pack table. `children` drill down (business unit to teams to
 * services; product line to services).
 */
export interface PackRow {
  id: string;
  /** What the row is: `businessUnit`, `team`, `entity`, `system`, `domain`, or a section's own (`control`, `gate`, `exception`...). */
  level: string;
  cells: Record<string, PackCellValue>;
  /** The catalog entity the row is about, when it is one (links). */
  entityRef?: string;
  children?: PackRow[];
}

/** A table of a pack section. @public */
export interface PackTable {
  kind: 'table';
  id: string;
  title: string;
  description?: string;
  columns: PackColumn[];
  rows: PackRow[];
  /** What an empty table means, and what to add to fill it. */
  emptyText: string;
}

/** A key figure. @public */
export interface PackFigure {
  id: string;
  label: string;
  value: number | null;
  unit: PackColumnType;
  note?: string;
  status?: MetricStatus;
  direction?: MetricDirection;
}

/** A row of key figures. @public */
export interface PackFigures {
  kind: 'figures';
  id: string;
  title?: string;
  items: PackFigure[];
}

/** Short paragraphs (the board's themes, progress). @public */
export interface PackText {
  kind: 'text';
  id: string;
  title?: string;
  items: Array<{ title: string; text: string; metricIds?: string[] }>;
  emptyText: string;
}

/** How a narrative item reads: the way its metric moved, or why it is there. @public */
export type NarrativeTone =
  | 'improving'
  | 'flat'
  | 'worsening'
  | 'counting'
  | 'no-data';

/** One narrative pair: what changed, why, and what decision is needed. @public */
export interface NarrativeItem {
  id: string;
  metricIds: string[];
  tone: NarrativeTone;
  whatChanged: string;
  why: string;
  decision?: string;
}

/** The executive summary's narrative. @public */
export interface PackNarrative {
  kind: 'narrative';
  id: string;
  /** The risk trend over the period. */
  trend: 'improving' | 'flat' | 'worsening' | 'no-data';
  headline: string;
  /** What the pack shows: the saved text when there is one, else the draft. */
  items: NarrativeItem[];
  /** Where intervention is needed: the decisions of the items, in order. */
  decisions: string[];
  /** The narrative generated from the data (what `items` is unless saved). */
  draft: { headline: string; items: NarrativeItem[] };
  /** The saved (edited) narrative's author and time, when there is one. */
  saved?: { author: string; savedAt: string; revision: number };
}

/** One point of a pack metric's trend: the metric over one period. @public */
export interface PackTrendPoint {
  period: string;
  value: number | null;
  status?: MetricStatus;
  /** What changed in the counting since the previous period. */
  countingChanges?: CountingChange[];
}

/** A director metric in a pack. @public */
export interface PackMetric {
  id: DirectorMetricId | string;
  title: string;
  /** What the number means, in the pack's language. */
  description: string;
  unit: MetricValue['unit'];
  value: number | null;
  numerator?: number;
  denominator?: number;
  target?: MetricTarget;
  status: MetricStatus;
  /** Against the previous period. */
  direction?: MetricDirection;
  previousValue?: number | null;
  /** The same period a year earlier; absent when history does not reach it. */
  yearAgoValue?: number | null;
  higherIsBetter: boolean;
  /** The metric over the last periods, oldest first (the sparkline). */
  points: PackTrendPoint[];
  /** The same periods per business unit (org packs). */
  byBusinessUnit: Array<{
    key: string;
    title: string;
    points: PackTrendPoint[];
  }>;
}

/** The scorecard of a pack. @public */
export interface PackScorecard {
  kind: 'scorecard';
  id: string;
  title?: string;
  metrics: PackMetric[];
}

/** A strategic ask: a budget, platform, hiring or ownership decision asked for. @public */
export interface StrategicAsk {
  id: number;
  /** The scope it was raised for (`org` or `businessUnit:<group>`). */
  scope: string;
  kind: StrategicAskKind;
  title: string;
  detail?: string;
  /** The metrics it refers to. */
  metricIds: string[];
  /** The period it was raised in. */
  raisedIn: string;
  raisedBy: string;
  raisedAt: string;
  status: 'open' | 'closed';
  /** The period it was closed in. */
  closedIn?: string;
  closedBy?: string;
  closedAt?: string;
  resolution?: string;
  updatedBy: string;
  updatedAt: string;
}

/** An ask as a pack shows it, with the current value of its metrics. @public */
export interface PackAsk extends StrategicAsk {
  /** Raised in an earlier period and still open. */
  carried: boolean;
  metrics: Array<{
    id: string;
    title: string;
    value: number | null;
    unit: MetricValue['unit'];
    status: MetricStatus;
    direction?: MetricDirection;
  }>;
}

/** The strategic asks of a pack. @public */
export interface PackAsks {
  kind: 'asks';
  id: string;
  items: PackAsk[];
  emptyText: string;
}

/** A block of a pack section. @public */
export type PackBlock =
  | PackNarrative
  | PackScorecard
  | PackTable
  | PackFigures
  | PackText
  | PackAsks;

/** Section ids, in the order of seed 000's pack structure. @public */
export const PACK_SECTION_IDS = [
  'summary',
  'metrics',
  'risks',
  'execution',
  'program-panels',
  'signals',
  'asks',
] as const;
/** @public */
export type PackSectionId = (typeof PACK_SECTION_IDS)[number];

/** One section of a pack. @public */
export interface PackSection {
  id: PackSectionId;
  title: string;
  blocks: PackBlock[];
}

/** GET /packs/:audience (format=json). @public */
export interface DirectorPack {
  audience: PackAudience;
  title: string;
  /** `org` or `businessUnit:<group>`. */
  scope: string;
  scopeTitle: string;
  /** Business units the scope picker offers (org packs list all). */
  businessUnits: Array<{ ref: string; title: string }>;
  period: PackPeriod;
  previous: PackComparison;
  yearAgo: PackComparison;
  generatedAt: string;
  /** Whether the caller may edit the narrative and the asks (aspm.pack.edit). */
  canEdit: boolean;
  sections: PackSection[];
}

/** A saved revision of a pack's narrative. @public */
export interface PackNarrativeRevision {
  scope: string;
  period: string;
  audience: PackAudience;
  revision: number;
  headline?: string;
  items: Array<Omit<NarrativeItem, 'id' | 'tone'> & { tone?: NarrativeTone }>;
  author: string;
  savedAt: string;
}

import {
  MetricItem,
  MetricSegment,
  MetricValue,
} from '@aspm/plugin-aspm-common';
import { MetricsConfig } from '../config/readMetricsConfig';
import { MetricsWorld, WorldEntity } from './MetricsWorld';
import { EntityRecords } from './worldIndex';

export const DAY = 86_400_000;

/**
 * What a metric definition reads: the world cut to a scope, and the config.
 * The record lists (findings, fixes, ...) hold the in-scope entities' records
 * only.
 */
export interface MetricContext extends EntityRecords {
  /** The scope, canonical (`org`, `businessUnit:group:default/x`, a ref). */
  scope: string;
  world: MetricsWorld;
  config: MetricsConfig;
  /** Entity kinds ownership completeness counts (lower case). */
  ownershipKinds: string[];
  /** Secret rotation SLA days by tier, `default` for the rest. */
  rotationSlaDays: Record<string, number>;
  /** Entities in the catalog at asOf and in the scope (no Groups). */
  entities: Map<string, WorldEntity>;
}

/** What a definition computes; the engine adds title, target, status. */
export interface MetricComputation {
  unit: MetricValue['unit'];
  value: number | null;
  numerator?: number;
  denominator?: number;
  details?: Record<string, number | null>;
  itemKind: MetricValue['itemKind'];
  items: MetricItem[];
  segments: MetricSegment[];
}

/** Days, to one decimal. */
export const days = (msValue: number) => Math.round((msValue / DAY) * 10) / 10;

/** To `places` decimals. */
export const round = (v: number, places = 4) => {
  const f = 10 ** places;
  return Math.round(v * f) / f;
};

/** numerator / denominator, or null when there is nothing to divide. */
export const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? round(numerator / denominator) : null;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: number[]): number | null {
  if (!values.length) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The tier key of per-tier maps: "1".."3" or `untiered`. */
export const tierKey = (e?: WorldEntity) => e?.tier ?? 'untiered';

/** Items grouped by `keyOf` (missing keys as `(none)`), keys sorted. */
function groupBy<T>(
  items: T[],
  keyOf: (item: T) => string | undefined,
): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item) ?? '(none)';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Segments by `keyOf`, each the share of its items in the numerator. */
export function ratioSegments<T>(
  dimension: string,
  items: T[],
  keyOf: (item: T) => string | undefined,
  inNumerator: (item: T) => boolean,
): MetricSegment[] {
  return groupBy(items, keyOf).map(([key, group]) => {
    const n = group.filter(inNumerator).length;
    return {
      dimension,
      key,
      value: ratio(n, group.length),
      numerator: n,
      denominator: group.length,
    };
  });
}

/** Segments by `keyOf`, each the sum of its values, with the item count. */
export function sumSegments<T>(
  dimension: string,
  items: T[],
  keyOf: (item: T) => string | undefined,
  valueOf: (item: T) => number,
): MetricSegment[] {
  return groupBy(items, keyOf).map(([key, group]) => ({
    dimension,
    key,
    value: round(
      group.reduce((s, item) => s + valueOf(item), 0),
      2,
    ),
    numerator: group.length,
  }));
}

/** Segments by `keyOf`, each the mean of its values (e.g. days to fix). */
export function meanSegments<T>(
  dimension: string,
  items: T[],
  keyOf: (item: T) => string | undefined,
  valueOf: (item: T) => number,
): MetricSegment[] {
  return groupBy(items, keyOf).map(([key, group]) => {
    const values = group.map(valueOf);
    return {
      dimension,
      key,
      value: round(mean(values)!, 1),
      numerator: round(
        values.reduce((a, b) => a + b, 0),
        1,
      ),
      denominator: values.length,
    };
  });
}

import { MetricValue } from '@aspm/plugin-aspm-common';
import { CountingBasis } from '../metrics/countingBasis';

/** One metric of one scope on one day. */
export interface SnapshotRow {
  scope: string;
  metricId: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  details?: Record<string, number | null>;
  unit: MetricValue['unit'];
  itemCount: number;
}

/** A stored snapshot row with its day and the hash of its basis. */
export interface StoredSnapshot extends SnapshotRow {
  day: string;
  basisId: number;
}

/** Stores daily metric snapshots and the bases they were counted with. */
export interface SnapshotStore {
  /**
   * Replaces a day's snapshots (every scope) in one transaction, storing
   * the basis once per distinct hash.
   */
  saveDay(
    day: string,
    basis: { hash: string; basis: CountingBasis },
    rows: SnapshotRow[],
    now: Date,
  ): Promise<void>;
  /** The snapshots of one scope on the given days (complete days only). */
  read(options: {
    scope: string;
    days: string[];
    metricIds?: string[];
  }): Promise<StoredSnapshot[]>;
  /** Bases by id. */
  bases(ids: number[]): Promise<Map<number, CountingBasis>>;
  /** The latest complete day, if any. */
  lastDay(): Promise<string | undefined>;
  /** The complete days in [from, to] (YYYY-MM-DD), ascending. */
  days(options: { from?: string; to?: string }): Promise<string[]>;
}

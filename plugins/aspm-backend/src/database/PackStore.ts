import {
  PackAudience,
  PackNarrativeRevision,
  StrategicAsk,
  StrategicAskKind,
} from '@aspm/plugin-aspm-common';

/** Which pack a narrative belongs to. */
export interface PackKey {
  scope: string;
  period: string;
  audience: PackAudience;
}

/** Frozen numbers of one closed period. */
export interface StoredFacts {
  period: string;
  part: 'trend' | 'detail';
  version: number;
  data: unknown;
  computedAt: string;
}

/** A new strategic ask, with the start of the period it is raised in. */
export interface NewStrategicAsk {
  scope: string;
  kind: StrategicAskKind;
  title: string;
  detail?: string;
  metricIds: string[];
  raisedIn: string;
  raisedFrom: Date;
}

/** What an ask update changes; closing carries the end of the period closed in. */
export interface StrategicAskPatch {
  kind?: StrategicAskKind;
  title?: string;
  detail?: string;
  metricIds?: string[];
  status?: 'open' | 'closed';
  closedIn?: string;
  closedTo?: Date;
  resolution?: string;
}

/** Stores what director packs keep: frozen period numbers, narratives, asks. */
export interface PackStore {
  /** Frozen numbers of the given periods (one part), by period. */
  readFacts(
    periods: string[],
    part: StoredFacts['part'],
  ): Promise<Map<string, StoredFacts>>;
  /**
   * Freezes numbers; a period already frozen keeps its first numbers (so
   * two replicas freezing at once agree with whichever came first).
   */
  saveFacts(rows: StoredFacts[]): Promise<void>;
  /** Forgets the frozen numbers of a period (both parts); how many rows went. */
  deleteFacts(period: string): Promise<number>;

  /** Saves a new revision of a pack's narrative. */
  saveNarrative(
    key: PackKey,
    content: Pick<PackNarrativeRevision, 'headline' | 'items'>,
    author: string,
    now: Date,
  ): Promise<PackNarrativeRevision>;
  /** The latest saved revision, if any. */
  latestNarrative(key: PackKey): Promise<PackNarrativeRevision | undefined>;
  /** Every saved revision, newest first. */
  narrativeRevisions(key: PackKey): Promise<PackNarrativeRevision[]>;

  createAsk(
    ask: NewStrategicAsk,
    actor: string,
    now: Date,
  ): Promise<StrategicAsk>;
  /** Undefined when there is no such ask. */
  updateAsk(
    id: number,
    patch: StrategicAskPatch,
    actor: string,
    now: Date,
  ): Promise<StrategicAsk | undefined>;
  getAsk(id: number): Promise<StrategicAsk | undefined>;
  /** A scope's asks, oldest first. */
  listAsks(query: {
    scope: string;
    status?: 'open' | 'closed';
  }): Promise<StrategicAsk[]>;
  /**
   * Per entity, the findings received in the ingestions whose scans were
   * taken in [from, to) (by scanned_at: a backfilled history counts in its
   * own time): received, duplicates within an upload, new findings.
   */
  scanIntake(query: {
    from: Date;
    to: Date;
  }): Promise<
    Map<string, { received: number; duplicate: number; new: number }>
  >;
  /**
   * The asks a pack of the period shows: raised before the period ends, and
   * open, or closed in a period that ends after this one starts.
   */
  asksForPeriod(query: {
    scope: string;
    from: Date;
    to: Date;
  }): Promise<StrategicAsk[]>;
}

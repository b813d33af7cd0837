import {
  Finding,
  FindingEvent,
  IngestCounts,
  Ingestion,
  IngestResult,
  Page,
  ParsedFinding,
  ScanFormat,
} from '@aspm/plugin-aspm-common';

/** One run of one tool to ingest, with its resolved scan time. */
export interface ScanToIngest {
  tool: { name: string; version?: string };
  runKey?: string;
  scannedAt: Date;
  findings: ParsedFinding[];
}

/** A whole upload (or source pull) for one entity. */
export interface IngestRequest {
  source: string;
  actor?: string;
  format: ScanFormat | 'pull';
  entityRef: string;
  runs: ScanToIngest[];
  receivedAt: Date;
}

export interface FindingsQuery {
  entityRefs?: string[];
  /** These findings only. */
  ids?: number[];
  severity?: string[];
  state?: string[];
  category?: string[];
  tool?: string[];
  /** Only findings first seen at least this many days before `now`. */
  minAgeDays?: number;
  orderBy: 'severity' | 'firstSeenAt' | 'lastSeenAt' | 'title' | 'tool';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  now?: Date;
}

/** Findings, their events, scans and the ingestion log. */
export interface FindingsStore {
  /**
   * Ingests every run of an upload in one transaction: all runs land or none.
   * Throws ConflictError when a run is older than the newest scan stored for
   * its (entity, tool, run key).
   */
  ingest(request: IngestRequest): Promise<IngestResult>;
  listFindings(query: FindingsQuery): Promise<Page<Finding>>;
  getFinding(
    id: number,
  ): Promise<(Finding & { events: FindingEvent[] }) | undefined>;
  listIngestions(query: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<Page<Ingestion>>;
  countFindings(): Promise<number>;
  /** Whether a scan of the entity at exactly this time is stored. */
  hasScanAt(entityRef: string, scannedAt: Date): Promise<boolean>;
  /** Logs a failed source run (or a failed entity within one). */
  recordFailure(entry: {
    source: string;
    entityRef?: string;
    error: string;
    at: Date;
  }): Promise<void>;
}

export const emptyCounts = (): IngestCounts => ({
  received: 0,
  duplicate: 0,
  new: 0,
  unchanged: 0,
  fixed: 0,
  reopened: 0,
  suppressed: 0,
  unsuppressed: 0,
});
